//! JSON, as rouge 3.30's `JSON` lexer (`lexers/json.rb`, tag `json`): states `root`, `object`,
//! `array` and `string`; a key is a string followed by `:` (`Name::Label`), a value a string,
//! `true`/`false`/`null` or a number. Syntax errors are not rouge's concern: what no rule takes
//! is an `Error` character.

use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{emit::Emitter, scan::Scan, token::Tok};

#[derive(Clone, Copy, PartialEq)]
enum State {
    Root,
    Object,
    Array,
    String,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut s = Scan::new(code);
    let mut stack = vec![State::Root];
    while !s.eos() {
        let state = *stack.last().unwrap_or(&State::Root);
        if !step(&mut s, state, &mut stack, e) {
            let n = s.char_len(0);
            e.tok(Tok::Error, s.take(n));
        }
    }
}

fn step(s: &mut Scan<'_>, state: State, stack: &mut Vec<State>, e: &mut Emitter<'_>) -> bool {
    if state == State::String {
        return string(s, stack, e);
    }
    let ws = s.run(0, is_ruby_space);
    if ws > 0 {
        e.tok(Tok::Whitespace, s.take(ws));
        return true;
    }
    let Some(b) = s.at(0) else { return false };
    if state == State::Root && matches!(b, b'{' | b'[') {
        e.tok(Tok::Punctuation, s.take(1));
        stack.push(if b == b'{' {
            State::Object
        } else {
            State::Array
        });
        return true;
    }
    if state != State::Array && name(s, e) {
        return true;
    }
    if value(s, stack, e) {
        return true;
    }
    let (close, comma) = match state {
        State::Root => return punct(s, e, b"]}"),
        State::Object => (b'}', b','),
        _ => (b']', b','),
    };
    if b == close {
        e.tok(Tok::Punctuation, s.take(1));
        stack.pop();
        return true;
    }
    punct(s, e, &[comma])
}

/// A punctuation byte of `set` as one token (no state change).
fn punct(s: &mut Scan<'_>, e: &mut Emitter<'_>, set: &[u8]) -> bool {
    match s.at(0) {
        Some(b) if set.contains(&b) => {
            e.tok(Tok::Punctuation, s.take(1));
            true
        }
        _ => false,
    }
}

/// `("(?:\\.|[^"\\\n])*?")(\s*)(:)`: a key.
fn name(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    if s.at(0) != Some(b'"') {
        return false;
    }
    let mut k = 1;
    loop {
        match s.at(k) {
            Some(b'"') => break,
            Some(b'\\') if s.dot(k + 1) > 0 => k += 1 + s.dot(k + 1),
            None | Some(b'\\' | b'\n') => return false,
            Some(_) => k += s.char_len(k),
        }
    }
    let key = k + 1;
    let ws = s.run(key, is_ruby_space);
    if s.at(key + ws) != Some(b':') {
        return false;
    }
    e.tok(Tok::NameLabel, s.take(key));
    e.tok(Tok::Whitespace, s.take(ws));
    e.tok(Tok::Punctuation, s.take(1));
    true
}

/// rouge's `value` state (mixed in): constants, numbers, a string or a nested container.
fn value(s: &mut Scan<'_>, stack: &mut Vec<State>, e: &mut Emitter<'_>) -> bool {
    for word in ["true", "false", "null"] {
        if s.starts(word) {
            e.tok(Tok::KeywordConstant, s.take(word.len()));
            return true;
        }
    }
    if let Some((tok, n)) = number(s) {
        e.tok(tok, s.take(n));
        return true;
    }
    let next = match s.at(0) {
        Some(b'"') => State::String,
        Some(b'[') => State::Array,
        Some(b'{') => State::Object,
        _ => return false,
    };
    let tok = if next == State::String {
        Tok::StrDouble
    } else {
        Tok::Punctuation
    };
    e.tok(tok, s.take(1));
    stack.push(next);
    true
}

/// `-?(?:0|[1-9]\d*)(\.\d+)?(?:e[+-]?\d+)?` (case-insensitive `e`): a float with its fraction,
/// else an integer.
fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let mut k = usize::from(s.at(0) == Some(b'-'));
    match s.at(k)? {
        b'0' => k += 1,
        b'1'..=b'9' => k += s.run(k, |b| b.is_ascii_digit()),
        _ => return None,
    }
    let mut tok = Tok::NumInteger;
    if s.at(k) == Some(b'.') {
        let frac = s.run(k + 1, |b| b.is_ascii_digit());
        if frac > 0 {
            k += 1 + frac;
            tok = Tok::NumFloat;
        }
    }
    if matches!(s.at(k), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(s.at(k + 1), Some(b'+' | b'-')));
        let digits = s.run(k + 1 + sign, |b| b.is_ascii_digit());
        if digits > 0 {
            k += 1 + sign + digits;
        }
    }
    Some((tok, k))
}

/// The `string` state: text, escapes, and the closing quote.
fn string(s: &mut Scan<'_>, stack: &mut Vec<State>, e: &mut Emitter<'_>) -> bool {
    match s.at(0) {
        Some(b'"') => {
            e.tok(Tok::StrDouble, s.take(1));
            stack.pop();
            true
        }
        Some(b'\\') => match s.dot(1) {
            0 => false,
            n => {
                e.tok(Tok::StrEscape, s.take(1 + n));
                true
            }
        },
        _ => {
            let n = s.run(0, |b| b != b'"' && b != b'\\');
            e.tok(Tok::StrDouble, s.take(n));
            true
        }
    }
}
