//! Links `[text](url "title")`, `[text][id]`, `[id]` and images `![alt](src)`, by kramdown's
//! rules.
//!
//! Reference: kramdown 2.4 `parser/kramdown/link.rb`. The text is parsed as spans up to the `]`
//! that balances the opening `[` (nested images count); the URL runs to the `)` that balances the
//! `(` and may contain spaces (`(a.png =602x305)` is one URL); it is not percent-encoded. An
//! image's alt text is its raw text with escapes removed. A reference to an undefined id is text.

use super::{Kind, Spans, Stop, StopMatch};
use crate::ctype::is_ruby_space;
use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

pub(super) fn parse(s: &mut Spans<'_, '_>) -> bool {
    let r = s.rest();
    let image = r.starts_with("![");
    let open_len = if image { 2 } else { 1 };
    if !(image || r.starts_with('[')) {
        return false;
    }
    // `(?=[^^])`: a footnote marker is not a link, and there must be a character after `[`.
    match r.as_bytes().get(open_len) {
        None | Some(b'^') => return false,
        _ => {}
    }
    let start = s.pos;
    let text_start = start + open_len;
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
    let fallback = |s: &mut Spans<'_, '_>| {
        s.rewind(mark);
        s.pos = text_start;
        s.text(start, text_start);
        true
    };

    let open_index = s.open(kind, super::placeholder(kind));
    let mut count: i64 = 1;
    // The brackets passed over without closing the link, for `remember_failures`.
    let mut passed: Vec<(usize, i64, bool)> = Vec::new();
    let found = s.parse(Some(Stop::LinkBracket), &super::ALL, &mut |s, m| {
        let open = m != StopMatch::CloseBracket;
        count += if open { 1 } else { -1 };
        let images = s.stack.last().map_or(0, |f| f.images) as i64;
        let depth = count - images;
        if depth != 0 && !image {
            passed.push((s.pos, depth, open));
        }
        depth == 0
    });
    if !found {
        // With budget left, the scan reached the end of the text rather than giving up.
        if !image && !s.out_of_budget() {
            remember_failures(s, mark.stack_len, &passed);
        }
        return fallback(s);
    }
    let text_end = s.pos;
    let alt_text = unescape(&s.src[text_start..text_end]);
    s.pos += 1; // `]`

    let b = s.src.as_bytes();
    // `\s*?\[([^\]]+)?\]`: a reference `[id]` or `[]`, possibly after white space.
    let mut p = s.pos;
    while p < b.len() && is_ruby_space(b[p]) {
        p += 1;
    }
    let reference = if b.get(p) == Some(&b'[') {
        s.src[p + 1..]
            .find(']')
            .map(|close| (&s.src[p + 1..p + 1 + close], p + 1 + close + 1))
    } else {
        None
    };
    if reference.is_some() || b.get(s.pos) != Some(&b'(') {
        let (id, after) = match reference {
            Some((id, after)) if !id.is_empty() => (normalize_id(id), after),
            Some((_, after)) => (normalize_id(&alt_text), after),
            None => (normalize_id(&alt_text), s.pos),
        };
        let Some((url, title)) = s.defs.links.get(&id) else {
            return fallback(s);
        };
        s.pos = after;
        finish(
            s,
            open_index,
            kind,
            LinkType::Reference,
            CowStr::from(url.clone()),
            title.clone().map(CowStr::from),
            alt_text,
        );
        return true;
    }

    // `(<url>)` or `(<url> "title")`
    let paren = s.pos;
    let mut url: Option<CowStr> = None;
    if b.get(paren + 1) == Some(&b'<') {
        let line = &s.src[paren + 2..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        if let Some(close) = line.find('>') {
            let u = &s.src[paren + 2..paren + 2 + close];
            s.pos = paren + 2 + close + 1;
            if b.get(s.pos) == Some(&b')') {
                s.pos += 1;
                finish(
                    s,
                    open_index,
                    kind,
                    LinkType::Inline,
                    CowStr::Borrowed(u),
                    None,
                    alt_text,
                );
                return true;
            }
            url = Some(CowStr::Borrowed(u));
        }
    }
    if url.is_none() {
        // `(\()|(\))|\s(?=['"])`: balance parentheses; white space before a quote starts a title.
        let mut depth = 0i64;
        let mut q = paren;
        let mut end = None;
        while q < b.len() {
            match b[q] {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(q);
                        break;
                    }
                }
                c if is_ruby_space(c) && matches!(b.get(q + 1), Some(b'"' | b'\'')) => {
                    end = Some(q);
                    break;
                }
                _ => {}
            }
            q += 1;
        }
        s.spend(q - paren);
        let Some(end) = end else {
            return fallback(s);
        };
        let u =
            s.src[paren + 1..end].trim_matches(|c: char| c.is_ascii() && is_ruby_space(c as u8));
        s.pos = end + 1;
        if depth == 0 {
            finish(
                s,
                open_index,
                kind,
                LinkType::Inline,
                CowStr::Borrowed(u),
                None,
                alt_text,
            );
            return true;
        }
        url = Some(CowStr::Borrowed(u));
    }
    // `\s*?(["'])(.+?)\1\s*?\)`; a search that failed from an earlier place fails from here too.
    let quote = s.src[s.pos..]
        .trim_start_matches(|c: char| c.is_ascii() && is_ruby_space(c as u8))
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
    match title {
        Some((title, after)) => {
            s.pos = after;
            let url = url.unwrap_or(CowStr::Borrowed(""));
            finish(
                s,
                open_index,
                kind,
                LinkType::Inline,
                url,
                Some(CowStr::Borrowed(title)),
                alt_text,
            );
            true
        }
        None => fallback(s),
    }
}

/// Fills in the start event and closes the element; an image keeps only its alt text.
/// A link that found no closing bracket has scanned the rest of the text, and that scan answers
/// for every `[` it passed at its own level: from such a `[`, a link would see the same brackets
/// after it (in the same context, nothing before it counts), with the depth counted from there,
/// and it closes only where the failed link's depth falls one below what it was just after that
/// `[`. Those with no such place later cannot be links either, and are read as text without
/// scanning again: without this, `[` × n scans the text once per `[` (until the budget ends it).
fn remember_failures(s: &mut Spans<'_, '_>, stack_len: usize, passed: &[(usize, i64, bool)]) {
    let context: Vec<Kind> = s.stack[..stack_len].iter().map(|f| f.kind).collect();
    if s.links_failing.0 != context {
        s.links_failing = (context, Default::default());
    }
    let mut later = std::collections::HashSet::new();
    for &(at, depth, open) in passed.iter().rev() {
        if open && !later.contains(&(depth - 1)) {
            s.links_failing.1.insert(at);
        }
        later.insert(depth);
    }
}

/// Whether a link starting at `at` is already known not to close (see `remember_failures`).
fn known_to_fail(s: &Spans<'_, '_>, at: usize) -> bool {
    let (context, failing) = &s.links_failing;
    failing.contains(&at)
        && context.len() == s.stack.len()
        && context.iter().zip(&s.stack).all(|(k, f)| *k == f.kind)
}

fn finish<'s>(
    s: &mut Spans<'s, '_>,
    open_index: usize,
    kind: Kind,
    link_type: LinkType,
    url: CowStr<'s>,
    title: Option<CowStr<'s>>,
    alt_text: String,
) {
    let title = title.unwrap_or(CowStr::Borrowed(""));
    let id = CowStr::Borrowed("");
    if kind == Kind::Image {
        s.out.truncate(open_index + 1);
        s.out[open_index] = super::Out::Event(Event::Start(Tag::Image {
            link_type,
            dest_url: url,
            title,
            id,
        }));
        s.push(Event::Text(CowStr::from(alt_text)));
        s.close(TagEnd::Image);
    } else {
        s.out[open_index] = super::Out::Event(Event::Start(Tag::Link {
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
        out.extend(c.to_lowercase());
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
