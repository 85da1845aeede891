//! The checks of a post against the site, as `Site::render_page` reports them beside the
//! renderer's diagnostics. Every site: the images the post shows from the site's root that the
//! folder lacks (the paths given by `Site::with_assets`). A site with Forestry templates
//! (`.forestry/`) also: a required field missing or empty, a value not among a select's options,
//! a date not in the template's format, a `lang` that differs from the folder, a translation that
//! does not exist or does not link back; without `.forestry/` nothing says what its posts need.
//! The rules are `forestry`'s (`check_post_in_site`), as `postview check` runs them; this only
//! gives them the site's files.

use super::Site;
use crate::diagnostic::{Diagnostic, LineIndex};
use crate::forestry::{self, Forestry, SiteIndex};
use crate::front_matter;
use crate::language;
use crate::reader::Reader;
use crate::value::Map;
use crate::Rendered;
use std::collections::BTreeMap;

/// What the checks read from the site's files, made on first use.
pub(super) struct Checks {
    forestry: Option<Forestry>,
    index: SiteIndex,
}

impl Checks {
    /// `assets`: the paths of the site's files that are not in `files`.
    pub(super) fn read(
        files: &BTreeMap<String, String>,
        assets: &[String],
        config: &Map,
    ) -> Checks {
        let forestry_files = files
            .range(".forestry/".to_owned()..)
            .take_while(|(p, _)| p.starts_with(".forestry/"))
            .map(|(p, t)| (p.as_str(), t.as_str()));
        let (forestry, _) = Forestry::read(forestry_files);
        let forestry =
            (!forestry.sections.is_empty() || !forestry.templates.is_empty()).then_some(forestry);
        let languages = language::known_languages(config, files.keys().map(String::as_str));
        let paths = files.keys().chain(assets).cloned();
        let mut index = SiteIndex::new(languages, paths);
        let reader = Reader::new(config);
        for (path, text) in files.iter().filter(|(p, _)| reader.is_post(p)) {
            index.add_post(path, front_matter_of(&normalized(text)));
        }
        Checks { forestry, index }
    }
}

impl Site {
    /// The checks of the post at `path` with text `text` (see the module's header), by line and
    /// column.
    pub fn check_post(&self, path: &str, text: &str) -> Vec<Diagnostic> {
        let checks = self
            .derived
            .checks
            .get_or_init(|| Checks::read(&self.files, &self.assets, &self.derived.config));
        forestry::check_post_in_site(
            checks.forestry.as_ref(),
            &checks.index,
            &super::normalize_path(path),
            &normalized(text),
        )
    }
}

impl Site {
    /// The links the post at `path` writes (from `text`, rendered as `post`) that lead nowhere
    /// (`links.rs`), by line and column: the same for the page and `postview check`.
    pub(crate) fn check_links(&self, path: &str, text: &str, post: &Rendered) -> Vec<Diagnostic> {
        if post.links.is_empty() {
            return Vec::new();
        }
        let path = super::normalize_path(path);
        let text = normalized(text);
        let issues = self.dead_links(&self.page_url(&path, &text), &post.html, &post.links);
        let lines = LineIndex::new(&text);
        issues.into_iter().map(|i| lines.locate(i)).collect()
    }
}

/// The text with `\n` line ends and no BOM, as `render_post` counts its lines.
fn normalized(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn front_matter_of(text: &str) -> Map {
    let parts = front_matter::split(text);
    match &parts.yaml {
        Some(range) if !parts.unclosed => front_matter::parse(&text[range.clone()]).0,
        _ => Map::new(),
    }
}
