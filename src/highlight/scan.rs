//! The scanner the lexers share: a position in the code and the pieces of rouge's regexps that
//! recur (Ruby's `\b`, `^` as rouge's `beginning_of_line?`, `.` as one character but not a line
//! end, runs of a class, keywords by binary search in a sorted table). Every helper looks only
//! as far as it consumes, so a lexer built of them stays linear in the code's length.

use crate::ctype::is_ruby_word;

pub(crate) struct Scan<'s> {
    pub(crate) src: &'s str,
    pub(crate) pos: usize,
}

impl<'s> Scan<'s> {
    pub(crate) fn new(src: &'s str) -> Self {
        Scan { src, pos: 0 }
    }

    pub(crate) fn eos(&self) -> bool {
        self.pos >= self.src.len()
    }

    pub(crate) fn rest(&self) -> &'s str {
        &self.src[self.pos..]
    }

    /// The byte at `pos + k`, if any.
    pub(crate) fn at(&self, k: usize) -> Option<u8> {
        self.src.as_bytes().get(self.pos + k).copied()
    }

    pub(crate) fn starts(&self, s: &str) -> bool {
        self.rest().starts_with(s)
    }

    /// rouge's `beginning_of_line?`: the start of the code or just after a `\n`.
    pub(crate) fn bol(&self) -> bool {
        self.pos == 0 || self.src.as_bytes()[self.pos - 1] == b'\n'
    }

    /// Moves on `n` bytes and gives what was passed.
    pub(crate) fn take(&mut self, n: usize) -> &'s str {
        let s = &self.src[self.pos..self.pos + n];
        self.pos += n;
        s
    }

    /// How many bytes from `pos + from` on are in the ASCII `class`.
    pub(crate) fn run(&self, from: usize, class: impl Fn(u8) -> bool) -> usize {
        self.src.as_bytes()[(self.pos + from).min(self.src.len())..]
            .iter()
            .take_while(|&&b| class(b))
            .count()
    }

    /// The length of the character at `pos + k` (0 at the end).
    pub(crate) fn char_len(&self, k: usize) -> usize {
        self.src[self.pos + k..]
            .chars()
            .next()
            .map_or(0, char::len_utf8)
    }

    /// Regexp `.` at `pos + k`: one character other than `\n`; its length, 0 if none.
    pub(crate) fn dot(&self, k: usize) -> usize {
        match self.at(k) {
            None | Some(b'\n') => 0,
            _ => self.char_len(k),
        }
    }

    /// Bytes from `pos + k` up to the next `\n` (or the end): regexp `.*`.
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
    pub(crate) fn boundary(&self, at: usize) -> bool {
        let before = at > self.pos && self.src[..at].chars().next_back().is_some_and(is_b_word);
        let after = self.src[at..].chars().next().is_some_and(is_b_word);
        before != after
    }

    /// The ASCII word (`\w+`) at `pos + k`, possibly empty.
    pub(crate) fn word(&self, k: usize) -> &'s str {
        let n = self.run(k, is_ruby_word);
        &self.src[self.pos + k..self.pos + k + n]
    }
}

/// A word character as Ruby's `\b` sees it.
fn is_b_word(c: char) -> bool {
    crate::markdown::unicode::is_word(c)
}

/// Whether `word` is in `table` (sorted).
pub(crate) fn in_table(table: &[&str], word: &str) -> bool {
    table.binary_search(&word).is_ok()
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
    fn dot_should_take_a_whole_character_but_no_line_end() {
        let s = Scan::new("é\n");
        assert_eq!(
            (s.dot(0), s.dot(2)),
            (2, 0),
            "dot should be one char, never \\n"
        );
    }
}
