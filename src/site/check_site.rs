//! `check_site`: every post of a site folder rendered and checked against its Forestry template
//! and the rest of the site (the rules of `forestry`), as `postview check DIR` reports it.
//!
//! A post is a Markdown file under `_i18n/<lang>/_posts`, `_i18n/<lang>/_drafts`, `_posts` or
//! `_drafts` (Jekyll's folders, with the multiple-languages plugin's `_i18n`). Its problems are
//! the renderer's diagnostics (YAML, Liquid, Markdown) and those of `checks`. Each post is
//! rendered as [`Site`] publishes it — in its layouts when the site has `_layouts/` — so that
//! what would stop `jekyll build` is found too: a missing layout (at the post's `layout:` line),
//! broken Liquid or a missing include in a layout or include (in that file, once), an unreadable
//! `_config.yml`, `_data` or `_i18n` file.

use super::{Site, SiteDiagnostic};
use crate::diagnostic::{Diagnostic, Severity};
use crate::forestry::checks::Post;
use crate::forestry::{self, FileProblems, Forestry, SiteIndex};
use crate::language;
use crate::reader::Reader;
use crate::{front_matter, source_text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A text file of the site, its path relative to the site root.
#[derive(Clone, Debug, Deserialize)]
pub struct SiteFile {
    /// Its path from the site root, `/` between folders.
    pub path: String,
    /// Its text.
    pub text: String,
}

/// The result of checking a site.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SiteCheck {
    /// Files with problems, by path.
    pub files: Vec<FileProblems>,
    /// The number of posts checked.
    pub posts: usize,
    /// Diagnostics of severity error, over all files.
    pub errors: usize,
    /// Diagnostics of severity warning, over all files.
    pub warnings: usize,
}

/// Whether `path` is a post `check_site` renders: a post or draft (by Jekyll's reader) that
/// Jekyll converts as Markdown.
pub fn is_post(reader: &Reader, path: &str) -> bool {
    reader.is_post(path) && reader.is_markdown(path)
}

/// Whether `check_site` needs the text of the file at `path`: the posts, and what [`Site`]
/// reads (`_config.yml`, `.forestry/`, layouts, includes, data, `_i18n` strings); every other
/// file goes by name, as an asset. Asked before `_config.yml` is read, so by Jekyll's default
/// reading rules.
#[cfg(any(target_arch = "wasm32", test))]
pub fn reads_text(path: &str) -> bool {
    is_post(&Reader::default(), path)
        || (crate::folder::read_up_front(path) && !path.ends_with(".css"))
}

/// Checks every post among `files`. `assets`: the paths of the site's other files (images, …),
/// for the image check; their contents are never needed.
///
/// ```
/// use postview::{check_site, SiteFile};
/// let file = |path: &str, text: &str| SiteFile { path: path.into(), text: text.into() };
/// let report = check_site(
///     &[
///         file(".forestry/settings.yml", "sections:\n- path: _posts\n  templates: [post]\n"),
///         file(".forestry/front_matter/templates/post.yml",
///              "fields:\n- name: title\n  type: text\n  label: Title\n  config: {required: true}\n"),
///         file("_posts/2021-01-20-a.md", "---\ndate: 2021-01-20\n---\nText\n"),
///     ],
///     &[],
/// );
/// assert_eq!((report.posts, report.errors), (1, 1));
/// let problem = &report.files[0];
/// assert_eq!(problem.path, "_posts/2021-01-20-a.md");
/// assert!(problem.diagnostics[0].message.contains("`title` (Title) is missing"));
/// ```
pub fn check_site(files: &[SiteFile], assets: &[String]) -> SiteCheck {
    let (forestry, mut problems) =
        Forestry::read(files.iter().map(|f| (f.path.as_str(), f.text.as_str())));
    let config = files
        .iter()
        .find(|f| f.path == "_config.yml")
        .map(|f| front_matter::parse(&f.text).0)
        .unwrap_or_default();
    let reader = Reader::new(&config);
    let languages = language::known_languages(&config, files.iter().map(|f| f.path.as_str()));
    let all_paths = files
        .iter()
        .map(|f| f.path.clone())
        .chain(assets.iter().cloned());
    let mut site = SiteIndex::new(languages, all_paths);

    let published = Site::new(files.iter().map(|f| (f.path.clone(), f.text.clone())));
    let mut site_files = SiteFileProblems::default();
    site_files.add(published.diagnostics());

    // First every post is rendered, so that translations can be looked up in the second pass.
    let mut posts = Vec::new();
    for file in files.iter().filter(|f| is_post(&reader, &f.path)) {
        let text = source_text(&file.text).into_owned();
        let rendered = if published.has_layouts() {
            let page = published.render_page_unchecked(&file.path, Some(&text));
            site_files.add(page.layout_diagnostics);
            page.post
        } else {
            // Layouts from a theme gem: the body alone, without a warning per post.
            published.render_body(&file.path, &text)
        };
        let parts = front_matter::split(&text);
        site.add_post(&file.path, rendered.front_matter.clone());
        posts.push((file, text, parts.yaml, rendered));
    }
    let count = posts.len();
    for (file, text, yaml, rendered) in posts {
        let readable = yaml
            .as_ref()
            .is_none_or(|y| front_matter::parse(&text[y.clone()]).1.is_empty());
        let post = Post {
            path: &file.path,
            text: &text,
            yaml,
            front_matter: &rendered.front_matter,
            readable,
        };
        let issues = forestry::post_issues(&post, &forestry, &site);
        let checked = FileProblems::new(&file.path, &text, issues).diagnostics;
        let diagnostics = forestry::with_checks(&text, rendered.diagnostics, checked);
        if !diagnostics.is_empty() {
            problems.push(FileProblems {
                path: file.path.clone(),
                diagnostics,
            });
        }
    }
    problems.extend(site_files.into_problems());
    crate::sort::by(&mut problems, |a, b| a.path.cmp(&b.path));
    let all = problems.iter().flat_map(|p| &p.diagnostics);
    let errors = all
        .clone()
        .filter(|d| d.severity == Severity::Error)
        .count();
    SiteCheck {
        posts: count,
        errors,
        warnings: all.count() - errors,
        files: problems,
    }
}

/// The problems of the site's other files (layouts, includes, `_config.yml`, data, strings),
/// each once however many pages went through it.
#[derive(Default)]
struct SiteFileProblems(BTreeMap<String, Vec<Diagnostic>>);

impl SiteFileProblems {
    fn add(&mut self, found: Vec<SiteDiagnostic>) {
        for SiteDiagnostic { path, diagnostic } in found {
            let known = self.0.entry(path).or_default();
            if !known.contains(&diagnostic) {
                known.push(diagnostic);
            }
        }
    }

    fn into_problems(self) -> impl Iterator<Item = FileProblems> {
        self.0.into_iter().map(|(path, mut diagnostics)| {
            crate::sort::by_key(&mut diagnostics, |d| (d.line, d.column));
            FileProblems { path, diagnostics }
        })
    }
}

#[cfg(test)]
mod tests;
