//! The C lexer's `root` rule for a function's signature (rouge 3.30 `lexers/c.rb`):
//! `([\w*\s]+?[\s*])(id)(\s*\([^;]*?\))(ws?)({|;)`, where `ws` is white space, `//` comments to
//! a line end and `/* */` comments on one line. The rule is tried at every step of `root`, and
//! each try could read far ahead; what each try finds is kept, so the tries of one code block
//! read it a bounded number of times:
//! - the first group and the name lie in one run of `[\w*\s]`, which must end at the `(`; the
//!   name is the last word before it, so a run is read once for all the steps inside it;
//! - `[^;]*?\)` takes the first `)` before a `;` that `ws?` and `{` or `;` follow; that first
//!   `)` from some place is kept, as is what `ws?` then `{` or `;` gives from each place tried;
//!   a `/* */` comment of `ws` is ended at its first `*/`, then (as rouge backtracks) at each
//!   later `*/` of its line, and what each of those gives is kept too.

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::scan::Finder;
use std::collections::HashMap;

/// Where the parts of a signature end: the name's start and end, the `)`'s end, and the
/// `{` or `;` that closes it.
pub(super) struct Signature {
    pub(super) name: usize,
    pub(super) name_end: usize,
    pub(super) params_end: usize,
    pub(super) brace: usize,
}

/// What the tries of one code block have found so far.
#[derive(Default)]
pub(super) struct Memo {
    /// The last run of `[\w*\s]` read: where it was read from, and its end.
    run: (usize, usize),
    /// The name before the last run's `(`: that `(`, the name's start and end.
    name: Option<(usize, usize, usize)>,
    semicolons: Finder,
    /// The last search for a `)` that closes a signature: from where, and what it found.
    close: Option<(usize, Option<(usize, usize)>)>,
    /// What `ws?` then `{` or `;` gives from a place: the `{` or `;`, or no match.
    walks: HashMap<usize, Option<usize>>,
    /// The same for a comment ended at the `i`th `*/` or, failing that, a later one of its line.
    ends_known: HashMap<usize, Option<usize>>,
    /// The places of `\n` and of `*/` in the code, once a walk needs them.
    newlines: Option<Vec<usize>>,
    comment_ends: Option<Vec<usize>>,
}

fn in_run(b: u8) -> bool {
    is_ruby_word(b) || is_ruby_space(b) || b == b'*'
}

impl Memo {
    /// The signature starting at `p` in `src`, if the rule matches there.
    pub(super) fn at(&mut self, src: &str, p: usize) -> Option<Signature> {
        let b = src.as_bytes();
        if !(self.run.0 <= p && p < self.run.1) {
            let n = b[p..].iter().take_while(|&&c| in_run(c)).count();
            self.run = (p, p + n);
            self.name = None;
        }
        let paren = self.run.1;
        if paren <= p || b.get(paren) != Some(&b'(') {
            return None;
        }
        let (start, end) = self.name_before(b, paren);
        if start < p + 2
            || end == start
            || !matches!(b[start - 1], b'*') && !is_ruby_space(b[start - 1])
        {
            return None;
        }
        if !(b[start].is_ascii_alphabetic() || b[start] == b'_') {
            return None;
        }
        let (close, brace) = self.close_after(src, paren + 1)?;
        let semicolon = self.semicolons.find(src, ";", paren);
        if semicolon.is_some_and(|at| at < close) {
            return None;
        }
        Some(Signature {
            name: start,
            name_end: end,
            params_end: close + 1,
            brace,
        })
    }

    /// The last word before the white space before the `(` at `paren`: its start and end.
    fn name_before(&mut self, b: &[u8], paren: usize) -> (usize, usize) {
        if let Some((at, start, end)) = self.name {
            if at == paren {
                return (start, end);
            }
        }
        let end = paren
            - b[..paren]
                .iter()
                .rev()
                .take_while(|&&c| is_ruby_space(c))
                .count();
        let start = end
            - b[..end]
                .iter()
                .rev()
                .take_while(|&&c| is_ruby_word(c))
                .count();
        self.name = Some((paren, start, end));
        (start, end)
    }

    /// The first `)` at or after `from` that `ws?` and `{` or `;` follow, and that `{` or `;`.
    fn close_after(&mut self, src: &str, from: usize) -> Option<(usize, usize)> {
        if let Some((at, found)) = self.close {
            if at <= from && found.is_none_or(|(c, _)| from <= c) {
                return found;
            }
        }
        let mut at = from;
        let found = loop {
            let Some(i) = src[at..].find(')') else {
                break None;
            };
            let c = at + i;
            if let Some(brace) = self.walk(src.as_bytes(), c + 1) {
                break Some((c, brace));
            }
            at = c + 1;
        };
        self.close = Some((from, found));
        found
    }

    /// `ws?` then `{` or `;` from `from`, as rouge's backtracking tries it: the place of the
    /// `{` or `;`, if it matches. Each place's answer is kept, and so is, for each `*/`, the
    /// answer of a comment ended there or at a later `*/` of its line; both are worked out
    /// with a stack of what is still to know, not by recursion.
    fn walk(&mut self, b: &[u8], from: usize) -> Option<usize> {
        let mut todo = vec![Goal::From(from)];
        while let Some(&goal) = todo.last() {
            let need = match goal {
                Goal::From(y) if self.walks.contains_key(&y) => None,
                Goal::From(y) => self.answer_at_place(b, y),
                Goal::End(i) if self.ends_known.contains_key(&i) => None,
                Goal::End(i) => self.answer_at_end(b, i),
            };
            match need {
                Some(next) => todo.push(next),
                None => {
                    todo.pop();
                }
            }
        }
        self.walks.get(&from).copied().flatten()
    }

    /// Works out the answer at `y`, or says what must be known first.
    fn answer_at_place(&mut self, b: &[u8], y: usize) -> Option<Goal> {
        let then = |memo: &mut Self, next: Option<usize>| match next {
            Some(n) => match memo.walks.get(&n) {
                Some(&known) => {
                    memo.walks.insert(y, known);
                    None
                }
                None => Some(Goal::From(n)),
            },
            None => {
                memo.walks.insert(y, None);
                None
            }
        };
        match (b.get(y), b.get(y + 1)) {
            (Some(&c), _) if is_ruby_space(c) => {
                let n = y + b[y..].iter().take_while(|&&c| is_ruby_space(c)).count();
                then(self, Some(n))
            }
            (Some(b'/'), Some(b'/')) => {
                let next = self.newline_from(b, y + 2).map(|nl| nl + 1);
                then(self, next)
            }
            (Some(b'/'), Some(b'*')) => match self.first_end(b, y + 2) {
                Some(i) => match self.ends_known.get(&i) {
                    Some(&known) => {
                        self.walks.insert(y, known);
                        None
                    }
                    None => Some(Goal::End(i)),
                },
                None => then(self, None),
            },
            (Some(b'{' | b';'), _) => {
                self.walks.insert(y, Some(y));
                None
            }
            _ => then(self, None),
        }
    }

    /// Works out the answer of a comment ended at the `i`th `*/` or a later one of its line,
    /// or says what must be known first.
    fn answer_at_end(&mut self, b: &[u8], i: usize) -> Option<Goal> {
        let ends = self.comment_ends.as_deref().unwrap_or_default();
        let (end, next) = (ends[i], ends.get(i + 1).copied());
        let after = end + 2;
        let Some(&here) = self.walks.get(&after) else {
            return Some(Goal::From(after));
        };
        if here.is_some() {
            self.ends_known.insert(i, here);
            return None;
        }
        let newline = self.newline_from(b, end);
        let same_line = next.is_some_and(|k| newline.is_none_or(|nl| k < nl));
        if !same_line {
            self.ends_known.insert(i, None);
            return None;
        }
        match self.ends_known.get(&(i + 1)) {
            Some(&known) => {
                self.ends_known.insert(i, known);
                None
            }
            None => Some(Goal::End(i + 1)),
        }
    }

    fn newline_from(&mut self, b: &[u8], from: usize) -> Option<usize> {
        let lines = self
            .newlines
            .get_or_insert_with(|| places(b, |i| b[i] == b'\n'));
        lines.get(lines.partition_point(|&at| at < from)).copied()
    }

    /// The index of the first `*/` at or after `from` on the same line, if any.
    fn first_end(&mut self, b: &[u8], from: usize) -> Option<usize> {
        let ends = self
            .comment_ends
            .get_or_insert_with(|| places(b, |i| b[i] == b'*' && b.get(i + 1) == Some(&b'/')));
        let i = ends.partition_point(|&at| at < from);
        let end = *ends.get(i)?;
        let newline = self.newline_from(b, from);
        newline.is_none_or(|nl| end < nl).then_some(i)
    }
}

/// What a walk must know: the answer from a place, or that of a comment ended at the `i`th
/// `*/` or a later one of its line.
#[derive(Clone, Copy)]
enum Goal {
    From(usize),
    End(usize),
}

/// Every offset of `b` where `is` holds, in order.
fn places(b: &[u8], is: impl Fn(usize) -> bool) -> Vec<usize> {
    (0..b.len()).filter(|&i| is(i)).collect()
}
