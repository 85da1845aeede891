//! Lists: `-`, `+`, `*` or `1.` items, their content parsed as blocks.
//!
//! Reference: kramdown 2.4 `parser/kramdown/list.rb` (`parse_list`, `parse_first_list_line`). An
//! item's text is its first line after the marker, then indented lines (indentation: the marker
//! and the spaces after it, or 4 when the first line is empty), lazy lines after a non-blank line,
//! and blank lines; it is parsed as blocks.
//!
//! The first paragraph of an item is written without `<p>` ("transparent") when it is not followed
//! by a blank line inside the item (or the item is the last and only a blank line follows it),
//! and — for the last item of a list of several — when some earlier item's first block is not a
//! paragraph or is itself transparent. This is not CommonMark's list-wide tight/loose rule:
//! `- a\n- b\n\n- c` writes `b` in a `<p>` and `a` and `c` without.

use super::{
    horizontal_rule, html_block, is_blank, is_eob, is_ial_line, paragraph, Blocks, Item, Last,
    MAX_DEPTH,
};
use crate::ctype::{is_space_or_tab, leading, leading_spaces};
use crate::markdown::attributes::{self, Attributes};
use pulldown_cmark::{Event, Tag, TagEnd};

/// `^( {0,3}[+*-])([\t| ].*?\n)` / `^( {0,3}\d+\.)(…)`: the marker's length (leading spaces
/// included), and whether the list is ordered.
fn marker(line: &str, max_lead: usize) -> Option<(usize, bool)> {
    let lead = leading_spaces(line);
    if lead > max_lead {
        return None;
    }
    let b = &line.as_bytes()[lead..];
    let (len, ordered) = match b.first() {
        Some(b'+' | b'*' | b'-') => (1, false),
        Some(c) if c.is_ascii_digit() => {
            let d = b.iter().take_while(|c| c.is_ascii_digit()).count();
            if b.get(d) != Some(&b'.') {
                return None;
            }
            (d + 1, true)
        }
        _ => return None,
    };
    matches!(b.get(len), Some(b' ' | b'\t' | b'|')).then_some((lead + len, ordered))
}

fn columns(line: &str) -> usize {
    let mut cols = 0;
    for c in line.bytes() {
        match c {
            b' ' => cols += 1,
            b'\t' => cols += 4 - cols % 4,
            _ => break,
        }
    }
    cols
}

/// One item: its text in chunks (a nested list starts a new chunk) and where it starts.
struct ListItem {
    chunks: Vec<String>,
    at: usize,
    /// The attributes of `- {:.name} text`, for the `<li>`.
    ial: Option<Attributes>,
}

pub(super) fn parse(b: &mut Blocks<'_, '_>) -> bool {
    let Some((_, ordered)) = marker(b.line_at(b.pos), 3) else {
        return false;
    };
    if b.depth >= MAX_DEPTH {
        return false;
    }
    let start = b.pos;
    let mut items: Vec<ListItem> = Vec::new();
    let mut indent = 0usize;
    let mut max_lead = 3;
    let mut last_is_blank = false;
    let mut nested_list_found = false;
    let mut eob_found = false;
    while b.pos < b.src.len() {
        let line = b.line_at(b.pos);
        let next = b.line_end(b.pos);
        if last_is_blank && horizontal_rule::is_rule(line) {
            break;
        }
        if is_eob(line) {
            b.pos = next;
            eob_found = true;
            break;
        }
        if let Some((len, _)) = marker(line, max_lead).filter(|&(_, o)| o == ordered) {
            // The first line: marker, white space, content (`parse_first_list_line`).
            let rest = &line[len..];
            let ws = leading(rest, is_space_or_tab);
            let content = &rest[ws..];
            let ial = attributes::list_item_ial(content);
            indent = if is_blank(content) || ial.is_some_and(|(_, n)| n == content.len()) {
                4
            } else {
                len + ws
            };
            max_lead = indent.saturating_sub(1).min(3);
            let content = ial.map_or(content, |(_, n)| &content[n..]);
            let mut first = content.to_owned();
            if !first.is_empty() {
                first.push('\n');
            }
            nested_list_found = paragraph::is_list_start(content);
            items.push(ListItem {
                chunks: vec![first],
                at: b.pos,
                ial: ial.map(|(text, _)| attributes::parsed(text)),
            });
            last_is_blank = false;
            b.pos = next;
            continue;
        }
        let Some(item) = items.last_mut() else { break };
        let indented = !is_blank(line) && columns(line) >= indent;
        let lazy = !last_is_blank && !is_blank(line) && !lazy_refused(line, indent);
        if indented || lazy {
            let (body, found) = if indented {
                (strip_columns(line, indent), true)
            } else {
                (line.to_owned(), false)
            };
            let mut body = body;
            if !nested_list_found && found && paragraph::is_list_start(&body) {
                item.chunks.push(String::new());
                nested_list_found = true;
            } else if nested_list_found && !found && paragraph::is_list_start(&body) {
                body = format!("{}{body}", " ".repeat(indent + 4));
            }
            let chunk = item.chunks.last_mut().expect("an item has a chunk");
            chunk.push_str(&body);
            chunk.push('\n');
            last_is_blank = false;
        } else if is_blank(line) {
            nested_list_found = true;
            last_is_blank = true;
            // kramdown keeps a blank line as it is (white space included: it shows in code).
            let chunk = item.chunks.last_mut().expect("an item has a chunk");
            chunk.push_str(line);
            chunk.push('\n');
        } else {
            break;
        }
        b.pos = next;
    }

    let before = b.items.len();
    b.push(
        Event::Start(Tag::List(if ordered { Some(1) } else { None })),
        start,
    );
    // An attribute list waiting for this block is pushed before its start event.
    let list_start = b.items.len() - 1;
    debug_assert!(list_start >= before);
    let mut kinds_per_item = Vec::new();
    let count = items.len();
    let mut trailing_blank = false;
    let gfm = b.defs.options.input == crate::markdown::options::Input::Gfm;
    let mut task_list = false;
    for (n, mut item) in items.into_iter().enumerate() {
        let mut last = Last::Nothing;
        let mut body = Vec::new();
        for chunk in &item.chunks {
            let (parsed, l) = b.nested(chunk, last, item.at);
            body.extend(parsed);
            last = l;
        }
        if gfm {
            task_list |= checkbox(&mut body);
            if task_list {
                item.ial
                    .get_or_insert_with(Attributes::default)
                    .set("class", "task-list-item");
            }
        }
        if let Some(ial) = item.ial {
            b.items.push(Item::Attrs(ial));
        }
        let first_index = b.items.len();
        b.items.push(Item::Event(Event::Start(Tag::Item), item.at));
        let kinds = kinds(&body);
        // A trailing blank line leaves the item (after the list for the last one).
        while matches!(body.last(), Some(Item::Blank)) {
            body.pop();
            trailing_blank = n + 1 == count;
        }
        b.items.extend(body);
        b.items.push(Item::Event(Event::End(TagEnd::Item), item.at));
        kinds_per_item.push((first_index, kinds));
    }
    b.items
        .push(Item::Event(Event::End(TagEnd::List(ordered)), start));
    unwrap_first_paragraphs(
        &mut b.items[list_start..],
        &shift(&kinds_per_item, list_start),
    );
    if task_list {
        match list_start.checked_sub(1).map(|i| &mut b.items[i]) {
            Some(Item::Attrs(a)) => a.set("class", "task-list"),
            _ => {
                let mut a = Attributes::default();
                a.set("class", "task-list");
                b.items.insert(list_start, Item::Attrs(a));
            }
        }
    }
    if trailing_blank && !eob_found {
        b.items.push(Item::Blank);
        b.last = Last::Blank;
    } else {
        b.last = Last::Other;
    }
    true
}

/// Puts a GFM task box in an item whose first child is a paragraph starting with `[ ]` or `[x]`.
fn checkbox(body: &mut [Item<'_>]) -> bool {
    let [Item::Event(Event::Start(Tag::Paragraph), _), Item::Raw(text, _), ..] = body else {
        return false;
    };
    match super::task_list::with_checkbox(text) {
        Some(t) => {
            *text = pulldown_cmark::CowStr::from(t);
            true
        }
        None => false,
    }
}

fn shift(items: &[(usize, Vec<Child>)], by: usize) -> Vec<(usize, Vec<Child>)> {
    items.iter().map(|(i, k)| (i - by, k.clone())).collect()
}

/// kramdown's view of an item's children: paragraphs, blank lines, other blocks.
fn kinds(items: &[Item<'_>]) -> Vec<Child> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    for item in items {
        match item {
            Item::Event(e, _) => {
                if depth == 0
                    && matches!(
                        e,
                        Event::Start(_) | Event::Html(_) | Event::Rule | Event::DisplayMath(_)
                    )
                {
                    out.push(if matches!(e, Event::Start(Tag::Paragraph)) {
                        Child::Paragraph
                    } else {
                        Child::Other
                    });
                }
                match e {
                    Event::Start(_) => depth += 1,
                    Event::End(_) => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            Item::Blank if depth == 0 => out.push(Child::Blank),
            _ => {}
        }
    }
    out
}

/// kramdown's lazy pattern refuses a line that starts (after up to `min(indent, 3)` spaces) an
/// IAL or an HTML tag.
fn lazy_refused(line: &str, indent: usize) -> bool {
    let n = leading_spaces(line).min(indent.min(3));
    let rest = &line[n..];
    is_ial_line(rest) || html_block::lazy_end(rest)
}

/// Removes `cols` columns of indentation (tabs count to the next multiple of four).
fn strip_columns(line: &str, cols: usize) -> String {
    let mut taken = 0;
    let mut out = String::new();
    let mut chars = line.char_indices();
    for (i, c) in chars.by_ref() {
        if taken >= cols {
            out.push_str(&line[i..]);
            return out;
        }
        match c {
            ' ' => taken += 1,
            '\t' => {
                let w = 4 - taken % 4;
                if taken + w > cols {
                    out.push_str(&" ".repeat(taken + w - cols));
                }
                taken += w;
            }
            _ => {
                out.push_str(&line[i..]);
                return out;
            }
        }
    }
    out
}

/// What kramdown sees as the children of an item, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Child {
    Paragraph,
    Blank,
    Other,
}

/// `items`: for each item of one list, the index in `doc` of its `Start(Item)` and its children.
fn unwrap_first_paragraphs(doc: &mut [Item<'_>], items: &[(usize, Vec<Child>)]) {
    let mut transparent = Vec::with_capacity(items.len());
    let count = items.len();
    for (i, (_, kids)) in items.iter().enumerate() {
        let is_last = i + 1 == count;
        let first_is_p = kids.first() == Some(&Child::Paragraph);
        let alone = kids.len() < 2 || kids[1] != Child::Blank || (is_last && kids.len() == 2);
        let others_allow = !is_last
            || count == 1
            || items[..i]
                .iter()
                .zip(&transparent)
                .any(|((_, k), &t)| k.first() != Some(&Child::Paragraph) || t);
        transparent.push(first_is_p && alone && others_allow);
    }
    for ((start, _), t) in items.iter().zip(transparent) {
        if t {
            drop_first_paragraph_tags(doc, *start);
        }
    }
}

/// Removes the `<p>` tags of the first paragraph after `start` (they become blank items).
fn drop_first_paragraph_tags(doc: &mut [Item<'_>], start: usize) {
    let Some(open) = (start + 1..doc.len())
        .find(|&i| matches!(doc[i], Item::Event(Event::Start(Tag::Paragraph), _)))
    else {
        return;
    };
    let Some(close) = (open..doc.len())
        .find(|&i| matches!(doc[i], Item::Event(Event::End(TagEnd::Paragraph), _)))
    else {
        return;
    };
    doc[open] = Item::Blank;
    doc[close] = Item::Blank;
}
