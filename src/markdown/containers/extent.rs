//! How far a block quote or a list item reaches by kramdown's rules, where pulldown-cmark
//! (CommonMark) stops earlier.
//!
//! Reference: kramdown 2.4 `parse_blockquote` (a quote runs until a blank line, a block IAL, an
//! end-of-block marker or a line starting an HTML tag: every line in between is its text, with or
//! without `>`) and `parse_list` (after a line of an item, any following non-blank line that does
//! not start an HTML tag is a lazy line of the item — a heading or a quote included; after a blank
//! line only indented lines continue it). CommonMark only lets a paragraph continue lazily, so
//! `- item` then `## Heading` is a list and a heading to it, and one item to kramdown.
//!
//! The correction extends the container over those lines and moves the containers pulldown-cmark
//! found among them inside it. A container that would be cut in two is left where it is.

use super::super::block::{is_blank, is_ial_line, strip_opt_space};
use super::super::html_block_lazy_end as lazy_end_html;
use super::{kramdown_list_start, strip_line, Container, Kind, Prefix};

/// Brings the quotes and lists among `c`'s children to kramdown's extent: over its lazy lines,
/// or back before a lazy line kramdown refuses (one starting an HTML tag, as `<http://…>` does).
pub(super) fn match_kramdown(text: &str, c: &mut Container, prefixes: &[Prefix]) {
    let limit = c.range.end;
    let mut i = 0;
    while i < c.children.len() {
        if let Kind::List { ordered } = c.children[i].kind {
            split_at_refused_line(text, c, i, ordered, prefixes);
        }
        let child = &c.children[i];
        let end = match child.kind {
            Kind::Quote => quote_end(text, child.range.start, limit, prefixes),
            Kind::List { ordered } => match child.children.last() {
                Some(item) => {
                    let end = item_end(text, item, ordered, limit, prefixes);
                    // Blank lines pulldown-cmark counts at the end of a list stay with it.
                    if end < child.range.end
                        && only_blank_lines(text, end..child.range.end, prefixes)
                    {
                        child.range.end
                    } else {
                        end
                    }
                }
                None => child.range.end,
            },
            _ => child.range.end,
        };
        if end > c.children[i].range.end {
            absorb(c, i, end);
        } else if end < c.children[i].range.end {
            shrink(&mut c.children[i], end);
        }
        i += 1;
    }
}

/// Ends a container (and a list's last item) at `end`, unless a container inside reaches past it.
fn shrink(child: &mut Container, end: usize) {
    let inner = match child.kind {
        Kind::List { .. } => child
            .children
            .last()
            .map_or(&[][..], |item| &item.children[..]),
        _ => &child.children[..],
    };
    if end <= child.range.start || inner.iter().any(|c| c.range.end > end) {
        return;
    }
    if let Kind::List { .. } = child.kind {
        match child.children.last_mut() {
            Some(item) if item.range.start < end => item.range.end = end,
            _ => return,
        }
    }
    child.range.end = end;
}

/// Moves the siblings after child `i` that lie before `end` into it (into its last item for a
/// list) and extends it to `end` — or to the start of a sibling that reaches past `end`.
fn absorb(c: &mut Container, i: usize, mut end: usize) {
    let mut taken = Vec::new();
    while i + 1 < c.children.len() && c.children[i + 1].range.start < end {
        if c.children[i + 1].range.end > end {
            end = c.children[i + 1].range.start;
            break;
        }
        taken.push(c.children.remove(i + 1));
    }
    let child = &mut c.children[i];
    if end <= child.range.end {
        // Cut back before a straddling sibling: give the taken ones back.
        for (k, t) in taken.into_iter().enumerate() {
            c.children.insert(i + 1 + k, t);
        }
        return;
    }
    child.range.end = end;
    match child.kind {
        Kind::List { .. } => {
            if let Some(item) = child.children.last_mut() {
                item.range.end = end;
                item.children.extend(taken);
            }
        }
        _ => child.children.extend(taken),
    }
}

/// Lines from `start` (the line after the one containing `from`), with their offsets, up to `limit`.
fn lines_after(text: &str, from: usize, limit: usize) -> impl Iterator<Item = (usize, &str)> {
    let first_end = text[from..limit].find('\n').map_or(limit, |j| from + j + 1);
    let mut at = first_end;
    std::iter::from_fn(move || {
        if at >= limit {
            return None;
        }
        let end = text[at..limit].find('\n').map_or(limit, |j| at + j + 1);
        let line = (at, &text[at..end]);
        at = end;
        Some(line)
    })
}

/// Whether the lines in `range` are blank once the prefixes are removed (`> ` lines in a quote).
pub(super) fn only_blank_lines(
    text: &str,
    range: std::ops::Range<usize>,
    prefixes: &[Prefix],
) -> bool {
    text[range]
        .split('\n')
        .all(|line| is_blank(strip_line(line, prefixes)))
}

fn line_end(text: &str, from: usize, limit: usize) -> usize {
    text[from..limit].find('\n').map_or(limit, |j| from + j + 1)
}

/// kramdown's `LAZY_END` at the start of a line (parent prefixes removed).
fn ends_lazily(line: &str) -> bool {
    let body = line.strip_suffix('\n').unwrap_or(line);
    is_blank(body) || is_ial_line(body) || is_eob(body) || lazy_end_html(strip_opt_space(body))
}

fn is_eob(line: &str) -> bool {
    line.strip_prefix('^').is_some_and(is_blank)
}

/// Where a quote starting at `start` ends for kramdown.
fn quote_end(text: &str, start: usize, limit: usize, prefixes: &[Prefix]) -> usize {
    let mut end = line_end(text, start, limit);
    for (at, line) in lines_after(text, start, limit) {
        if ends_lazily(strip_line(line, prefixes)) {
            break;
        }
        end = at + line.len();
    }
    end
}

/// A list item that ends before pulldown-cmark's end for it (kramdown refuses a lazy line there)
/// ends the list: the rest of its items make a second list after the refused lines.
fn split_at_refused_line(
    text: &str,
    c: &mut Container,
    i: usize,
    ordered: bool,
    prefixes: &[Prefix],
) {
    let list = &c.children[i];
    let n = list.children.len();
    for k in 0..n.saturating_sub(1) {
        let item = &list.children[k];
        let next_start = list.children[k + 1].range.start;
        let end = item_end(text, item, ordered, next_start, prefixes);
        let blank_tail = only_blank_lines(text, end.min(next_start)..next_start, prefixes);
        if end >= item.range.end || blank_tail || item.children.iter().any(|c| c.range.end > end) {
            continue;
        }
        let list = &mut c.children[i];
        let rest: Vec<Container> = list.children.drain(k + 1..).collect();
        let second = Container {
            kind: list.kind,
            range: rest[0].range.start..list.range.end,
            children: rest,
        };
        list.children[k].range.end = end;
        list.range.end = end;
        c.children.insert(i + 1, second);
        return;
    }
}

/// Where an item ends for kramdown: after each of its lines, a lazy line (if the line was not
/// blank) or an indented line continues it; a new item, a refused line or a rule after a blank
/// line ends it.
fn item_end(
    text: &str,
    item: &Container,
    ordered: bool,
    limit: usize,
    prefixes: &[Prefix],
) -> usize {
    let Kind::Item { indent, .. } = item.kind else {
        return item.range.end;
    };
    let mut end = line_end(text, item.range.start, limit);
    let mut last_is_blank = false;
    let mut at = end;
    while at < limit {
        let next = line_end(text, at, limit);
        let line = strip_line(&text[at..next], prefixes);
        let body = line.strip_suffix('\n').unwrap_or(line);
        if last_is_blank && super::super::block::is_horizontal_rule(body) || is_eob(body) {
            break;
        }
        if kramdown_list_start(body, 0, ordered) && leading_spaces(body) < indent.clamp(1, 4) {
            break;
        }
        let indented = leading_columns(body) >= indent;
        if !is_blank(body) && (indented || (!last_is_blank && !lazy_refused(body, indent))) {
            end = next;
            last_is_blank = false;
        } else if is_blank(body) {
            last_is_blank = true;
        } else {
            break;
        }
        at = next;
    }
    end
}

/// kramdown's lazy pattern refuses lines starting (after up to `min(indent, 3)` spaces) with a
/// block IAL or an HTML tag that is not a span element.
fn lazy_refused(line: &str, indent: usize) -> bool {
    let n = leading_spaces(line).min(indent.min(3));
    let rest = &line[n..];
    is_ial_line(rest) || lazy_end_html(rest)
}

fn leading_spaces(line: &str) -> usize {
    line.bytes().take_while(|&b| b == b' ').count()
}

fn leading_columns(line: &str) -> usize {
    let mut cols = 0;
    for b in line.bytes() {
        match b {
            b' ' => cols += 1,
            b'\t' => cols += 4 - cols % 4,
            _ => break,
        }
    }
    cols
}
