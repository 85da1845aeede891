//! The edited post's entry in the feeds of its language build (`Site::feed_entries`):
//! jekyll-feed's Atom `<entry>` and the `<item>` of the site's own RSS pages, found in each feed
//! as `Site::render_built_page` writes it with the post in it.

use super::super::super::post_info::PostInfo;
use super::super::super::Site;
use super::super::BuildOptions;
use super::{Edited, PageKind};
use crate::language;
use serde::Serialize;

/// The edited post's entry in one feed of its language build.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FeedEntry {
    /// The feed's path under `_site/`.
    pub feed: String,
    /// The post's `<entry>` (Atom) or `<item>` (RSS) as the feed writes it; `None` when the
    /// feed does not carry the post (it lists only the newest, say).
    pub entry: Option<String>,
}

impl Site {
    /// The edited post's entry in each feed of its language build (jekyll-feed's, and the
    /// site's own XML pages whose root is an Atom `<feed>` or an RSS `<rss>`), in path order.
    pub fn feed_entries(&self, edited: &Edited<'_>, options: &BuildOptions) -> Vec<FeedEntry> {
        let d = &self.derived;
        let path = crate::site::normalize_path(edited.path);
        let edited = Edited {
            path: &path,
            source: edited.source,
        };
        let lang = language::build_language(&path, &d.languages);
        let time = self.build_time(options);
        let info = PostInfo::read(
            &path,
            edited.source,
            &d.config,
            &lang,
            &d.languages,
            Some(&time),
        );
        let base = self.site_value(&lang);
        let relative = format!("{}{}", super::super::text(base.get("baseurl")), info.url);
        let absolute = format!("{}{relative}", super::super::text(d.config.get("url")));
        let title = crate::liquid::xml_escape(&info.title);
        let mut out = Vec::new();
        for page in self.site_pages(options) {
            if page.lang != lang || page.kind != PageKind::Text || !page.path.ends_with(".xml") {
                continue;
            }
            let Some(shown) = self.render_built_page(&page.path, Some(&edited), options) else {
                continue;
            };
            let Some(element) = feed_element(&shown.text) else {
                continue;
            };
            out.push(FeedEntry {
                feed: page.path,
                entry: entry_of(&shown.text, element, &[&absolute, &relative], &title),
            });
        }
        out
    }
}

/// The element a feed's entries are (`entry` for Atom, `item` for RSS), if `text` is a feed.
pub(super) fn feed_element(text: &str) -> Option<&'static str> {
    let root = text
        .match_indices('<')
        .map(|(i, _)| &text[i + 1..])
        .find(|rest| !rest.starts_with('?') && !rest.starts_with('!'))?;
    if root.starts_with("feed") {
        Some("entry")
    } else if root.starts_with("rss") {
        Some("item")
    } else {
        None
    }
}

/// The first `<element>…</element>` of `feed` that names one of `urls`, else the only one whose
/// title is `title` (as XML escapes it).
pub(super) fn entry_of(feed: &str, element: &str, urls: &[&str], title: &str) -> Option<String> {
    let open = format!("<{element}");
    let close = format!("</{element}>");
    let mut entries = Vec::new();
    let mut rest = feed;
    while let Some(start) = rest.find(&open) {
        // The element's own start tag (`<entry>`, `<entry xml:lang="ja">`), not `<entryx`.
        let after = rest[start + open.len()..].chars().next();
        if !after.is_some_and(|c| c == '>' || c.is_ascii_whitespace()) {
            rest = &rest[start + open.len()..];
            continue;
        }
        let Some(len) = rest[start..].find(&close) else {
            break;
        };
        let end = start + len + close.len();
        entries.push(&rest[start..end]);
        rest = &rest[end..];
    }
    let names_url = |e: &str| {
        urls.iter().any(|u| {
            [format!("\"{u}\""), format!(">{u}<")]
                .iter()
                .any(|w| e.contains(w.as_str()))
        })
    };
    if let Some(e) = entries.iter().find(|e| names_url(e)) {
        return Some((*e).to_owned());
    }
    let titled: Vec<&&str> = entries
        .iter()
        .filter(|e| {
            e.match_indices("<title")
                .filter_map(|(i, _)| e[i..].find('>').map(|j| &e[i + j + 1..]))
                .any(|t| t.starts_with(title) && t[title.len()..].starts_with("</title>"))
        })
        .collect();
    match titled.as_slice() {
        [one] => Some((**one).to_owned()),
        _ => None,
    }
}
