//! Each stage of [`render_post`](crate::render_post) alone, for the benchmarks that time them
//! one by one (`tests/bench/native.rs`) and the fuzzers that feed them (`tests/fuzz/`).
//!
//! Deliberately public, and deliberately thin: what each stage takes and gives follows the
//! pipeline (ARCHITECTURE.md), so these signatures change when it does. A caller that wants a
//! post rendered calls `render_post`.
//!
//! ```
//! use postview::{stages, Map, Value};
//! let text = "---\ntitle: Hi\n---\n*{{ page.title }}*\n";
//! let parts = stages::split_front_matter(text);
//! let (front_matter, problems) = stages::parse_yaml(&text[parts.yaml.clone().unwrap()]);
//! assert!(problems.is_empty());
//! let page = Value::Map(front_matter);
//! let body = stages::render_liquid(&text[parts.body], &Value::Map(Map::new()), &page);
//! assert_eq!(body.text, "*Hi*\n");
//! assert_eq!(body.to_input(1), 1, "the `H` should come from the `{{` that wrote it");
//! let markdown = stages::render_markdown(&body.text);
//! assert_eq!(markdown.html, "<p><em>Hi</em></p>\n");
//! ```

use crate::source_map::SourceMap;
use crate::value::{Map, Value};
use crate::KramdownOptions;

pub use crate::front_matter::Split;
/// Translations at a glance alone (`translations/overview.rs`), for `tests/bench/overview.rs`.
#[cfg(feature = "site")]
pub use crate::translations::overview::{
    dated, overview as translations_overview, Cell, Dated, Overview, Row, State,
};

/// A problem a stage found, at a byte offset of that stage's input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where, in bytes from the start of the input.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

fn problems(issues: Vec<crate::diagnostic::Issue>) -> Vec<Problem> {
    issues
        .into_iter()
        .map(|i| Problem {
            offset: i.offset,
            message: i.message,
        })
        .collect()
}

/// Where the front matter and the body are in a post's text (Jekyll's `---` lines).
pub fn split_front_matter(text: &str) -> Split {
    crate::front_matter::split(text)
}

/// The YAML of a front matter (or of `_config.yml`) as a `Map`, with its problems.
pub fn parse_yaml(yaml: &str) -> (Map, Vec<Problem>) {
    let (map, issues) = crate::front_matter::parse(yaml);
    (map, problems(issues))
}

/// Whether the quick reading of plain `key: value` YAML agrees with libyaml's on `yaml` (the
/// fuzzers look for a text where it does not).
pub fn yaml_fast_path_agrees(yaml: &str) -> bool {
    crate::front_matter::fast_path_agrees(yaml)
}

/// A body after Liquid.
pub struct Liquid {
    /// The text Liquid wrote: the Markdown.
    pub text: String,
    /// The problems, at offsets of the body.
    pub problems: Vec<Problem>,
    map: SourceMap,
}

impl Liquid {
    /// The offset in the body of the byte at `offset` of `text`.
    pub fn to_input(&self, offset: usize) -> usize {
        self.map.to_input(offset)
    }
}

/// A body's Liquid rendered with `site` and `page` (the front matter, as a `Value::Map`), as
/// `render_post` runs it without a `Site` (no includes or posts).
pub fn render_liquid(body: &str, site: &Value, page: &Value) -> Liquid {
    let ctx = crate::liquid::Context {
        site,
        page,
        page_unreadable: false,
    };
    let out = crate::liquid::render(body, &ctx);
    Liquid {
        text: out.text,
        problems: problems(out.issues),
        map: out.map,
    }
}

/// A text after Markdown.
pub struct Markdown {
    /// The HTML kramdown writes.
    pub html: String,
    /// The offset in the text of each top-level element of `html`, in order.
    pub blocks: Vec<usize>,
    /// The problems, at offsets of the text.
    pub problems: Vec<Problem>,
}

/// Markdown (Liquid already rendered) as kramdown writes it with Jekyll's default options.
pub fn render_markdown(text: &str) -> Markdown {
    let out = crate::markdown::render(text, &KramdownOptions::default());
    Markdown {
        html: out.html,
        blocks: out.blocks,
        problems: problems(out.issues),
    }
}
