//! jekyll-paginate 1.1: with `paginate: N` in `_config.yml`, the `index.html` nearest above
//! `paginate_path` (default `/page:num`) is the template of the pages of `site.posts` (those
//! without `hidden`), N a page: itself for the first, a copy in `/page2/`, `/page3/`, … for the
//! others, each with its `paginator` (`Pager#to_liquid`).

use super::super::Site;
use crate::value::{Map, Value};

/// One page of the pagination: its folder (`None` for the template itself) and `paginator`.
pub struct Pager {
    pub dir: Option<String>,
    pub paginator: Value,
}

/// The pagination template among the build's `pages` (`Pagination#template_page`), if the
/// site paginates.
pub fn template<'p>(site: &Site, pages: &'p [String]) -> Option<&'p String> {
    site.derived
        .config
        .get("paginate")
        .filter(|v| !matches!(v, Value::Null))?;
    let above = paginate_path(site)
        .trim_start_matches('/')
        .trim_end_matches('/')
        .rsplit_once('/')
        .map_or(String::new(), |(dir, _)| dir.to_owned());
    pages
        .iter()
        .filter(|p| {
            let (dir, name) = p.rsplit_once('/').unwrap_or(("", p.as_str()));
            name == "index.html"
                && (dir.is_empty() || above == dir || above.starts_with(&format!("{dir}/")))
        })
        .max_by_key(|p| p.len())
}

/// `paginate_path`, Jekyll's default if unset.
fn paginate_path(site: &Site) -> String {
    site.derived
        .config
        .get("paginate_path")
        .map_or_else(|| "/page:num".to_owned(), |v| super::text(Some(v)))
}

/// The pagers of `site.posts` (the build's `site`); `first_url` is the template page's URL.
pub fn pagers(site: &Site, build_site: &Value, first_url: &str) -> Vec<Pager> {
    let per_page = match site.derived.config.get("paginate") {
        Some(Value::Int(n)) if *n > 0 => *n as usize,
        Some(v) => match super::text(Some(v)).trim().parse::<usize>() {
            Ok(n) if n > 0 => n,
            _ => return Vec::new(),
        },
        None => return Vec::new(),
    };
    let posts: Vec<&Value> = match build_site.get("posts") {
        Some(Value::List(list)) => list
            .iter()
            .filter(|p| !p.get("hidden").is_some_and(Value::is_truthy))
            .collect(),
        _ => Vec::new(),
    };
    let total_pages = posts.len().div_ceil(per_page);
    let format = paginate_path(site);
    let path_of = |num: usize| -> Value {
        if num <= 1 {
            return Value::from(first_url);
        }
        let p = format.replacen(":num", &num.to_string(), 1);
        Value::String(if p.starts_with('/') {
            p
        } else {
            format!("/{p}")
        })
    };
    (1..=total_pages)
        .map(|num| {
            let start = (num - 1) * per_page;
            let slice: Vec<Value> = posts[start..(start + per_page).min(posts.len())]
                .iter()
                .map(|&p| p.clone())
                .collect();
            let mut m = Map::new();
            let int = |n: usize| Value::Int(n as i64);
            m.insert("page".into(), int(num));
            m.insert("per_page".into(), int(per_page));
            m.insert("posts".into(), Value::List(slice));
            m.insert("total_posts".into(), int(posts.len()));
            m.insert("total_pages".into(), int(total_pages));
            let previous = (num > 1).then(|| num - 1);
            let next = (num < total_pages).then(|| num + 1);
            m.insert("previous_page".into(), previous.map_or(Value::Null, int));
            m.insert(
                "previous_page_path".into(),
                previous.map_or(Value::Null, path_of),
            );
            m.insert("next_page".into(), next.map_or(Value::Null, int));
            m.insert("next_page_path".into(), next.map_or(Value::Null, path_of));
            Pager {
                dir: (num > 1).then(|| super::text(Some(&path_of(num)))),
                paginator: Value::Map(m),
            }
        })
        .collect()
}
