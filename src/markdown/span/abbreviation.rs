//! Abbreviations: with `*[HTML]: Hyper Text Markup Language` defined anywhere, every `HTML` in
//! text becomes an abbreviation event (the writer writes
//! `<abbr title="Hyper Text Markup Language">HTML</abbr>`).
//!
//! Reference: kramdown 2.4 `parser/kramdown/abbreviation.rb` (`replace_abbreviations`): longer
//! abbreviations first; an occurrence counts at the start of a line or after a character that is
//! not an ASCII word character, and not before one.

use crate::ctype::is_ruby_word_char;
use crate::markdown::event::Event;
use pulldown_cmark::{CowStr, Event as Md};

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
                    pieces.push(Md::Text(CowStr::from(s[last..at].to_owned())).into());
                }
                pieces.push(Event::Abbreviation {
                    abbr: CowStr::from(abbr.clone()),
                    title: CowStr::from(title.clone()),
                });
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
