//! Definition lists: a paragraph of terms, one per line, followed by `: definition` lines.
//!
//! Reference: kramdown 2.4 `parser/kramdown/list.rb` (`parse_definition_list`). The paragraph just
//! before (or before one blank line) becomes the terms; each `:` line starts a definition whose
//! text goes on over indented lines and lazy lines, as a list item's does, and is parsed as blocks.
//! A definition's first paragraph is written without `<p>` unless a blank line came before the
//! definition. A definition list right after another one continues it.

use super::{html_block, is_blank, is_eob, is_ial_line, paragraph, Blocks, Item, Last};
use crate::ctype::{is_space_or_tab, leading, leading_spaces};
use crate::markdown::attributes;
use crate::markdown::event::Event as Ev;
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

pub(super) fn parse(b: &mut Blocks<'_, '_, '_>) -> bool {
    if !paragraph::is_definition_start(b.line_at(b.pos)) {
        return false;
    }
    let Some((terms, terms_at, mut first_as_para)) = take_terms(b) else {
        return false;
    };
    // A list just before (a blank line between is fine) goes on: drop its end (and the blank).
    if matches!(b.items.last(), Some(Item::Blank))
        && b.items.len() >= 2
        && ends_definition_list(&b.items[..b.items.len() - 1])
    {
        b.items.pop();
    }
    if ends_definition_list(&b.items) {
        b.items.pop();
    } else {
        b.push(Event::Start(Tag::DefinitionList), terms_at);
    }
    write_terms(b, &terms, terms_at);
    while b.pos < b.src.len() && paragraph::is_definition_start(b.line_at(b.pos)) {
        let at = b.pos;
        let definition = definition(b, at);
        write_definition(b, at, &definition, first_as_para);
        b.pos = definition.end;
        // A blank line right before the next definition puts its first paragraph in `<p>`.
        first_as_para = definition.trailing_blank;
        if definition.trailing_blank
            && !(b.pos < b.src.len() && paragraph::is_definition_start(b.line_at(b.pos)))
        {
            // Blank lines end the list; they follow it.
            b.items
                .push(Item::md(Event::End(TagEnd::DefinitionList), at));
            b.items.push(Item::Blank);
            b.last = Last::Blank;
            return true;
        }
    }
    b.items
        .push(Item::md(Event::End(TagEnd::DefinitionList), b.pos));
    b.last = Last::Other;
    true
}

/// The terms: the last paragraph, right before or before exactly one blank line, taken out of
/// the items. Its text, where it starts, and whether the first definition keeps its `<p>` (a
/// blank line came between).
fn take_terms(b: &mut Blocks<'_, '_, '_>) -> Option<(String, usize, bool)> {
    let n = b.items.len();
    let (para_end, first_as_para) = match (b.last, b.items.last()) {
        (Last::Paragraph, _) => (n, false),
        (Last::Blank, Some(Item::Blank))
            if blank_is_one_line(b) && n >= 4 && is_paragraph_end(&b.items[n - 2]) =>
        {
            (n - 1, true)
        }
        _ => return None,
    };
    if para_end < 3 || !is_paragraph_end(&b.items[para_end - 1]) {
        return None;
    }
    let Item::Raw(terms, terms_at) = &b.items[para_end - 2] else {
        return None;
    };
    let taken = (terms.to_string(), *terms_at, first_as_para);
    // The paragraph's attributes go to what comes next (the list, or its first term).
    if let Some(Item::Event(e, _)) = b.items.get_mut(para_end - 3) {
        if let Some(ial) = e.attrs_mut().and_then(Option::take) {
            b.pending_ial.get_or_insert(*ial);
        }
    }
    b.items.truncate(para_end - 3);
    Some(taken)
}

/// One `<dt>` per line of the terms; `{:.name} term` gives the `<dt>` attributes.
fn write_terms(b: &mut Blocks<'_, '_, '_>, terms: &str, terms_at: usize) {
    let mut offset = terms_at;
    for term in terms.split('\n') {
        let (term_at, term_text, ial) = match attributes::list_item_ial(term) {
            Some((text, n)) => (offset + n, &term[n..], Some(attributes::parsed(text))),
            None => (offset, term, None),
        };
        let pending = b.pending_ial.take();
        let ial = ial.or(pending).map(Box::new);
        b.items.push(Item::Event(
            Ev::Md(Event::Start(Tag::DefinitionListTitle), ial),
            offset,
        ));
        b.items
            .push(Item::Raw(CowStr::from(term_text.to_owned()), term_at));
        b.items
            .push(Item::md(Event::End(TagEnd::DefinitionListTitle), offset));
        offset += term.len() + 1;
    }
}

/// One definition's source: its text (indentation removed), the attribute list of its `<dd>`,
/// where it ends, and whether blank lines ended it.
struct Definition<'a> {
    text: String,
    ial: Option<&'a str>,
    end: usize,
    trailing_blank: bool,
}

/// The definition whose `:` line is at `at`: that line's content, then indented lines, lazy
/// lines after a non-blank one, and blank lines, as for a list item.
fn definition<'a>(b: &Blocks<'a, '_, '_>, at: usize) -> Definition<'a> {
    let line = b.line_at(at);
    let lead = leading_spaces(line);
    // `:` and the white space after it: the definition's indentation.
    let after = &line[lead + 1..];
    let ws = leading(after, is_space_or_tab);
    let content = &after[ws..];
    // `: {:.name} text`: attributes for the `<dd>`; alone on the line, they make the
    // indentation 4, as for a list item.
    let ial = attributes::list_item_ial(content);
    let indent = match ial {
        Some((_, n)) if n == content.len() => 4,
        _ => lead + 1 + ws,
    };
    let mut text = String::from(ial.map_or(content, |(_, n)| &content[n..]));
    if !text.is_empty() {
        text.push('\n');
    }
    let mut p = b.line_end(at);
    let mut last_is_blank = false;
    while p < b.src.len() {
        let l = b.line_at(p);
        if paragraph::is_definition_start(l) || is_eob(l) {
            break;
        }
        let indented = leading_spaces(l) >= indent;
        if !is_blank(l)
            && (indented
                || (!last_is_blank
                    && !is_ial_line(l)
                    && !html_block::lazy_end(super::strip_opt_space(l))))
        {
            text.push_str(if indented { &l[indent..] } else { l });
            text.push('\n');
            last_is_blank = false;
        } else if is_blank(l) {
            text.push('\n');
            last_is_blank = true;
        } else {
            break;
        }
        p = b.line_end(p);
    }
    // Trailing blank lines belong after the list.
    let trimmed_len = text.trim_end_matches('\n').len() + 1;
    let trailing_blank = text.len() > trimmed_len;
    text.truncate(trimmed_len);
    Definition {
        text,
        ial: ial.map(|(ial, _)| ial),
        end: p,
        trailing_blank,
    }
}

/// The `<dd>`: its text parsed as blocks, the first paragraph without `<p>` unless
/// `first_as_para`.
fn write_definition(
    b: &mut Blocks<'_, '_, '_>,
    at: usize,
    d: &Definition<'_>,
    first_as_para: bool,
) {
    let parsed = super::parse(&d.text, Last::Nothing, b.defs, b.options);
    let mut items: Vec<Item<'static>> = parsed.items.into_iter().map(super::owned).collect();
    if !first_as_para {
        unwrap_first_paragraph(&mut items);
    }
    let ial = d.ial.map(|ial| Box::new(attributes::parsed(ial)));
    b.items.push(Item::Event(
        Ev::Md(Event::Start(Tag::DefinitionListDefinition), ial),
        at,
    ));
    b.items.extend(items);
    b.items
        .push(Item::md(Event::End(TagEnd::DefinitionListDefinition), at));
}

fn is_paragraph_end(item: &Item<'_>) -> bool {
    matches!(
        item,
        Item::Event(Ev::Md(Event::End(TagEnd::Paragraph), _), _)
    )
}

fn ends_definition_list(items: &[Item<'_>]) -> bool {
    matches!(
        items.last(),
        Some(Item::Event(
            Ev::Md(Event::End(TagEnd::DefinitionList), _),
            _
        ))
    )
}

/// Whether the blank run before the position is exactly one empty line (`"\n"`).
fn blank_is_one_line(b: &Blocks<'_, '_, '_>) -> bool {
    let before = &b.src[..b.pos];
    before.ends_with("\n\n") && !before[..before.len() - 1].ends_with("\n\n") || before == "\n"
}

/// Drops the `<p>` tags of the first block when it is a paragraph.
fn unwrap_first_paragraph(items: &mut Vec<Item<'_>>) {
    // The very first child: after a blank line the paragraph keeps its `<p>`.
    if matches!(
        items.first(),
        Some(Item::Event(Ev::Md(Event::Start(Tag::Paragraph), _), _))
    ) {
        if let Some(j) = items.iter().position(is_paragraph_end) {
            items.remove(j);
            items.remove(0);
        }
    }
}
