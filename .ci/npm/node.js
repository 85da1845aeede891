// Entry for Node (the `node` export condition): Node's fetch cannot read file: URLs, so each module
// is read from disk and instantiated synchronously, and nothing needs awaiting: the body module on
// import, the site module the first time it is needed (modules.js).
import { readFileSync } from 'node:fs';
import * as glue from './postview.js';
import * as siteGlue from './site/postview.js';
import { apiOf } from './modules.js';

const instantiate = (module, file) => module.initSync({ module: readFileSync(new URL(file, import.meta.url)) });

instantiate(glue, './postview_bg.wasm');
let instantiated = false;
const site = () => {
  if (!instantiated) {
    instantiate(siteGlue, './site/postview_bg.wasm');
    instantiated = true;
  }
  return siteGlue;
};

const api = apiOf(glue, { site, loaded: () => true, load: async () => void site() });

export const {
  renderPost, renderPostAsync, ready, findTranslations, alignBlocks, planTranslationLinks, siteLanguages, translationsOverview, checkSite, Site,
} = api;
