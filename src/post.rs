//! The fields of a rendered post that come from its front matter: title, language, date, hero
//! image and translations, read the way the site's layouts read them.

use crate::language;
use crate::options::Options;
use crate::value::{Map, Value};
use serde::Serialize;

/// A translation of the post, named by one of the language keys of its front matter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Translation {
    /// The language code: the front matter key.
    pub lang: String,
    /// The value of that key: the translation's path in the site.
    pub path: String,
    /// The file name without its date prefix and `.md`, as the site builds translation URLs.
    pub slug: String,
}

/// `title` as a string, if the front matter has one.
pub fn title(fm: &Map) -> Option<String> {
    scalar(fm.get("title")?)
}

/// The language the site publishes the post in ([`language::post_language`]: its folder, else
/// its `lang` key).
pub fn lang(fm: &Map, options: &Options) -> Option<String> {
    language::post_language(fm, options.path.as_deref(), &options.languages)
}

/// The post's date as `YYYY-MM-DD`: its `date` key, else the date its file name starts with.
pub fn date(fm: &Map, options: &Options) -> Option<String> {
    if let Some(date) = fm
        .get("date")
        .and_then(scalar)
        .as_deref()
        .and_then(leading_date)
    {
        return Some(date.to_owned());
    }
    let name = options.path.as_deref()?.rsplit('/').next()?;
    leading_date(name).map(str::to_owned)
}

/// The translations named by the language keys ([`language::translation_keys`]: the site's
/// languages first, in the order of `options.languages`). A key that holds `[]`, `''` or nothing
/// names no translation.
pub fn translations(fm: &Map, options: &Options) -> Vec<Translation> {
    language::translation_keys(fm, options.path.as_deref(), &options.languages)
        .iter()
        .filter_map(|lang| {
            let path = fm.get(lang)?.as_str()?.trim();
            if path.is_empty() {
                return None;
            }
            Some(Translation {
                lang: lang.clone(),
                path: path.to_owned(),
                slug: slug(path),
            })
        })
        .collect()
}

/// `_i18n/ja/_posts/2021-01-20-masknetwork.md` → `masknetwork`.
pub fn slug(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    let name = name
        .strip_suffix(".md")
        .or_else(|| name.strip_suffix(".markdown"))
        .unwrap_or(name);
    match leading_date(name) {
        Some(date) => name[date.len()..].trim_start_matches('-').to_owned(),
        None => name.to_owned(),
    }
}

/// `YYYY-MM-DD` at the start of `s`, if it is there.
fn leading_date(s: &str) -> Option<&str> {
    let head = s.get(..10)?;
    let b = head.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(head)
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::Null | Value::List(_) | Value::Map(_) => None,
        other => Some(other.to_liquid_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fm(pairs: &[(&str, Value)]) -> Map {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn translations_should_skip_empty_keys_and_follow_the_language_order() {
        let m = fm(&[
            (
                "zh-Hans",
                Value::from("_i18n/zh-Hans/_posts/2021-01-20-mask.md"),
            ),
            (
                "ja",
                Value::from("_i18n/ja/_posts/2021-01-20-masknetwork.md"),
            ),
            ("ko", Value::List(vec![])),
            ("en", Value::from("")),
        ]);
        let t = translations(&m, &Options::default());
        let langs: Vec<_> = t.iter().map(|t| t.lang.as_str()).collect();
        assert_eq!(
            langs,
            ["ja", "zh-Hans"],
            "empty keys should name no translation"
        );
        assert_eq!(
            t[0].slug, "masknetwork",
            "the slug should drop the date prefix and .md"
        );
    }

    #[test]
    fn date_should_fall_back_to_the_file_name() {
        let options = Options {
            path: Some("_posts/2020-05-01-x.md".into()),
            ..Options::default()
        };
        assert_eq!(date(&Map::new(), &options).as_deref(), Some("2020-05-01"));
        let m = fm(&[("date", Value::from("2021-03-04 10:00:00 +0800"))]);
        assert_eq!(
            date(&m, &options).as_deref(),
            Some("2021-03-04"),
            "a time should be cut to the date"
        );
    }

    #[test]
    fn lang_should_come_from_the_folder_then_the_key() {
        let options = Options {
            path: Some("_i18n/ko/_posts/a.md".into()),
            ..Options::default()
        };
        let ja = fm(&[("lang", Value::from("ja"))]);
        assert_eq!(
            lang(&Map::new(), &options).as_deref(),
            Some("ko"),
            "the folder should give the language"
        );
        assert_eq!(
            lang(&ja, &options).as_deref(),
            Some("ko"),
            "the folder's build publishes the post, whatever its `lang` says"
        );
        assert_eq!(
            lang(&ja, &Options::default()).as_deref(),
            Some("ja"),
            "without a path the key should give the language"
        );
    }

    #[test]
    fn translations_should_include_keys_beyond_the_sites_languages() {
        let m = fm(&[("de", Value::from("_i18n/de/_posts/2021-01-01-a.md"))]);
        let got: Vec<_> = translations(&m, &Options::default())
            .into_iter()
            .map(|t| t.lang)
            .collect();
        assert_eq!(
            got,
            ["de"],
            "a language-code key holding a post's path should name a translation"
        );
    }
}
