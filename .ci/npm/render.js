// The `renderPost` every entry exports: each entry loads its own module (with or without the
// sanitiser) and hands its glue to `renderPostWith`. Every call from users passes through here,
// so what happens around the wasm call belongs here and nowhere else.
//
// A Rust panic aborts, which in wasm is a trap (`WebAssembly.RuntimeError`); so do an overflowing
// stack (V8 may report it as a `RangeError`) and an allocation that fails. A trapped instance may
// hold half-changed memory, so it is never used again: the glue makes a fresh one, and the call
// that failed returns a post that says so, as a diagnostic, rather than throwing. The module's
// panic hook leaves the panic's message on the global object (under PANIC_KEY) and schedules
// the fresh instance itself; a trap it did not see is scheduled here.

import { plainOptions } from './arguments.js';
import { renderedFrom, unpack, UTF16 } from './rendered.js';

const PANIC_KEY = '__postviewPanic';

/** Returns `renderPost` for a module's wasm-bindgen glue (an instantiated `postview.js`). */
export function renderPostWith(glue) {
  /**
   * Renders a post (its whole text, front matter included) as the Jekyll site publishes it.
   */
  return function renderPost(source, options) {
    // Outside the try: a malformed `site` is the caller's TypeError, and the module never saw it.
    const plain = plainOptions(options, 'renderPost');
    try {
      const path = pathAlone(plain);
      const header = path === undefined ? glue.renderPostPacked(source, plain, undefined, UTF16) : glue.renderPostPacked(source, undefined, path, UTF16);
      return renderedFrom(unpack(header));
    } catch (error) {
      const trapped = isTrap(error);
      // Anything else that came out of the call (a TypeError for malformed options, or an
      // exception of the caller's own, such as a throwing getter in `options`) is the caller's
      // to handle; but it may have left the instance mid-call too, and a fresh one costs little.
      const panic = takePanicMessage();
      let reason = panic ?? `${error.name}: ${error.message}`;
      try {
        renew(glue, panic !== undefined);
      } catch (renewing) {
        reason += ` (and the module could not be renewed: ${renewing})`;
      }
      if (!trapped) throw error;
      return failed(reason);
    }
  };
}

/**
 * The path of options that hold a string `path` and nothing else the module reads (the usual
 * call), else undefined. Such a path goes to the module as a string argument, which is cheaper
 * than the module reading the options object key by key; anything else goes as the object, for
 * the module to read and judge.
 */
function pathAlone(plain) {
  if (plain === null || typeof plain !== 'object') return undefined;
  const { site, languages, path, sanitize } = plain;
  const none = (value) => value === undefined || value === null;
  return typeof path === 'string' && none(site) && none(languages) && none(sanitize) ? path : undefined;
}

/** Whether `error` is the module failing (a trap), not an exception of the caller's. */
export function isTrap(error) {
  return error instanceof WebAssembly.RuntimeError || error instanceof RangeError;
}

/** The message the panic hook left for the call that just trapped, if it left one. */
export function takePanicMessage() {
  const message = globalThis[PANIC_KEY];
  delete globalThis[PANIC_KEY];
  return typeof message === 'string' ? message : undefined;
}

/**
 * Makes the glue replace the instance now. `scheduled`: the panic hook has already asked for it
 * (it did if it left a message); otherwise the dead instance is asked, through an export that
 * only calls back into the glue. `renewPending` then runs the glue's pending renewal at once, so
 * that the next call copies its arguments into the fresh instance, not the dead one.
 */
export function renew(glue, scheduled) {
  if (!scheduled) glue.renewInstance();
  glue.renewPending();
}

/** The result of a call that failed inside the module: no body, and one error saying why. */
function failed(reason) {
  const message = `postview failed on this text (a bug: please report it with the post): ${reason}`;
  console.error(message);
  return {
    frontMatter: {},
    html: '',
    title: null,
    lang: null,
    date: null,
    image: null,
    translations: [],
    headings: [],
    diagnostics: [{ severity: 'error', code: 'preview/crashed', message, line: 1, column: 1 }],
    blockLines: [],
    needsLexers: [],
  };
}

/**
 * Returns the `Site` class for a module's glue, which `glue()` gives (instantiating the module on
 * first use). The files are also kept here, so that if a call traps the module (a bug), the site
 * is made again in the fresh instance and the call that failed returns a page that says so
 * instead of throwing.
 */
export function siteWith(glueOf) {
  return class Site {
    #files;
    #inner;
    constructor(files) {
      const glue = glueOf();
      this.#inner = new glue.Site(files);
      this.#files = new Map(Array.from(files, (f) => [String(f.path), String(f.text)]));
    }
    #call(run, fallback) {
      try {
        return run(this.#inner);
      } catch (error) {
        const trapped = isTrap(error);
        const panic = takePanicMessage();
        if (!trapped) throw error;
        const glue = glueOf();
        renew(glue, panic !== undefined);
        this.#inner = new glue.Site(Array.from(this.#files, ([path, text]) => ({ path, text })));
        return fallback(panic ?? `${error.name}: ${error.message}`);
      }
    }
    renderPage(path, source) {
      return this.#call((s) => s.renderPage(path, source), (why) => ({ ...failed(why), page: '', url: '', layoutDiagnostics: [] }));
    }
    build(options) {
      return this.#call(
        (s) => s.build(options),
        (why) => ({
          files: [],
          diagnostics: [{ path: '', severity: 'error', code: 'preview/crashed', message: why, line: 1, column: 1 }],
          inexact: [],
          stopsBuild: false,
        }),
      );
    }
    setFile(path, text) {
      this.#call((s) => s.setFile(path, text), () => undefined);
      this.#files.set(String(path), String(text));
    }
    posts() {
      return this.#call((s) => s.posts(), () => []);
    }
    languages() {
      return this.#call((s) => s.languages(), () => []);
    }
    diagnostics() {
      return this.#call((s) => s.diagnostics(), () => []);
    }
  };
}
