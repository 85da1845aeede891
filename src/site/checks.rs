//! The checks of a post against the site's Forestry templates (`.forestry/`, see `forestry`) and
//! its other posts, as `Site::render_page` reports them beside the renderer's diagnostics: a
//! required field missing or empty, a value not among a select's options, a date not in the
//! template's format, a `lang` that differs from the folder, a translation that does not exist or
//! does not link back. The rules are `forestry`'s (`check_post_in_site`); this only gives them the
//! site's files. A site without `.forestry/` is not checked: nothing says what its posts need.

use super::Site;
use crate::diagnostic::Diagnostic;
use crate::forestry::{self, Forestry, SiteIndex};
use crate::front_matter;
use crate::language;
use crate::reader::Reader;
use crate::value::Map;
use std::collections::BTreeMap;

/// What the checks read from the site's files, made on first use.
pub(super) struct Checks {
    forestry: Forestry,
    index: SiteIndex,
}

impl Checks {
    /// `None` when the files have no `.forestry/`.
    pub(super) fn read(files: &BTreeMap<String, String>, config: &Map) -> Option<Checks> {
        let forestry_files = files
            .range(".forestry/".to_owned()..)
            .take_while(|(p, _)| p.starts_with(".forestry/"))
            .map(|(p, t)| (p.as_str(), t.as_str()));
        let (forestry, _) = Forestry::read(forestry_files);
        if forestry.sections.is_empty() && forestry.templates.is_empty() {
            return None;
        }
        let languages = language::known_languages(config, files.keys().map(String::as_str));
        let mut index = SiteIndex::new(languages, files.keys().cloned());
        let reader = Reader::new(config);
        for (path, text) in files.iter().filter(|(p, _)| reader.is_post(p)) {
            index.add_post(path, front_matter_of(&normalized(text)));
        }
        Some(Checks { forestry, index })
    }
}

impl Site {
    /// The checks of the post at `path` with text `text` (see the module's header), by line and
    /// column; none when the site has no `.forestry/`.
    pub fn check_post(&self, path: &str, text: &str) -> Vec<Diagnostic> {
        let checks = self
            .derived
            .checks
            .get_or_init(|| Checks::read(&self.files, &self.derived.config));
        match checks {
            Some(c) => forestry::check_post_in_site(
                &c.forestry,
                &c.index,
                &super::normalize_path(path),
                &normalized(text),
            ),
            None => Vec::new(),
        }
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
