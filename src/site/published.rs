//! Which URLs a site publishes, as a browser asks for them (the site's `baseurl` in front): the
//! posts' permalinks in each language build, the pages and static files under the folder, and
//! what the site's plugins write. The one place that answers "does this address exist"; it reads
//! the reader's rules (`reader.rs`) and the posts `Site` knows, and could later ask the build.
//!
//! Reference: Jekyll 4.3.1 (`Page#url`: a Markdown page's extension becomes `.html`, a
//! `permalink:` without placeholders replaces the path; a static file keeps its path), served as
//! GitHub Pages serves it (`/x` finds `/x.html`, `/x/` finds `/x/index.html`);
//! jekyll-multiple-languages-plugin (every language but the first writes the whole site again
//! under `/<lang>`, but for `exclude_from_localizations`); jekyll-feed (`feed.xml`),
//! jekyll-sitemap (`sitemap.xml`, `robots.txt`), jekyll-paginate (`/page<N>/`).

use super::Site;
use crate::liquid::layout::to_text;
use crate::reader::Kind;
use crate::value::Value;
use std::collections::HashSet;

/// The site's published addresses, percent-escapes decoded.
pub(super) struct Published {
    urls: HashSet<String>,
    /// The first segment of every published address (after `baseurl`): a file (not a page)
    /// under none of them is in a folder the copy lacks (a site without its uploads), which
    /// says nothing about the published site.
    tops: HashSet<String>,
    baseurl: String,
    paginated: bool,
    /// The host names the site is served at (`url:`, `CNAME`), lower case.
    pub hosts: Vec<String>,
}

impl Published {
    /// Whether the site publishes `path` (an absolute path on the site's host, without query or
    /// fragment): `Some(true)`/`Some(false)`, `None` when the folder cannot tell.
    pub fn has(&self, path: &str) -> Option<bool> {
        let path = decode(path);
        let inner = path.strip_prefix(self.baseurl.as_str())?;
        if !inner.is_empty() && !inner.starts_with('/') {
            // `/blogger` is not under a `baseurl` of `/blog`.
            return None;
        }
        let inner = inner.trim_start_matches('/');
        let top = inner.split('/').next().unwrap_or("");
        let name = inner.rsplit('/').next().unwrap_or("");
        let is_file = name
            .rsplit_once('.')
            .is_some_and(|(_, ext)| !ext.eq_ignore_ascii_case("html"));
        if inner.contains('/') && is_file && !self.tops.contains(top) {
            return None;
        }
        if self.paginated && is_pagination(inner) {
            return None;
        }
        Some(self.served(&path).is_some())
    }

    /// The published address GitHub Pages answers `url` (absolute) with: itself, `url.html`,
    /// `url/index.html`, or `url` without its `.html`; itself, decoded, when none is published.
    pub fn page_of(&self, url: &str) -> String {
        let url = decode(url);
        self.served(&url).unwrap_or(url)
    }

    /// The published address that answers the decoded `path`, if any.
    fn served(&self, path: &str) -> Option<String> {
        [
            path.to_owned(),
            format!("{path}.html"),
            format!("{}/index.html", path.trim_end_matches('/')),
            path.strip_suffix(".html").unwrap_or(path).to_owned(),
        ]
        .into_iter()
        .find(|c| self.urls.contains(c))
    }
}

/// `pageN` or `pageN/…`, a page of jekyll-paginate's list (counting them needs the build).
fn is_pagination(inner: &str) -> bool {
    inner
        .split('/')
        .next()
        .and_then(|s| s.strip_prefix("page"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

impl Site {
    /// The addresses the site publishes (see the module's header).
    pub(super) fn published(&self) -> &Published {
        self.derived.published.get_or_init(|| self.read_published())
    }

    fn read_published(&self) -> Published {
        let d = &self.derived;
        let text = |key: &str| d.config.get(key).map(to_text).unwrap_or_default();
        let baseurl = text("baseurl").trim_end_matches('/').to_owned();
        let default = d.languages.first().cloned().unwrap_or_default();
        let prefix = |lang: &str| {
            if lang == default {
                baseurl.clone()
            } else {
                format!("{baseurl}/{lang}")
            }
        };
        let unlocalized = list(d.config.get("exclude_from_localizations"));
        let mut site_paths: Vec<String> = Vec::new();
        for (path, file) in &self.files {
            let front = file.starts_with("---");
            match d.reader.kind(path, front) {
                Kind::Page => site_paths.push(page_url(path, file, &d.reader)),
                Kind::Static => site_paths.push(format!("/{path}")),
                _ => {}
            }
        }
        for path in &self.assets {
            if d.reader.kind(path, false) == Kind::Static {
                site_paths.push(format!("/{path}"));
            }
        }
        let plugins = list(d.config.get("plugins"));
        let plugin = |name: &str| plugins.iter().any(|p| p == name);
        if plugin("jekyll-feed") {
            site_paths.push("/feed.xml".into());
        }
        if plugin("jekyll-sitemap") {
            site_paths.extend(["/sitemap.xml".into(), "/robots.txt".into()]);
        }
        let mut urls = HashSet::new();
        let mut tops = HashSet::new();
        let mut add = |url: String, tops: &mut HashSet<String>| {
            let inner = url[baseurl.len()..].trim_start_matches('/');
            tops.insert(inner.split('/').next().unwrap_or("").to_owned());
            urls.insert(decode(&url));
        };
        for lang in &d.languages {
            let base = prefix(lang);
            for path in &site_paths {
                let top = path[1..].split('/').next().unwrap_or("");
                if lang == &default || !unlocalized.iter().any(|u| u == top) {
                    add(format!("{base}{path}"), &mut tops);
                }
            }
        }
        for post in d.posts.iter().filter(|p| p.published) {
            add(format!("{}{}", prefix(&post.lang), post.url), &mut tops);
        }
        Published {
            urls,
            tops,
            baseurl,
            paginated: d.config.get("paginate").is_some(),
            hosts: hosts(&d.config, self.files.get("CNAME")),
        }
    }
}

/// A page's address: its `permalink:` when it has no placeholders, else its path with a
/// Markdown extension made `.html`.
fn page_url(path: &str, text: &str, reader: &crate::reader::Reader) -> String {
    let front = super::read_front_matter(text).0;
    if let Some(permalink) = front.get("permalink").map(to_text) {
        if !permalink.contains(':') && permalink.starts_with('/') {
            return permalink;
        }
    }
    match path.rsplit_once('.') {
        Some((stem, _)) if reader.is_markdown(path) => format!("/{stem}.html"),
        _ => format!("/{path}"),
    }
}

fn list(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::List(items)) => items.iter().map(to_text).collect(),
        Some(v) => vec![to_text(v)],
        None => Vec::new(),
    }
}

/// The hosts of `url:` and of the `CNAME` file GitHub Pages serves the site at.
fn hosts(config: &crate::value::Map, cname: Option<&String>) -> Vec<String> {
    let url = config.get("url").map(to_text).unwrap_or_default();
    let from_url = url
        .split_once("://")
        .map(|(_, rest)| rest.split(['/', ':']).next().unwrap_or("").to_owned());
    let from_cname = cname
        .and_then(|c| c.lines().next())
        .map(|l| l.trim().to_owned());
    from_url
        .into_iter()
        .chain(from_cname)
        .filter(|h| !h.is_empty())
        .map(|h| h.to_ascii_lowercase())
        .collect()
}

/// `%XX` escapes decoded (Jekyll writes a post's URL escaped, a link may be written either way).
pub(super) fn decode(path: &str) -> String {
    crate::ruby::addressable::unencode(path)
}
