//! The events that cross the Markdown stage's seams (block → span → ids and toc → writer).
//!
//! pulldown-cmark's `Event`/`Tag` vocabulary is used where it fits (`Md`); each element carries
//! the attributes kramdown's attribute lists (IALs) gave it on its own event, so a pass that
//! inserts or removes events has nothing beside them to keep in step. kramdown's elements that
//! pulldown-cmark has no word for get variants of their own: table body and footer sections,
//! HTML elements kramdown parsed and writes again, abbreviations and `{::comment}`s. Only the
//! writer turns any of them into HTML.
//!
//! Raw HTML stays pulldown-cmark's `Html`/`InlineHtml`: the source's own text, which kramdown
//! writes unchanged (HTML comments and instructions, `{::nomarkdown}`, the text of `<script>` and
//! `<style>`).

use super::attributes::Attributes;
use pulldown_cmark::{CowStr, Tag};

/// Attributes from IALs, when an element has any (most have none: no allocation then).
pub type Attrs = Option<Box<Attributes>>;

#[derive(Clone, Debug, PartialEq)]
pub enum Event<'a> {
    /// pulldown-cmark's event, with the attributes of the element it starts or is (a start tag,
    /// a rule, a code span); `None` for the rest.
    Md(pulldown_cmark::Event<'a>, Attrs),
    /// A table's body or footer starts: a kramdown table may have several (the head is
    /// pulldown-cmark's `TableHead`).
    StartSection(Section),
    EndSection(Section),
    /// An HTML element kramdown read (its content follows as events, then `EndHtml`), with the
    /// attributes of an IAL after it.
    StartHtml(Box<HtmlTag>, Attrs),
    EndHtml(HtmlEnd),
    /// An HTML element without content: `<x />` when the element is void (or `closed`), else
    /// `<x></x>`.
    EmptyHtml(Box<HtmlTag>, Attrs),
    /// An abbreviation found in text, with its definition's title (`<abbr title="…">`).
    Abbreviation {
        abbr: CowStr<'a>,
        title: CowStr<'a>,
    },
    /// `{::comment}…{:/comment}`: an HTML comment, its text as written; `block`: on a line of
    /// its own.
    Comment {
        text: CowStr<'a>,
        block: bool,
    },
}

/// A section of a table after its head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Body,
    Foot,
}

/// The start tag of an HTML element kramdown read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HtmlTag {
    /// The name as kramdown writes it (lower case when it knows the element).
    pub name: String,
    /// The attributes as read (values unquoted, `markdown` taken out).
    pub attrs: Vec<(String, String)>,
    /// A block element: a line break follows the tag (the start tag of one whose content is
    /// blocks, or an element without content).
    pub line_break: bool,
    /// Without content, written `<x />` even when the element is not void: an element of raw
    /// HTML closed with `/>` (kramdown's `is_closed`).
    pub closed: bool,
}

/// The end tag of an HTML element kramdown read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HtmlEnd {
    pub name: String,
    /// A block element: a line break follows the end tag.
    pub line_break: bool,
}

impl<'a> From<pulldown_cmark::Event<'a>> for Event<'a> {
    fn from(e: pulldown_cmark::Event<'a>) -> Self {
        Event::Md(e, None)
    }
}

impl<'a> Event<'a> {
    /// A start tag without attributes.
    pub fn start(tag: Tag<'a>) -> Self {
        Event::Md(pulldown_cmark::Event::Start(tag), None)
    }

    /// The attributes of an element's event; `None` for events that have no place for them
    /// (ends, text, abbreviations, comments).
    pub fn attrs_mut(&mut self) -> Option<&mut Attrs> {
        match self {
            Event::Md(_, a) | Event::StartHtml(_, a) | Event::EmptyHtml(_, a) => Some(a),
            _ => None,
        }
    }

    #[cfg(test)]
    pub fn attrs(&self) -> Option<&Attributes> {
        match self {
            Event::Md(_, a) | Event::StartHtml(_, a) | Event::EmptyHtml(_, a) => a.as_deref(),
            _ => None,
        }
    }

    /// Whether the event opens an element that a matching end closes.
    pub fn is_start(&self) -> bool {
        matches!(
            self,
            Event::Md(pulldown_cmark::Event::Start(_), _)
                | Event::StartSection(_)
                | Event::StartHtml(..)
        )
    }

    pub fn is_end(&self) -> bool {
        matches!(
            self,
            Event::Md(pulldown_cmark::Event::End(_), _) | Event::EndSection(_) | Event::EndHtml(_)
        )
    }

    /// The same event, owning its text.
    pub fn into_static(self) -> Event<'static> {
        match self {
            Event::Md(e, a) => Event::Md(e.into_static(), a),
            Event::StartSection(s) => Event::StartSection(s),
            Event::EndSection(s) => Event::EndSection(s),
            Event::StartHtml(t, a) => Event::StartHtml(t, a),
            Event::EndHtml(e) => Event::EndHtml(e),
            Event::EmptyHtml(t, a) => Event::EmptyHtml(t, a),
            Event::Abbreviation { abbr, title } => Event::Abbreviation {
                abbr: abbr.into_static(),
                title: title.into_static(),
            },
            Event::Comment { text, block } => Event::Comment {
                text: text.into_static(),
                block,
            },
        }
    }
}

/// Merges attributes into an element's (kramdown's `update_attr_with_ial` on an element that
/// already has some: a class adds up, any other key replaces, references add up).
pub fn add_attributes(slot: &mut Attrs, more: Attributes) {
    match slot {
        Some(existing) => existing.add(more),
        None => *slot = Some(Box::new(more)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_should_add_up_on_the_event_they_belong_to() {
        let mut e = Event::start(Tag::Paragraph);
        let mut a = Attributes::default();
        a.set("class", "a");
        a.set("id", "x");
        add_attributes(e.attrs_mut().unwrap(), a);
        let mut b = Attributes::default();
        b.set("class", "b");
        b.set("id", "y");
        b.refs.push("toc".into());
        add_attributes(e.attrs_mut().unwrap(), b);
        let got = e.attrs().unwrap();
        assert_eq!(got.get("class"), Some("a b"), "classes should add up");
        assert_eq!(got.get("id"), Some("y"), "a later id should replace");
        assert!(got.has_ref("toc"));
    }

    #[test]
    fn starts_and_ends_should_pair_across_both_vocabularies() {
        let md_end = Event::from(pulldown_cmark::Event::End(
            pulldown_cmark::TagEnd::Paragraph,
        ));
        assert!(md_end.is_end() && !md_end.is_start());
        assert!(Event::StartSection(Section::Body).is_start());
        assert!(Event::EndHtml(HtmlEnd {
            name: "div".into(),
            line_break: false
        })
        .is_end());
        let mut comment = Event::Comment {
            text: "x".into(),
            block: false,
        };
        assert!(
            comment.attrs_mut().is_none(),
            "a comment should have no place for attributes"
        );
        assert!(!comment.is_start() && !comment.is_end());
    }
}
