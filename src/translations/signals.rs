//! What one post offers for matching it with its translations, read from its text without
//! rendering it: language, day, the translations its front matter declares, and its signals —
//! uploaded images and image URLs, link targets, numbers, and the Latin-script names of its title.
//! A translation keeps these whatever the language of its words.

use crate::language;
use crate::options::Options;
use crate::value::Map;
use crate::{front_matter, post};

/// The kinds of signal, from the strongest for telling one news item from another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Image,
    Link,
    Name,
    Number,
}

impl Kind {
    /// How much a shared signal of this kind counts, before its rarity.
    pub fn weight(self) -> f64 {
        match self {
            Kind::Image => 1.0,
            Kind::Link => 1.0,
            Kind::Name => 0.7,
            Kind::Number => 0.4,
        }
    }
}

/// One post, read.
#[derive(Debug)]
pub struct Read {
    pub path: String,
    pub lang: Option<String>,
    /// Days since 1970-01-01.
    pub day: Option<i64>,
    /// `(lang, path)` of each translation the front matter names.
    pub declared: Vec<(String, String)>,
    /// Every signal once, `(kind, text)`.
    pub signals: Vec<(Kind, String)>,
}

/// Reads a post at `path` whose whole text is `source`.
pub fn read(path: &str, source: &str, options: &Options) -> Read {
    let parts = front_matter::split(source);
    let fm = parts
        .yaml
        .clone()
        .map(|range| front_matter::parse(&source[range]).0)
        .unwrap_or_default();
    let body = &source[parts.body.clone()];
    let post_options = Options {
        languages: language::translation_keys(&fm, Some(path), &options.languages),
        path: Some(path.to_owned()),
        ..Options::default()
    };
    let mut signals = Vec::new();
    scan_body(body, &mut signals);
    if let Some(image) = fm.get("image").and_then(|v| v.as_str()) {
        scan_body(image, &mut signals);
    }
    if let Some(title) = post::title(&fm) {
        scan_title(&title, &mut signals);
    }
    crate::sort::natural(&mut signals);
    signals.dedup();
    Read {
        path: path.to_owned(),
        lang: language::post_language(&fm, Some(path), &options.languages),
        day: post::date(&fm, &post_options).and_then(|d| days(&d)),
        declared: declared(&fm, &post_options),
        signals,
    }
}

fn declared(fm: &Map, options: &Options) -> Vec<(String, String)> {
    post::translations(fm, options)
        .into_iter()
        .map(|t| (t.lang, t.path))
        .collect()
}

/// Images, links and numbers of a body (or of a front matter `image`). A walk over bytes: every
/// signal starts with an ASCII byte, and slicing there is always at a character boundary.
fn scan_body(text: &str, out: &mut Vec<(Kind, String)>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let rest = &bytes[i..];
        if b == b'h' && (rest.starts_with(b"http://") || rest.starts_with(b"https://")) {
            let end = i + url_len(&text[i..]);
            push_url(&text[i..end], out);
            i = end;
        } else if b == b'/' && rest.starts_with(b"/uploads/") {
            let end = i + url_len(&text[i..]);
            push_upload(&text[i + 1..end], out);
            i = end;
        } else if b.is_ascii_digit() {
            let end = i + number_len(&text[i..]);
            push_number(&text[i..end], out);
            i = end;
        } else if b.is_ascii_alphabetic() {
            // A word: a digit inside `abc123` or `0x2ed9` is no number, but `v1.15.0` is a
            // version number after its `v`.
            let letters = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            i += if letters == 1 && (b == b'v' || b == b'V') {
                1
            } else {
                rest.iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                    .count()
            };
        } else {
            i += 1;
        }
    }
}

/// The length of the URL or path at the start of `s`: up to white space, Markdown's and HTML's
/// delimiters, or full-width punctuation.
fn url_len(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| {
            c.is_whitespace()
                || matches!(
                    c,
                    ')' | '(' | '"' | '\'' | '<' | '>' | ']' | '[' | '`' | '|' | '*'
                )
                || matches!(c, '）' | '，' | '。' | '、' | '」' | '】' | '；' | '：')
        })
        .map_or(s.len(), |(at, _)| at)
}

const IMAGE_ENDINGS: [&str; 6] = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"];

fn push_url(url: &str, out: &mut Vec<(Kind, String)>) {
    if let Some(at) = url.find("/uploads/") {
        return push_upload(&url[at + 1..], out);
    }
    let url = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '/']);
    let Some((scheme, rest)) = url.split_once("://") else {
        return;
    };
    let (host, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if host.is_empty() || !host.contains('.') {
        return;
    }
    let kind = if IMAGE_ENDINGS
        .iter()
        .any(|e| tail.to_ascii_lowercase().ends_with(e))
    {
        Kind::Image
    } else {
        Kind::Link
    };
    let _ = scheme;
    out.push((kind, format!("{host}{tail}")));
}

/// `uploads/1-40.png`, cut at a `?` or `#` and at trailing punctuation.
fn push_upload(path: &str, out: &mut Vec<(Kind, String)>) {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let path = path.trim_end_matches(['.', ',', ';', ':', '!', '?', '/']);
    if path.len() > "uploads/".len() {
        out.push((Kind::Image, path.to_lowercase()));
    }
}

/// `1,000,000.5` and `1.15.0` are one number each.
fn number_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            i += 1;
        } else if matches!(b[i], b'.' | b',') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 2;
        } else {
            break;
        }
    }
    // A number glued to letters (`3M`, `2nd`) keeps its digits only.
    i
}

/// Numbers that can tell one item from another: two digits or more, or with a decimal point.
/// Thousands separators go, so `1,000,000` and `1000000` meet.
fn push_number(n: &str, out: &mut Vec<(Kind, String)>) {
    let plain: String = n.chars().filter(|&c| c != ',').collect();
    let digits = plain.bytes().filter(u8::is_ascii_digit).count();
    if digits >= 2 || plain.contains('.') {
        out.push((Kind::Number, plain.trim_start_matches('0').to_owned()));
    }
}

/// Latin-script words of a title (names: `Loopring`, `$MASK`, `GR10`) and its numbers.
fn scan_title(title: &str, out: &mut Vec<(Kind, String)>) {
    let words = title.split(|c: char| !(c.is_ascii_alphanumeric() || c == '$' || c == '.'));
    for word in words {
        let word = word.trim_matches('.');
        let has_letter = word.bytes().any(|b| b.is_ascii_alphabetic());
        if has_letter && word.len() >= 2 {
            out.push((
                Kind::Name,
                word.trim_start_matches('$').to_ascii_lowercase(),
            ));
        } else if !has_letter && !word.is_empty() {
            push_number(word, out);
        }
    }
}

/// `2021-03-04` → days since 1970-01-01 (the proleptic Gregorian calendar).
pub fn days(date: &str) -> Option<i64> {
    let mut parts = date.get(..10)?.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signals(body: &str) -> Vec<(Kind, String)> {
        let mut out = Vec::new();
        scan_body(body, &mut out);
        out
    }

    #[test]
    fn uploads_should_be_images_whatever_the_prefix() {
        let got =
            signals("![]({{ site.baseurl_root }}/uploads/1-40.png) and https://x.io/uploads/A.JPG");
        assert_eq!(
            got,
            [
                (Kind::Image, "uploads/1-40.png".to_owned()),
                (Kind::Image, "uploads/a.jpg".to_owned())
            ]
        );
    }

    #[test]
    fn links_should_lose_scheme_www_and_trailing_slash() {
        let got = signals("see [x](https://www.Mask.io/faq/ \"t\")，https://github.com/a。");
        assert_eq!(
            got,
            [
                (Kind::Link, "mask.io/faq".to_owned()),
                (Kind::Link, "github.com/a".to_owned())
            ]
        );
    }

    #[test]
    fn numbers_should_drop_separators_and_skip_single_digits_and_words() {
        let got = signals("raised $3M, 1,000,000 tokens; v1.15.0 at 0x2ed9 on day 7");
        let numbers: Vec<_> = got.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(numbers, ["1000000", "1.15.0"]);
    }

    #[test]
    fn title_names_should_be_lower_case_without_dollar() {
        let mut out = Vec::new();
        scan_title("ITO｜Mask Network 第二期 ITO 公布， $mTSLA 2021", &mut out);
        let names: Vec<_> = out.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(names, ["ito", "mask", "network", "ito", "mtsla", "2021"]);
    }

    #[test]
    fn days_should_count_from_1970() {
        assert_eq!(days("1970-01-01"), Some(0));
        assert_eq!(days("2021-03-01").unwrap() - days("2021-02-28").unwrap(), 1);
        assert_eq!(days("2020-03-01").unwrap() - days("2020-02-28").unwrap(), 2);
        assert_eq!(days("2021-13-01"), None);
    }
}
