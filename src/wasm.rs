//! The JavaScript boundary: `renderPost(source, options?)`. Only this module knows about JS.
//!
//! Options are checked here, and a malformed one is a `TypeError`; the source text can never make
//! it throw. The result is a plain object (maps become objects, `None` becomes `null`).
//!
//! A panic must never leave the module unusable: with `panic = "abort"` (wasm32's default) it
//! traps, and a trapped instance may hold half-changed state. The start function installs a hook
//! that leaves the panic's message where the JS wrapper (`.ci/npm/render.js`) reads it after the
//! trap, and has wasm-bindgen's glue make a fresh instance before the next call. A trap that
//! passes no hook (stack overflow, out of memory) is covered by [`renew_instance`], which the
//! wrapper calls after any such failure.

// The site module's exports (feature `site`): `Site`, `checkSite`, the translations.
#[cfg(any(feature = "site", feature = "page"))]
mod align;
#[cfg(feature = "site")]
mod check;
#[cfg(feature = "crash-test")]
pub(crate) mod crash_test;
#[cfg(feature = "page")]
mod languages;
pub mod packed;
#[cfg(feature = "sanitize")]
mod sanitize;
#[cfg(feature = "site")]
mod site;
#[cfg(feature = "site")]
mod translations;

use crate::{render_post, Options, Value};

/// The allocator of every module: talc, smaller and faster than std's dlmalloc on wasm32.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
use wasm_bindgen::prelude::*;

// Made from the table of codes, so that the types list every code and only those.
#[wasm_bindgen(typescript_custom_section)]
const DIAGNOSTIC_CODES: &str = crate::diagnostic::CODES_TYPESCRIPT;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Options of `renderPost`. */
export interface RenderOptions {
  /**
   * The Liquid `site` object. Default `{ baseurl_root: "" }`; keys given are laid over it. Its `kramdown` and `highlighter` keys are the site's kramdown options, read as Jekyll reads `_config.yml`.
   * Read as data (objects, arrays, Maps, scalars) from a copy made before the call: at most 64 levels deep and 250,000 values (a shared object counted each time it appears); a value that contains itself, nests deeper or holds more is a `TypeError`.
   */
  site?: Record<string, unknown>;
  /** The site's language codes, in its order: the front matter keys naming translations (a key beyond them that looks like a language code and names a post counts too, after them). Default en, ja, ko, zh-Hans, zh-Hant. */
  languages?: string[];
  /** The post's path in the site, e.g. `_i18n/ja/_posts/2021-01-20-x.md`: its `_i18n/<lang>/` folder gives the language (over the `lang` key, as the site publishes it), its name the date when the front matter has none. */
  path?: string;
  /**
   * Sanitizes `html` for insertion into a page (no scripts, handlers, frames, forms or unsafe URLs)
   * and keeps `image` only if it is a safe image URL. Default `true` from "postview/sanitize",
   * the only entry that has the sanitiser; from "postview", `true` throws a `TypeError`.
   */
  sanitize?: boolean;
}

/** A value of front matter, as YAML wrote it. */
export type FrontMatterValue = string | number | boolean | null | FrontMatterValue[] | { [key: string]: FrontMatterValue };

export interface Translation {
  /** The language code (the front matter key). */
  lang: string;
  /** The translation's path in the site (the key's value). */
  path: string;
  /** The file name without date prefix and `.md`, as the site's URLs use it. */
  slug: string;
}

export interface Heading {
  /** 1 to 6. */
  level: number;
  /** The id kramdown gives the heading. */
  id: string;
  /** The heading's text. */
  text: string;
}

export interface Diagnostic {
  severity: "error" | "warning";
  /**
   * The kind of problem, stable across versions (`area/what`, e.g. `liquid/unknown-tag`): match
   * on it, not on `message`. docs/diagnostics.md in postview's repository lists every code.
   */
  code: DiagnosticCode;
  message: string;
  /** 1-based line in the whole source file. */
  line: number;
  /** 1-based column, in characters (code points). */
  column: number;
}

export interface RenderedPost {
  /** Every front matter key, values as written. */
  frontMatter: { [key: string]: FrontMatterValue };
  /** The body HTML, as Jekyll hands it to the layout as `{{ content }}`. */
  html: string;
  title: string | null;
  lang: string | null;
  /** `YYYY-MM-DD`. */
  date: string | null;
  /** The front matter `image` with its Liquid rendered. */
  image: string | null;
  translations: Translation[];
  headings: Heading[];
  /** In source order. */
  diagnostics: Diagnostic[];
  /** The source line of each top-level block of `html`, in order (empty when sanitized). */
  blockLines: number[];
  /**
   * The code languages of the post that this module writes uncoloured (escaped, in rouge's
   * wrapper) but the site module colours: render again with it to get what Jekyll publishes
   * (`renderPostAsync`, or `renderPost` in Node). Empty from the site module.
   */
  needsLexers: string[];
}

/**
 * Renders a post (its whole text, front matter included) as the Jekyll site publishes it.
 * Never throws for anything in `source`; throws a `TypeError` for malformed options (a `site`
 * with a cycle, deeper than 64 levels or of more than 250,000 values among them).
 */
export function renderPost(source: string, options?: RenderOptions): RenderedPost;

/**
 * `renderPost`, which for a post that needs a lexer only the site module has (`needsLexers`)
 * loads that module first (a fetch in browsers) and renders with it: what Jekyll publishes.
 */
export function renderPostAsync(source: string, options?: RenderOptions): Promise<RenderedPost>;

/**
 * Loads the site module (`Site`, `checkSite`, the translation functions, every lexer). In Node
 * they load it themselves, synchronously, when first used; a browser fetches it, so there they
 * throw until this has resolved. Resolves at once once loaded.
 */
export function ready(): Promise<void>;
"#;

/// Where the panic hook leaves the message of a panic, on the JS global object, for the wrapper to
/// read (and delete) once the call has trapped.
const PANIC_KEY: &str = "__postviewPanic";

/// Runs when the module is instantiated, and again for every fresh instance.
#[wasm_bindgen(start, skip_typescript)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let what = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("a panic without a message");
        let message = match info.location() {
            Some(at) => format!("{what} (at {}:{})", at.file(), at.line()),
            None => what.to_owned(),
        };
        let _ = js_sys::Reflect::set(
            &js_sys::global(),
            &JsValue::from_str(PANIC_KEY),
            &JsValue::from_str(&message),
        );
        renew_instance();
    }));
}

/// Has wasm-bindgen's glue replace this instance by a fresh one before the next call into it.
/// Exported for the JS wrapper, which calls it after a trap the panic hook did not see: it only
/// calls into the glue, so it still runs in an instance whose stack is broken.
///
/// The page's build does not renew: its `Preview` objects point into the instance's memory and
/// would point into a blank one. A panic there leaves the page to say so (its drafts are saved).
#[wasm_bindgen(js_name = renewInstance, skip_typescript)]
pub fn renew_instance() {
    #[cfg(not(feature = "page"))]
    wasm_bindgen::handler::schedule_reinit();
}

/// Does nothing, so that calling it makes the glue renew a scheduled instance now. The wrapper
/// calls it right after a trap: the glue copies a call's string arguments into the instance
/// before it checks for a scheduled renewal, so a `renderPost` call would copy its source into
/// the old instance's memory and then read it from the fresh one's.
#[wasm_bindgen(js_name = renewPending, skip_typescript)]
pub fn renew_pending() {}

/// See the TypeScript declaration above. The npm package's `renderPost` is `renderPostPacked`
/// unpacked by its JS wrapper, which is faster; this one builds the object in Rust with
/// serde-wasm-bindgen, which the tests compare the packed one with (`tests/web.rs`, run in a
/// debug build, and the packaging tests, through the crash-test build). The npm module goes
/// without it: 5 KB gzipped.
#[cfg(any(debug_assertions, feature = "page", feature = "crash-test"))]
#[wasm_bindgen(js_name = renderPost, skip_typescript)]
pub fn render_post_js(source: &str, options: JsValue) -> Result<JsValue, JsValue> {
    to_js(&render_with(source, &options, None)?)
}

/// A value as a plain JS object (maps become objects, `None` becomes `null`): every result but the
/// packed `renderPost`'s, the page's (`src/page/`) included.
#[cfg(any(
    feature = "site",
    feature = "page",
    feature = "crash-test",
    debug_assertions
))]
pub(crate) fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// `renderPost`, its result packed (`src/wasm/packed.rs`) for `.ci/npm/rendered.js` to unpack;
/// `utf16`: its strings as UTF-16 (for the runtimes that decode that faster). `path`, where
/// given, is the post's path over any in `options`: the JS wrapper passes the usual options, a
/// path alone, this way with `options` undefined, since a string argument costs one crossing
/// and reading an object's keys one or two each.
#[wasm_bindgen(js_name = renderPostPacked, skip_typescript)]
pub fn render_post_packed(
    source: &str,
    options: JsValue,
    path: Option<String>,
    utf16: bool,
) -> Result<JsValue, JsValue> {
    Ok(packed::to_js(
        render_with(source, &options, path)?,
        Vec::new(),
        utf16,
    ))
}

/// What both exports do before they hand the post over: read the options, render, sanitize.
/// `path`, where given, is the post's path over any in `options` (see `render_post_packed`).
fn render_with(
    source: &str,
    options: &JsValue,
    path: Option<String>,
) -> Result<crate::Rendered, JsValue> {
    let mut options = read_options(options)?;
    if path.is_some() {
        options.core.path = path;
    }
    #[cfg(feature = "crash-test")]
    crash_test::crash_if_armed();
    let rendered = render_post(source, &options.core);
    Ok(if options.sanitize {
        sanitized(rendered)
    } else {
        rendered
    })
}

#[cfg(feature = "sanitize")]
use sanitize::rendered as sanitized;

/// Never called: without the sanitiser, `read_options` refuses `sanitize: true`. Were it called,
/// the panic would give the caller no HTML at all, rather than HTML it believes sanitized.
#[cfg(not(feature = "sanitize"))]
fn sanitized(_: crate::Rendered) -> crate::Rendered {
    unreachable!("sanitize: true reached a build without the sanitiser")
}

/// `renderPost`'s options: the core's, and whether to sanitize.
struct JsOptions {
    core: Options,
    sanitize: bool,
}

/// Sanitizing is the default where the sanitiser is built in ("postview/sanitize"), and cannot be
/// asked for where it is not: nobody should get raw HTML believing it sanitized.
const SANITIZE_BY_DEFAULT: bool = cfg!(feature = "sanitize");

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

fn read_options(js: &JsValue) -> Result<JsOptions, JsValue> {
    let mut options = Options::default();
    if js.is_undefined() || js.is_null() {
        return Ok(JsOptions {
            core: options,
            sanitize: SANITIZE_BY_DEFAULT,
        });
    }
    if !js.is_object() || js_sys::Array::is_array(js) {
        return Err(type_error(
            "renderPost: options should be an object like { site, languages, path, sanitize }",
        ));
    }
    // The keys as JS strings made once per instance: `JsValue::from_str` has the glue decode
    // each from the module's memory on every call (a front-matter-only call: 6–15% faster).
    thread_local! {
        static KEYS: [JsValue; 4] = ["site", "languages", "path", "sanitize"].map(JsValue::from_str);
    }
    let [site, languages, path, sanitize] = KEYS.with(|keys| {
        keys.each_ref()
            .map(|key| js_sys::Reflect::get(js, key).unwrap_or(JsValue::UNDEFINED))
    });

    if !site.is_undefined() && !site.is_null() {
        let value: Value = serde_wasm_bindgen::from_value(site).map_err(|e| {
            type_error(&format!(
                "renderPost: options.site should be a plain object: {e}"
            ))
        })?;
        let Value::Map(map) = value else {
            return Err(type_error(
                "renderPost: options.site should be a plain object",
            ));
        };
        options = Options {
            site: Options::with_site(map).site,
            ..options
        };
    }

    if !languages.is_undefined() && !languages.is_null() {
        let list: Vec<String> = serde_wasm_bindgen::from_value(languages).map_err(|_| {
            type_error(
                "renderPost: options.languages should be an array of language codes (strings)",
            )
        })?;
        options.languages = list;
    }

    if !path.is_undefined() && !path.is_null() {
        options.path = Some(
            path.as_string()
                .ok_or_else(|| type_error("renderPost: options.path should be a string"))?,
        );
    }

    let sanitize = if sanitize.is_undefined() || sanitize.is_null() {
        SANITIZE_BY_DEFAULT
    } else {
        sanitize
            .as_bool()
            .ok_or_else(|| type_error("renderPost: options.sanitize should be true or false"))?
    };
    if sanitize && !cfg!(feature = "sanitize") {
        return Err(type_error(
            "renderPost: this build has no sanitiser, so sanitize: true cannot be honoured; \
             import { renderPost } from \"postview/sanitize\" instead",
        ));
    }
    Ok(JsOptions {
        core: options,
        sanitize,
    })
}
