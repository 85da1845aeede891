// The `renderPost` both entries export. Every call from users passes through this one function,
// so behaviour around the wasm call (such as re-instantiating the module after a wasm trap)
// belongs here and nowhere else. The entries only load the module before exporting it.
import { renderPost as renderInWasm } from './postview.js';

/**
 * Renders a post (its whole text, front matter included) as the Jekyll site publishes it.
 */
export function renderPost(source, options) {
  return renderInWasm(source, options);
}
