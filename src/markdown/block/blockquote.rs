//! Block quotes: every line from a `>` line until a blank line (kramdown's lazy lines), `>`
//! removed, parsed as blocks.
//!
//! Reference: kramdown 2.4 `parser/kramdown/blockquote.rb`.

use super::{paragraph, strip_opt_space, Blocks, Item, Last, MAX_DEPTH};
use pulldown_cmark::{Event, Tag, TagEnd};

pub(super) fn parse(b: &mut Blocks<'_, '_, '_>) -> bool {
    if !strip_opt_space(b.line_at(b.pos)).starts_with('>') || b.depth >= MAX_DEPTH {
        return false;
    }
    let start = b.pos;
    let mut end = b.line_end(start);
    while end < b.src.len() && !paragraph::lazy_end(b.line_at(end)) {
        end = b.line_end(end);
    }
    // `gsub(/^ {0,3}> ?/, '')` on every line.
    let mut text = String::with_capacity(end - start);
    for line in b.src[start..end].split_inclusive('\n') {
        let t = strip_opt_space(line);
        match t.strip_prefix('>') {
            Some(rest) => text.push_str(rest.strip_prefix(' ').unwrap_or(rest)),
            None => text.push_str(line),
        }
    }
    if !text.ends_with('\n') {
        text.push('\n');
    }
    b.pos = end;
    let (items, _) = b.nested(&text, Last::Nothing, start);
    b.push(Event::Start(Tag::BlockQuote(None)), start);
    b.items.extend(items);
    b.items
        .push(Item::md(Event::End(TagEnd::BlockQuote(None)), start));
    b.last = Last::Other;
    true
}
