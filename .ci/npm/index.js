// Entry for browsers and bundlers. Top-level await: importers wait until the body module is
// instantiated, so `renderPost` works as soon as the import resolves. The site module is fetched
// by `ready()` (or `renderPostAsync` for a post that needs it); `Site`, `checkSite` and the
// translation functions throw until it has resolved. The `new URL(…, import.meta.url)` form is
// what browsers resolve next to this file and what bundlers (Vite, webpack, Rollup) recognise and
// emit as an asset.
import init, * as glue from './postview.js';
import { apiOf } from './modules.js';

await init({ module_or_path: new URL('./postview_bg.wasm', import.meta.url) });

let siteGlue = null;
let loading = null;
const load = () =>
  (loading ??= import('./site/postview.js').then(async (module) => {
    await module.default({ module_or_path: new URL('./site/postview_bg.wasm', import.meta.url) });
    siteGlue = module;
  }));
// A failed fetch may be retried by the next call.
const loadOnce = () => load().catch((error) => {
  loading = null;
  throw error;
});
const site = () => {
  if (siteGlue === null) {
    throw new Error('postview: Site, checkSite and the translation functions need the site module, which a browser fetches: `await ready()` first');
  }
  return siteGlue;
};

const api = apiOf(glue, { site, loaded: () => siteGlue !== null, load: loadOnce });

export const {
  renderPost, renderPostAsync, ready, findTranslations, alignBlocks, planTranslationLinks, siteLanguages, translationsOverview, checkSite, Site,
} = api;
