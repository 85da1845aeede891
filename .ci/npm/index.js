// Entry for browsers and bundlers. Top-level await: importers wait until the module is
// instantiated, so `renderPost` works as soon as the import resolves. The `new URL(…,
// import.meta.url)` form is what browsers resolve next to this file and what bundlers (Vite,
// webpack, Rollup) recognise and emit as an asset.
import init, * as glue from './postview.js';
import { checkSiteWith } from './check.js';
import { renderPostWith, siteWith } from './render.js';

await init({ module_or_path: new URL('./postview_bg.wasm', import.meta.url) });

export const renderPost = renderPostWith(glue);

// Translations (src/wasm/translations.rs): plain functions of the module, no state to recover.
export const { findTranslations, alignBlocks, planTranslationLinks, siteLanguages, translationsOverview } = glue;
// checkSite (postview check): src/wasm/check.rs, one post at a time through check.js.
export const checkSite = checkSiteWith(glue);
export const Site = siteWith(glue);
