//! Where rouge's Perl patterns for delimited text end (`lexers/perl.rb`): the greedy
//! `(\\[\\C]|[^C])*C` of `balanced_regex` and `s{…}`, and the lazy `((\\\\|\\C)|[^C])*?C` of
//! `s`, `tr`, `y` and `m` with any delimiter. Both read the text as Onigmo does: first each
//! backslash paired with a following backslash or `C`, ending at the first `C` not so escaped;
//! when that reading finds none, backtracking ends the match at the last `C` in reach (a
//! pair taken apart, its backslash alone). Every answer comes from one index of where each
//! character occurs, so a rule that fails costs a lookup, and one that matches costs about what
//! it consumes.

/// Where each character of the code occurs: `(character, offset)` pairs in order, made on the
/// first question (most code never has a delimiter to look up). Pairs of `u32`, the type of the
/// heredoc index too, so that one sort serves both.
/// One per code: the index is of the first code asked about.
#[derive(Default)]
pub(super) struct Delimiters {
    index: Option<Vec<(u32, u32)>>,
}

impl Delimiters {
    /// The offsets of `c` in `src[from..to]`, in order.
    fn occurrences(&mut self, src: &str, c: char, from: usize, to: usize) -> &[(u32, u32)] {
        let index = self.index.get_or_insert_with(|| {
            let mut all: Vec<(u32, u32)> = src
                .char_indices()
                .map(|(i, c)| (c as u32, offset(i)))
                .collect();
            all.sort_unstable();
            all
        });
        let lo = index.partition_point(|&p| p < (c as u32, offset(from)));
        let hi = index.partition_point(|&p| p < (c as u32, offset(to)));
        &index[lo..hi]
    }

    /// How many times `c` occurs at or after `from`, counting no further than `most`.
    pub(super) fn count_from(&mut self, src: &str, c: char, from: usize, most: usize) -> usize {
        self.occurrences(src, c, from, src.len()).len().min(most)
    }

    /// The first `c` at or after `from` (a lazy `(.|\n)*?C`, no escapes).
    pub(super) fn next(&mut self, src: &str, c: char, from: usize) -> Option<usize> {
        self.occurrences(src, c, from, src.len())
            .first()
            .map(|&(_, i)| i as usize)
    }

    /// Where `(\\[\\C]|[^C])*C`, greedy or lazy alike, ends from `from`, `C` being `close`
    /// (not a backslash), looking no further than `to`: the offset of the closing `C`.
    pub(super) fn close(
        &mut self,
        src: &str,
        from: usize,
        close: char,
        to: usize,
    ) -> Option<usize> {
        let found = self.occurrences(src, close, from, to);
        let bytes = src.as_bytes();
        for &(_, at) in found {
            let at = at as usize;
            let backslashes = bytes[from..at]
                .iter()
                .rev()
                .take_while(|&&b| b == b'\\')
                .count();
            if backslashes % 2 == 0 {
                return Some(at);
            }
        }
        found.last().map(|&(_, at)| at as usize)
    }

    /// The lazy `((\\\\|\\C)|[^C])*?C` from `from`, whatever `C` is: with `C` a backslash, the
    /// first one ends it.
    pub(super) fn lazy_close(&mut self, src: &str, from: usize, close: char) -> Option<usize> {
        if close == '\\' {
            self.next(src, close, from)
        } else {
            self.close(src, from, close, src.len())
        }
    }

    /// The greedy `\\(\\\\|[^\\])*\\` after its opening backslash (at `from - 1`): pairs of
    /// backslashes go on, a backslash alone ends it; failing that, the last pair's first one.
    pub(super) fn backslash_close(&mut self, src: &str, from: usize) -> Option<usize> {
        let found = self.occurrences(src, '\\', from, src.len());
        let mut run_start = None;
        let mut prev = None;
        for &(_, at) in found {
            let at = at as usize;
            if prev != Some(at.wrapping_sub(1)) {
                if let (Some(start), Some(end)) = (run_start, prev) {
                    if (end + 1 - start) % 2 == 1 {
                        return Some(end);
                    }
                }
                run_start = Some(at);
            }
            prev = Some(at);
        }
        let (start, end) = (run_start?, prev?);
        if (end + 1 - start) % 2 == 1 {
            return Some(end);
        }
        Some(end - 1)
    }

    /// The two lazy parts of `s`, `tr` and `y` with any delimiter,
    /// `((\\\\|\\C)|[^C])*?C((\\\\|\\C)|[^C])*?C`, from `from`: where the second `C` is. The
    /// first part ends where it would alone, unless nothing is left for the second; then at
    /// the last `C` before the last one.
    pub(super) fn two_parts(&mut self, src: &str, from: usize, close: char) -> Option<usize> {
        if self.count_from(src, close, from, 2) < 2 {
            return None;
        }
        let first = self.lazy_close(src, from, close)?;
        let first = if self.next(src, close, first + close.len_utf8()).is_some() {
            first
        } else {
            let found = self.occurrences(src, close, from, first);
            found.last().map(|&(_, at)| at as usize)?
        };
        self.lazy_close(src, first + close.len_utf8(), close)
    }
}

/// An offset as the indexes keep it (code past 4 GB is not coloured whole anyway).
pub(super) fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    // One index per code: each check gets its own.

    #[test]
    fn an_escaped_close_should_be_passed_unless_nothing_else_ends_it() {
        let src = r"a\/b/c\/d";
        assert_eq!(
            Delimiters::default().close(src, 0, '/', src.len()),
            Some(4),
            "\\/ should be passed"
        );
        assert_eq!(
            Delimiters::default().close(src, 5, '/', src.len()),
            Some(7),
            "with only escaped ones left, the last should end it"
        );
        assert_eq!(
            Delimiters::default().close(r"\\/", 0, '/', 3),
            Some(2),
            "\\\\ should pair, so / ends it"
        );
    }

    #[test]
    fn two_parts_should_leave_a_close_for_the_second_part() {
        assert_eq!(
            Delimiters::default().two_parts("a/b/c", 0, '/'),
            Some(3),
            "s/a/b/ ends at the second /"
        );
        assert_eq!(
            Delimiters::default().two_parts(r"a\/b/", 0, '/'),
            Some(4),
            "the first part should end at the escaped / to leave one for the second"
        );
        assert_eq!(
            Delimiters::default().two_parts("a/b", 0, '/'),
            None,
            "one / is not enough"
        );
    }

    #[test]
    fn a_backslash_delimiter_should_end_at_a_lone_backslash() {
        assert_eq!(
            Delimiters::default().backslash_close(r"a\\b\c", 0),
            Some(4),
            "\\\\ pairs, \\ alone ends"
        );
        assert_eq!(
            Delimiters::default().backslash_close(r"a\\b", 0),
            Some(1),
            "a last pair's first one ends it"
        );
        assert_eq!(
            Delimiters::default().backslash_close("ab", 0),
            None,
            "no backslash, no end"
        );
    }
}
