//! The checks of one post against its Forestry template and folder, and against the site's other
//! posts (`SiteIndex`): the rules of `checks` applied in Forestry's order, each problem placed at
//! a line and column. `site` runs them for a site's pages and for `postview check`.

use super::checks::{self, Post};
use super::{FileProblems, Forestry, SiteIndex};
use crate::diagnostic::{Diagnostic, Issue};
use crate::front_matter;
use crate::language::folder_language;
use crate::value::Value;

/// The checks of one post (not the renderer's diagnostics).
pub fn post_issues(post: &Post, forestry: &Forestry, site: &SiteIndex) -> Vec<Issue> {
    let mut issues = template_issues(post, forestry);
    if post.readable && !checks::is_blank(post.text) {
        issues.extend(site_issues(post, site));
        issues.extend(checks::images(post, site));
    }
    issues
}

/// The checks that need only the post's template and folder (none for an empty file): required
/// fields, select options, date formats, `lang` against the folder.
fn template_issues(post: &Post, forestry: &Forestry) -> Vec<Issue> {
    if checks::is_blank(post.text) {
        // The renderer says it is empty; there are no keys to check.
        return Vec::new();
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
    if let Some(folder) = folder_language(post.path) {
        issues.extend(checks::lang(post, folder));
    }
    issues
}

/// The checks against the site's other posts: translations that exist and link back.
fn site_issues(post: &Post, site: &SiteIndex) -> Vec<Issue> {
    let own = folder_language(post.path).map(str::to_owned).or_else(|| {
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
/// the page runs them on the post being edited: required fields, select options, date
/// formats, `lang` against the folder. `text` has `\n` line ends.
#[cfg(any(all(feature = "page", target_arch = "wasm32"), test))]
pub fn check_post(forestry: &Forestry, path: &str, text: &str) -> Vec<Diagnostic> {
    checked(Some(forestry), None, path, text)
}

/// The checks `Site::render_page` reports, as `postview check` runs them (`post_issues`): with
/// the site's templates (`forestry`), `check_post`'s and those against the site's other posts
/// (translations that exist and link back); for every site, the images the post shows from the
/// site's root that `site`'s paths lack.
pub fn check_post_in_site(
    forestry: Option<&Forestry>,
    site: &SiteIndex,
    path: &str,
    text: &str,
) -> Vec<Diagnostic> {
    checked(forestry, Some(site), path, text)
}

fn checked(
    forestry: Option<&Forestry>,
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
    let mut issues = forestry.map_or_else(Vec::new, |f| template_issues(&post, f));
    if let Some(site) = site.filter(|_| readable && !checks::is_blank(text)) {
        if forestry.is_some() {
            issues.extend(site_issues(&post, site));
        }
        issues.extend(checks::images(&post, site));
    }
    FileProblems::new(path, text, issues).diagnostics
}

/// A post's diagnostics: the renderer's and the checks', by line and column.
pub fn with_checks(mut rendered: Vec<Diagnostic>, checks: Vec<Diagnostic>) -> Vec<Diagnostic> {
    rendered.extend(checks);
    crate::sort::by_key(&mut rendered, |d| (d.line, d.column));
    rendered
}
