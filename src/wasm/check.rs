//! `checkSite(files, assetPaths)` for JavaScript, which `postview check` (the npm package's CLI)
//! calls once with the whole site folder. The module exports the `SiteChecker` class
//! (`site::SiteChecker`): the site read once, then its posts checked one call each, so
//! that the package's wrapper (`.ci/npm/check.js`) can go on past a post the module traps on.

use super::{to_js, type_error};
use crate::site::{SiteChecker, SiteFile};
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
 *
 * A post that makes the module fail (a bug) is that post's one error, and the other posts are
 * still checked (up to a limit of such posts, past which each post is an error saying it was not
 * checked); a file too big for the module's memory is an error at its path (limits in the
 * package's README). Throws a `TypeError` for a malformed argument.
 */
export function checkSite(files: SiteFile[], assetPaths?: string[]): SiteCheck;
"#;

/// `site::SiteChecker` for the package's wrapper; not one of the package's exports.
#[wasm_bindgen(js_name = SiteChecker, skip_typescript)]
pub struct SiteCheckerJs {
    inner: SiteChecker,
}

#[wasm_bindgen(js_class = SiteChecker)]
impl SiteCheckerJs {
    /// Reads the site: `files` as `checkSite` takes them, `assetPaths` an array of strings or
    /// nothing.
    #[wasm_bindgen(constructor, skip_typescript)]
    pub fn new(files: JsValue, asset_paths: JsValue) -> Result<SiteCheckerJs, JsValue> {
        let files: Vec<SiteFile> = serde_wasm_bindgen::from_value(files).map_err(|e| {
            type_error(&format!(
                "checkSite: files should be an array of {{ path, text }} strings: {e}"
            ))
        })?;
        let assets: Vec<String> = if asset_paths.is_undefined() || asset_paths.is_null() {
            Vec::new()
        } else {
            serde_wasm_bindgen::from_value(asset_paths)
                .map_err(|_| type_error("checkSite: assetPaths should be an array of strings"))?
        };
        #[cfg(feature = "crash-test")]
        for file in &files {
            super::crash_test::crash_if_marked(&file.text, "read");
        }
        Ok(SiteCheckerJs {
            inner: SiteChecker::new(&files, &assets),
        })
    }

    /// The paths of the posts to check, in order.
    #[wasm_bindgen(skip_typescript)]
    pub fn posts(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.posts().collect::<Vec<_>>())
    }

    /// `{ diagnostics, siteFiles }` of the `n`th post of `posts()`, or `undefined` past the last.
    #[wasm_bindgen(js_name = checkPost, skip_typescript)]
    pub fn check_post(&self, n: usize) -> Result<JsValue, JsValue> {
        #[cfg(feature = "crash-test")]
        if let Some(text) = self.inner.post_text(n) {
            super::crash_test::crash_if_marked(text, "check");
        }
        match self.inner.check_post(n) {
            Some(checked) => to_js(&checked),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The problems of the site's files that no post's page brings, each with its `path`.
    #[wasm_bindgen(js_name = siteProblems, skip_typescript)]
    pub fn site_problems(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.site_problems())
    }
}

/// Has the module's memory grow once by `bytes`, which its allocator keeps for what follows: the
/// wrapper calls it before a reading of the site in a fresh instance, whose memory would
/// otherwise grow 64 KB at a time (on 3,000 posts, most of the reading's time). Asks, never
/// insists: if the memory cannot grow that much, nothing happens.
#[wasm_bindgen(js_name = reserveMemory, skip_typescript)]
pub fn reserve_memory(bytes: usize) {
    let mut reserved: Vec<u8> = Vec::new();
    let _ = reserved.try_reserve_exact(bytes);
}

/// Whether `checkSite` needs the text of the file at `path` (`forestry::reads_text`): for the
/// package's CLI, which reads the folder; not one of the package's exports.
#[wasm_bindgen(js_name = checkReadsText, skip_typescript)]
pub fn check_reads_text(path: &str) -> bool {
    crate::site::reads_text(path)
}
