//! Markdown to HTML as Jekyll 4.3 publishes it: kramdown 2.4 with its GFM parser and Jekyll's
//! options (auto ids, smart quotes, rouge, MathJax, `parse_block_html: false`), or the site's own
//! kramdown options (`options`), which every stage below reads where kramdown would.
//!
//! The seam is `event::Event`: pulldown-cmark's event model where it fits, each element carrying
//! the attributes of its IALs, and kramdown's own elements beside it; every stage produces or
//! transforms those events. The stages:
//! 1. `block`: kramdown's block rules split the text into paragraphs, headers, lists, quotes,
//!    tables, code, HTML …, collecting link definitions on the way, and leave the text of each
//!    paragraph, header and cell raw;
//! 2. `span`: kramdown's span rules parse that text, once every definition is known;
//! 3. `header_id`: GFM header ids, and the list of headings; `toc`: the entries of a table of
//!    contents (as events);
//! 4. `writer`: HTML as kramdown's converter writes it; the only stage that writes HTML.
//!
//! pulldown-cmark's own parser is not used: CommonMark's block and span rules are not kramdown's
//! (lazy lines, emphasis, tables, HTML), and correcting its output cost more than parsing the
//! kramdown way — in fidelity, in speed, and 66 KB of the gzipped module.
//!
//! Where kramdown and CommonMark disagree, kramdown wins: see each module's header, and the
//! fixtures in `tests/fixtures/`, which come from the real Jekyll.

mod attributes;
mod block;
mod budget;
mod event;
mod header_id;
pub(crate) mod highlight;
pub(crate) mod html;
pub mod options;
mod rouge_languages;
mod span;
#[cfg(test)]
mod testing;
mod toc;
pub(crate) mod unicode;
mod writer;

use crate::diagnostic::Issue;
use attributes::Attributes;
use block::Item;
use event::Event;
use pulldown_cmark::{CowStr, Tag};
use serde::Serialize;
use std::borrow::Cow;

pub use options::KramdownOptions;

/// A heading of the body, for a table of contents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// The header's level, 1 to 6, as the source writes it.
    pub level: u8,
    /// The `id` the header is written with (generated or explicit).
    pub id: String,
    /// Its text, without markup.
    pub text: String,
}

/// What the Markdown stage gives.
pub struct Output {
    pub html: String,
    pub headings: Vec<Heading>,
    /// Byte offset (in the Markdown text) of each top-level element of `html`, in order.
    pub blocks: Vec<usize>,
    pub issues: Vec<Issue>,
}

/// Renders Markdown text (Liquid already rendered) to HTML, with a site's kramdown options.
pub fn render(text: &str, options: &KramdownOptions) -> Output {
    // kramdown's `adapt_source`: the text ends with exactly one line break more.
    let text: Cow<str> = if text.ends_with('\n') {
        Cow::Borrowed(text)
    } else {
        // Not `format!`: its machinery copied the whole text at a quarter of memcpy's speed.
        let mut owned = String::with_capacity(text.len() + 1);
        owned.push_str(text);
        owned.push('\n');
        Cow::Owned(owned)
    };
    let mut defs = span::Definitions {
        budget: budget::Budget::new(text.len()),
        ..Default::default()
    };
    // The site's `link_defs`; the post's own definitions replace them.
    for (id, url, title) in &options.link_defs {
        defs.links
            .insert(span::normalize_link_id(id), (url.clone(), title.clone()));
    }
    // The site's options, copied only when the post sets one with `{::options /}`.
    let mut options = Cow::Borrowed(options);
    let parsed = block::parse(&text, block::Last::Nothing, &mut defs, &mut options);
    let mut issues = parsed.issues;
    let blocks = top_level_blocks(&parsed.items);

    let mut body = spans(parsed.items, &defs, &options, &mut issues);
    let notes: Vec<(String, Body)> = parsed
        .footnotes
        .into_iter()
        .map(|(name, items)| (name, spans(items, &defs, &options, &mut issues)))
        .collect();
    let mut repeats = budget::Repeats::default();
    repeats.add(&body);
    notes.iter().for_each(|(_, note)| repeats.add(note));
    let places = &parsed.option_places;
    let place = |name: &str| places.iter().rev().find(|(k, _)| k == name).map(|p| p.1);
    issues.extend(defs.budget.limit_options(&mut options, repeats, place));

    let options = &*options;
    let headings = header_id::assign(&mut body.events, options, body.html_regions);
    let toc = toc::entries(&body, options);
    let footnotes: Vec<writer::Footnote> = notes
        .into_iter()
        .map(|(name, note)| {
            let mut html = String::new();
            writer::write(note, &[], &[], options, &mut html);
            writer::Footnote { name, html }
        })
        .collect();
    let mut html = String::with_capacity(text.len() + text.len() / 4);
    writer::write(body, &footnotes, &toc, options, &mut html);
    Output {
        html,
        headings,
        blocks,
        issues,
    }
}

/// The offset of each top-level block that writes an element (for scroll sync): not math (a text
/// node) nor comments.
fn top_level_blocks(items: &[Item<'_>]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    for item in items {
        let Item::Event(e, at) = item else { continue };
        if e.is_start() {
            if depth == 0 {
                out.push(*at);
            }
            depth += 1;
            continue;
        }
        if e.is_end() {
            depth = depth.saturating_sub(1);
            continue;
        }
        let element = match e {
            Event::Md(pulldown_cmark::Event::Html(h), _) => !h.starts_with("<!--"),
            Event::Md(pulldown_cmark::Event::Rule, _) | Event::EmptyHtml(..) => true,
            _ => false,
        };
        if depth == 0 && element {
            out.push(*at);
        }
    }
    out
}

/// The events of a body, each element with the attributes kramdown's IALs gave it.
pub struct Body<'a> {
    pub events: Vec<Event<'a>>,
    /// Some text is inside an HTML element whose content is Markdown (`markdown="1"`).
    pub html_regions: bool,
    /// A block asked for a table of contents (`{:toc}`).
    pub toc_asked: bool,
}

/// Replaces raw text items with their span events, and resolves the references of block
/// attribute lists (definitions may come after their use).
fn spans<'a>(
    items: Vec<Item<'a>>,
    defs: &span::Definitions,
    options: &KramdownOptions,
    issues: &mut Vec<Issue>,
) -> Body<'a> {
    let mut body = Body {
        // Each raw text becomes several events.
        events: Vec::with_capacity(items.len() * 4),
        html_regions: false,
        toc_asked: false,
    };
    for item in items {
        match item {
            Item::Event(mut e, at) => {
                if let Some(ial) = e.attrs_mut().and_then(Option::take) {
                    let mut merged = Attributes::default();
                    ial.merge_into(&mut merged, defs);
                    issues.extend(defs.budget.warning(budget::Use::AttributeList, at));
                    body.toc_asked |= merged.has_ref("toc");
                    give(&mut e, merged);
                }
                body.events.push(e);
            }
            Item::Blank => {}
            Item::Raw(text, at) => push_spans(&mut body, text, at, false, defs, options, issues),
            Item::HtmlRaw(text, at) => {
                body.html_regions = true;
                push_spans(&mut body, text, at, true, defs, options, issues)
            }
        }
    }
    body
}

/// Parses a raw text as spans and adds its events (`in_html`: inside an HTML element whose
/// content is Markdown).
fn push_spans<'a>(
    body: &mut Body<'a>,
    text: CowStr<'a>,
    at: usize,
    in_html: bool,
    defs: &span::Definitions,
    options: &KramdownOptions,
    issues: &mut Vec<Issue>,
) {
    match text {
        CowStr::Borrowed(text) => {
            let found = span::parse_into(text, defs, options, in_html, &mut body.events);
            issues.extend(found.into_iter().map(|i| i.shifted(at)));
        }
        text => {
            let mut parsed = Vec::new();
            let found = span::parse_into(&text, defs, options, in_html, &mut parsed);
            issues.extend(found.into_iter().map(|i| i.shifted(at)));
            body.events
                .extend(parsed.into_iter().map(|e| e.into_static()));
        }
    }
}

/// Puts attributes on an event: a heading takes them in its tag (an id there is explicit, and
/// wins over the generated one); anything else in its attribute slot.
fn give(e: &mut Event<'_>, a: Attributes) {
    if let Event::Md(
        pulldown_cmark::Event::Start(Tag::Heading {
            id, classes, attrs, ..
        }),
        _,
    ) = e
    {
        for (k, v) in a.into_pairs() {
            match k.as_str() {
                "id" => *id = Some(CowStr::from(v)),
                "class" => classes.extend(v.split_whitespace().map(|c| CowStr::from(c.to_owned()))),
                _ => attrs.push((CowStr::from(k), Some(CowStr::from(v)))),
            }
        }
        return;
    }
    if let Some(slot) = e.attrs_mut() {
        *slot = Some(Box::new(a));
    }
}
