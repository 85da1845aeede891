//! Headers: ATX (`## Title`) and setext (`Title` over `===` or `---`).
//!
//! Reference: kramdown 2.4 `parser/kramdown/header.rb` and kramdown-parser-gfm's
//! `parse_atx_header_gfm_quirk`: an ATX header needs white space after the `#`s and may follow a
//! paragraph line directly; closing `#`s go only when white space precedes them; `{#id}` at the
//! end sets the id. A setext header is a single line after a block boundary.

use super::{strip_opt_space, Blocks, Item, Last};
use crate::ctype::{is_ruby_space_char, is_space_or_tab, leading};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

/// `^#{1,6}[\t ]+(.*)\n`
pub(super) fn is_atx_start(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && matches!(line.as_bytes().get(hashes), Some(b' ' | b'\t'))
}

pub(super) fn atx(b: &mut Blocks<'_, '_, '_>) -> bool {
    let line = b.line_at(b.pos);
    let gfm = b.options.input == crate::markdown::options::Input::Gfm;
    // kramdown's own parser: `^\#{1,6}[\t ]*[^ \t]` (no space needed), after a block boundary;
    // the GFM parser: a space or tab after the hashes, anywhere.
    let start = if gfm {
        is_atx_start(line)
    } else {
        let hashes = line.bytes().take_while(|&c| c == b'#').count();
        (1..=6).contains(&hashes)
            && !line[hashes..].trim_start_matches([' ', '\t']).is_empty()
            && b.after_block_boundary()
    };
    if !start {
        return false;
    }
    let level = line.bytes().take_while(|&c| c == b'#').count();
    let contents_start = level + leading(&line[level..], is_space_or_tab);
    let (mut text, id) = contents(&line[contents_start..]);
    // `text.sub!(/[\t ]#+\z/, '') && text.rstrip!`
    let without_hashes = text.trim_end_matches('#');
    if without_hashes.len() < text.len() && without_hashes.ends_with([' ', '\t']) {
        text = without_hashes.trim_end_matches(|c: char| c.is_ascii_whitespace());
    }
    if text.is_empty() {
        return false;
    }
    let at = b.pos + contents_start;
    emit(b, level, text, at, id);
    true
}

/// `^ {0,3}([^ \t].*)\n([-=])[-=]*[ \t\r\f\v]*\n`, after a block boundary.
pub(super) fn setext(b: &mut Blocks<'_, '_, '_>) -> bool {
    if !b.after_block_boundary() {
        return false;
    }
    let line = b.line_at(b.pos);
    let first = strip_opt_space(line);
    if first.is_empty() || first.starts_with([' ', '\t']) {
        return false;
    }
    let next_start = b.line_end(b.pos);
    if next_start >= b.src.len() || !b.src[..next_start].ends_with('\n') {
        return false;
    }
    let under = b.line_at(next_start);
    let marks = under.trim_end_matches([' ', '\t', '\r', '\x0c', '\x0b']);
    let level = match marks.as_bytes().first() {
        Some(b'=') => 1,
        Some(b'-') => 2,
        _ => return false,
    };
    if !marks.bytes().all(|c| c == b'-' || c == b'=') || !b.src[next_start..].contains('\n') {
        return false;
    }
    let (text, id) = contents(first);
    if text.is_empty() {
        return false;
    }
    let at = b.pos + (line.len() - first.len());
    emit(b, level, text, at, id);
    b.pos = b.line_end(next_start);
    true
}

/// The header text without trailing white space, and the id of a trailing `{#id}`.
fn contents(raw: &str) -> (&str, Option<&str>) {
    let text = raw.trim_end_matches(is_ruby_space_char);
    // `[\t ]{#(NAME_START NAME_CHAR*)}\z`
    if let Some(body) = text.strip_suffix('}') {
        if let Some(open) = body.rfind("{#") {
            let id = &body[open + 2..];
            let before = &body[..open];
            let valid = id
                .chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() || c == '_' || c == ':')
                && id
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | ':' | '-' | '.'));
            if valid && before.ends_with([' ', '\t']) {
                return (
                    before.trim_end_matches(|c: char| c.is_ascii_whitespace()),
                    Some(id),
                );
            }
        }
    }
    (text, None)
}

fn emit<'a>(
    b: &mut Blocks<'a, '_, '_>,
    level: usize,
    text: &'a str,
    at: usize,
    id: Option<&'a str>,
) {
    let start = b.pos;
    let level = HeadingLevel::try_from(level).unwrap_or(HeadingLevel::H6);
    b.push(
        Event::Start(Tag::Heading {
            level,
            id: id.map(CowStr::Borrowed),
            classes: Vec::new(),
            attrs: Vec::new(),
        }),
        start,
    );
    b.items.push(Item::Raw(CowStr::Borrowed(text), at));
    b.push(Event::End(TagEnd::Heading(level)), start);
    b.pos = b.line_end(start);
    b.last = Last::Other;
}
