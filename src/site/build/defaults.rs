//! Jekyll 4.3.1's front matter defaults (`FrontmatterDefaults#all`): the `values` of each set of
//! `_config.yml` `defaults:` whose `scope` applies to a file (its `path` a prefix of the file's,
//! or a glob with `*`; its `type` `pages`, `posts` or `drafts`), merged in turn, a set with a
//! longer path (or, as long, with a `type`) taking precedence; the file's own front matter is
//! laid over the result.

use crate::value::{Map, Value};

/// The defaults of the file at `path` (from the site root) of type `kind` (`pages`, `posts`).
pub fn for_file(config: &Map, path: &str, kind: &str) -> Map {
    let Some(Value::List(sets)) = config.get("defaults") else {
        return Map::new();
    };
    let mut out = Map::new();
    let empty = Map::new();
    let mut old: Option<&Map> = None;
    for set in sets.iter().filter_map(Value::as_map) {
        let Some(Value::Map(values)) = set.get("values") else {
            continue;
        };
        let scope = set.get("scope").and_then(Value::as_map);
        if !scope.is_none_or(|s| applies(s, path, kind)) {
            continue;
        }
        let scope = scope.unwrap_or(&empty);
        if precedes(old, scope) {
            out = deep_merge(&out, values);
            old = Some(scope);
        } else {
            out = deep_merge(values, &out);
        }
    }
    out
}

/// A post's front matter with the site's defaults for it under it: its type is its
/// collection's, `posts` (a draft's too: Jekyll 4.3 asks for the document's collection label,
/// so a scope of `type: drafts` applies to no document).
pub fn post_front(config: &Map, path: &str, own: Map) -> Map {
    let defaults = for_file(config, path, "posts");
    if defaults.is_empty() {
        own
    } else {
        deep_merge(&defaults, &own)
    }
}

/// A page's front matter with the site's defaults for it under it, and where its body starts.
pub fn page_front(config: &Map, path: &str, text: &str) -> (Map, usize) {
    let (own, body_start) = super::super::read_front_matter(text);
    (
        deep_merge(&for_file(config, path, "pages"), &own),
        body_start,
    )
}

/// `own` laid over `defaults`, maps merged key by key.
pub fn deep_merge(defaults: &Map, own: &Map) -> Map {
    let mut out = defaults.clone();
    for (k, v) in own.iter() {
        let merged = match (out.get(k), v) {
            (Some(Value::Map(a)), Value::Map(b)) => Value::Map(deep_merge(a, b)),
            _ => v.clone(),
        };
        out.insert(k.to_owned(), merged);
    }
    out
}

fn scope_path(scope: &Map) -> String {
    let p = match scope.get("path") {
        Some(Value::String(s)) => s.as_str(),
        _ => "",
    };
    p.trim_start_matches('/').trim_end_matches('/').to_owned()
}

fn applies(scope: &Map, path: &str, kind: &str) -> bool {
    let type_ok = match scope.get("type") {
        None => true,
        Some(t) => {
            let t = crate::liquid::layout::to_text(t);
            let t = match t.as_str() {
                "page" => "pages",
                "post" => "posts",
                "draft" => "drafts",
                other => other,
            };
            t == kind
        }
    };
    let p = scope_path(scope);
    let path_ok = p.is_empty()
        || if p.contains('*') {
            glob_prefix(&p, path)
        } else {
            path.starts_with(&p)
        };
    type_ok && path_ok
}

/// Whether some file the glob `pattern` names is `path` or a folder above it (`*` within one
/// name, as `Dir.glob` matches).
fn glob_prefix(pattern: &str, path: &str) -> bool {
    let parts: Vec<&str> = pattern.split('/').collect();
    let names: Vec<&str> = path.split('/').collect();
    parts.len() <= names.len() && parts.iter().zip(&names).all(|(p, n)| glob_name(p, n))
}

fn glob_name(p: &str, n: &str) -> bool {
    match p.split_once('*') {
        None => p == n,
        Some((head, rest)) => {
            n.starts_with(head)
                && (head.len()..=n.len()).any(|i| n.is_char_boundary(i) && glob_name(rest, &n[i..]))
        }
    }
}

/// `has_precedence?`: a longer scope path wins; as long, the one with a `type`.
fn precedes(old: Option<&Map>, new: &Map) -> bool {
    let Some(old) = old else {
        return true;
    };
    let (n, o) = (scope_path(new).len(), scope_path(old).len());
    if n != o {
        n >= o
    } else {
        new.get("type").is_some() || old.get("type").is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(yaml: &str) -> Map {
        match crate::front_matter::parse_value(yaml).0 {
            Value::Map(m) => m,
            _ => Map::new(),
        }
    }

    #[test]
    fn the_most_specific_scope_should_win_and_types_should_filter() {
        let c = config(
            "defaults:\n  - scope: {path: ''}\n    values: {layout: a, x: 1}\n  - scope: {path: docs, type: pages}\n    values: {layout: b}\n  - scope: {path: '', type: posts}\n    values: {layout: c}\n",
        );
        let layout = |path, kind| super::super::text(for_file(&c, path, kind).get("layout"));
        assert_eq!(
            layout("docs/guide.md", "pages"),
            "b",
            "the longer path should win"
        );
        assert_eq!(
            layout("about.md", "pages"),
            "a",
            "a page outside docs should get the site-wide set"
        );
        assert_eq!(
            layout("_posts/2020-01-01-a.md", "posts"),
            "c",
            "a typed set should win over an untyped one of the same path"
        );
        assert!(
            for_file(&c, "docs/guide.md", "pages").get("x").is_some(),
            "values of sets that lose should still be merged in"
        );
        assert!(
            glob_prefix("docs/*/x", "docs/a/x/y.md"),
            "a glob should match a folder above the file"
        );
    }
}
