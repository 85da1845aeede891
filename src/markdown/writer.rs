//! Writes events as HTML the way kramdown's HTML converter does (Jekyll's options).
//!
//! Reference: kramdown 2.4 `converter/html.rb`, rouge as Jekyll configures it, and the MathJax
//! math engine. What differs from pulldown-cmark's own writer: `<br />`, `<img … />`, `<ol>`
//! without `start`, code in rouge's wrapper (`language-plaintext highlighter-rouge` when no
//! language is given), an empty table cell holding a no-break space, alignment as a `style`,
//! math as `\(…\)` and `\[…\]`, footnotes numbered in order of first reference, and text escaped
//! but with character references left alone (kramdown's `escape_html(…, :text)`).
//!
//! Tables: `TableHead` holds whole rows; body and footer sections come as `Html` events
//! (`<tbody>`, `<tfoot>`) from the table parser, since a kramdown table may have several.

use super::html::{escape_all, escape_attribute, escape_text};
use pulldown_cmark::{Alignment, CodeBlockKind, Event, Tag, TagEnd};

/// A footnote body, already written.
pub struct Footnote {
    pub name: String,
    pub html: String,
}

pub fn write<'a>(
    events: impl IntoIterator<Item = Event<'a>>,
    footnotes: &[Footnote],
    out: &mut String,
) {
    let mut w = Writer {
        out,
        align: Vec::new(),
        cell: 0,
        cell_start: None,
        in_head: false,
        in_code: false,
        image: None,
        fn_order: Vec::new(),
        footnotes,
    };
    for e in events {
        w.event(e);
    }
    w.footnote_section();
}

struct Writer<'o, 'f> {
    out: &'o mut String,
    align: Vec<Alignment>,
    cell: usize,
    /// Where the open cell's content starts (an empty cell gets a no-break space).
    cell_start: Option<usize>,
    in_head: bool,
    in_code: bool,
    /// While inside an image: its alt text so far.
    image: Option<String>,
    /// Footnote names in order of first reference, with how often each was referenced.
    fn_order: Vec<(String, usize)>,
    footnotes: &'f [Footnote],
}

impl Writer<'_, '_> {
    fn event(&mut self, e: Event<'_>) {
        if let Some(alt) = &mut self.image {
            match e {
                Event::End(TagEnd::Image) => {
                    let alt = self.image.take().unwrap_or_default();
                    self.out.push_str(" alt=\"");
                    escape_attribute(self.out, &alt);
                    self.out.push_str("\" />");
                }
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                _ => {}
            }
            return;
        }
        match e {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) if self.in_code => escape_all(self.out, &t),
            Event::Text(t) => escape_text(self.out, &t),
            Event::Code(t) => {
                self.out
                    .push_str("<code class=\"language-plaintext highlighter-rouge\">");
                escape_all(self.out, &t);
                self.out.push_str("</code>");
            }
            Event::InlineMath(t) => {
                self.out.push_str("\\(");
                escape_all(self.out, &t);
                self.out.push_str("\\)");
            }
            Event::DisplayMath(t) => {
                self.out.push_str("\\[");
                escape_all(self.out, &t);
                self.out.push_str("\\]\n");
            }
            Event::Html(t) | Event::InlineHtml(t) => self.out.push_str(&t),
            Event::SoftBreak => self.out.push('\n'),
            Event::HardBreak => self.out.push_str("<br />"),
            Event::Rule => self.out.push_str("<hr />\n"),
            Event::FootnoteReference(name) => self.footnote_reference(&name),
            Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.out.push_str("<p>"),
            Tag::Heading { level, id, .. } => {
                self.out.push('<');
                self.out.push_str(&level.to_string());
                if let Some(id) = id.filter(|id| !id.trim().is_empty()) {
                    self.out.push_str(" id=\"");
                    escape_attribute(self.out, &id);
                    self.out.push('"');
                }
                self.out.push('>');
            }
            Tag::BlockQuote(_) => self.out.push_str("<blockquote>\n"),
            Tag::CodeBlock(kind) => {
                let lang = match &kind {
                    CodeBlockKind::Fenced(lang) if !lang.is_empty() => lang.as_ref(),
                    _ => "plaintext",
                };
                self.out.push_str("<div class=\"language-");
                escape_attribute(self.out, lang);
                self.out.push_str(
                    " highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>",
                );
                // The code text follows as one `Text` event; rouge escapes everything.
                self.in_code = true;
            }
            Tag::HtmlBlock => {}
            Tag::List(Some(_)) => self.out.push_str("<ol>\n"),
            Tag::List(None) => self.out.push_str("<ul>\n"),
            Tag::Item => self.out.push_str("<li>"),
            Tag::Table(align) => {
                self.align = align;
                self.out.push_str("<table>\n");
            }
            Tag::TableHead => {
                self.in_head = true;
                self.out.push_str("<thead>\n");
            }
            Tag::TableRow => {
                self.cell = 0;
                self.out.push_str("<tr>\n");
            }
            Tag::TableCell => {
                self.out.push_str(if self.in_head { "<th" } else { "<td" });
                match self.align.get(self.cell) {
                    Some(Alignment::Left) => self.out.push_str(" style=\"text-align: left\""),
                    Some(Alignment::Center) => self.out.push_str(" style=\"text-align: center\""),
                    Some(Alignment::Right) => self.out.push_str(" style=\"text-align: right\""),
                    _ => {}
                }
                self.out.push('>');
                self.cell_start = Some(self.out.len());
            }
            Tag::Emphasis => self.out.push_str("<em>"),
            Tag::Strong => self.out.push_str("<strong>"),
            Tag::Strikethrough => self.out.push_str("<del>"),
            Tag::Superscript => self.out.push_str("<sup>"),
            Tag::Subscript => self.out.push_str("<sub>"),
            Tag::Link {
                dest_url, title, ..
            } => {
                self.out.push_str("<a href=\"");
                escape_attribute(self.out, &dest_url);
                self.out.push('"');
                if !title.is_empty() {
                    self.out.push_str(" title=\"");
                    escape_attribute(self.out, &title);
                    self.out.push('"');
                }
                self.out.push('>');
            }
            Tag::Image {
                dest_url, title, ..
            } => {
                self.out.push_str("<img src=\"");
                escape_attribute(self.out, &dest_url);
                self.out.push('"');
                if !title.is_empty() {
                    self.out.push_str(" title=\"");
                    escape_attribute(self.out, &title);
                    self.out.push('"');
                }
                self.image = Some(String::new());
            }
            Tag::DefinitionList => self.out.push_str("<dl>\n"),
            Tag::DefinitionListTitle => self.out.push_str("<dt>"),
            Tag::DefinitionListDefinition => self.out.push_str("<dd>"),
            Tag::FootnoteDefinition(_) | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.out.push_str("</p>\n"),
            TagEnd::Heading(level) => {
                self.out.push_str("</");
                self.out.push_str(&level.to_string());
                self.out.push_str(">\n");
            }
            TagEnd::BlockQuote(_) => self.out.push_str("</blockquote>\n"),
            TagEnd::CodeBlock => {
                self.in_code = false;
                self.out.push_str("</code></pre></div></div>\n");
            }
            TagEnd::HtmlBlock => {}
            TagEnd::List(true) => self.out.push_str("</ol>\n"),
            TagEnd::List(false) => self.out.push_str("</ul>\n"),
            TagEnd::Item => self.out.push_str("</li>\n"),
            TagEnd::Table => self.out.push_str("</table>\n"),
            TagEnd::TableHead => {
                self.in_head = false;
                self.out.push_str("</thead>\n");
            }
            TagEnd::TableRow => self.out.push_str("</tr>\n"),
            TagEnd::TableCell => {
                if self.cell_start.take() == Some(self.out.len()) {
                    self.out.push('\u{a0}');
                }
                self.out
                    .push_str(if self.in_head { "</th>\n" } else { "</td>\n" });
                self.cell += 1;
            }
            TagEnd::Emphasis => self.out.push_str("</em>"),
            TagEnd::Strong => self.out.push_str("</strong>"),
            TagEnd::Strikethrough => self.out.push_str("</del>"),
            TagEnd::Superscript => self.out.push_str("</sup>"),
            TagEnd::Subscript => self.out.push_str("</sub>"),
            TagEnd::Link => self.out.push_str("</a>"),
            TagEnd::Image => {}
            TagEnd::DefinitionList => self.out.push_str("</dl>\n"),
            TagEnd::DefinitionListTitle => self.out.push_str("</dt>\n"),
            TagEnd::DefinitionListDefinition => self.out.push_str("</dd>\n"),
            TagEnd::FootnoteDefinition | TagEnd::MetadataBlock(_) => {}
        }
    }

    /// `<sup id="fnref:n" role="doc-noteref"><a href="#fn:n" class="footnote" rel="footnote">1</a></sup>`
    fn footnote_reference(&mut self, name: &str) {
        let (number, repeat) = match self.fn_order.iter_mut().position(|(n, _)| n == name) {
            Some(i) => {
                self.fn_order[i].1 += 1;
                (i + 1, format!(":{}", self.fn_order[i].1))
            }
            None => {
                self.fn_order.push((name.to_owned(), 0));
                (self.fn_order.len(), String::new())
            }
        };
        let mut id = String::new();
        escape_attribute(&mut id, name);
        self.out.push_str(&format!(
            "<sup id=\"fnref:{id}{repeat}\" role=\"doc-noteref\"><a href=\"#fn:{id}\" class=\"footnote\" rel=\"footnote\">{number}</a></sup>"
        ));
    }

    /// The footnotes, in order of first reference, after the body.
    fn footnote_section(&mut self) {
        if self.fn_order.is_empty() {
            return;
        }
        self.out
            .push_str("<div class=\"footnotes\" role=\"doc-endnotes\">\n<ol>\n");
        for (name, _) in &self.fn_order {
            let Some(note) = self.footnotes.iter().find(|f| &f.name == name) else {
                continue;
            };
            let mut id = String::new();
            escape_attribute(&mut id, name);
            self.out
                .push_str(&format!("<li id=\"fn:{id}\" role=\"doc-endnote\">\n"));
            let back = format!(" <a href=\"#fnref:{id}\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a>");
            // kramdown puts the back link inside the last paragraph of the note.
            match note.html.rfind("</p>") {
                Some(i) => {
                    self.out.push_str(&note.html[..i]);
                    self.out.push_str(&back);
                    self.out.push_str(&note.html[i..]);
                }
                None => {
                    self.out.push_str(&note.html);
                    self.out.push_str(&format!("<p>{back}</p>\n"));
                }
            }
            self.out.push_str("</li>\n");
        }
        self.out.push_str("</ol>\n</div>\n");
    }
}
