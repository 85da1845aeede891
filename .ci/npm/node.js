// Entry for Node (the `node` export condition): Node's fetch cannot read file: URLs, so the module
// is read from disk and instantiated synchronously, and nothing needs awaiting.
import { readFileSync } from 'node:fs';
import { initSync } from './postview.js';

initSync({ module: readFileSync(new URL('./postview_bg.wasm', import.meta.url)) });

export { renderPost } from './render.js';
