//! OCaml, as rouge 3.30's `OCaml` lexer (`lexers/ocaml.rb` over `ocaml/common.rb`, tag `ocaml`).
//! Its states: `root`, `comment` (nesting), `string` with its escapes, and `dotted` (a module
//! path). rouge's float rule needs an exponent and lets any one character stand for the point;
//! a character literal is only an escaped one or `'.'`, any other `'` is a keyword.

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Scan, States},
    token::Tok,
};

const KEYWORDS: &str = "as assert begin class constraint do done downto else end exception \
    external false for fun function functor if in include inherit initializer lazy let match \
    module mutable new nonrec object of open raise rec sig struct then to true try type val \
    virtual when while with";

const WORD_OPERATORS: &str = "and asr land lor lsl lxor mod or";

const PRIMITIVES: &str = "array bool char float int list string unit";

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Comment,
    Str,
    Dotted,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut stack = States::new(St::Root);
    run_states(code, e, |s, e| match stack.top() {
        St::Root => root(s, e, &mut stack),
        St::Comment => comment(s, e, &mut stack),
        St::Str => string(s, e, &mut stack),
        St::Dotted => dotted(s, e, &mut stack),
    });
}

fn is_id_char(c: u8) -> bool {
    is_ruby_word(c) || c == b'\''
}

/// `[A-Z][\w']*` at `pos`: its length.
fn upper_id(s: &Scan<'_>) -> usize {
    match s.at(0) {
        Some(b'A'..=b'Z') => 1 + s.run(1, is_id_char),
        _ => 0,
    }
}

/// `[a-z_][\w']*` case-insensitively (Ruby folds `K` and `ſ` into `[a-z]` too) at `pos + k`.
fn id(s: &Scan<'_>, k: usize) -> usize {
    let first = match s.src[s.pos + k..].chars().next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' || c == '\u{212A}' || c == '\u{17F}' => {
            c.len_utf8()
        }
        _ => return 0,
    };
    first + s.run(k + first, is_id_char)
}

/// `upper_id(?=\s*[.])`: the name's length, if a point follows.
fn namespace(s: &Scan<'_>) -> usize {
    let n = upper_id(s);
    if n > 0 && s.at(n + s.run(n, is_ruby_space)) == Some(b'.') {
        n
    } else {
        0
    }
}

fn root(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    let ws = s.run(0, is_ruby_space);
    if ws > 0 {
        e.tok(Tok::Text, s.take(ws));
        return true;
    }
    if let Some(w) = ["false", "true", "()", "[]"].iter().find(|w| s.starts(w)) {
        e.tok(Tok::NameBuiltinPseudo, s.take(w.len()));
        return true;
    }
    let n = namespace(s);
    if n > 0 {
        e.tok(Tok::NameNamespace, s.take(n));
        stack.push(St::Dotted);
        return true;
    }
    if s.at(0) == Some(b'`') && id(s, 1) > 0 {
        let n = 1 + id(s, 1);
        e.tok(Tok::NameTag, s.take(n));
        return true;
    }
    let n = upper_id(s);
    if n > 0 {
        e.tok(Tok::NameClass, s.take(n));
        return true;
    }
    if s.starts("(*") && s.at(2) != Some(b')') {
        e.tok(Tok::Comment, s.take(2));
        stack.push(St::Comment);
        return true;
    }
    let n = id(s, 0);
    if n > 0 {
        let w = s.take(n);
        let tok = if in_words(KEYWORDS, w) {
            Tok::Keyword
        } else if in_words(WORD_OPERATORS, w) {
            Tok::OperatorWord
        } else if in_words(PRIMITIVES, w) {
            Tok::KeywordType
        } else {
            Tok::Name
        };
        e.tok(tok, w);
        return true;
    }
    let n = s.run(0, |c| b"(){}[];".contains(&c));
    if n > 0 {
        e.tok(Tok::Punctuation, s.take(n));
        return true;
    }
    let n = s.run(0, |c| b";,_!$%&*+./:<=>?@^|~#-".contains(&c));
    if n > 0 {
        e.tok(Tok::Operator, s.take(n));
        return true;
    }
    if let Some((tok, n)) = number(s) {
        e.tok(tok, s.take(n));
        return true;
    }
    literal(s, e, stack)
}

fn literal(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    match s.at(0) {
        Some(b'\'') => {
            let escaped = escape(s, 1, true);
            let n = if escaped > 0 && s.at(1 + escaped) == Some(b'\'') {
                2 + escaped
            } else if s.starts("'.'") {
                3
            } else {
                e.tok(Tok::Keyword, s.take(1));
                return true;
            };
            e.tok(Tok::StrChar, s.take(n));
            true
        }
        Some(b'"') => {
            e.tok(Tok::StrDouble, s.take(1));
            stack.push(St::Str);
            true
        }
        _ => false,
    }
}

/// An escape at `pos + k`: `\\[\\"'ntbr]` (and a space, in a character), `\\\d{3}`,
/// `\\x\h{2}`; its length, 0 if none.
fn escape(s: &Scan<'_>, k: usize, in_char: bool) -> usize {
    if s.at(k) != Some(b'\\') {
        return 0;
    }
    match s.at(k + 1) {
        Some(b'\\' | b'"' | b'\'' | b'n' | b't' | b'b' | b'r') => 2,
        Some(b' ') if in_char => 2,
        Some(b'0'..=b'9') if s.run(k + 1, |c| c.is_ascii_digit()) >= 3 => 4,
        Some(b'x') if s.run(k + 2, |c| c.is_ascii_hexdigit()) >= 2 => 4,
        _ => 0,
    }
}

fn digits_(c: u8) -> bool {
    c.is_ascii_digit() || c == b'_'
}

/// `[eE][+-]?\d[\d_]*` at `pos + k`: its length, 0 if none.
fn exponent(s: &Scan<'_>, k: usize) -> usize {
    if !matches!(s.at(k), Some(b'e' | b'E')) {
        return 0;
    }
    let sign = usize::from(matches!(s.at(k + 1), Some(b'+' | b'-')));
    if !s.at(k + 1 + sign).is_some_and(|c| c.is_ascii_digit()) {
        return 0;
    }
    2 + sign + s.run(k + 2 + sign, digits_)
}

/// rouge's number rules in order: `-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)` (the `-` is always an
/// operator before it), hexadecimal, octal, binary, decimal.
fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    if !s.at(0)?.is_ascii_digit() {
        return None;
    }
    let d = 1 + s.run(1, digits_);
    let any = s.dot(d);
    if any > 0 {
        let r = s.run(d + any, digits_);
        let x = exponent(s, d + any + r);
        if x > 0 {
            return Some((Tok::NumFloat, d + any + r + x));
        }
    }
    let x = exponent(s, d);
    if x > 0 {
        return Some((Tok::NumFloat, d + x));
    }
    if s.at(0) == Some(b'0') {
        type Class = fn(u8) -> bool;
        let based: [(u8, Tok, Class); 3] = [
            (b'x', Tok::NumHex, |c| c.is_ascii_hexdigit()),
            (b'o', Tok::NumOct, |c| (b'0'..=b'7').contains(&c)),
            (b'b', Tok::NumBin, |c| c == b'0' || c == b'1'),
        ];
        for (letter, tok, class) in based {
            if s.at(1).is_some_and(|c| c.to_ascii_lowercase() == letter)
                && s.at(2).is_some_and(class)
            {
                let rest = &s.rest().as_bytes()[3..];
                let n = rest.iter().take_while(|&&c| class(c) || c == b'_').count();
                return Some((tok, 3 + n));
            }
        }
    }
    Some((Tok::NumInteger, d))
}

fn comment(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    if s.starts("(*") {
        e.tok(Tok::Comment, s.take(2));
        stack.push(St::Comment);
    } else if s.starts("*)") {
        e.tok(Tok::Comment, s.take(2));
        stack.pop();
    } else {
        let n = s.run(0, |c| !b"(*)".contains(&c)).max(1);
        e.tok(Tok::Comment, s.take(n));
    }
    true
}

fn string(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    let n = s.run(0, |c| c != b'\\' && c != b'"');
    if n > 0 {
        e.tok(Tok::StrDouble, s.take(n));
        return true;
    }
    let n = escape(s, 0, false);
    if n > 0 {
        e.tok(Tok::StrEscape, s.take(n));
    } else if s.starts("\\\n") {
        e.tok(Tok::StrDouble, s.take(2));
    } else if s.at(0) == Some(b'"') {
        e.tok(Tok::StrDouble, s.take(1));
        stack.pop();
    } else {
        return false;
    }
    true
}

fn dotted(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    let ws = s.run(0, is_ruby_space);
    if ws > 0 {
        e.tok(Tok::Text, s.take(ws));
        return true;
    }
    if s.at(0) == Some(b'.') {
        e.tok(Tok::Punctuation, s.take(1));
        return true;
    }
    let n = namespace(s);
    if n > 0 {
        e.tok(Tok::NameNamespace, s.take(n));
        return true;
    }
    let (tok, n) = match (upper_id(s), id(s, 0)) {
        (0, 0) if matches!(s.at(0), Some(b'(' | b'{' | b'[')) => (Tok::Punctuation, 1),
        (0, 0) => return false,
        (0, n) => (Tok::Name, n),
        (n, _) => (Tok::NameClass, n),
    };
    e.tok(tok, s.take(n));
    stack.pop();
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [KEYWORDS, WORD_OPERATORS, PRIMITIVES] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
