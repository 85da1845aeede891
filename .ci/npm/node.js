// Entry for Node (the `node` export condition): Node's fetch cannot read file: URLs, so the module
// is read from disk and instantiated synchronously, and nothing needs awaiting.
import { readFileSync } from 'node:fs';
import * as glue from './postview.js';
import { checkSiteWith } from './check.js';
import { renderPostWith, siteWith } from './render.js';

glue.initSync({ module: readFileSync(new URL('./postview_bg.wasm', import.meta.url)) });

export const renderPost = renderPostWith(glue);

// Translations (src/wasm/translations.rs): plain functions of the module, no state to recover.
export const { findTranslations, alignBlocks, planTranslationLinks, siteLanguages, translationsOverview } = glue;
// checkSite (postview check): src/wasm/check.rs, one post at a time through check.js.
export const checkSite = checkSiteWith(glue);
export const Site = siteWith(glue);
