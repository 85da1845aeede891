//! What Forestry, the CMS the site was edited with, knew about the site, and the checks that
//! follow from it: `.forestry/settings.yml` (the sections: a folder each, and its templates) and
//! `.forestry/front_matter/templates/*.yml` (each field's type, label, default, whether it is
//! required or hidden, a select's options, a date's format).
//!
//! Everything here reads files already loaded (paths relative to the site root) and YAML through
//! `front_matter::parse`; `check_site` runs every check over a whole site folder.

pub mod checks;
pub mod date_format;
pub mod edit;
pub mod locate;
pub mod new_post;
pub mod settings;
mod site_check;
pub mod template;

pub use settings::Section;
pub use site_check::{
    check_post, check_post_in_site, check_site, languages, reads_text, with_checks, FileProblems,
    PostCheck, SiteCheck, SiteChecker, SiteFile,
};
pub use template::{Field, FieldKind, Template};

use crate::diagnostic::{Issue, LineIndex};
use crate::front_matter;
use crate::value::Map;
use std::collections::{HashMap, HashSet};

pub const SETTINGS_PATH: &str = ".forestry/settings.yml";
pub const TEMPLATES_DIR: &str = ".forestry/front_matter/templates/";

/// The site's sections and templates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Forestry {
    pub sections: Vec<Section>,
    pub templates: Vec<Template>,
}

impl Forestry {
    /// Reads the settings and templates among `files` (path, text); other files are ignored. A
    /// file that is not valid YAML gives its diagnostics (and no sections or template).
    pub fn read<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Self, Vec<FileProblems>) {
        let mut forestry = Forestry::default();
        let mut problems = Vec::new();
        for (path, text) in files {
            let template = path
                .strip_prefix(TEMPLATES_DIR)
                .and_then(|n| n.strip_suffix(".yml").or_else(|| n.strip_suffix(".yaml")))
                .filter(|n| !n.contains('/'));
            if path != SETTINGS_PATH && template.is_none() {
                continue;
            }
            let (map, issues) = read_yaml(text);
            if !issues.is_empty() {
                problems.push(FileProblems::new(path, text, issues));
            }
            match template {
                Some(name) => forestry.templates.push(Template::from_map(name, &map)),
                None => forestry.sections = settings::sections(&map),
            }
        }
        crate::sort::by(&mut forestry.templates, |a, b| a.name.cmp(&b.name));
        (forestry, problems)
    }

    /// The section a post belongs to: the one whose folder holds it. A draft in `X/_drafts`
    /// belongs to the section of `X/_posts`, where it goes once published.
    pub fn section_of(&self, post_path: &str) -> Option<&Section> {
        let dir = post_path.rsplit_once('/').map_or("", |(d, _)| d);
        let published = dir
            .strip_suffix("_drafts")
            .map(|parent| format!("{parent}_posts"));
        self.sections
            .iter()
            .find(|s| s.path == dir || Some(&s.path) == published.as_ref())
    }

    /// The template of a post: the first template of its section that the site has.
    pub fn template_of(&self, post_path: &str) -> Option<&Template> {
        let section = self.section_of(post_path)?;
        section
            .templates
            .iter()
            .find_map(|name| self.template(name))
    }

    pub fn template(&self, name: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.name == name)
    }
}

/// A YAML file of the site (not a post): the whole text is YAML.
fn read_yaml(text: &str) -> (Map, Vec<Issue>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    front_matter::parse(text)
}

/// The language of a post's folder: `_i18n/<lang>/…`.
pub fn folder_lang(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("_i18n/")?;
    let (lang, rest) = rest.split_once('/')?;
    rest.contains('/').then_some(lang)
}

/// What the checks need to know of the whole site.
#[derive(Default)]
pub struct SiteIndex {
    /// The site's language codes: the front matter keys that name translations.
    pub languages: Vec<String>,
    posts: HashMap<String, Map>,
    files: HashSet<String>,
    dirs: HashSet<String>,
}

impl SiteIndex {
    /// `files`: every file path of the site (posts, images, …), relative to its root.
    pub fn new(languages: Vec<String>, files: impl IntoIterator<Item = String>) -> Self {
        let files: HashSet<String> = files.into_iter().collect();
        let dirs = files
            .iter()
            .filter_map(|f| f.split_once('/').map(|(top, _)| top.to_owned()))
            .collect();
        SiteIndex {
            languages,
            posts: HashMap::new(),
            files,
            dirs,
        }
    }

    pub fn add_post(&mut self, path: &str, front_matter: Map) {
        self.files.insert(path.to_owned());
        self.posts.insert(path.to_owned(), front_matter);
    }

    pub fn front_matter(&self, path: &str) -> Option<&Map> {
        self.posts.get(path)
    }

    pub fn has_file(&self, path: &str) -> bool {
        self.files.contains(path)
    }

    /// Whether the site has a top-level folder `name` with any file in it.
    pub fn has_dir(&self, name: &str) -> bool {
        self.dirs.contains(name)
    }
}

impl FileProblems {
    /// Issues at offsets of `text`, placed at lines and columns.
    pub fn new(path: &str, text: &str, mut issues: Vec<Issue>) -> Self {
        crate::sort::by_key(&mut issues, |i| i.offset);
        let lines = LineIndex::new(text);
        FileProblems {
            path: path.to_owned(),
            diagnostics: issues.into_iter().map(|i| lines.locate(i)).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_should_take_settings_and_templates_and_find_a_posts_template() {
        let files = [
            (
                SETTINGS_PATH,
                "---\nsections:\n- path: _i18n/ja/_posts\n  templates:\n  - missing\n  - ja-post\n",
            ),
            (
                ".forestry/front_matter/templates/ja-post.yml",
                "---\nlabel: Japanese\nfields: []\n",
            ),
            (
                ".forestry/front_matter/templates/sub/x.yml",
                "---\nlabel: nested\n",
            ),
            ("_config.yml", "title: x\n"),
        ];
        let (forestry, problems) = Forestry::read(files);
        assert!(problems.is_empty());
        assert_eq!(
            forestry.templates.len(),
            1,
            "only the templates folder's own files are templates"
        );
        let t = forestry
            .template_of("_i18n/ja/_posts/2021-01-01-a.md")
            .unwrap();
        assert_eq!(
            t.name, "ja-post",
            "the first template the site has should be taken"
        );
        assert_eq!(
            forestry
                .template_of("_i18n/ja/_drafts/a.md")
                .map(|t| t.name.as_str()),
            Some("ja-post"),
            "a draft should take its language's posts template"
        );
        assert!(forestry.template_of("_i18n/en/_posts/a.md").is_none());
    }

    #[test]
    fn read_should_report_a_template_that_is_not_yaml() {
        let files = [(".forestry/front_matter/templates/t.yml", "---\nlabel: [x\n")];
        let (_, problems) = Forestry::read(files);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].diagnostics[0].line, 2,
            "the error should be at the `[` line"
        );
    }

    #[test]
    fn folder_lang_should_read_the_i18n_folder() {
        assert_eq!(folder_lang("_i18n/zh-Hans/_posts/a.md"), Some("zh-Hans"));
        assert_eq!(folder_lang("_i18n/en.yml"), None);
        assert_eq!(folder_lang("_posts/a.md"), None);
    }
}
