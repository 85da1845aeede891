// The package's API over its two modules (docs/weight.md): the body module, which every entry
// instantiates on import and which renders posts with the core lexers, and the site module (every
// export of the crate, every lexer), instantiated the first time it is needed: `Site`,
// `checkSite`, the translation functions, or a post in a language only it colours. Node reads the
// site module synchronously; a browser fetches it, so there `ready()` must have resolved first.

import { checkSiteWith } from './check.js';
import { renderPostWith, siteWith } from './render.js';

/**
 * The exports of an entry. `body`: the instantiated body module's glue. `site()`: the site
 * module's glue, instantiated now if it is not yet; it throws where that cannot be done
 * synchronously. `loaded()`: whether the site module is instantiated. `load()`: a promise of its
 * instantiation.
 */
export function apiOf(body, { site, loaded, load }) {
  const renderBody = renderPostWith(body);
  let renderFull = null;
  const full = (source, options) => (renderFull ??= renderPostWith(site()))(source, options);
  let check = null;
  const fromSite = (name) => (...args) => site()[name](...args);

  /**
   * A post that needs a lexer the body module lacks is rendered again by the site module, when
   * it is instantiated (always possible in Node): the result is then what Jekyll publishes.
   */
  function renderPost(source, options) {
    const post = renderBody(source, options);
    return post.needsLexers.length > 0 && loaded() ? full(source, options) : post;
  }

  /** `renderPost`, loading the site module first when the post needs a lexer only it has. */
  async function renderPostAsync(source, options) {
    const post = renderBody(source, options);
    if (post.needsLexers.length === 0) return post;
    await load();
    return full(source, options);
  }

  return {
    renderPost,
    renderPostAsync,
    ready: () => load(),
    // Translations (src/wasm/translations.rs): plain functions of the module, no state to recover.
    findTranslations: fromSite('findTranslations'),
    alignBlocks: fromSite('alignBlocks'),
    planTranslationLinks: fromSite('planTranslationLinks'),
    siteLanguages: fromSite('siteLanguages'),
    translationsOverview: fromSite('translationsOverview'),
    // checkSite (postview check): src/wasm/check.rs, one post at a time through check.js.
    checkSite: (files, assetPaths) => (check ??= checkSiteWith(site()))(files, assetPaths),
    Site: siteWith(site),
  };
}
