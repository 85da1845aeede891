//! HTML inside a paragraph: comments, tags and their content, as kramdown reads them.
//!
//! Reference: kramdown 2.4 `parser/kramdown/html.rb` (`parse_span_html`). A start tag opens an
//! element whose content runs to the matching end tag; content of span elements (`<span>`,
//! `<a>`, `<em>` …) is Markdown, content of anything else (`<code>`, unknown names such as
//! `<Radical Markets>`) is text in which only nested HTML is recognised. With no end tag the rest
//! of the block becomes the element's content — kramdown warns, and so do we, since that is
//! rarely what the writer meant. A block-level tag (`<div>`) inside a paragraph is text.

use super::constructs::HTML_ONLY;
use super::{Kind, Spans, Stop, StopMatch};
use crate::diagnostic::Code;
use crate::markdown::event::{Event, HtmlEnd, HtmlTag};
use crate::markdown::html::{self, BLOCK_ELEMENTS, ELEMENTS_WITHOUT_BODY};
use pulldown_cmark::{CowStr, Event as Md};

pub(super) fn parse(s: &mut Spans<'_, '_>) -> bool {
    let r = s.rest();
    let b = r.as_bytes();
    if b.first() != Some(&b'<') {
        return false;
    }
    let opens = match b.get(1) {
        Some(b'/') => true,
        Some(b'!') => r.starts_with("<!--"),
        _ => html::name_end(r, 1).is_some(),
    };
    if !opens {
        return false;
    }
    let start = s.pos;
    if r.starts_with("<!--") && comment(s, start) {
        return true;
    }
    if let Some((name, end)) = html::end_tag(s.src, start) {
        s.report(
            Code::StrayHtmlEndTag,
            start,
            format!("`</{name}>` closes nothing here: it is shown as text"),
        );
        s.text(start, end);
        s.pos = end;
        return true;
    }
    let Some(tag) = html::start_tag(s.src, start) else {
        s.take_char();
        return true;
    };
    let name = html::normalized_name(tag.name);
    if BLOCK_ELEMENTS.contains(&name.as_str()) {
        s.report(
            Code::BlockHtmlInParagraph,
            start,
            format!("`<{name}>` is a block element and cannot stand inside a paragraph: it is shown as text; put it on a line of its own"),
        );
        s.text(start, tag.end);
        s.pos = tag.end;
        return true;
    }
    element(s, start, &tag, &name);
    true
}

/// `<!-- … -->`, written as it is; false when it does not close.
fn comment(s: &mut Spans<'_, '_>, start: usize) -> bool {
    let Some(end) = s.find_from("-->", start + 4).map(|at| at + 3) else {
        return false;
    };
    s.push(Md::InlineHtml(CowStr::Borrowed(&s.src[start..end])));
    s.pos = end;
    true
}

/// An element from its start tag on: empty when it has no body, else with its content up to the
/// matching end tag (or to the end of the text, with a warning). Its tags are events the writer
/// writes.
fn element(s: &mut Spans<'_, '_>, start: usize, tag: &html::StartTag<'_>, name: &str) {
    let known = html::is_known_element(name);
    let mut attrs = html::attributes(tag.attrs, known);
    for (_, v) in attrs.iter_mut() {
        if v.contains('\n') {
            *v = collapse_newlines(v);
        }
    }
    let parse_markdown = content_is_markdown(s, name, &mut attrs);
    let open_tag = Box::new(HtmlTag {
        name: name.to_owned(),
        attrs,
        line_break: false,
        closed: false,
    });
    let void = ELEMENTS_WITHOUT_BODY.contains(&name);
    if tag.self_closing || void || s.too_deep() {
        // kramdown writes an empty void element as `<x />` and any other as `<x></x>`.
        s.push(Event::EmptyHtml(open_tag, None));
        s.pos = tag.end;
        return;
    }
    s.push(Event::StartHtml(open_tag, None));
    s.stack.push(super::Frame {
        kind: Kind::Html {
            raw: !parse_markdown,
        },
        first_child: s.out.len(),
        images: 0,
    });
    s.pos = tag.end;
    let stop = Stop::EndTag {
        name: tag.name,
        ignore_case: known,
    };
    let parsers = if parse_markdown {
        &super::ALL
    } else {
        &HTML_ONLY
    };
    let found = s.parse(Some(stop), parsers, &mut |_, _: StopMatch| true);
    if found {
        let (_, end) = html::end_tag(s.src, s.pos).unwrap_or(("", s.pos));
        s.pos = end;
    } else {
        s.report(
            Code::UnclosedHtml,
            start,
            format!(
                "`<{}>` is never closed, so the rest of the paragraph becomes its content; close it with `</{}>`, or write `\\<` if you meant a plain `<`",
                tag.name, tag.name
            ),
        );
        s.text(s.pos, s.src.len());
        s.pos = s.src.len();
    }
    s.stack.pop();
    s.push(Event::EndHtml(HtmlEnd {
        name: name.to_owned(),
        line_break: false,
    }));
}

/// Whether the element's content is Markdown: not for raw content models (`<code>`, unknown
/// names) nor inside raw content, unless its `markdown` attribute (taken out here) says so.
fn content_is_markdown(s: &Spans<'_, '_>, name: &str, attrs: &mut Vec<(String, String)>) -> bool {
    let raw_model = html::content_model(name) == html::ContentModel::Raw;
    let mut parse_markdown = !raw_model && !s.current_is_raw() && s.options.parse_span_html;
    if let Some(i) = attrs.iter().position(|(k, _)| k == "markdown") {
        let (_, v) = attrs.remove(i);
        match v.as_str() {
            "0" => parse_markdown = false,
            "1" => parse_markdown = !raw_model,
            "span" => parse_markdown = true,
            _ => {}
        }
    }
    parse_markdown
}

/// kramdown joins attribute values that span lines: `gsub(/\n+/, ' ')`.
fn collapse_newlines(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut in_run = false;
    for c in v.chars() {
        if c == '\n' {
            if !in_run {
                out.push(' ');
            }
            in_run = true;
        } else {
            out.push(c);
            in_run = false;
        }
    }
    out
}
