//! Forestry's `.forestry/settings.yml`: the sections (one folder each) and the templates a
//! section's documents use.
//!
//! Follows the file Forestry wrote: `sections` is a list of mappings with `type`, `path`,
//! `label` and `templates` (names of files under `.forestry/front_matter/templates/`).

use crate::value::{Map, Value};
use serde::Serialize;

/// A section: a folder of posts and the templates its posts are made from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The folder, relative to the site root, without a trailing `/`.
    pub path: String,
    pub label: String,
    pub templates: Vec<String>,
}

/// The sections of a settings file, in order; entries without a path are skipped.
pub fn sections(settings: &Map) -> Vec<Section> {
    let Some(Value::List(items)) = settings.get("sections") else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(Value::as_map)
        .filter_map(|s| {
            let path = s.get("path")?.as_str()?.trim().trim_matches('/').to_owned();
            if path.is_empty() {
                return None;
            }
            let templates = match s.get("templates") {
                Some(Value::List(names)) => names
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect(),
                _ => Vec::new(),
            };
            Some(Section {
                label: s
                    .get("label")
                    .and_then(Value::as_str)
                    .unwrap_or(&path)
                    .to_owned(),
                path,
                templates,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter::parse;

    #[test]
    fn sections_should_read_path_label_and_templates() {
        let (map, _) = parse("---\nnew_page_extension: md\nsections:\n- type: directory\n  path: _i18n/en/_posts\n  label: English\n  templates:\n  - en-post\n- type: directory\n  path: /_i18n/ja/_posts/\n  templates:\n  - ja-post\n  - ja-page\n- label: no path\n");
        let s = sections(&map);
        assert_eq!(s.len(), 2, "a section without a path should be skipped");
        assert_eq!(s[0].path, "_i18n/en/_posts");
        assert_eq!(s[0].label, "English");
        assert_eq!(s[0].templates, ["en-post"]);
        assert_eq!(
            s[1].path, "_i18n/ja/_posts",
            "slashes around the path should go"
        );
        assert_eq!(
            s[1].label, "_i18n/ja/_posts",
            "without a label the path names it"
        );
        assert_eq!(s[1].templates, ["ja-post", "ja-page"]);
    }

    #[test]
    fn sections_should_be_empty_without_a_list() {
        let (map, _) = parse("---\nsections: none\n");
        assert!(sections(&map).is_empty());
    }
}
