// The page's two modules (docs/weight.md): the body module (pkg/), which renders posts, keeps the
// drafts and is all that the first load fetches, and the site module (pkg/site/: a folder shown
// as its published pages, the translations, the Forestry forms, every lexer), loaded by
// `loadSite()`: when a folder or files are opened, and when a post has code in a language only
// it colours. The service worker keeps both for offline use (offline.js).
//
// Every file of the page takes the module's exports from here, never from pkg/ itself: each
// export asks the module loaded last, and each `Preview` made before the site module loaded goes
// on in it, with the same post, folder and settings.
import init, * as body from './pkg/postview.js';

await init();

let current = body;
let site = null;
let loading = null;
const previews = new Set();

/** Loads the site module (once); resolves when every export is the site module's. */
export function loadSite() {
  loading ??= (async () => {
    const glue = await import('./pkg/site/postview.js');
    await glue.default();
    site = current = glue;
    for (const preview of previews) preview.moveTo(glue);
  })().catch((error) => {
    // A failed fetch (offline, before the service worker kept the module) may be retried.
    loading = null;
    throw error;
  });
  return loading;
}

/** An export of the site module: it throws a clear error until `loadSite()` has resolved. */
function ofSite(name) {
  const glue = () => {
    if (site === null) throw new Error(`postview: ${name} needs the site module: await loadSite() first`);
    return site;
  };
  return new Proxy(function unloaded() {}, {
    apply: (_, self, args) => Reflect.apply(glue()[name], self, args),
    construct: (_, args) => Reflect.construct(glue()[name], args),
    get: (_, key) => glue()[name][key],
  });
}

const ofCurrent = (name) => (...args) => current[name](...args);

export const renderPost = ofCurrent('renderPost');
// The page's questions about languages and files (src/wasm/languages.rs): in both modules.
export const postLanguage = ofCurrent('postLanguage');
export const sortLanguages = ofCurrent('sortLanguages');
export const sitePath = ofCurrent('sitePath');
export const opensAsPost = ofCurrent('opensAsPost');
export const isMarkdown = ofCurrent('isMarkdown');
export const defaultLanguages = ofCurrent('defaultLanguages');
// The problems list in the interface's language (src/wasm/languages.rs): in both modules.
export const describeProblem = ofCurrent('describeProblem');
// Both modules: the language switcher keeps the reader's place with it.
export const alignBlocks = ofCurrent('alignBlocks');
export const findTranslations = ofSite('findTranslations');
export const siteLanguages = ofSite('siteLanguages');
export const planTranslationLinks = ofSite('planTranslationLinks');
export const translationsOverview = ofSite('translationsOverview');
export const SiteTemplates = ofSite('SiteTemplates');

/**
 * The crate's `Preview` (src/page/) in the module loaded last. It keeps what the page set (the
 * root, the post and its text, the folder, the site object, paused) so that, when the site module
 * loads, a `Preview` of that module takes over with the same state; every other member is the
 * inner one's. A report that names lexers only the site module has loads it, and the post is then
 * rendered coloured.
 */
class PagePreview {
  #inner;
  #root;
  #onRender;
  #settings = [];
  #post = null;

  constructor(root, onRender) {
    this.#root = root;
    this.#onRender = (report) => {
      if (report.needsLexers?.length) loadSite().catch((error) => console.warn(`postview: ${error.message}`));
      return onRender(report);
    };
    this.#inner = new current.Preview(root, this.#onRender);
    previews.add(this);
    // Members not defined here are the inner Preview's.
    return new Proxy(this, {
      get: (self, key) => {
        // Bound to the object itself: its private fields are not reachable through the proxy.
        const owner = key in self ? self : self.#inner;
        const value = Reflect.get(owner, key, owner);
        return typeof value === 'function' ? value.bind(owner) : value;
      },
      set: (self, key, value) => (key in self ? Reflect.set(self, key, value, self) : ((self.#inner[key] = value), true)),
    });
  }

  attach(root) {
    this.#root = root;
    return this.#inner.attach(root);
  }

  // The body module has no site view: until the site module loads, no site is open, so there is
  // nothing to draw into another document or to close.
  attachSite(document) {
    return this.#inner.attachSite?.(document);
  }

  closeSite() {
    return this.#inner.closeSite?.();
  }

  setSite(value) {
    this.#setting('setSite', value);
  }

  set folder(value) {
    this.#setting('folder', value);
  }

  get paused() {
    return this.#inner.paused;
  }

  set paused(value) {
    this.#setting('paused', value);
  }

  open(id, lang, path, text) {
    this.#post = { id, lang, path, text };
    return this.#inner.open(id, lang, path, text);
  }

  edit(text) {
    if (this.#post) this.#post.text = text;
    return this.#inner.edit(text);
  }

  /** Hands over to a `Preview` of `glue` (the site module), which shows the same post at once. */
  moveTo(glue) {
    const inner = new glue.Preview(this.#root, this.#onRender);
    for (const [key, value] of this.#settings) apply(inner, key, value);
    const old = this.#inner;
    this.#inner = inner;
    if (this.#post) inner.open(this.#post.id, this.#post.lang, this.#post.path, this.#post.text);
    old.free();
  }

  #setting(key, value) {
    this.#settings = this.#settings.filter(([k]) => k !== key).concat([[key, value]]);
    apply(this.#inner, key, value);
  }
}

const apply = (preview, key, value) => (key === 'setSite' ? preview.setSite(value) : (preview[key] = value));

/** `Preview`: made as a `PagePreview`; its static functions are the current module's. */
export const Preview = new Proxy(PagePreview, {
  get: (target, key) => {
    if (key in target) return target[key];
    const value = current.Preview[key];
    return typeof value === 'function' ? value.bind(current.Preview) : value;
  },
});
