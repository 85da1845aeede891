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
    let site_value = with_posts(&base, time, |p| excerpt(site, p, &base, lang));
    Build {
        site: site_value,
        url_memo: UrlMemo::recording(earlier),
    }
}

/// `base` (a language build's `site`, its `posts` newest first) with `time`, and each post of
/// `site.posts` with its excerpt (`excerpt_of` the post's drop) and its neighbours.
pub fn with_posts(base: &Value, time: &str, excerpt_of: impl Fn(&Value) -> Option<Value>) -> Value {
    let mut map = match base {
        Value::Map(m) => m.clone(),
        _ => Map::new(),
    };
    map.insert("time".into(), Value::from(time));
    if let Some(Value::List(posts)) = map.remove("posts") {
        let excerpts: Vec<Option<Value>> = posts.iter().map(&excerpt_of).collect();
        let with_neighbours = posts
            .iter()
            .enumerate()
            .map(|(i, post)| {
                let mut drop = post.as_map().cloned().unwrap_or_default();
                if let Some(e) = excerpts[i].clone() {
                    drop.insert("excerpt".into(), e);
                }
                let newer = i.checked_sub(1).and_then(|j| posts.get(j)).cloned();
                drop.insert("next".into(), newer.unwrap_or(Value::Null));
                drop.insert(
                    "previous".into(),
                    posts.get(i + 1).cloned().unwrap_or(Value::Null),
                );
                Value::Map(drop)
            })
            .collect();
        map.insert("posts".into(), Value::List(with_neighbours));
    }
    Value::Map(map)
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
