//! What a post's text says about its file's bytes. Jekyll reads posts as UTF-8; a file saved in
//! another encoding (Shift_JIS, GBK, EUC-KR, Latin-1, …) makes it log "could not read file …:
//! invalid byte sequence in UTF-8" and publish nothing for that post (checked with Jekyll 4.3).
//! Whoever decoded the file for postview (a browser's `File.text()`, Node's `readFileSync(…,
//! "utf8")`) put U+FFFD, the replacement character, where the bytes were not UTF-8: that is what
//! is looked for here.

use crate::diagnostic::{Code, Issue};

const REPLACEMENT: char = '\u{FFFD}';

/// An error at the first replacement character of `text`, if it has any, with the number of
/// other places that have them (a run of them is one place: each byte of a character in another
/// encoding may have become one).
pub fn not_utf8(text: &str) -> Option<Issue> {
    let first = first_replacement(text)?;
    let runs = text
        .match_indices(REPLACEMENT)
        .filter(|&(at, _)| !text[..at].ends_with(REPLACEMENT))
        .count();
    let more = runs - 1;
    let elsewhere = match more {
        0 => String::new(),
        1 => " (and in one more place)".to_owned(),
        n => format!(" (and in {n} more places)"),
    };
    Some(Issue::new(
        Code::NotUtf8,
        first,
        format!(
            "the file is not UTF-8 here{elsewhere}: its bytes were read as `\u{FFFD}`; Jekyll \
             cannot read such a file (invalid byte sequence in UTF-8) and does not publish the \
             post. Save the file as UTF-8 from an editor that reads its encoding (Shift_JIS, GBK, \
             EUC-KR, …) — saving this text would keep `\u{FFFD}` instead of the characters. A \
             `\u{FFFD}` written on purpose: write `&#xFFFD;`"
        ),
    ))
}

/// The first U+FFFD, found by its lead byte 0xEF, which CJK text (0xE3–0xE9) seldom has: this
/// reads every post on every keystroke, and `str::find` looked for the last byte, 0xBD, which is
/// common in CJK text, and then checked the bytes before each one.
fn first_replacement(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut at = crate::byte_set::find_byte(b, 0, 0xEF);
    while at < b.len() {
        if b[at..].starts_with(REPLACEMENT_UTF8) {
            return Some(at);
        }
        at = crate::byte_set::find_byte(b, at + 1, 0xEF);
    }
    None
}

const REPLACEMENT_UTF8: &[u8] = "\u{FFFD}".as_bytes();

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_replacement_should_be_found_among_other_characters_of_its_lead_byte() {
        // U+F900 and U+FFFC share the lead byte 0xEF; 㽽 (U+3F7D) ends in 0xBD.
        let text = "\u{F900}㽽\u{FFFC}a\u{FFFD}b\u{FFFD}";
        assert_eq!(
            first_replacement(text),
            text.find('\u{FFFD}'),
            "the first U+FFFD should be found, not a character that shares a byte with it"
        );
        assert_eq!(
            first_replacement("\u{F900}㽽\u{FFFC}"),
            None,
            "text without U+FFFD should have none"
        );
    }

    #[test]
    fn text_without_replacement_characters_should_pass() {
        assert!(not_utf8("---\ntitle: 名称\n---\nÇa va？\n").is_none());
    }

    #[test]
    fn the_first_replacement_character_should_be_the_error_s_place() {
        let text = "---\ntitle: x\n---\nhel\u{FFFD}lo \u{FFFD}\u{FFFD} and \u{FFFD}\n";
        let issue = not_utf8(text).expect("a replacement character should be reported");
        assert_eq!(
            (issue.offset, issue.code),
            (text.find('\u{FFFD}').unwrap(), Code::NotUtf8),
            "the file should be reported as not UTF-8 at the first replacement character"
        );
        assert!(
            issue.message.contains("in 2 more places"),
            "the other places should be counted, a run as one: {}",
            issue.message
        );
    }
}
