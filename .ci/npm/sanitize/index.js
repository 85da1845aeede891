// "postview/sanitize" for browsers and bundlers: the API of ../index.js over one module that has
// the sanitiser and everything else (every lexer, Site, checkSite), where `sanitize` defaults to
// true. That module is loaded on import, so `ready()` resolves at once.
import init, * as glue from './postview.js';
import { apiOf } from '../modules.js';

await init({ module_or_path: new URL('./postview_bg.wasm', import.meta.url) });

// The one module is both the body module and the site module.
const api = apiOf(glue, { site: () => glue, loaded: () => true, load: async () => {} });

export const {
  renderPost, renderPostAsync, ready, findTranslations, alignBlocks, planTranslationLinks, siteLanguages, translationsOverview, checkSite, Site,
} = api;
