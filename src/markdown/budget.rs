//! The output budget of one render: text that an option repeats on every element of a kind
//! (`auto_id_prefix` in every header id, `footnote_prefix` in every footnote id and link,
//! `footnote_backlink` in every back link, the highlighter's class and default language on every
//! piece of code) may not make the HTML grow faster than the post.
//!
//! Reference: kramdown 2.4 `converter/html.rb` (`convert_header`, `convert_footnote`,
//! `footnote_content`), which writes such an option's text once per element whatever its
//! length: half a post of prefix over the other half of headers is quadratic. Here each option's
//! repeats are counted before anything is written and charged against one budget, in the order
//! of this table; an option whose repeats do not fit is not applied to this render (its default
//! is written, so ids and their links still agree), with a warning where the option was set.
//!
//! Definitions expand the same way (kramdown writes a link definition's URL, an abbreviation's
//! title, an attribute list definition's attributes at every use): each use is charged to the
//! same budget as it is resolved, and past it the use is left as text, with one warning.

use super::options::KramdownOptions;
use super::Body;
use crate::diagnostic::{Code, Issue};
use pulldown_cmark::{Event as Md, Tag};
use std::borrow::Cow;
use std::cell::Cell;

/// Bytes of repeated option text every render may write, whatever its size: far above what a
/// real post's prefixes and back links take (30 bytes on 30,000 headers).
const ALLOWANCE: usize = 1 << 20;
/// And per byte of the post's Markdown.
const PER_INPUT_BYTE: usize = 2;

/// How many elements repeat an option's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Repeats {
    /// Headers that get an automatic id.
    pub auto_ids: usize,
    /// Footnote references (each writes its note's id twice, its back link once more).
    pub footnote_references: usize,
    /// Code blocks and code spans (each may name the highlighter's default language and class).
    pub code_blocks: usize,
    pub code_spans: usize,
}

impl Repeats {
    /// Counts the elements of a body (and of the footnotes' bodies).
    pub fn add(&mut self, body: &Body<'_>) {
        for e in &body.events {
            match e {
                super::Event::Md(Md::Start(Tag::Heading { id: None, .. }), _) => self.auto_ids += 1,
                super::Event::Md(Md::FootnoteReference(_), _) => self.footnote_references += 1,
                super::Event::Md(Md::Start(Tag::CodeBlock(_)), _) => self.code_blocks += 1,
                super::Event::Md(Md::Code(_), _) => self.code_spans += 1,
                _ => {}
            }
        }
    }
}

/// One option whose text is repeated: its name (and the key `{::options}` sets it with), how
/// many copies of its text the elements write, the text's length as written, and how to put its
/// default back.
struct Repeated {
    name: &'static str,
    key: &'static str,
    copies: usize,
    bytes: usize,
    reset: fn(&mut KramdownOptions),
    advice: &'static str,
}

/// What is left of a render's budget for repeated text. Shared by the stages that expand a
/// definition per use (through `span::Definitions`), hence counted in cells.
#[derive(Debug)]
pub struct Budget {
    total: usize,
    left: Cell<usize>,
    /// The uses refused so far, and those already warned about, as bits of `Use`.
    refused: Cell<u8>,
    warned: Cell<u8>,
}

/// What a definition's use expands to, each charged to the budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// A link reference: its definition's URL and title.
    Link = 1,
    /// An abbreviation: its title.
    Abbreviation = 2,
    /// An attribute list's reference: its definition's attributes.
    AttributeList = 4,
}

impl Default for Budget {
    /// The budget of an empty text (what tests of a single stage get).
    fn default() -> Budget {
        Budget::new(0)
    }
}

impl Budget {
    /// The budget of a post of `input_len` bytes.
    pub fn new(input_len: usize) -> Budget {
        let total = ALLOWANCE.saturating_add(input_len.saturating_mul(PER_INPUT_BYTE));
        Budget {
            total,
            left: Cell::new(total),
            refused: Cell::new(0),
            warned: Cell::new(0),
        }
    }

    /// Takes `cost` bytes if they are left.
    fn take(&self, cost: usize) -> bool {
        let fits = cost <= self.left.get();
        if fits {
            self.left.set(self.left.get() - cost);
        }
        fits
    }

    /// Charges one use of a definition that writes `cost` bytes; `false` (and nothing charged)
    /// when they are not left, and the use is to be left as text.
    pub fn charge(&self, what: Use, cost: usize) -> bool {
        let fits = self.take(cost);
        if !fits {
            self.refused.set(self.refused.get() | what as u8);
        }
        fits
    }

    /// The warning for refused uses of `what`, the first time it is asked after a refusal
    /// (one per render), at `offset`.
    pub fn warning(&self, what: Use, offset: usize) -> Option<Issue> {
        let bit = what as u8;
        if self.refused.get() & bit == 0 || self.warned.get() & bit != 0 {
            return None;
        }
        self.warned.set(self.warned.get() | bit);
        let (defined, outcome, advice) = match what {
            Use::Link => (
                "link definitions' URLs and titles",
                "references are left as text",
                "shorten the URLs",
            ),
            Use::Abbreviation => (
                "abbreviations' titles",
                "abbreviations are left as text",
                "shorten the titles",
            ),
            Use::AttributeList => (
                "attribute list definitions",
                "elements are written without them",
                "shorten the definitions",
            ),
        };
        Some(Issue::new(
            Code::MarkdownOutputBudget,
            offset,
            format!(
                "the {defined} written again on every use would exceed this post's budget for \
                 repeated text ({} bytes): from here on, {outcome}; {advice} used most",
                self.total
            ),
        ))
    }

    /// Applies the budget to `options`, whose repeats are counted in `repeats`: each option
    /// whose copies do not fit is reset to its default. `place` gives where an option was set
    /// (`None`: in the site's `_config.yml`).
    pub fn limit_options(
        &self,
        options: &mut Cow<'_, KramdownOptions>,
        repeats: Repeats,
        place: impl Fn(&str) -> Option<usize>,
    ) -> Vec<Issue> {
        let mut issues = Vec::new();
        for option in candidates(options, repeats) {
            let cost = option.copies.saturating_mul(option.bytes);
            if self.take(cost) {
                continue;
            }
            // Copied only when an option must go: the site's options are shared by every post.
            (option.reset)(options.to_mut());
            let (offset, setter) = match place(option.key) {
                Some(at) => (
                    at,
                    Cow::Owned(format!("{{::options {}=\"…\" /}}", option.key)),
                ),
                None => (0, Cow::Borrowed("site.kramdown")),
            };
            issues.push(Issue::new(
                Code::MarkdownOutputBudget,
                offset,
                format!(
                    "{setter}: `{}` ({} bytes) would be written {} times, {} bytes of HTML, more than \
                     this post's budget for repeated text ({} bytes): {}",
                    option.name, option.bytes, option.copies, cost, self.total, option.advice
                ),
            ));
        }
        issues
    }
}

/// The options whose text the elements repeat, with what their repeats would cost, in the order
/// they are charged.
fn candidates(options: &KramdownOptions, repeats: Repeats) -> [Repeated; 6] {
    let mut backlink = String::new();
    super::html::escape_text(&mut backlink, &options.footnote_backlink);
    [
        Repeated {
            name: "auto_id_prefix",
            key: "auto_id_prefix",
            // The header's id, and a table of contents' link and id for it.
            copies: if options.auto_ids {
                3 * repeats.auto_ids
            } else {
                0
            },
            bytes: options.auto_id_prefix.len(),
            reset: |o| o.auto_id_prefix.clear(),
            advice: "the header ids are written without it; use a shorter prefix",
        },
        Repeated {
            name: "footnote_prefix",
            key: "footnote_prefix",
            // The reference's id and link, the note's id, the back link.
            copies: 4 * repeats.footnote_references,
            bytes: options.footnote_prefix.len(),
            reset: |o| o.footnote_prefix.clear(),
            advice: "the footnote ids are written without it; use a shorter prefix",
        },
        Repeated {
            name: "footnote_backlink",
            key: "footnote_backlink",
            copies: repeats.footnote_references,
            bytes: backlink.len(),
            reset: |o| o.footnote_backlink = KramdownOptions::default().footnote_backlink,
            advice: "the back links are written with the default `&#8617;`; use a shorter text",
        },
        Repeated {
            name: "syntax_highlighter_opts.block.css_class",
            key: "syntax_highlighter_opts",
            copies: repeats.code_blocks,
            bytes: options.block.css_class.len(),
            reset: |o| o.block.css_class = KramdownOptions::default().block.css_class,
            advice: "code blocks are written with the class `highlight`; use a shorter class",
        },
        Repeated {
            name: "syntax_highlighter_opts.block.default_lang",
            key: "syntax_highlighter_opts",
            // The code's class, and rouge's wrapper's.
            copies: 2 * repeats.code_blocks,
            bytes: options.block.default_lang.as_ref().map_or(0, |l| l.len()),
            reset: |o| o.block.default_lang = KramdownOptions::default().block.default_lang,
            advice: "code blocks without a language are `plaintext`; use a shorter language",
        },
        Repeated {
            name: "syntax_highlighter_opts.span.default_lang",
            key: "syntax_highlighter_opts",
            copies: repeats.code_spans,
            bytes: options.span.default_lang.as_ref().map_or(0, |l| l.len()),
            reset: |o| o.span.default_lang = KramdownOptions::default().span.default_lang,
            advice: "code spans without a language are `plaintext`; use a shorter language",
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repeats(auto_ids: usize, footnote_references: usize) -> Repeats {
        Repeats {
            auto_ids,
            footnote_references,
            ..Default::default()
        }
    }

    #[test]
    fn a_short_prefix_should_be_kept() {
        let o = KramdownOptions {
            auto_id_prefix: "h-".into(),
            ..Default::default()
        };
        let mut shared = Cow::Owned(o);
        let issues = Budget::new(50_000).limit_options(&mut shared, repeats(10_000, 0), |_| None);
        let o = shared.into_owned();
        assert!(issues.is_empty(), "a short prefix should fit: {issues:?}");
        assert_eq!(o.auto_id_prefix, "h-", "a prefix that fits should stay");
    }

    #[test]
    fn a_prefix_past_the_budget_should_be_dropped_with_a_warning_where_it_was_set() {
        let o = KramdownOptions {
            auto_id_prefix: "x".repeat(48_000),
            ..Default::default()
        };
        let mut shared = Cow::Owned(o);
        let issues = Budget::new(96_000).limit_options(&mut shared, repeats(9_600, 0), |name| {
            (name == "auto_id_prefix").then_some(7)
        });
        let o = shared.into_owned();
        assert!(o.auto_id_prefix.is_empty(), "the prefix should be dropped");
        assert_eq!(issues.len(), 1, "one warning should say so: {issues:?}");
        assert_eq!(
            issues[0].offset, 7,
            "the warning should be where it was set"
        );
        assert!(
            issues[0].message.contains("auto_id_prefix") && issues[0].message.contains("shorter"),
            "the warning should name the option and say what to do: {}",
            issues[0].message
        );
    }

    #[test]
    fn a_default_language_past_the_budget_should_be_plaintext_again() {
        let mut o = KramdownOptions::default();
        o.span.default_lang = Some("x".repeat(48_000).into());
        let counts = Repeats {
            code_spans: 8_000,
            ..Default::default()
        };
        let mut shared = Cow::Owned(o);
        let issues = Budget::new(96_000).limit_options(&mut shared, counts, |_| None);
        let o = shared.into_owned();
        assert_eq!(
            o.span.default_lang.as_deref(),
            Some("plaintext"),
            "the default should return"
        );
        assert!(
            issues[0].message.contains("span.default_lang"),
            "the warning should name the option: {issues:?}"
        );
    }

    #[test]
    fn uses_past_the_budget_should_be_refused_and_warned_about_once() {
        let budget = Budget::new(0);
        assert!(
            budget.charge(Use::Link, ALLOWANCE),
            "a use within the budget should be taken"
        );
        assert!(
            budget.warning(Use::Link, 3).is_none(),
            "nothing refused: no warning"
        );
        assert!(
            !budget.charge(Use::Link, 1),
            "a use past the budget should be refused"
        );
        let warning = budget
            .warning(Use::Link, 3)
            .expect("a refusal should be warned about");
        assert_eq!(
            warning.offset, 3,
            "the warning should be where it was asked"
        );
        assert!(
            budget.warning(Use::Link, 9).is_none(),
            "one warning per render is enough"
        );
        assert!(
            budget.warning(Use::Abbreviation, 9).is_none(),
            "other uses were not refused"
        );
    }

    #[test]
    fn each_option_should_be_charged_against_the_same_budget() {
        // Each alone fits; together they do not: the later one is dropped.
        let o = KramdownOptions {
            footnote_prefix: "p".repeat(200),
            footnote_backlink: "b".repeat(800).into(),
            ..Default::default()
        };
        let mut shared = Cow::Owned(o);
        let issues = Budget::new(100).limit_options(&mut shared, repeats(0, 1_000), |_| None);
        let o = shared.into_owned();
        assert_eq!(o.footnote_prefix.len(), 200, "the first option should fit");
        assert_eq!(
            o.footnote_backlink,
            KramdownOptions::default().footnote_backlink,
            "the second should be reset to its default"
        );
        assert_eq!(
            issues.len(),
            1,
            "only the dropped option should be reported"
        );
        assert!(issues[0].message.starts_with("site.kramdown"), "{issues:?}");
    }
}
