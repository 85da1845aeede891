//! Where rendering writes: the output text with its source map, the issues, and the budget that
//! keeps a hostile template (filters that double a string, thousands of copies of a long value)
//! from taking more than linear time and memory. None of this is Liquid; it is the preview's.

use crate::diagnostic::{Code, Issue};
use crate::source_map::SourceMap;
use std::ops::Range;

/// The output text and, run by run, where it came from.
pub struct Writer {
    pub text: String,
    pub map: SourceMap,
    /// Where the last copied run ends in the input, while the output still ends with it: a copy
    /// that continues it needs no new run.
    copy_end: Option<usize>,
}

impl Writer {
    pub fn with_capacity(capacity: usize) -> Self {
        Writer {
            text: String::with_capacity(capacity),
            map: SourceMap::default(),
            copy_end: None,
        }
    }

    /// Copies `template[range]` verbatim.
    pub fn copy(&mut self, template: &str, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        if self.copy_end != Some(range.start) {
            self.map.copied(self.text.len(), range.start);
        }
        self.text.push_str(&template[range.clone()]);
        self.copy_end = Some(range.end);
    }

    /// Writes `text` produced by the construct at `at`. Empty output records nothing, so the next
    /// run starts where it should.
    pub fn produce(&mut self, text: &str, at: usize) {
        if text.is_empty() {
            return;
        }
        self.map.produced(self.text.len(), at);
        self.text.push_str(text);
        self.copy_end = None;
    }
}

/// At most this many issues are listed; the rest are counted in one last issue, so a template of
/// 10 000 broken tags does not make 10 000 diagnostics.
pub const MAX_ISSUES: usize = 100;

#[derive(Default)]
pub struct Issues {
    pub list: Vec<Issue>,
    dropped: usize,
    first_dropped: usize,
}

impl Issues {
    pub fn push(&mut self, issue: Issue) {
        if self.list.len() < MAX_ISSUES {
            self.list.push(issue);
        } else {
            if self.dropped == 0 {
                self.first_dropped = issue.offset;
            }
            self.dropped += 1;
        }
    }

    /// An issue of this code; the code's severity says whether Jekyll's build would stop.
    pub fn report(&mut self, code: Code, offset: usize, message: impl Into<String>) {
        self.push(Issue::new(code, offset, message));
    }

    /// Whether another issue would still be listed; callers skip formatting messages otherwise.
    pub fn has_room(&self) -> bool {
        self.list.len() < MAX_ISSUES
    }

    /// Counts an issue that is not listed (the message need not be built).
    pub fn count_dropped(&mut self, offset: usize) {
        if self.dropped == 0 {
            self.first_dropped = offset;
        }
        self.dropped += 1;
    }

    pub fn finish(mut self) -> Vec<Issue> {
        if self.dropped > 0 {
            let n = self.dropped;
            self.list.push(Issue::new(
                Code::TooManyLiquidProblems,
                self.first_dropped,
                format!(
                    "{n} more Liquid problem{} from here on {} not listed; fix the ones above first",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "is" } else { "are" }
                ),
            ));
        }
        self.list
    }
}

/// How many bytes of values the preview is willing to make and print: a fixed allowance plus a
/// multiple of the template's size. Real posts use a tiny fraction of it.
pub struct Budget {
    left: usize,
}

impl Budget {
    pub fn for_template(len: usize) -> Self {
        Budget {
            left: (1 << 20) + len.saturating_mul(8),
        }
    }

    /// Takes `bytes` from the budget; false (and nothing taken) if that would overdraw it.
    pub fn take(&mut self, bytes: usize) -> bool {
        if bytes > self.left {
            self.left = 0;
            return false;
        }
        self.left -= bytes;
        true
    }

    pub fn is_exhausted(&self) -> bool {
        self.left == 0
    }

    pub fn left(&self) -> usize {
        self.left
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguous_copies_should_share_one_run() {
        let template = "abcdef";
        let mut w = Writer::with_capacity(8);
        w.copy(template, 0..2);
        w.copy(template, 2..4);
        w.copy(template, 5..6);
        assert_eq!(w.text, "abcdf");
        let mut expected = SourceMap::default();
        expected.copied(0, 0);
        expected.copied(4, 5);
        assert_eq!(
            w.map, expected,
            "a copy continuing the previous one should not start a new run"
        );
    }

    #[test]
    fn produced_text_should_map_to_its_tag_and_empty_output_should_record_nothing() {
        let template = "a{{ x }}{{ y }}b";
        let mut w = Writer::with_capacity(8);
        w.copy(template, 0..1);
        w.produce("XYZ", 1);
        w.produce("", 8);
        w.copy(template, 15..16);
        assert_eq!(w.text, "aXYZb");
        assert_eq!(
            w.map.to_input(2),
            1,
            "produced text should point at its tag"
        );
        assert_eq!(
            w.map.to_input(4),
            15,
            "text after an empty output should map to itself"
        );
    }

    #[test]
    fn issues_past_the_cap_should_be_counted_in_one_last_issue() {
        let mut issues = Issues::default();
        for i in 0..MAX_ISSUES + 5 {
            issues.report(Code::UnknownVariable, i, "x");
        }
        let list = issues.finish();
        assert_eq!(
            list.len(),
            MAX_ISSUES + 1,
            "the list should stop at the cap plus one summary"
        );
        assert_eq!(
            list[MAX_ISSUES].offset, MAX_ISSUES,
            "the summary should point at the first unlisted issue"
        );
        assert_eq!(
            list[MAX_ISSUES].code,
            Code::TooManyLiquidProblems,
            "the last issue should be the summary"
        );
        assert!(
            list[MAX_ISSUES].message.starts_with("5 more"),
            "the summary should count the unlisted issues"
        );
    }

    #[test]
    fn budget_should_refuse_an_overdraw_and_stay_exhausted() {
        let mut b = Budget { left: 10 };
        assert!(b.take(4), "a small take should succeed");
        assert!(!b.take(7), "a take past what is left should fail");
        assert!(b.is_exhausted(), "a failed take should exhaust the budget");
    }
}
