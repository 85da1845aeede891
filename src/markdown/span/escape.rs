//! Backslash escapes: `\*` is a literal `*`.
//!
//! Reference: kramdown-parser-gfm `ESCAPED_CHARS_GFM`: only `\ . * _ + ` < > ( ) [ ] { } # ! : |
//! " ' $ = - ~` can be escaped; any other backslash is text (`\@` stays `\@`).

use super::Spans;
use crate::markdown::options::Input;
use pulldown_cmark::CowStr;

pub(super) fn parse(s: &mut Spans<'_, '_>) -> bool {
    let b = s.src.as_bytes();
    if b[s.pos] != b'\\' {
        return false;
    }
    match b.get(s.pos + 1) {
        // `~` only with the GFM parser (`ESCAPED_CHARS_GFM`).
        Some(&c)
            if b"\\.*_+`<>()[]{}#!:|\"'$=-".contains(&c)
                || (c == b'~' && s.options.input == Input::Gfm) =>
        {
            let at = s.pos + 1;
            s.text_str(CowStr::Borrowed(&s.src[at..at + 1]));
            s.pos += 2;
            true
        }
        _ => false,
    }
}
