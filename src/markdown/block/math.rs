//! Math blocks `$$ … $$`, written for MathJax as `\[ … \]`.
//!
//! Reference: kramdown 2.4 `parser/kramdown/math.rb`: `$$…$$` (over lines) that starts after a
//! block boundary and ends before one; `\$$` at the start is not math.

use super::{Blocks, Last};
use crate::ctype::{is_ruby_space, is_ruby_space_char, leading, leading_spaces};
use pulldown_cmark::{CowStr, Event};

pub(super) fn parse(b: &mut Blocks<'_, '_, '_>) -> bool {
    if !b.after_block_boundary() {
        return false;
    }
    let start = b.pos;
    let lead = leading_spaces(b.line_at(start)).min(3);
    let r = &b.src[start + lead..];
    if r.starts_with("\\$$") || !r.starts_with("$$") {
        return false;
    }
    let Some(close) = r[2..].find("$$") else {
        return false;
    };
    let body_end = start + lead + 2 + close;
    let mut after = body_end + 2;
    // `(\s*?\n)?`
    let ws = leading(&b.src[after..], |c| c != b'\n' && is_ruby_space(c));
    if b.src[after + ws..].starts_with('\n') {
        after += ws + 1;
    }
    if !b.block_boundary_at(after) {
        return false;
    }
    let body = b.src[start + lead + 2..body_end].trim_matches(is_ruby_space_char);
    b.push(Event::DisplayMath(CowStr::Borrowed(body)), start);
    b.pos = after;
    b.last = Last::Other;
    true
}
