// "postview/sanitize" for browsers and bundlers: the same as ../index.js with the module that has
// the sanitiser, where `sanitize` defaults to true.
import init, * as glue from './postview.js';
import { checkSiteWith } from '../check.js';
import { renderPostWith, siteWith } from '../render.js';

await init({ module_or_path: new URL('./postview_bg.wasm', import.meta.url) });

export const renderPost = renderPostWith(glue);

// Translations (src/wasm/translations.rs): plain functions of the module, no state to recover.
export const { findTranslations, alignBlocks, planTranslationLinks, siteLanguages, translationsOverview } = glue;
// checkSite (postview check): src/wasm/check.rs, one post at a time through ../check.js.
export const checkSite = checkSiteWith(glue);
export const Site = siteWith(glue);
