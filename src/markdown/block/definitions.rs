//! Definitions that write nothing where they stand: link definitions `[id]: url "title"`,
//! footnote definitions `[^name]: text` and abbreviations `*[HTML]: text`.
//!
//! Reference: kramdown 2.4 `parser/kramdown/link.rb` (`LINK_DEFINITION_START`),
//! `footnote.rb` and `abbreviation.rb`. A later definition of the same id wins.

use super::{strip_opt_space, Blocks, Last};
use crate::markdown::html::is_space;

/// `^ {0,3}\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?(["'])(.+?)\4)?[ \t]*?\n`
pub(super) fn link(b: &mut Blocks<'_, '_>) -> bool {
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
    let key = normalize(id);
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

fn normalize(id: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in id.chars() {
        if c.is_ascii() && is_space(c as u8) {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.extend(c.to_lowercase());
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Footnote definitions. Not supported yet: the line stays text.
pub(super) fn footnote(_b: &mut Blocks<'_, '_>) -> bool {
    false
}

/// Abbreviation definitions. Not supported yet: the line stays text.
pub(super) fn abbreviation(_b: &mut Blocks<'_, '_>) -> bool {
    false
}
