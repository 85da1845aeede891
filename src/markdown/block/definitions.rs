//! Definitions that write nothing where they stand: link definitions `[id]: url "title"`,
//! footnote definitions `[^name]: text` and abbreviations `*[HTML]: text`.
//!
//! Reference: kramdown 2.4 `parser/kramdown/link.rb` (`LINK_DEFINITION_START`),
//! `footnote.rb` and `abbreviation.rb`. A later definition of the same id wins.

use super::{strip_opt_space, Blocks, Item, Last};
use crate::ctype::{is_space_or_tab, leading};

/// `^ {0,3}\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?(["'])(.+?)\4)?[ \t]*?\n`
pub(super) fn link(b: &mut Blocks<'_, '_, '_>) -> bool {
    let line = b.line_at(b.pos);
    let t = strip_opt_space(line);
    let Some(rest) = t.strip_prefix('[') else {
        return false;
    };
    if rest.starts_with('^') {
        return false;
    }
    let Some(close) = rest.find(']') else {
        return false;
    };
    let id = &rest[..close];
    let Some(after) = rest[close + 1..].strip_prefix(':') else {
        return false;
    };
    if id.is_empty() {
        return false;
    }
    let value = after.trim_start_matches([' ', '\t']);
    let next_line_start = b.line_end(b.pos);
    if !b.src[..next_line_start].ends_with('\n') {
        return false;
    }
    let (url, mut title) = if let Some(inner) = value.strip_prefix('<') {
        let Some(gt) = inner.find('>') else {
            return false;
        };
        let url = &inner[..gt];
        let tail = inner[gt + 1..].trim_matches([' ', '\t']);
        match quoted(tail) {
            Some(title) => (url, Some(title)),
            None if tail.is_empty() => (url, None),
            None => return false,
        }
    } else {
        let value = value.trim_end_matches([' ', '\t']);
        if value.is_empty() {
            return false;
        }
        // A title on the same line: the URL ends at white space before a quoted tail.
        let mut split = None;
        for (i, c) in value.char_indices() {
            if (c == ' ' || c == '\t')
                && value[i..]
                    .trim_start_matches([' ', '\t'])
                    .starts_with(['"', '\''])
            {
                if let Some(title) = quoted(value[i..].trim_start_matches([' ', '\t'])) {
                    split = Some((value[..i].trim_end_matches([' ', '\t']), title));
                    break;
                }
            }
        }
        match split {
            Some((url, title)) => (url, Some(title)),
            None => {
                // `return false if @src[3] =~ /[ \t]+["']/`
                if value
                    .bytes()
                    .zip(value.bytes().skip(1))
                    .any(|(a, q)| (a == b' ' || a == b'\t') && (q == b'"' || q == b'\''))
                {
                    return false;
                }
                (value, None)
            }
        }
    };
    let mut end = next_line_start;
    if title.is_none() && next_line_start < b.src.len() {
        // A title alone on the next line.
        let next = b.line_at(next_line_start);
        if let Some(t) = quoted(next.trim_matches([' ', '\t'])) {
            if b.src[next_line_start..].contains('\n') {
                title = Some(t);
                end = b.line_end(next_line_start);
            }
        }
    }
    let key = crate::markdown::span::normalize_link_id(id);
    b.defs
        .links
        .insert(key, (url.to_owned(), title.map(str::to_owned)));
    b.pos = end;
    b.last = Last::Other;
    true
}

/// `(["'])(.+?)\1` filling the whole of `s`.
fn quoted(s: &str) -> Option<&str> {
    let q = s.chars().next().filter(|&c| c == '"' || c == '\'')?;
    let inner = s.strip_prefix(q)?.strip_suffix(q)?;
    (!inner.is_empty()).then_some(inner)
}

/// `^ {0,3}\[\^(name)\]:\s*?(.*?\n CODEBLOCK_MATCH)`: a footnote and its indented body, parsed
/// as blocks of its own (with one level of indentation removed).
pub(super) fn footnote(b: &mut Blocks<'_, '_, '_>) -> bool {
    let line = b.line_at(b.pos);
    let t = strip_opt_space(line);
    let Some(rest) = t.strip_prefix("[^") else {
        return false;
    };
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let bytes = rest.as_bytes();
    if !bytes.first().is_some_and(|&c| word(c)) {
        return false;
    }
    let name_len = 1 + bytes[1..]
        .iter()
        .take_while(|&&c| word(c) || c == b'-')
        .count();
    let Some(after) = rest[name_len..].strip_prefix("]:") else {
        return false;
    };
    let name = rest[..name_len].to_owned();
    let first_line_start = b.pos + (line.len() - after.len());
    let body_start = first_line_start + leading(after, is_space_or_tab);
    let next = b.line_end(b.pos);
    let end = super::codeblock::indented_run_end(b, next);
    let body = super::codeblock::unindent(&b.src[body_start..end]);
    let parsed = super::parse(&body, Last::Nothing, b.defs, b.options);
    let items: Vec<Item<'static>> = parsed.items.into_iter().map(super::owned).collect();
    b.defs.footnotes.insert(name.clone(), b.footnotes.len());
    b.footnotes.push((name, items));
    b.pos = end;
    b.last = Last::Other;
    true
}

/// `^ {0,3}\*\[(.+?)\]:(.*?)\n`: an abbreviation and what it stands for.
pub(super) fn abbreviation(b: &mut Blocks<'_, '_, '_>) -> bool {
    let line = b.line_at(b.pos);
    let t = strip_opt_space(line);
    let Some(rest) = t.strip_prefix("*[") else {
        return false;
    };
    let Some(close) = rest.get(1..).and_then(|r| r.find("]:")).map(|i| i + 1) else {
        return false;
    };
    if !b.src[b.pos..].contains('\n') {
        return false;
    }
    let id = rest[..close].to_owned();
    let title = rest[close + 2..].trim().to_owned();
    b.defs.abbreviations.define(id, title);
    b.pos = b.line_end(b.pos);
    b.last = Last::Other;
    true
}
