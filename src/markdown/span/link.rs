//! Links `[text](url "title")`, `[text][id]`, `[id]` and images `![alt](src)`, by kramdown's
//! rules.
//!
//! Reference: kramdown 2.4 `parser/kramdown/link.rb`. The text is parsed as spans up to the `]`
//! that balances the opening `[` (nested images count); the URL runs to the `)` that balances the
//! `(` and may contain spaces (`(a.png =602x305)` is one URL); it is not percent-encoded. An
//! image's alt text is its raw text with escapes removed. A reference to an undefined id is text.

use super::{Kind, Spans, Stop, StopMatch};
use crate::ctype::{is_ruby_space, is_ruby_space_char, leading};
use crate::markdown::budget::Use;
use crate::markdown::event::Event as Ev;
use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

pub(super) fn parse(s: &mut Spans<'_, '_>) -> bool {
    let Some((start, image)) = opener(s) else {
        return false;
    };
    let text_start = start + if image { 2 } else { 1 };
    let kind = if image { Kind::Image } else { Kind::Link };
    if !image && (s.inside(Kind::Link) || s.inside(Kind::Image) || known_to_fail(s, start))
        || s.too_deep()
        || s.out_of_budget()
    {
        s.text(start, text_start);
        s.pos = text_start;
        return true;
    }
    s.spend(super::ATTEMPT_COST);
    let mark = s.mark();
    s.pos = text_start;
    let open = Open {
        kind,
        index: s.open(kind, super::placeholder(kind)),
    };
    let mut passed = Vec::new();
    let found = link_text(s, &open, &mut passed);
    let close = s.pos;
    let linked = found && {
        let alt_text = unescape(&s.src[text_start..s.pos]);
        s.pos += 1; // `]`
        reference(s, &open, &alt_text).unwrap_or_else(|| inline(s, &open, alt_text))
    };
    if !linked {
        // With budget left, the scan reached its end (the closing bracket, or the end of the
        // text) rather than giving up, and so answers for the brackets it passed.
        if !image && !s.out_of_budget() {
            if found {
                passed.push((close, 0, false));
            }
            remember_failures(s, mark.stack_len, &passed, found);
        }
        s.rewind(mark);
        s.pos = text_start;
        s.text(start, text_start);
    }
    true
}

/// Where a link or image opens here (`[` or `![`, `(?=[^^])`: not a footnote marker, and a
/// character follows), and whether it is an image.
fn opener(s: &Spans<'_, '_>) -> Option<(usize, bool)> {
    let r = s.rest();
    let image = r.starts_with("![");
    if !(image || r.starts_with('[')) {
        return None;
    }
    match r.as_bytes().get(if image { 2 } else { 1 }) {
        None | Some(b'^') => None,
        _ => Some((s.pos, image)),
    }
}

/// A link or image whose text is being read.
struct Open {
    kind: Kind,
    /// The index of its start event in the output, filled in by `finish`.
    index: usize,
}

/// Parses the text as spans up to the `]` that balances the opening bracket (images inside
/// count); the position is left on it. Every bracket passed on the way at the link's own level
/// goes into `passed` with the depth after it, for `remember_failures`.
fn link_text(s: &mut Spans<'_, '_>, open: &Open, passed: &mut Passed) -> bool {
    let image = open.kind == Kind::Image;
    let mut count: i64 = 1;
    s.parse(Some(Stop::LinkBracket), &super::ALL, &mut |s, m| {
        let open = m != StopMatch::CloseBracket;
        count += if open { 1 } else { -1 };
        let images = s.stack.last().map_or(0, |f| f.images) as i64;
        let depth = count - images;
        if depth != 0 && !image {
            passed.push((s.pos, depth, open));
        }
        depth == 0
    })
}

/// Brackets a link's text passed: where, the depth after it, whether it opens.
type Passed = Vec<(usize, i64, bool)>;

/// `\s*?\[([^\]]+)?\]` after the text, or nothing that opens a URL: a reference to a link
/// definition (by the id, or by the text itself). `None` when a `(` follows instead; `false`
/// when the id is not defined.
fn reference(s: &mut Spans<'_, '_>, open: &Open, alt_text: &str) -> Option<bool> {
    let b = s.src.as_bytes();
    let p = s.pos + leading(&s.src[s.pos..], is_ruby_space);
    let reference = if b.get(p) == Some(&b'[') {
        s.src[p + 1..]
            .find(']')
            .map(|close| (&s.src[p + 1..p + 1 + close], p + 1 + close + 1))
    } else {
        None
    };
    if reference.is_none() && b.get(s.pos) == Some(&b'(') {
        return None;
    }
    let (id, after) = match reference {
        Some((id, after)) if !id.is_empty() => (normalize_id(id), after),
        Some((_, after)) => (normalize_id(alt_text), after),
        None => (normalize_id(alt_text), s.pos),
    };
    let Some((url, title)) = s.defs.links.get(&id) else {
        return Some(false);
    };
    let cost = url.len() + title.as_ref().map_or(0, String::len);
    if !s.defs.budget.charge(Use::Link, cost) {
        if let Some(warning) = s.defs.budget.warning(Use::Link, s.pos) {
            s.issues.push(warning);
        }
        return Some(false);
    }
    s.pos = after;
    let (url, title) = (CowStr::from(url.clone()), title.clone().map(CowStr::from));
    finish(
        s,
        open,
        LinkType::Reference,
        url,
        title,
        alt_text.to_owned(),
    );
    Some(true)
}

/// `(url)`, `(<url>)`, `(url "title")`: the position is on the `(`. False when it does not close.
fn inline(s: &mut Spans<'_, '_>, open: &Open, alt_text: String) -> bool {
    let src = s.src;
    let paren = s.pos;
    // `(<url>)` or `(<url> "title")`
    let mut url = None;
    if let Some((u, after)) = angle_url(src, paren) {
        s.pos = after;
        if src.as_bytes().get(after) == Some(&b')') {
            s.pos += 1;
            finish(
                s,
                open,
                LinkType::Inline,
                CowStr::Borrowed(u),
                None,
                alt_text,
            );
            return true;
        }
        url = Some(u);
    }
    if url.is_none() {
        let (end, scanned) = balanced_url_end(src, paren);
        s.spend(scanned);
        let Some((end, closed)) = end else {
            return false;
        };
        let u = src[paren + 1..end].trim_matches(is_ruby_space_char);
        s.pos = end + 1;
        if closed {
            finish(
                s,
                open,
                LinkType::Inline,
                CowStr::Borrowed(u),
                None,
                alt_text,
            );
            return true;
        }
        url = Some(u);
    }
    let Some((title, after)) = title(s) else {
        return false;
    };
    s.pos = after;
    let url = CowStr::Borrowed(url.unwrap_or(""));
    let title = Some(CowStr::Borrowed(title));
    finish(s, open, LinkType::Inline, url, title, alt_text);
    true
}

/// `<url>` right after the `(` at `paren`, on one line: the URL and the offset after the `>`.
fn angle_url(src: &str, paren: usize) -> Option<(&str, usize)> {
    if src.as_bytes().get(paren + 1) != Some(&b'<') {
        return None;
    }
    let line = &src[paren + 2..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let close = line.find('>')?;
    Some((&src[paren + 2..paren + 2 + close], paren + 2 + close + 1))
}

/// `(\()|(\))|\s(?=['"])` from the `(` at `paren`: the `)` that balances it (`true`), or the
/// white space before a quote that starts a title (`false`); and the bytes scanned.
fn balanced_url_end(src: &str, paren: usize) -> (Option<(usize, bool)>, usize) {
    let b = src.as_bytes();
    let mut depth = 0i64;
    let mut q = paren;
    while q < b.len() {
        match b[q] {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return (Some((q, true)), q - paren);
                }
            }
            c if is_ruby_space(c) && matches!(b.get(q + 1), Some(b'"' | b'\'')) => {
                return (Some((q, depth == 0)), q - paren);
            }
            _ => {}
        }
        q += 1;
    }
    (None, q - paren)
}

/// `\s*?(["'])(.+?)\1\s*?\)` at the position: the title and the offset after the `)`. A search
/// that failed from an earlier place fails from here too, so it is not repeated.
fn title<'s>(s: &mut Spans<'s, '_>) -> Option<(&'s str, usize)> {
    let quote = s.src[s.pos..]
        .trim_start_matches(is_ruby_space_char)
        .bytes()
        .next();
    let slot = match quote {
        Some(b'"') => Some(0),
        Some(b'\'') => Some(1),
        _ => None,
    };
    let known_to_fail = slot.is_some_and(|k| s.title_failed_from[k] <= s.pos);
    let title = if known_to_fail {
        None
    } else {
        title_at(s.src, s.pos)
    };
    if title.is_none() {
        if let Some(k) = slot {
            s.title_failed_from[k] = s.title_failed_from[k].min(s.pos);
        }
    }
    title
}

/// A link that failed has scanned the text after it, and that scan answers for every `[` it
/// passed at its own level: from such a `[`, a link would see the same brackets after it (in the
/// same context, nothing before it counts), with the depth counted from there, and its text ends
/// at the first later bracket where the failed link's depth falls one below what it was just
/// after that `[`. With no such bracket (`found` false: the scan reached the end of the text) it
/// cannot be a link; with one, it cannot either when what follows that bracket cannot make it one
/// (`fails_after`). Those are read as text without scanning again: without this, `[` × n, or
/// `[` × n `a` `]` × n, scans the text once per `[` (until the budget ends it).
fn remember_failures(s: &mut Spans<'_, '_>, stack_len: usize, passed: &Passed, found: bool) {
    // Most links that fail (`[a](` never closed, `[undefined]`) passed no bracket: nothing to learn.
    if !passed.iter().any(|&(_, _, open)| open) {
        return;
    }
    let context: Vec<Kind> = s.stack[..stack_len].iter().map(|f| f.kind).collect();
    if s.links_failing.0 != context {
        // What a link that reached the end of the text learned saves a rescan per `[`; what one
        // that closed learned saves less, and does not replace it.
        if found && !s.links_failing.1.is_empty() {
            return;
        }
        s.links_failing.0 = context;
        s.links_failing.1.clear();
    }
    // For each depth (from `low`), the nearest bracket after the one at hand that left the scan
    // at it; and the nearest closing bracket after it.
    let depths = passed.iter().map(|&(_, depth, _)| depth);
    let low = depths.clone().min().unwrap_or(0).min(0) - 1;
    let high = depths.max().unwrap_or(0);
    let mut later = vec![usize::MAX; (high - low + 1) as usize];
    let slot = |depth: i64| (depth - low) as usize;
    let mut next_close = None;
    for &(at, depth, open) in passed.iter().rev() {
        if open {
            let fails = match later[slot(depth - 1)] {
                usize::MAX => true,
                close => {
                    let holds_bracket = next_close.is_some_and(|c| c < close);
                    found && fails_after(s, at, close, holds_bracket)
                }
            };
            if fails {
                s.links_failing.1.insert(at);
            }
        } else {
            next_close = Some(at);
        }
        later[slot(depth)] = at;
    }
}

/// Whether a link whose text runs from the `[` at `open` to the `]` at `close` fails for what
/// follows: no `(` or `[` that could make it an inline link or a reference by id, and a text that
/// names no link definition. An id holds no `]` (a definition's ends at the first), so a text
/// that `holds_bracket` (a bracket pair of its own) fails unless a site's `link_defs` defined
/// such an id (then it is left to be tried); any other text is looked up, and such texts do not
/// nest, so looking them all up reads the text once.
fn fails_after(s: &Spans<'_, '_>, open: usize, close: usize, holds_bracket: bool) -> bool {
    let b = s.src.as_bytes();
    let next = close + 1;
    let p = next + leading(&s.src[next..], is_ruby_space);
    if matches!(b.get(next), Some(b'(')) || matches!(b.get(p), Some(b'[')) {
        return false;
    }
    let defs = s.defs;
    if defs.links.is_empty() {
        return true;
    }
    if holds_bracket {
        return !defs.ids_with_bracket();
    }
    !defs
        .links
        .contains_key(&normalize_id(&unescape(&s.src[open + 1..close])))
}

/// Whether a link starting at `at` is already known not to close (see `remember_failures`).
fn known_to_fail(s: &Spans<'_, '_>, at: usize) -> bool {
    let (context, failing) = &s.links_failing;
    failing.contains(at)
        && context.len() == s.stack.len()
        && context.iter().zip(&s.stack).all(|(k, f)| *k == f.kind)
}

/// Fills in the start event and closes the element; an image keeps only its alt text.
fn finish<'s>(
    s: &mut Spans<'s, '_>,
    open: &Open,
    link_type: LinkType,
    url: CowStr<'s>,
    title: Option<CowStr<'s>>,
    alt_text: String,
) {
    let title = title.unwrap_or(CowStr::Borrowed(""));
    let id = CowStr::Borrowed("");
    let open_index = open.index;
    if open.kind == Kind::Image {
        s.out.truncate(open_index + 1);
        s.out[open_index] = super::Out::Event(Ev::start(Tag::Image {
            link_type,
            dest_url: url,
            title,
            id,
        }));
        s.push(Event::Text(CowStr::from(alt_text)));
        s.close(TagEnd::Image);
    } else {
        s.out[open_index] = super::Out::Event(Ev::start(Tag::Link {
            link_type,
            dest_url: url,
            title,
            id,
        }));
        s.close(TagEnd::Link);
    }
}

/// A title and the `)` after it, at `i`.
fn title_at(src: &str, i: usize) -> Option<(&str, usize)> {
    let b = src.as_bytes();
    let mut p = i;
    while p < b.len() && is_ruby_space(b[p]) {
        p += 1;
    }
    let q = *b.get(p)?;
    if q != b'"' && q != b'\'' {
        return None;
    }
    // The first closing quote (after at least one character) followed by white space and `)`.
    let mut k = p + 2;
    while k < b.len() {
        if b[k] == q {
            let mut after = k + 1;
            while after < b.len() && is_ruby_space(b[after]) {
                after += 1;
            }
            if b.get(after) == Some(&b')') {
                return Some((&src[p + 1..k], after + 1));
            }
        }
        k += 1;
    }
    None
}

/// kramdown's link ids: white space runs become one space, letters lower-case.
pub(crate) fn normalize_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    let mut space = false;
    for c in id.chars() {
        if c.is_ascii() && is_ruby_space(c as u8) {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(crate::ruby::case::lower(c));
    }
    if space {
        out.push(' ');
    }
    out
}

/// Removes kramdown's (non-GFM) escapes `\X` from raw text, as for alt text.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&n) = chars.peek() {
                if "\\.*_+`<>()[]{}#!:|\"'$=-".contains(n) {
                    out.push(n);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_at_should_find_the_quote_that_is_followed_by_a_paren() {
        assert_eq!(title_at(r#" "a "b" c")x"#, 0), Some((r#"a "b" c"#, 11)));
        assert_eq!(title_at(r#""t" )"#, 0), Some(("t", 5)));
        assert_eq!(title_at(r#""t" x"#, 0), None);
    }

    #[test]
    fn normalize_id_should_fold_space_and_case() {
        assert_eq!(normalize_id("Foo \n Bar"), "foo bar");
    }

    #[test]
    fn unescape_should_drop_backslashes_before_kramdown_escapes_only() {
        assert_eq!(unescape(r"a\*b\~c"), r"a*b\~c");
    }
}
