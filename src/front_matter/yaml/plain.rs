//! A fast path for the front matter most posts have: `key: value` lines whose values are empty,
//! `''`, `""`, `[]`, a quoted string without escapes, a plain string that cannot be read as
//! anything else, or a plain decimal integer; a string may go on over indented lines (a long
//! title wrapped by an editor), which YAML folds into one line, each break a space. Such a front
//! matter is read here directly; anything else (nesting, lists, blank lines inside a value,
//! comments after values, anchors, numbers that are not plain integers, `true`, `null` …) returns
//! `None` and goes to serde_yaml.
//!
//! This exists for speed alone: libyaml costs some 400 instructions per byte of front matter, a
//! seventh of a whole render. What it reads must be exactly what serde_yaml reads, which the
//! tests check over the real posts and the `front_matter` fuzz target checks on any input.

use crate::value::{Map, Value};
use std::iter::Peekable;
use std::str::Split;

/// The front matter as serde_yaml would read it, if it is of the plain kind.
pub fn parse(yaml: &str) -> Option<Map> {
    let mut lines = yaml.split('\n').peekable();
    if lines.next()?.trim_end_matches(' ') != "---" {
        return None;
    }
    let mut map = Map::new();
    while let Some(line) = lines.next() {
        if line.bytes().all(|b| b == b' ') {
            continue;
        }
        if has_special_char(line) {
            return None;
        }
        let (key, rest) = line.split_once(':')?;
        if !is_plain_key(key) || map.get(key).is_some() {
            return None;
        }
        let value = match rest.strip_prefix(' ') {
            None if rest.is_empty() => Value::Null,
            None => return None,
            Some(v) => {
                let v = v.trim_end_matches(' ');
                let more = continuation(&mut lines)?;
                if more.is_empty() {
                    value(v)?
                } else {
                    folded(v, &more)?
                }
            }
        };
        map.insert(key.to_owned(), value);
    }
    Some(map)
}

/// The indented lines that go on the value just read, each without its indentation and
/// trailing spaces: none if the next line is not indented; `None` if one of them holds a
/// character libyaml treats apart.
fn continuation<'a>(lines: &mut Peekable<Split<'a, char>>) -> Option<Vec<&'a str>> {
    let mut more = Vec::new();
    while let Some(line) = lines.next_if(|l| l.starts_with(' ') && !l.bytes().all(|b| b == b' ')) {
        if has_special_char(line) {
            return None;
        }
        more.push(line.trim_matches(' '));
    }
    Some(more)
}

/// A string written over several lines (`first`, then the indented lines `more`), folded as
/// YAML folds it: each line break between two lines is a space. Quoted, it must close at the
/// end of its last line and hold no quote (nor, in `"`, a backslash) before; plain, no line may
/// hold what would end or change it (`: `, ` #`, an indicator first), and the whole must read as
/// a string.
fn folded(first: &str, more: &[&str]) -> Option<Value> {
    let (last, middle) = more.split_last()?;
    let quote = first.as_bytes().first().copied();
    if let Some(q) = quote.filter(|q| matches!(q, b'"' | b'\'')) {
        let forbidden = |s: &str| s.bytes().any(|b| b == q || (q == b'"' && b == b'\\'));
        let head = &first[1..];
        let tail = last.strip_suffix(char::from(q))?;
        if head.is_empty() || tail.is_empty() || forbidden(head) || forbidden(tail) {
            return None;
        }
        if middle.iter().any(|l| forbidden(l)) {
            return None;
        }
        return Some(Value::from(join(head, middle, tail)));
    }
    let breaks_plain = |l: &&str| {
        let b = l.as_bytes();
        is_indicator(b[0]) || b.windows(2).any(|w| w == b": " || w == b" #") || l.ends_with(':')
    };
    if more.iter().any(breaks_plain) {
        return None;
    }
    let text = join(first, middle, last);
    plain(&text).filter(|v| v.as_str() == Some(text.as_str()))
}

/// The lines joined by spaces.
fn join(first: &str, middle: &[&str], last: &str) -> String {
    let mut text = String::with_capacity(first.len() + last.len() + 1);
    text.push_str(first);
    for line in middle.iter().chain([&last]) {
        text.push(' ');
        text.push_str(line);
    }
    text
}

/// `[A-Za-z_][A-Za-z0-9_-]*`, and not a word YAML reads as a boolean or null: such a key is
/// the same string for serde_yaml. (Keys like `2021` or `null` are read as numbers or null.)
fn is_plain_key(key: &str) -> bool {
    let b = key.as_bytes();
    b.first()
        .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
        && !is_yaml_word(key)
}

fn is_yaml_word(s: &str) -> bool {
    const WORDS: [&str; 9] = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"];
    s.len() <= 5 && WORDS.iter().any(|w| s.eq_ignore_ascii_case(w))
}

/// Characters libyaml refuses or reads as line breaks (controls, NEL, LS, PS, BOM,
/// non-characters): a line holding one goes to serde_yaml, which says what is wrong.
fn has_special_char(line: &str) -> bool {
    line.bytes().any(|b| b < 0x20 || b == 0x7f)
        || (!line.is_ascii()
            && line.chars().any(|c| {
                matches!(
                    c,
                    '\u{80}'
                        ..='\u{9f}'
                            | '\u{2028}'
                            | '\u{2029}'
                            | '\u{feff}'
                            | '\u{fffe}'
                            | '\u{ffff}'
                )
            }))
}

fn value(v: &str) -> Option<Value> {
    match v {
        "" => return Some(Value::Null),
        "''" | "\"\"" => return Some(Value::from("")),
        "[]" => return Some(Value::List(Vec::new())),
        _ => {}
    }
    if let Some(inner) = v.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        return (!inner.contains(['"', '\\'])).then(|| Value::from(inner));
    }
    if let Some(inner) = v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        return (!inner.contains('\'')).then(|| Value::from(inner));
    }
    plain(v)
}

/// Whether `s`, written plain after `key: `, reads back as the string `s` (for the writer).
#[cfg(any(all(feature = "page", target_arch = "wasm32"), test))]
pub(super) fn reads_as_string(s: &str) -> bool {
    !has_special_char(s)
        && s == s.trim_matches(' ')
        && plain(s).is_some_and(|v| v == Value::from(s))
}

/// A plain scalar: a decimal integer, or a string that no YAML rule would read as anything else.
fn plain(v: &str) -> Option<Value> {
    let b = v.as_bytes();
    if is_indicator(*b.first()?) {
        return None;
    }
    // `: ` would start a mapping and ` #` a comment (byte pairs: a `str` pattern search costs
    // more to set up than these short values take to scan).
    if b.windows(2).any(|w| w == b": " || w == b" #") || v.ends_with(':') {
        return None;
    }
    if b.iter().all(u8::is_ascii_digit) {
        // `0` or no leading zero, and fitting i64: what serde_yaml reads as that integer.
        if b.len() > 1 && b[0] == b'0' {
            return None;
        }
        return v.parse::<i64>().ok().map(Value::Int);
    }
    // Anything that starts like a number, or is a word YAML knows, is left to serde_yaml.
    if b[0].is_ascii_digit() && looks_numeric(v) || is_yaml_word(v) {
        return None;
    }
    Some(Value::from(v))
}

/// Characters that start something other than a plain string (YAML's indicators, and a space).
fn is_indicator(b: u8) -> bool {
    matches!(
        b,
        b'-' | b'?'
            | b':'
            | b','
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'#'
            | b'&'
            | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'\''
            | b'"'
            | b'%'
            | b'@'
            | b'`'
            | b'+'
            | b'.'
            | b'~'
            | b' '
    )
}

/// Whether a plain scalar starting with a digit could be read as a number (`1.5`, `1e3`,
/// `0x1f`, `1_000`); dates like `2021-01-20` and words like `3D` stay strings.
fn looks_numeric(v: &str) -> bool {
    v.bytes().all(|c| {
        c.is_ascii_hexdigit() || matches!(c, b'.' | b'x' | b'o' | b'_' | b'e' | b'E' | b'+' | b'-')
    }) && !v.as_bytes().windows(2).any(|w| w == b"--")
        && v.bytes().filter(|&c| c == b'-').count() != 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_should_read_the_usual_front_matter() {
        let m = parse("---\nlayout: post\ndate: 2019-02-06\ntimezone: 8\ntitle: \"A: b\"\nja: []\nko: ''\nlocation: Shanghai\n").expect("plain");
        assert_eq!(
            m.get("date"),
            Some(&Value::from("2019-02-06")),
            "a date should stay a string"
        );
        assert_eq!(m.get("timezone"), Some(&Value::Int(8)));
        assert_eq!(m.get("title"), Some(&Value::from("A: b")));
        assert_eq!(m.get("ja"), Some(&Value::List(vec![])));
    }

    #[test]
    fn a_value_over_indented_lines_should_be_folded_as_serde_yaml_folds_it() {
        for (yaml, title) in [
            (
                "---\ntitle: A long title\n  wrapped  \n   twice\nlang: en\n",
                "A long title wrapped twice",
            ),
            (
                "---\ntitle: \"$MASK: on-ramp \n  on Twitter \"\nlang: en\n",
                "$MASK: on-ramp on Twitter ",
            ),
            ("---\ntitle: 'It is \n  quoted'\nlang: en\n", "It is quoted"),
            ("---\ntitle: 日本語の\n  タイトル\n", "日本語の タイトル"),
            ("---\ntitle: 12\n  0.5\n", "12 0.5"),
            ("---\ntitle: true\n  false\n", "true false"),
        ] {
            let fast = parse(yaml).expect("a folded string should be read by the fast path");
            assert_eq!(
                fast.get("title"),
                Some(&Value::from(title)),
                "{yaml:?} should fold to its title"
            );
            assert_eq!(
                Some(fast),
                super::super::parse_with_serde(yaml),
                "{yaml:?} should read as serde_yaml reads it"
            );
        }
    }

    #[test]
    fn a_value_over_lines_that_would_read_otherwise_should_go_to_serde_yaml() {
        for yaml in [
            "---\na: x\n\n  y\n",
            "---\na: x\n  # c\n",
            "---\na: x\n  y: z\n",
            "---\na: x\n  - y\n",
            "---\na: 1\n  .5\n",
            "---\na: x\n  y\nb: true\n",
            "---\na: \"x\n  y\" z\n",
            "---\na: \"x\n  \"y\"\n",
            "---\na: \"x\\\n  y\"\n",
            "---\na: 'x\n  it''s'\n",
            "---\na: \"x\n  y\n",
            "---\na: \"\n  y\"\n",
            "---\na:\n  y\n",
        ] {
            assert_eq!(parse(yaml), None, "{yaml:?} should go to serde_yaml");
        }
    }

    #[test]
    fn parse_should_leave_anything_else_to_serde_yaml() {
        for yaml in [
            "---\na: true\n",
            "---\na: 1.5\n",
            "---\na: [x]\n",
            "---\na:\n  b: 1\n",
            "---\na: \"x\\ny\"\n",
            "---\na: x # c\n",
            "---\na: 0755\n",
            "---\n- x\n",
            "---\na: 1\na: 2\n",
            "---\na: &x y\n",
            "---\na: 1e3\n",
            "---\na: null\n",
            "---\na: b: c\n",
            "---\n  a: 1\n",
            "---\nnull: x\n",
            "---\n2021: x\n",
            "---\na: x\r\n",
            "---\na: x\u{85}y\n",
            "---\na: \u{feff}x\n",
        ] {
            assert_eq!(parse(yaml), None, "{yaml:?} should go to serde_yaml");
        }
    }
}
