//! Diagnostics: what went wrong or looks wrong, and where.
//!
//! Stages report a byte offset into the text they were given; `render_post` turns offsets into a
//! place `line:column` in the whole source file (1-based; columns count characters, not bytes),
//! which is what an editor shows. Every diagnostic has a [`Code`] (`codes.rs`), which fixes its
//! severity: an issue cannot be made without one.

mod codes;
#[cfg(any(all(feature = "page", target_arch = "wasm32"), test))]
pub mod localized;

#[cfg(target_arch = "wasm32")]
pub(crate) use codes::TYPESCRIPT as CODES_TYPESCRIPT;
pub use codes::{Code, Jekyll};
use serde::Serialize;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Jekyll stops the build, or publishes something other than what the author meant.
    Error,
    /// Jekyll publishes the post, but maybe not as the author expects.
    Warning,
}

impl Severity {
    /// The word JavaScript, `postview check` and the page of codes use (as serialized).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A diagnostic with its place in the whole source file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// The kind of problem, e.g. `liquid/unknown-tag`: what tools and tests match on.
    pub code: Code,
    /// What is wrong, and what to do about it.
    pub message: String,
    /// 1-based line in the whole source file.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

impl Diagnostic {
    /// `l:c: severity: message [code]`, the way compilers print it.
    pub fn to_line(&self) -> String {
        format!(
            "{}:{}: {}: {} [{}]",
            self.line,
            self.column,
            self.severity.as_str(),
            self.message,
            self.code
        )
    }
}

/// A diagnostic as a stage reports it: at a byte offset of the stage's own input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub code: Code,
    pub message: String,
    pub offset: usize,
}

impl Issue {
    /// An issue of `code` at `offset`; `message` says, for people, what is wrong and what to do.
    pub fn new(code: Code, offset: usize, message: impl Into<String>) -> Self {
        Issue {
            code,
            message: message.into(),
            offset,
        }
    }

    /// The severity of the issue's code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// The same issue, `by` bytes further into an enclosing text.
    pub fn shifted(mut self, by: usize) -> Self {
        self.offset += by;
        self
    }
}

/// Maps byte offsets of a text to 1-based lines and character columns.
///
/// Offsets are asked mostly in increasing order (block starts, sorted diagnostics), so it
/// counts line breaks forward from the last answer instead of indexing every line up front.
pub struct LineIndex<'a> {
    text: &'a str,
    /// The last offset answered and the number of line breaks before it.
    cursor: std::cell::Cell<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        LineIndex {
            text,
            cursor: std::cell::Cell::new((0, 0)),
        }
    }

    /// 1-based (line, column) of a byte offset; an offset past the end is the end.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let (offset, line) = self.offset_and_line(offset);
        let line_start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let column = self.text[line_start..offset].chars().count() + 1;
        (line, column as u32)
    }

    /// 1-based line of a byte offset (asked for every block of a post: no column).
    pub fn line(&self, offset: usize) -> u32 {
        self.offset_and_line(offset).1
    }

    /// The offset, moved back to a character boundary and to the end at most, and its line.
    fn offset_and_line(&self, offset: usize) -> (usize, u32) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (mut at, mut breaks) = self.cursor.get();
        if offset < at {
            (at, breaks) = (0, 0);
        }
        breaks += count_line_breaks(&self.text.as_bytes()[at..offset]);
        self.cursor.set((offset, breaks));
        (offset, breaks as u32 + 1)
    }

    pub fn locate(&self, issue: Issue) -> Diagnostic {
        let (line, column) = self.position(issue.offset);
        Diagnostic {
            severity: issue.code.severity(),
            code: issue.code,
            message: issue.message,
            line,
            column,
        }
    }
}

/// The number of `\n` bytes, eight at a time (this runs over every post on every keystroke).
fn count_line_breaks(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut count = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // A zero byte of `word ^ "\n\n…"` is a line break; this marks each zero byte's high bit.
        let x = word ^ (ONES * u64::from(b'\n'));
        let zeros = !(((x & !HIGHS) + !HIGHS) | x) & HIGHS;
        count += zeros.count_ones() as usize;
    }
    count + chunks.remainder().iter().filter(|&&b| b == b'\n').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_line_breaks_should_count_every_newline() {
        let text = "a\nb\n\n\u{100}\n12345678\n\n\n\n\n\n\n\n\nend";
        assert_eq!(
            count_line_breaks(text.as_bytes()),
            text.matches('\n').count()
        );
        assert_eq!(count_line_breaks(&[b'\n'; 17]), 17);
        assert_eq!(
            count_line_breaks(&[0x8a; 16]),
            0,
            "bytes with the high bit set are not newlines"
        );
    }

    #[test]
    fn position_should_answer_out_of_order() {
        let idx = LineIndex::new("a\nb\nc\n");
        assert_eq!(idx.position(4), (3, 1));
        assert_eq!(
            idx.position(2),
            (2, 1),
            "an earlier offset after a later one should be right too"
        );
    }

    #[test]
    fn position_should_count_lines_and_characters_from_one() {
        let idx = LineIndex::new("ab\nプラ\n");
        assert_eq!(idx.position(0), (1, 1), "the first byte should be 1:1");
        assert_eq!(
            idx.position(3),
            (2, 1),
            "the byte after a newline should start a line"
        );
        assert_eq!(
            idx.position(6),
            (2, 2),
            "columns should count characters, not bytes"
        );
        assert_eq!(
            idx.position(100),
            (3, 1),
            "an offset past the end should be the end"
        );
    }
}
