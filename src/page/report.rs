//! What the page hears after each update: the [`Report`] its callback gets, and the state of the
//! front matter, which decides what the preview keeps from the last good render.

use crate::diagnostic::{Diagnostic, Severity};
use crate::front_matter::Split;
use crate::page::patch::PatchStats;
use crate::post::Translation;
use serde::Serialize;

/// The state of the front matter, as far as the preview's heading is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FrontMatter {
    Ok,
    /// The file does not open with `---`: Jekyll would not lay it out, so no heading. Not an
    /// empty file: Jekyll lays that out (a blank page), and its one problem is that it is empty.
    None,
    /// The YAML has errors: the heading keeps the last good one.
    Broken,
    /// `---` is never closed: heading and body keep the last good render.
    Unclosed,
}

impl FrontMatter {
    /// The state of `text`'s front matter, split as `parts`, given its render's diagnostics.
    pub fn of(text: &str, parts: &Split, diagnostics: &[Diagnostic]) -> FrontMatter {
        let body_line = text[..parts.body.start].matches('\n').count() as u32 + 1;
        if parts.unclosed {
            FrontMatter::Unclosed
        } else if parts.yaml.is_none() && !text.trim().is_empty() {
            FrontMatter::None
        } else if diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error && d.line < body_line)
        {
            FrontMatter::Broken
        } else {
            FrontMatter::Ok
        }
    }
}

/// What the page's callback gets after each update.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report<'a> {
    /// The post and language shown, as given to `open`.
    pub id: &'a str,
    pub lang: &'a str,
    /// Nothing was rendered: the preview is paused (see `Preview::paused`).
    pub paused: bool,
    pub title: Option<String>,
    /// The language the post says it is in (front matter, else its path).
    pub post_lang: Option<String>,
    pub date: Option<String>,
    pub translations: Vec<Translation>,
    pub diagnostics: &'a [Diagnostic],
    /// The source line of each top-level block in the preview, in order.
    pub block_lines: &'a [u32],
    pub front_matter: FrontMatter,
    /// Render and patch, in milliseconds.
    pub ms: f64,
    pub patch: PatchStats,
    /// Why the last draft could not be saved, if it could not.
    pub draft_error: Option<&'a str>,
    /// The URL path of the published page, when the post is shown as its site's page.
    pub url: Option<&'a str>,
    /// Problems of the site and of the layouts and includes of the page, each in its file.
    pub site_diagnostics: Vec<crate::liquid::layout::FileDiagnostic>,
    /// The code languages this module wrote plain that the site module colours (`Rendered`'s
    /// `needs_lexers`): the page loads that module then, and the post is rendered again.
    pub needs_lexers: &'a [String],
}
