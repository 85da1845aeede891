//! rouge's Perl strings (`lexers/perl.rb`): `sq`, `dq` and `bq` with `string_intp` (`$name`,
//! `@name`, `${…}` into `in_interp`), and the bracketed `q…` strings, which nest.

use super::St;
use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{Finder, Scan, States},
    token::Tok,
};

/// `string_intp`: `[$@]{` opens `in_interp`; `[$@][a-z_]\w*` is one interpolation.
fn interpolation(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    if !matches!(s.at(0), Some(b'$' | b'@')) {
        return false;
    }
    if s.at(1) == Some(b'{') {
        e.tok(Tok::StrInterpol, s.take(2));
        stack.push(St::InInterp);
        return true;
    }
    if s.at(1)
        .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
    {
        let n = 2 + s.run(2, is_ruby_word);
        e.tok(Tok::StrInterpol, s.take(n));
        return true;
    }
    false
}

/// Characters that no rule but the one-character text rule takes at their place.
fn is_plain_in(c: u8, quote: u8) -> bool {
    !matches!(c, b'\\' | b'$' | b'@') && c != quote
}

pub(super) fn sq(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    match s.at(0) {
        Some(b'\\') if matches!(s.at(1), Some(b'\\' | b'\'')) => e.tok(Tok::StrEscape, s.take(2)),
        Some(b'\\') => e.tok(Tok::StrSingle, s.take(1)),
        Some(b'\'') => {
            e.tok(Tok::Punctuation, s.take(1));
            stack.pop();
        }
        Some(_) => {
            let n = s.run(0, |c| c != b'\\' && c != b'\'');
            e.tok(Tok::StrSingle, s.take(n));
        }
        None => return false,
    }
    true
}

/// The length of `dq`'s escape at `pos` (a backslash), 0 if none of its escape rules takes it.
fn dq_escape(s: &Scan<'_>, names: &mut Finder) -> usize {
    let hex = |c: u8| c.is_ascii_hexdigit();
    let digit = |c: u8| c.is_ascii_digit();
    match s.at(1) {
        Some(c) if b"\\tnrabefluLUE\"$@".contains(&c) => 2,
        Some(b'0') if s.run(2, digit) >= 2 => 4,
        Some(b'o') if s.at(2) == Some(b'{') => {
            let d = s.run(3, digit);
            if d > 0 && s.at(3 + d) == Some(b'}') {
                4 + d
            } else {
                0
            }
        }
        Some(b'x') if s.run(2, hex) >= 2 => 4,
        Some(b'x') if s.at(2) == Some(b'{') => {
            let d = s.run(3, hex);
            if d > 0 && s.at(3 + d) == Some(b'}') {
                4 + d
            } else {
                0
            }
        }
        Some(b'c') => match s.dot(2) {
            0 => 0,
            n => 2 + n,
        },
        Some(b'N') if s.at(2) == Some(b'{') && s.at(3) != Some(b'}') => names
            .find(s.src, "}", s.pos + 3)
            .map_or(0, |at| at + 1 - s.pos),
        _ => 0,
    }
}

pub(super) fn dq(
    s: &mut Scan<'_>,
    e: &mut Emitter<'_>,
    stack: &mut States<St>,
    names: &mut Finder,
) -> bool {
    if interpolation(s, e, stack) {
        return true;
    }
    match s.at(0) {
        Some(b'\\') => {
            let n = dq_escape(s, names).max(1);
            e.tok(Tok::StrEscape, s.take(n));
        }
        Some(b'"') => {
            e.tok(Tok::Punctuation, s.take(1));
            stack.pop();
        }
        Some(_) => {
            let n = s.run(0, |c| is_plain_in(c, b'"')).max(s.char_len(0));
            e.tok(Tok::StrDouble, s.take(n));
        }
        None => return false,
    }
    true
}

pub(super) fn bq(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    if interpolation(s, e, stack) {
        return true;
    }
    match s.at(0) {
        Some(b'\\') if s.at(1).is_some_and(|c| b"\\tnr`".contains(&c)) => {
            e.tok(Tok::StrEscape, s.take(2))
        }
        Some(b'\\') | None => return false,
        Some(b'`') => {
            e.tok(Tok::Punctuation, s.take(1));
            stack.pop();
        }
        Some(_) => {
            let n = s.run(0, |c| is_plain_in(c, b'`')).max(s.char_len(0));
            e.tok(Tok::StrBacktick, s.take(n));
        }
    }
    true
}

pub(super) fn in_interp(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    let b = s.at(0).unwrap_or(0);
    if b == b'}' {
        e.tok(Tok::StrInterpol, s.take(1));
        stack.pop();
        return true;
    }
    let ws = s.run(0, is_ruby_space);
    if ws > 0 {
        e.tok(Tok::Text, s.take(ws));
        return true;
    }
    if b.is_ascii_alphabetic() || b == b'_' {
        let n = 1 + s.run(1, is_ruby_word);
        e.tok(Tok::StrInterpol, s.take(n));
        return true;
    }
    false
}

/// `cb_string`, `rb_string`, `sb_string`, `lt_string`: all `Str::Other`, a bracket escaped by a
/// backslash, an open one nesting.
pub(super) fn bracketed(
    s: &mut Scan<'_>,
    e: &mut Emitter<'_>,
    stack: &mut States<St>,
    open: u8,
    close: u8,
) -> bool {
    let n = match s.at(0) {
        None => return false,
        Some(b'\\') => {
            1 + usize::from(
                s.at(1)
                    .is_some_and(|c| c == open || c == close || c == b'\\'),
            )
        }
        Some(c) if c == open => {
            stack.push(St::Bracketed(open, close));
            1
        }
        Some(c) if c == close => {
            stack.pop();
            1
        }
        Some(_) => s
            .rest()
            .bytes()
            .take_while(|&c| c != b'\\' && c != open && c != close)
            .count(),
    };
    e.tok(Tok::StrOther, s.take(n));
    true
}
