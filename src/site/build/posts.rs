//! `site` as every file of one language build sees it: the configuration, `site.time`, and
//! `site.posts` with what only a whole build knows of each post, its rendered excerpt
//! (`site/excerpt.rs`) and its neighbours (`next`, the newer post;
//! `previous`, the older: `Document#next_doc`/`previous_doc`).

use super::super::{Build, Site};
use crate::liquid::url_memo::UrlMemo;
use crate::value::{Map, Value};

/// The build of `lang` at `time`, after builds that computed the URLs of `earlier` (see
/// `UrlMemo`).
pub fn language_build(site: &Site, lang: &str, time: &str, earlier: Map) -> Build {
    let base = site.site_value(lang);
    let url_memo = UrlMemo::recording(earlier);
    // The excerpts are rendered with `site` as the posts' own Liquid saw it; the build's `site`
    // is then made from that value itself, each post moved into its place, not copied.
    let excerpts: Vec<Option<Value>> = match base.get("posts") {
        Some(Value::List(posts)) => posts
            .iter()
            .map(|p| excerpt(site, p, &base, lang))
            .collect(),
        _ => Vec::new(),
    };
    let mut map = match base {
        Value::Map(m) => m,
        _ => Map::new(),
    };
    map.insert("time".into(), Value::from(time));
    if let Some(Value::List(posts)) = map.remove("posts") {
        let with_neighbours = with_neighbours(posts, excerpts);
        map.insert("posts".into(), Value::List(with_neighbours));
    }
    Build {
        site: Value::Map(map),
        url_memo,
    }
}

/// Each post of `posts` (newest first) with its excerpt, `next` (the newer post) and
/// `previous` (the older), those two as they were before.
fn with_neighbours(posts: Vec<Value>, excerpts: Vec<Option<Value>>) -> Vec<Value> {
    let newer: Vec<Value> = (0..posts.len())
        .map(|i| i.checked_sub(1).map_or(Value::Null, |j| posts[j].clone()))
        .collect();
    let older: Vec<Value> = (0..posts.len())
        .map(|i| posts.get(i + 1).cloned().unwrap_or(Value::Null))
        .collect();
    posts
        .into_iter()
        .zip(excerpts.into_iter().chain(std::iter::repeat(None)))
        .zip(newer.into_iter().zip(older))
        .map(|((post, excerpt), (next, previous))| {
            let mut drop = match post {
                Value::Map(m) => m,
                _ => Map::new(),
            };
            if let Some(e) = excerpt {
                drop.insert("excerpt".into(), e);
            }
            drop.insert("next".into(), next);
            drop.insert("previous".into(), previous);
            Value::Map(drop)
        })
        .collect()
}

/// The excerpt of a post of `site.posts`, rendered with `base` (`None`: none).
fn excerpt(site: &Site, post: &Value, base: &Value, lang: &str) -> Option<Value> {
    let path = post.get("path").and_then(Value::as_str)?;
    let text = site.files.get(path)?;
    site.excerpt(path, text, base, lang)
}
