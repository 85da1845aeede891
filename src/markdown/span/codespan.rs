//! Code spans `` `code` ``, by kramdown's rules.
//!
//! Reference: kramdown 2.4 `parser/kramdown/codespan.rb`. The closer is the next occurrence of
//! the same backtick string (even inside a longer run); one space is trimmed from each end of a
//! span opened by two or more backticks; a lone backtick between spaces is text.

use super::Spans;
use crate::ctype::is_ruby_space_char;
use pulldown_cmark::{CowStr, Event};

/// Backtick runs by length, as `'static` strings for the remembered searches.
const BACKTICKS: [&str; 9] = [
    "", "`", "``", "```", "````", "`````", "``````", "```````", "````````",
];

pub(super) fn parse(s: &mut Spans<'_, '_>) -> bool {
    let b = s.src.as_bytes();
    if b[s.pos] != b'`' {
        return false;
    }
    let start = s.pos;
    let mut after = start;
    while b.get(after) == Some(&b'`') {
        after += 1;
    }
    let delim = &s.src[start..after];
    let simple = delim.len() == 1;
    let lone = simple
        && (start == 0 || s.char_before(start).is_some_and(is_ruby_space_char))
        && s.char_at(after).is_some_and(is_ruby_space_char);
    let closer = if lone {
        None
    } else {
        match BACKTICKS.get(delim.len()) {
            Some(&needle) => s.find_from(needle, after).map(|at| at - after),
            None => {
                let found = s.src[after..].find(delim);
                s.spend(found.map_or(s.src.len() - after, |c| c + delim.len()));
                found
            }
        }
    };
    let Some(rel) = closer else {
        s.text(start, after);
        s.pos = after;
        return true;
    };
    let mut text = &s.src[after..after + rel];
    if !simple {
        text = text.strip_prefix(' ').unwrap_or(text);
        text = text.strip_suffix(' ').unwrap_or(text);
    }
    s.push(Event::Code(CowStr::Borrowed(text)));
    s.pos = after + rel + delim.len();
    true
}
