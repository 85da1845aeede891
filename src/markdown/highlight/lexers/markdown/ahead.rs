//! The forward searches of rouge 3.30's `Markdown` lexer, each remembered so that marks never
//! closed do not send every later one to read to the end again. Most of its rules read
//! `edot*?` (`\\.|[^\\\n]`: an escaped character or any other but a line end) up to a closing
//! mark: the mark is found where a unit may start, which is wherever an even run of backslashes
//! (or none) is before it, since every rule starts its units after a character that is not one.

use crate::markdown::highlight::scan::{Finder, RunLast};

/// Whether a unit of `edot` may start at `p`: an even number of backslashes just before it.
pub(super) fn unit_start(src: &str, p: usize) -> bool {
    src.as_bytes()[..p]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count()
        % 2
        == 0
}

/// One search each: its remembered answer is only good for the one condition it checks.
#[derive(Default)]
pub(super) struct Ahead {
    line_end: Finder,
    gt: Finder,
    link_end: Finder,
    bracket: Finder,
    ref_end: Finder,
    any_bracket: Finder,
    strong_star: Finder,
    strong_under: Finder,
    star: Finder,
    under: Finder,
    double: Finder,
    single: Finder,
    paren: Finder,
    at: Finder,
    dot: Finder,
    front_matter_end: Finder,
    backtick_break: Finder,
    backtick_runs: Option<Vec<(usize, usize)>>,
    /// `&\S*;`: the last `;` of a run without white space.
    pub(super) semicolon: RunLast,
    /// The last `>` of the line that ends at the first number.
    line_gt: Option<(usize, Option<usize>)>,
}

/// The marks `unit_end` finds.
#[derive(Clone, Copy)]
pub(super) enum Mark {
    Gt,
    /// `]` before `[` or `(`.
    LinkEnd,
    Bracket,
    /// `]` before `\s*:`.
    RefEnd,
    StrongStar,
    StrongUnder,
    Star,
    Under,
    Double,
    Single,
    Paren,
}

impl Ahead {
    /// Where the line that `from` is on ends (its `\n`, or the end).
    pub(super) fn eol(&mut self, src: &str, from: usize) -> usize {
        self.line_end.find(src, "\n", from).unwrap_or(src.len())
    }

    /// `edot*?` then the mark, from `from`: where the mark starts, on the same line.
    pub(super) fn unit_end(&mut self, src: &str, from: usize, mark: Mark) -> Option<usize> {
        let b = src.as_bytes();
        let next_is = |p: usize, set: &[u8]| b.get(p).is_some_and(|c| set.contains(c));
        let (finder, pat): (&mut Finder, &str) = match mark {
            Mark::Gt => (&mut self.gt, ">"),
            Mark::LinkEnd => (&mut self.link_end, "]"),
            Mark::Bracket => (&mut self.bracket, "]"),
            Mark::RefEnd => (&mut self.ref_end, "]"),
            Mark::StrongStar => (&mut self.strong_star, "**"),
            Mark::StrongUnder => (&mut self.strong_under, "__"),
            Mark::Star => (&mut self.star, "*"),
            Mark::Under => (&mut self.under, "_"),
            Mark::Double => (&mut self.double, "\""),
            Mark::Single => (&mut self.single, "'"),
            Mark::Paren => (&mut self.paren, ")"),
        };
        let found = finder.find_where(src, pat, from, |p| {
            unit_start(src, p)
                && match mark {
                    Mark::LinkEnd => next_is(p + 1, b"[("),
                    Mark::RefEnd => {
                        let ws = b[p + 1..]
                            .iter()
                            .take_while(|&&c| crate::ctype::is_ruby_space(c))
                            .count();
                        next_is(p + 1 + ws, b":")
                    }
                    _ => true,
                }
        })?;
        (found < self.eol(src, from)).then_some(found)
    }

    /// The first `]` at or after `from`, on any line.
    pub(super) fn any_bracket(&mut self, src: &str, from: usize) -> Option<usize> {
        self.any_bracket.find(src, "]", from)
    }

    /// The last `>` of the line that ends at `eol`.
    pub(super) fn last_gt(&mut self, src: &str, eol: usize) -> Option<usize> {
        match self.line_gt {
            Some((end, gt)) if end == eol => gt,
            _ => {
                let start = src[..eol].rfind('\n').map_or(0, |i| i + 1);
                let gt = src[start..eol].rfind('>').map(|i| start + i);
                self.line_gt = Some((eol, gt));
                gt
            }
        }
    }

    pub(super) fn at_sign(&mut self, src: &str, from: usize) -> Option<usize> {
        self.at.find(src, "@", from)
    }

    pub(super) fn dot(&mut self, src: &str, from: usize) -> Option<usize> {
        self.dot.find(src, ".", from)
    }

    /// The `\n` before a closing `---` line of front matter, at or after `from`, with the end
    /// of that line as `---\s*$\n?` reads it.
    pub(super) fn front_matter_end(&mut self, src: &str, from: usize) -> Option<usize> {
        let at = self.front_matter_end.find_where(src, "\n---", from, |q| {
            dashes_line_end(src, q + 4).is_some()
        })?;
        dashes_line_end(src, at + 4)
    }

    /// Where a backslash that starts a unit stands before a line end, at or after `from`: no
    /// backtick string reaches past it.
    pub(super) fn backtick_break(&mut self, src: &str, from: usize) -> usize {
        self.backtick_break
            .find_where(src, "\\\n", from, |p| unit_start(src, p))
            .unwrap_or(src.len())
    }

    /// Every run of backticks, as where its part that units may reach starts and its length.
    pub(super) fn backtick_runs(&mut self, src: &str) -> &[(usize, usize)] {
        self.backtick_runs.get_or_insert_with(|| {
            let b = src.as_bytes();
            let mut runs = Vec::new();
            let mut i = 0;
            while let Some(k) = b[i..].iter().position(|&c| c == b'`') {
                let start = i + k;
                let len = b[start..].iter().take_while(|&&c| c == b'`').count();
                let skip = usize::from(!unit_start(src, start));
                if len > skip {
                    runs.push((start + skip, len - skip));
                }
                i = start + len;
            }
            runs
        })
    }
}

/// After `---` at `at`: `\s*$\n?`, the end of what it takes, if it matches.
pub(super) fn dashes_line_end(src: &str, at: usize) -> Option<usize> {
    let b = src.as_bytes();
    let ws = b[at.min(b.len())..]
        .iter()
        .take_while(|&&c| crate::ctype::is_ruby_space(c))
        .count();
    if at + ws >= b.len() {
        return Some(b.len());
    }
    b[at..at + ws]
        .iter()
        .rposition(|&c| c == b'\n')
        .map(|i| at + i + 1)
}
