//! Liquid 5.4's `truncate` and `truncatewords` (`StandardFilters`): text cut to a length in
//! characters, the ending (`...` by default) counted in it; or to a number of words (Ruby's
//! `split(" ", words + 1)`: runs of ASCII white space, the first `words` kept and joined by one
//! space, the ending added when anything, even white space alone, follows them).

/// `input | truncate: length, ending`: `None` when `input` is not longer than `length`.
pub fn truncate(input: &str, length: i64, ending: &str) -> Option<String> {
    let count = input.chars().count();
    if i64::try_from(count).unwrap_or(i64::MAX) <= length {
        return None;
    }
    let keep = length.saturating_sub(ending.chars().count() as i64).max(0);
    let mut out: String = input.chars().take(keep as usize).collect();
    out.push_str(ending);
    Some(out)
}

/// `input | truncatewords: words, ending` (`words` below 1 is 1): `None` when nothing follows
/// the words kept.
pub fn truncatewords(input: &str, words: i64, ending: &str) -> Option<String> {
    let words = usize::try_from(words.max(1)).unwrap_or(usize::MAX);
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r');
    let mut kept: Vec<&str> = Vec::new();
    let mut rest = input.trim_start_matches(is_space);
    while kept.len() < words && !rest.is_empty() {
        let end = rest.find(is_space).unwrap_or(rest.len());
        kept.push(&rest[..end]);
        rest = &rest[end..];
        if kept.len() < words {
            rest = rest.trim_start_matches(is_space);
        }
    }
    if rest.is_empty() {
        return None;
    }
    let mut out = kept.join(" ");
    out.push_str(ending);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected output from Ruby's Liquid 5.4 (`Liquid::Template.parse(…).render`).
    #[test]
    fn text_should_be_cut_as_liquid_cuts_it() {
        let cut = |s: &str, n: i64, e: &str| truncate(s, n, e).unwrap_or_else(|| s.to_owned());
        assert_eq!(
            cut("Ground control to Major Tom.", 20, "..."),
            "Ground control to...",
            "the ending should count in the length"
        );
        assert_eq!(
            cut("Ground control", 25, ", and so on"),
            "Ground control",
            "short text should stay"
        );
        assert_eq!(
            cut("Ground", 2, "..."),
            "...",
            "an ending longer than the length should be all that is left"
        );
        assert_eq!(
            cut("héllo wörld", 8, "..."),
            "héllo...",
            "lengths should be in characters"
        );
        let words =
            |s: &str, n: i64, e: &str| truncatewords(s, n, e).unwrap_or_else(|| s.to_owned());
        assert_eq!(
            words("Ground control to Major Tom.", 3, "..."),
            "Ground control to...",
            "the first words should be kept"
        );
        assert_eq!(
            words("a b ", 2, "..."),
            "a b...",
            "white space after the last word kept should add the ending"
        );
        assert_eq!(
            words("a b", 2, "..."),
            "a b",
            "text of as many words should stay"
        );
        assert_eq!(
            words("  one   two three", 2, "--"),
            "one two--",
            "words should be joined by one space"
        );
        assert_eq!(words("x y", 0, "..."), "x...", "zero words should be one");
        assert_eq!(
            words("a\u{a0}b c", 1, "..."),
            "a\u{a0}b...",
            "a no-break space should not split words"
        );
    }
}
