//! Raw HTML as kramdown reads it: its tag, attribute and comment patterns, its lists of span and
//! block elements and content models, and how it writes an element back out.
//!
//! Reference: kramdown 2.4 `Kramdown::Parser::Html::Constants` (names are REXML's `UNAME_STR`,
//! `[[:alpha:]_][-[:alnum:]._]*` with an optional `prefix:`), and `Utils::Html#html_attributes`.
//! kramdown does not pass HTML through: it parses tags and writes them again, so what it makes of
//! odd markup (`<Radical Markets>` is an element with an attribute `Markets=""`) is what we make.

use super::unicode::is_alnum;
use crate::byte_set;
use crate::ctype::is_ruby_space;

/// Elements kramdown treats as span-level when they start a line (so they start a paragraph).
pub const SPAN_ELEMENTS: &[&str] = &[
    "a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em",
    "i", "img", "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt",
    "rtc", "ruby", "samp", "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var",
];

/// Elements that cannot stand in span-level text (kramdown prints them as text there).
pub const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "aside",
    "applet",
    "body",
    "blockquote",
    "caption",
    "col",
    "colgroup",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "head",
    "iframe",
    "legend",
    "menu",
    "li",
    "main",
    "map",
    "nav",
    "ol",
    "optgroup",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tfoot",
    "tr",
    "ul",
];

/// Void elements: written `<x />` when empty.
pub const ELEMENTS_WITHOUT_BODY: &[&str] = &[
    "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];

const CONTENT_MODEL_BLOCK: &[&str] = &[
    "address",
    "applet",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "fieldset",
    "figure",
    "figcaption",
    "footer",
    "form",
    "header",
    "hgroup",
    "iframe",
    "li",
    "main",
    "map",
    "menu",
    "nav",
    "noscript",
    "object",
    "section",
    "summary",
    "td",
];

const CONTENT_MODEL_SPAN: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdo", "big", "button", "cite", "caption", "del", "dfn", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "ins", "label", "legend", "optgroup", "p", "q",
    "rb", "rbc", "rp", "rt", "rtc", "ruby", "select", "small", "span", "strong", "sub", "sup",
    "th", "tt",
];

const CONTENT_MODEL_RAW: &[&str] = &[
    "script", "style", "math", "option", "textarea", "pre", "code", "kbd", "samp", "var",
];

/// How kramdown parses an element's content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentModel {
    Block,
    Span,
    /// Text, with only nested HTML recognised. Every element kramdown does not know is raw.
    Raw,
}

pub fn content_model(name: &str) -> ContentModel {
    if CONTENT_MODEL_BLOCK.contains(&name) {
        ContentModel::Block
    } else if CONTENT_MODEL_SPAN.contains(&name) {
        ContentModel::Span
    } else {
        ContentModel::Raw
    }
}

/// Whether kramdown knows the element (then its name and attribute names are lower-cased).
pub fn is_known_element(lower: &str) -> bool {
    SPAN_ELEMENTS.contains(&lower)
        || BLOCK_ELEMENTS.contains(&lower)
        || ELEMENTS_WITHOUT_BODY.contains(&lower)
        || CONTENT_MODEL_BLOCK.contains(&lower)
        || CONTENT_MODEL_SPAN.contains(&lower)
        || CONTENT_MODEL_RAW.contains(&lower)
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// The end of a REXML `UNAME` (`prefix:name`) starting at `i`.
pub fn name_end(s: &str, i: usize) -> Option<usize> {
    let simple = |mut i: usize| -> Option<usize> {
        let c = char_at(s, i)?;
        if !(c.is_alphabetic() || c == '_') {
            return None;
        }
        i += c.len_utf8();
        while let Some(c) = char_at(s, i) {
            if is_alnum(c) || matches!(c, '-' | '.' | '_') {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        Some(i)
    };
    let end = simple(i)?;
    if s.as_bytes().get(end) == Some(&b':') {
        if let Some(after) = simple(end + 1) {
            return Some(after);
        }
    }
    Some(end)
}

/// A start tag `<name attrs>` or `<name attrs/>` as `HTML_TAG_RE` matches it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StartTag<'a> {
    pub name: &'a str,
    /// The attribute text, to be read with `attributes`.
    pub attrs: &'a str,
    pub self_closing: bool,
    /// Offset after `>`.
    pub end: usize,
}

/// Matches a start tag at `i` (which must be `<`).
pub fn start_tag(s: &str, i: usize) -> Option<StartTag<'_>> {
    let b = s.as_bytes();
    if b.get(i) != Some(&b'<') {
        return None;
    }
    let name_start = i + 1;
    let name_stop = name_end(s, name_start)?;
    // `\s*((?>\s+ATTR)*)\s*(\/)?>`: attributes each after white space, then optional `/`.
    let mut p = name_stop;
    let attrs_start = p;
    let mut attrs_stop = p;
    loop {
        let ws = skip_space(b, p);
        if ws == p {
            break;
        }
        match attribute_end(s, ws) {
            Some(end) => {
                p = end;
                attrs_stop = end;
            }
            None => break,
        }
    }
    let mut q = skip_space(b, attrs_stop);
    let self_closing = b.get(q) == Some(&b'/');
    if self_closing {
        q += 1;
    }
    if b.get(q) != Some(&b'>') {
        return None;
    }
    Some(StartTag {
        name: &s[name_start..name_stop],
        attrs: &s[attrs_start..attrs_stop],
        self_closing,
        end: q + 1,
    })
}

fn skip_space(b: &[u8], mut p: usize) -> usize {
    while p < b.len() && is_ruby_space(b[p]) {
        p += 1;
    }
    p
}

/// `UNAME(?:\s*=\s*(?:\p{Word}+|("|').*?\1))?` at `i`; returns its end.
fn attribute_end(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let name = name_end(s, i)?;
    let eq = skip_space(b, name);
    if b.get(eq) != Some(&b'=') {
        return Some(name);
    }
    let v = skip_space(b, eq + 1);
    match b.get(v) {
        Some(&q) if q == b'"' || q == b'\'' => match memchr(q, &b[v + 1..]) {
            Some(close) => Some(v + 1 + close + 1),
            None => Some(name),
        },
        _ => {
            let end = word_run_end(s, v);
            Some(if end > v { end } else { name })
        }
    }
}

fn word_run_end(s: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(s, i) {
        if super::unicode::is_word(c) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

/// Reads attribute text the way `HTML_ATTRIBUTE_RE` scans it: `name`, `name=word`, `name="v"`,
/// `name='v'`. Names of known elements' attributes are lower-cased; a repeated name overwrites.
pub fn attributes(text: &str, lower_names: bool) -> Vec<(String, String)> {
    let b = text.as_bytes();
    let mut out: Vec<(String, String)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    let mut p = 0;
    while p < b.len() {
        let start = skip_space(b, p);
        let Some(name_stop) = name_end(text, start) else {
            // Not an attribute here: `scan` moves on one character.
            p = start + char_at(text, start).map_or(1, char::len_utf8);
            continue;
        };
        let mut name = text[start..name_stop].to_owned();
        if lower_names {
            name = crate::ruby::case::downcase(&name);
        }
        let mut value = String::new();
        let mut end = name_stop;
        let eq = skip_space(b, name_stop);
        if b.get(eq) == Some(&b'=') {
            let v = skip_space(b, eq + 1);
            match b.get(v) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    if let Some(close) = memchr(q, &b[v + 1..]) {
                        value = text[v + 1..v + 1 + close].to_owned();
                        end = v + 1 + close + 1;
                    }
                }
                _ => {
                    let w = word_run_end(text, v);
                    if w > v {
                        value = text[v..w].to_owned();
                        end = w;
                    }
                }
            }
        }
        // Past a few attributes, names are looked up in an index: one element with thousands
        // of them stays linear.
        let seen = match out.len() > 8 {
            true => index.get(&name).copied(),
            false => out.iter().position(|(k, _)| *k == name),
        };
        match seen {
            Some(i) => out[i].1 = value,
            None if out.len() >= 8 => {
                if index.is_empty() {
                    index.extend(out.iter().enumerate().map(|(i, (k, _))| (k.clone(), i)));
                }
                index.insert(name.clone(), out.len());
                out.push((name, value));
            }
            None => out.push((name, value)),
        }
        p = end.max(start + 1);
    }
    out
}

/// `</name\s*>` at `i`: the name and the offset after `>`.
pub fn end_tag(s: &str, i: usize) -> Option<(&str, usize)> {
    let b = s.as_bytes();
    if b.get(i) != Some(&b'<') || b.get(i + 1) != Some(&b'/') {
        return None;
    }
    let name_stop = name_end(s, i + 2)?;
    let q = skip_space(b, name_stop);
    (b.get(q) == Some(&b'>')).then(|| (&s[i + 2..name_stop], q + 1))
}

/// `<!--(.*?)-->` at `i`: the offset after `-->`.
pub fn comment(s: &str, i: usize) -> Option<usize> {
    if !s[i..].starts_with("<!--") {
        return None;
    }
    s[i + 4..].find("-->").map(|j| i + 4 + j + 3)
}

/// `<?(.*?)?>` at `i`: the offset after `?>`.
pub fn instruction(s: &str, i: usize) -> Option<usize> {
    if !s[i..].starts_with("<?") {
        return None;
    }
    s[i + 2..].find("?>").map(|j| i + 2 + j + 2)
}

/// The element name as kramdown keeps it: lower-cased when it is an element it knows.
pub fn normalized_name(name: &str) -> String {
    let lower = crate::ruby::case::downcase(name);
    if is_known_element(&lower) {
        lower
    } else {
        name.to_owned()
    }
}

/// Escapes text as kramdown's `escape_html(s, :text)`: `<`, `>` and `&`, except that an `&` that
/// already starts a character reference (`&name;`, `&#12;`, `&#x1f;`) is left alone.
pub fn escape_text(out: &mut String, s: &str) {
    escape(out, s, false);
}

/// Escapes an attribute value as `escape_html(s, :attribute)`: also `"`.
pub fn escape_attribute(out: &mut String, s: &str) {
    escape(out, s, true);
}

/// Escapes everything, references included (`escape_html(s, :all)`, and what rouge does).
pub fn escape_all(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'&' => "&amp;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// Escapes `<`, `>`, `&` (unless it starts a reference) and, with `quotes`, `"`.
fn escape(out: &mut String, s: &str, quotes: bool) {
    let b = s.as_bytes();
    let mut last = 0;
    // Most text has nothing to escape: skip to the next byte that might need it.
    let mut i = byte_set::find_html_special(b, 0);
    while i < b.len() {
        let rep = match b[i] {
            b'<' => Some("&lt;"),
            b'>' => Some("&gt;"),
            b'&' if reference_len(&s[i..]).is_none() => Some("&amp;"),
            b'"' if quotes => Some("&quot;"),
            _ => None,
        };
        if let Some(rep) = rep {
            out.push_str(&s[last..i]);
            out.push_str(rep);
            last = i + 1;
        }
        i = byte_set::find_html_special(b, i + 1);
    }
    out.push_str(&s[last..]);
}

/// The length of a character reference at the start of `s` (REXML's `REFERENCE_RE`).
pub fn reference_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.first() != Some(&b'&') {
        return None;
    }
    let (start, accept): (usize, fn(u8) -> bool) = match (b.get(1), b.get(2)) {
        (Some(b'#'), Some(b'x')) => (3, |c| c.is_ascii_hexdigit()),
        (Some(b'#'), _) => (2, |c| c.is_ascii_digit()),
        // `[\w:][-\w.:]*` with Ruby's ASCII `\w`.
        (Some(&c), _) if c.is_ascii_alphanumeric() || c == b'_' || c == b':' => (2, |c| {
            c.is_ascii_alphanumeric() || matches!(c, b'_' | b':' | b'-' | b'.')
        }),
        _ => return None,
    };
    let end = start + b[start..].iter().take_while(|&&c| accept(c)).count();
    let digits_needed = b[1] == b'#';
    if digits_needed && end == start {
        return None;
    }
    (b.get(end) == Some(&b';')).then_some(end + 1)
}

/// Writes ` name="value"` for each attribute, as `html_attributes` does.
pub fn write_attributes(out: &mut String, attrs: &[(String, String)]) {
    for (k, v) in attrs {
        if k == "id" && v.trim().is_empty() {
            continue;
        }
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        escape_attribute(out, v);
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_tag_should_read_names_attributes_and_self_closing() {
        let t = start_tag(r#"<img src="a b" alt=x hidden/>rest"#, 0).expect("a tag");
        assert_eq!(t.name, "img");
        assert!(t.self_closing, "`/>` should close the tag");
        assert_eq!(
            attributes(t.attrs, true),
            [
                ("src".into(), "a b".into()),
                ("alt".into(), "x".into()),
                ("hidden".into(), String::new())
            ]
        );
    }

    #[test]
    fn start_tag_should_take_any_name_as_kramdown_does() {
        let t = start_tag("<Radical Markets>から", 0).expect("kramdown reads this as a tag");
        assert_eq!((t.name, t.attrs.trim()), ("Radical", "Markets"));
    }

    #[test]
    fn start_tag_should_refuse_an_unquoted_url_value() {
        assert_eq!(
            start_tag("<a href=http://x>", 0),
            None,
            "`:` cannot stand in an unquoted value"
        );
    }

    #[test]
    fn escape_text_should_leave_references_alone() {
        let mut out = String::new();
        escape_text(&mut out, "AT&amp;T & <b> &#169; &x");
        assert_eq!(out, "AT&amp;T &amp; &lt;b&gt; &#169; &amp;x");
    }

    #[test]
    fn end_tag_and_comment_should_match_their_patterns() {
        assert_eq!(end_tag("</div >x", 0), Some(("div", 7)));
        assert_eq!(comment("<!-- a\nb -->x", 0), Some(12));
        assert_eq!(comment("<!-- never", 0), None);
    }
}
