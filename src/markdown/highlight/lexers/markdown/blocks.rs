//! The line rules of rouge 3.30's `Markdown` lexer: setext and ATX headings, fences (handed to
//! `fence.rs`), indented code, rules of `*` or `-`, list and quote marks, link definitions.

use super::{Mark, Markdown, St};
use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{emit::Emitter, scan::Scan, token::Tok};

/// Ruby's `[\S ]`: any character but white space other than a space.
fn heading_char(c: u8) -> bool {
    c == b' ' || !is_ruby_space(c)
}

impl Markdown {
    /// Headings and fences, at a line's start.
    pub(super) fn line_start(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if let Some((tok, n)) = setext(s) {
            e.tok(tok, s.take(n));
            return true;
        }
        if s.at(0) == Some(b'#') {
            // `^#(?=[^#]).*?$` is a heading, `^##*.*?$` a subheading.
            let tok = match s.at(1) {
                Some(c) if c != b'#' => Tok::GenericHeading,
                _ => Tok::GenericSubheading,
            };
            let n = s.to_eol(0);
            e.tok(tok, s.take(n));
            return true;
        }
        self.fence(s, e)
    }

    /// `\n\n((    |\t).*?\n|\n)+`: indented code after a blank line.
    pub(super) fn indented_code(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if !s.starts("\n\n") {
            return false;
        }
        let mut k = 2;
        loop {
            let indent = if s.rest()[k..].starts_with("    ") {
                4
            } else {
                usize::from(s.at(k) == Some(b'\t'))
            };
            if indent > 0 {
                let eol = s.to_eol(k + indent);
                if s.at(k + indent + eol) == Some(b'\n') {
                    k += indent + eol + 1;
                    continue;
                }
            }
            if s.at(k) == Some(b'\n') {
                k += 1;
                continue;
            }
            break;
        }
        if k == 2 {
            return false;
        }
        e.tok(Tok::StrBacktick, s.take(k));
        true
    }

    /// Rules, list and quote marks and link definitions, at a line's start.
    pub(super) fn marks(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        for mark in [b'*', b'-'] {
            if let Some(n) = rule_line(s, mark) {
                e.tok(Tok::Punctuation, s.take(n));
                return true;
            }
        }
        let ws = s.run(0, is_ruby_space);
        match s.at(ws) {
            Some(b'*' | b'+' | b'-') if s.at(ws + 1).is_some_and(is_ruby_space) => {
                e.tok(Tok::Punctuation, s.take(ws + 1));
                return true;
            }
            Some(b'0'..=b'9') => {
                let d = s.run(ws, |c| c.is_ascii_digit());
                if s.at(ws + d) == Some(b'.') {
                    e.tok(Tok::Punctuation, s.take(ws + d + 1));
                    return true;
                }
            }
            Some(b'>') => {
                let n = ws + s.to_eol(ws);
                e.tok(Tok::GenericTraceback, s.take(n));
                return true;
            }
            Some(b'[') => return self.link_definition(s, e, ws),
            _ => {}
        }
        false
    }

    /// `^(\s*)(\[)(edot+?)(\])(\s*)(:)`, then a url and a title.
    fn link_definition(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, ws: usize) -> bool {
        let open = s.pos + ws;
        // The one unit `edot+?` needs (which may be a `]` itself), then the closing `]`.
        let unit = match s.at(ws + 1) {
            Some(b'\\') => match s.dot(ws + 2) {
                0 => return false,
                n => 1 + n,
            },
            _ => s.dot(ws + 1),
        };
        if unit == 0 {
            return false;
        }
        let Some(close) = self.ahead.unit_end(s.src, open + 1 + unit, Mark::RefEnd) else {
            return false;
        };
        e.tok(Tok::Text, s.take(ws));
        e.tok(Tok::Punctuation, s.take(1));
        e.tok(Tok::StrSymbol, s.take(close - s.pos));
        e.tok(Tok::Punctuation, s.take(1));
        let gap = s.run(0, is_ruby_space);
        e.tok(Tok::Text, s.take(gap));
        e.tok(Tok::Punctuation, s.take(1));
        self.stack.push(St::Title);
        self.stack.push(St::Url);
        true
    }
}

/// `^[\S ]+\n(?:---*)\n` (a heading) or `^[\S ]+\n(?:===*)\n` (a subheading): token, length.
fn setext(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let text = s.run(0, heading_char);
    if text == 0 || s.at(text) != Some(b'\n') {
        return None;
    }
    let (tok, mark) = match s.at(text + 1)? {
        b'-' => (Tok::GenericHeading, b'-'),
        b'=' => (Tok::GenericSubheading, b'='),
        _ => return None,
    };
    let n = s.rest().as_bytes()[text + 1..]
        .iter()
        .take_while(|&&c| c == mark)
        .count();
    (n >= 2 && s.at(text + 1 + n) == Some(b'\n')).then_some((tok, text + n + 2))
}

/// `^(\s*[m]){3,}\s*$` for the mark `m`: its length. The marks may stand on several lines; the
/// last one taken is the latest after which white space reaches a line end (the match stops
/// before its last line end) or the end of the code.
fn rule_line(s: &Scan<'_>, mark: u8) -> Option<usize> {
    let mut marks = Vec::new();
    let mut k = 0;
    loop {
        let ws = s.run(k, is_ruby_space);
        if s.at(k + ws) != Some(mark) {
            break;
        }
        marks.push(k + ws);
        k += ws + 1;
    }
    if marks.len() < 3 {
        return None;
    }
    marks[2..].iter().rev().find_map(|&m| {
        let ws = s.run(m + 1, is_ruby_space);
        if s.pos + m + 1 + ws >= s.src.len() {
            return Some(m + 1 + ws);
        }
        s.rest().as_bytes()[m + 1..m + 1 + ws]
            .iter()
            .rposition(|&c| c == b'\n')
            .map(|i| m + 1 + i)
    })
}
