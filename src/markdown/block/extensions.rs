//! Block attribute lists, attribute list definitions and block extensions.
//!
//! Reference: kramdown 2.4 `parser/kramdown/extensions.rb` (`parse_block_extensions`):
//! `{:name: attrs}` defines attributes to refer to; a line `{: attrs}` right after a block gives
//! that block the attributes, and before a block (after a blank line) gives them to the next one;
//! `{::comment}…{:/comment}` is dropped (kramdown writes an HTML comment), and
//! `{::nomarkdown}…{:/nomarkdown}` is written as it is; `{::options key="value" /}` sets kramdown
//! options: the parser's from there on, the converter's for the whole text (as kramdown keeps them
//! in the root element's options).

use super::{strip_opt_space, Blocks, Item, Last};
use crate::markdown::attributes::{self, Attributes};
use crate::markdown::event::{add_attributes, Event};
use pulldown_cmark::{CowStr, Event as Md};

pub(super) fn parse(b: &mut Blocks<'_, '_, '_>) -> bool {
    let line = b.line_at(b.pos);
    let t = strip_opt_space(line);
    if !t.starts_with("{:") {
        return false;
    }
    if let Some((name, body)) = ald(t) {
        let mut def = Attributes::default();
        attributes::parse_into(body, &mut def);
        b.defs.alds.insert(name.to_owned(), def);
        b.pos = b.line_end(b.pos);
        b.last = Last::Other;
        return true;
    }
    if t.starts_with("{::") || t.starts_with("{:/") {
        return extension(b, t);
    }
    let Some((content, len)) = attributes::braced(t) else {
        return false;
    };
    if content.is_empty() || !super::is_blank(&t[len..]) {
        return false;
    }
    let mut ial = Attributes::default();
    attributes::parse_into(content, &mut ial);
    b.pos = b.line_end(b.pos);
    apply(b, ial);
    true
}

/// Gives the attributes to the block before (no blank line between) or to the next one.
fn apply(b: &mut Blocks<'_, '_, '_>, ial: Attributes) {
    match b.last {
        Last::Paragraph | Last::Other => {
            match last_block_start(&b.items) {
                Some(i) => merge_at(&mut b.items, i, ial),
                // The block before was parsed apart (an earlier part of a list item): kramdown
                // would give it the attributes; here the next block gets them.
                None => b
                    .pending_ial
                    .get_or_insert_with(Attributes::default)
                    .add(ial),
            }
            b.last = Last::Other;
        }
        _ => {
            let pending = b.pending_ial.get_or_insert_with(Attributes::default);
            pending.add(ial);
        }
    }
}

/// Gives the attributes to the block whose event is at `i` (merged with any it has).
fn merge_at(items: &mut [Item<'_>], i: usize, ial: Attributes) {
    if let Item::Event(e, _) = &mut items[i] {
        if let Some(slot) = e.attrs_mut() {
            add_attributes(slot, ial);
        }
    }
}

/// The index of the start event of the last top-level block.
fn last_block_start(items: &[Item<'_>]) -> Option<usize> {
    let mut depth = 0usize;
    for (i, item) in items.iter().enumerate().rev() {
        match item {
            Item::Event(e, _) if e.is_end() => depth += 1,
            Item::Event(e, _) if e.is_start() => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            Item::Event(_, _) if depth == 0 => return Some(i),
            Item::Blank if depth == 0 => return None,
            _ => {}
        }
    }
    None
}

/// `{:name: attrs}` on its own line.
fn ald(t: &str) -> Option<(&str, &str)> {
    let (content, len) = attributes::braced(t)?;
    if !super::is_blank(&t[len..]) {
        return None;
    }
    let name_len = content
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-')
        .count();
    if name_len == 0
        || !content.as_bytes()[0].is_ascii_alphanumeric() && content.as_bytes()[0] != b'_'
    {
        return None;
    }
    let rest = content[name_len..].strip_prefix(':')?;
    (!rest.is_empty()).then(|| (&content[..name_len], rest))
}

/// `{::name attrs}` … `{:/name}` (or `{::name attrs /}`) as blocks.
fn extension(b: &mut Blocks<'_, '_, '_>, t: &str) -> bool {
    // A stray stop tag or an unknown extension: kramdown warns and reads the line as text.
    let Some(attributes::ExtensionTag {
        name,
        self_closing,
        len,
    }) = attributes::extension_tag(t).filter(|tag| tag.is_known())
    else {
        return false;
    };
    if !super::is_blank(&t[len..]) {
        return false;
    }
    let start = b.pos;
    let content_start = b.line_end(b.pos);
    if self_closing {
        if name == "options" {
            set_options(b, &t[3 + name.len()..len - 2], start);
        }
        b.pos = content_start;
        b.last = Last::Eob;
        return true;
    }
    // The stop tag `{:/name}` or `{:/}` on a line of its own.
    let Some(stop) = stop_line(b, name, content_start) else {
        return false;
    };
    let content = &b.src[content_start..stop];
    match name {
        "nomarkdown" => b.push(Md::Html(CowStr::Borrowed(content)), start),
        "comment" => b.push(
            Event::Comment {
                text: CowStr::Borrowed(content.trim_end_matches('\n')),
                block: true,
            },
            start,
        ),
        _ => {}
    }
    b.pos = b.line_end(stop);
    b.last = Last::Other;
    true
}

/// The start of the first line from `from` on that is `{:/name}` or `{:/}`. A search that
/// finds none is remembered for the region: every later opener of that name has none either, so
/// a thousand unclosed `{::comment}` lines cost one scan, not a thousand.
fn stop_line(b: &mut Blocks<'_, '_, '_>, name: &str, from: usize) -> Option<usize> {
    let slot = match name {
        "comment" => 0,
        "nomarkdown" => 1,
        _ => 2,
    };
    if b.no_stop_tag_from[slot] <= from {
        return None;
    }
    let mut p = from;
    while p < b.src.len() {
        let l = strip_opt_space(b.line_at(p)).trim_end();
        let closes = l
            .strip_prefix("{:/")
            .and_then(|r| r.strip_suffix('}'))
            .is_some_and(|n| n.is_empty() || n == name);
        if closes {
            return Some(p);
        }
        p = b.line_end(p);
    }
    b.no_stop_tag_from[slot] = from;
    None
}

/// `{::options key="value" … /}`: each known option set, each refused one a warning.
fn set_options(b: &mut Blocks<'_, '_, '_>, attrs: &str, at: usize) {
    let mut a = Attributes::default();
    attributes::parse_into(attrs, &mut a);
    for (key, value) in a.pairs() {
        match b.options.to_mut().set_inline(key, value) {
            Some(problem) => b.issues.push(problem.shifted(at)),
            None => b.option_places.push((key.clone(), at)),
        }
    }
}
