//! Which front matter keys name translations. The site's five languages always do; so does any
//! key that looks like a language code and holds a post's path or nothing (`de: _i18n/de/…md`,
//! `es: []`), and the language folder of the post's own path (`_i18n/de/_posts/…`). Posts in
//! languages beyond the five are then read like the others.

use crate::options::DEFAULT_LANGUAGES;
use crate::value::{Map, Value};

/// The language codes to render `fm` with, the five first and others in the order written.
pub fn languages(fm: &Map, path: Option<&str>) -> Vec<String> {
    let mut list: Vec<String> = DEFAULT_LANGUAGES.iter().map(|&l| l.to_owned()).collect();
    let mut add = |code: &str| {
        if !list.iter().any(|l| l == code) {
            list.push(code.to_owned());
        }
    };
    if let Some(code) = path.and_then(folder_language) {
        add(code);
    }
    for (key, value) in fm.iter() {
        if is_language_code(key) && names_a_post(value) {
            add(key);
        }
    }
    list
}

/// `_i18n/de/_posts/x.md` → `de`.
pub fn folder_language(path: &str) -> Option<&str> {
    let mut segments = path.split('/');
    segments.find(|&s| s == "_i18n")?;
    segments.next().filter(|s| is_language_code(s))
}

/// `de`, `pt-BR`, `zh-Hant`: two or three letters, then subtags.
fn is_language_code(key: &str) -> bool {
    let mut parts = key.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A path to a Markdown file, or an empty value (the site writes `[]` or `''` for "none").
fn names_a_post(value: &Value) -> bool {
    match value {
        Value::String(s) => {
            let s = s.trim();
            s.is_empty() || s.ends_with(".md") || s.ends_with(".markdown")
        }
        Value::List(items) => items.is_empty(),
        Value::Null => true,
        _ => false,
    }
}
