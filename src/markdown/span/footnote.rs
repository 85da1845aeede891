//! Footnote markers `[^name]`.
//!
//! Reference: kramdown 2.4 `parser/kramdown/footnote.rb`: a marker whose definition exists becomes
//! a numbered reference; any other is text (and a warning).

use super::Spans;
use crate::ctype::is_ruby_word;
use crate::diagnostic::Code;
use pulldown_cmark::{CowStr, Event};

pub(super) fn parse(s: &mut Spans<'_, '_>) -> bool {
    let r = s.rest();
    if !r.starts_with("[^") {
        return false;
    }
    // `\w[\w-]*` (ASCII) then `]`.
    let b = r.as_bytes();
    if !b.get(2).is_some_and(|&c| is_ruby_word(c)) {
        return false;
    }
    let mut p = 3;
    while p < b.len() && (is_ruby_word(b[p]) || b[p] == b'-') {
        p += 1;
    }
    if b.get(p) != Some(&b']') {
        return false;
    }
    let name = &s.src[s.pos + 2..s.pos + p];
    if s.defs.footnotes.contains_key(name) {
        s.push(Event::FootnoteReference(CowStr::Borrowed(name)));
    } else {
        s.report(Code::UndefinedFootnote, s.pos, format!("footnote `[^{name}]` has no definition: add a line `[^{name}]: …` or it shows as text"));
        s.text(s.pos, s.pos + p + 1);
    }
    s.pos += p + 1;
    true
}
