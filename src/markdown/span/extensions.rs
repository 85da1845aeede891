//! Span attribute lists `{: …}` and span extensions `{::comment}…{:/comment}`.
//!
//! Reference: kramdown 2.4 `parser/kramdown/extensions.rb` (`parse_span_extensions`). An
//! attribute list right after an element (`[a](b){:target="_blank"}`, `*x*{: .y}`) gives the
//! element the attributes; after text it is text (kramdown warns). `{::comment}` becomes an HTML
//! comment, `{::nomarkdown}` content is written as it is, `{::options … /}` is ignored.

use super::{Out, Spans};
use crate::diagnostic::Code;
use crate::markdown::attributes::{self, Attributes};
use crate::markdown::event::{add_attributes, Event};
use pulldown_cmark::CowStr;

pub(super) fn parse(s: &mut Spans<'_, '_>) -> bool {
    let r = s.rest();
    if !r.starts_with("{:") {
        return false;
    }
    // Only a well-formed extension tag is one; `{::한}` or `{:/x y}` reads as an attribute list.
    if let Some(tag) = attributes::extension_tag(r) {
        return extension(s, tag);
    }
    if attributes::extension_stop_tag(r).is_some() {
        s.report(Code::StrayExtensionEnd, s.pos, "a stray extension stop tag `{:/…}` is shown as text; it closes a `{::comment}` or `{::nomarkdown}` started before it".into());
        s.take_char();
        return true;
    }
    // No `}` close enough: not an attribute list (found in one remembered forward search).
    let near = s
        .find_from("}", s.pos)
        .is_some_and(|at| at - s.pos <= attributes::MAX_LEN);
    let braced = if near { attributes::braced(r) } else { None };
    let Some((content, len)) = braced.filter(|(c, _)| !c.is_empty()) else {
        s.take_char();
        return true;
    };
    let Some(target) = last_element(s) else {
        s.report(Code::OrphanAttributes, s.pos, "an attribute list `{: …}` after text applies to nothing: it is shown as text; put it right after the link, image or emphasis it is for".into());
        s.take_char();
        return true;
    };
    let mut ial = Attributes::default();
    attributes::parse_into(content, &mut ial);
    let mut merged = Attributes::default();
    ial.merge_into(&mut merged, s.defs);
    let use_ = crate::markdown::budget::Use::AttributeList;
    if let Some(warning) = s.defs.budget.warning(use_, s.pos) {
        s.issues.push(warning);
    }
    // The element's event carries them (a symbol has no place for them: they go).
    if let Out::Event(e) = &mut s.out[target] {
        if let Some(slot) = e.attrs_mut() {
            add_attributes(slot, merged);
        }
    }
    s.pos += len;
    true
}

/// The index in `out` of the current element's last child, if that is an element, not text.
fn last_element(s: &Spans<'_, '_>) -> Option<usize> {
    let first = s.stack.last().map_or(0, |f| f.first_child);
    if s.out.len() <= first {
        return None;
    }
    let last = s.out.len() - 1;
    match &s.out[last] {
        Out::Text(..) | Out::Str(_) => None,
        Out::Event(e) if e.is_end() => start_of(s, last),
        _ => Some(last),
    }
}

/// The matching opener of the closer at `end`.
fn start_of(s: &Spans<'_, '_>, end: usize) -> Option<usize> {
    let mut depth = 0usize;
    for i in (0..=end).rev() {
        let Out::Event(e) = &s.out[i] else { continue };
        if e.is_end() {
            depth += 1;
        } else if e.is_start() {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// `{::name attrs}body{:/name}` or `{::name attrs /}`.
fn extension(s: &mut Spans<'_, '_>, tag: attributes::ExtensionTag<'_>) -> bool {
    if !tag.is_known() {
        s.report(Code::UnknownExtension, s.pos, "an unknown `{::…}` extension is shown as text; kramdown knows `{::comment}`, `{::nomarkdown}` and `{::options}`".into());
        s.take_char();
        return true;
    }
    let attributes::ExtensionTag {
        name,
        self_closing,
        len,
    } = tag;
    let after_tag = s.pos + len;
    if self_closing {
        s.pos = after_tag;
        return true;
    }
    // Remembered searches (`find_from`): thousands of openers without a stop tag, or pairs
    // closed by name with no `{:/}` after them, stay linear.
    let stop_named = match name {
        "comment" => "{:/comment}",
        "nomarkdown" => "{:/nomarkdown}",
        _ => "{:/options}",
    };
    let found = [
        s.find_from(stop_named, after_tag)
            .map(|i| (i - after_tag, stop_named.len())),
        s.find_from("{:/}", after_tag).map(|i| (i - after_tag, 4)),
    ]
    .into_iter()
    .flatten()
    .min();
    let Some((at, stop_len)) = found else {
        s.report(
            Code::UnclosedExtension,
            s.pos,
            format!("`{{::{name}}}` has no stop tag `{{:/{name}}}`: it is shown as text"),
        );
        s.take_char();
        return true;
    };
    let content = &s.src[after_tag..after_tag + at];
    match name {
        "comment" => s.push(Event::Comment {
            text: CowStr::Borrowed(content),
            block: false,
        }),
        "nomarkdown" => s.push(pulldown_cmark::Event::InlineHtml(CowStr::Borrowed(content))),
        _ => {}
    }
    s.pos = after_tag + at + stop_len;
    true
}
