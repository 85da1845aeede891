//! `site` as every file of one language build sees it: the configuration, `site.time`, and
//! `site.posts` with what only a whole build knows of each post, its rendered excerpt
//! (`site/excerpt.rs`) and its neighbours (`next`, the newer post;
//! `previous`, the older: `Document#next_doc`/`previous_doc`). Which posts a build at a given
//! `site.time` reads (`Publisher#publish?`: no post dated after it unless `future: true`), and
//! how it dates a post whose front matter Jekyll cannot read.

use super::super::post_info::PostInfo;
use super::super::{Build, Site};
use crate::liquid::url_memo::UrlMemo;
use crate::value::{Map, Value};

/// The build of `lang` at `time`, after builds that computed the URLs of `earlier` (see
/// `UrlMemo`).
pub fn language_build(site: &Site, lang: &str, time: &str, earlier: Map) -> Build {
    let base = site.site_value(lang);
    // The excerpts are rendered with `site` as the posts' own Liquid saw it; the build's `site`
    // is then made from that value itself, each post moved into its place, not copied.
    let excerpts = excerpts(&base, |p| excerpt(site, p, &base, lang));
    Build {
        site: with_posts(base, time, excerpts),
        url_memo: UrlMemo::recording(earlier),
    }
}

/// `excerpt_of` each post of `base`'s `site.posts`, in order.
pub fn excerpts(base: &Value, excerpt_of: impl Fn(&Value) -> Option<Value>) -> Vec<Option<Value>> {
    match base.get("posts") {
        Some(Value::List(posts)) => posts.iter().map(excerpt_of).collect(),
        _ => Vec::new(),
    }
}

/// `base` (a language build's `site`, its `posts` newest first) with `time`, and each post of
/// `site.posts` with its excerpt (`excerpts`, in order) and its neighbours.
pub fn with_posts(base: Value, time: &str, excerpts: Vec<Option<Value>>) -> Value {
    let mut map = match base {
        Value::Map(m) => m,
        _ => Map::new(),
    };
    map.insert("time".into(), Value::from(time));
    if let Some(Value::List(posts)) = map.remove("posts") {
        map.insert(
            "posts".into(),
            Value::List(with_neighbours(posts, excerpts)),
        );
    }
    Value::Map(map)
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

/// The excerpt of a post of `site.posts`, rendered with `base` (`None`: none). A post whose
/// YAML Jekyll cannot read has none made, and its drop prints `excerpt` as `""`.
pub fn excerpt(site: &Site, post: &Value, base: &Value, lang: &str) -> Option<Value> {
    let path = post.get("path").and_then(Value::as_str)?;
    let unreadable = |p: &PostInfo| p.unreadable && p.path == path;
    if site.derived.posts.iter().any(unreadable) {
        return Some(Value::from(""));
    }
    let text = site.files.get(path)?;
    site.excerpt(path, text, base, lang)
}

/// Whether a build at `build_time` reads `post` (`Publisher#hidden_in_the_future?`: with
/// `future` false, Jekyll's default, a post dated after `site.time` is not read at all).
pub fn reads_post(config: &Map, post: &PostInfo, build_time: Option<&str>) -> bool {
    let Some(time) = build_time else {
        return true;
    };
    let future = config.get("future").is_some_and(Value::is_truthy);
    future || !matches!((seconds(&post.time), seconds(time)), (Some(p), Some(t)) if p > t)
}

/// The site as a build at `time` reads it, when that differs from the site read without a
/// time (a post in the future, a post dated by the build): `None` when it does not.
pub fn dated(site: &Site, time: &str) -> Option<Site> {
    let d = &site.derived;
    let changes = d
        .posts
        .iter()
        .any(|p| p.yaml_fails || !reads_post(&d.config, p, Some(time)));
    changes.then(|| Site {
        files: site.files.clone(),
        assets: site.assets.clone(),
        derived: super::super::derive_at(&site.files, Some(time)),
    })
}

/// A time Jekyll reads, in seconds since 1970.
fn seconds(time: &str) -> Option<i64> {
    let format = Value::from("%s");
    match crate::ruby::time::filter(&Value::from(time), &format, 32) {
        crate::ruby::time::Outcome::Formatted(s) => s.parse().ok(),
        _ => None,
    }
}
