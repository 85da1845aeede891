//! Double-quoted strings in rouge 3.30's `PHP` lexer (its `string` state): escapes, variables
//! with an index or a property, and `{$…}` / `${…}` interpolation.

use super::{id, Php, St};
use crate::markdown::highlight::{emit::Emitter, scan::Scan, token::Tok};

impl Php {
    pub(super) fn string(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.run(0, |c| !matches!(c, b'\\' | b'{' | b'$' | b'"'));
        if n > 0 {
            e.tok(Tok::StrDouble, s.take(n));
            return true;
        }
        let (tok, n) = match s.at(0) {
            Some(b'"') => {
                e.tok(Tok::StrDouble, s.take(1));
                self.stack.pop();
                return true;
            }
            Some(b'\\') => (Tok::StrEscape, escape(s)),
            Some(b'$') => (Tok::NameVariable, self.variable(s)),
            _ => return self.brace(s, e),
        };
        if n > 0 {
            e.tok(tok, s.take(n));
        } else {
            let n = s.run(0, |c| matches!(c, b'$' | b'{' | b'\\'));
            e.tok(Tok::StrDouble, s.take(n));
        }
        true
    }

    /// `\$id(\[\S+\]|->id)?`: its length, 0 if none.
    fn variable(&mut self, s: &Scan<'_>) -> usize {
        let n = id(s, 1);
        if n == 0 {
            return 0;
        }
        let after = 1 + n;
        if s.at(after) == Some(b'[') {
            let open = s.pos + after;
            if let Some(close) = self.brackets.find(s.src, open + 1, b']') {
                if close >= open + 2 {
                    return close + 1 - s.pos;
                }
            }
        }
        if s.at(after) == Some(b'-') && s.at(after + 1) == Some(b'>') {
            let m = id(s, after + 2);
            if m > 0 {
                return after + 2 + m;
            }
        }
        after
    }

    /// `{${` and `{$` open interpolation; `(\{)(\S+)(\})` is a variable; else the braces,
    /// dollars and backslashes are text.
    fn brace(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("{${") {
            e.tok(Tok::StrInterpol, s.take(3));
            self.stack.push(St::InterpDouble);
            return true;
        }
        if s.starts("{$") {
            e.tok(Tok::StrInterpol, s.take(1));
            self.stack.push(St::InterpSingle);
            return true;
        }
        let close = self.braces.find(s.src, s.pos + 1, b'}');
        if let Some(close) = close.filter(|&c| c >= s.pos + 2) {
            e.tok(Tok::StrInterpol, s.take(1));
            e.tok(Tok::NameVariable, s.take(close - s.pos));
            e.tok(Tok::StrInterpol, s.take(1));
            return true;
        }
        let n = s.run(0, |c| matches!(c, b'$' | b'{' | b'\\'));
        e.tok(Tok::StrDouble, s.take(n));
        true
    }
}

/// `\\u\{hex+\}` or `\\([efrntv"$\\]|[0-7]{1,3}|[xX]hex{1,2})`: its length, 0 if none.
fn escape(s: &Scan<'_>) -> usize {
    let hex = |k: usize, max: usize| s.run(k, |c| c.is_ascii_hexdigit()).min(max);
    match s.at(1) {
        Some(b'u') if s.at(2) == Some(b'{') => {
            let n = hex(3, usize::MAX);
            if n > 0 && s.at(3 + n) == Some(b'}') {
                4 + n
            } else {
                0
            }
        }
        Some(b'e' | b'f' | b'r' | b'n' | b't' | b'v' | b'"' | b'$' | b'\\') => 2,
        Some(b'0'..=b'7') => 1 + s.run(1, |c| (b'0'..=b'7').contains(&c)).min(3),
        Some(b'x' | b'X') => match hex(2, 2) {
            0 => 0,
            n => 2 + n,
        },
        _ => 0,
    }
}
