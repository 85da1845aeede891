// "postview/sanitize" for Node: the API of ../node.js over one module that has the sanitiser and
// everything else (every lexer, Site, checkSite), where `sanitize` defaults to true.
import { readFileSync } from 'node:fs';
import * as glue from './postview.js';
import { apiOf } from '../modules.js';

glue.initSync({ module: readFileSync(new URL('./postview_bg.wasm', import.meta.url)) });

// The one module is both the body module and the site module.
const api = apiOf(glue, { site: () => glue, loaded: () => true, load: async () => {} });

export const {
  renderPost, renderPostAsync, ready, findTranslations, alignBlocks, planTranslationLinks, siteLanguages, translationsOverview, checkSite, Site,
} = api;
