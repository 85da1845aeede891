//! The plugins' files of one language build (`site::generated`: jekyll-feed's feed, jekyll-
//! sitemap's sitemap and robots.txt), fed from what the build rendered; and `jekyll doctor`'s
//! checks over every file the whole build writes. A plugin writes nothing where the site has a
//! file of its own at that path (their `file_exists?`).

use super::super::generated::{
    doctor, feed_xml, robots_txt, sitemap_xml, BuildInfo, Document, Page, StaticFile, Written,
};
use super::super::{Build, Site, SiteDiagnostic};
use crate::value::{Map, Value};
use std::collections::BTreeMap;

/// What a language build rendered that the plugins read.
pub struct Rendered<'r> {
    /// Each post's path, with its rendered body (before the layout).
    pub posts: &'r BTreeMap<String, String>,
    /// The pages (pagination's after the site's own): URL, whether HTML, front matter.
    pub pages: &'r [(String, bool, Map)],
    /// Every static file of the site (before `exclude_from_localizations` removes any: the
    /// plugins run before it) with its modification time as Liquid prints it.
    pub statics: &'r [(String, String)],
}

/// One generated file: its path in the language's folder, its text and the problems Jekyll
/// would have stopped on.
pub struct Made {
    pub path: String,
    pub text: String,
    pub problems: Vec<String>,
}

/// The plugins' files of the build `build`.
pub fn files(site: &Site, build: &Build, rendered: &Rendered<'_>) -> Vec<Made> {
    let info = build_info(site, &build.site);
    let docs = documents(build, rendered.posts);
    let mut memo = build.url_memo.snapshot();
    let own = |path: &str| site.files.contains_key(path) || site.assets.iter().any(|a| a == path);
    let mut out = Vec::new();
    let feed_path = feed_path(site);
    if !own(&feed_path) {
        let made = feed_xml(
            &info,
            &mut memo,
            &format!("/{feed_path}"),
            own("feed.xslt.xml"),
            &docs,
        );
        out.push(Made {
            path: feed_path,
            text: made.text,
            problems: made.problems,
        });
    }
    if !own("sitemap.xml") {
        let pages: Vec<Page> = rendered
            .pages
            .iter()
            .map(|(url, html, front)| Page {
                url: url.clone(),
                html: *html,
                sitemap: front.get("sitemap").cloned().unwrap_or(Value::Null),
                last_modified_at: front
                    .get("last_modified_at")
                    .cloned()
                    .unwrap_or(Value::Null),
            })
            .collect();
        let files: Vec<StaticFile> = rendered
            .statics
            .iter()
            .map(|(path, time)| StaticFile {
                path: format!("/{path}"),
                modified_time: Value::from(time.as_str()),
                sitemap: Value::Null,
            })
            .collect();
        let made = sitemap_xml(&info, &mut memo, own("sitemap.xsl"), &docs, &pages, &files);
        out.push(Made {
            path: "sitemap.xml".into(),
            text: made.text,
            problems: made.problems,
        });
    }
    if !own("robots.txt") {
        let made = robots_txt(&info, &mut memo);
        out.push(Made {
            path: "robots.txt".into(),
            text: made.text,
            problems: made.problems,
        });
    }
    build.url_memo.record_all(&memo);
    out
}

/// jekyll-feed's path: `feed: path:`, else `feed.xml`.
pub(super) fn feed_path(site: &Site) -> String {
    let configured = site
        .derived
        .config
        .get("feed")
        .and_then(|f| f.get("path"))
        .map(|p| super::text(Some(p)))
        .filter(|p| !p.is_empty());
    configured.map_or_else(
        || "feed.xml".to_owned(),
        |p| p.trim_start_matches('/').to_owned(),
    )
}

/// What the build's `site` holds that the plugins read.
fn build_info(site: &Site, build_site: &Value) -> BuildInfo {
    let config = &site.derived.config;
    let get = |k: &str| build_site.get(k).cloned().unwrap_or(Value::Null);
    BuildInfo {
        url: config.get("url").cloned().unwrap_or(Value::Null),
        baseurl: get("baseurl"),
        title: get("title"),
        name: get("name"),
        description: get("description"),
        author: get("author"),
        lang: get("lang"),
        time: get("time"),
        feed: get("feed"),
        data_authors: build_site
            .get("data")
            .and_then(|d| d.get("authors"))
            .cloned()
            .unwrap_or(Value::Null),
        show_drafts: false,
    }
}

/// The build's posts as the plugins read them, oldest first (the collection's order:
/// `site.posts` is newest first).
fn documents(build: &Build, bodies: &BTreeMap<String, String>) -> Vec<Document> {
    let Some(Value::List(posts)) = build.site.get("posts") else {
        return Vec::new();
    };
    posts
        .iter()
        .rev()
        .map(|p| {
            let get = |k: &str| p.get(k).cloned().unwrap_or(Value::Null);
            let path = super::text(p.get("path"));
            Document {
                url: super::text(p.get("url")),
                id: super::text(p.get("id")),
                date: get("date"),
                last_modified_at: get("last_modified_at"),
                title: get("title"),
                content: bodies.get(&path).cloned().unwrap_or_default(),
                excerpt: get("excerpt"),
                description: get("description"),
                author: get("author"),
                authors: get("authors"),
                category: get("category"),
                categories: get("categories"),
                tags: get("tags"),
                image: get("image"),
                lang: get("lang"),
                draft: false,
                sitemap: get("sitemap"),
                feed: get("feed"),
            }
        })
        .collect()
}

/// `jekyll doctor`'s findings over every file the build writes: `written` is each file's path
/// under `_site/`, its source (or the generated file's name) and whether it is a page or post.
pub fn findings(written: &[(String, String, bool)]) -> Vec<SiteDiagnostic> {
    let list: Vec<Written> = written
        .iter()
        .map(|(destination, source, page)| Written {
            destination: destination.clone(),
            source: source.clone(),
            page: *page,
        })
        .collect();
    doctor(&list)
}
