//! Paragraphs: a run of lines up to one that can start another block.
//!
//! Reference: kramdown 2.4 `parser/kramdown/paragraph.rb` with kramdown-parser-gfm's
//! `PARAGRAPH_END_GFM`: a paragraph ends before a blank line, a block IAL, an end-of-block
//! marker, a line starting an HTML tag that is not a span element, a list item, an ATX header,
//! a definition, a block quote or a code fence. Everything else continues it — including `---`
//! and `===` under a paragraph of more than one line, and table rows. A paragraph right after
//! another (when a block parser gave up on the line between) continues the first.

use super::{
    header, html_block, is_blank, is_eob, is_ial_line, strip_opt_space, Blocks, Item, Last,
};
use crate::ctype::{is_ruby_space, is_ruby_space_char, leading, opt_space};
use crate::markdown::options::Input;
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

pub(super) fn parse(b: &mut Blocks<'_, '_, '_>) -> bool {
    let start = b.pos;
    // `PARAGRAPH_START`: up to three spaces, then anything but a space or a tab.
    let first = b.line_at(start);
    let lead = opt_space(first);
    if matches!(first.as_bytes().get(lead), Some(b' ' | b'\t')) {
        return false;
    }
    let mut end = b.line_end(start);
    let gfm_end = b.options.input == Input::Gfm && b.options.paragraph_end_quirk;
    while end < b.src.len() && !ends_paragraph(b.line_at(end), &b.src[end..], gfm_end) {
        end = b.line_end(end);
    }
    b.pos = end;
    let text = b.src[start..end].trim_end_matches(is_ruby_space_char);
    if b.last == Last::Paragraph {
        // Continue the paragraph before: its raw text grows to the end of this one.
        if let Some(i) = b.items.iter().rposition(|it| matches!(it, Item::Raw(..))) {
            if let Item::Raw(_, at) = b.items[i] {
                b.items[i] = Item::Raw(CowStr::Borrowed(&b.src[at..start + text.len()]), at);
                return true;
            }
        }
    }
    let lead = leading(text, is_ruby_space);
    let at = start + lead;
    b.push(Event::Start(Tag::Paragraph), start);
    b.items.push(Item::Raw(
        CowStr::Borrowed(&b.src[at..start + text.len()]),
        at,
    ));
    b.push(Event::End(TagEnd::Paragraph), start);
    b.last = Last::Paragraph;
    true
}

/// kramdown's `LAZY_END` at a line: a blank line, a block IAL, an end-of-block marker or a line
/// starting an HTML tag that is not a span element.
pub(super) fn lazy_end(line: &str) -> bool {
    is_blank(line)
        || is_ial_line(line)
        || is_eob(line)
        || html_block::lazy_end(strip_opt_space(line))
}

/// Whether `line` (the rest of the text is `rest`) ends a paragraph before it: GFM's
/// `PARAGRAPH_END_GFM` (`gfm_quirks: paragraph_end`, Jekyll's default), else kramdown's own
/// `PARAGRAPH_END` (only `LAZY_END` and a definition).
pub(super) fn ends_paragraph(line: &str, rest: &str, gfm: bool) -> bool {
    lazy_end(line)
        || is_definition_start(line)
        || rest.is_empty()
        || (gfm
            && (is_list_start(line)
                || header::is_atx_start(line)
                || strip_opt_space(line).starts_with('>')
                || is_fence_start(line)))
}

/// `^( {0,3}[+*-])([\t| ].*?\n)` or `^( {0,3}\d+\.)([\t| ].*?\n)` (the class `[\t| ]` takes
/// `|` too: kramdown's pattern says so).
pub(super) fn is_list_start(line: &str) -> bool {
    let t = strip_opt_space(line);
    let b = t.as_bytes();
    let marker = match b.first() {
        Some(b'+' | b'*' | b'-') => 1,
        Some(c) if c.is_ascii_digit() => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            if b.get(digits) != Some(&b'.') {
                return false;
            }
            digits + 1
        }
        _ => return false,
    };
    matches!(b.get(marker), Some(b'\t' | b' ' | b'|'))
}

/// `^( {0,3}:)([\t| ].*?\n)`.
pub(super) fn is_definition_start(line: &str) -> bool {
    let t = strip_opt_space(line);
    t.starts_with(':') && matches!(t.as_bytes().get(1), Some(b'\t' | b' ' | b'|'))
}

/// `^[ ]{0,3}[~`]{3,}`.
pub(super) fn is_fence_start(line: &str) -> bool {
    let t = strip_opt_space(line);
    t.starts_with("```") || t.starts_with("~~~")
}
