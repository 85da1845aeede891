//! Character classes and indentation counting shared by the parsers, each named for whose rule it
//! is: the references do not agree, so a class is picked by the pattern being followed.
//!
//! - **Ruby's regexp `\s` and `\w`** (Onigmo on a UTF-8 string, no `(?u)`: ASCII only). kramdown's
//!   and Liquid's patterns are Ruby regexps, so both use these: `\s` is space, `\t`, `\n`, `\v`,
//!   `\f`, `\r` (Rust's `is_ascii_whitespace` leaves out `\v`); `\w` is `[A-Za-z0-9_]`.
//! - **kramdown's `[ \t]`** where its patterns spell that out instead of `\s` (after a header's
//!   `#`s, a list marker, a definition's `:`), its `OPT_SPACE` (` {0,3}`), and indentation
//!   counted in spaces.
//! - Not here: **Ruby's `String#strip`** also strips NUL (`liquid/ruby.rs` `is_space`, moving to
//!   the Ruby module), and kramdown's Unicode `\p{Word}` / `[[:alnum:]]` (`markdown/unicode.rs`).
//!   YAML's own white space (`s-white`, space and tab) is libyaml's business (serde_yaml).

/// Ruby's regexp `\s`: ASCII space, `\t`, `\n`, `\v`, `\f`, `\r`.
#[inline]
pub fn is_ruby_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// Ruby's regexp `\s` for a character (no non-ASCII character is one).
#[inline]
pub fn is_ruby_space_char(c: char) -> bool {
    c.is_ascii() && is_ruby_space(c as u8)
}

/// Ruby's regexp `\w`: `[A-Za-z0-9_]`.
#[inline]
pub fn is_ruby_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Ruby's regexp `\w` for a character (no non-ASCII character is one).
#[inline]
pub fn is_ruby_word_char(c: char) -> bool {
    c.is_ascii() && is_ruby_word(c as u8)
}

/// kramdown's `[ \t]`.
#[inline]
pub fn is_space_or_tab(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// How many bytes at the start of `s` are in `class` (an ASCII class, so a byte count is also
/// where the rest starts).
#[inline]
pub fn leading(s: &str, class: impl Fn(u8) -> bool) -> usize {
    s.bytes().take_while(|&b| class(b)).count()
}

/// The spaces a line starts with (kramdown's indentation: spaces only).
#[inline]
pub fn leading_spaces(line: &str) -> usize {
    leading(line, |b| b == b' ')
}

/// kramdown's `OPT_SPACE` (` {0,3}`): the leading spaces, at most three.
#[inline]
pub fn opt_space(line: &str) -> usize {
    line.bytes().take(3).take_while(|&b| b == b' ').count()
}

/// The line after its `OPT_SPACE`.
#[inline]
pub fn strip_opt_space(line: &str) -> &str {
    &line[opt_space(line)..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ruby_space_should_include_vertical_tab_and_no_unicode_space() {
        assert!(
            is_ruby_space(b'\x0b'),
            "Ruby's \\s has \\v, Rust's is_ascii_whitespace not"
        );
        assert!(is_ruby_space_char('\r'));
        assert!(!is_ruby_space(0), "NUL is String#strip's, not \\s");
        assert!(
            !is_ruby_space_char('\u{3000}'),
            "an ideographic space is no \\s"
        );
        assert!(!is_ruby_space_char('\u{a0}'));
    }

    #[test]
    fn ruby_word_should_be_ascii_letters_digits_and_underscore() {
        assert!(is_ruby_word(b'_') && is_ruby_word(b'Z') && is_ruby_word(b'7'));
        assert!(!is_ruby_word(b'-') && !is_ruby_word(0xc3));
    }

    #[test]
    fn indentation_should_count_spaces_only() {
        assert_eq!(leading_spaces("   \tx"), 3, "a tab should end the spaces");
        assert_eq!(
            opt_space("     x"),
            3,
            "OPT_SPACE should take at most three"
        );
        assert_eq!(opt_space(" x"), 1);
        assert_eq!(leading(" \t x", is_space_or_tab), 3);
        assert_eq!(leading("\x0b\nx", is_ruby_space), 2);
        assert_eq!(leading("", is_ruby_space), 0);
    }
}
