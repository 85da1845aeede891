//! INI files, as rouge 3.30's `INI` lexer (`lexers/ini.rb`, tag `ini`). Its states: `root`
//! (rouge's `basic` rules: comments to the line end, white space, an escaped line end; then
//! `key =` and `[section]`), `value` (to the line end: quotes, escapes, text) and `dq` (a
//! double-quoted value, which may span lines).

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{Finder, Scan},
    token::Tok,
};

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Value,
    Dq,
}

/// The forward searches the rules need, remembered so that unclosed lines stay linear.
#[derive(Default)]
struct Ahead {
    lines: Finder,
    brackets: Finder,
    quotes: Finder,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut stack = vec![St::Root];
    let mut ahead = Ahead::default();
    let mut s = Scan::new(code);
    while !s.eos() {
        let st = *stack.last().unwrap_or(&St::Root);
        let matched = match st {
            St::Root => root(&mut s, e, &mut stack, &mut ahead),
            St::Value => value(&mut s, e, &mut stack, &mut ahead),
            St::Dq => dq(&mut s, e, &mut stack),
        };
        if !matched {
            let n = s.char_len(0);
            e.tok(Tok::Error, s.take(n));
        }
    }
}

/// rouge's `basic`: `[;#].*?\n`, `\s+`, `\\\n`.
fn basic(s: &mut Scan<'_>, e: &mut Emitter<'_>, ahead: &mut Ahead) -> bool {
    match s.at(0) {
        Some(b';' | b'#') => match ahead.lines.find(s.src, "\n", s.pos) {
            Some(nl) => {
                let n = nl + 1 - s.pos;
                e.tok(Tok::Comment, s.take(n));
                true
            }
            None => false,
        },
        Some(c) if is_ruby_space(c) => {
            let n = s.run(0, is_ruby_space);
            e.tok(Tok::Text, s.take(n));
            true
        }
        Some(b'\\') if s.at(1) == Some(b'\n') => {
            e.tok(Tok::StrEscape, s.take(2));
            true
        }
        _ => false,
    }
}

fn root(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut Vec<St>, ahead: &mut Ahead) -> bool {
    if basic(s, e, ahead) {
        return true;
    }
    let key = s.run(0, |c| is_ruby_word(c) || c == b'-' || c == b'.');
    let ws = s.run(key, is_ruby_space);
    if key > 0 && s.at(key + ws) == Some(b'=') {
        e.tok(Tok::NameProperty, s.take(key));
        e.tok(Tok::Text, s.take(ws));
        e.tok(Tok::Punctuation, s.take(1));
        stack.push(St::Value);
        return true;
    }
    if s.at(0) == Some(b'[') {
        let close = ahead.brackets.find(s.src, "]", s.pos + 1);
        let eol = ahead.lines.find(s.src, "\n", s.pos + 1);
        if let Some(c) = close.filter(|&c| eol.is_none_or(|l| c < l)) {
            let n = c + 1 - s.pos;
            e.tok(Tok::NameNamespace, s.take(n));
            return true;
        }
    }
    false
}

fn value(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut Vec<St>, ahead: &mut Ahead) -> bool {
    if s.at(0) == Some(b'\n') {
        e.tok(Tok::Text, s.take(1));
        stack.pop();
        return true;
    }
    if basic(s, e, ahead) {
        return true;
    }
    match s.at(0) {
        Some(b'"') => {
            e.tok(Tok::Str, s.take(1));
            stack.push(St::Dq);
            return true;
        }
        Some(b'\'') => {
            let close = ahead.quotes.find(s.src, "'", s.pos + 1);
            let eol = ahead.lines.find(s.src, "\n", s.pos + 1);
            if let Some(c) = close.filter(|&c| eol.is_none_or(|l| c < l)) {
                let n = c + 1 - s.pos;
                e.tok(Tok::Str, s.take(n));
                return true;
            }
        }
        Some(b'\\') if s.at(1).is_some() => {
            let n = 1 + s.char_len(1);
            e.tok(Tok::StrEscape, s.take(n));
            return true;
        }
        _ => {}
    }
    let n = s.run(0, |c| c != b'\\' && c != b'\n');
    e.tok(Tok::Str, s.take(n));
    n > 0
}

fn dq(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut Vec<St>) -> bool {
    match s.at(0) {
        Some(b'"') => {
            e.tok(Tok::Str, s.take(1));
            stack.pop();
            true
        }
        Some(b'\\') if s.at(1).is_some() => {
            let n = 1 + s.char_len(1);
            e.tok(Tok::StrEscape, s.take(n));
            true
        }
        Some(b'\\') => false,
        _ => {
            let n = s.run(0, |c| c != b'\\' && c != b'"');
            e.tok(Tok::Str, s.take(n));
            true
        }
    }
}
