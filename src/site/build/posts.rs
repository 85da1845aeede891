//! `site` as every file of one language build sees it: the configuration, `site.time`, and
//! `site.posts` with what only a whole build knows of each post, its rendered excerpt
//! (Jekyll 4.3.1's `Excerpt`: the body up to the first `excerpt_separator`, `"\n\n"` by default,
//! through Liquid and Markdown, without layout) and its neighbours (`next`, the newer post;
//! `previous`, the older: `Document#next_doc`/`previous_doc`).

use super::super::{read_front_matter, Build, Site};
use crate::liquid::url_memo::UrlMemo;
use crate::render_post_in_site;
use crate::value::{Map, Value};

/// The build of `lang` at `time`, after builds that computed the URLs of `earlier` (see
/// `UrlMemo`).
pub fn language_build(site: &Site, lang: &str, time: &str, earlier: Map) -> Build {
    let base = site.site_value(lang);
    let url_memo = UrlMemo::recording(earlier);
    let mut map = match &base {
        Value::Map(m) => m.clone(),
        _ => Map::new(),
    };
    map.insert("time".into(), Value::from(time));
    let host = site.host(lang);
    if let Some(Value::List(posts)) = map.remove("posts") {
        let excerpts: Vec<Option<Value>> = posts
            .iter()
            .map(|p| excerpt(site, p, &base, &host))
            .collect();
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
    Build {
        site: Value::Map(map),
        url_memo,
    }
}

/// The post's excerpt as HTML, or its front matter's `excerpt` as written (`None`: keep the
/// drop's own, or none when `excerpt_separator` is empty).
fn excerpt(
    site: &Site,
    post: &Value,
    base: &Value,
    host: &super::super::plugins::Host<'_>,
) -> Option<Value> {
    if post.get("excerpt").is_some() {
        return None;
    }
    let path = post.get("path").and_then(Value::as_str)?;
    let text = site.files.get(path)?;
    let (front, body_start) = read_front_matter(text);
    let separator = front
        .get("excerpt_separator")
        .or_else(|| site.derived.config.get("excerpt_separator"))
        .map_or_else(|| "\n\n".to_owned(), |v| super::text(Some(v)));
    if separator.is_empty() {
        return None;
    }
    let body = &text[body_start..];
    let head = body.split_once(separator.as_str()).map_or(body, |(h, _)| h);
    let head = with_link_definitions(head, body, &separator);
    let rendered = render_post_in_site(
        &head,
        &site.body_options(path),
        base,
        &site.derived.kramdown,
        host,
    );
    Some(Value::String(rendered.html))
}

/// `Excerpt#extract_markdown_link_reference_definitions`: the link definitions after the
/// excerpt whose `[name]` it uses, added to it so that its links resolve.
fn with_link_definitions(head: &str, body: &str, separator: &str) -> String {
    let Some((_, tail)) = body.split_once(separator) else {
        return head.to_owned();
    };
    if tail.is_empty() {
        return head.to_owned();
    }
    let definitions: Vec<&str> = tail
        .lines()
        .filter(|line| {
            let indent = line.len() - line.trim_start_matches(' ').len();
            let rest = &line[indent..];
            indent <= 3
                && rest.starts_with('[')
                && rest.find("]:").is_some_and(|close| {
                    let name = &rest[..=close];
                    !name[1..close].contains(']') && close > 1 && head.contains(name)
                })
        })
        .collect();
    if definitions.is_empty() {
        head.to_owned()
    } else {
        format!("{head}\n\n{}", definitions.join("\n"))
    }
}
