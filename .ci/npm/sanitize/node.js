// "postview/sanitize" for Node: the same as ../node.js with the module that has the sanitiser,
// where `sanitize` defaults to true.
import { readFileSync } from 'node:fs';
import * as glue from './postview.js';
import { renderPostWith, siteWith } from '../render.js';

glue.initSync({ module: readFileSync(new URL('./postview_bg.wasm', import.meta.url)) });

export const renderPost = renderPostWith(glue);
export const Site = siteWith(glue);
