//! Span-level Markdown: turns the text of one block into inline events, by kramdown's rules.
//!
//! Reference: kramdown 2.4 `Parser::Kramdown#parse_spans` with the GFM parser's span parsers, in
//! its order: emphasis, codespan, autolink, span HTML, footnote marker, link, smart quotes,
//! inline math, HTML entity, typographic symbols, line break, escaped characters, strikethrough.
//!
//! kramdown scans left to right for the first place where any span parser *could* start (or where
//! the enclosing construct could stop), offers that place to the parsers in order, and lets the
//! first that matches consume it. Emphasis and links parse their content recursively and give up
//! (rewinding) when no acceptable end follows. That is not CommonMark's delimiter algorithm, which
//! is why `**プラットフォーム：**Gitcoin` is strong here and not in CommonMark. Each construct is a
//! module below, registered once in `constructs` (its name, start bytes and parse function, in
//! kramdown's order); this one is the scanner they share.
//!
//! Rewinding can make a paragraph of thousands of unclosed delimiters quadratic, so every
//! paragraph has a work budget proportional to its length; past it, the remaining constructs that
//! would need a rewind are read as text (and a warning says so). Real posts stay far below it.

mod abbreviation;
mod autolink;
mod codespan;
mod constructs;
mod emphasis;
pub(crate) mod entity;
mod escape;
mod extensions;
mod footnote;
mod html_span;
mod line_break;
mod link;
pub(crate) use link::normalize_id as normalize_link_id;
mod math;
mod offset_set;
mod smart_quotes;
mod strikethrough;
mod typographic;

use super::event::Event;
use super::KramdownOptions;
use crate::byte_set;
use crate::diagnostic::{Code, Issue};
use constructs::{Constructs, LookBack, ALL, CODESPAN_AND_HTML, CODESPAN_ONLY};
use pulldown_cmark::{CowStr, Event as Md, Tag, TagEnd};
use std::collections::HashMap;

/// What span parsing needs from the whole document: definitions may come after their use.
#[derive(Default, Debug)]
pub struct Definitions {
    /// Link definitions by normalised id: (url, title).
    pub links: HashMap<String, (String, Option<String>)>,
    /// Footnote names that have a definition.
    pub footnotes: HashMap<String, usize>,
    /// Attribute list definitions `{:name: …}` by name.
    pub alds: HashMap<String, super::attributes::Attributes>,
    /// Abbreviations `*[HTML]: …`: the abbreviation and its title.
    pub abbreviations: abbreviation::Abbreviations,
    /// The render's budget for text repeated per use of a definition.
    pub budget: super::budget::Budget,
    /// Whether an id of `links` holds a `]` (only a site's `link_defs` can define one), once
    /// asked: every definition is in by then.
    pub ids_with_bracket: std::cell::OnceCell<bool>,
}

impl Definitions {
    /// Whether a link definition's id holds a `]`.
    pub fn ids_with_bracket(&self) -> bool {
        *self
            .ids_with_bracket
            .get_or_init(|| self.links.keys().any(|id| id.contains(']')))
    }
}

/// What an open element is, for kramdown's nesting rules (no em in em, no link in a link).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Em,
    Strong,
    Link,
    Image,
    Del,
    Html { raw: bool },
}

/// Where a recursive parse stops.
#[derive(Clone, Copy, Debug)]
enum Stop<'s> {
    /// The emphasis delimiter `*`, `**`, `_` or `__`.
    Delimiter(&'s str),
    /// `]` or a nested `[`/`![` (links count brackets).
    LinkBracket,
    /// `</name\s*>`, case-insensitive when kramdown knows the element.
    EndTag { name: &'s str, ignore_case: bool },
}

struct Frame {
    kind: Kind,
    /// Index in `out` of the element's first child.
    first_child: usize,
    /// Images among the element's direct children (links count them, see `link`).
    images: usize,
}

/// One piece of output while parsing; `finish` turns them into events.
#[derive(Debug)]
enum Out<'s> {
    /// Source text `start..end`; neighbours merge into one text node (kramdown's `add_text`).
    Text(usize, usize),
    /// Text that is not the source at this place (an escaped character); merges like `Text`.
    Str(CowStr<'s>),
    /// A text node of its own: an entity, smart quote or typographic symbol.
    Symbol(CowStr<'s>),
    /// An event; an element's carries the attributes of an IAL after it (see `extensions`).
    Event(Event<'s>),
}

/// A place to rewind to when a construct does not parse.
#[derive(Clone, Copy)]
struct Mark {
    pos: usize,
    out_len: usize,
    stack_len: usize,
}

/// Parses spans of one text.
pub(crate) struct Spans<'s, 'd> {
    src: &'s str,
    pos: usize,
    out: Vec<Out<'s>>,
    stack: Vec<Frame>,
    defs: &'d Definitions,
    options: &'d KramdownOptions,
    issues: Vec<Issue>,
    /// Bytes the scanner may still look at before rewinding constructs are turned off.
    budget: usize,
    /// The last forward search for each closing string (`-->`, a backtick run, `$$`, a title's
    /// quote): where it started and what it found. Searches only move forward, so a failed one
    /// answers every later one, and thousands of unclosed openers stay linear.
    searches: Vec<(&'static str, usize, Option<usize>)>,
    /// Where a search for a link title's closing `"` or `'` (followed by `)`) last failed.
    title_failed_from: [usize; 2],
    /// The last search for a strikethrough closer: where it started and what it found.
    strike_closer: Option<(usize, Option<usize>)>,
    /// Where text is broken into lines (see `TextRun::breaks`).
    breaks: Option<&'static str>,
    /// Where a link cannot start, learned from one that failed (see `link::remember_failures`),
    /// and the kinds of the open elements it was tried in: the answer holds in that context only.
    links_failing: (Vec<Kind>, offset_set::OffsetSet),
}

/// Scanning work a text may cost, per byte of it. A paragraph of the corpus costs at most a few
/// per byte; thousands of unclosed `*` or `[` cost thousands.
const BUDGET_PER_BYTE: usize = 10;
/// What one attempt at a construct that may rewind (emphasis, link, HTML element) costs.
const ATTEMPT_COST: usize = 16;

/// Nesting deeper than this (e.g. 10 000 `<span>`s) is read as text rather than recursed into.
const MAX_DEPTH: usize = 48;

impl<'s, 'd> Spans<'s, 'd> {
    fn new(src: &'s str, defs: &'d Definitions, options: &'d KramdownOptions) -> Self {
        Spans {
            src,
            pos: 0,
            // Roughly one piece of output per twenty bytes of text.
            out: Vec::with_capacity(src.len() / 20 + 4),
            stack: Vec::new(),
            defs,
            options,
            issues: Vec::new(),
            budget: BUDGET_PER_BYTE * src.len() + 8192,
            searches: Vec::new(),
            title_failed_from: [usize::MAX; 2],
            strike_closer: None,
            breaks: Some("\\\n"),
            links_failing: Default::default(),
        }
    }

    fn rest(&self) -> &'s str {
        &self.src[self.pos..]
    }

    fn byte(&self, i: usize) -> Option<u8> {
        self.src.as_bytes().get(i).copied()
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.src.get(i..)?.chars().next()
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.src.get(..i)?.chars().next_back()
    }

    /// Whether any open element is `kind`.
    fn inside(&self, kind: Kind) -> bool {
        self.stack.iter().any(|f| f.kind == kind)
    }

    fn current_is_raw(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame {
                kind: Kind::Html { raw: true },
                ..
            })
        )
    }

    fn too_deep(&self) -> bool {
        self.stack.len() >= MAX_DEPTH
    }

    /// The first occurrence of `needle` at or after `from` (remembered, see `searches`).
    fn find_from(&mut self, needle: &'static str, from: usize) -> Option<usize> {
        if let Some(&(_, start, found)) = self.searches.iter().find(|(n, _, _)| *n == needle) {
            match found {
                None if start <= from => return None,
                Some(at) if start <= from && at >= from => return Some(at),
                _ => {}
            }
        }
        let found = self
            .src
            .get(from..)
            .and_then(|r| r.find(needle))
            .map(|i| from + i);
        self.spend(found.map_or(self.src.len().saturating_sub(from), |at| at - from));
        match self.searches.iter_mut().find(|(n, _, _)| *n == needle) {
            Some(slot) => *slot = (needle, from, found),
            None => self.searches.push((needle, from, found)),
        }
        found
    }

    /// Spends scanning budget.
    fn spend(&mut self, bytes: usize) {
        self.budget = self.budget.saturating_sub(bytes.max(1));
    }

    /// Once the budget is gone, constructs that may rewind are read as text.
    fn out_of_budget(&self) -> bool {
        self.budget == 0
    }

    // ---- output ----------------------------------------------------------------------------

    fn text(&mut self, start: usize, end: usize) {
        if start < end {
            self.out.push(Out::Text(start, end));
        }
    }

    fn text_str(&mut self, s: CowStr<'s>) {
        if !s.is_empty() {
            self.out.push(Out::Str(s));
        }
    }

    /// Adds the character at the position as text and moves past it (kramdown's `getch`).
    fn take_char(&mut self) {
        let len = self.char_at(self.pos).map_or(1, char::len_utf8);
        self.text(self.pos, self.pos + len);
        self.pos += len;
    }

    fn symbol(&mut self, s: &'static str) {
        // A site's `smart_quotes` or `typographic_symbols` change what kramdown writes.
        if self.options.custom_symbols() {
            if let Some(custom) = self.options.symbol(s) {
                self.out.push(Out::Symbol(CowStr::from(custom.to_owned())));
                return;
            }
        }
        self.out.push(Out::Symbol(CowStr::Borrowed(s)));
    }

    fn push(&mut self, event: impl Into<Event<'s>>) {
        self.out.push(Out::Event(event.into()));
    }

    /// Opens an element; returns the index of its start event (to fill in later).
    fn open(&mut self, kind: Kind, start: impl Into<Event<'s>>) -> usize {
        self.out.push(Out::Event(start.into()));
        self.stack.push(Frame {
            kind,
            first_child: self.out.len(),
            images: 0,
        });
        self.out.len() - 1
    }

    /// Closes the innermost element.
    fn close(&mut self, end: TagEnd) {
        self.stack.pop();
        self.out.push(Out::Event(Md::End(end).into()));
        if let (Some(parent), TagEnd::Image) = (self.stack.last_mut(), end) {
            parent.images += 1;
        }
    }

    fn has_children(&self) -> bool {
        self.stack
            .last()
            .is_some_and(|f| self.out.len() > f.first_child)
    }

    fn mark(&self) -> Mark {
        Mark {
            pos: self.pos,
            out_len: self.out.len(),
            stack_len: self.stack.len(),
        }
    }

    /// Rewinds a construct that did not parse: source position and output.
    fn rewind(&mut self, mark: Mark) {
        self.pos = mark.pos;
        self.out.truncate(mark.out_len);
        self.stack.truncate(mark.stack_len);
    }

    fn report(&mut self, code: Code, offset: usize, message: String) {
        self.issues.push(Issue::new(code, offset, message));
    }

    /// The output as events: neighbouring text merged, GFM's `\\` + newline hard breaks made,
    /// abbreviations found in text outside HTML elements and images; and whether the search for
    /// abbreviations ran out of steps.
    fn finish(self) -> (Vec<Event<'s>>, bool) {
        let mut events = Vec::with_capacity(self.out.len());
        let cut = self.finish_into(&mut events);
        (events, cut)
    }

    /// `finish`, the events added to `events` (a body's, which saves copying each one again).
    fn finish_into(self, events: &mut Vec<Event<'s>>) -> bool {
        let src = self.src;
        events.reserve(self.out.len());
        let mut text = TextRun {
            breaks: self.breaks,
            ..TextRun::default()
        };
        // Inside HTML elements and images: no abbreviations, no GFM line breaks.
        let mut html_depth = 0usize;
        let mut image_depth = 0usize;
        let defs = self.defs;
        let (abbreviations, budget) = (&defs.abbreviations, &defs.budget);
        let mut steps = abbreviation::steps_for(src.len());
        for piece in self.out {
            let e = match piece {
                Out::Text(a, b) => {
                    text.push_source(src, a, b);
                    continue;
                }
                Out::Str(t) => {
                    text.push_str(src, &t);
                    continue;
                }
                Out::Symbol(t) => Md::Text(t).into(),
                Out::Event(e) => e,
            };
            let plain = html_depth == 0 && image_depth == 0;
            let plain = plain.then_some((abbreviations, &mut steps, budget));
            text.flush(src, plain, false, events);
            match &e {
                Event::Md(Md::Start(Tag::Image { .. }), _) => image_depth += 1,
                Event::Md(Md::End(TagEnd::Image), _) => image_depth = image_depth.saturating_sub(1),
                Event::StartHtml(..) => html_depth += 1,
                Event::EndHtml(_) => html_depth = html_depth.saturating_sub(1),
                _ => {}
            }
            events.push(e);
        }
        let plain = html_depth == 0 && image_depth == 0;
        let plain = plain.then_some((abbreviations, &mut steps, budget));
        text.flush(src, plain, true, events);
        steps == 0
    }

    // ---- the scanner -----------------------------------------------------------------------

    /// kramdown's `parse_spans`: runs until the end of the text or until `stop` matches at a
    /// place `accept` agrees to; returns whether it stopped there (the position is left on it).
    fn parse(
        &mut self,
        stop: Option<Stop<'_>>,
        parsers: &Constructs,
        accept: &mut dyn FnMut(&mut Self, StopMatch) -> bool,
    ) -> bool {
        while self.pos < self.src.len() {
            // Out of budget, a construct that may still fail gives up now (it is read as text).
            if stop.is_some() && self.out_of_budget() {
                return false;
            }
            let Some(at) = self.next_start(stop, parsers) else {
                if stop.is_none() {
                    self.text(self.pos, self.src.len());
                    self.pos = self.src.len();
                }
                return false;
            };
            self.text(self.pos, at);
            self.pos = at;
            if let Some(stop) = stop {
                if let Some(m) = self.stop_at(stop, at) {
                    if accept(self, m) {
                        return true;
                    }
                }
            }
            if !parsers.run(self) {
                self.take_char();
            }
        }
        false
    }

    /// The first place at or after the position where the stop or any parser's start matches.
    ///
    /// Most bytes (letters, CJK, spaces) can start nothing, so the scan only stops on bytes that
    /// can; two patterns look one character back from such a byte — a smart quote takes the
    /// character before the quote, and a line break the two spaces before the newline.
    fn next_start(&mut self, stop: Option<Stop<'_>>, parsers: &Constructs) -> Option<usize> {
        let b = self.src.as_bytes();
        let triggers = parsers.triggers(matches!(stop, Some(Stop::LinkBracket)));
        let quotes = parsers.looks_back(LookBack::CharBeforeQuote);
        let guillemets = parsers.looks_back(LookBack::SpaceBeforeGuillemets);
        let breaks = parsers.looks_back(LookBack::SpacesBeforeNewline);
        let mut i = byte_set::find(b, self.pos, triggers);
        while i < b.len() {
            let c = b[i];
            if quotes && (c == b'"' || c == b'\'') {
                if let Some(p) = self
                    .char_start_before(i)
                    .filter(|&p| p >= self.pos && b[p] != b'\\')
                {
                    self.spend(p - self.pos);
                    return Some(p);
                }
            }
            // ` >>`: the space before is part of the symbol (a no-break space).
            if c == b'>'
                && b.get(i + 1) == Some(&b'>')
                && i > self.pos
                && b[i - 1] == b' '
                && guillemets
            {
                self.spend(i - 1 - self.pos);
                return Some(i - 1);
            }
            if breaks && c == b'\n' && i >= self.pos + 2 && &b[i - 2..i] == b"  " {
                self.spend(i - 2 - self.pos);
                return Some(i - 2);
            }
            if stop.is_some_and(|s| self.stop_at(s, i).is_some()) || parsers.could_start(self, i) {
                self.spend(i - self.pos);
                return Some(i);
            }
            i = byte_set::find(b, i + 1, triggers);
        }
        self.spend(b.len() - self.pos);
        None
    }

    /// Where the character before byte `i` starts.
    fn char_start_before(&self, i: usize) -> Option<usize> {
        let mut p = i.checked_sub(1)?;
        while !self.src.is_char_boundary(p) {
            p -= 1;
        }
        Some(p)
    }

    /// Whether the character after the one at `i` is a straight quote.
    fn quote_follows(&self, i: usize) -> bool {
        let len = self.char_at(i).map_or(1, char::len_utf8);
        matches!(self.byte(i + len), Some(b'"' | b'\''))
    }

    fn stop_at(&self, stop: Stop<'_>, i: usize) -> Option<StopMatch> {
        let r = &self.src[i..];
        match stop {
            Stop::Delimiter(d) => r.starts_with(d).then_some(StopMatch::Delimiter),
            Stop::LinkBracket => {
                if r.starts_with(']') {
                    Some(StopMatch::CloseBracket)
                } else if r.starts_with('[') || r.starts_with("![") {
                    Some(StopMatch::OpenBracket)
                } else {
                    None
                }
            }
            Stop::EndTag { name, ignore_case } => {
                let (found, _) = super::html::end_tag(self.src, i)?;
                let same = if ignore_case {
                    found.eq_ignore_ascii_case(name)
                } else {
                    found == name
                };
                same.then_some(StopMatch::EndTag)
            }
        }
    }
}

/// Consecutive text pieces on their way to one text node.
#[derive(Default)]
struct TextRun {
    /// A run that is one slice of the source so far.
    slice: Option<(usize, usize)>,
    /// A run that had to be copied.
    owned: Option<String>,
    /// Where the GFM parser breaks lines in text: at `\\` + newline, at every newline with
    /// `hard_wrap`, nowhere inside HTML elements or with kramdown's own parser.
    breaks: Option<&'static str>,
}

impl TextRun {
    fn push_source(&mut self, src: &str, a: usize, b: usize) {
        match (&mut self.owned, self.slice) {
            (Some(s), _) => s.push_str(&src[a..b]),
            (None, Some((ra, rb))) if rb == a => self.slice = Some((ra, b)),
            (None, Some((ra, rb))) => {
                let mut s = String::with_capacity(rb - ra + b - a);
                s.push_str(&src[ra..rb]);
                s.push_str(&src[a..b]);
                self.owned = Some(s);
                self.slice = None;
            }
            (None, None) => self.slice = Some((a, b)),
        }
    }

    fn push_str(&mut self, src: &str, t: &str) {
        match (&mut self.owned, self.slice.take()) {
            (Some(s), _) => s.push_str(t),
            (None, Some((ra, rb))) => {
                let mut s = src[ra..rb].to_owned();
                s.push_str(t);
                self.owned = Some(s);
            }
            (None, None) => self.owned = Some(t.to_owned()),
        }
    }

    /// Emits the run; `breaks`: outside HTML, where GFM makes hard breaks of `\\` + newline.
    /// Emits the run. `plain`: outside HTML elements and images, where kramdown replaces
    /// abbreviations and GFM makes hard breaks of `\\` + newline.
    fn flush<'s>(
        &mut self,
        src: &'s str,
        plain: Option<(
            &abbreviation::Abbreviations,
            &mut usize,
            &super::budget::Budget,
        )>,
        at_end: bool,
        out: &mut Vec<Event<'s>>,
    ) {
        let text = match (self.owned.take(), self.slice.take()) {
            (Some(s), _) => CowStr::from(s),
            (None, Some((a, b))) => CowStr::Borrowed(&src[a..b]),
            (None, None) => return,
        };
        let Some((abbreviations, steps, budget)) = plain else {
            out.push(Md::Text(text).into());
            return;
        };
        let mut pieces = Vec::new();
        let rest = abbreviation::split(text, abbreviations, steps, budget, &mut pieces);
        for piece in pieces {
            match piece {
                Event::Md(Md::Text(t), _) => line_break::split_text(t, false, self.breaks, out),
                other => out.push(other),
            }
        }
        if let Some(rest) = rest {
            line_break::split_text(rest, at_end, self.breaks, out);
        }
    }
}

/// What a stop pattern matched (links need to know which bracket).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StopMatch {
    Delimiter,
    CloseBracket,
    OpenBracket,
    EndTag,
}

fn accept_any(_: &mut Spans<'_, '_>, _: StopMatch) -> bool {
    true
}

/// Parsed spans: events (each element with its attributes) and issues, at offsets of the text.
#[cfg(test)]
pub(crate) type Parsed<'s> = (Vec<Event<'s>>, Vec<Issue>);

/// Parses the spans of a block's text. `in_html`: the text is inside an HTML element parsed as Markdown, which the GFM parser's
/// line breaks do not reach.
#[cfg(test)]
pub(crate) fn parse<'s>(
    text: &'s str,
    defs: &Definitions,
    options: &KramdownOptions,
    in_html: bool,
) -> Parsed<'s> {
    let mut events = Vec::new();
    let issues = parse_into(text, defs, options, in_html, &mut events);
    (events, issues)
}

/// `parse`, the events added to `events`; returns the issues.
pub(crate) fn parse_into<'s>(
    text: &'s str,
    defs: &Definitions,
    options: &KramdownOptions,
    in_html: bool,
    events: &mut Vec<Event<'s>>,
) -> Vec<Issue> {
    let mut spans = Spans::new(text, defs, options);
    let gfm = options.input == super::options::Input::Gfm;
    spans.breaks = match (gfm && !in_html, options.hard_wrap) {
        (false, _) => None,
        (true, true) => Some("\n"),
        (true, false) => Some("\\\n"),
    };
    spans.parse(None, &ALL, &mut accept_any);
    if spans.out_of_budget() {
        spans.report(
            Code::TooTangled,
            0,
            "this paragraph is too tangled to preview exactly (thousands of unclosed `*`, `[` or \
             `<`?): some of its emphasis and links are shown as plain text"
                .into(),
        );
    }
    let mut issues = std::mem::take(&mut spans.issues);
    if spans.finish_into(events) {
        issues.push(abbreviations_cut(0));
    }
    issues.extend(defs.budget.warning(super::budget::Use::Abbreviation, 0));
    issues
}

/// The warning when the search for abbreviations in a text ran out of steps.
fn abbreviations_cut(offset: usize) -> Issue {
    Issue::new(
        Code::TooTangled,
        offset,
        "this paragraph has too many overlapping abbreviations to find them all: some are shown \
         as plain text; shorten the abbreviations that contain spaces",
    )
}

/// A top-level piece of a text parsed for code spans (and HTML) only, as kramdown's table
/// parser looks at it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Child<'s> {
    Text(CowStr<'s>),
    /// A code span's content.
    Code(&'s str),
    /// An HTML element or comment (kramdown's element value is its name: no `|`, no newline).
    Other,
}

/// Parses `text` for code spans, and HTML when `with_html`, and lists the top-level pieces.
pub(crate) fn code_and_html_children<'s>(text: &'s str, with_html: bool) -> Vec<Child<'s>> {
    let defs = Definitions::default();
    let options = KramdownOptions::default();
    let mut spans = Spans::new(text, &defs, &options);
    let parsers = if with_html {
        &CODESPAN_AND_HTML
    } else {
        &CODESPAN_ONLY
    };
    spans.parse(None, parsers, &mut accept_any);
    let mut children = Vec::new();
    let mut run = TextRun::default();
    let mut depth = 0usize;
    let flush = |run: &mut TextRun, children: &mut Vec<Child<'s>>| {
        let mut events = Vec::new();
        run.flush(text, None, false, &mut events);
        for e in events {
            if let Event::Md(Md::Text(t), _) = e {
                children.push(Child::Text(t));
            }
        }
    };
    for piece in spans.out {
        match piece {
            Out::Event(Event::StartHtml(..)) => {
                if depth == 0 {
                    flush(&mut run, &mut children);
                    children.push(Child::Other);
                }
                depth += 1;
            }
            Out::Event(Event::EndHtml(_)) => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            Out::Text(a, b) => run.push_source(text, a, b),
            Out::Str(t) | Out::Symbol(t) => run.push_str(text, &t),
            Out::Event(Event::Md(Md::Code(c), _)) => {
                flush(&mut run, &mut children);
                children.push(Child::Code(match c {
                    CowStr::Borrowed(b) => b,
                    _ => "",
                }));
            }
            Out::Event(_) => {
                flush(&mut run, &mut children);
                children.push(Child::Other);
            }
        }
    }
    flush(&mut run, &mut children);
    children
}

/// The start event of a link or image whose destination is not known yet.
fn placeholder(kind: Kind) -> Md<'static> {
    let tag = match kind {
        Kind::Image => Tag::Image {
            link_type: pulldown_cmark::LinkType::Inline,
            dest_url: CowStr::Borrowed(""),
            title: CowStr::Borrowed(""),
            id: CowStr::Borrowed(""),
        },
        _ => Tag::Link {
            link_type: pulldown_cmark::LinkType::Inline,
            dest_url: CowStr::Borrowed(""),
            title: CowStr::Borrowed(""),
            id: CowStr::Borrowed(""),
        },
    };
    Md::Start(tag)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::testing::squeezed_html;

    fn texts(events: &[Event<'_>]) -> String {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Md(Md::Text(t), _) => Some(t.as_ref()),
                _ => None,
            })
            .collect()
    }

    // Expected HTML from kramdown_ref.rb (Jekyll 4.3.1, kramdown 2.4), white space between tags
    // removed.
    #[test]
    fn the_scanner_should_offer_each_place_to_the_constructs_in_kramdowns_order() {
        assert_eq!(
            squeezed_html(
                "**プラットフォーム：**Gitcoin and \"quoted\" text -- dash...\nline  \n\
                 break `co|de` <<x>>\n"
            ),
            "<p><strong>プラットフォーム：</strong>Gitcoin and \u{201c}quoted\u{201d} text \
             \u{2013} dash\u{2026}line<br />break \
             <code class=\"language-plaintext highlighter-rouge\">co|de</code> \u{ab}x\u{bb}</p>"
        );
    }

    #[test]
    fn a_start_found_by_looking_back_should_take_the_bytes_before_its_trigger() {
        let defs = Definitions::default();
        let options = KramdownOptions::default();
        let (events, _) = parse("a  \nb", &defs, &options, false);
        assert_eq!(
            events,
            [
                Md::Text("a".into()).into(),
                Md::HardBreak.into(),
                Md::Text("\nb".into()).into()
            ],
            "the two spaces before the newline should be the break"
        );
        let (events, _) = parse("x >> y", &defs, &options, false);
        assert_eq!(
            texts(&events),
            "x\u{a0}\u{bb} y",
            "` >>` should take its space"
        );
    }

    #[test]
    fn a_tangled_paragraph_should_keep_every_character_and_say_so() {
        let text = "*a [b <i ".repeat(4000);
        let defs = Definitions::default();
        let options = KramdownOptions::default();
        let (events, issues) = parse(&text, &defs, &options, false);
        assert_eq!(
            texts(&events),
            text,
            "the unclosed constructs should be read as text"
        );
        assert!(
            issues.iter().any(|i| i.code == Code::TooTangled),
            "running out of budget should be said"
        );
    }

    #[test]
    fn code_and_html_children_should_list_the_top_level_pieces() {
        assert_eq!(
            code_and_html_children("a `b|c` <span>|</span> d", true),
            [
                Child::Text("a ".into()),
                Child::Code("b|c"),
                Child::Text(" ".into()),
                Child::Other,
                Child::Text(" d".into()),
            ]
        );
        assert_eq!(
            code_and_html_children("a <span>|</span>", false),
            [Child::Text("a <span>|</span>".into())],
            "without HTML only code spans should be pieces of their own"
        );
    }
}
