//! `check_site`: every post of a site folder rendered and checked against its template and the
//! rest of the site, as `postview check DIR` reports it.
//!
//! A post is a Markdown file under `_i18n/<lang>/_posts`, `_i18n/<lang>/_drafts`, `_posts` or
//! `_drafts` (Jekyll's folders, with the multiple-languages plugin's `_i18n`). Its problems are
//! the renderer's diagnostics (YAML, Liquid, Markdown) and those of `checks`. Each post is
//! rendered as [`Site`] publishes it — in its layouts when the site has `_layouts/` — so that
//! what would stop `jekyll build` is found too: a missing layout (at the post's `layout:` line),
//! broken Liquid or a missing include in a layout or include (in that file, once), an unreadable
//! `_config.yml`, `_data` or `_i18n` file.
//!
//! [`SiteChecker`] reads the site once and checks one post per call, each post's result standing
//! on its own; `check_site` calls it for every post and gathers the report. The npm package
//! gathers it in JavaScript instead (`.ci/npm/check.js`), so that it can go on past a post the
//! module traps on.

use super::checks::{self, Post};
use super::{folder_lang, Forestry, SiteIndex};
use crate::diagnostic::{Diagnostic, Issue, Severity};
use crate::options::DEFAULT_LANGUAGES;
use crate::site::{Site, SiteDiagnostic};
use crate::value::{Map, Value};
use crate::{folder, front_matter, source_text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A text file of the site, its path relative to the site root.
#[derive(Clone, Debug, Deserialize)]
pub struct SiteFile {
    pub path: String,
    pub text: String,
}

/// The problems of one file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FileProblems {
    pub path: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// The result of checking a site.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SiteCheck {
    /// Files with problems, by path.
    pub files: Vec<FileProblems>,
    /// The number of posts checked.
    pub posts: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// Whether `path` is a post: Markdown in a posts or drafts folder.
pub fn is_post(path: &str) -> bool {
    let markdown = [".md", ".markdown", ".mdown", ".mkd"]
        .iter()
        .any(|ext| path.ends_with(ext));
    let in_posts = path.starts_with("_posts/")
        || path.starts_with("_drafts/")
        || folder_lang(path).is_some_and(|lang| {
            let rest = &path["_i18n/".len() + lang.len() + 1..];
            rest.starts_with("_posts/") || rest.starts_with("_drafts/")
        });
    markdown && in_posts
}

/// Whether `check_site` needs the text of the file at `path`: the posts, and what [`Site`]
/// reads (`_config.yml`, `.forestry/`, layouts, includes, data, `_i18n` strings); every other
/// file goes by name, as an asset.
pub fn reads_text(path: &str) -> bool {
    is_post(path) || (folder::read_up_front(path) && !path.ends_with(".css"))
}

/// Checks every post among `files`. `assets`: the paths of the site's other files (images, …),
/// for the image check; their contents are never needed.
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
pub struct SiteChecker {
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
pub struct PostCheck {
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
        let languages = languages(&config, files.iter().map(|f| f.path.as_str()));
        let all_paths = files
            .iter()
            .map(|f| f.path.clone())
            .chain(assets.iter().cloned());
        let mut index = SiteIndex::new(languages, all_paths);
        let posts: Vec<(String, String)> = files
            .iter()
            .filter(|f| is_post(&f.path))
            .map(|f| (f.path.clone(), source_text(&f.text).into_owned()))
            .collect();
        for (path, text) in &posts {
            let parts = front_matter::split(text);
            let front = parts
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
    pub fn post_text(&self, n: usize) -> Option<&str> {
        self.posts.get(n).map(|(_, text)| text.as_str())
    }

    /// The problems of the site's files that no post's page brings, each in its file: the
    /// Forestry settings and templates (YAML), `_config.yml`, `_data` and `_i18n` strings.
    pub fn site_problems(&self) -> Vec<SiteDiagnostic> {
        let forestry = self.forestry_problems.iter().flat_map(|file| {
            file.diagnostics.iter().map(|d| SiteDiagnostic {
                path: file.path.clone(),
                diagnostic: d.clone(),
            })
        });
        forestry.chain(self.published.diagnostics()).collect()
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
        let issues = post_issues(&post, &self.forestry, &self.index);
        let checked = super::FileProblems::new(path, text, issues).diagnostics;
        Some(PostCheck {
            diagnostics: with_checks(text, rendered.diagnostics, checked),
            site_files,
        })
    }
}

/// The checks of one post (not the renderer's diagnostics).
pub fn post_issues(post: &Post, forestry: &Forestry, site: &SiteIndex) -> Vec<Issue> {
    let mut issues = template_issues(post, forestry);
    if post.readable && checks::empty(post).is_none() {
        issues.extend(site_issues(post, site));
        issues.extend(checks::images(post, site));
    }
    issues
}

/// The checks that need only the post's template and folder: empty file, required fields,
/// select options, date formats, `lang` against the folder.
fn template_issues(post: &Post, forestry: &Forestry) -> Vec<Issue> {
    if let Some(empty) = checks::empty(post) {
        return vec![empty];
    }
    let mut issues = Vec::new();
    if !post.readable {
        // The renderer reports the YAML error; nothing can be said about the keys.
        return issues;
    }
    if let Some(template) = forestry.template_of(post.path) {
        issues.extend(checks::required(post, template));
        issues.extend(checks::selects(post, template));
        issues.extend(checks::dates(post, template));
    }
    if let Some(folder) = folder_lang(post.path) {
        issues.extend(checks::lang(post, folder));
    }
    issues
}

/// The checks against the site's other posts: translations that exist and link back.
fn site_issues(post: &Post, site: &SiteIndex) -> Vec<Issue> {
    let own = folder_lang(post.path).map(str::to_owned).or_else(|| {
        post.front_matter
            .get("lang")
            .and_then(Value::as_str)
            .map(str::to_owned)
    });
    match own {
        Some(own) => checks::translations(post, &own, site),
        None => Vec::new(),
    }
}

/// The checks of one post that need only its template and folder (not the rest of the site), as
/// the page runs them on the post being edited: empty file, required fields, select options, date
/// formats, `lang` against the folder. `text` has `\n` line ends.
pub fn check_post(forestry: &Forestry, path: &str, text: &str) -> Vec<Diagnostic> {
    checked(forestry, None, path, text)
}

/// `check_post`'s checks and those against the site's other posts (translations that exist and
/// link back), as `Site::render_page` reports them. Not images: `site` may hold only text files.
pub fn check_post_in_site(
    forestry: &Forestry,
    site: &SiteIndex,
    path: &str,
    text: &str,
) -> Vec<Diagnostic> {
    checked(forestry, Some(site), path, text)
}

fn checked(
    forestry: &Forestry,
    site: Option<&SiteIndex>,
    path: &str,
    text: &str,
) -> Vec<Diagnostic> {
    let yaml = front_matter::split(text).yaml;
    let (front_matter, readable) = match &yaml {
        Some(range) => {
            let (map, issues) = front_matter::parse(&text[range.clone()]);
            (map, issues.is_empty())
        }
        None => (crate::value::Map::new(), true),
    };
    let post = Post {
        path,
        text,
        yaml,
        front_matter: &front_matter,
        readable,
    };
    let mut issues = template_issues(&post, forestry);
    if let Some(site) = site.filter(|_| readable && checks::empty(&post).is_none()) {
        issues.extend(site_issues(&post, site));
    }
    super::FileProblems::new(path, text, issues).diagnostics
}

/// A post's diagnostics: the renderer's and the checks', by line and column. An empty file has
/// nothing else worth saying than that it is empty (the checks' one error then).
pub fn with_checks(
    text: &str,
    rendered: Vec<Diagnostic>,
    checks: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut all = if checks::is_blank(text) && !checks.is_empty() {
        Vec::new()
    } else {
        rendered
    };
    all.extend(checks);
    crate::sort::by_key(&mut all, |d| (d.line, d.column));
    all
}

/// The site's languages: `_config.yml`'s `languages`, every `_i18n/<lang>/` folder among
/// `paths`, and the default list, in that order without repeats.
pub fn languages<'a>(config: &Map, paths: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |l: &str| {
        if !l.is_empty() && !out.iter().any(|o| o == l) {
            out.push(l.to_owned());
        }
    };
    if let Some(Value::List(langs)) = config.get("languages") {
        langs.iter().filter_map(Value::as_str).for_each(&mut add);
    }
    paths.into_iter().filter_map(folder_lang).for_each(&mut add);
    DEFAULT_LANGUAGES.iter().for_each(|l| add(l));
    out
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
