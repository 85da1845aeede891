// "postview/sanitize" for browsers and bundlers: the same as ../index.js with the module that has
// the sanitiser, where `sanitize` defaults to true.
import init, * as glue from './postview.js';
import { renderPostWith, siteWith } from '../render.js';

await init({ module_or_path: new URL('./postview_bg.wasm', import.meta.url) });

export const renderPost = renderPostWith(glue);
export const Site = siteWith(glue);
