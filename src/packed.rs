//! A rendered post packed for the trip to JavaScript: its strings as UTF-16, in one buffer that
//! JS reads with one UTF-16 decode per string (`.ci/npm/rendered.js` unpacks it).
//!
//! Why: V8 makes a string out of UTF-16 almost as a memory copy, while UTF-8 with non-ASCII text
//! (most of the corpus is CJK) it decodes character by character; and one `JSON.parse` of the
//! small fields costs less than building the result object one property per boundary crossing.
//! The measurements are in README's Performance section.
//!
//! The buffer, in 16-bit units: the number of strings `n`, then `n` lengths (each a `u32` as two
//! units, low first), then the strings one after the other. A post's first string is the JSON of
//! every field but `html` (which it holds as `""`, keeping the object's key order), its second
//! the HTML; whoever packs more strings (a page's layout) appends them after those two.
//!
//! The JSON is what serde-wasm-bindgen's JSON-compatible serializer would build, with two
//! exceptions JSON cannot spell: a float that is not finite is written `1e999` or `-1e999` (which
//! `JSON.parse` reads as ±Infinity) or, for NaN, as the string `"\ud800"`, a lone surrogate that
//! no Rust string can hold, so the unpacker turns it back into NaN without mistaking a real
//! string for it; and an integer beyond ±2^53 is written as it is (JS reads the nearest number)
//! where serde-wasm-bindgen would refuse it.

use crate::diagnostic::{Diagnostic, Severity};
use crate::value::{Map, Value};
use crate::{Heading, Rendered, Translation};
use std::fmt::Write;

/// The packed form of `post`, with `extra` strings after its two (see the module's header).
/// Written into `out`, which is cleared first, so that a caller can reuse one buffer.
pub fn pack_into(out: &mut Vec<u16>, post: &Rendered, extra: &[&str]) {
    let json = fields_json(post);
    let strings: Vec<&str> = [json.as_str(), post.html.as_str()]
        .into_iter()
        .chain(extra.iter().copied())
        .collect();
    out.clear();
    out.reserve(1 + 2 * strings.len() + strings.iter().map(|s| s.len()).sum::<usize>());
    out.push(strings.len() as u16);
    let lengths_at = out.len();
    out.resize(lengths_at + 2 * strings.len(), 0);
    for (i, s) in strings.iter().enumerate() {
        let start = out.len();
        push_utf16(out, s);
        let units = (out.len() - start) as u32;
        out[lengths_at + 2 * i] = units as u16;
        out[lengths_at + 2 * i + 1] = (units >> 16) as u16;
    }
}

/// Appends `s` as UTF-16. One pass decoding UTF-8 by hand (the input is valid UTF-8, so nothing
/// is checked), eight ASCII bytes at a time where it can: most of any HTML is ASCII, and short
/// runs of it between CJK characters made a loop over `encode_utf16` three times slower.
pub fn push_utf16(out: &mut Vec<u16>, s: &str) {
    let bytes = s.as_bytes();
    let start = out.len();
    // No character takes more UTF-16 units than UTF-8 bytes.
    out.resize(start + bytes.len(), 0);
    let dst = &mut out[start..];
    let (mut i, mut j) = (0, 0);
    while i < bytes.len() {
        if let Some(eight) = bytes.get(i..i + 8) {
            if u64::from_le_bytes(eight.try_into().unwrap_or_default()) & 0x8080_8080_8080_8080 == 0
            {
                for (d, &b) in dst[j..j + 8].iter_mut().zip(eight) {
                    *d = u16::from(b);
                }
                i += 8;
                j += 8;
                continue;
            }
        }
        let b = u32::from(bytes[i]);
        let cont = |k: usize| u32::from(bytes[i + k] & 0x3f);
        let (code, len) = match b {
            0..=0x7f => (b, 1),
            0x80..=0xdf => ((b & 0x1f) << 6 | cont(1), 2),
            0xe0..=0xef => ((b & 0x0f) << 12 | cont(1) << 6 | cont(2), 3),
            _ => ((b & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3), 4),
        };
        if code < 0x1_0000 {
            dst[j] = code as u16;
            j += 1;
        } else {
            let c = code - 0x1_0000;
            dst[j] = 0xd800 | (c >> 10) as u16;
            dst[j + 1] = 0xdc00 | (c & 0x3ff) as u16;
            j += 2;
        }
        i += len;
    }
    out.truncate(start + j);
}

/// Every field of `post` but `html` (held as `""`) as one JSON object, keys in the order of
/// `Rendered` and in its serde names.
pub fn fields_json(post: &Rendered) -> String {
    // Destructured in full: a field added to `Rendered` does not compile until it is written here.
    let Rendered {
        front_matter,
        html: _,
        title,
        lang,
        date,
        image,
        translations,
        headings,
        diagnostics,
        block_lines,
    } = post;
    let mut json = String::with_capacity(256);
    json.push_str("{\"frontMatter\":");
    map(&mut json, front_matter);
    json.push_str(",\"html\":\"\",\"title\":");
    option(&mut json, title);
    json.push_str(",\"lang\":");
    option(&mut json, lang);
    json.push_str(",\"date\":");
    option(&mut json, date);
    json.push_str(",\"image\":");
    option(&mut json, image);
    json.push_str(",\"translations\":");
    list(&mut json, translations, translation);
    json.push_str(",\"headings\":");
    list(&mut json, headings, heading);
    json.push_str(",\"diagnostics\":");
    list(&mut json, diagnostics, diagnostic);
    json.push_str(",\"blockLines\":");
    list(&mut json, block_lines, |json, line| {
        let _ = write!(json, "{line}");
    });
    json.push('}');
    json
}

fn translation(json: &mut String, t: &Translation) {
    json.push_str("{\"lang\":");
    string(json, &t.lang);
    json.push_str(",\"path\":");
    string(json, &t.path);
    json.push_str(",\"slug\":");
    string(json, &t.slug);
    json.push('}');
}

fn heading(json: &mut String, h: &Heading) {
    let _ = write!(json, "{{\"level\":{},\"id\":", h.level);
    string(json, &h.id);
    json.push_str(",\"text\":");
    string(json, &h.text);
    json.push('}');
}

fn diagnostic(json: &mut String, d: &Diagnostic) {
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let _ = write!(json, "{{\"severity\":\"{severity}\",\"message\":");
    string(json, &d.message);
    let _ = write!(json, ",\"line\":{},\"column\":{}}}", d.line, d.column);
}

fn list<T>(json: &mut String, items: &[T], item: impl Fn(&mut String, &T)) {
    json.push('[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        item(json, x);
    }
    json.push(']');
}

fn option(json: &mut String, s: &Option<String>) {
    match s {
        Some(s) => string(json, s),
        None => json.push_str("null"),
    }
}

fn map(json: &mut String, m: &Map) {
    json.push('{');
    for (i, (key, v)) in m.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        string(json, key);
        json.push(':');
        value(json, v);
    }
    json.push('}');
}

fn value(json: &mut String, v: &Value) {
    match v {
        Value::Null => json.push_str("null"),
        Value::Bool(b) => json.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => {
            let _ = write!(json, "{i}");
        }
        // `{:?}` is the shortest text that reads back as the same number, in a form JSON accepts.
        Value::Float(f) if f.is_finite() => {
            let _ = write!(json, "{f:?}");
        }
        Value::Float(f) if f.is_nan() => json.push_str("\"\\ud800\""),
        Value::Float(f) => json.push_str(if *f > 0.0 { "1e999" } else { "-1e999" }),
        Value::String(s) => string(json, s),
        Value::List(items) => list(json, items, value),
        Value::Map(m) => map(json, m),
    }
}

/// `s` as a JSON string: quotes, backslashes and control characters escaped, the rest as is.
fn string(json: &mut String, s: &str) {
    json.push('"');
    let mut plain = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\t' => "\\t",
            b'\r' => "\\r",
            0..=0x1f => "",
            _ => continue,
        };
        json.push_str(&s[plain..i]);
        if escape.is_empty() {
            let _ = write!(json, "\\u{b:04x}");
        } else {
            json.push_str(escape);
        }
        plain = i + 1;
    }
    json.push_str(&s[plain..]);
    json.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{render_post, Options};

    fn utf16(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn push_utf16_should_match_encode_utf16_for_ascii_cjk_and_astral_text() {
        for s in [
            "",
            "a",
            "<p>plain</p>",
            "日本語",
            "a日b",
            "😀",
            "x😀y日本z",
            "é\u{7f}\u{80}",
        ] {
            let mut out = vec![7];
            push_utf16(&mut out, s);
            assert_eq!(
                out[1..],
                utf16(s)[..],
                "{s:?} should come out as its UTF-16"
            );
        }
    }

    #[test]
    fn strings_should_be_escaped_as_json_requires() {
        let mut json = String::new();
        string(&mut json, "a\"b\\c\nd\te\r\u{1}\u{1f}日😀\u{2028}");
        assert_eq!(
            json,
            r#""a\"b\\c\nd\te\r\u0001\u001f日😀"#.to_owned() + "\u{2028}\""
        );
    }

    #[test]
    fn values_should_be_written_as_json_with_non_finite_floats_spelled_for_the_unpacker() {
        let mut m = Map::new();
        m.insert("n".into(), Value::Null);
        m.insert("b".into(), Value::Bool(true));
        m.insert("i".into(), Value::Int(-12));
        m.insert("big".into(), Value::Int(i64::MAX));
        m.insert("f".into(), Value::Float(1.5));
        m.insert("tiny".into(), Value::Float(1e-300));
        m.insert("z".into(), Value::Float(-0.0));
        m.insert("inf".into(), Value::Float(f64::INFINITY));
        m.insert("-inf".into(), Value::Float(f64::NEG_INFINITY));
        m.insert("nan".into(), Value::Float(f64::NAN));
        m.insert("l".into(), Value::List(vec![Value::Int(1), "x".into()]));
        let mut json = String::new();
        map(&mut json, &m);
        assert_eq!(
            json,
            r#"{"n":null,"b":true,"i":-12,"big":9223372036854775807,"f":1.5,"tiny":1e-300,"z":-0.0,"inf":1e999,"-inf":-1e999,"nan":"\ud800","l":[1,"x"]}"#
        );
    }

    #[test]
    fn a_post_should_pack_its_fields_json_then_its_html_then_the_extra_strings() {
        let post = render_post(
            "---\ntitle: T\nja: _i18n/ja/_posts/2021-01-20-x.md\n---\n# 見出し\n\n{{ oops\n",
            &Options::default(),
        );
        let mut out = Vec::new();
        pack_into(&mut out, &post, &["layout"]);
        let json = fields_json(&post);
        assert!(json.starts_with(r#"{"frontMatter":{"title":"T","ja":"_i18n/ja/_posts/2021-01-20-x.md"},"html":"","title":"T","lang":null"#),
            "the JSON should hold the fields in Rendered's order: {json}");
        assert!(json.contains(r#""translations":[{"lang":"ja","path":"_i18n/ja/_posts/2021-01-20-x.md","slug":"x"}],"headings":[{"level":1,"id":"見出し","text":"見出し"}]"#), "{json}");
        assert!(
            json.contains(r#""diagnostics":[{"severity":"error","message":"#),
            "{json}"
        );
        let strings = [json.as_str(), post.html.as_str(), "layout"];
        assert_eq!(
            out[0], 3,
            "the buffer should start with the number of strings"
        );
        let mut at = 1 + 2 * strings.len();
        for (i, s) in strings.iter().enumerate() {
            let len = out[1 + 2 * i] as usize | (out[2 + 2 * i] as usize) << 16;
            assert_eq!(
                out[at..at + len],
                utf16(s)[..],
                "string {i} should follow the lengths"
            );
            at += len;
        }
        assert_eq!(at, out.len(), "nothing should follow the last string");
    }
}
