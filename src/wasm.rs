//! The JavaScript boundary: `renderPost(source, options?)`. Only this module knows about JS.
//!
//! Options are checked here, and a malformed one is a `TypeError`; the source text can never make
//! it throw. The result is a plain object (maps become objects, `None` becomes `null`).

use crate::{render_post, Options, Value};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Options of `renderPost`. */
export interface RenderOptions {
  /** The Liquid `site` object. Default `{ baseurl_root: "" }`; keys given are laid over it. */
  site?: Record<string, unknown>;
  /** The site's language codes: the front matter keys naming translations. Default en, ja, ko, zh-Hans, zh-Hant. */
  languages?: string[];
  /** The post's path in the site, e.g. `_i18n/ja/_posts/2021-01-20-x.md`: gives the language and date when the front matter lacks them. */
  path?: string;
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
  /** The source line of each top-level block of `html`, in order. */
  blockLines: number[];
}

/**
 * Renders a post (its whole text, front matter included) as the Jekyll site publishes it.
 * Never throws for anything in `source`; throws a `TypeError` for malformed options.
 */
export function renderPost(source: string, options?: RenderOptions): RenderedPost;
"#;

/// See the TypeScript declaration above.
#[wasm_bindgen(js_name = renderPost, skip_typescript)]
pub fn render_post_js(source: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let options = read_options(&options)?;
    let rendered = render_post(source, &options);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    rendered
        .serialize(&serializer)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

fn read_options(js: &JsValue) -> Result<Options, JsValue> {
    let mut options = Options::default();
    if js.is_undefined() || js.is_null() {
        return Ok(options);
    }
    if !js.is_object() || js_sys::Array::is_array(js) {
        return Err(type_error(
            "renderPost: options should be an object like { site, languages, path }",
        ));
    }
    let field = |name: &str| {
        js_sys::Reflect::get(js, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    };

    let site = field("site");
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

    let languages = field("languages");
    if !languages.is_undefined() && !languages.is_null() {
        let list: Vec<String> = serde_wasm_bindgen::from_value(languages).map_err(|_| {
            type_error(
                "renderPost: options.languages should be an array of language codes (strings)",
            )
        })?;
        options.languages = list;
    }

    let path = field("path");
    if !path.is_undefined() && !path.is_null() {
        options.path = Some(
            path.as_string()
                .ok_or_else(|| type_error("renderPost: options.path should be a string"))?,
        );
    }
    Ok(options)
}
