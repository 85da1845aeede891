//! Block-level Markdown: which lines make a paragraph, a header, a list, a quote, a table, a code
//! block, an HTML block … by kramdown's rules.
//!
//! Reference: kramdown 2.4 `Parser::Kramdown#parse_blocks` with kramdown-parser-gfm's changes:
//! the block parsers are tried in kramdown's order at the start of each block, and a paragraph
//! runs until a line that can start another block (GFM's `PARAGRAPH_END`). Lists and quotes parse
//! their content as blocks again, nested. The output is events (`markdown::event`), where the text
//! of paragraphs, headers and table cells is still raw (`Item::Raw`): span parsing waits until
//! every link definition of the document is known, as kramdown's `update_tree` does. A block
//! attribute list is put on its block's event as read; the references in it are resolved with
//! the span parsing too, when every definition is known.

mod blockquote;
mod codeblock;
mod definition_list;
mod definitions;
mod extensions;
mod header;
mod horizontal_rule;
mod html_block;
mod list;
mod math;
mod paragraph;
mod table;
mod task_list;

use super::attributes::Attributes;
use super::event::{add_attributes, Event};
use super::span::Definitions;
use super::KramdownOptions;
use crate::byte_set;
use crate::ctype::is_ruby_space;
pub(crate) use crate::ctype::strip_opt_space;
use crate::diagnostic::Issue;
use pulldown_cmark::CowStr;
use std::borrow::Cow;

/// One piece of a container's content.
#[derive(Debug)]
pub enum Item<'a> {
    /// A block event (with the attributes of the block IALs it took); `usize` is its offset in
    /// the region text.
    Event(Event<'a>, usize),
    /// Text to be parsed as spans, at an offset of the region text.
    Raw(CowStr<'a>, usize),
    /// `Raw` inside an HTML element whose content is Markdown, where the GFM parser's additions
    /// to the text (line breaks) do not reach.
    HtmlRaw(CowStr<'a>, usize),
    /// A blank line (kept for kramdown's list rules; writes nothing).
    Blank,
}

impl<'a> Item<'a> {
    /// A pulldown-cmark event without attributes, as an item.
    fn md(e: pulldown_cmark::Event<'a>, at: usize) -> Self {
        Item::Event(Event::Md(e, None), at)
    }
}

/// What kramdown's `@tree.children.last` was, for its block boundary rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Last {
    Nothing,
    Blank,
    /// An end-of-block marker `^` (or a definition, which leaves one).
    Eob,
    Paragraph,
    /// A line no block parser took, kept as text.
    Text,
    Other,
}

/// A footnote's name and its body.
pub type Footnote<'a> = (String, Vec<Item<'a>>);

pub struct Blocks<'a, 'd, 'o> {
    src: &'a str,
    pos: usize,
    pub items: Vec<Item<'a>>,
    last: Last,
    defs: &'d mut Definitions,
    /// The kramdown options as `{::options /}` in the text has left them so far: the site's,
    /// borrowed until a post sets one.
    options: &'d mut Cow<'o, KramdownOptions>,
    /// Footnote bodies, parsed as blocks of their own (written at the end of the document).
    pub footnotes: Vec<Footnote<'a>>,
    pub issues: Vec<Issue>,
    /// Each option `{::options /}` set, and where (the budget's warnings point there).
    pub option_places: Vec<(String, usize)>,
    /// A block IAL waiting for the next block (kramdown's `@block_ial`).
    pending_ial: Option<Attributes>,
    /// How deep the lists and quotes of this region are nested.
    depth: usize,
    /// The last line looked up: (start, end after its `\n`, the line without it).
    line_cache: std::cell::Cell<(usize, usize, &'a str)>,
    /// Inside an HTML element whose content is Markdown: its name, which ends the region when
    /// its end tag starts a block.
    stop_tag: Option<String>,
    /// Where that end tag was found (the offset after it).
    stopped_at: Option<usize>,
    /// From where on no line closes a `{::comment}`, `{::nomarkdown}` or `{::options}` (in that
    /// order), once a search has found none (`usize::MAX`: not known).
    no_stop_tag_from: [usize; 3],
}

/// Lists and quotes nested deeper than this inside one region are read as text.
const MAX_DEPTH: usize = 32;

/// Parses `src` (text ending with `\n`) into block items; `last` is what precedes it.
pub fn parse<'a>(
    src: &'a str,
    last: Last,
    defs: &mut Definitions,
    options: &mut Cow<'_, KramdownOptions>,
) -> Parsed<'a> {
    let mut b = Blocks {
        src,
        pos: 0,
        // Roughly one item per forty bytes of text.
        items: Vec::with_capacity(src.len() / 40 + 4),
        last,
        defs,
        options,
        footnotes: Vec::new(),
        issues: Vec::new(),
        option_places: Vec::new(),
        pending_ial: None,
        depth: 0,
        line_cache: std::cell::Cell::new((usize::MAX, 0, "")),
        stop_tag: None,
        stopped_at: None,
        no_stop_tag_from: [usize::MAX; 3],
    };
    b.run();
    Parsed {
        items: b.items,
        footnotes: b.footnotes,
        issues: b.issues,
        option_places: b.option_places,
    }
}

/// What a region parses to.
pub struct Parsed<'a> {
    pub items: Vec<Item<'a>>,
    pub footnotes: Vec<Footnote<'a>>,
    pub issues: Vec<Issue>,
    pub option_places: Vec<(String, usize)>,
}

impl<'a> Blocks<'a, '_, '_> {
    /// Parses `text` (a list item's or quote's content, prefixes removed) as blocks nested in
    /// this region; `at` is where it starts here, for diagnostics.
    fn nested(&mut self, text: &str, last: Last, at: usize) -> (Vec<Item<'static>>, Last) {
        let (items, last, _) = self.nested_until(text, last, at, None);
        (items, last)
    }

    /// `nested`, stopping at a block that starts with `</stop_tag>`; also says where it stopped
    /// (the offset after the end tag), if it did.
    fn nested_until(
        &mut self,
        text: &str,
        last: Last,
        at: usize,
        stop_tag: Option<String>,
    ) -> (Vec<Item<'static>>, Last, Option<usize>) {
        let mut inner = Blocks {
            src: text,
            pos: 0,
            items: Vec::new(),
            last,
            defs: self.defs,
            options: self.options,
            footnotes: Vec::new(),
            issues: Vec::new(),
            option_places: Vec::new(),
            pending_ial: None,
            depth: self.depth + 1,
            line_cache: std::cell::Cell::new((usize::MAX, 0, "")),
            stop_tag,
            stopped_at: None,
            no_stop_tag_from: [usize::MAX; 3],
        };
        inner.run();
        let last = inner.last;
        let stopped_at = inner.stopped_at;
        let items = inner.items.into_iter().map(owned).collect();
        self.footnotes.extend(
            inner
                .footnotes
                .into_iter()
                .map(|(n, v)| (n, v.into_iter().map(owned).collect())),
        );
        self.issues
            .extend(inner.issues.into_iter().map(|i| Issue { offset: at, ..i }));
        self.option_places
            .extend(inner.option_places.into_iter().map(|(k, _)| (k, at)));
        (items, last, stopped_at)
    }

    fn run(&mut self) {
        while self.pos < self.src.len() {
            if self.stop_tag.is_some() && html_block::closes_region(self) {
                return;
            }
            let before = self.pos;
            let handled = self.blank_line()
                || codeblock::indented(self)
                || codeblock::fenced(self)
                || blockquote::parse(self)
                || header::atx(self)
                || horizontal_rule::parse(self)
                || list::parse(self)
                || definition_list::parse(self)
                || html_block::parse(self)
                || header::setext(self)
                || math::parse(self)
                || table::parse(self)
                || definitions::footnote(self)
                || definitions::link(self)
                || definitions::abbreviation(self)
                || extensions::parse(self)
                || self.eob_marker()
                || paragraph::parse(self);
            if !handled || self.pos == before {
                self.unparsed_line(before);
            }
        }
    }

    // ---- helpers shared by the block parsers ------------------------------------------------

    /// Offset just after the `\n` that ends the line containing `i` (or the end). Every block
    /// parser looks at the line where a block starts; the last answer is remembered.
    fn line_end(&self, i: usize) -> usize {
        self.cached_line(i).1
    }

    /// The line at `i` without its `\n`.
    fn line_at(&self, i: usize) -> &'a str {
        self.cached_line(i).2
    }

    /// `(i, line_end(i), line_at(i))`, from the cache when `i` was the last line asked for:
    /// the block parsers ask for each line several times.
    fn cached_line(&self, i: usize) -> (usize, usize, &'a str) {
        let cached = self.line_cache.get();
        if cached.0 == i {
            return cached;
        }
        let found = byte_set::find_byte(self.src.as_bytes(), i, b'\n');
        let end = (found + 1).min(self.src.len());
        let line = self.src.get(i..found).unwrap_or("");
        self.line_cache.set((i, end, line));
        (i, end, line)
    }

    /// Adds a block event; one that starts a block takes the attribute list waiting for it.
    fn push(&mut self, event: impl Into<Event<'a>>, at: usize) {
        let mut event = event.into();
        if self.pending_ial.is_some() && starts_block(&event) {
            if let (Some(ial), Some(slot)) = (self.pending_ial.take(), event.attrs_mut()) {
                add_attributes(slot, ial);
            }
        }
        self.items.push(Item::Event(event, at));
    }

    /// kramdown's `after_block_boundary?`.
    fn after_block_boundary(&self) -> bool {
        matches!(self.last, Last::Nothing | Last::Blank | Last::Eob) || self.pending_ial.is_some()
    }

    /// kramdown's `before_block_boundary?` at `i`: a blank line, `^`, a block IAL, or the end.
    fn block_boundary_at(&self, i: usize) -> bool {
        i >= self.src.len()
            || is_blank(self.line_at(i))
            || is_eob(self.line_at(i))
            || is_ial_line(self.line_at(i))
    }

    fn blank_line(&mut self) -> bool {
        let start = self.pos;
        let mut p = start;
        while p < self.src.len()
            && is_blank(self.line_at(p))
            && self.src.as_bytes()[self.line_end(p) - 1] == b'\n'
        {
            p = self.line_end(p);
        }
        if p == start {
            return false;
        }
        self.pos = p;
        if self.last != Last::Blank {
            self.items.push(Item::Blank);
        }
        self.last = Last::Blank;
        true
    }

    /// A line no block parser takes (it starts with spaces and a tab, which is neither a paragraph
    /// nor code to kramdown): kramdown adds it as text outside any paragraph, and so do we.
    fn unparsed_line(&mut self, start: usize) {
        let end = self.line_end(start).max(start + 1).min(self.src.len());
        let joined = match (self.items.last(), self.last) {
            (Some(Item::Raw(_, at)), Last::Text) => Some(*at),
            _ => None,
        };
        if let Some(at) = joined {
            self.items.pop();
            self.items
                .push(Item::Raw(CowStr::Borrowed(&self.src[at..end]), at));
        } else {
            self.items
                .push(Item::Raw(CowStr::Borrowed(&self.src[start..end]), start));
        }
        self.pos = end;
        self.last = Last::Text;
    }

    /// `^\s*?\n` after `^`: an end-of-block marker.
    fn eob_marker(&mut self) -> bool {
        if !is_eob(self.line_at(self.pos)) {
            return false;
        }
        self.pos = self.line_end(self.pos);
        self.last = Last::Eob;
        true
    }
}

/// An item that no longer borrows the text it was parsed from.
pub fn owned(item: Item<'_>) -> Item<'static> {
    match item {
        Item::Event(e, at) => Item::Event(e.into_static(), at),
        Item::Raw(t, at) => Item::Raw(t.into_static(), at),
        Item::HtmlRaw(t, at) => Item::HtmlRaw(t.into_static(), at),
        Item::Blank => Item::Blank,
    }
}

/// Whether an event starts a block (a block attribute list waiting for the next block goes to
/// it).
pub(super) fn starts_block(e: &Event<'_>) -> bool {
    use pulldown_cmark::Event as Md;
    match e {
        Event::Md(e, _) => matches!(
            e,
            Md::Start(_) | Md::Rule | Md::Html(_) | Md::DisplayMath(_)
        ),
        Event::StartHtml(..) | Event::EmptyHtml(..) | Event::Comment { .. } => true,
        _ => false,
    }
}

/// A line of only white space.
pub fn is_blank(line: &str) -> bool {
    line.bytes().all(is_ruby_space)
}

/// `^\^\s*?\n`
fn is_eob(line: &str) -> bool {
    line.strip_prefix('^').is_some_and(is_blank)
}

/// `^ {0,3}\{:(?!:|\/)(\\\}|[^\}])+\}\s*?\n`: a block attribute list on its own line.
pub fn is_ial_line(line: &str) -> bool {
    let t = strip_opt_space(line);
    let Some(rest) = t.strip_prefix("{:") else {
        return false;
    };
    if rest.starts_with(':') || rest.starts_with('/') {
        return false;
    }
    let b = rest.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' if b.get(i + 1) == Some(&b'}') => i += 2,
            b'}' => return i > 0 && is_blank(&rest[i + 1..]),
            _ => i += 1,
        }
    }
    false
}
