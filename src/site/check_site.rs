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
    let checker = SiteChecker::new(files, assets);
    let mut problems = Vec::new();
    let mut site_files = SiteFileProblems::default();
    site_files.add(checker.site_problems());
    for (n, path) in checker.posts().enumerate() {
        let Some(checked) = checker.check_post(n) else {
            continue;
        };
        site_files.add(checked.site_files);
        if !checked.diagnostics.is_empty() {
            problems.push(FileProblems {
                path: path.to_owned(),
                diagnostics: checked.diagnostics,
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
        posts: checker.posts.len(),
        errors,
        warnings: all.count() - errors,
        files: problems,
    }
}

/// A site read for checking, whose posts are then checked one at a time: `check_site` checks
/// them all, and the npm package's `checkSite` calls `check_post` per post, so that a post the
/// module traps on costs a fresh instance (a new checker) and the next posts are still checked.
///
/// What one post's checks need of the others (translations that exist and link back) is read
/// here from their front matter, as `render_post` parses it, never from their rendering: so a
/// post's result does not depend on which posts were checked before it.
pub(crate) struct SiteChecker {
    forestry: Forestry,
    forestry_problems: Vec<FileProblems>,
    index: SiteIndex,
    published: Site,
    /// Each post's path and its text as `render_post` reads it (`source_text`), in `files` order.
    posts: Vec<(String, String)>,
}

/// The problems one post's check found: the post's own, by line and column, and those of the
/// layouts and includes its page went through (in those files).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostCheck {
    pub diagnostics: Vec<Diagnostic>,
    pub site_files: Vec<SiteDiagnostic>,
}

impl SiteChecker {
    /// Reads the site: `.forestry/`, `_config.yml`, every post's front matter, and the [`Site`]
    /// its pages are rendered in.
    pub fn new(files: &[SiteFile], assets: &[String]) -> Self {
        let (forestry, forestry_problems) =
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
        let mut index = SiteIndex::new(languages, all_paths);
        let posts: Vec<(String, String)> = files
            .iter()
            .filter(|f| is_post(&reader, &f.path))
            .map(|f| (f.path.clone(), source_text(&f.text).into_owned()))
            .collect();
        for (path, text) in &posts {
            let front = front_matter::split(text)
                .yaml
                .map(|range| front_matter::parse(&text[range]).0)
                .unwrap_or_default();
            index.add_post(path, front);
        }
        let published = Site::new(files.iter().map(|f| (f.path.clone(), f.text.clone())));
        SiteChecker {
            forestry,
            forestry_problems,
            index,
            published,
            posts,
        }
    }

    /// The paths of the posts to check, in the order of the files given.
    pub fn posts(&self) -> impl Iterator<Item = &str> {
        self.posts.iter().map(|(path, _)| path.as_str())
    }

    /// The text of the `n`th post of [`Self::posts`], as it is checked.
    #[cfg(all(target_arch = "wasm32", feature = "crash-test"))]
    pub fn post_text(&self, n: usize) -> Option<&str> {
        self.posts.get(n).map(|(_, text)| text.as_str())
    }

    /// The problems of the site's files that no post's page brings, each in its file: the
    /// Forestry settings and templates (YAML), `_config.yml`, `_data` and `_i18n` strings, and
    /// `jekyll doctor`'s findings among the posts' URLs (in each post concerned).
    pub fn site_problems(&self) -> Vec<SiteDiagnostic> {
        let forestry = self.forestry_problems.iter().flat_map(|file| {
            file.diagnostics.iter().map(|d| SiteDiagnostic {
                path: file.path.clone(),
                diagnostic: d.clone(),
            })
        });
        forestry
            .chain(self.published.diagnostics())
            .chain(super::generated::post_findings(&self.published))
            .collect()
    }

    /// Renders the `n`th post of [`Self::posts`] as the site publishes it (in its layouts when
    /// the site has `_layouts/`) and checks it; `None` past the last post.
    pub fn check_post(&self, n: usize) -> Option<PostCheck> {
        let (path, text) = self.posts.get(n)?;
        let (rendered, site_files) = if self.published.has_layouts() {
            let page = self.published.render_page_unchecked(path, Some(text));
            (page.post, page.layout_diagnostics)
        } else {
            // Layouts from a theme gem: the body alone, without a warning per post.
            (self.published.render_body(path, text), Vec::new())
        };
        let yaml = front_matter::split(text).yaml;
        let readable = yaml
            .as_ref()
            .is_none_or(|y| front_matter::parse(&text[y.clone()]).1.is_empty());
        let post = Post {
            path,
            text,
            yaml,
            front_matter: &rendered.front_matter,
            readable,
        };
        let issues = forestry::post_issues(&post, &self.forestry, &self.index);
        let checked = FileProblems::new(path, text, issues).diagnostics;
        Some(PostCheck {
            diagnostics: forestry::with_checks(rendered.diagnostics, checked),
            site_files,
        })
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
