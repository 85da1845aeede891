//! The Ruby lexer's strings: quotes, symbols, `%` literals, regexes, interpolation, escapes and
//! heredocs (rouge's `strings`, `sigil_strings`, `string_intp_escaped`, `simple_*`,
//! `slash_regex`, `has_heredocs`, `resolve_heredocs`, `test_heredoc`).

use super::literals::*;
use super::{Ruby, Sigil, St};
use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{emit::Emitter, scan::Scan, token::Tok};

impl Ruby {
    /// `symbols` and `strings`.
    pub(super) fn strings(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if let Some(n) = symbol(s) {
            return self.tok(s, e, Tok::StrSymbol, n);
        }
        if s.starts(":\"") {
            e.tok(Tok::StrSymbol, s.take(2));
            self.stack.push(St::Simple(b'"', Tok::StrSymbol));
            return true;
        }
        let w = lower_name(s, 0);
        if w > 0 {
            let q = usize::from(matches!(s.at(w), Some(b'?' | b'!')));
            let ws = s.run(w + q + 1, is_ruby_space);
            if s.at(w + q) == Some(b':') && ws > 0 {
                e.tok(Tok::StrSymbol, s.take(w + q + 1 + ws));
                self.stack.push(St::ExprStart);
                return true;
            }
        }
        match s.at(0) {
            Some(b'\'') => match single_quoted(s, 0) {
                Some(n) => self.tok(s, e, Tok::StrSingle, n),
                None => false,
            },
            Some(b'"') => {
                e.tok(Tok::StrDouble, s.take(1));
                self.stack.push(St::Simple(b'"', Tok::StrDouble));
                true
            }
            Some(b'`') => {
                e.tok(Tok::StrBacktick, s.take(1));
                self.stack.push(St::Simple(b'`', Tok::StrBacktick));
                true
            }
            _ => false,
        }
    }

    /// `(<<[-~]?)(["`']?)([a-zA-Z_]\w*)(\2)` and `(<<[-~]?)(["'])(\2)`.
    pub(super) fn heredoc_start(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if !s.starts("<<") {
            return false;
        }
        let op = 2 + usize::from(matches!(s.at(2), Some(b'-' | b'~')));
        let quote = s.at(op).filter(|q| b"\"`'".contains(q));
        let q = usize::from(quote.is_some());
        let word = name(s, op + q);
        let closed = quote.is_none() || s.at(op + q + word) == quote;
        let (body, end) = if word > 0 && closed {
            (
                op + q + word + q,
                s.rest()[op + q..op + q + word].to_owned(),
            )
        } else if quote.is_some_and(|c| c != b'`') && s.at(op + 1) == quote {
            (op + 2, String::new())
        } else {
            return false;
        };
        let tolerant = op == 3;
        e.tok(Tok::Operator, s.take(op));
        e.tok(Tok::NameConstant, s.take(body - op));
        self.heredocs.push_back((tolerant, end));
        if self.stack.top() != St::HeredocQueue {
            self.stack.push(St::HeredocQueue);
        }
        true
    }

    /// `%([rqswQWxiI])?([^\w\s])`: a `%` literal opens.
    pub(super) fn sigil_start(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) != Some(b'%') {
            return false;
        }
        let kind = s.at(1).filter(|c| b"rqswQWxiI".contains(c));
        let at = 1 + usize::from(kind.is_some());
        let Some(open) = s.src[s.pos + at..].chars().next() else {
            return false;
        };
        if open.is_ascii() && (is_ruby_word(open as u8) || is_ruby_space(open as u8)) {
            return false;
        }
        let close = match open {
            '{' => '}',
            '[' => ']',
            '(' => ')',
            '<' => '>',
            c => c,
        };
        let regex = kind == Some(b'r');
        let tok = if regex { Tok::StrRegex } else { Tok::StrOther };
        let interp = kind.is_some_and(|k| b"rQWxI".contains(&k));
        e.tok(tok, s.take(at + open.len_utf8()));
        if regex {
            self.stack.push(St::RegexFlags);
        }
        self.stack.push(St::Sigil(Sigil {
            open,
            close,
            interp,
            tok,
        }));
        true
    }

    pub(super) fn sigil(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, g: Sigil) -> bool {
        let special = |c: char| c == '#' || c == '\\' || c == g.open || c == g.close;
        let rest = s.rest();
        let mut chars = rest.chars();
        let first = chars.next();
        let second = chars.next();
        if first == Some('\\') && second.is_some_and(special) {
            let n = 1 + second.map_or(0, char::len_utf8);
            return self.tok(s, e, Tok::StrEscape, n);
        }
        if g.open != g.close && first == Some(g.open) {
            e.tok(g.tok, s.take(g.open.len_utf8()));
            self.stack.push(St::Sigil(g));
            return true;
        }
        if first == Some(g.close) {
            e.tok(g.tok, s.take(g.close.len_utf8()));
            self.stack.pop();
            return true;
        }
        if g.interp {
            if self.interp_escaped(s, e) {
                return true;
            }
            if first == Some('#') {
                return self.tok(s, e, g.tok, 1);
            }
        } else if matches!(first, Some('\\' | '#')) {
            return self.tok(s, e, g.tok, 1);
        }
        let n = rest.find(special).unwrap_or(rest.len());
        if n == 0 {
            return false;
        }
        self.tok(s, e, g.tok, n)
    }

    /// `string_intp`: `#{` and `#@x`, `#@@x`, `#$x`.
    pub(super) fn interp(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("#{") {
            e.tok(Tok::StrInterpol, s.take(2));
            self.stack.push(St::InInterp);
            return true;
        }
        if s.at(0) != Some(b'#') {
            return false;
        }
        let sigil = match (s.at(1), s.at(2)) {
            (Some(b'@'), Some(b'@')) => 2,
            (Some(b'@' | b'$'), _) => 1,
            _ => return false,
        };
        let n = match s.at(1 + sigil) {
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => 1 + s.run(2 + sigil, is_ruby_word),
            _ => return false,
        };
        self.tok(s, e, Tok::StrInterpol, 1 + sigil + n)
    }

    /// `string_intp_escaped`: interpolation and backslash escapes.
    pub(super) fn interp_escaped(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.interp(s, e) {
            return true;
        }
        if s.at(0) != Some(b'\\') {
            return false;
        }
        let n = match escape_len(s, 1) {
            0 => s.dot(1),
            n => n,
        };
        n > 0 && self.tok(s, e, Tok::StrEscape, 1 + n)
    }

    pub(super) fn simple(
        &mut self,
        s: &mut Scan<'_>,
        e: &mut Emitter<'_>,
        fin: u8,
        tok: Tok,
    ) -> bool {
        if self.interp_escaped(s, e) {
            return true;
        }
        let plain: fn(u8) -> bool = match fin {
            b'"' => |c| !matches!(c, b'\\' | b'"' | b'#'),
            _ => |c| !matches!(c, b'\\' | b'`' | b'#'),
        };
        let n = s.run(0, plain);
        if n > 0 {
            return self.tok(s, e, tok, n);
        }
        match s.at(0) {
            Some(b'\\' | b'#') => self.tok(s, e, tok, 1),
            Some(c) if c == fin => {
                e.tok(tok, s.take(1));
                self.stack.pop();
                true
            }
            _ => false,
        }
    }

    pub(super) fn slash_regex(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.interp(s, e) {
            return true;
        }
        match s.at(0) {
            Some(b'\\') if matches!(s.at(1), Some(b'\\' | b'/')) => {
                self.tok(s, e, Tok::StrRegex, 2)
            }
            Some(b'\\' | b'#') => self.tok(s, e, Tok::StrRegex, 1),
            Some(b'/') => {
                e.tok(Tok::StrRegex, s.take(1));
                self.stack.goto(St::RegexFlags);
                true
            }
            Some(_) => {
                let n = s.run(0, |c| !matches!(c, b'\\' | b'/' | b'#'));
                self.tok(s, e, Tok::StrRegex, n)
            }
            None => false,
        }
    }

    pub(super) fn resolve_heredocs(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.interp_escaped(s, e) {
            return true;
        }
        match s.at(0) {
            Some(b'\n') => {
                e.tok(Tok::StrHeredoc, s.take(1));
                self.stack.push(St::TestHeredoc);
                true
            }
            Some(b'#' | b'\\') => self.tok(s, e, Tok::StrHeredoc, 1),
            Some(_) => {
                let n = s.run(0, |c| !matches!(c, b'#' | b'\\' | b'\n'));
                self.tok(s, e, Tok::StrHeredoc, n)
            }
            None => false,
        }
    }

    /// `[^#\\\n]*$`: a whole line without `#` or `\` may end the first heredoc waiting.
    pub(super) fn test_heredoc(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.to_eol(0);
        let line = &s.rest()[..n];
        self.stack.pop();
        if line.contains(['#', '\\']) {
            return true;
        }
        let ends = self.heredocs.front().is_some_and(|(tolerant, word)| {
            let check = if *tolerant {
                ruby_strip(line)
            } else {
                ruby_rstrip(line)
            };
            check == word
        });
        if ends {
            self.heredocs.pop_front();
            if self.heredocs.is_empty() {
                self.stack.pop();
            }
            e.tok(Tok::NameConstant, s.take(n));
        } else {
            e.tok(Tok::StrHeredoc, s.take(n));
        }
        true
    }
}
