//! Code blocks: indented by four spaces or a tab, or fenced by ``` or ~~~ (GFM).
//!
//! Reference: kramdown 2.4 `parser/kramdown/codeblock.rb` (`CODEBLOCK_MATCH`) and
//! kramdown-parser-gfm's `FENCED_CODEBLOCK_MATCH`. An indented block takes following unindented
//! lines too (joined to the line before by a space) until a blank line; a fence is only a code
//! block once its closing fence is found, and its info string must be a single word.

use super::{html_block, is_blank, is_eob, is_ial_line, strip_opt_space, Blocks, Last};
use crate::ctype::{is_ruby_space, opt_space};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};

/// `^(?:\t| {4})`
fn indented_by_one(line: &str) -> Option<&str> {
    line.strip_prefix('\t')
        .or_else(|| line.strip_prefix("    "))
}

pub(super) fn indented(b: &mut Blocks<'_, '_, '_>) -> bool {
    let first = b.line_at(b.pos);
    if indented_by_one(first).is_none_or(is_blank) {
        return false;
    }
    let start = b.pos;
    let end = indented_run_end(b, start);
    if end == start {
        return false;
    }
    let mut data = String::with_capacity(end - start);
    let raw = &b.src[start..end];
    for (i, line) in raw.split_inclusive('\n').enumerate() {
        // `gsub(/\n( {0,3}\S)/, ' \1')`: a lazy line joins the one before with a space.
        let lazy = i > 0 && {
            let n = opt_space(line);
            line.as_bytes().get(n).is_some_and(|&c| !is_ruby_space(c))
        };
        if lazy && data.ends_with('\n') {
            data.pop();
            data.push(' ');
        }
        data.push_str(indented_by_one(line).unwrap_or(line));
    }
    b.pos = end;
    b.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)), start);
    b.push(Event::Text(CowStr::from(data)), start);
    b.push(Event::End(TagEnd::CodeBlock), start);
    b.last = Last::Other;
    true
}

/// The end of `CODEBLOCK_MATCH` from `start`: runs of indented lines, each run after optional
/// blank lines and followed by the non-blank lines that continue it (lazily).
pub(super) fn indented_run_end(b: &Blocks<'_, '_, '_>, start: usize) -> usize {
    let mut end = start;
    loop {
        let mut p = end;
        while p < b.src.len() && is_blank(b.line_at(p)) {
            p = b.line_end(p);
        }
        let mut took_indented = false;
        while p < b.src.len()
            && indented_by_one(b.line_at(p)).is_some_and(|r| !is_blank(r))
            && has_newline(b, p)
        {
            p = b.line_end(p);
            took_indented = true;
        }
        if !took_indented {
            return end;
        }
        while p < b.src.len() && has_newline(b, p) {
            let line = b.line_at(p);
            if is_blank(line)
                || is_ial_line(line)
                || is_eob(line)
                || html_block::lazy_end(strip_opt_space(line))
            {
                break;
            }
            p = b.line_end(p);
        }
        end = p;
    }
}

/// Removes one level of indentation (a tab or four spaces) from every line (`gsub(INDENT, '')`).
pub(super) fn unindent(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        out.push_str(indented_by_one(line).unwrap_or(line));
    }
    out
}

fn has_newline(b: &Blocks<'_, '_, '_>, p: usize) -> bool {
    b.src.as_bytes()[b.line_end(p) - 1] == b'\n'
}

pub(super) fn fenced(b: &mut Blocks<'_, '_, '_>) -> bool {
    let start = b.pos;
    let line = b.line_at(start);
    // kramdown's own parser: `~~~` only, at the start of the line (opening and closing).
    let gfm = b.options.input == crate::markdown::options::Input::Gfm;
    if !gfm && !line.starts_with("~~~") {
        return false;
    }
    let lead = line.len() - strip_opt_space(line).len();
    let t = &line[lead..];
    let fence_len = t.bytes().take_while(|&c| c == b'`' || c == b'~').count();
    if fence_len < 3 {
        return false;
    }
    let fence = &t[..fence_len];
    let last_char = fence.as_bytes()[fence_len - 1];
    // The info string: white space, at most one word (`?…` dropped from the class), white space.
    let info = t[fence_len..].trim_matches(|c: char| c.is_ascii_whitespace());
    if info.contains(|c: char| c.is_ascii_whitespace()) || !has_newline(b, start) {
        return false;
    }
    let body_start = b.line_end(start);
    let mut p = body_start;
    let close = loop {
        if p >= b.src.len() {
            return false;
        }
        let l = b.line_at(p);
        let l2 = if gfm { strip_opt_space(l) } else { l };
        if let Some(rest) = l2.strip_prefix(fence) {
            let rest = rest.trim_start_matches(last_char as char);
            if super::is_blank(rest) && has_newline(b, p) {
                break p;
            }
        }
        p = b.line_end(p);
    };
    let body = &b.src[body_start..close];
    b.pos = b.line_end(close);
    let lang = info.split('?').next().unwrap_or("");
    let kind = if info.is_empty() {
        CodeBlockKind::Indented
    } else {
        CodeBlockKind::Fenced(CowStr::Borrowed(lang))
    };
    b.push(Event::Start(Tag::CodeBlock(kind)), start);
    b.push(Event::Text(CowStr::Borrowed(body)), start);
    b.push(Event::End(TagEnd::CodeBlock), start);
    b.last = Last::Other;
    true
}
