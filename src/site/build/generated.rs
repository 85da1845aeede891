//! The plugins' files of one language build (`site::generated`: jekyll-feed's feed, jekyll-
//! sitemap's sitemap and robots.txt), fed from what the build rendered; and `jekyll doctor`'s
//! checks over every file the whole build writes. A plugin writes nothing where the site has a
//! file of its own at that path (their `file_exists?`).

use super::super::generated::{
    doctor, feed_xml, feed_xml_of, robots_txt, sitemap_xml, BuildInfo, Document, Page, Selection,
    StaticFile, Written,
};
use super::super::{Build, Site, SiteDiagnostic};
use crate::value::{Map, Value};
use std::collections::BTreeMap;

/// A page as a build lists it for the plugins: whether jekyll-paginate made it, its file name,
/// its URL, whether it is HTML, its front matter.
pub type Listed = (bool, String, String, bool, Map);

/// `site.pages` as the plugins see it: the site's own by name, then jekyll-paginate's; each its
/// URL, whether it is HTML and its front matter.
pub fn plugin_pages(mut listed: Vec<Listed>) -> Vec<(String, bool, Map)> {
    crate::sort::by(&mut listed, |a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    listed
        .into_iter()
        .map(|(_, _, url, html, front)| (url, html, front))
        .collect()
}

/// Each static file with its modification time as Liquid prints it (`time` without one).
pub fn dated_statics(
    statics: &[String],
    modified: &BTreeMap<String, i64>,
    time: &str,
) -> Vec<(String, String)> {
    statics
        .iter()
        .map(|p| {
            let secs = modified.get(p).copied();
            let dated = secs.map_or_else(|| time.to_owned(), crate::ruby::time::utc_string);
            (p.clone(), dated)
        })
        .collect()
}

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
    for (path, selection) in more_feeds(site, &build.site) {
        if own(&path) {
            continue;
        }
        let xsl = own("feed.xslt.xml");
        let made = feed_xml_of(
            &info,
            &mut memo,
            &format!("/{path}"),
            xsl,
            &docs,
            &selection,
        );
        out.push(Made {
            path,
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

/// jekyll-feed's other feeds (`Generator#generate`): one per name of `feed: categories:` at
/// `feed/<name>.xml`; with `feed: tags:` (true, or `only`, `except`, `path`) one per tag of the
/// build's posts whose name is only `[A-Za-z0-9_]`, at `feed/by_tag/<tag>.xml`. Paths without the
/// leading `/`, each once.
fn more_feeds(site: &Site, build_site: &Value) -> Vec<(String, Selection)> {
    let config = site
        .derived
        .config
        .get("feed")
        .cloned()
        .unwrap_or(Value::Null);
    let names = |v: Option<&Value>| -> Vec<String> {
        match v {
            Some(Value::List(items)) => items.iter().map(|i| super::text(Some(i))).collect(),
            _ => Vec::new(),
        }
    };
    let mut out: Vec<(String, Selection)> = Vec::new();
    for category in names(config.get("categories")) {
        let path = format!("feed/{category}.xml");
        if !out.iter().any(|(p, _)| *p == path) {
            let selection = Selection {
                category: Some(category),
                tag: None,
            };
            out.push((path, selection));
        }
    }
    let tags = config.get("tags").filter(|t| t.is_truthy());
    let site_tags = match build_site.get("tags") {
        Some(Value::Map(m)) if !m.is_empty() => m,
        _ => return out,
    };
    let Some(tags) = tags else {
        return out;
    };
    let only = match tags.get("only") {
        Some(v @ Value::List(_)) => names(Some(v)),
        _ => site_tags.iter().map(|(k, _)| k.to_owned()).collect(),
    };
    let except = names(tags.get("except"));
    let folder = tags
        .get("path")
        .map_or_else(|| "/feed/by_tag/".to_owned(), |p| super::text(Some(p)));
    for tag in only.into_iter().filter(|t| !except.contains(t)) {
        if !tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            continue;
        }
        let path = format!("{folder}{tag}.xml")
            .trim_start_matches('/')
            .to_owned();
        let selection = Selection {
            category: None,
            tag: Some(tag),
        };
        out.push((path, selection));
    }
    out
}

/// `feed: collections:` naming a collection besides `posts`, whose feeds postview does not
/// write (it builds no collections), said at the key.
pub fn feed_collections(site: &Site) -> Option<SiteDiagnostic> {
    let listed = site.derived.config.get("feed")?.get("collections")?;
    let names: Vec<String> = match listed {
        Value::List(items) => items.iter().map(|i| super::text(Some(i))).collect(),
        Value::Map(m) => m.iter().map(|(k, _)| k.to_owned()).collect(),
        _ => Vec::new(),
    };
    let others: Vec<String> = names.into_iter().filter(|n| n != "posts").collect();
    if others.is_empty() {
        return None;
    }
    let config = site.files.get("_config.yml").map_or("", String::as_str);
    let at = config.find("collections:").unwrap_or(0);
    let code = crate::diagnostic::Code::FeedCollections;
    let issue = crate::diagnostic::Issue::new(
        code,
        at,
        format!(
            "jekyll-feed writes a feed of each collection named here ({}), and postview builds no              collections: those feeds are not written; build the site with Jekyll to publish them",
            others.join(", ")
        ),
    );
    Some(SiteDiagnostic {
        path: "_config.yml".to_owned(),
        diagnostic: crate::diagnostic::LineIndex::new(config).locate(issue),
    })
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
