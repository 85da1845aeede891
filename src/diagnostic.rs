//! Diagnostics: what went wrong or looks wrong, and where.
//!
//! Stages report a byte offset into the text they were given; `render_post` turns offsets into a
//! place `line:column` in the whole source file (1-based; columns count characters, not bytes),
//! which is what an editor shows.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A diagnostic with its place in the whole source file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// 1-based line in the whole source file.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

impl Diagnostic {
    /// `l:c: severity: message`, the way compilers print it.
    pub fn to_line(&self) -> String {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        format!("{}:{}: {}: {}", self.line, self.column, sev, self.message)
    }
}

/// A diagnostic as a stage reports it: at a byte offset of the stage's own input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub severity: Severity,
    pub message: String,
    pub offset: usize,
}

impl Issue {
    pub fn error(offset: usize, message: impl Into<String>) -> Self {
        Issue {
            severity: Severity::Error,
            message: message.into(),
            offset,
        }
    }

    pub fn warning(offset: usize, message: impl Into<String>) -> Self {
        Issue {
            severity: Severity::Warning,
            message: message.into(),
            offset,
        }
    }

    /// The same issue, `by` bytes further into an enclosing text.
    pub fn shifted(mut self, by: usize) -> Self {
        self.offset += by;
        self
    }
}

/// Maps byte offsets of a text to 1-based lines and character columns.
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset at which each line starts.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// 1-based (line, column) of a byte offset; an offset past the end is the end.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = self.text[self.starts[line]..offset].chars().count() + 1;
        (line as u32 + 1, column as u32)
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> u32 {
        self.position(offset).0
    }

    pub fn locate(&self, issue: Issue) -> Diagnostic {
        let (line, column) = self.position(issue.offset);
        Diagnostic {
            severity: issue.severity,
            message: issue.message,
            line,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
