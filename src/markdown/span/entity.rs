//! Character references `&amp;`, `&#8617;`, `&#x41;`.
//!
//! Reference: kramdown 2.4 `parser/kramdown/html_entity.rb` and `Utils::Entities`. A name kramdown
//! does not know is text (`&foo;` shows as written). Each reference is a text node of its own, so
//! `&amp;copy;` stays `&copy;` on the page.

use super::Spans;
use pulldown_cmark::CowStr;

#[path = "entity_table.rs"]
mod table;

pub(super) fn parse(s: &mut Spans<'_, '_>) -> bool {
    let Some((value, len)) = reference(s.rest()) else {
        return false;
    };
    let start = s.pos;
    s.pos += len;
    match value {
        Reference::Char(c) => s.out.push(super::Out::Symbol(CowStr::from(c))),
        // A code point that is no character: kramdown writes the reference as it was.
        Reference::Invalid => s.out.push(super::Out::Symbol(CowStr::from("\u{fffd}"))),
        Reference::Unknown => {
            s.symbol("&");
            s.text(start + 1, start + len);
        }
    }
    true
}

pub(crate) enum Reference {
    Char(char),
    Invalid,
    Unknown,
}

/// `&([\w:][\-\w\.:]*);|&#(\d+);|&\#x([0-9a-fA-F]+);` at the start of `r`.
pub(crate) fn reference(r: &str) -> Option<(Reference, usize)> {
    let b = r.as_bytes();
    if b.first() != Some(&b'&') {
        return None;
    }
    if b.get(1) == Some(&b'#') {
        let hex = b.get(2) == Some(&b'x');
        let digits_start = if hex { 3 } else { 2 };
        let mut p = digits_start;
        while p < b.len()
            && (if hex {
                b[p].is_ascii_hexdigit()
            } else {
                b[p].is_ascii_digit()
            })
        {
            p += 1;
        }
        if p == digits_start || b.get(p) != Some(&b';') {
            return None;
        }
        let digits = &r[digits_start..p];
        let code = u32::from_str_radix(digits, if hex { 16 } else { 10 }).ok();
        let value = code
            .and_then(char::from_u32)
            .map_or(Reference::Invalid, Reference::Char);
        return Some((value, p + 1));
    }
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let first = *b.get(1)?;
    if !(word(first) || first == b':') {
        return None;
    }
    let mut p = 2;
    while p < b.len() && (word(b[p]) || matches!(b[p], b'-' | b'.' | b':')) {
        p += 1;
    }
    if b.get(p) != Some(&b';') {
        return None;
    }
    let name = &r[1..p];
    let value = match table::ENTITIES.binary_search_by(|(n, _)| (*n).cmp(name)) {
        Ok(i) => char::from_u32(table::ENTITIES[i].1).map_or(Reference::Invalid, Reference::Char),
        Err(_) => Reference::Unknown,
    };
    Some((value, p + 1))
}
