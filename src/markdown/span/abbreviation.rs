//! Abbreviations: with `*[HTML]: Hyper Text Markup Language` defined anywhere, every `HTML` in
//! text becomes `<abbr title="Hyper Text Markup Language">HTML</abbr>`.
//!
//! Reference: kramdown 2.4 `parser/kramdown/abbreviation.rb` (`replace_abbreviations`): longer
//! abbreviations first; an occurrence counts at the start of a line or after a character that is
//! not an ASCII word character, and not before one.

use super::super::html::{escape_attribute, escape_text};
use crate::ctype::is_ruby_word_char;
use pulldown_cmark::{CowStr, Event};

/// Splits `text` into text and abbreviation events (`abbrs` longest first), or gives it back.
pub(super) fn split<'s>(
    text: CowStr<'s>,
    abbrs: &[(String, String)],
    out: &mut Vec<Event<'s>>,
) -> Option<CowStr<'s>> {
    if abbrs.is_empty() || !abbrs.iter().any(|(a, _)| text.contains(a.as_str())) {
        return Some(text);
    }
    let s: &str = &text;
    let mut pieces: Vec<Event<'s>> = Vec::new();
    let mut last = 0;
    let mut i = 0;
    let found_at = |at: usize| -> Option<&(String, String)> {
        abbrs.iter().find(|(a, _)| {
            !a.is_empty()
                && s[at..].starts_with(a.as_str())
                && !s[at + a.len()..]
                    .chars()
                    .next()
                    .is_some_and(is_ruby_word_char)
        })
    };
    while i < s.len() {
        let line_start = i == 0 || s.as_bytes()[i - 1] == b'\n';
        let c = s[i..].chars().next().unwrap_or(' ');
        let (at, hit) = if line_start && found_at(i).is_some() {
            (i, found_at(i))
        } else if !is_ruby_word_char(c) && i + c.len_utf8() <= s.len() {
            (i + c.len_utf8(), found_at(i + c.len_utf8()))
        } else {
            (i, None)
        };
        match hit {
            Some((abbr, title)) => {
                if at > last {
                    pieces.push(Event::Text(CowStr::from(s[last..at].to_owned())));
                }
                let mut html = String::from("<abbr");
                if !title.is_empty() {
                    html.push_str(" title=\"");
                    escape_attribute(&mut html, title);
                    html.push('"');
                }
                html.push('>');
                escape_text(&mut html, abbr);
                html.push_str("</abbr>");
                pieces.push(Event::InlineHtml(CowStr::from(html)));
                last = at + abbr.len();
                i = last;
            }
            None => i += c.len_utf8(),
        }
    }
    if pieces.is_empty() {
        return Some(text);
    }
    out.extend(pieces);
    (last < s.len()).then(|| CowStr::from(s[last..].to_owned()))
}
