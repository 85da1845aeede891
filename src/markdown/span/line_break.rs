//! Hard line breaks: two spaces or `\\` before a line end, and GFM's `\` before a line end.
//!
//! Reference: kramdown 2.4 `parser/kramdown/line_break.rb` (`(  |\\\\)(?=\n)`), and
//! kramdown-parser-gfm's `update_elements`, which afterwards splits every text node at `\` +
//! newline into text, `<br />`, text — except at the very end of a block.

use super::Spans;
use crate::byte_set;
use crate::markdown::event::Event;
use pulldown_cmark::{CowStr, Event as Md};

pub(super) fn parse(s: &mut Spans<'_, '_>) -> bool {
    // With `hard_wrap` the GFM parser drops this parser: every newline breaks instead.
    if s.options.hard_wrap && s.options.input == crate::markdown::options::Input::Gfm {
        return false;
    }
    let r = s.rest();
    if r.starts_with("  \n") || r.starts_with("\\\\\n") {
        s.push(Md::HardBreak);
        s.pos += 2;
        return true;
    }
    false
}

/// Whether `text` holds `separator`. Every text node asks, and few have one: for the usual `\` +
/// newline, a search for the rare `\` alone (memchr) skips most text at once, where the search for
/// the two-byte string (`str::contains`) took 4% of the corpus run in the wasm profile.
fn holds(text: &str, separator: &str) -> bool {
    if separator != "\\\n" {
        return text.contains(separator);
    }
    let b = text.as_bytes();
    let mut at = byte_set::find_byte(b, 0, b'\\');
    while at < b.len() {
        if b.get(at + 1) == Some(&b'\n') {
            return true;
        }
        at = byte_set::find_byte(b, at + 1, b'\\');
    }
    false
}

/// Splits a text node at `\` + newline (at every newline with `hard_wrap`) into text, hard
/// break, text (GFM's hard line break). `at_block_end`: the text is the last thing in its block,
/// where a trailing break is dropped.
pub(super) fn split_text<'s>(
    text: CowStr<'s>,
    at_block_end: bool,
    separator: Option<&str>,
    out: &mut Vec<Event<'s>>,
) {
    let Some(separator) = separator.filter(|sep| holds(&text, sep)) else {
        out.push(Md::Text(text).into());
        return;
    };
    let lines: Vec<&str> = text.split(separator).collect();
    let omit_trailing = at_block_end && lines.last() == Some(&"");
    let count = lines.len();
    for (k, line) in lines.iter().enumerate() {
        let piece = if k > 0 {
            format!("\n{line}")
        } else {
            (*line).to_owned()
        };
        if !piece.is_empty() {
            out.push(Md::Text(CowStr::from(piece)).into());
        }
        if k + 2 < count || (k + 2 == count && !omit_trailing) {
            out.push(Md::HardBreak.into());
        }
    }
}
