//! kramdown's rule for the first paragraph of a list item: when it is written without `<p>`.
//!
//! Reference: kramdown 2.4 `parser/kramdown/list.rb` (end of `parse_list`). The first paragraph
//! of an item is "transparent" when it is not followed by a blank line inside the item (or the
//! item is the last and only a blank line follows it), and — for the last item of a list of
//! several — when some earlier item's first block is not a paragraph or is itself transparent.
//! This is not CommonMark's list-wide tight/loose rule: `- a\n- b\n\n- c` writes `b` in a `<p>`
//! and `a` and `c` without.

use super::block::Item;
use pulldown_cmark::{Event, Tag, TagEnd};

/// What kramdown sees as the children of an item, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Child {
    Paragraph,
    Blank,
    Other,
}

/// `items`: for each item of one list, the index in `doc` of its `Start(Item)` and its children.
pub fn unwrap_first_paragraphs(doc: &mut [Item<'_>], items: &[(usize, Vec<Child>)]) {
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
