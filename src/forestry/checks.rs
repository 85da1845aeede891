//! The checks of one post against its section's template and the rest of the site: each returns
//! issues at byte offsets of the post's text (line ends already `\n`), saying what to do.
//!
//! The rules are the ones Forestry's editor enforced (required fields, select options, the date
//! format) and the ones the site's layouts rely on (`lang` matches the language folder; the
//! language keys name translations that exist and name this post back; images are in the site).

use super::locate::{key_place, KeyPlace};
use super::template::{FieldKind, Template};
use super::{date_format, SiteIndex};
use crate::diagnostic::{Code, Issue};
use crate::value::{Map, Value};
use std::ops::Range;

/// A post as the checks see it.
pub struct Post<'a> {
    /// The path relative to the site root.
    pub path: &'a str,
    /// The whole text, line ends `\n`.
    pub text: &'a str,
    /// The front matter's range in `text`, if the post has one.
    pub yaml: Option<Range<usize>>,
    pub front_matter: &'a Map,
    /// Whether the front matter is valid YAML (an unreadable one has no keys to check).
    pub readable: bool,
}

impl Post<'_> {
    fn place(&self, key: &str) -> Option<KeyPlace> {
        key_place(self.text, self.yaml.as_ref()?, key)
    }

    /// Where a check about `key` points: its value, or, for a key that is not written, the
    /// front matter's closing line (where it would be added).
    fn at(&self, key: &str) -> usize {
        match (self.place(key), &self.yaml) {
            (Some(p), _) => p.value,
            (None, Some(yaml)) => yaml.end,
            (None, None) => 0,
        }
    }
}

/// Whether a post's text is empty (white space only).
pub fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::List(l) => l.is_empty(),
        Value::Map(m) => m.is_empty(),
        _ => false,
    }
}

/// Fields the template requires that are missing or empty.
pub fn required(post: &Post, template: &Template) -> Vec<Issue> {
    let mut issues = Vec::new();
    for field in template.fields.iter().filter(|f| f.required) {
        let message = match post.front_matter.get(&field.name) {
            None => format!(
                "required field `{}` ({}) is missing: add `{}: …` to the front matter (template {})",
                field.name, field.label, field.name, template.name
            ),
            Some(v) if is_empty(v) => format!(
                "required field `{}` ({}) is empty: give it a value (template {})",
                field.name, field.label, template.name
            ),
            Some(_) => continue,
        };
        issues.push(Issue::new(
            Code::RequiredField,
            post.at(&field.name),
            message,
        ));
    }
    issues
}

/// Select values that are not among the field's options (selects whose options come from pages,
/// the translation keys, have none and are not checked here).
pub fn selects(post: &Post, template: &Template) -> Vec<Issue> {
    let mut issues = Vec::new();
    for field in &template.fields {
        if field.kind != FieldKind::Select || field.options.is_empty() {
            continue;
        }
        let values: Vec<String> = match post.front_matter.get(&field.name) {
            Some(Value::List(items)) => items.iter().map(Value::to_liquid_string).collect(),
            Some(v) if !is_empty(v) => vec![v.to_liquid_string()],
            _ => continue,
        };
        for value in values {
            if field.options.contains(&value) {
                continue;
            }
            issues.push(Issue::new(
                Code::NotAChoice,
                post.at(&field.name),
                format!(
                    "`{}: {value}` is not one of the choices of {} ({}): use one of {}",
                    field.name,
                    field.label,
                    template.name,
                    field.options.join(", ")
                ),
            ));
        }
    }
    issues
}

/// Datetime values not written in the template's format.
pub fn dates(post: &Post, template: &Template) -> Vec<Issue> {
    let mut issues = Vec::new();
    for field in &template.fields {
        let Some(format) = &field.date_format else {
            continue;
        };
        let Some(value) = post.front_matter.get(&field.name).filter(|v| !is_empty(v)) else {
            continue;
        };
        if field.name == "date" && crate::front_matter::date_stops_the_build(value) {
            // The renderer's error says it: Jekyll stops on it, whatever the format.
            continue;
        }
        let written = value.to_liquid_string();
        if !date_format::matches(format, written.trim()) {
            issues.push(Issue::new(
                Code::DateFormat,
                post.at(&field.name),
                format!(
                    "`{}: {written}` is not in the template's date format {format} ({}): write \
                     it as {format}",
                    field.name, template.name
                ),
            ));
        }
    }
    issues
}

/// A `lang` that is not the language of the post's folder: the site lists the post under one
/// language and labels it with another.
pub fn lang(post: &Post, folder_lang: &str) -> Option<Issue> {
    let lang = post.front_matter.get("lang")?.to_liquid_string();
    if lang.trim().is_empty() || lang.trim() == folder_lang {
        return None;
    }
    Some(Issue::new(
        Code::LangMismatch,
        post.at("lang"),
        format!(
            "`lang: {lang}` differs from the post's folder `_i18n/{folder_lang}`: write \
             `lang: {folder_lang}`, or move the post to `_i18n/{lang}`"
        ),
    ))
}

/// Language keys naming a translation that is not in the site, or that does not name this post
/// back under `own_lang`.
pub fn translations(post: &Post, own_lang: &str, site: &SiteIndex) -> Vec<Issue> {
    let mut issues = Vec::new();
    for lang in &site.languages {
        if lang == own_lang {
            continue;
        }
        let Some(target) = post.front_matter.get(lang).and_then(Value::as_str) else {
            continue;
        };
        let target = target.trim();
        if target.is_empty() {
            continue;
        }
        let at = post.at(lang);
        let Some(their) = site.front_matter(target) else {
            issues.push(Issue::new(
                Code::MissingTranslation,
                at,
                format!(
                    "translation `{lang}: {target}` does not exist in the site: correct the path \
                     or write `{lang}: ''`"
                ),
            ));
            continue;
        };
        let back = their.get(own_lang).and_then(Value::as_str).map(str::trim);
        if back != Some(post.path) {
            let says = back.filter(|b| !b.is_empty()).unwrap_or("nothing");
            issues.push(Issue::new(
                Code::OneWayTranslation,
                at,
                format!(
                    "translation `{target}` does not link back: its `{own_lang}` names {says}; \
                     write `{own_lang}: {}` there",
                    post.path
                ),
            ));
        }
    }
    issues
}

const IMAGE_EXTENSIONS: [&str; 9] = [
    "png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "bmp", "ico",
];

/// Images the post shows from the site's own root (`/uploads/x.png`, `{{ site.baseurl_root
/// }}/uploads/x.png`) that the site folder lacks. Only folders the site has at all are checked:
/// a copy of a site without its uploads says nothing about them.
pub fn images(post: &Post, site: &SiteIndex) -> Vec<Issue> {
    let mut issues = Vec::new();
    for (at, path) in site_paths(post.text) {
        let is_image = path
            .rsplit_once('.')
            .is_some_and(|(_, ext)| IMAGE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()));
        let Some((top, _)) = path.split_once('/') else {
            continue;
        };
        if !is_image
            || !site.has_dir(top)
            || site.has_file(&path)
            || site.has_file(&crate::ruby::addressable::unencode(&path))
        {
            continue;
        }
        issues.push(Issue::new(
            Code::MissingImage,
            at,
            format!("image `/{path}` is not in the site folder: add the file under `{top}/` or correct the path"),
        ));
    }
    issues
}

/// Paths under the site root the text links to, with the offset of each: after
/// `{{ site.baseurl_root }}`, `](`, `src="` or `: "` a path starting with `/` (not `//`).
fn site_paths(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    for (i, _) in text.match_indices('/') {
        if b.get(i + 1) == Some(&b'/') || (i > 0 && b[i - 1] == b'/') {
            continue;
        }
        let before = text[..i].trim_end_matches(' ');
        let opens = before.ends_with("](")
            || before.ends_with("src=\"")
            || before.ends_with("src='")
            || before.ends_with(": \"")
            || before.ends_with(": '")
            || before.ends_with(':')
            || (before.ends_with("}}")
                && before[..before.len() - 2]
                    .trim_end()
                    .ends_with("baseurl_root"));
        if !opens {
            continue;
        }
        let end = text[i + 1..]
            .find(|c: char| c.is_whitespace() || "\"')<>?#".contains(c))
            .map_or(text.len(), |e| i + 1 + e);
        let path = &text[i + 1..end];
        if !path.is_empty() {
            let start = if before.ends_with("}}") {
                before.rfind("{{").unwrap_or(i)
            } else {
                i
            };
            out.push((start, path.to_owned()));
        }
    }
    out
}

#[cfg(test)]
mod tests;
