//! A rendered post made ready for the trip to JavaScript (`src/wasm/packed.rs` hands it over,
//! `.ci/npm/rendered.js` unpacks it): its strings kept in memory, each as UTF-8 or as UTF-16, and
//! a header saying where each one is, so that JS decodes each string once, straight out of the
//! module's memory, and builds the object with one `JSON.parse` (when a field other than the
//! HTML is first read).
//!
//! Why (measured, docs/performance.md): decoding the HTML is most of the boundary's
//! cost, and which encoding decodes fastest depends on the runtime: Node's UTF-8 decoder goes
//! character by character over CJK text, while it reads UTF-16 almost as a memory copy, so there
//! the HTML is converted to UTF-16 first; Chromium's UTF-8 decoder is fast enough that the
//! conversion would cost more than it saves, so there the HTML's own bytes are read. And one
//! `JSON.parse` of the small fields costs less than an object built one property per crossing.
//!
//! The header, in `u32`s: the number of strings `n`, then for each its address in memory, its
//! length in bytes and its encoding (0 UTF-8, 1 UTF-16 little-endian, 2 ASCII: where UTF-16 is
//! asked for, an ASCII string stays as it is, which Node reads as Latin-1, a plain copy). A post's first string is
//! the JSON of every field but `html` (which it holds as `""`, keeping the object's key order),
//! its second the HTML; whoever packs more strings (a page's layout) has them after those two.
//!
//! The JSON is what serde-wasm-bindgen's JSON-compatible serializer would build, with two
//! exceptions JSON cannot spell: a float that is not finite is written `1e999` or `-1e999` (which
//! `JSON.parse` reads as ±Infinity) or, for NaN, as the string `"\ud800"`, a lone surrogate that
//! no Rust string can hold, so the unpacker turns it back into NaN without mistaking a real
//! string for it; and an integer beyond ±2^53 is written as it is (JS reads the nearest number)
//! where serde-wasm-bindgen would refuse it.

use crate::diagnostic::Diagnostic;
use crate::value::{Map, Value};
use crate::{Heading, Rendered, Translation};
use std::fmt::Write;

/// A packed post: its strings and the header that finds them (see the module's header). The
/// strings stay here until the next `pack`, which reuses the memory.
#[derive(Default)]
pub struct Packed {
    utf8: Vec<String>,
    utf16: Vec<Vec<u16>>,
    header: Vec<u32>,
}

impl Packed {
    /// Packs `post` and then `extra`, each string as UTF-16 if `utf16` (unless it is ASCII),
    /// else as it is (UTF-8).
    pub fn pack(&mut self, post: Rendered, extra: Vec<String>, utf16: bool) {
        let json = fields_json(&post);
        let strings = [json, post.html].into_iter().chain(extra);
        self.header.clear();
        self.header.push(0);
        if utf16 {
            self.utf8.clear();
            let mut kept = std::mem::take(&mut self.utf16).into_iter();
            for s in strings {
                // ASCII is as fast to read as Latin-1 (a copy), in fewer bytes: kept as it is.
                if s.is_ascii() {
                    self.entry(s.as_ptr() as usize, s.len(), 2);
                    self.utf8.push(s);
                    continue;
                }
                // A buffer from the last call, if there is one, so its memory is reused.
                let mut units = kept.next().unwrap_or_default();
                units.clear();
                push_utf16(&mut units, &s);
                self.entry(units.as_ptr() as usize, 2 * units.len(), 1);
                self.utf16.push(units);
            }
        } else {
            self.utf16.clear();
            self.utf8.clear();
            for s in strings {
                self.entry(s.as_ptr() as usize, s.len(), 0);
                self.utf8.push(s);
            }
        }
    }

    fn entry(&mut self, address: usize, bytes: usize, encoding: u32) {
        self.header[0] += 1;
        self.header.extend([address as u32, bytes as u32, encoding]);
    }

    /// The header: where each string is (see the module's header).
    pub fn header(&self) -> &[u32] {
        &self.header
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
        needs_lexers,
        // The links a site checks (`links`, site builds only) stay in Rust.
        ..
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
    json.push_str(",\"needsLexers\":");
    list(&mut json, needs_lexers, |json, name| string(json, name));
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
    // Destructured in full, as `Rendered` is above.
    let Diagnostic {
        severity,
        code,
        message,
        line,
        column,
    } = d;
    let severity = severity.as_str();
    // Codes are `area/what` in ASCII letters, digits and `-`: nothing to escape.
    let _ = write!(
        json,
        "{{\"severity\":\"{severity}\",\"code\":\"{code}\",\"message\":"
    );
    string(json, message);
    let _ = write!(json, ",\"line\":{line},\"column\":{column}}}");
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

    fn units_of(s: &str) -> Vec<u16> {
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
                units_of(s)[..],
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
        let json = fields_json(&post);
        assert!(json.starts_with(r#"{"frontMatter":{"title":"T","ja":"_i18n/ja/_posts/2021-01-20-x.md"},"html":"","title":"T","lang":null"#),
            "the JSON should hold the fields in Rendered's order: {json}");
        assert!(json.contains(r#""translations":[{"lang":"ja","path":"_i18n/ja/_posts/2021-01-20-x.md","slug":"x"}],"headings":[{"level":1,"id":"見出し","text":"見出し"}]"#), "{json}");
        assert!(
            json.contains(
                r#""diagnostics":[{"severity":"error","code":"liquid/unterminated","message":"#
            ),
            "each diagnostic should carry its severity, then its code: {json}"
        );
        let expected = [
            json.clone(),
            post.html.clone(),
            "layout 😀".to_owned(),
            "ascii".to_owned(),
        ];
        let extra = || vec!["layout 😀".to_owned(), "ascii".to_owned()];
        let mut packed = Packed::default();
        for utf16 in [true, false, true] {
            packed.pack(post.clone(), extra(), utf16);
            let header = packed.header().to_vec();
            assert_eq!(
                header[0], 4,
                "the header should start with the number of strings"
            );
            let (mut wide, mut kept) = (packed.utf16.iter(), packed.utf8.iter());
            for (i, s) in expected.iter().enumerate() {
                let [address, bytes, encoding] = header[1 + 3 * i..4 + 3 * i] else {
                    unreachable!()
                };
                let (kept_at, kept_bytes, kept_as) = if utf16 && !s.is_ascii() {
                    let units = wide.next().unwrap();
                    assert_eq!(*units, units_of(s), "string {i} should be kept as UTF-16");
                    (units.as_ptr() as usize, 2 * units.len(), 1)
                } else {
                    let string = kept.next().unwrap();
                    assert_eq!(string, s, "string {i} should be kept as it is");
                    (string.as_ptr() as usize, s.len(), if utf16 { 2 } else { 0 })
                };
                assert_eq!(
                    (address, bytes, encoding),
                    (kept_at as u32, kept_bytes as u32, kept_as),
                    "string {i}'s entry should find it"
                );
            }
        }
    }
}
