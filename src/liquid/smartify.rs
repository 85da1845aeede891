//! Jekyll's `smartify` filter: the text through kramdown 2.4 with Jekyll's `SmartyPants` parser
//! (span parsers `smart_quotes`, `html_entity`, `typographic_syms`, `span_html`, in that order;
//! nothing else) and the HTML converter with `entity_output: as_char`: quotes curled by
//! kramdown's `SQ_RULES`, `---`, `--`, `...`, `<<`, `>>` as characters, text escaped (`&`, `<`,
//! `>`), an HTML tag kept as written.
//!
//! Where this differs from kramdown, knowingly: a named entity other than `&amp;`, `&lt;`,
//! `&gt;`, `&quot;` stays as written (kramdown writes its character), and an HTML tag is kept
//! byte for byte (kramdown writes it again, attributes normalised). jekyll-feed strips tags after
//! `smartify`, so neither changes a feed's titles but for such entities. Both the filter
//! (`filters.rs`) and the feed (`site::generated::feed`) call this one function.

use crate::ctype::{is_ruby_space_char, is_ruby_word_char};
use crate::value::Value;

/// `value | smartify`: nil stays nil.
pub fn smartify(value: &Value) -> Value {
    match value {
        Value::Null => Value::Null,
        other => Value::String(smartify_text(&crate::ruby::to_string(other))),
    }
}

fn smartify_text(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let mut pos = 0;
    while pos < chars.len() {
        let used = quote(&chars, pos, &mut out)
            .or_else(|| entity(&chars, pos, &mut out))
            .or_else(|| typographic(&chars, pos, &mut out))
            .or_else(|| tag(&chars, pos, &mut out));
        match used {
            Some(n) => pos += n,
            None => {
                escape_char(chars[pos], &mut out);
                pos += 1;
            }
        }
    }
    // kramdown reads the text as lines ending in a newline; Jekyll chomps the HTML.
    if out.ends_with('\n') {
        out.pop();
    }
    out
}

/// Text as kramdown's converter escapes it.
fn escape_char(c: char, out: &mut String) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        c => out.push(c),
    }
}

fn is_quote(c: Option<char>) -> bool {
    matches!(c, Some('"' | '\''))
}

fn space(c: Option<char>) -> bool {
    c.is_some_and(is_ruby_space_char)
}

fn word(c: Option<char>) -> bool {
    c.is_some_and(is_ruby_word_char)
}

/// kramdown's `SQ_PUNCT`.
fn punct(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_punctuation())
}

/// kramdown's `SQ_CLOSE`: any character but white space, `\`, `[`, `{`, `(` and `-`.
fn closes(c: Option<char>) -> bool {
    c.is_some_and(|c| !matches!(c, ' ' | '\\' | '\t' | '\r' | '\n' | '[' | '{' | '(' | '-'))
}

/// `\b` between `a` and `b`: Onigmo's word boundary (letters and digits of any script).
fn boundary(a: Option<char>, b: Option<char>) -> bool {
    let w = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    w(a) != w(b)
}

fn left(q: char) -> &'static str {
    if q == '"' {
        "\u{201c}"
    } else {
        "\u{2018}"
    }
}

fn right(q: char) -> &'static str {
    if q == '"' {
        "\u{201d}"
    } else {
        "\u{2019}"
    }
}

/// A smart quote where kramdown's start pattern `[^\\]?["']` matches at `s` (the character
/// before the quote is part of the match): the first of `SQ_RULES` that matches there.
fn quote(chars: &[char], s: usize, out: &mut String) -> Option<usize> {
    let c = |i: usize| chars.get(s + i).copied();
    let starts = is_quote(c(0)) || (c(0) != Some('\\') && is_quote(c(1)));
    if !starts {
        return None;
    }
    let q0 = c(0).filter(|_| is_quote(c(0)));
    if let Some(q) = q0 {
        // `("|')(?=[_*]{1,2}\S)`
        if matches!(c(1), Some('_' | '*')) && c(2).is_some() && !space(c(2)) {
            out.push_str(left(q));
            return Some(1);
        }
        // `("|')(?=PUNCT(?!\.\.)\B)`
        let dots = c(2) == Some('.') && c(3) == Some('.');
        if punct(c(1)) && !dots && !boundary(c(1), c(2)) {
            out.push_str(right(q));
            return Some(1);
        }
    }
    // `(\s?)"'(?=\w)`, `(\s?)'"(?=\w)`
    for lead in [usize::from(space(c(0))), 0] {
        let (a, b) = (c(lead), c(lead + 1));
        if is_quote(a) && is_quote(b) && a != b && word(c(lead + 2)) {
            push_lead(chars, s, lead, out);
            out.push_str(left(a.unwrap_or('"')));
            out.push_str(left(b.unwrap_or('"')));
            return Some(lead + 2);
        }
    }
    // `(\s?)'(?=\d\ds)`
    for lead in [usize::from(space(c(0))), 0] {
        let digits = c(lead + 1).is_some_and(|d| d.is_ascii_digit())
            && c(lead + 2).is_some_and(|d| d.is_ascii_digit());
        if c(lead) == Some('\'') && digits && c(lead + 3) == Some('s') {
            push_lead(chars, s, lead, out);
            out.push_str(right('\''));
            return Some(lead + 1);
        }
    }
    // `(\s)('|")(?=\w)`
    if space(c(0)) && is_quote(c(1)) && word(c(2)) {
        push_lead(chars, s, 1, out);
        out.push_str(left(c(1).unwrap_or('"')));
        return Some(2);
    }
    // `(SQ_CLOSE)('|")`
    if closes(c(0)) && is_quote(c(1)) {
        push_lead(chars, s, 1, out);
        out.push_str(right(c(1).unwrap_or('"')));
        return Some(2);
    }
    if let Some(q) = q0 {
        // `("|')(?=\s|s\b|$)`
        let ends = c(1).is_none() || c(1) == Some('\n') || space(c(1));
        if ends || (c(1) == Some('s') && boundary(c(1), c(2))) {
            out.push_str(right(q));
            return Some(1);
        }
    }
    // `(.?)'`, then `(.?)"`: the character before is text when the quote follows it.
    for q in ['\'', '"'] {
        if c(1) == Some(q) {
            push_lead(chars, s, 1, out);
            out.push_str(left(q));
            return Some(2);
        }
        if c(0) == Some(q) {
            out.push_str(left(q));
            return Some(1);
        }
    }
    None
}

fn push_lead(chars: &[char], s: usize, lead: usize, out: &mut String) {
    chars[s..s + lead].iter().for_each(|&c| escape_char(c, out));
}

/// kramdown's `html_entity`: `&name;`, `&#123;`, `&#x7b;`. A numeric one is its character
/// (`&`, `<`, `>` as written); a named one is kept as written, `&quot;` a quote.
fn entity(chars: &[char], s: usize, out: &mut String) -> Option<usize> {
    if chars[s] != '&' {
        return None;
    }
    let end = chars[s + 1..].iter().position(|&c| c == ';')? + s + 1;
    let body: String = chars[s + 1..end].iter().collect();
    let code = if let Some(hex) = body.strip_prefix("#x") {
        (!hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(hex, 16).ok())
            .flatten()
    } else if let Some(dec) = body.strip_prefix('#') {
        (!dec.is_empty() && dec.chars().all(|c| c.is_ascii_digit()))
            .then(|| dec.parse::<u32>().ok())
            .flatten()
    } else if !body.is_empty() && body.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        out.push_str(if body == "quot" { "\"" } else { "" });
        if body != "quot" {
            out.push('&');
            out.push_str(&body);
            out.push(';');
        }
        return Some(end - s + 1);
    } else {
        return None;
    };
    let c = char::from_u32(code?)?;
    match c {
        // kramdown writes these as the source wrote them, to keep the HTML well formed.
        '&' | '<' | '>' => chars[s..=end].iter().for_each(|&c| out.push(c)),
        c => out.push(c),
    }
    Some(end - s + 1)
}

/// kramdown's `typographic_syms`, in its order.
fn typographic(chars: &[char], s: usize, out: &mut String) -> Option<usize> {
    const SYMS: [(&str, &str); 9] = [
        ("---", "\u{2014}"),
        ("--", "\u{2013}"),
        ("...", "\u{2026}"),
        ("\\<<", "&lt;&lt;"),
        ("\\>>", "&gt;&gt;"),
        ("<< ", "\u{ab}\u{a0}"),
        (" >>", "\u{a0}\u{bb}"),
        ("<<", "\u{ab}"),
        (">>", "\u{bb}"),
    ];
    let (from, to) = SYMS.iter().find(|(from, _)| {
        let n = from.chars().count();
        chars.len() >= s + n && chars[s..s + n].iter().copied().eq(from.chars())
    })?;
    out.push_str(to);
    Some(from.chars().count())
}

/// kramdown's `span_html`, roughly: a tag (`<name …>`, `</name>`, `<!-- … -->`, `<? … ?>`) is
/// kept as written.
fn tag(chars: &[char], s: usize, out: &mut String) -> Option<usize> {
    if chars[s] != '<' {
        return None;
    }
    let next = chars.get(s + 1).copied()?;
    let after = chars.get(s + 2).copied();
    let opens = next.is_ascii_alphabetic()
        || next == '?'
        || (next == '/' && after.is_some_and(|c| c.is_ascii_alphabetic()))
        || (next == '!' && after == Some('-'));
    if !opens {
        return None;
    }
    let end = chars[s..].iter().position(|&c| c == '>')? + s;
    chars[s..=end].iter().for_each(|&c| out.push(c));
    Some(end - s + 1)
}
