//! The JavaScript `Site` class: `crate::site::Site` across the boundary. Arguments are checked
//! here (a malformed one is a `TypeError`); nothing in the files' text can make it throw. Results
//! cross as `renderPost`'s do (`super::to_js`).

use super::{to_js, type_error};
use crate::site::Site;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A file of a site: its path from the site root (`_config.yml`, `_layouts/post.html`, `_i18n/ja/_posts/x.md`) and its text. */
export interface SiteFile {
  path: string;
  text: string;
}

/** A problem in one of the site's files. */
export interface SiteDiagnostic extends Diagnostic {
  /** The file's path from the site root. */
  path: string;
}

/** A post's published page: everything `renderPost` gives for it, plus the page. */
export interface RenderedPage extends RenderedPost {
  /** The whole HTML document, as `jekyll build` writes that post's page. */
  page: string;
  /** The page's URL path as Jekyll computes it, e.g. `/ja/2020/09/07/mask-network`. */
  url: string;
  /** Problems in the layouts and includes the page went through. */
  layoutDiagnostics: SiteDiagnostic[];
}

/** What `Site.build` takes: `time` is `site.time` (Jekyll's `time:`; default `_config.yml`'s `time:`, else now, e.g. `"2026-01-01 00:00:00 +0000"`); `assets` the paths of the folder's other files (images, …), which the build copies where Jekyll would. */
export interface BuildOptions {
  time?: string;
  assets?: string[];
  /** Each file's modification time in seconds since 1970, by path: jekyll-sitemap dates static files by it. */
  modified?: Record<string, number>;
}

/** A file of `_site/`: `text` for a rendered one, `copy` (the source path, copied byte for byte) for a static one. */
export type BuiltFile = { path: string; text: string } | { path: string; copy: string };

/** Every file `jekyll build` writes for the site. */
export interface SiteBuild {
  /** In path order, paths under `_site/`. */
  files: BuiltFile[];
  /** Problems of the files the build rendered, each once. */
  diagnostics: SiteDiagnostic[];
  /** Built files that differ from Jekyll's because of something the preview does not run (the diagnostics say what and where). */
  inexact: string[];
  /** Whether Jekyll would stop this build (a diagnostic whose code stops it). */
  stopsBuild: boolean;
}

/**
 * A Jekyll site made from its text files. Never throws for anything in the files (problems are
 * diagnostics); throws a `TypeError` for a malformed argument.
 */
export class Site {
  constructor(files: SiteFile[]);
  /**
   * The published page of the post at `path`; `source` replaces that file's text. When the files
   * include `.forestry/`, `diagnostics` also holds the post's checks against its section's template
   * and the site's other posts (required fields, select options, date formats, `lang`, translations).
   */
  renderPage(path: string, source?: string): RenderedPage;
  /** Every file `jekyll build` writes for the site (done on demand: it renders every page). */
  build(options?: BuildOptions): SiteBuild;
  /** Replaces or adds one file. */
  setFile(path: string, text: string): void;
  /** The post paths of the site (drafts too), sorted. */
  posts(): string[];
  /** The site's languages, from `_config.yml` `languages:`. */
  languages(): string[];
  /** Site-level problems (an unreadable `_config.yml`, …). */
  diagnostics(): SiteDiagnostic[];
  free(): void;
}
"#;

#[wasm_bindgen(js_name = Site, skip_typescript)]
pub struct SiteJs {
    inner: Site,
}

fn string_arg(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| type_error(&format!("Site: {what} should be a string")))
}

#[wasm_bindgen(js_class = Site)]
impl SiteJs {
    #[wasm_bindgen(constructor, skip_typescript)]
    pub fn new(files: JsValue) -> Result<SiteJs, JsValue> {
        if !js_sys::Array::is_array(&files) {
            return Err(type_error(
                "new Site(files): files should be an array of { path, text }",
            ));
        }
        let array = js_sys::Array::from(&files);
        let mut list = Vec::with_capacity(array.length() as usize);
        for item in array.iter() {
            let get = |k: &str| js_sys::Reflect::get(&item, &JsValue::from_str(k)).ok();
            let (Some(path), Some(text)) = (get("path"), get("text")) else {
                return Err(type_error(
                    "new Site(files): each file should be { path, text }",
                ));
            };
            list.push((
                string_arg(&path, "each file's path")?,
                string_arg(&text, "each file's text")?,
            ));
        }
        Ok(SiteJs {
            inner: Site::new(list),
        })
    }

    #[wasm_bindgen(js_name = renderPage, skip_typescript)]
    pub fn render_page(&self, path: JsValue, source: JsValue) -> Result<JsValue, JsValue> {
        let path = string_arg(&path, "renderPage's path")?;
        let source = if source.is_undefined() || source.is_null() {
            None
        } else {
            Some(string_arg(&source, "renderPage's source")?)
        };
        let page = self.inner.render_page(&path, source.as_deref());
        // The post's fields as `renderPost` gives them, then the page's own: serialising the
        // flattened struct whole would compile a second copy of the post's serialisation.
        let object = to_js(&page.post)?;
        let set = |key: &str, value: JsValue| {
            js_sys::Reflect::set(&object, &JsValue::from_str(key), &value)
        };
        set("page", JsValue::from_str(&page.page))?;
        set("url", JsValue::from_str(&page.url))?;
        set("layoutDiagnostics", to_js(&page.layout_diagnostics)?)?;
        Ok(object)
    }

    #[wasm_bindgen(skip_typescript)]
    pub fn build(&mut self, options: JsValue) -> Result<JsValue, JsValue> {
        let get = |k: &str| {
            if options.is_object() {
                js_sys::Reflect::get(&options, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
            } else {
                JsValue::UNDEFINED
            }
        };
        // Without a time, `_config.yml`'s `time:`, else now: the module has no clock of its own.
        let time = match get("time") {
            t if t.is_undefined() || t.is_null() => self.inner.configured_time().or_else(|| {
                let secs = (js_sys::Date::now() / 1000.0).floor() as i64;
                Some(crate::ruby::time::utc_string(secs))
            }),
            t => Some(string_arg(&t, "build's time")?),
        };
        let assets = get("assets");
        if !assets.is_undefined() && !assets.is_null() {
            if !js_sys::Array::is_array(&assets) {
                return Err(type_error(
                    "Site: build's assets should be an array of paths",
                ));
            }
            let mut paths = Vec::new();
            for p in js_sys::Array::from(&assets).iter() {
                paths.push(string_arg(&p, "each of build's assets")?);
            }
            let site = std::mem::replace(&mut self.inner, Site::new(Vec::new()));
            self.inner = site.with_assets(paths);
        }
        let modified = get("modified");
        let mut times = std::collections::BTreeMap::new();
        if modified.is_object() {
            for entry in js_sys::Object::entries(&js_sys::Object::from(modified)).iter() {
                let pair = js_sys::Array::from(&entry);
                let (Some(path), Some(secs)) = (pair.get(0).as_string(), pair.get(1).as_f64())
                else {
                    return Err(type_error(
                        "Site: build's modified should map paths to seconds since 1970",
                    ));
                };
                times.insert(path, secs.floor() as i64);
            }
        } else if !modified.is_undefined() && !modified.is_null() {
            return Err(type_error(
                "Site: build's modified should map paths to seconds since 1970",
            ));
        }
        let options = crate::site::BuildOptions {
            time,
            modified: times,
        };
        let build = self.inner.build(&options);
        let files = js_sys::Array::new();
        for file in &build.files {
            let object = js_sys::Object::new();
            let set = |k: &str, v: &str| {
                js_sys::Reflect::set(&object, &JsValue::from_str(k), &JsValue::from_str(v))
            };
            set("path", &file.path)?;
            match &file.content {
                crate::site::BuiltContent::Text(t) => set("text", t)?,
                crate::site::BuiltContent::Copy(from) => set("copy", from)?,
            };
            files.push(&object);
        }
        let result = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&result, &JsValue::from_str(k), v);
        set("files", &files)?;
        set("diagnostics", &to_js(&build.diagnostics)?)?;
        set("inexact", &to_js(&build.inexact)?)?;
        set("stopsBuild", &JsValue::from_bool(build.stops()))?;
        Ok(result.into())
    }

    #[wasm_bindgen(js_name = setFile, skip_typescript)]
    pub fn set_file(&mut self, path: JsValue, text: JsValue) -> Result<(), JsValue> {
        let path = string_arg(&path, "setFile's path")?;
        let text = string_arg(&text, "setFile's text")?;
        self.inner.set_file(&path, &text);
        Ok(())
    }

    #[wasm_bindgen(skip_typescript)]
    pub fn posts(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.posts())
    }

    #[wasm_bindgen(skip_typescript)]
    pub fn languages(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.languages())
    }

    #[wasm_bindgen(skip_typescript)]
    pub fn diagnostics(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.diagnostics())
    }
}
