//! Fenced code in rouge 3.30's `Markdown` lexer: `^([ \t]*)(`{3,}|~{3,})([^\n]*\n)` and, if it
//! comes, the code up to a line of the same indentation and fence (`(.*?)(\n\1)(\2)`), handed
//! whole to the lexer the fence names. Without that closing line, each later line goes to the
//! same lexer until a line that starts with the fence (after any indentation).
//!
//! The lexer is found as rouge's `Lexer.find_fancy` finds it, through postview's registry: a
//! name rouge does not know colours the code as `Str::Backtick`; no name is rouge's guess, which
//! is plain text unless one of rouge's source detectors recognises the code, and those are not
//! followed here. Where postview departs from rouge: a language rouge knows that postview has
//! no lexer for is written plain (rouge colours it); options after `?` are not applied; the
//! lines of an unclosed fence are lexed as one piece (rouge lexes each line on its own, with
//! the state kept, which differs where a token would span lines); and fences nested past
//! `MAX_DEPTH` Markdown lexers deep are written plain, so that hostile nesting cannot exhaust
//! the stack.

use super::Markdown;
use crate::markdown::highlight::{emit::Emitter, registry, scan::Scan, token::Tok};
use std::cell::Cell;
use std::collections::HashMap;

const MAX_DEPTH: usize = 8;

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// How many Markdown lexers run, one inside another's fence; one more while it lives.
pub(super) struct Depth;

impl Depth {
    pub(super) fn enter() -> Self {
        DEPTH.with(|d| d.set(d.get() + 1));
        Depth
    }
}

impl Drop for Depth {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

/// Writes `code` as the lexer rouge finds for the fence's `name` would.
fn sublex(name: &str, code: &str, e: &mut Emitter<'_>) {
    let base = name.split_once('?').map_or(name, |(n, _)| n);
    if name.is_empty() || base == "guess" {
        e.tok(Tok::Text, code);
        return;
    }
    match registry::find(base) {
        // Any lexer may lead back here (GraphQL's descriptions are Markdown), so the cap holds
        // for every language.
        Some(_) if DEPTH.with(Cell::get) >= MAX_DEPTH => e.tok(Tok::Text, code),
        Some(lex) => lex(code, e),
        None if crate::markdown::rouge_languages::LANGUAGES.contains(&base) => {
            e.tok(Tok::Text, code)
        }
        None => e.tok(Tok::StrBacktick, code),
    }
}

impl Markdown {
    /// A fence at a line's start, with its code and closing line.
    pub(super) fn fence(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let indent = s.run(0, |c| c == b' ' || c == b'\t');
        let mark = match s.at(indent) {
            Some(c @ (b'`' | b'~')) => c,
            _ => return false,
        };
        let run = s.rest().as_bytes()[indent..]
            .iter()
            .take_while(|&&c| c == mark)
            .count();
        let info = s.to_eol(indent + run);
        if run < 3 || s.at(indent + run + info) != Some(b'\n') {
            return false;
        }
        let head = indent + run + info + 1;
        let name = s.rest()[indent + run..indent + run + info].trim_matches(ruby_strip);
        let name = name.to_owned();
        let close = self
            .closers
            .find(s.src, s.pos + head, &s.rest()[..indent], mark, run);
        e.tok(Tok::Text, s.take(indent));
        e.tok(Tok::Punctuation, s.take(run));
        e.tok(Tok::NameLabel, s.take(info + 1));
        match close {
            Some(q) => {
                sublex(&name, s.take(q - s.pos), e);
                e.tok(Tok::Text, s.take(1 + indent));
                e.tok(Tok::Punctuation, s.take(run));
            }
            None => self.unclosed(s, e, &name, mark, run),
        }
        true
    }

    /// The lines after a fence never closed: up to a line that starts with the fence.
    fn unclosed(
        &mut self,
        s: &mut Scan<'_>,
        e: &mut Emitter<'_>,
        name: &str,
        mark: u8,
        run: usize,
    ) {
        let b = s.src.as_bytes();
        let mut at = s.pos;
        let end = loop {
            let indent = b[at..]
                .iter()
                .take_while(|&&c| c == b' ' || c == b'\t')
                .count();
            if b[at + indent..].iter().take_while(|&&c| c == mark).count() >= run {
                break Some((at, indent));
            }
            match b[at..].iter().position(|&c| c == b'\n') {
                Some(k) => at += k + 1,
                None => break None,
            }
        };
        match end {
            Some((line, indent)) => {
                sublex(name, s.take(line - s.pos), e);
                e.tok(Tok::Text, s.take(indent));
                e.tok(Tok::Punctuation, s.take(run));
            }
            None => {
                // Lines with their `\n` go to the lexer; rouge has no rule for a last line
                // without one, so each of its characters is an error.
                sublex(name, s.take(at - s.pos), e);
                let rest = s.rest().len();
                e.tok(Tok::Error, s.take(rest));
            }
        }
    }
}

/// Ruby's `String#strip`: white space and NUL.
fn ruby_strip(c: char) -> bool {
    c == '\0' || crate::ctype::is_ruby_space_char(c)
}

/// By indentation and fence character: each line's `\n` and its count of fence characters.
type ClosingLines = HashMap<(String, u8), Vec<(usize, usize)>>;

/// Every line that may close a fence (`\n`, then indentation, then fence characters), made
/// once, so that fences never closed do not each read the code to its end.
#[derive(Default)]
pub(super) struct Closers {
    lines: Option<ClosingLines>,
}

impl Closers {
    /// The first `\n` at or after `from` followed by exactly `indent` and `run` or more `mark`s.
    fn find(
        &mut self,
        src: &str,
        from: usize,
        indent: &str,
        mark: u8,
        run: usize,
    ) -> Option<usize> {
        let lines = self.lines.get_or_insert_with(|| closing_lines(src));
        let places = lines.get(&(indent.to_owned(), mark))?;
        let first = places.partition_point(|&(q, _)| q < from);
        places[first..]
            .iter()
            .find(|&&(_, n)| n >= run)
            .map(|&(q, _)| q)
    }
}

fn closing_lines(src: &str) -> ClosingLines {
    let b = src.as_bytes();
    let mut lines = ClosingLines::new();
    for q in (0..b.len()).filter(|&i| b[i] == b'\n') {
        let indent = b[q + 1..]
            .iter()
            .take_while(|&&c| c == b' ' || c == b'\t')
            .count();
        let at = q + 1 + indent;
        if let Some(&mark @ (b'`' | b'~')) = b.get(at) {
            let n = b[at..].iter().take_while(|&&c| c == mark).count();
            lines
                .entry((src[q + 1..at].to_owned(), mark))
                .or_default()
                .push((q, n));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use crate::markdown::highlight::emit::Emitter;

    #[test]
    fn fences_nested_past_the_cap_should_be_written_plain() {
        let depth = super::MAX_DEPTH + 4;
        let mut code: String = (0..depth)
            .map(|i| format!("{}markdown\n", "`".repeat(3 + depth - i)))
            .collect();
        code.push_str("# deep\n");
        let mut out = String::new();
        let mut e = Emitter::new(&mut out);
        super::super::lex(&code, &mut e);
        e.finish();
        assert!(
            out.contains("# deep") && !out.contains("<span class=\"gh\"># deep"),
            "code nested past the cap should be written plain"
        );
        assert_eq!(
            super::DEPTH.with(std::cell::Cell::get),
            0,
            "every level should be left when its lexer ends"
        );
    }
}
