//! Markdown to HTML as kramdown 2.4 (GFM parser, Jekyll's options) does it. (Stub.)

use crate::diagnostic::Issue;

/// A heading of the body, for a table of contents.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// What the Markdown stage gives.
pub struct Output {
    pub html: String,
    pub headings: Vec<Heading>,
    /// Byte offset (in the Markdown text) of each top-level block, in document order.
    pub blocks: Vec<usize>,
    pub issues: Vec<Issue>,
}

pub fn render(text: &str) -> Output {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(text));
    Output { html, headings: Vec::new(), blocks: Vec::new(), issues: Vec::new() }
}
