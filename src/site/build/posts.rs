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

/// The excerpt of a post of `site.posts`, rendered with `base` (`None`: none).
pub fn excerpt(site: &Site, post: &Value, base: &Value, lang: &str) -> Option<Value> {
    let path = post.get("path").and_then(Value::as_str)?;
    let text = site.files.get(path)?;
    site.excerpt(path, text, base, lang)
}
