//! The scanner the lexers share: a position in the code and the pieces of rouge's regexps that
//! recur (Ruby's `\b`, `^` as rouge's `beginning_of_line?`, `.` as one character but not a line
//! end, runs of a class, keywords by binary search in a sorted table). Every helper looks only
//! as far as it consumes, so a lexer built of them stays linear in the code's length.

use super::emit::Emitter;
use super::token::Tok;
use crate::ctype::is_ruby_word;
use crate::markdown::unicode::is_alnum;

pub(crate) struct Scan<'s> {
    pub(crate) src: &'s str,
    pub(crate) pos: usize,
}

// The helpers stay out of line: the crate is built for speed (opt-level 3), and inlined at every
// rule of every lexer they would cost the wasm module more than they save in time.
impl<'s> Scan<'s> {
    pub(crate) fn new(src: &'s str) -> Self {
        Scan { src, pos: 0 }
    }

    #[inline(never)]
    pub(crate) fn eos(&self) -> bool {
        self.pos >= self.src.len()
    }

    #[inline(never)]
    pub(crate) fn rest(&self) -> &'s str {
        &self.src[self.pos..]
    }

    /// The byte at `pos + k`, if any.
    #[inline(never)]
    pub(crate) fn at(&self, k: usize) -> Option<u8> {
        self.src.as_bytes().get(self.pos + k).copied()
    }

    #[inline(never)]
    pub(crate) fn starts(&self, s: &str) -> bool {
        self.rest().starts_with(s)
    }

    /// rouge's `beginning_of_line?`: the start of the code or just after a `\n`.
    #[inline(never)]
    pub(crate) fn bol(&self) -> bool {
        self.pos == 0 || self.src.as_bytes()[self.pos - 1] == b'\n'
    }

    /// Moves on `n` bytes and gives what was passed.
    #[inline(never)]
    pub(crate) fn take(&mut self, n: usize) -> &'s str {
        let s = &self.src[self.pos..self.pos + n];
        self.pos += n;
        s
    }

    /// How many bytes from `pos + from` on are in the ASCII `class`.
    /// (A plain function, not a closure, so that one copy of the loop serves every lexer.)
    #[inline(never)]
    pub(crate) fn run(&self, from: usize, class: fn(u8) -> bool) -> usize {
        self.src.as_bytes()[(self.pos + from).min(self.src.len())..]
            .iter()
            .take_while(|&&b| class(b))
            .count()
    }

    /// The length of the character at `pos + k` (0 at the end).
    #[inline(never)]
    pub(crate) fn char_len(&self, k: usize) -> usize {
        self.src[self.pos + k..]
            .chars()
            .next()
            .map_or(0, char::len_utf8)
    }

    /// Regexp `.` at `pos + k`: one character other than `\n`; its length, 0 if none.
    #[inline(never)]
    pub(crate) fn dot(&self, k: usize) -> usize {
        match self.at(k) {
            None | Some(b'\n') => 0,
            _ => self.char_len(k),
        }
    }

    /// Bytes from `pos + k` up to the next `\n` (or the end): regexp `.*`.
    #[inline(never)]
    pub(crate) fn to_eol(&self, k: usize) -> usize {
        let from = (self.pos + k).min(self.src.len());
        self.src.as_bytes()[from..]
            .iter()
            .position(|&b| b == b'\n')
            .unwrap_or(self.src.len() - from)
    }

    /// Ruby's `\b` at byte offset `at` (at or after `pos`) in a rule matched at `pos`: rouge's
    /// `StringScanner` matches as if the code began at `pos`, so nothing before it counts. Its
    /// word characters are Unicode's, unlike its `\w`.
    #[inline(never)]
    pub(crate) fn boundary(&self, at: usize) -> bool {
        let before = at > self.pos && self.src[..at].chars().next_back().is_some_and(is_b_word);
        let after = self.src[at..].chars().next().is_some_and(is_b_word);
        before != after
    }

    /// The ASCII word (`\w+`) at `pos + k`, possibly empty.
    #[inline(never)]
    pub(crate) fn word(&self, k: usize) -> &'s str {
        let n = self.run(k, is_ruby_word);
        &self.src[self.pos + k..self.pos + k + n]
    }

    /// The run of Unicode word characters (Onigmo's `\w` with `(?u)`, as `\b` sees them) at
    /// `pos + k`, possibly empty: a keyword rule's `(…)\b` reads the whole run.
    pub(crate) fn unicode_word(&self, k: usize) -> &'s str {
        let rest = &self.src[self.pos + k..];
        let n = rest
            .char_indices()
            .find(|&(_, c)| !is_b_word(c))
            .map_or(rest.len(), |(i, _)| i);
        &rest[..n]
    }
}

/// A word character as Ruby's `\b` sees it.
fn is_b_word(c: char) -> bool {
    crate::markdown::unicode::is_word(c)
}

/// Whether `word` is in `table`: sorted words separated by single spaces (one string, where a
/// slice of strings would cost the wasm module eight bytes of pointers a word), by binary search.
#[inline(never)]
pub(crate) fn in_words(table: &str, word: &str) -> bool {
    let t = table.as_bytes();
    let (mut lo, mut hi) = (0, t.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        let start = t[lo..mid]
            .iter()
            .rposition(|&b| b == b' ')
            .map_or(lo, |i| lo + i + 1);
        let end = t[start..]
            .iter()
            .position(|&b| b == b' ')
            .map_or(t.len(), |i| start + i);
        match table[start..end].cmp(word) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// The next place of a pattern at or after some offset, remembered: a lexer that asks again
/// from further on (still before the place found) gets the answer without a new search, so
/// rules that look far ahead and fail stay linear over the whole code.
#[derive(Default)]
pub(crate) struct Finder {
    from: usize,
    found: Option<Option<usize>>,
}

impl Finder {
    /// Where `pat` next occurs in `src` at or after `from`.
    #[inline(never)]
    pub(crate) fn find(&mut self, src: &str, pat: &str, from: usize) -> Option<usize> {
        self.find_where(src, pat, from, |_| true)
    }

    /// Where `pat` next occurs at or after `from` with `ok` true of that place (`ok` must
    /// depend only on the place, the same for every call on this finder).
    #[inline(never)]
    pub(crate) fn find_where(
        &mut self,
        src: &str,
        pat: &str,
        from: usize,
        ok: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        if let Some(found) = self.found {
            if from >= self.from && found.is_none_or(|at| from <= at) {
                return found;
            }
        }
        let mut at = from;
        let found = loop {
            match src.get(at..).and_then(|r| r.find(pat)) {
                Some(i) if ok(at + i) => break Some(at + i),
                Some(i) => at += i + 1,
                None => break None,
            }
        };
        self.from = from;
        self.found = Some(found);
        found
    }
}

/// The last place of a character in a run of non-space characters (rouge's `\S+` then the
/// character, which backtracks to the last one), remembered for the run: a run full of
/// openings that never close is read once, not once per opening.
#[derive(Default)]
pub(crate) struct RunLast {
    start: usize,
    end: usize,
    last: Option<usize>,
}

impl RunLast {
    /// The last `c` at or after `from` in the non-space run that goes on from `from`.
    #[inline(never)]
    pub(crate) fn find(&mut self, src: &str, from: usize, c: u8) -> Option<usize> {
        if !(self.start <= from && from < self.end) {
            let b = src.as_bytes();
            let len = b[from..]
                .iter()
                .take_while(|&&x| !crate::ctype::is_ruby_space(x))
                .count();
            self.start = from;
            self.end = from + len;
            self.last = b[from..self.end]
                .iter()
                .rposition(|&x| x == c)
                .map(|i| from + i);
        }
        self.last.filter(|&at| at >= from)
    }
}

/// Whether a table for `in_words` is sorted, one space between words (for the lexers' tests).
#[cfg(test)]
pub(crate) fn is_word_table(table: &str) -> bool {
    let words: Vec<&str> = table.split(' ').collect();
    words.iter().all(|w| !w.is_empty()) && words.windows(2).all(|p| p[0] < p[1])
}

/// A lexer's state stack, as rouge keeps one: the state on top runs; the root is never popped.
pub(crate) struct States<S: Copy> {
    stack: Vec<S>,
    root: S,
}

impl<S: Copy> States<S> {
    pub fn new(root: S) -> Self {
        States {
            stack: vec![root],
            root,
        }
    }

    /// A stack that starts in `first`, above the root.
    pub fn starting_in(root: S, first: S) -> Self {
        States {
            stack: vec![root, first],
            root,
        }
    }

    pub fn top(&self) -> S {
        *self.stack.last().unwrap_or(&self.root)
    }

    pub fn push(&mut self, state: S) {
        self.stack.push(state);
    }

    /// Replaces the state on top (rouge's `goto`).
    pub fn goto(&mut self, state: S) {
        if let Some(top) = self.stack.last_mut() {
            *top = state;
        }
    }

    pub fn pop(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    /// `n` bytes as `tok`, then back to the state below (a rule with `:pop!`); nothing if `n`
    /// is 0.
    pub fn emit_pop(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, tok: Tok, n: usize) -> bool {
        if n == 0 {
            return false;
        }
        e.tok(tok, s.take(n));
        self.pop();
        true
    }
}

/// `\s+` (Ruby's space class) as text; whether there was any.
pub(crate) fn space_text(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    let n = s.run(0, crate::ctype::is_ruby_space);
    e.tok(Tok::Text, s.take(n));
    n > 0
}

/// rouge's `MAX_NULL_SCANS`: after this many rules in a row that consume nothing, a character
/// is an error.
const MAX_NULL_SCANS: usize = 5;

/// Runs a lexer of states as rouge's `RegexLexer` does: `step` tries the rules of the state on
/// top and says whether one matched; a character no rule takes, or reached after more than
/// `MAX_NULL_SCANS` matches in a row that took nothing, is written as an error.
pub(crate) fn run_states(
    code: &str,
    e: &mut Emitter<'_>,
    mut step: impl FnMut(&mut Scan<'_>, &mut Emitter<'_>) -> bool,
) {
    let mut s = Scan::new(code);
    let mut null_steps = 0;
    while !s.eos() {
        let at = s.pos;
        let matched = step(&mut s, e);
        if matched && s.pos == at {
            null_steps += 1;
        } else if matched {
            null_steps = 0;
        }
        if !matched || null_steps > MAX_NULL_SCANS {
            let n = s.char_len(0);
            e.tok(Tok::Error, s.take(n));
        }
    }
}

/// A Unicode identifier at `pos + k` (`[[:alpha:]_][[:alnum:]_]*`, as Go's and Python's lexers
/// read one): its length, 0 if none.
pub(crate) fn unicode_identifier(s: &Scan<'_>, k: usize) -> usize {
    let rest = &s.src[s.pos + k..];
    match rest.chars().next() {
        Some(c) if c.is_alphabetic() || c == '_' => rest
            .char_indices()
            .find(|&(_, c)| !(is_alnum(c) || c == '_'))
            .map_or(rest.len(), |(i, _)| i),
        _ => 0,
    }
}

/// Whether the code at `pos + k` starts with `word` in any ASCII case (a rule with Ruby's `i`).
pub(crate) fn starts_ignore_case(s: &Scan<'_>, k: usize, word: &str) -> bool {
    s.src
        .as_bytes()
        .get(s.pos + k..s.pos + k + word.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
}

/// What `c` folds to under Onigmo's case-insensitive matching, where that is ASCII: an ASCII
/// character in lower case (written into `one`), the long s, the Kelvin sign, the sharp s and
/// the Latin ligatures.
pub(crate) fn ascii_fold(c: char, one: &mut [u8; 4]) -> Option<&str> {
    Some(match c {
        _ if c.is_ascii() => c.to_ascii_lowercase().encode_utf8(one),
        '\u{17F}' => "s",
        '\u{212A}' => "k",
        '\u{DF}' | '\u{1E9E}' => "ss",
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    })
}

/// The length of the code at `pos + k` that matches `word` (ASCII, its letters in lower case)
/// under a rule with Ruby's `i`: each character by its `ascii_fold`.
pub(crate) fn starts_folded(s: &Scan<'_>, k: usize, word: &str) -> Option<usize> {
    let mut want = word.as_bytes();
    let text = &s.src[s.pos + k..];
    for (i, c) in text.char_indices() {
        if want.is_empty() {
            return Some(i);
        }
        let mut one = [0; 4];
        want = want.strip_prefix(ascii_fold(c, &mut one)?.as_bytes())?;
    }
    want.is_empty().then_some(text.len())
}

/// Where a step inside a block comment that nests leaves the comment's depth.
pub(crate) enum Nesting {
    Deeper,
    Shallower,
    Same,
}

/// One step inside a `/* … */` comment that nests, as rouge's Kotlin, Swift and Scala lexers
/// read one: `/*` opens another, `*/` closes one, anything else is text of the comment (a `/`
/// or `*` alone, else the run up to the next of them). Writes the piece as a multi-line comment.
pub(crate) fn nested_comment(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> Nesting {
    let (n, nesting) = if s.starts("/*") {
        (2, Nesting::Deeper)
    } else if s.starts("*/") {
        (2, Nesting::Shallower)
    } else {
        (s.run(0, |c| c != b'/' && c != b'*').max(1), Nesting::Same)
    };
    e.tok(Tok::CommentMultiline, s.take(n));
    nesting
}

/// For each byte of `tail` (the text after a string's opening quote), where rouge's lazy
/// `(\\.|.)*?Q` from there ends, as offsets into `tail` (for a string whose plain reading, each
/// backslash with the next character, finds no closing `quote`): the quote ends it, a
/// backslash first pairs with the next character and, failing that, stands alone. Worked out
/// once from the end back, so a lexer asking from many places of one tail stays linear.
pub(crate) fn lazy_quoted_ends(tail: &str, quote: u8) -> Vec<Option<usize>> {
    let mut answers = vec![None; tail.len() + 1];
    let starts: Vec<usize> = tail.char_indices().map(|(i, _)| i).collect();
    for (k, &i) in starts.iter().enumerate().rev() {
        let next = starts.get(k + 1).copied().unwrap_or(tail.len());
        answers[i] = match tail.as_bytes()[i] {
            c if c == quote => Some(i),
            b'\\' if next < tail.len() => {
                let after = starts.get(k + 2).copied().unwrap_or(tail.len());
                answers[after].or(answers[next])
            }
            _ => answers[next],
        };
    }
    answers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundary_should_see_unicode_letters_as_word_characters() {
        let mut s = Scan::new("éif x");
        assert!(
            !s.boundary(2),
            "Ruby's \\b should see é as a word character"
        );
        assert!(s.boundary(4), "a space after a word should be a boundary");
        s.pos = 2;
        assert!(
            s.boundary(2),
            "at the scan position nothing before should count, as in rouge's StringScanner"
        );
    }

    #[test]
    fn finder_should_answer_from_memory_as_it_would_by_searching() {
        let mut f = Finder::default();
        let src = "a``b`";
        assert_eq!(f.find(src, "`", 0), Some(1));
        assert_eq!(
            f.find(src, "`", 1),
            Some(1),
            "the same place from the same start"
        );
        assert_eq!(
            f.find(src, "`", 2),
            Some(2),
            "a later start should search again"
        );
        assert_eq!(f.find(src, "`", 5), None, "nothing after the last one");
    }

    #[test]
    fn in_words_should_find_every_word_and_nothing_else() {
        let table = "a bb c dd eee f";
        for w in table.split(' ') {
            assert!(in_words(table, w), "{w} should be found");
        }
        for w in ["", "b", "ee", "eeee", "g", "0", "a bb"] {
            assert!(!in_words(table, w), "{w:?} should not be found");
        }
    }

    #[test]
    fn lazy_quoted_ends_should_backtrack_into_an_escaped_quote() {
        let ends = lazy_quoted_ends("a\\'b\\'c", b'\'');
        assert_eq!(
            ends[0],
            Some(5),
            "with no plain closing quote, the last escaped one should end the string"
        );
        assert_eq!(ends[6], None, "after the last quote nothing should end it");
    }

    #[test]
    fn starts_folded_should_match_as_onigmo_folds_case() {
        let s = Scan::new("CLA\u{DF} \u{FB01}lter \u{212A}ey");
        assert_eq!(
            starts_folded(&s, 0, "class"),
            Some(5),
            "any case, and the sharp s for `ss`"
        );
        assert_eq!(
            starts_folded(&s, 6, "filter"),
            Some(7),
            "a ligature for its letters"
        );
        assert_eq!(
            starts_folded(&s, 14, "key"),
            Some(5),
            "the Kelvin sign for `k`"
        );
        assert_eq!(
            starts_folded(&s, 0, "clasp"),
            None,
            "a fold that does not match should fail"
        );
        assert_eq!(
            starts_folded(&s, 6, "f"),
            None,
            "a ligature should not be split"
        );
    }

    #[test]
    fn dot_should_take_a_whole_character_but_no_line_end() {
        let s = Scan::new("é\n");
        assert_eq!(
            (s.dot(0), s.dot(2)),
            (2, 0),
            "dot should be one char, never \\n"
        );
    }
}
