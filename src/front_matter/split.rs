//! Splits a post into front matter and body, as Jekyll reads a document.
//!
//! Jekyll's rule (`Jekyll::Document::YAML_FRONT_MATTER_REGEXP`): the file starts with a line `---`
//! (trailing white space allowed); the front matter runs up to the next line that is `---` or
//! `...` (trailing white space allowed); the body is everything after that line, with any blank
//! lines right after it. A file that does not open this way has no front matter, and Jekyll
//! copies it unrendered; one that opens but never closes is the same to Jekyll.

use crate::byte_set;

/// The parts of a post, as byte ranges of the text given to `split`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// The YAML text (from the opening `---` line on, which YAML reads as a document marker),
    /// if the post has front matter.
    pub yaml: Option<std::ops::Range<usize>>,
    /// The body: what Jekyll renders with Liquid and then Markdown.
    pub body: std::ops::Range<usize>,
    /// The post opens with `---` but no closing line follows.
    pub unclosed: bool,
}

/// Splits `text` (BOM already removed, line ends already `\n`).
pub fn split(text: &str) -> Split {
    let whole = Split {
        yaml: None,
        body: 0..text.len(),
        unclosed: false,
    };
    let Some(after_open) = opening_line_end(text) else {
        return whole;
    };
    let mut line_start = after_open;
    while line_start < text.len() {
        let line_end = byte_set::find_byte(text.as_bytes(), line_start, b'\n');
        let line = &text[line_start..line_end];
        if is_closing_line(line) {
            let mut body = (line_end + 1).min(text.len());
            // Jekyll's `\s*$\n?` also swallows blank lines after the closing line, but
            // keeps the last line break before content that is not blank.
            body = skip_blank_lines(text, body);
            return Split {
                yaml: Some(0..line_start),
                body: body..text.len(),
                unclosed: false,
            };
        }
        line_start = line_end + 1;
    }
    Split {
        unclosed: true,
        ..whole
    }
}

/// The offset after the opening `---` line (and the white space Jekyll's `---\s*\n` allows).
fn opening_line_end(text: &str) -> Option<usize> {
    let rest = text.strip_prefix("---")?;
    let ws = rest.len()
        - rest
            .trim_start_matches([' ', '\t', '\n', '\x0b', '\x0c'])
            .len();
    let last_nl = rest[..ws].rfind('\n')?;
    Some(3 + last_nl + 1)
}

fn is_closing_line(line: &str) -> bool {
    let rest = line
        .strip_prefix("---")
        .or_else(|| line.strip_prefix("..."));
    rest.is_some_and(|r| r.trim_matches([' ', '\t', '\x0b', '\x0c']).is_empty())
}

fn skip_blank_lines(text: &str, mut at: usize) -> usize {
    loop {
        let line_end = byte_set::find_byte(text.as_bytes(), at, b'\n');
        if line_end == text.len() {
            return at;
        }
        if text[at..line_end]
            .trim_matches([' ', '\t', '\x0b', '\x0c'])
            .is_empty()
        {
            // A blank line followed by more text: Jekyll's `\s*` eats it.
            let next = line_end + 1;
            if next >= text.len() {
                return at;
            }
            at = next;
        } else {
            return at;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> (Option<&str>, &str, bool) {
        let s = split(text);
        (s.yaml.map(|r| &text[r]), &text[s.body], s.unclosed)
    }

    #[test]
    fn split_should_find_front_matter_between_dashes() {
        assert_eq!(
            parts("---\na: 1\n---\nbody\n"),
            (Some("---\na: 1\n"), "body\n", false)
        );
    }

    #[test]
    fn split_should_accept_dots_and_trailing_spaces_as_the_closing_line() {
        assert_eq!(
            parts("--- \na: 1\n...  \nbody"),
            (Some("--- \na: 1\n"), "body", false)
        );
    }

    #[test]
    fn split_should_accept_empty_front_matter() {
        assert_eq!(parts("---\n---\nbody"), (Some("---\n"), "body", false));
    }

    #[test]
    fn split_should_leave_a_post_without_opening_line_whole() {
        assert_eq!(
            parts("title: x\n---\nbody"),
            (None, "title: x\n---\nbody", false)
        );
        assert_eq!(parts("---x\n---\n"), (None, "---x\n---\n", false));
    }

    #[test]
    fn split_should_flag_front_matter_that_never_closes() {
        assert_eq!(parts("---\na: 1\nbody"), (None, "---\na: 1\nbody", true));
    }

    #[test]
    fn split_should_not_take_a_longer_dash_line_as_closing() {
        assert_eq!(
            parts("---\na: 1\n----\n---\nb"),
            (Some("---\na: 1\n----\n"), "b", false)
        );
    }

    #[test]
    fn split_should_swallow_blank_lines_after_the_closing_line() {
        assert_eq!(
            parts("---\na: 1\n---\n\n\nbody"),
            (Some("---\na: 1\n"), "body", false)
        );
    }
}
