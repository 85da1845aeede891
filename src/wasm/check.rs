//! `checkSite(files, assetPaths)`: `forestry::check_site` for JavaScript, which `postview check`
//! (the npm package's CLI) calls once with the whole site folder.

use crate::site::{check_site, SiteFile};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** The problems of one file of a site. */
export interface FileProblems {
  /** Relative to the site root. */
  path: string;
  /** By line and column. */
  diagnostics: Diagnostic[];
}

export interface SiteCheck {
  /** The files with problems, by path. */
  files: FileProblems[];
  /** The number of posts checked. */
  posts: number;
  errors: number;
  warnings: number;
}

/**
 * Checks every post of a site folder (Markdown under `_i18n/<lang>/_posts`, `_i18n/<lang>/_drafts`,
 * `_posts`, `_drafts`) against its section's Forestry template (`.forestry/`) and the rest of the
 * site: the renderer's diagnostics, required fields, select options, date formats, `lang` against
 * the folder, translations that exist and link back, images the site lacks, empty post files; and,
 * each post rendered in its layouts, what would stop the build: a missing layout, broken Liquid or
 * a missing include in a layout or include (reported in that file), an unreadable `_config.yml`,
 * `_data` or `_i18n` file. `files`: the posts and the site's text files (`_config.yml`,
 * `.forestry/`, `_layouts/`, `_includes/`, `_data/`, `_i18n/<lang>.yml`); `assetPaths`: the
 * paths of the site's other files (images, …), for the image check.
 */
export function checkSite(files: SiteFile[], assetPaths?: string[]): SiteCheck;
"#;

/// See the TypeScript declaration above.
#[wasm_bindgen(js_name = checkSite, skip_typescript)]
pub fn check_site_js(files: JsValue, asset_paths: JsValue) -> Result<JsValue, JsValue> {
    let files: Vec<SiteFile> = serde_wasm_bindgen::from_value(files).map_err(|e| {
        JsValue::from(js_sys::TypeError::new(&format!(
            "checkSite: files should be an array of {{ path, text }} strings: {e}"
        )))
    })?;
    let assets: Vec<String> = if asset_paths.is_undefined() || asset_paths.is_null() {
        Vec::new()
    } else {
        serde_wasm_bindgen::from_value(asset_paths).map_err(|_| {
            JsValue::from(js_sys::TypeError::new(
                "checkSite: assetPaths should be an array of strings",
            ))
        })?
    };
    super::to_js(&check_site(&files, &assets))
}

/// Whether `checkSite` needs the text of the file at `path` (`forestry::reads_text`): for the
/// package's CLI, which reads the folder; not one of the package's exports.
#[wasm_bindgen(js_name = checkReadsText, skip_typescript)]
pub fn check_reads_text(path: &str) -> bool {
    crate::site::reads_text(path)
}
