//! Horizontal rules: three or more `*`, `-` or `_`, spaces allowed between.
//!
//! Reference: kramdown 2.4 `parser/kramdown/horizontal_rule.rb`
//! (`^ {0,3}(\*|-|_)[ \t]*\1[ \t]*\1(\1|[ \t])*\n`).

use super::{strip_opt_space, Blocks, Last};
use pulldown_cmark::Event;

pub(super) fn parse(b: &mut Blocks<'_, '_, '_>) -> bool {
    if !is_rule(b.line_at(b.pos)) || !b.src[b.pos..].contains('\n') {
        return false;
    }
    b.push(Event::Rule, b.pos);
    b.pos = b.line_end(b.pos);
    b.last = Last::Other;
    true
}

pub(super) fn is_rule(line: &str) -> bool {
    let t = strip_opt_space(line);
    let Some(&c) = t.as_bytes().first() else {
        return false;
    };
    if !matches!(c, b'*' | b'-' | b'_') {
        return false;
    }
    let mut count = 0;
    for &x in t.as_bytes() {
        if x == c {
            count += 1;
        } else if x != b' ' && x != b'\t' {
            return false;
        }
    }
    count >= 3
}
