//! Strikethrough `~~text~~` (GFM).
//!
//! Reference: kramdown-parser-gfm `STRIKETHROUGH_MATCH` (`~~(?!\s|~).*?[^\s~]~~`): the content is
//! the shortest run that ends in a character that is neither white space nor `~`, and it is
//! parsed on its own, as a new text (so emphasis around it does not see it).

use super::{Kind, Spans};
use crate::ctype::is_ruby_space;
use pulldown_cmark::{Event, Tag, TagEnd};

/// The first valid closer at or after `from`; remembered, since every later search from further
/// on would find the same one (or none).
fn closer_from(s: &mut Spans<'_, '_>, from: usize) -> Option<usize> {
    if let Some((start, found)) = s.strike_closer {
        match found {
            None if start <= from => return None,
            Some(at) if start <= from && at >= from => return Some(at),
            _ => {}
        }
    }
    let b = s.src.as_bytes();
    let mut i = from;
    let found = loop {
        if i + 1 >= b.len() {
            break None;
        }
        if b[i] == b'~' && b[i + 1] == b'~' && !is_ruby_space(b[i - 1]) && b[i - 1] != b'~' {
            break Some(i);
        }
        i += 1;
    };
    s.spend(i - from);
    s.strike_closer = Some((from, found));
    found
}

pub(super) fn parse(s: &mut Spans<'_, '_>) -> bool {
    // A GFM addition: kramdown's own parser has no strikethrough.
    if s.options.input != crate::markdown::options::Input::Gfm {
        return false;
    }
    let r = s.rest();
    let b = r.as_bytes();
    if !r.starts_with("~~")
        || b.get(2).is_none_or(|&c| is_ruby_space(c) || c == b'~')
        || s.too_deep()
    {
        return false;
    }
    // The first `~~` preceded by a character that is neither white space nor `~`.
    let from = s.pos + 3;
    let Some(close_at) = closer_from(s, from) else {
        return false;
    };
    let close = close_at - s.pos;
    let start = s.pos;
    let inner = &s.src[start + 2..start + close];
    let mut sub = super::Spans::new(inner, s.defs, s.options);
    sub.budget = s.budget;
    sub.stack.push(super::Frame {
        kind: Kind::Del,
        first_child: 0,
        images: 0,
    });
    sub.parse(None, &super::ALL, &mut super::accept_any);
    s.budget = sub.budget;
    s.issues
        .extend(sub.issues.drain(..).map(|i| i.shifted(start + 2)));
    s.push(Event::Start(Tag::Strikethrough));
    let (events, abbreviations_cut) = sub.finish();
    if abbreviations_cut {
        s.issues.push(super::abbreviations_cut(start));
    }
    for e in events {
        s.push(e);
    }
    s.push(Event::End(TagEnd::Strikethrough));
    s.pos = start + close + 2;
    true
}
