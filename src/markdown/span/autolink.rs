//! Autolinks `<https://…>` and `<name@host>`.
//!
//! Reference: kramdown 2.4 `parser/kramdown/autolink.rb`: `mailto:`, `http(s):` and `ftp(s):`
//! URLs up to the first `>` on the line, or `chars@chars` of letters, digits, `-`, `_`, `.`.

use super::Spans;
use crate::markdown::unicode::is_alnum;
use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

pub(super) fn parse(s: &mut Spans<'_, '_>) -> bool {
    let Some((inner, end)) = matches(s.rest()) else {
        return false;
    };
    let start = s.pos;
    let inner_start = start + 1;
    let inner = &s.src[inner_start..inner_start + inner.len()];
    let email = !has_scheme(inner);
    let href: CowStr = if email {
        CowStr::from(format!("mailto:{inner}"))
    } else {
        CowStr::Borrowed(inner)
    };
    let shown = inner.strip_prefix("mailto:").unwrap_or(inner);
    s.push(Event::Start(Tag::Link {
        link_type: if email {
            LinkType::Email
        } else {
            LinkType::Autolink
        },
        dest_url: href,
        title: CowStr::Borrowed(""),
        id: CowStr::Borrowed(""),
    }));
    s.push(Event::Text(CowStr::Borrowed(shown)));
    s.push(Event::End(TagEnd::Link));
    s.pos = start + end;
    true
}

fn has_scheme(inner: &str) -> bool {
    ["mailto:", "http:", "https:", "ftp:", "ftps:"]
        .iter()
        .any(|p| inner.starts_with(p))
}

/// `<((mailto|https?|ftps?):.+?|[A]+?@[A]+?)>`: the inner text and the length of the match.
fn matches(r: &str) -> Option<(&str, usize)> {
    let body = r.strip_prefix('<')?;
    if has_scheme(body) {
        let colon = body.find(':')?;
        // `.+?` then `>`: at least one character after the colon, on the same line.
        let line = &body[..body.find('\n').unwrap_or(body.len())];
        let close = line[colon + 1..]
            .char_indices()
            .skip(1)
            .find(|&(_, c)| c == '>')
            .map(|(i, _)| colon + 1 + i)?;
        return Some((&body[..close], close + 2));
    }
    let is_achar = |c: char| is_alnum(c) || matches!(c, '-' | '_' | '.');
    let mut chars = body.char_indices();
    let mut at = None;
    for (i, c) in chars.by_ref() {
        if c == '@' && i > 0 {
            at = Some(i);
            break;
        }
        if !is_achar(c) {
            return None;
        }
    }
    let at = at?;
    let mut end = None;
    for (i, c) in chars {
        if c == '>' && i > at + 1 {
            end = Some(i);
            break;
        }
        if !is_achar(c) {
            return None;
        }
    }
    let end = end?;
    Some((&body[..end], end + 2))
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn matches_should_find_urls_and_addresses() {
        assert_eq!(matches("<https://a.b/c> x"), Some(("https://a.b/c", 15)));
        assert_eq!(matches("<me@ex.ample>"), Some(("me@ex.ample", 13)));
        assert_eq!(
            matches("<http:>"),
            None,
            "a URL should have something after the colon"
        );
        assert_eq!(matches("<a b@c>"), None, "an address has no spaces");
    }
}
