//! Smart quotes: straight `"` and `'` become ‘ ’ “ ” by kramdown's rules.
//!
//! Reference: kramdown 2.4 `parser/kramdown/smart_quotes.rb` (after SmartyPants). The scanner
//! stops one character *before* a quote (the pattern is `[^\\]?["']`), and the rules below are
//! tried at that place in order; the first that matches decides. They look at the raw source, so
//! `**"x"**` sees the `*` before the quote. Ruby's `\s` and `\w` are ASCII here, `\b` is Unicode.

use super::Spans;
use crate::ctype::{is_ruby_space_char, is_ruby_word_char};
use crate::markdown::unicode::is_word;

const LSQUO: &str = "\u{2018}";
const RSQUO: &str = "\u{2019}";
const LDQUO: &str = "\u{201c}";
const RDQUO: &str = "\u{201d}";

/// `SQ_PUNCT`
fn is_punct(c: char) -> bool {
    "!\"#$%'()*+,-./:;<=>?@[\\]^_`{|}~".contains(c)
}

/// `\s` (ASCII)
fn space(c: Option<char>) -> bool {
    c.is_some_and(is_ruby_space_char)
}

/// `\w` (ASCII)
fn word(c: Option<char>) -> bool {
    c.is_some_and(is_ruby_word_char)
}

/// `SQ_CLOSE`: `[^\ \\\t\r\n\[{(-]`
fn closes(c: char) -> bool {
    !matches!(c, ' ' | '\\' | '\t' | '\r' | '\n' | '[' | '{' | '(' | '-')
}

fn open_of(q: char) -> &'static str {
    if q == '"' {
        LDQUO
    } else {
        LSQUO
    }
}

fn close_of(q: char) -> &'static str {
    if q == '"' {
        RDQUO
    } else {
        RSQUO
    }
}

fn is_quote(c: Option<char>) -> bool {
    matches!(c, Some('"' | '\''))
}

pub(super) fn parse(s: &mut Spans<'_, '_>) -> bool {
    let p = s.pos;
    let c0 = s.char_at(p);
    // `[^\\]?["']` must match here.
    let q_here = is_quote(c0);
    let lead_len = c0.map_or(0, char::len_utf8);
    let before_quote = c0 != Some('\\') && is_quote(s.char_at(p + lead_len));
    if !q_here && !before_quote {
        return false;
    }
    let at = |i: usize| s.char_at(i);

    if q_here {
        let q = c0.unwrap_or('"');
        let n1 = at(p + 1);
        // 1. `("|')(?=[_*]{1,2}\S)`: opening before emphasis.
        if matches!(n1, Some('_' | '*')) {
            let n2 = at(p + 2);
            let third = at(p + 3);
            if (n2.is_some() && !space(n2))
                || (matches!(n2, Some('_' | '*')) && third.is_some() && !space(third))
            {
                return emit(s, p, 0, &[open_of(q)], 1);
            }
        }
        // 2. `("|')(?=PUNCT(?!\.\.)\B)`: closing before punctuation.
        if let Some(n) = n1.filter(|&n| is_punct(n)) {
            let after = p + 1 + n.len_utf8();
            let dots = s.src[after..].starts_with("..");
            let boundary = is_word(n) != at(after).is_some_and(is_word);
            if !dots && !boundary {
                return emit(s, p, 0, &[close_of(q)], 1);
            }
        }
    }
    // 3./4. `(\s?)"'(?=\w)` and `(\s?)'"(?=\w)`: a double and a single quote together.
    let lead = if space(c0) { lead_len } else { 0 };
    let pair = (at(p + lead), at(p + lead + 1));
    if let (Some(a), Some(b)) = pair {
        if a != b && is_quote(Some(a)) && is_quote(Some(b)) && word(at(p + lead + 2)) {
            return emit(s, p, lead, &[open_of(a), open_of(b)], 2);
        }
    }
    // 5. `(\s?)'(?=\d\ds)`: an apostrophe before a decade ('80s).
    if at(p + lead) == Some('\'') {
        let r = &s.src[p + lead + 1..];
        let b = r.as_bytes();
        if b.len() >= 3 && b[0].is_ascii_digit() && b[1].is_ascii_digit() && b[2] == b's' {
            return emit(s, p, lead, &[RSQUO], 1);
        }
    }
    // 6. `(\s)('|")(?=\w)`: opening after white space.
    if space(c0) && is_quote(at(p + 1)) && word(at(p + 2)) {
        let q = at(p + 1).unwrap_or('"');
        return emit(s, p, 1, &[open_of(q)], 1);
    }
    // 7. `(SQ_CLOSE)('|")`: closing after a character that can end a word.
    if let Some(c) = c0 {
        if !q_here && closes(c) {
            let q = at(p + lead_len).unwrap_or('"');
            return emit(s, p, lead_len, &[close_of(q)], 1);
        }
        // A quote can itself be the character before a quote.
        if q_here && closes(c) && is_quote(at(p + 1)) {
            let q = at(p + 1).unwrap_or('"');
            return emit(s, p, 1, &[close_of(q)], 1);
        }
    }
    if q_here {
        // 8. `("|')(?=\s|s\b|$)`: closing before white space, a plural `s`, or the line's end.
        let q = c0.unwrap_or('"');
        let n1 = at(p + 1);
        let plural = n1 == Some('s') && !at(p + 2).is_some_and(is_word);
        if space(n1) || plural || n1.is_none() || n1 == Some('\n') {
            return emit(s, p, 0, &[close_of(q)], 1);
        }
        // 9./10. `(.?)'` and `(.?)"`: otherwise opening (the `.?` matches nothing here).
        return emit(s, p, 0, &[open_of(q)], 1);
    }
    // 9./10. with the character before the quote taken as text.
    let q = at(p + lead_len).unwrap_or('"');
    emit(s, p, lead_len, &[open_of(q)], 1)
}

/// Adds `lead` bytes of text from `p`, then the quote symbols, consuming `quotes` quote characters.
fn emit(
    s: &mut Spans<'_, '_>,
    p: usize,
    lead: usize,
    symbols: &[&'static str],
    quotes: usize,
) -> bool {
    s.text(p, p + lead);
    for sym in symbols {
        s.symbol(sym);
    }
    s.pos = p + lead + quotes;
    true
}
