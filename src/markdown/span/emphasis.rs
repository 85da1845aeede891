//! Emphasis `*em*`, `_em_`, `**strong**`, `__strong__`, by kramdown's rules.
//!
//! Reference: kramdown 2.4 `parser/kramdown/emphasis.rb`. Unlike CommonMark there are no
//! flanking rules: an opener must not be followed by white space, a closer must not follow white
//! space, `_` does not open inside a word, and the content must not be empty. So `**名称：**第三期`
//! is strong. A `**` that finds no closing `**` is tried once more as `*` + em, without giving the
//! first `*` back (kramdown's own quirk: `**foo*` is `<em>*foo</em>`).

use super::{Kind, Spans, Stop, StopMatch};
use crate::ctype::is_ruby_space_char;
use crate::markdown::unicode::is_alnum;
use pulldown_cmark::{Event, Tag, TagEnd};

pub(super) fn parse(s: &mut Spans<'_, '_>) -> bool {
    let b = s.src.as_bytes();
    let kind_char = b[s.pos];
    if kind_char != b'*' && kind_char != b'_' {
        return false;
    }
    let start = s.pos;
    let len = if b.get(start + 1) == Some(&kind_char) {
        2
    } else {
        1
    };
    let delim = &s.src[start..start + len];
    let element = if len == 2 { Kind::Strong } else { Kind::Em };
    let after = start + len;

    let refused = (kind_char == b'_' && ends_inside_word(&s.src[..start]))
        || s.char_at(after).is_some_and(is_ruby_space_char)
        || s.inside(element)
        || s.too_deep()
        || s.out_of_budget();
    if refused {
        s.text(start, after);
        s.pos = after;
        return true;
    }

    s.spend(super::ATTEMPT_COST);
    let mark = s.mark();
    let parent_is_em = s.stack.last().is_some_and(|f| f.kind == Kind::Em);
    s.pos = after;
    if sub_parse(s, delim, element, kind_char) {
        return true;
    }
    if element == Kind::Strong && !parent_is_em {
        s.rewind(mark);
        s.pos = start + 1;
        if sub_parse(s, &s.src[start..start + 1], Kind::Em, kind_char) {
            return true;
        }
    }
    s.rewind(mark);
    s.text(start, after);
    s.pos = after;
    true
}

/// Parses the content up to an acceptable closing `delim`; on success the element is in the
/// output and the closer consumed.
fn sub_parse<'s>(s: &mut Spans<'s, '_>, delim: &'s str, element: Kind, kind_char: u8) -> bool {
    let (tag, end) = match element {
        Kind::Strong => (Tag::Strong, TagEnd::Strong),
        _ => (Tag::Emphasis, TagEnd::Emphasis),
    };
    s.open(element, Event::Start(tag));
    let doubled: &str = if kind_char == b'*' { "**" } else { "__" };
    let found = s.parse(
        Some(Stop::Delimiter(delim)),
        &super::ALL,
        &mut |s, _m: StopMatch| {
            let before_ok = !s.char_before(s.pos).is_some_and(is_ruby_space_char);
            // An em does not close on `**` (unless that is part of a longer run).
            let not_double = element != Kind::Em || {
                let r = s.rest();
                !(r.starts_with(doubled) && r.as_bytes().get(2) != Some(&kind_char))
            };
            let not_intraword =
                kind_char != b'_' || !s.char_at(s.pos + delim.len()).is_some_and(is_alnum);
            before_ok && not_double && not_intraword && s.has_children()
        },
    );
    if found {
        s.pos += delim.len();
        s.close(end);
    }
    found
}

/// kramdown's `/[[:alpha:]]-?[[:alpha:]]*\z/` on the text before an underscore.
fn ends_inside_word(before: &str) -> bool {
    let mut chars = before.chars().rev().peekable();
    match chars.next() {
        Some(c) if c.is_alphabetic() => true,
        Some('-') => chars.next().is_some_and(char::is_alphabetic),
        _ => false,
    }
}
