//! Dockerfiles, as rouge 3.30's `Docker` lexer (`lexers/docker.rb`, tag `docker`, aliases
//! `dockerfile`, `Dockerfile`). Its states: `root` (instructions at a line's start, in any case:
//! `FROM … AS …`, `ONBUILD` instructions, the others, `RUN`; comments; the rest as text) and
//! `run`, whose command lines go to the shell lexer (rouge's `delegate`, its state kept from one
//! piece to the next until the next `RUN`), escaped characters and line ends apart.

use super::shell::Shell;
use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{run_states, starts_ignore_case, Scan, States},
    token::Tok,
};

/// rouge's `KEYWORDS`, in its order (the first that matches is taken).
const KEYWORDS: &[&str] = &[
    "FROM",
    "MAINTAINER",
    "CMD",
    "LABEL",
    "EXPOSE",
    "ENV",
    "ADD",
    "COPY",
    "ENTRYPOINT",
    "VOLUME",
    "USER",
    "WORKDIR",
    "ARG",
    "STOPSIGNAL",
    "HEALTHCHECK",
    "SHELL",
];

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Run,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut stack = States::new(St::Root);
    let mut shell = Shell::new();
    run_states(code, e, |s, e| match stack.top() {
        St::Root => root(s, e, &mut stack, &mut shell),
        St::Run => run(s, e, &mut stack, &mut shell),
    });
}

fn spaces(s: &Scan<'_>, k: usize) -> usize {
    s.run(k, is_ruby_space)
}

/// The first of rouge's keywords at `pos + k` (any case), with a word boundary after it if
/// `bounded`.
fn keyword(s: &Scan<'_>, k: usize, bounded: bool) -> Option<usize> {
    KEYWORDS
        .iter()
        .find(|w| starts_ignore_case(s, k, w) && (!bounded || s.boundary(s.pos + k + w.len())))
        .map(|w| w.len())
}

fn root(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>, shell: &mut Shell) -> bool {
    let ws = spaces(s, 0);
    if ws > 0 {
        e.tok(Tok::Text, s.take(ws));
        return true;
    }
    if s.bol() && (from_as(s, e) || instruction(s, e)) {
        return true;
    }
    if s.at(0) == Some(b'#') {
        let n = s.to_eol(0);
        e.tok(Tok::Comment, s.take(n));
        return true;
    }
    if s.bol() {
        let onbuild = if starts_ignore_case(s, 0, "ONBUILD") && spaces(s, 7) > 0 {
            7 + spaces(s, 7)
        } else {
            0
        };
        let after = spaces(s, onbuild + 3);
        if starts_ignore_case(s, onbuild, "RUN") && after > 0 {
            e.tok(Tok::Keyword, s.take(onbuild + 3 + after));
            stack.push(St::Run);
            shell.reset();
            return true;
        }
    }
    let word = s.run(0, crate::ctype::is_ruby_word);
    let n = if word > 0 {
        word
    } else {
        let mut k = 0;
        while s.at(k).is_some_and(|c| !crate::ctype::is_ruby_word(c)) {
            k += s.char_len(k);
        }
        k
    };
    e.tok(Tok::Text, s.take(n));
    true
}

/// `^(ONBUILD)(\s+)(KEYWORDS)(.*)` and `^(KEYWORDS)\b(.*)`.
fn instruction(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    let ws = spaces(s, 7);
    if starts_ignore_case(s, 0, "ONBUILD") && ws > 0 {
        if let Some(n) = keyword(s, 7 + ws, false) {
            e.tok(Tok::Keyword, s.take(7));
            e.tok(Tok::Whitespace, s.take(ws));
            e.tok(Tok::Keyword, s.take(n));
            let rest = s.to_eol(0);
            e.tok(Tok::Str, s.take(rest));
            return true;
        }
    }
    let Some(n) = keyword(s, 0, true) else {
        return false;
    };
    e.tok(Tok::Keyword, s.take(n));
    let rest = s.to_eol(0);
    e.tok(Tok::Str, s.take(rest));
    true
}

/// `AS` (any case) between white space at `pos + x`: where the white space after it ends.
fn as_at(s: &Scan<'_>, x: usize) -> Option<usize> {
    let after = spaces(s, x + 2);
    (starts_ignore_case(s, x, "AS") && after > 0).then_some(x + 2 + after)
}

/// `^(FROM)(\s+)(.*)(\s+)(AS)(\s+)(.*)`. The regexp backtracks: the image is the longest
/// stretch of the line (`.*`) that white space and `AS` and white space follow, and that white
/// space may run on past the line end.
fn from_as(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    let ws1 = spaces(s, 4);
    if !starts_ignore_case(s, 0, "FROM") || ws1 == 0 {
        return false;
    }
    let a = 4 + ws1;
    let line_end = a + s.to_eol(a);
    // White space from the line end on, then `AS`: the image runs to the line end.
    let mut found = None;
    if s.at(line_end) == Some(b'\n') {
        let x = line_end + spaces(s, line_end);
        found = as_at(s, x).map(|_| (ws1, line_end, x));
    }
    if found.is_none() {
        // Else the last `AS` on the line after white space, past the image's start.
        let bytes = &s.rest().as_bytes()[a..line_end];
        found = (1..bytes.len())
            .rev()
            .find(|&i| is_ruby_space(bytes[i - 1]) && as_at(s, a + i).is_some())
            .map(|i| (ws1, a + i - 1, a + i));
    }
    if found.is_none() && ws1 > 1 && as_at(s, a).is_some() {
        // Else `FROM` then white space then `AS`: the first white space gives up its last
        // character to the second.
        found = Some((ws1 - 1, a - 1, a));
    }
    let Some((w, image_end, x)) = found else {
        return false;
    };
    let end = as_at(s, x).unwrap_or(x);
    e.tok(Tok::Keyword, s.take(4));
    e.tok(Tok::Whitespace, s.take(w));
    e.tok(Tok::Str, s.take(image_end - 4 - w));
    e.tok(Tok::Whitespace, s.take(x - image_end));
    e.tok(Tok::Keyword, s.take(2));
    e.tok(Tok::Whitespace, s.take(end - x - 2));
    let rest = s.to_eol(0);
    e.tok(Tok::Str, s.take(rest));
    true
}

fn run(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>, shell: &mut Shell) -> bool {
    match s.at(0) {
        Some(b'\n') => {
            e.tok(Tok::Text, s.take(1));
            stack.pop();
            true
        }
        Some(b'\\') => {
            let n = s.char_len(1);
            if n == 0 {
                return false;
            }
            e.tok(Tok::StrEscape, s.take(1 + n));
            true
        }
        _ => {
            let mut k = 0;
            loop {
                match s.at(k) {
                    Some(b'\\') if s.dot(k + 1) > 0 => k += 1 + s.dot(k + 1),
                    Some(c) if c != b'\n' && c != b'\\' => k += s.char_len(k),
                    _ => break,
                }
            }
            shell.continue_lex(s.take(k), e);
            true
        }
    }
}
