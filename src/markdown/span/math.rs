//! Inline math `$$x^2$$`, written for MathJax as `\(x^2\)`.
//!
//! Reference: kramdown 2.4 `parser/kramdown/math.rb` (`\$\$(.*?)\$\$`, content stripped) and its
//! MathJax engine.

use super::Spans;
use crate::ctype::is_ruby_space_char;
use pulldown_cmark::{CowStr, Event};

pub(super) fn parse(s: &mut Spans<'_, '_>) -> bool {
    let r = s.rest();
    if !r.starts_with("$$") {
        return false;
    }
    let start = s.pos + 2;
    let Some(close) = s.find_from("$$", start).map(|at| at - start) else {
        return false;
    };
    let body = s.src[start..start + close].trim_matches(is_ruby_space_char);
    s.push(Event::InlineMath(CowStr::Borrowed(body)));
    s.pos = start + close + 2;
    true
}
