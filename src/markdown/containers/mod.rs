//! Containers — block quotes, lists, list items — found by pulldown-cmark; the text between them
//! handed to kramdown's block rules (`block`), with the containers' line prefixes removed.
//!
//! pulldown-cmark's containers agree with kramdown's on the lists and quotes posts are made of,
//! and it finds them in linear time whatever the nesting. Where kramdown reads a list
//! differently, the list is corrected here: a list whose marker kramdown does not know (`1)`) is
//! plain text, neighbouring lists of one type are one list (kramdown does not start a new list
//! when the bullet changes), and an item's first paragraph is written without `<p>` by kramdown's
//! rule (`list`), not CommonMark's tight/loose rule.

mod extent;

use super::block::{self, Item, Last};
use super::list;
use super::span::Definitions;
use crate::diagnostic::Issue;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Root,
    Quote,
    List {
        ordered: bool,
    },
    /// `indent`: columns from the line start (after outer prefixes) to the item's content.
    Item {
        content: usize,
        indent: usize,
    },
}

#[derive(Debug)]
pub(super) struct Container {
    pub(super) kind: Kind,
    pub(super) range: Range<usize>,
    pub(super) children: Vec<Container>,
}

/// A line prefix to remove from the lines of a container's text.
#[derive(Clone, Copy, Debug)]
pub(super) enum Prefix {
    /// `^ {0,3}> ?`
    Quote,
    /// Up to this many columns of indentation.
    Indent(usize),
}

/// The document as block items, with all regions parsed.
pub struct Document<'a> {
    pub items: Vec<Item<'a>>,
    /// Offset (in the text) of each top-level block, in order, with its item index.
    pub top_level: Vec<(usize, usize)>,
    pub footnotes: Vec<(String, Vec<Item<'a>>)>,
    pub issues: Vec<Issue>,
}

/// How deep containers may nest (kramdown itself has no limit; real posts use three or four).
const MAX_DEPTH: usize = 48;

/// Finds the containers of `text` (which ends with `\n`) and parses the text between them.
pub fn parse<'a>(text: &'a str, defs: &mut Definitions) -> Document<'a> {
    let root = tree(text);
    let mut walker = Walker {
        last_container: None,
        text,
        defs,
        doc: Document {
            items: Vec::new(),
            top_level: Vec::new(),
            footnotes: Vec::new(),
            issues: Vec::new(),
        },
    };
    let mut prefixes = Vec::new();
    walker.content(&root, 0, &mut prefixes, true);
    walker.doc
}

/// Builds the container tree from pulldown-cmark's events.
fn tree(text: &str) -> Container {
    let mut stack = vec![Container {
        kind: Kind::Root,
        range: 0..text.len(),
        children: Vec::new(),
    }];
    // Containers nested deeper than this stay text of the deepest one kept: every stage after
    // this one recurses over the tree, and ten thousand `>` must not exhaust the stack.
    let mut ignored = 0usize;
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        let kind = match &event {
            Event::Start(Tag::BlockQuote(_)) => Some(Kind::Quote),
            Event::Start(Tag::List(start)) => Some(Kind::List {
                ordered: start.is_some(),
            }),
            Event::Start(Tag::Item) => Some(item_kind(text, range.start)),
            _ => None,
        };
        if kind.is_some() && (stack.len() > MAX_DEPTH || ignored > 0) {
            ignored += 1;
            continue;
        }
        if let Some(kind) = kind {
            stack.push(Container {
                kind,
                range,
                children: Vec::new(),
            });
            continue;
        }
        if matches!(
            event,
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item)
        ) {
            if ignored > 0 {
                ignored -= 1;
                continue;
            }
            if let Some(done) = stack.pop() {
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(done);
                }
            }
        }
    }
    let mut root = stack.swap_remove(0);
    correct(text, &mut root, &mut Vec::new());
    root
}

/// Brings pulldown-cmark's containers to kramdown's: unknown list markers are text, quotes and
/// list items reach over lazy lines as far as kramdown lets them, and neighbouring lists of one
/// type are one list. Children first need their parent's extent, so this goes top-down.
fn correct(text: &str, c: &mut Container, prefixes: &mut Vec<Prefix>) {
    dissolve_unknown_lists(text, c);
    extent::match_kramdown(text, c, prefixes);
    merge_neighbouring_lists(text, c, prefixes);
    for child in &mut c.children {
        match child.kind {
            Kind::Quote => {
                prefixes.push(Prefix::Quote);
                correct(text, child, prefixes);
                prefixes.pop();
            }
            Kind::List { .. } => {
                for item in &mut child.children {
                    if let Kind::Item { indent, .. } = item.kind {
                        prefixes.push(Prefix::Indent(indent));
                        correct(text, item, prefixes);
                        prefixes.pop();
                    }
                }
            }
            _ => correct(text, child, prefixes),
        }
    }
}

/// Where an item's content starts: after the marker and the white space after it (kramdown takes
/// all of it, so `-     x` is the text `x`).
fn item_kind(text: &str, start: usize) -> Kind {
    let b = text.as_bytes();
    let mut p = start;
    while p < b.len() && b[p] == b' ' {
        p += 1;
    }
    if p < b.len() && matches!(b[p], b'-' | b'+' | b'*') {
        p += 1;
    } else {
        while p < b.len() && b[p].is_ascii_digit() {
            p += 1;
        }
        p += 1; // `.` or `)`
    }
    let marker_end = p.min(b.len());
    let mut q = marker_end;
    while q < b.len() && (b[q] == b' ' || b[q] == b'\t') {
        q += 1;
    }
    Kind::Item {
        content: q,
        indent: q - start,
    }
}

/// A list whose marker kramdown does not know (`1)`) is text of the parent.
fn dissolve_unknown_lists(text: &str, c: &mut Container) {
    let mut children: Vec<Container> = Vec::with_capacity(c.children.len());
    for child in std::mem::take(&mut c.children) {
        if let Kind::List { ordered } = child.kind {
            let known = child
                .children
                .first()
                .is_some_and(|item| kramdown_list_start(text, item.range.start, ordered));
            if !known {
                continue_dissolved(child, &mut children);
                continue;
            }
        }
        children.push(child);
    }
    c.children = children;
}

/// kramdown does not start a new list when the bullet changes or after blank lines.
fn merge_neighbouring_lists(text: &str, c: &mut Container, prefixes: &[Prefix]) {
    let mut children: Vec<Container> = Vec::with_capacity(c.children.len());
    for child in std::mem::take(&mut c.children) {
        if let (Some(prev), Kind::List { .. }) = (children.last_mut(), child.kind) {
            if prev.kind == child.kind
                && extent::only_blank_lines(text, prev.range.end..child.range.start, prefixes)
            {
                prev.range.end = child.range.end;
                prev.children.extend(child.children);
                continue;
            }
        }
        children.push(child);
    }
    c.children = children;
}

/// A dissolved list's items are text; block quotes inside them stay containers.
fn continue_dissolved(list: Container, into: &mut Vec<Container>) {
    for item in list.children {
        for inner in item.children {
            if inner.kind == Kind::Quote {
                into.push(inner);
            }
        }
    }
}

/// `LIST_START_UL`/`LIST_START_OL`: ` {0,3}[+*-]` or ` {0,3}\d+\.` then a space or tab.
pub(super) fn kramdown_list_start(text: &str, at: usize, ordered: bool) -> bool {
    let rest = &text[at..];
    let t = rest.trim_start_matches(' ');
    let b = t.as_bytes();
    let marker = if ordered {
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || b.get(digits) != Some(&b'.') {
            return false;
        }
        digits + 1
    } else if matches!(b.first(), Some(b'+' | b'*' | b'-')) {
        1
    } else {
        return false;
    };
    matches!(b.get(marker), Some(b' ' | b'\t' | b'|'))
}

struct Walker<'a, 'd> {
    text: &'a str,
    defs: &'d mut Definitions,
    doc: Document<'a>,
    /// The item index of the start of the container parsed last.
    last_container: Option<usize>,
}

impl<'a> Walker<'a, '_> {
    /// The content of a container from `start`: its regions and child containers, in order.
    /// Returns the kramdown children kinds (for the list rule).
    fn content(
        &mut self,
        c: &Container,
        start: usize,
        prefixes: &mut Vec<Prefix>,
        top: bool,
    ) -> Vec<list::Child> {
        let mut kinds = Vec::new();
        let mut cursor = start;
        let mut last = Last::Nothing;
        for child in &c.children {
            // A container that starts mid-line (after `> ` or indentation) leaves that line's
            // beginning to it, not to the text before.
            let line_start = self.text[..child.range.start]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let region_end = if line_start >= cursor {
                line_start
            } else {
                child.range.start
            };
            if region_end > cursor {
                kinds.extend(self.region(cursor..region_end, prefixes, last, top));
            }
            if top {
                self.doc
                    .top_level
                    .push((child.range.start, self.doc.items.len()));
            }
            let start_index = self.doc.items.len();
            self.container(child, prefixes);
            self.last_container = Some(start_index);
            kinds.push(list::Child::Other);
            cursor = cursor.max(child.range.end);
            last = if ends_with_blank_line(&self.text[child.range.clone()]) {
                Last::Blank
            } else {
                Last::Other
            };
            if last == Last::Blank {
                kinds.push(list::Child::Blank);
            }
        }
        if c.range.end > cursor {
            kinds.extend(self.region(cursor..c.range.end, prefixes, last, top));
        }
        kinds
    }

    fn container(&mut self, c: &Container, prefixes: &mut Vec<Prefix>) {
        match c.kind {
            Kind::Root => {}
            Kind::Quote => {
                self.push(Event::Start(Tag::BlockQuote(None)));
                prefixes.push(Prefix::Quote);
                let start = quote_content_start(self.text, c.range.start);
                self.content(c, start, prefixes, false);
                prefixes.pop();
                self.push(Event::End(TagEnd::BlockQuote(None)));
            }
            Kind::List { ordered } => {
                let tag = Tag::List(if ordered { Some(1) } else { None });
                self.push(Event::Start(tag));
                let mut items = Vec::new();
                for (i, item) in c.children.iter().enumerate() {
                    let Kind::Item { content, indent } = item.kind else {
                        continue;
                    };
                    let first = self.doc.items.len();
                    self.push(Event::Start(Tag::Item));
                    prefixes.push(Prefix::Indent(indent));
                    // An item whose marker line is empty starts with the next line (kramdown
                    // takes the empty first line as nothing, not as a blank line).
                    let content = if self.text.as_bytes().get(content) == Some(&b'\n')
                        && content + 1 < item.range.end
                    {
                        content + 1
                    } else {
                        content
                    };
                    let mut kinds = self.content(item, content, prefixes, false);
                    prefixes.pop();
                    self.push(Event::End(TagEnd::Item));
                    // Blank lines between this item and the next belong to it, as in kramdown.
                    let next = c.children.get(i + 1).map_or(c.range.end, |n| n.range.start);
                    let gap = &self.text[item.range.end..next.max(item.range.end)];
                    let blank_after = ends_with_blank_line(&self.text[item.range.clone()])
                        || gap.contains("\n\n")
                        || (i + 1 == c.children.len()
                            && blank_line_follows(self.text, c.range.end));
                    if kinds.last() != Some(&list::Child::Blank) && blank_after {
                        kinds.push(list::Child::Blank);
                    }
                    items.push((first, kinds));
                }
                list::unwrap_first_paragraphs(&mut self.doc.items, &items);
                self.push(Event::End(TagEnd::List(ordered)));
            }
            Kind::Item { .. } => {}
        }
    }

    /// A block IAL right after a list or quote gives that container its attributes.
    fn give_previous(&mut self, ial: Option<crate::markdown::attributes::Attributes>) {
        if let (Some(ial), Some(i)) = (ial, self.last_container) {
            self.doc.items.insert(i, Item::Attrs(ial));
            for entry in &mut self.doc.top_level {
                if entry.1 > i {
                    entry.1 += 1;
                }
            }
        }
    }

    fn push(&mut self, e: Event<'a>) {
        self.doc.items.push(Item::Event(e, 0));
    }

    /// Parses the text of `range` (prefixes removed) with kramdown's block rules.
    fn region(
        &mut self,
        range: Range<usize>,
        prefixes: &[Prefix],
        last: Last,
        top: bool,
    ) -> Vec<list::Child> {
        let raw = &self.text[range.clone()];
        if raw.trim_matches([' ', '\t']).is_empty() {
            // Only the indentation before a container on its line: nothing to parse.
            return Vec::new();
        }
        if prefixes.is_empty() && raw.ends_with('\n') {
            let parsed = block::parse(raw, last, self.defs);
            self.doc
                .issues
                .extend(parsed.issues.into_iter().map(|i| i.shifted(range.start)));
            self.give_previous(parsed.ial_for_previous);
            return self.take(parsed.items, parsed.footnotes, |at| range.start + at, top);
        }
        let at_line_start = range.start == 0 || self.text.as_bytes()[range.start - 1] == b'\n';
        let (owned, map) = strip_prefixes(raw, range.start, prefixes, at_line_start);
        let parsed = block::parse(&owned, last, self.defs);
        let to_text = |at: usize| map.to_text(at);
        self.doc
            .issues
            .extend(parsed.issues.into_iter().map(|i| Issue {
                offset: to_text(i.offset),
                ..i
            }));
        self.give_previous(parsed.ial_for_previous);
        let items: Vec<Item<'static>> = parsed.items.into_iter().map(block::owned).collect();
        let footnotes = parsed
            .footnotes
            .into_iter()
            .map(|(n, v)| (n, v.into_iter().map(block::owned).collect()))
            .collect();
        self.take(items, footnotes, to_text, top)
    }

    /// Adds a region's items (offsets made absolute) and returns the kramdown children kinds.
    fn take<'b: 'a>(
        &mut self,
        items: Vec<Item<'b>>,
        footnotes: Vec<(String, Vec<Item<'b>>)>,
        to_text: impl Fn(usize) -> usize,
        top: bool,
    ) -> Vec<list::Child> {
        let mut kinds = Vec::new();
        let mut depth = 0usize;
        for item in items {
            let item = match item {
                Item::Event(e, at) => {
                    let at = to_text(at);
                    let starts = matches!(e, Event::Start(_));
                    let single = matches!(e, Event::Html(_) | Event::Rule | Event::DisplayMath(_));
                    if depth == 0 && (starts || single) {
                        if top {
                            self.doc.top_level.push((at, self.doc.items.len()));
                        }
                        kinds.push(if matches!(e, Event::Start(Tag::Paragraph)) {
                            list::Child::Paragraph
                        } else {
                            list::Child::Other
                        });
                    }
                    match e {
                        Event::Start(_) => depth += 1,
                        Event::End(_) => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    Item::Event(e, at)
                }
                Item::Raw(t, at) => Item::Raw(t, to_text(at)),
                Item::Blank => {
                    if depth == 0 {
                        kinds.push(list::Child::Blank);
                    }
                    Item::Blank
                }
                attrs @ Item::Attrs(_) => attrs,
            };
            self.doc.items.push(item);
        }
        self.doc.footnotes.extend(footnotes);
        kinds
    }
}

/// The offset after a block quote's first `> ` (its content's first line).
fn quote_content_start(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let mut p = start;
    while p < b.len() && b[p] == b' ' && p - start < 3 {
        p += 1;
    }
    if b.get(p) == Some(&b'>') {
        p += 1;
        if b.get(p) == Some(&b' ') {
            p += 1;
        }
    }
    p
}

/// Whether the text's last line is blank (it ends with a line of only white space).
fn ends_with_blank_line(s: &str) -> bool {
    let Some(body) = s.strip_suffix('\n') else {
        return false;
    };
    let last_line = &body[body.rfind('\n').map_or(0, |i| i + 1)..];
    body.contains('\n') && last_line.trim_matches([' ', '\t']).is_empty()
}

fn blank_line_follows(text: &str, at: usize) -> bool {
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    at < text.len() && text[at..line_end].trim().is_empty()
}

/// The lines of a region with container prefixes removed, and where each line came from.
fn strip_prefixes(
    raw: &str,
    base: usize,
    prefixes: &[Prefix],
    first_whole: bool,
) -> (String, LineMap) {
    let mut out = String::with_capacity(raw.len());
    let mut map = LineMap { starts: Vec::new() };
    let mut offset = base;
    for (i, line) in raw.split_inclusive('\n').enumerate() {
        let kept = if i == 0 && !first_whole {
            line
        } else {
            strip_line(line, prefixes)
        };
        map.starts
            .push((out.len(), offset + (line.len() - kept.len())));
        out.push_str(kept);
        offset += line.len();
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    (out, map)
}

/// Removes the prefixes from one line; a lazy line (missing a `>`) keeps the rest as it is.
pub(super) fn strip_line<'l>(mut line: &'l str, prefixes: &[Prefix]) -> &'l str {
    for p in prefixes {
        match p {
            Prefix::Quote => {
                let n = line.bytes().take(3).take_while(|&b| b == b' ').count();
                match line[n..].strip_prefix('>') {
                    Some(rest) => line = rest.strip_prefix(' ').unwrap_or(rest),
                    None => return line,
                }
            }
            Prefix::Indent(w) => {
                let mut cols = 0;
                let mut bytes = 0;
                for b in line.bytes() {
                    let width = match b {
                        b' ' => 1,
                        b'\t' => 4 - cols % 4,
                        _ => break,
                    };
                    if cols + width > *w {
                        break;
                    }
                    cols += width;
                    bytes += 1;
                }
                line = &line[bytes..];
            }
        }
    }
    line
}

/// Maps offsets of a prefix-stripped region back to the text.
struct LineMap {
    /// (offset in the region, offset in the text) of each line start.
    starts: Vec<(usize, usize)>,
}

impl LineMap {
    fn to_text(&self, at: usize) -> usize {
        let i = self
            .starts
            .partition_point(|&(r, _)| r <= at)
            .saturating_sub(1);
        self.starts.get(i).map_or(at, |&(r, t)| t + (at - r))
    }
}
