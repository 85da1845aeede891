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
use crate::markdown::event::Event as Ev;
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

pub(super) fn parse(b: &mut Blocks<'_, '_, '_>) -> bool {
    let Some((_, ordered)) = marker(b.line_at(b.pos), 3) else {
        return false;
    };
    if b.depth >= MAX_DEPTH {
        return false;
    }
    let start = b.pos;
    let (items, eob_found) = collect(b, ordered);
    write(b, start, ordered, items, eob_found);
    true
}

/// What kramdown's `parse_list` carries from one line to the next while it collects items.
struct Lines {
    ordered: bool,
    /// The current item's content indentation: later lines indented this far belong to it.
    indent: usize,
    /// How far the marker of a next item may be indented.
    max_lead: usize,
    last_is_blank: bool,
    /// A nested list has started in the current item (from then on a blank line or a list
    /// start does not open a new chunk).
    nested_list_found: bool,
}

impl Lines {
    fn new(ordered: bool) -> Self {
        Lines {
            ordered,
            indent: 0,
            max_lead: 3,
            last_is_blank: false,
            nested_list_found: false,
        }
    }

    /// The item `line` starts (marker, white space, content: `parse_first_list_line`), if it
    /// starts one of this list.
    fn first_line(&mut self, line: &str, at: usize) -> Option<ListItem> {
        let (len, _) = marker(line, self.max_lead).filter(|&(_, o)| o == self.ordered)?;
        let rest = &line[len..];
        let ws = leading(rest, is_space_or_tab);
        let content = &rest[ws..];
        let ial = attributes::list_item_ial(content);
        self.indent = if is_blank(content) || ial.is_some_and(|(_, n)| n == content.len()) {
            4
        } else {
            len + ws
        };
        self.max_lead = self.indent.saturating_sub(1).min(3);
        let content = ial.map_or(content, |(_, n)| &content[n..]);
        let mut first = content.to_owned();
        if !first.is_empty() {
            first.push('\n');
        }
        self.nested_list_found = paragraph::is_list_start(content);
        self.last_is_blank = false;
        Some(ListItem {
            chunks: vec![first],
            at,
            ial: ial.map(|(text, _)| attributes::parsed(text)),
        })
    }

    /// Adds a line after an item's first to it: indented, lazy or blank. False when the line
    /// belongs to no item, which ends the list.
    fn follow(&mut self, item: &mut ListItem, line: &str) -> bool {
        let blank = is_blank(line);
        let indented = !blank && columns(line) >= self.indent;
        let lazy = !self.last_is_blank && !blank && !lazy_refused(line, self.indent);
        let body = if indented {
            let body = strip_columns(line, self.indent);
            if !self.nested_list_found && paragraph::is_list_start(&body) {
                item.chunks.push(String::new());
                self.nested_list_found = true;
            }
            body
        } else if lazy {
            if self.nested_list_found && paragraph::is_list_start(line) {
                format!("{}{line}", " ".repeat(self.indent + 4))
            } else {
                line.to_owned()
            }
        } else if blank {
            self.nested_list_found = true;
            // kramdown keeps a blank line as it is (white space included: it shows in code).
            line.to_owned()
        } else {
            return false;
        };
        self.last_is_blank = blank;
        let chunk = item.chunks.last_mut().expect("an item has a chunk");
        chunk.push_str(&body);
        chunk.push('\n');
        true
    }
}

/// The list's items from the position on; whether it ended at an end-of-block marker `^`.
fn collect(b: &mut Blocks<'_, '_, '_>, ordered: bool) -> (Vec<ListItem>, bool) {
    let mut lines = Lines::new(ordered);
    let mut items: Vec<ListItem> = Vec::new();
    while b.pos < b.src.len() {
        let line = b.line_at(b.pos);
        let next = b.line_end(b.pos);
        if lines.last_is_blank && horizontal_rule::is_rule(line) {
            break;
        }
        if is_eob(line) {
            b.pos = next;
            return (items, true);
        }
        if let Some(item) = lines.first_line(line, b.pos) {
            items.push(item);
        } else if !items
            .last_mut()
            .is_some_and(|item| lines.follow(item, line))
        {
            break;
        }
        b.pos = next;
    }
    (items, false)
}

/// Parses each item's text as blocks and writes the list: its events, the task list classes,
/// the blank line that follows it.
fn write(b: &mut Blocks<'_, '_, '_>, start: usize, ordered: bool, items: Vec<ListItem>, eob: bool) {
    b.push(
        Event::Start(Tag::List(if ordered { Some(1) } else { None })),
        start,
    );
    let list_start = b.items.len() - 1;
    let mut kinds_per_item = Vec::new();
    let count = items.len();
    let mut trailing_blank = false;
    let gfm = b.options.input == crate::markdown::options::Input::Gfm;
    let mut task_list = false;
    for (n, mut item) in items.into_iter().enumerate() {
        let mut body = item_blocks(b, &item);
        if gfm {
            task_list |= checkbox(&mut body);
            if task_list {
                item.ial
                    .get_or_insert_with(Attributes::default)
                    .set("class", "task-list-item");
            }
        }
        let first_index = b.items.len();
        b.items.push(Item::Event(
            Ev::Md(Event::Start(Tag::Item), item.ial.map(Box::new)),
            item.at,
        ));
        let kinds = kinds(&body);
        // A trailing blank line leaves the item (after the list for the last one).
        while matches!(body.last(), Some(Item::Blank)) {
            body.pop();
            trailing_blank = n + 1 == count;
        }
        b.items.extend(body);
        b.items.push(Item::md(Event::End(TagEnd::Item), item.at));
        kinds_per_item.push((first_index, kinds));
    }
    b.items
        .push(Item::md(Event::End(TagEnd::List(ordered)), start));
    unwrap_first_paragraphs(
        &mut b.items[list_start..],
        &shift(&kinds_per_item, list_start),
    );
    if task_list {
        mark_task_list(b, list_start);
    }
    if trailing_blank && !eob {
        b.items.push(Item::Blank);
        b.last = Last::Blank;
    } else {
        b.last = Last::Other;
    }
}

/// An item's text parsed as blocks, chunk by chunk.
fn item_blocks<'a>(b: &mut Blocks<'a, '_, '_>, item: &ListItem) -> Vec<Item<'a>> {
    let mut last = Last::Nothing;
    let mut body = Vec::new();
    for chunk in &item.chunks {
        let (parsed, l) = b.nested(chunk, last, item.at);
        body.extend(parsed);
        last = l;
    }
    body
}

/// Gives the list (its start event is at `list_start`) the class `task-list`.
fn mark_task_list(b: &mut Blocks<'_, '_, '_>, list_start: usize) {
    if let Some(Item::Event(e, _)) = b.items.get_mut(list_start) {
        if let Some(slot) = e.attrs_mut() {
            slot.get_or_insert_with(Default::default)
                .set("class", "task-list");
        }
    }
}

/// Puts a GFM task box in an item whose first child is a paragraph starting with `[ ]` or `[x]`.
fn checkbox(body: &mut [Item<'_>]) -> bool {
    let [Item::Event(Ev::Md(Event::Start(Tag::Paragraph), _), _), Item::Raw(text, _), ..] = body
    else {
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
                if depth == 0 && super::starts_block(e) {
                    out.push(if matches!(e, Ev::Md(Event::Start(Tag::Paragraph), _)) {
                        Child::Paragraph
                    } else {
                        Child::Other
                    });
                }
                if e.is_start() {
                    depth += 1;
                } else if e.is_end() {
                    depth = depth.saturating_sub(1);
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
    let Some(open) = (start + 1..doc.len()).find(|&i| {
        matches!(
            doc[i],
            Item::Event(Ev::Md(Event::Start(Tag::Paragraph), _), _)
        )
    }) else {
        return;
    };
    let Some(close) = (open..doc.len()).find(|&i| {
        matches!(
            doc[i],
            Item::Event(Ev::Md(Event::End(TagEnd::Paragraph), _), _)
        )
    }) else {
        return;
    };
    doc[open] = Item::Blank;
    doc[close] = Item::Blank;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::testing::squeezed_html;

    /// The items `Lines` collects from `text` (one line after another, as `collect` offers them).
    fn items_of(text: &str, ordered: bool) -> Vec<Vec<String>> {
        let mut lines = Lines::new(ordered);
        let mut items: Vec<ListItem> = Vec::new();
        for (at, line) in text.lines().enumerate() {
            if let Some(item) = lines.first_line(line, at) {
                items.push(item);
            } else if !items
                .last_mut()
                .is_some_and(|item| lines.follow(item, line))
            {
                break;
            }
        }
        items.into_iter().map(|i| i.chunks).collect()
    }

    #[test]
    fn marker_should_take_up_to_the_allowed_indentation() {
        assert_eq!(marker("- a", 3), Some((1, false)));
        assert_eq!(
            marker("   12. a", 3),
            Some((6, true)),
            "spaces count in the length"
        );
        assert_eq!(
            marker("    - a", 3),
            None,
            "four spaces are too many for a list"
        );
        assert_eq!(marker("-a", 3), None, "a marker needs white space after it");
        assert_eq!(marker("1) a", 3), None, "kramdown knows only `1.`");
        assert_eq!(marker("*\ta", 3), Some((1, false)));
    }

    #[test]
    fn indented_lines_should_join_the_item_without_their_indentation() {
        assert_eq!(
            items_of("- a\n  b\n\n  c\n- d", false),
            [vec!["a\nb\n\nc\n".to_owned()], vec!["d\n".to_owned()]]
        );
    }

    #[test]
    fn a_nested_list_should_start_a_new_chunk_of_the_item() {
        assert_eq!(
            items_of("- a\n  - b\n  - c", false),
            [vec!["a\n".to_owned(), "- b\n- c\n".to_owned()]]
        );
    }

    #[test]
    fn a_lazy_line_should_join_unless_it_follows_a_blank_line() {
        assert_eq!(items_of("- a\nlazy", false), [vec!["a\nlazy\n".to_owned()]]);
        assert_eq!(
            items_of("- a\n\nafter", false),
            [vec!["a\n\n".to_owned()]],
            "an unindented line after a blank line should end the list"
        );
        assert_eq!(
            items_of("- a\n{: .x}", false),
            [vec!["a\n".to_owned()]],
            "an attribute list line should not be lazy"
        );
    }

    #[test]
    fn a_marker_of_the_other_kind_should_join_the_item_lazily() {
        // kramdown then reads it as a list nested in the item (`1. a\n- b`: `<ol><li>a<ul>`).
        assert_eq!(items_of("1. a\n- b", true), [vec!["a\n- b\n".to_owned()]]);
    }

    #[test]
    fn an_empty_first_line_should_set_the_indentation_to_four() {
        let mut lines = Lines::new(false);
        let item = lines
            .first_line("- ", 0)
            .expect("`- ` alone starts an item");
        assert_eq!(item.chunks, [String::new()]);
        assert_eq!(lines.indent, 4);
        lines.first_line("-  text", 1).expect("an item");
        assert_eq!(lines.indent, 3, "the marker and the spaces after it");
        assert_eq!(lines.max_lead, 2);
    }

    #[test]
    fn strip_columns_should_count_tabs_to_the_next_multiple_of_four() {
        assert_eq!(strip_columns("\tcode", 2), "  code");
        assert_eq!(strip_columns("    x", 2), "  x");
        assert_eq!(strip_columns(" \tx", 4), "x");
    }

    // Expected HTML from kramdown_ref.rb (Jekyll 4.3.1, kramdown 2.4).
    #[test]
    fn only_an_item_followed_by_a_blank_line_should_keep_its_paragraph() {
        assert_eq!(
            squeezed_html("- a\n- b\n\n- c\n"),
            "<ul><li>a</li><li><p>b</p></li><li>c</li></ul>"
        );
    }

    #[test]
    fn task_items_should_get_boxes_and_the_list_its_class() {
        assert_eq!(
            squeezed_html("- [ ] todo\n- [x] done\n"),
            "<ul class=\"task-list\">\
             <li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />todo</li>\
             <li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />done</li>\
             </ul>"
        );
    }

    #[test]
    fn an_end_of_block_marker_should_end_the_list() {
        assert_eq!(
            squeezed_html("- a\n^\n- b\n"),
            "<ul><li>a</li></ul><ul><li>b</li></ul>"
        );
    }
}
