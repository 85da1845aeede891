//! Haskell, as rouge 3.30's `Haskell` lexer (`lexers/haskell.rb`, tag `haskell`, alias `hs`).
//! Its states: `root` (with `basic`: white space and comments), the nesting `comment` and
//! `comment_preproc`, `import`, `module`, `funclist`, `character`, `character_end`, `string`,
//! `escape` and `quasiquotation`. Every run of operator characters is one operator (rouge's
//! operator rules differ only in where they stop, and the rest of the run is an operator too).

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Finder, Scan, States},
    token::Tok,
};

const RESERVED: &str = "_ case class data default deriving do else if in infix infixl infixr \
    instance let newtype of then type where";

/// The ASCII control names of an escape, in rouge's order (the first that matches is taken).
const ASCII: [&str; 34] = [
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
    "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
    "FS", "GS", "RS", "US", "SP", "DEL",
];

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Comment,
    CommentPreproc,
    Import,
    Module,
    Funclist,
    Character,
    CharacterEnd,
    Str,
    Escape,
    Quasiquotation,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut hs = Haskell {
        stack: States::new(St::Root),
        quotes: Finder::default(),
        run: (0, 0),
    };
    run_states(code, e, |s, e| hs.step(s, e));
}

struct Haskell {
    stack: States<St>,
    /// The next `'`, for a character's lookahead.
    quotes: Finder,
    /// The last run of non-space characters read for a character's lookahead: its start and
    /// end.
    run: (usize, usize),
}

fn is_symbol(c: u8) -> bool {
    b":!#$%&*+./<=>?@\\^|~-".contains(&c)
}

fn is_word_or_quote(c: u8) -> bool {
    is_ruby_word(c) || c == b'\''
}

impl Haskell {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e),
            St::Comment => self.comment(s, e, Tok::CommentMultiline),
            St::CommentPreproc => self.comment(s, e, Tok::CommentPreproc),
            St::Import => self.import(s, e),
            St::Module => self.module(s, e),
            St::Funclist => self.funclist(s, e),
            St::Character => {
                if s.at(0) == Some(b'\\') {
                    e.tok(Tok::StrEscape, s.take(1));
                    self.stack.goto(St::CharacterEnd);
                    self.stack.push(St::Escape);
                    return true;
                }
                let n = s.dot(0);
                if n == 0 {
                    return false;
                }
                e.tok(Tok::StrChar, s.take(n));
                self.stack.goto(St::CharacterEnd);
                true
            }
            St::CharacterEnd => {
                let n = s.dot(0);
                if n == 0 {
                    return false;
                }
                let tok = if s.at(0) == Some(b'\'') {
                    Tok::StrChar
                } else {
                    Tok::Error
                };
                e.tok(tok, s.take(n));
                self.stack.pop();
                true
            }
            St::Str => {
                match s.at(0) {
                    Some(b'"') => {
                        e.tok(Tok::Str, s.take(1));
                        self.stack.pop();
                    }
                    Some(b'\\') => {
                        e.tok(Tok::StrEscape, s.take(1));
                        self.stack.push(St::Escape);
                    }
                    _ => {
                        let n = s.run(0, |c| c != b'\\' && c != b'"');
                        e.tok(Tok::Str, s.take(n));
                    }
                }
                true
            }
            St::Escape => match escape(s) {
                0 => false,
                n => {
                    e.tok(Tok::StrEscape, s.take(n));
                    self.stack.pop();
                    true
                }
            },
            St::Quasiquotation => {
                if s.starts("|]") {
                    e.tok(Tok::Operator, s.take(2));
                    self.stack.pop();
                } else {
                    let n = s.run(0, |c| c != b'|').max(1);
                    e.tok(Tok::Text, s.take(n));
                }
                true
            }
        }
    }

    /// `basic`: white space, nesting comments, doc and line comments.
    fn basic(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
        } else if s.starts("{-#") {
            e.tok(Tok::CommentPreproc, s.take(3));
            self.stack.push(St::CommentPreproc);
        } else if s.starts("{-") {
            e.tok(Tok::CommentMultiline, s.take(2));
            self.stack.push(St::Comment);
        } else if s.bol() && s.starts("--") && s.run(2, is_ruby_space) > 0 && {
            let k = 2 + s.run(2, is_ruby_space);
            s.at(k) == Some(b'|')
        } {
            let k = 2 + s.run(2, is_ruby_space);
            let n = k + s.to_eol(k);
            e.tok(Tok::CommentDoc, s.take(n));
        } else if s.starts("--") && !s.at(2).is_some_and(|c| b"!#$%&*+./<=>?@^|_~".contains(&c)) {
            let n = s.to_eol(0);
            e.tok(Tok::CommentSingle, s.take(n));
        } else {
            return false;
        }
        true
    }

    fn comment(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, tok: Tok) -> bool {
        if s.starts("-}") {
            e.tok(tok, s.take(2));
            self.stack.pop();
        } else if s.starts("{-") {
            e.tok(tok, s.take(2));
            self.stack.push(St::Comment);
        } else {
            let n = s.run(0, |c| !matches!(c, b'-' | b'{' | b'}')).max(1);
            e.tok(tok, s.take(n));
        }
        true
    }

    /// `'(?=(?:.|\\\S+)')`: whether a character starts at `pos`.
    fn character_ahead(&mut self, s: &Scan<'_>) -> bool {
        let one = s.dot(1);
        if one > 0 && s.at(1 + one) == Some(b'\'') {
            return true;
        }
        if s.at(1) != Some(b'\\') {
            return false;
        }
        let from = s.pos + 2;
        if !(self.run.0 <= from && from < self.run.1) {
            let n = s.run(2, |c| !is_ruby_space(c));
            self.run = (from, from + n);
        }
        let end = self.run.1;
        self.quotes
            .find(s.src, "'", from + 1)
            .is_some_and(|q| q < end)
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.basic(s, e) {
            return true;
        }
        let Some(b) = s.at(0) else { return false };
        if b == b'\'' && self.character_ahead(s) {
            e.tok(Tok::StrChar, s.take(1));
            self.stack.push(St::Character);
            return true;
        }
        if b == b'"' {
            e.tok(Tok::Str, s.take(1));
            self.stack.push(St::Str);
            return true;
        }
        if let Some((tok, n)) = number(s) {
            e.tok(tok, s.take(n));
            return true;
        }
        let n = s.run(0, is_word_or_quote);
        if n > 0 {
            let w = s.take(n);
            let tok = match w {
                "import" | "module" => {
                    let st = if w == "import" {
                        St::Import
                    } else {
                        St::Module
                    };
                    self.stack.push(st);
                    Tok::KeywordReserved
                }
                _ if in_words(RESERVED, w) => Tok::KeywordReserved,
                _ if w
                    .trim_start_matches('\'')
                    .starts_with(|c: char| c.is_ascii_uppercase())
                    && w.len() - w.trim_start_matches('\'').len() <= 1 =>
                {
                    Tok::KeywordType
                }
                _ => Tok::Name,
            };
            e.tok(tok, w);
            return true;
        }
        if is_symbol(b) {
            if b == b'\\' && !s.at(1).is_some_and(is_symbol) {
                e.tok(Tok::NameFunction, s.take(1));
            } else {
                let n = s.run(0, is_symbol);
                e.tok(Tok::Operator, s.take(n));
            }
            return true;
        }
        self.brackets(s, e, b)
    }

    fn brackets(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, b: u8) -> bool {
        if b == b'[' || b == b'(' {
            let ws = s.run(1, is_ruby_space);
            let close = if b == b'[' { b']' } else { b')' };
            if s.at(1 + ws) == Some(close) {
                let tok = if b == b'[' {
                    Tok::KeywordType
                } else {
                    Tok::NameBuiltin
                };
                e.tok(tok, s.take(2 + ws));
                return true;
            }
        }
        if b == b'[' && s.at(1).is_some_and(|c| c == b'_' || c.is_ascii_lowercase()) {
            let n = 1 + s.run(2, is_word_or_quote);
            if s.at(1 + n) == Some(b'|') {
                e.tok(Tok::Operator, s.take(1));
                e.tok(Tok::Name, s.take(n));
                e.tok(Tok::Operator, s.take(1));
                self.stack.push(St::Quasiquotation);
                return true;
            }
        }
        if b"[](),;`{}".contains(&b) {
            e.tok(Tok::Punctuation, s.take(1));
            return true;
        }
        false
    }

    fn import(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
            return true;
        }
        if s.at(0) == Some(b'"') {
            e.tok(Tok::Str, s.take(1));
            self.stack.push(St::Str);
            return true;
        }
        if s.starts("qualified") && s.boundary(s.pos + 9) {
            e.tok(Tok::Keyword, s.take(9));
            return true;
        }
        let m = module_name(s, 0);
        if m > 0 {
            let ws = s.run(m, is_ruby_space);
            let after = &s.rest()[m + ws..];
            if ws > 0 && after.starts_with("as") && s.run(m + ws + 2, is_ruby_space) > 0 {
                let ws2 = s.run(m + ws + 2, is_ruby_space);
                let k = m + ws + 2 + ws2;
                let alias = match s.at(k) {
                    Some(b'A'..=b'Z') => {
                        1 + s.run(k + 1, |c| {
                            c.is_ascii_alphanumeric() || c == b'_' || c == b'.'
                        })
                    }
                    _ => 0,
                };
                if alias > 0 {
                    e.tok(Tok::NameNamespace, s.take(m));
                    e.tok(Tok::Text, s.take(ws));
                    e.tok(Tok::Keyword, s.take(2));
                    e.tok(Tok::Text, s.take(ws2));
                    e.tok(Tok::Name, s.take(alias));
                    self.stack.pop();
                    return true;
                }
            }
            if ws > 0 && after.starts_with("hiding") {
                let ws2 = s.run(m + ws + 6, is_ruby_space);
                if ws2 > 0 && s.at(m + ws + 6 + ws2) == Some(b'(') {
                    e.tok(Tok::NameNamespace, s.take(m));
                    e.tok(Tok::Text, s.take(ws));
                    e.tok(Tok::Keyword, s.take(6));
                    e.tok(Tok::Text, s.take(ws2));
                    e.tok(Tok::Punctuation, s.take(1));
                    self.stack.goto(St::Funclist);
                    return true;
                }
            }
            if ws > 0 && s.at(m + ws) == Some(b'(') {
                e.tok(Tok::NameNamespace, s.take(m));
                e.tok(Tok::Text, s.take(ws));
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.goto(St::Funclist);
                return true;
            }
        }
        let n = s.run(0, |c| is_ruby_word(c) || c == b'.');
        if n == 0 {
            return false;
        }
        e.tok(Tok::NameNamespace, s.take(n));
        self.stack.pop();
        true
    }

    fn module(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
            return true;
        }
        let m = module_name(s, 0);
        if m > 0 {
            let ws = s.run(m, is_ruby_space);
            if ws > 0 && s.at(m + ws) == Some(b'(') {
                e.tok(Tok::NameNamespace, s.take(m));
                e.tok(Tok::Text, s.take(ws));
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.push(St::Funclist);
                return true;
            }
        }
        if s.starts("where") && s.boundary(s.pos + 5) {
            e.tok(Tok::KeywordReserved, s.take(5));
            self.stack.pop();
            return true;
        }
        if s.at(0).is_some_and(|c| c.is_ascii_uppercase()) {
            let n = 1 + s.run(1, |c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.');
            e.tok(Tok::NameNamespace, s.take(n));
            self.stack.pop();
            return true;
        }
        false
    }

    fn funclist(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.basic(s, e) {
            return true;
        }
        let Some(b) = s.at(0) else { return false };
        let (tok, n) = match b {
            b'A'..=b'Z' => (Tok::KeywordType, 1 + s.run(1, is_ruby_word)),
            b'_' if s.run(1, is_word_or_quote) > 0 => {
                (Tok::NameFunction, 1 + s.run(1, is_word_or_quote))
            }
            b'a'..=b'z' => (Tok::NameFunction, 1 + s.run(1, is_word_or_quote)),
            b',' => (Tok::Punctuation, 1),
            b'(' => {
                self.stack.push(St::Funclist);
                (Tok::Punctuation, 1)
            }
            b')' => {
                self.stack.pop();
                (Tok::Punctuation, 1)
            }
            _ if is_symbol(b) => (Tok::Operator, s.run(0, is_symbol)),
            _ => return false,
        };
        e.tok(tok, s.take(n));
        true
    }
}

/// `[A-Z][\w.]*` at `pos + k`: its length.
fn module_name(s: &Scan<'_>, k: usize) -> usize {
    match s.at(k) {
        Some(b'A'..=b'Z') => 1 + s.run(k + 1, |c| is_ruby_word(c) || c == b'.'),
        _ => 0,
    }
}

/// An escape after its backslash, by rouge's rules in order: its length, 0 if none.
fn escape(s: &Scan<'_>) -> usize {
    let Some(b) = s.at(0) else { return 0 };
    if b"abfnrtv\"'&\\".contains(&b) {
        return 1;
    }
    if b == b'^'
        && s.at(1)
            .is_some_and(|c| c.is_ascii_uppercase() || b"][@^_".contains(&c))
    {
        return 2;
    }
    if let Some(name) = ASCII.iter().find(|n| s.starts(n)) {
        return name.len();
    }
    let octal = s.run(1, |c| (b'0'..=b'7').contains(&c));
    let hex = s.run(1, |c| c.is_ascii_hexdigit());
    match b {
        b'o' | b'O' if octal > 0 => return 1 + octal,
        b'x' | b'X' if hex > 0 => return 1 + hex,
        _ => {}
    }
    let d = s.run(0, |c| c.is_ascii_digit());
    if d > 0 {
        return d;
    }
    let ws = s.run(0, is_ruby_space);
    if ws > 0 && s.at(ws) == Some(b'\\') {
        return ws + 1;
    }
    0
}

/// The number rules in order, case-insensitively: the token and length.
fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let digits = |k: usize| s.run(k, |c| c.is_ascii_digit());
    let exponent = |k: usize| {
        if !matches!(s.at(k), Some(b'e' | b'E')) {
            return 0;
        }
        let sign = usize::from(matches!(s.at(k + 1), Some(b'+' | b'-')));
        match digits(k + 1 + sign) {
            0 => 0,
            n => 1 + sign + n,
        }
    };
    let d = digits(0);
    if d == 0 {
        return None;
    }
    if exponent(d) > 0 {
        return Some((Tok::NumFloat, d + exponent(d)));
    }
    if s.at(d) == Some(b'.') && digits(d + 1) > 0 {
        let n = d + 1 + digits(d + 1);
        return Some((Tok::NumFloat, n + exponent(n)));
    }
    if s.at(0) == Some(b'0') {
        let based = match s.at(1) {
            Some(b'o' | b'O') => Some((Tok::NumOct, s.run(2, |c| (b'0'..=b'7').contains(&c)))),
            Some(b'x' | b'X') => Some((Tok::NumHex, s.run(2, |c| c.is_ascii_hexdigit()))),
            _ => None,
        };
        if let Some((tok, n)) = based.filter(|&(_, n)| n > 0) {
            return Some((tok, 2 + n));
        }
    }
    Some((Tok::NumInteger, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        assert!(
            crate::markdown::highlight::scan::is_word_table(RESERVED),
            "a word table should be sorted: {RESERVED}"
        );
    }
}
