//! Unified diffs, as rouge 3.30's `Diff` lexer (`lexers/diff.rb`, tag `diff`, aliases `patch`,
//! `udiff`): one state, `root`, whose rules each take a line by its first characters; a rule
//! starting with `^` is only tried at a line's start (rouge's `beginning_of_line?`).

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{emit::Emitter, scan::Scan, token::Tok};

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut s = Scan::new(code);
    while !s.eos() {
        match line_rule(&s).or_else(|| space_rule(&s)) {
            Some(steps) => {
                for (tok, n) in steps.into_iter().flatten() {
                    let t = s.take(n);
                    e.tok(tok, t);
                }
            }
            None => {
                let n = s.char_len(0);
                e.tok(Tok::Error, s.take(n));
            }
        }
    }
}

/// A matched rule: up to two tokens with their lengths.
type Steps = [Option<(Tok, usize)>; 2];

fn one(tok: Tok, n: usize) -> Option<Steps> {
    Some([Some((tok, n)), None])
}

/// `.*$\n?` from `pos + k`: the rest of the line with its line end.
fn line_from(s: &Scan<'_>, k: usize) -> usize {
    let n = k + s.to_eol(k);
    n + usize::from(s.at(n) == Some(b'\n'))
}

/// The rules anchored at a line's start, in rouge's order.
fn line_rule(s: &Scan<'_>) -> Option<Steps> {
    if !s.bol() {
        return None;
    }
    let first = s.at(0)?;
    match first {
        b' ' => return one(Tok::Text, line_from(s, 0)),
        b'-' if s.to_eol(0) == 3 && s.starts("---") => {
            return one(Tok::Punctuation, line_from(s, 3))
        }
        b'+' | b'>' => return one(Tok::GenericInserted, line_from(s, 0)),
        b'-' | b'<' => return one(Tok::GenericDeleted, line_from(s, 0)),
        b'!' => return one(Tok::GenericStrong, line_from(s, 0)),
        _ => {}
    }
    if ["Index", "index", "diff"].iter().any(|p| s.starts(p)) {
        return one(Tok::GenericHeading, line_from(s, 0));
    }
    if s.starts("@@") {
        if let Some(steps) = hunk(s) {
            return Some(steps);
        }
    }
    if is_ruby_word(first) {
        return one(Tok::Punctuation, line_from(s, 0));
    }
    if first == b'=' {
        return one(Tok::GenericHeading, line_from(s, 0));
    }
    None
}

/// `(@@[^@]*@@)([^\n]*\n)`: the header may run over lines up to the next `@`.
fn hunk(s: &Scan<'_>) -> Option<Steps> {
    let inner = s.run(2, |b| b != b'@');
    let head = 2 + inner;
    if s.at(head) != Some(b'@') || s.at(head + 1) != Some(b'@') {
        return None;
    }
    let head = head + 2;
    let tail = s.to_eol(head);
    (s.at(head + tail) == Some(b'\n'))
        .then_some([Some((Tok::Punctuation, head)), Some((Tok::Text, tail + 1))])
}

/// `\s.*$\n?` anywhere: a white space character, then the rest of that line (a `\n` first
/// takes the whole next line).
fn space_rule(s: &Scan<'_>) -> Option<Steps> {
    let b = s.at(0)?;
    is_ruby_space(b).then(|| [Some((Tok::Text, line_from(s, 1))), None])
}
