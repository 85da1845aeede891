//! Links that lead nowhere: a link a post writes to an address of its own site (root-relative,
//! relative to the post's page, or on the site's own host) that the site does not publish
//! (`published.rs`), or to an `#anchor` that its target page lacks (the ids of the page's body,
//! its headings' among them, and those the layouts and includes write). Links to other sites and
//! other schemes (`mailto:`, `file:`) are left alone: the check runs offline. `{% post_url %}` and
//! `{% link %}` are Liquid's to check; their output is an address like any other, found alive.
//!
//! Reference: how a browser resolves a link against the page's URL (RFC 3986 §5.2: `.` and `..`
//! segments, the query and fragment apart), on GitHub Pages as `published.rs` describes it.

use super::published::{decode, Published};
use super::Site;
use crate::diagnostic::{Code, Issue};
use crate::written_links::WrittenLink;
use std::collections::HashSet;
use std::sync::Arc;

/// Where a written link leads, once resolved.
enum Target {
    /// Another site, another scheme, or an address the folder cannot tell about.
    Outside,
    /// An anchor of the post's own page.
    Own(String),
    /// An absolute path on the site's host, and its anchor (empty when none).
    Site(String, String),
}

impl Site {
    /// The links of `links` (written in the post at `path`, whose page is at `page_url`) that
    /// lead nowhere, at their offsets in the post's text.
    pub(super) fn dead_links(
        &self,
        page_url: &str,
        body_html: &str,
        links: &[WrittenLink],
    ) -> Vec<Issue> {
        let published = self.published();
        let mut own: Option<HashSet<String>> = None;
        let mut issues = Vec::new();
        for link in links {
            let message = match resolve(&link.href, page_url, &published.hosts) {
                Target::Outside => None,
                Target::Own(anchor) => {
                    let ids = own.get_or_insert_with(|| self.page_ids(body_html));
                    lacks(ids, &anchor).then(|| {
                        format!(
                            "link `{}` leads to `#{anchor}`, which this post has no heading or \
                             element for: use one of its headings' ids or take the anchor out",
                            link.href
                        )
                    })
                }
                Target::Site(path, anchor)
                    if !anchor.is_empty()
                        && published.page_of(&path) == published.page_of(page_url) =>
                {
                    let ids = own.get_or_insert_with(|| self.page_ids(body_html));
                    lacks(ids, &anchor).then(|| {
                        format!(
                            "link `{}` leads to `#{anchor}`, which this post has no heading or \
                             element for: use one of its headings' ids or take the anchor out",
                            link.href
                        )
                    })
                }
                Target::Site(path, anchor) => self.site_link(published, &link.href, &path, &anchor),
            };
            if let Some(message) = message {
                issues.push(Issue::new(Code::DeadLink, link.offset, message));
            }
        }
        issues
    }

    /// What is wrong with a link to `path#anchor` on the site, if anything.
    fn site_link(
        &self,
        published: &Published,
        href: &str,
        path: &str,
        anchor: &str,
    ) -> Option<String> {
        match published.has(path)? {
            false => Some(format!(
                "link `{href}` leads to `{}`, which the site does not publish: correct the \
                 address (a post's is its date and name, e.g. `/2021/01/20/name`) or add the page",
                decode(path)
            )),
            true if anchor.is_empty() => None,
            true => {
                let ids = self.post_ids(&published.page_of(path))?;
                lacks(&ids, anchor).then(|| {
                    format!(
                        "link `{href}` leads to `#{anchor}`, which that post has no heading or \
                         element for: use one of its headings' ids or take the anchor out"
                    )
                })
            }
        }
    }

    /// The ids on the page of the post published at `url` (its body rendered as the site
    /// renders it, with the layouts' ids), made once per post; `None` when no post is there
    /// (a page or a file: its ids are not known before the build).
    fn post_ids(&self, url: &str) -> Option<Arc<HashSet<String>>> {
        let d = &self.derived;
        let mut anchors = d.anchors.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(ids) = anchors.get(url) {
            return Some(Arc::clone(ids));
        }
        let baseurl = d
            .config
            .get("baseurl")
            .map(crate::liquid::layout::to_text)
            .unwrap_or_default();
        let default = d.languages.first().map_or("", String::as_str);
        let post = d.posts.iter().find(|p| {
            let prefix = if p.lang == default {
                baseurl.trim_end_matches('/').to_owned()
            } else {
                format!("{}/{}", baseurl.trim_end_matches('/'), p.lang)
            };
            decode(&format!("{prefix}{}", p.url)) == url
        })?;
        let text = self.files.get(&post.path)?;
        let body = self.render_body(&post.path, text);
        let ids = Arc::new(self.page_ids(&body.html));
        anchors.insert(url.to_owned(), Arc::clone(&ids));
        Some(ids)
    }

    /// The ids of a post's page: its body's, and every literal one of the site's layouts and
    /// includes (which of them the page goes through is the build's to say; any is accepted).
    fn page_ids(&self, body_html: &str) -> HashSet<String> {
        let mut ids = ids_in(body_html);
        let shared = self
            .files
            .iter()
            .filter(|(p, _)| p.starts_with("_layouts/") || p.starts_with("_includes/"));
        for (_, text) in shared {
            ids.extend(ids_in(text));
        }
        ids
    }
}

/// Whether `ids` lack `anchor` (`top` is always there: browsers scroll to the top for it).
fn lacks(ids: &HashSet<String>, anchor: &str) -> bool {
    let anchor = decode(anchor);
    !anchor.eq_ignore_ascii_case("top") && !ids.contains(&anchor)
}

/// The values of the `id` and `name` attributes in `html` (double or single quotes).
fn ids_in(html: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    for attribute in [" id=", " name="] {
        for (at, _) in html.match_indices(attribute) {
            let rest = &html[at + attribute.len()..];
            let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                continue;
            };
            if let Some(end) = rest[1..].find(quote) {
                ids.insert(html_decode(&rest[1..1 + end]));
            }
        }
    }
    ids
}

fn html_decode(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Where `href`, written on the page at `page_url`, leads.
fn resolve(href: &str, page_url: &str, hosts: &[String]) -> Target {
    let href = href.trim();
    let (rest, anchor) = href.split_once('#').unwrap_or((href, ""));
    let rest = rest.split('?').next().unwrap_or("");
    if rest.is_empty() {
        return if href.starts_with('#') && !anchor.is_empty() {
            Target::Own(anchor.to_owned())
        } else {
            Target::Outside
        };
    }
    let path = if let Some(after) = rest.strip_prefix("//") {
        match on_host(after, hosts) {
            Some(path) => path,
            None => return Target::Outside,
        }
    } else if let Some((scheme, after)) = scheme(rest) {
        match (scheme.as_str(), after.strip_prefix("//")) {
            ("http" | "https", Some(after)) => match on_host(after, hosts) {
                Some(path) => path,
                None => return Target::Outside,
            },
            _ => return Target::Outside,
        }
    } else if rest.starts_with('/') {
        rest.to_owned()
    } else {
        let dir = page_url.rsplit_once('/').map_or("", |(d, _)| d);
        format!("{dir}/{rest}")
    };
    if path.contains("{{") || path.contains("{%") {
        return Target::Outside;
    }
    Target::Site(normalized(&path), anchor.to_owned())
}

/// A URL's scheme, lower case, and what follows its `:`.
fn scheme(url: &str) -> Option<(String, &str)> {
    let (scheme, after) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then(|| (scheme.to_ascii_lowercase(), after))
}

/// The path of `authority/path` when the authority is one of the site's hosts.
fn on_host(after: &str, hosts: &[String]) -> Option<String> {
    let (authority, path) = after.find('/').map_or((after, "/"), |i| after.split_at(i));
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("").to_ascii_lowercase();
    hosts.contains(&host).then(|| path.to_owned())
}

/// `.` and `..` segments resolved, as a browser does before asking.
fn normalized(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = path.split('/').skip(1).collect();
    for (i, segment) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        match *segment {
            "." if last => segments.push(""),
            "." => {}
            ".." => {
                segments.pop();
                if last {
                    segments.push("");
                }
            }
            s => segments.push(s),
        }
    }
    format!("/{}", segments.join("/"))
}

#[cfg(test)]
mod tests;
