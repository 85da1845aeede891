//! Go, as rouge 3.30's `Go` lexer (`lexers/go.rb`, tag `go`, alias `golang`). Its states: `root`
//! (rouge's `simple_tokens`: comments, keywords, predeclared types, functions and constants,
//! numbers, characters, operators, separators, names, white space; then the quotes that open a
//! string), `interpreted_string` and `raw_string`. Every number is one token type, so only
//! where a number ends matters.

use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, unicode_identifier, Finder, Scan},
    token::Tok,
};

const KEYWORDS: &str = "break case chan const continue default defer else fallthrough for func \
    go goto if import interface map package range return select struct switch type var";

const TYPES: &str = "bool byte complex128 complex64 error float32 float64 int int16 int32 \
    int64 int8 rune string uint uint16 uint32 uint64 uint8 uintptr";

const FUNCTIONS: &str =
    "append cap close complex copy delete imag len make new panic print println real recover";

const CONSTANTS: &str = "false iota nil true";

/// rouge's `OPERATOR` alternatives, in its order (the first that matches is taken).
const OPERATORS: &[&str] = &[
    "+=", "++", "+", "&^=", "&^", "&=", "&&", "&", "==", "=", "!=", "!", "-=", "--", "-", "|=",
    "||", "|", "<=", "<-", "<<=", "<<", "<", "*=", "*", "^=", "^", ">>=", ">>", ">=", ">", "/",
    "/=", ":=", "%", "%=", "...", ".", ":",
];

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Interpreted,
    Raw,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut st = St::Root;
    let mut comments = Finder::default();
    let mut s = Scan::new(code);
    while !s.eos() {
        let matched = match st {
            St::Root => root(&mut s, e, &mut st, &mut comments),
            St::Interpreted => interpreted(&mut s, e, &mut st),
            St::Raw => {
                if s.at(0) == Some(b'`') {
                    e.tok(Tok::Str, s.take(1));
                    st = St::Root;
                } else {
                    let n = s.rest().find('`').unwrap_or(s.rest().len());
                    e.tok(Tok::Str, s.take(n));
                }
                true
            }
        };
        if !matched {
            let n = s.char_len(0);
            e.tok(Tok::Error, s.take(n));
        }
    }
}

fn root(s: &mut Scan<'_>, e: &mut Emitter<'_>, st: &mut St, comments: &mut Finder) -> bool {
    let Some(b) = s.at(0) else { return false };
    if s.starts("//") {
        let n = s.to_eol(0);
        e.tok(Tok::Comment, s.take(n));
        return true;
    }
    if s.starts("/*") {
        if let Some(end) = comments.find(s.src, "*/", s.pos + 2) {
            let n = end + 2 - s.pos;
            e.tok(Tok::Comment, s.take(n));
            return true;
        }
    }
    let w = unicode_identifier(s, 0);
    if w > 0 && s.boundary(s.pos + w) {
        let word = &s.rest()[..w];
        let tok = [
            (KEYWORDS, Tok::Keyword),
            (TYPES, Tok::KeywordType),
            (FUNCTIONS, Tok::NameBuiltin),
            (CONSTANTS, Tok::NameConstant),
        ]
        .into_iter()
        .find(|(table, _)| in_words(table, word))
        .map(|(_, tok)| tok);
        if let Some(tok) = tok {
            e.tok(tok, s.take(w));
            return true;
        }
    }
    if let Some(n) = number(s) {
        e.tok(Tok::Number, s.take(n));
        return true;
    }
    if let Some(n) = char_lit(s) {
        e.tok(Tok::StrChar, s.take(n));
        return true;
    }
    if let Some(op) = OPERATORS.iter().find(|o| s.starts(o)) {
        e.tok(Tok::Operator, s.take(op.len()));
        return true;
    }
    if b"()[]{},;".contains(&b) {
        e.tok(Tok::Punctuation, s.take(1));
        return true;
    }
    if w > 0 {
        e.tok(Tok::Name, s.take(w));
        return true;
    }
    let ws = s.run(0, is_ruby_space);
    if ws > 0 {
        e.tok(Tok::Text, s.take(ws));
        return true;
    }
    match b {
        b'`' => *st = St::Raw,
        b'"' => *st = St::Interpreted,
        _ => return false,
    }
    e.tok(Tok::Str, s.take(1));
    true
}

fn digits(s: &Scan<'_>, k: usize) -> usize {
    s.run(k, |c| c.is_ascii_digit())
}

/// `[eE][+-]?DECIMALS` at `pos + k`.
fn exponent(s: &Scan<'_>, k: usize) -> usize {
    if !matches!(s.at(k), Some(b'e' | b'E')) {
        return 0;
    }
    let sign = usize::from(matches!(s.at(k + 1), Some(b'+' | b'-')));
    match digits(s, k + 1 + sign) {
        0 => 0,
        d => 1 + sign + d,
    }
}

/// `FLOAT_LIT`'s alternatives in order: `1.5e3`, `1e3`, `.5e3`.
fn float(s: &Scan<'_>) -> usize {
    let d = digits(s, 0);
    if d > 0 && s.at(d) == Some(b'.') {
        let n = d + 1 + digits(s, d + 1);
        return n + exponent(s, n);
    }
    if d > 0 && exponent(s, d) > 0 {
        return d + exponent(s, d);
    }
    if d == 0 && s.at(0) == Some(b'.') && digits(s, 1) > 0 {
        let n = 1 + digits(s, 1);
        return n + exponent(s, n);
    }
    0
}

/// Imaginary, float and integer literals: where the number ends.
fn number(s: &Scan<'_>) -> Option<usize> {
    let d = digits(s, 0);
    if d > 0 && s.at(d) == Some(b'i') {
        return Some(d + 1);
    }
    let f = float(s);
    if f > 0 {
        return Some(f + usize::from(s.at(f) == Some(b'i')));
    }
    if s.at(0) == Some(b'0') && matches!(s.at(1), Some(b'x' | b'X')) {
        let h = s.run(2, |c| c.is_ascii_hexdigit());
        if h > 0 {
            return Some(2 + h);
        }
    }
    (d > 0).then_some(d)
}

/// An escape's length at `pos + k` (after its backslash): `\u` and `\U` with their hex digits,
/// `\x` with two, `[abfnrtv\\'"]`; 0 if none.
fn escape(s: &Scan<'_>, k: usize, octal: bool) -> usize {
    let hex = |n: usize| usize::from(s.run(k + 1, |c| c.is_ascii_hexdigit()) >= n) * (1 + n);
    match s.at(k) {
        Some(b'u') => hex(4),
        Some(b'U') => hex(8),
        Some(b'x') => hex(2),
        Some(b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'\\' | b'\'' | b'"') => 1,
        Some(b'0'..=b'7') if octal && s.run(k, |c| (b'0'..=b'7').contains(&c)) >= 3 => 3,
        _ => 0,
    }
}

/// `'(?:UNICODE_VALUE|BYTE_VALUE)'`: a character; any one character is tried first, then the
/// escapes.
fn char_lit(s: &Scan<'_>) -> Option<usize> {
    if s.at(0) != Some(b'\'') {
        return None;
    }
    let one = s.dot(1);
    if one > 0 && s.at(1 + one) == Some(b'\'') {
        return Some(2 + one);
    }
    if s.at(1) != Some(b'\\') {
        return None;
    }
    let n = escape(s, 2, true);
    (n > 0 && s.at(2 + n) == Some(b'\'')).then_some(3 + n)
}

fn interpreted(s: &mut Scan<'_>, e: &mut Emitter<'_>, st: &mut St) -> bool {
    match s.at(0) {
        Some(b'\\') => {
            let n = escape(s, 1, false);
            if n > 0 {
                e.tok(Tok::StrEscape, s.take(1 + n));
                return true;
            }
            match s.dot(1) {
                0 => false,
                n => {
                    e.tok(Tok::Error, s.take(1 + n));
                    true
                }
            }
        }
        Some(b'"') => {
            e.tok(Tok::Str, s.take(1));
            *st = St::Root;
            true
        }
        _ => {
            let n = s.run(0, |c| c != b'"' && c != b'\\');
            e.tok(Tok::Str, s.take(n));
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [KEYWORDS, TYPES, FUNCTIONS, CONSTANTS] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
