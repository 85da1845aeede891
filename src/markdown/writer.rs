//! Writes events as HTML the way kramdown's HTML converter does, with the site's kramdown options
//! (header offset, footnote numbering and back links, rouge's options and line-number table, the
//! math engine, CJK line breaks).
//!
//! Reference: kramdown 2.4 `converter/html.rb`, rouge as Jekyll configures it, and the MathJax
//! math engine. What differs from pulldown-cmark's own writer: `<br />`, `<img … />`, `<ol>`
//! without `start`, code in rouge's wrapper (`language-plaintext highlighter-rouge` when no
//! language is given), an empty table cell holding a no-break space, alignment as a `style`,
//! math as `\(…\)` and `\[…\]`, footnotes numbered in order of first reference, and text escaped
//! but with character references left alone (kramdown's `escape_html(…, :text)`).
//!
//! The writer is the one place that writes HTML for the elements postview makes, and escapes
//! what goes into it (see `event` for what the events carry): pulldown-cmark's elements with
//! their IAL attributes, table sections (`TableHead` holds whole rows; body and footer sections
//! come as sections of their own, since a kramdown table may have several), HTML elements
//! kramdown read, abbreviations, comments, and the table of contents (`toc` gives its events).
//! Raw HTML events are written as they come.

use super::attributes::Attributes;
use super::event::{Event, HtmlEnd, HtmlTag, Section};
use super::html::{escape_all, escape_attribute, escape_text, write_attributes};
use super::options::{Highlight, KramdownOptions};
use super::toc;
use super::Body;
use crate::markdown::highlight::highlight;
use pulldown_cmark::{Alignment, CodeBlockKind, Event as Md, Tag, TagEnd};
use std::collections::HashMap;

/// Attributes of an element (`href`, `src` …) with the IAL's laid over them: classes add up,
/// any other key replaces.
fn merged(base: Vec<(String, String)>, ial: Attributes) -> Vec<(String, String)> {
    let mut all = Attributes::from_pairs(base);
    for (k, v) in ial.into_pairs() {
        all.set(&k, &v);
    }
    all.into_pairs()
}

/// Whether rouge has a lexer by this name (case matters, as in rouge).
fn rouge_knows(name: &str) -> bool {
    super::rouge_languages::LANGUAGES
        .binary_search(&name)
        .is_ok()
}

/// A footnote body, already written.
pub struct Footnote {
    pub name: String,
    pub html: String,
}

/// Writes a body's events, then the footnotes it refers to; `toc`: the entries of a table of
/// contents, for a list marked `{:toc}`.
pub fn write(
    body: Body<'_>,
    footnotes: &[Footnote],
    toc: &[toc::Entry<'_>],
    opts: &KramdownOptions,
    out: &mut String,
) {
    let mut w = Writer {
        opts,
        numbered: None,
        attrs: Attributes::default(),
        toc,
        skip_depth: 0,
        toc_placed: false,
        out,
        align: Vec::new(),
        cell: 0,
        cell_start: None,
        in_head: false,
        in_code: false,
        rouge_lang: None,
        image: None,
        image_attrs: Vec::new(),
        code_end: "",
        fn_order: Vec::new(),
        fn_index: HashMap::new(),
        footnotes,
        item_open: false,
    };
    for e in body.events {
        w.event(e);
    }
    w.footnote_section();
}

struct Writer<'o, 'f, 't> {
    out: &'o mut String,
    opts: &'f KramdownOptions,
    /// In a code block rouge writes with line numbers: the first number.
    numbered: Option<i64>,
    /// The attributes of the event being written (from kramdown IALs).
    attrs: Attributes,
    toc: &'f [toc::Entry<'t>],
    /// While skipping a list that a table of contents replaced: its nesting depth.
    skip_depth: usize,
    /// Whether a list has been replaced by the table of contents.
    toc_placed: bool,
    align: Vec<Alignment>,
    cell: usize,
    /// Where the open cell's content starts (an empty cell gets a no-break space).
    cell_start: Option<usize>,
    in_head: bool,
    in_code: bool,
    /// The lexer rouge colours the open code block with (none: written escaped).
    rouge_lang: Option<String>,
    /// While inside an image: its alt text so far.
    image: Option<String>,
    /// The attributes of the image being read.
    image_attrs: Vec<(String, String)>,
    /// What closes the open code block (rouge's wrapper or a plain `<pre>`).
    code_end: &'static str,
    /// Footnote names in order of first reference, with how often each was referenced.
    fn_order: Vec<(String, usize)>,
    /// Where each name is in `fn_order`.
    fn_index: HashMap<String, usize>,
    footnotes: &'f [Footnote],
    /// An `<li>` or `<dd>` was just opened: kramdown's `convert_li` starts a new line in it
    /// when its first child is a block (not a paragraph it made transparent).
    item_open: bool,
}

impl Writer<'_, '_, '_> {
    fn event(&mut self, e: Event<'_>) {
        if std::mem::take(&mut self.item_open) && starts_block(&e) {
            self.out.push('\n');
        }
        match e {
            Event::Md(e, attrs) => {
                match attrs {
                    Some(a) => self.attrs = *a,
                    // Most events have none: the slot is cleared only when it is not empty.
                    None if !self.attrs.is_empty() => self.attrs = Attributes::default(),
                    None => {}
                }
                self.md(e);
            }
            // Inside a list a table of contents replaced, or an image's alt text, only
            // pulldown-cmark's events count.
            _ if self.skip_depth > 0 || self.image.is_some() => {}
            e => self.kramdown_element(e),
        }
    }

    /// The events of kramdown's elements that pulldown-cmark has no word for.
    fn kramdown_element(&mut self, e: Event<'_>) {
        match e {
            Event::Md(..) => {}
            Event::StartSection(s) => self.out.push_str(match s {
                Section::Body => "<tbody>\n",
                Section::Foot => "<tfoot>\n",
            }),
            Event::EndSection(s) => self.out.push_str(match s {
                Section::Body => "</tbody>\n",
                Section::Foot => "</tfoot>\n",
            }),
            Event::StartHtml(tag, ial) => {
                self.html_start_tag(&tag, ial.map(|a| *a));
                self.out.push('>');
                if tag.line_break {
                    self.out.push('\n');
                }
            }
            Event::EndHtml(end) => self.html_end_tag(&end),
            Event::EmptyHtml(tag, ial) => self.empty_html(&tag, ial.map(|a| *a)),
            Event::Abbreviation { abbr, title } => self.abbreviation(&abbr, &title),
            // kramdown writes a comment's text as it is.
            Event::Comment { text, block } => {
                self.out.push_str("<!-- ");
                self.out.push_str(&text);
                self.out.push_str(if block { " -->\n" } else { " -->" });
            }
        }
    }

    /// `<abbr title="…">…</abbr>` (no title when the definition gives none).
    fn abbreviation(&mut self, abbr: &str, title: &str) {
        self.out.push_str("<abbr");
        if !title.is_empty() {
            self.out.push_str(" title=\"");
            escape_attribute(self.out, title);
            self.out.push('"');
        }
        self.out.push('>');
        escape_text(self.out, abbr);
        self.out.push_str("</abbr>");
    }

    /// `<name` and the element's attributes with an IAL's laid over them.
    fn html_start_tag(&mut self, tag: &HtmlTag, ial: Option<Attributes>) {
        self.out.push('<');
        self.out.push_str(&tag.name);
        match ial {
            Some(ial) => write_attributes(self.out, &merged(tag.attrs.clone(), ial)),
            None => write_attributes(self.out, &tag.attrs),
        }
    }

    fn html_end_tag(&mut self, end: &HtmlEnd) {
        self.out.push_str("</");
        self.out.push_str(&end.name);
        self.out.push('>');
        if end.line_break {
            self.out.push('\n');
        }
    }

    /// An element without content: `<x />` when it is void or closed so, else `<x></x>`.
    fn empty_html(&mut self, tag: &HtmlTag, ial: Option<Attributes>) {
        self.html_start_tag(tag, ial);
        if tag.closed || super::html::ELEMENTS_WITHOUT_BODY.contains(&tag.name.as_str()) {
            self.out.push_str(" />");
            if tag.line_break {
                self.out.push('\n');
            }
        } else {
            self.out.push('>');
            self.html_end_tag(&HtmlEnd {
                name: tag.name.clone(),
                line_break: tag.line_break,
            });
        }
    }

    /// pulldown-cmark's events, `self.attrs` holding the event's attributes.
    #[inline]
    fn md(&mut self, e: Md<'_>) {
        if self.skip_depth > 0 {
            match e {
                Md::Start(Tag::List(_)) => self.skip_depth += 1,
                Md::End(TagEnd::List(_)) => self.skip_depth -= 1,
                _ => {}
            }
            return;
        }
        if let Some(alt) = &mut self.image {
            match e {
                Md::End(TagEnd::Image) => self.image_end(),
                Md::Text(t) | Md::Code(t) => alt.push_str(&t),
                _ => {}
            }
            return;
        }
        match e {
            Md::Start(tag) => self.start(tag),
            Md::End(tag) => self.end(tag),
            Md::Text(t) if self.in_code => {
                let lang = self.rouge_lang.as_deref();
                match self.numbered {
                    Some(first) => line_table(self.out, &t, first, lang),
                    None => highlight(lang, &t, self.out),
                }
            }
            Md::Text(t) if self.opts.remove_line_breaks_for_cjk && t.contains('\n') => {
                escape_text(self.out, &without_cjk_line_breaks(&t))
            }
            Md::Text(t) => escape_text(self.out, &t),
            Md::Code(t) => self.code_span(&t),
            Md::InlineMath(t) => self.math(&t, false),
            Md::DisplayMath(t) => self.math(&t, true),
            Md::Html(t) | Md::InlineHtml(t) => self.out.push_str(&t),
            Md::SoftBreak => self.out.push('\n'),
            Md::HardBreak => self.out.push_str("<br />"),
            Md::Rule => {
                self.out.push_str("<hr");
                self.own_attributes();
                self.out.push_str(" />\n");
            }
            Md::FootnoteReference(name) => self.footnote_reference(&name),
            Md::TaskListMarker(_) => {}
        }
    }

    /// Math as the MathJax engine writes it (`\\(…\\)`, `\\[…\\]`), or kramdown's own
    /// `kdmath` element when the site turns the engine off.
    fn math(&mut self, t: &str, display: bool) {
        let (open, close) = match (self.opts.mathjax, display) {
            (false, false) => ("<span class=\"kdmath\">$", "$</span>"),
            (false, true) => ("<div class=\"kdmath\">$$\n", "\n$$</div>\n"),
            (true, false) => ("\\(", "\\)"),
            (true, true) => ("\\[", "\\]\n"),
        };
        self.out.push_str(open);
        escape_all(self.out, t);
        self.out.push_str(close);
    }

    /// `<img … />`, once its alt text is known.
    fn image_end(&mut self) {
        let alt = self.image.take().unwrap_or_default();
        let mut a = std::mem::take(&mut self.image_attrs);
        if !a.iter().any(|(k, _)| k == "alt") {
            a.insert(1, ("alt".to_owned(), alt));
        }
        self.out.push_str("<img");
        write_attributes(self.out, &a);
        self.out.push_str(" />");
    }

    /// Writes the current event's attributes (from an IAL).
    fn own_attributes(&mut self) {
        let a = std::mem::take(&mut self.attrs);
        write_attributes(self.out, a.pairs());
    }

    /// `<name` + the event's attributes + `>`.
    fn open_tag(&mut self, name: &str) {
        self.out.push('<');
        self.out.push_str(name);
        self.own_attributes();
        self.out.push('>');
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.open_tag("p"),
            Tag::Heading {
                level,
                id,
                classes,
                attrs,
            } => self.heading_start(level, id, &classes, &attrs),
            Tag::BlockQuote(_) => {
                self.open_tag("blockquote");
                self.out.push('\n');
            }
            Tag::CodeBlock(kind) => self.code_block(kind),
            Tag::HtmlBlock => {}
            Tag::List(start) => self.list_start(if start.is_some() { "ol" } else { "ul" }),
            Tag::Item => {
                self.open_tag("li");
                self.item_open = true;
            }
            Tag::Table(align) => {
                self.align = align;
                self.open_tag("table");
                self.out.push('\n');
            }
            Tag::TableHead => {
                self.in_head = true;
                self.out.push_str("<thead>\n");
            }
            Tag::TableRow => {
                self.cell = 0;
                self.out.push_str("<tr>\n");
            }
            Tag::TableCell => self.cell_start(),
            Tag::Emphasis => self.open_tag("em"),
            Tag::Strong => self.open_tag("strong"),
            Tag::Strikethrough => self.open_tag("del"),
            Tag::Superscript => self.open_tag("sup"),
            Tag::Subscript => self.open_tag("sub"),
            Tag::Link {
                dest_url, title, ..
            } => {
                let a = self.link_attributes("href", &dest_url, &title);
                self.out.push_str("<a");
                write_attributes(self.out, &a);
                self.out.push('>');
            }
            Tag::Image {
                dest_url, title, ..
            } => {
                // Written at its end, when the alt text is known.
                self.image_attrs = self.link_attributes("src", &dest_url, &title);
                self.image = Some(String::new());
            }
            Tag::DefinitionList => {
                self.open_tag("dl");
                self.out.push('\n');
            }
            Tag::DefinitionListTitle => self.open_tag("dt"),
            Tag::DefinitionListDefinition => {
                self.open_tag("dd");
                self.item_open = true;
            }
            Tag::FootnoteDefinition(_) | Tag::MetadataBlock(_) => {}
        }
    }

    /// `<hN class="…" id="…" …>`: a header with its classes, id and other attributes.
    fn heading_start(
        &mut self,
        level: pulldown_cmark::HeadingLevel,
        id: Option<pulldown_cmark::CowStr<'_>>,
        classes: &[pulldown_cmark::CowStr<'_>],
        attrs: &[(
            pulldown_cmark::CowStr<'_>,
            Option<pulldown_cmark::CowStr<'_>>,
        )],
    ) {
        self.out.push('<');
        self.out.push_str(&self.output_level(level));
        if !classes.is_empty() {
            self.out.push_str(" class=\"");
            let joined: Vec<&str> = classes.iter().map(|c| c.as_ref()).collect();
            escape_attribute(self.out, &joined.join(" "));
            self.out.push('"');
        }
        if let Some(id) = id.filter(|id| !id.trim().is_empty()) {
            self.out.push_str(" id=\"");
            escape_attribute(self.out, &id);
            self.out.push('"');
        }
        for (k, v) in attrs {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            escape_attribute(self.out, v.as_deref().unwrap_or(""));
            self.out.push('"');
        }
        self.out.push('>');
    }

    /// `<ul>` or `<ol>`, or the table of contents when the list's IAL is `{:toc}` (the list
    /// itself is then skipped).
    fn list_start(&mut self, name: &str) {
        // Only the first list marked `{:toc}` is the table (kramdown's `@toc_code`); any later
        // one stays the list it is.
        if self.attrs.has_ref("toc") && !self.toc_placed {
            self.toc_placed = true;
            let a = std::mem::take(&mut self.attrs);
            // kramdown writes nothing for a table without entries.
            if !self.toc.is_empty() {
                for e in toc::list(self.toc, name == "ol", &a) {
                    self.event(e);
                }
            }
            self.skip_depth = 1;
            return;
        }
        self.open_tag(name);
        self.out.push('\n');
    }

    /// `<th>` or `<td>`, with the column's alignment as a `style`.
    fn cell_start(&mut self) {
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

    /// A link's or image's URL (as `href` or `src`) and title, with the IAL's laid over them.
    fn link_attributes(&mut self, url_name: &str, url: &str, title: &str) -> Vec<(String, String)> {
        let mut a = vec![(url_name.to_owned(), url.to_owned())];
        if !title.is_empty() {
            a.push(("title".to_owned(), title.to_owned()));
        }
        merged(a, std::mem::take(&mut self.attrs))
    }

    /// A code block: rouge's wrapper when rouge highlights it (it knows the language, or none
    /// is given), a plain `<pre><code class="language-x">` when it does not (kramdown's fallback).
    fn code_block(&mut self, kind: CodeBlockKind<'_>) {
        let mut a = std::mem::take(&mut self.attrs);
        // An IAL class `language-x` names the language of an indented block.
        let class_lang = a
            .get("class")
            .and_then(|c| {
                c.split_whitespace()
                    .find_map(|w| w.strip_prefix("language-"))
            })
            .map(str::to_owned);
        let info = match &kind {
            CodeBlockKind::Fenced(info) if !info.is_empty() => Some(info.to_string()),
            _ => class_lang.clone(),
        };
        let name = info
            .as_deref()
            .map(|i| i.split('?').next().unwrap_or(i).to_owned());
        let class_name = name.clone().or(class_lang);
        if let Some(c) = a.get_mut("class") {
            *c = c
                .split_whitespace()
                .filter(|w| !w.starts_with("language-"))
                .collect::<Vec<_>>()
                .join(" ");
        }
        a.retain(|(k, v)| k != "class" || !v.is_empty());
        let h = &self.opts.block;
        self.in_code = true;
        if highlights(self.opts, h, name.as_deref()) {
            let lang = class_name.as_deref().or(h.default_lang.as_deref());
            rouge_class(&mut a, lang);
            self.out.push_str("<div");
            write_attributes(self.out, a.pairs());
            self.out.push('>');
            if h.wrap {
                self.out.push_str("<div class=\"highlight\"><pre class=\"");
                escape_attribute(self.out, &h.css_class);
                self.out.push_str("\"><code>");
                self.code_end = "</code></pre></div></div>\n";
            } else {
                self.code_end = "</div>\n";
            }
            self.numbered = h.line_numbers.then_some(h.start_line);
            self.rouge_lang = info.or_else(|| h.default_lang.as_deref().map(str::to_owned));
        } else {
            self.out.push_str("<pre");
            write_attributes(self.out, a.pairs());
            self.out.push_str("><code");
            if let Some(lang) = &class_name {
                self.out.push_str(" class=\"language-");
                escape_attribute(self.out, lang);
                self.out.push('"');
            }
            self.out.push('>');
            self.code_end = "</code></pre>\n";
        }
    }

    /// A code span: rouge's classes when rouge highlights it (with Jekyll's options: always,
    /// as plain text), else a bare `<code>`.
    fn code_span(&mut self, text: &str) {
        let mut a = std::mem::take(&mut self.attrs);
        let h = &self.opts.span;
        let lang = a
            .get("class")
            .and_then(|c| {
                c.split_whitespace()
                    .find_map(|w| w.strip_prefix("language-"))
            })
            .map(str::to_owned);
        let highlighted = highlights(self.opts, h, lang.as_deref());
        if highlighted {
            rouge_class(&mut a, lang.as_deref().or(h.default_lang.as_deref()));
        }
        self.out.push_str("<code");
        write_attributes(self.out, a.pairs());
        self.out.push('>');
        let lang = lang.as_deref().or(h.default_lang.as_deref());
        match (highlighted, h.line_numbers) {
            (true, true) => line_table(self.out, text, h.start_line, lang),
            (true, false) => highlight(lang, text, self.out),
            (false, _) => escape_all(self.out, text),
        }
        self.out.push_str("</code>");
    }

    /// `h1` … `h6` for a header of this level, moved by `header_offset`.
    fn output_level(&self, level: pulldown_cmark::HeadingLevel) -> String {
        let n = (level as i64)
            .saturating_add(self.opts.header_offset)
            .clamp(1, 6);
        format!("h{n}")
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.out.push_str("</p>\n"),
            TagEnd::Heading(level) => {
                self.out.push_str("</");
                self.out.push_str(&self.output_level(level));
                self.out.push_str(">\n");
            }
            TagEnd::BlockQuote(_) => self.out.push_str("</blockquote>\n"),
            TagEnd::CodeBlock => {
                self.in_code = false;
                self.numbered = None;
                self.rouge_lang = None;
                self.out.push_str(self.code_end);
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
    /// (the number counted from `footnote_nr`, the name after `footnote_prefix`).
    fn footnote_reference(&mut self, name: &str) {
        let (index, repeat) = match self.fn_index.get(name) {
            Some(&i) => {
                self.fn_order[i].1 += 1;
                (i, format!(":{}", self.fn_order[i].1))
            }
            None => {
                self.fn_index.insert(name.to_owned(), self.fn_order.len());
                self.fn_order.push((name.to_owned(), 0));
                (self.fn_order.len() - 1, String::new())
            }
        };
        // Ruby's numbers do not overflow: the sum is exact for every `footnote_nr` read.
        let number = i128::from(self.opts.footnote_nr) + index as i128;
        let id = self.footnote_id(name);
        self.out.push_str(&format!(
            "<sup id=\"fnref:{id}{repeat}\" role=\"doc-noteref\"><a href=\"#fn:{id}\" class=\"footnote\" rel=\"footnote\">{number}</a></sup>"
        ));
    }

    /// A footnote's name as it appears in ids, escaped for an attribute.
    fn footnote_id(&self, name: &str) -> String {
        let mut id = String::new();
        escape_attribute(&mut id, &format!("{}{name}", self.opts.footnote_prefix));
        id
    }

    /// The footnotes, in order of first reference, after the body.
    fn footnote_section(&mut self) {
        if self.fn_order.is_empty() {
            return;
        }
        self.out
            .push_str("<div class=\"footnotes\" role=\"doc-endnotes\">\n<ol");
        if self.opts.footnote_nr != 1 {
            self.out
                .push_str(&format!(" start=\"{}\"", self.opts.footnote_nr));
        }
        self.out.push_str(">\n");
        let mut backlink_text = String::new();
        escape_text(&mut backlink_text, &self.opts.footnote_backlink);
        // The first note of each name, as a lookup would find it.
        let mut notes: HashMap<&str, &Footnote> = HashMap::with_capacity(self.footnotes.len());
        for note in self.footnotes {
            notes.entry(note.name.as_str()).or_insert(note);
        }
        for (name, repeats) in &self.fn_order {
            let repeats = *repeats;
            let Some(note) = notes.get(name.as_str()) else {
                continue;
            };
            let id = self.footnote_id(name);
            self.out
                .push_str(&format!("<li id=\"fn:{id}\" role=\"doc-endnote\">\n"));
            let link = |target: &str, text: &str| {
                format!("<a href=\"#fnref:{target}\" class=\"reversefootnote\" role=\"doc-backlink\">{backlink_text}{text}</a>")
            };
            let mut back = String::new();
            if !self.opts.footnote_backlink.is_empty() {
                back = link(&id, "");
                for n in 1..=repeats {
                    back.push('\u{a0}');
                    back.push_str(&link(
                        &format!("{id}:{n}"),
                        &format!("<sup>{}</sup>", n + 1),
                    ));
                }
            }
            // kramdown puts the back links at the end of the note's last block when that is a
            // paragraph (after a no-break space), else in a paragraph of their own; with
            // `footnote_backlink_inline`, in the last paragraph or header nested at the end.
            let html = note.html.trim_end();
            let place = if self.opts.footnote_backlink_inline {
                inline_backlink_place(html)
            } else {
                html.strip_suffix("</p>").map(|head| head.len())
            };
            match place {
                Some(at) => {
                    self.out.push_str(&html[..at]);
                    if !back.is_empty() {
                        self.out.push('\u{a0}');
                    }
                    self.out.push_str(&back);
                    self.out.push_str(&html[at..]);
                    self.out.push('\n');
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

/// Whether an event opens a block element (what kramdown puts on a line of its own in an item).
fn starts_block(e: &Event<'_>) -> bool {
    matches!(
        e,
        Event::Md(
            Md::Start(
                Tag::Paragraph
                    | Tag::Heading { .. }
                    | Tag::BlockQuote(_)
                    | Tag::CodeBlock(_)
                    | Tag::List(_)
                    | Tag::Table(_)
                    | Tag::DefinitionList
            ) | Md::Rule,
            _
        )
    )
}

/// Where the back links go with `footnote_backlink_inline`: before the end tag of the last
/// paragraph or header, when only end tags follow it.
fn inline_backlink_place(html: &str) -> Option<usize> {
    let mut rest = html;
    loop {
        rest = rest.trim_end();
        let open = rest.rfind("</")?;
        let tag = &rest[open + 2..];
        if !tag.ends_with('>') {
            return None;
        }
        let name = &tag[..tag.len() - 1];
        if name == "p" || (name.len() == 2 && name.starts_with('h')) {
            return Some(open);
        }
        // An item whose first paragraph lost its `<p>` (kramdown's transparent paragraph) is
        // still a paragraph to kramdown.
        if name == "li" || name == "dd" {
            let start = rest[..open].rfind(&format!("<{name}"))?;
            let content = &rest[start..open];
            let content = &content[content.find('>')? + 1..];
            let blocks = [
                "<p",
                "<ul",
                "<ol",
                "<div",
                "<pre",
                "<blockquote",
                "<table",
                "<dl",
                "<h",
            ];
            if !content.starts_with('\n') && !blocks.iter().any(|t| content.contains(t)) {
                return Some(open);
            }
            return None;
        }
        if !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        rest = &rest[..open];
    }
}

/// Whether rouge highlights code in `name` (kramdown's `SyntaxHighlighter::Rouge.call`): a
/// highlighter is set and not disabled, and rouge has a lexer for the language (or the default
/// one); plain text only while `guess_lang` is on.
fn highlights(opts: &KramdownOptions, h: &Highlight, name: Option<&str>) -> bool {
    if !opts.rouge || h.disable {
        return false;
    }
    match name.or(h.default_lang.as_deref()) {
        // rouge guesses the language from the code: postview takes it as plain text.
        None => h.guess_lang,
        Some(n) => {
            let n = n.split('?').next().unwrap_or(n);
            let plain = n == "plaintext" || n == "text";
            (n == "guess" || rouge_knows(n)) && (h.guess_lang || !plain)
        }
    }
}

/// kramdown's `add_syntax_highlighter_to_class_attr`: ` highlighter-rouge` added to the class,
/// and `language-x` put first (or in place of the one there).
fn rouge_class(a: &mut Attributes, lang: Option<&str>) {
    let existing = a.get("class").unwrap_or("").trim_start();
    let replaces = existing
        .split(' ')
        .any(|w| w.starts_with("language-") && w.len() > "language-".len());
    let class = match lang {
        Some(lang) if replaces => {
            let words: Vec<String> = existing
                .split(' ')
                .map(|w| match w.starts_with("language-") {
                    true => format!("language-{lang}"),
                    false => w.to_owned(),
                })
                .collect();
            format!("{} highlighter-rouge", words.join(" "))
        }
        Some(lang) if existing.is_empty() => format!("language-{lang} highlighter-rouge"),
        Some(lang) => format!("language-{lang} {existing} highlighter-rouge"),
        None if existing.is_empty() => "highlighter-rouge".to_owned(),
        None => format!("{existing} highlighter-rouge"),
    };
    a.retain(|(k, _)| k != "class");
    a.insert_first("class", class);
}

/// Rouge's `HTMLTable`: a gutter of line numbers beside the code, one number per line (a last
/// line without a newline gets one too).
fn line_table(out: &mut String, code: &str, first: i64, lang: Option<&str>) {
    let mut lines = code.matches('\n').count() as i128;
    let unterminated = !code.ends_with('\n');
    if unterminated {
        lines += 1;
    }
    // Ruby's numbers do not overflow: counted wide, the gutter is exact for every `start_line`.
    let first = i128::from(first);
    out.push_str(
        "<table class=\"rouge-table\"><tbody><tr><td class=\"rouge-gutter gl\"><pre class=\"lineno\">",
    );
    for n in first..first + lines {
        out.push_str(&n.to_string());
        out.push('\n');
    }
    out.push_str("</pre></td><td class=\"rouge-code\"><pre>");
    highlight(lang, code, out);
    if unterminated {
        out.push('\n');
    }
    out.push_str("</pre></td></tr></tbody></table>");
}

/// `remove_line_breaks_for_cjk`: a line break between two Han, Hiragana or Katakana characters
/// goes (kramdown's `fix_cjk_line_break`).
fn without_cjk_line_breaks(text: &str) -> String {
    use super::unicode::is_han_kana;
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut prev: Option<char> = None;
    while let Some(c) = chars.next() {
        let joins = c == '\n'
            && prev.is_some_and(is_han_kana)
            && chars.peek().is_some_and(|&n| is_han_kana(n));
        if !joins {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::testing::squeezed_html as html;

    // Expected HTML from kramdown_ref.rb (Jekyll 4.3.1, kramdown 2.4), white space between tags
    // removed.
    #[test]
    fn a_link_should_write_its_title_then_the_attribute_list() {
        assert_eq!(
            html("[x](u \"t\"){: .c #i}\n"),
            "<p><a href=\"u\" title=\"t\" class=\"c\" id=\"i\">x</a></p>"
        );
    }

    #[test]
    fn table_cells_should_carry_their_column_alignment_and_never_be_empty() {
        assert_eq!(
            html("| a | b |\n|:--|--:|\n| 1 |   |\n"),
            "<table><thead><tr><th style=\"text-align: left\">a</th>\
             <th style=\"text-align: right\">b</th></tr></thead><tbody><tr>\
             <td style=\"text-align: left\">1</td>\
             <td style=\"text-align: right\">\u{a0}</td></tr></tbody></table>"
        );
    }

    #[test]
    fn footnotes_should_be_numbered_in_order_of_first_reference() {
        assert_eq!(
            html("Text[^n] and[^m].\n\n[^m]: Second.\n[^n]: First.\n"),
            "<p>Text<sup id=\"fnref:n\" role=\"doc-noteref\"><a href=\"#fn:n\" class=\"footnote\" rel=\"footnote\">1</a></sup> \
             and<sup id=\"fnref:m\" role=\"doc-noteref\"><a href=\"#fn:m\" class=\"footnote\" rel=\"footnote\">2</a></sup>.</p>\
             <div class=\"footnotes\" role=\"doc-endnotes\"><ol>\
             <li id=\"fn:n\" role=\"doc-endnote\"><p>First.\u{a0}<a href=\"#fnref:n\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p></li>\
             <li id=\"fn:m\" role=\"doc-endnote\"><p>Second.\u{a0}<a href=\"#fnref:m\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p></li>\
             </ol></div>"
        );
    }

    #[test]
    fn code_should_be_in_rouges_wrapper_only_for_a_language_rouge_knows() {
        assert_eq!(
            html("```\ncode <x>\n```\n\n```nolang\nz\n```\n"),
            "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\">\
             <pre class=\"highlight\"><code>code &lt;x&gt;</code></pre></div></div>\
             <pre><code class=\"language-nolang\">z</code></pre>"
        );
    }

    #[test]
    fn an_abbreviation_should_be_written_with_its_title_escaped() {
        assert_eq!(
            html("*[HTML]: Hyper \"Text\"\n\nAn HTML page.\n"),
            "<p>An <abbr title=\"Hyper &quot;Text&quot;\">HTML</abbr> page.</p>"
        );
    }

    #[test]
    fn a_table_should_write_each_body_and_its_footer_as_sections() {
        assert_eq!(
            html("| a |\n|---|\n| 1 |\n|---|\n| 2 |\n|===|\n| f |\n"),
            "<table><thead><tr><th>a</th></tr></thead>\
             <tbody><tr><td>1</td></tr></tbody><tbody><tr><td>2</td></tr></tbody>\
             <tfoot><tr><td>f</td></tr></tfoot></table>"
        );
    }

    #[test]
    fn a_comment_extension_should_be_an_html_comment_with_its_text_as_written() {
        assert_eq!(
            html("{::comment}\nnote <b>\n{:/comment}\n\nx {::comment}y{:/comment} z\n"),
            "<!-- note <b> --><p>x <!-- y --> z</p>"
        );
    }

    #[test]
    fn html_elements_with_markdown_content_should_lose_only_the_markdown_attribute() {
        assert_eq!(
            html(
                "<div markdown=\"1\" class=\"c\">\n*a*\n</div>\n\n<p markdown=\"1\">*b*</p>\n\n\
                 <section><div markdown=\"1\">\n*c*\n</div></section>\n\n<hr markdown=\"1\" />\n"
            ),
            "<div class=\"c\"><p><em>a</em></p></div><p><em>b</em></p>\
             <section><div><p><em>c</em></p></div></section><hr />"
        );
    }

    #[test]
    fn a_span_attribute_list_should_lay_its_attributes_over_an_html_elements() {
        assert_eq!(
            html("a <img src=\"x\">{: .c} b <span title=\"x\">s</span>{: #i title=\"y\"} <em class=\"a\">e</em>{: .b}\n"),
            "<p>a <img src=\"x\" class=\"c\" /> b <span title=\"y\" id=\"i\">s</span>\
             <em class=\"a b\">e</em></p>"
        );
    }

    #[test]
    fn cjk_line_breaks_should_go_in_the_text_of_raw_html_too() {
        // kramdown_ref.rb with `remove_line_breaks_for_cjk: true` in the site's config.
        let options = KramdownOptions {
            remove_line_breaks_for_cjk: true,
            ..KramdownOptions::default()
        };
        let out = crate::markdown::render("<div>漢\n字 <b>か\nな</b></div>\n\n漢\n字\n", &options);
        assert_eq!(
            crate::markdown::testing::squeezed(&out.html),
            "<div>漢字 <b>かな</b></div><p>漢字</p>"
        );
    }

    /// The HTML the writer gives for `events` alone, with Jekyll's options.
    fn written(events: Vec<Event<'_>>) -> String {
        let mut out = String::new();
        let body = Body {
            events,
            html_regions: false,
            toc_asked: false,
        };
        write(body, &[], &[], &KramdownOptions::default(), &mut out);
        out
    }

    #[test]
    fn the_writer_should_escape_what_the_events_carry() {
        let tag = |name: &str, value: &str| HtmlTag {
            name: name.to_owned(),
            attrs: vec![("title".to_owned(), value.to_owned())],
            line_break: false,
            closed: false,
        };
        let mut ial = Attributes::default();
        ial.set("id", "a\"b");
        let out = written(vec![
            Event::StartHtml(Box::new(tag("span", "<x>")), Some(Box::new(ial))),
            Md::Text("1 < 2".into()).into(),
            Event::EndHtml(HtmlEnd {
                name: "span".into(),
                line_break: false,
            }),
            Event::EmptyHtml(Box::new(tag("i", "&")), None),
            Event::Abbreviation {
                abbr: "<A>".into(),
                title: "".into(),
            },
        ]);
        assert_eq!(
            out,
            "<span title=\"&lt;x&gt;\" id=\"a&quot;b\">1 &lt; 2</span><i title=\"&amp;\"></i>\
             <abbr>&lt;A&gt;</abbr>",
            "attribute values and text should be escaped; a non-void empty element closed; an \
             abbreviation without a title should have no title"
        );
    }

    #[test]
    fn attributes_on_a_start_event_should_be_written_on_its_element_only() {
        let mut ial = Attributes::default();
        ial.set("class", "x");
        let out = written(vec![
            Event::Md(Md::Start(Tag::Paragraph), Some(Box::new(ial))),
            Event::Md(Md::Start(Tag::Emphasis), None),
            Md::Text("a".into()).into(),
            Md::End(TagEnd::Emphasis).into(),
            Md::End(TagEnd::Paragraph).into(),
        ]);
        assert_eq!(out, "<p class=\"x\"><em>a</em></p>\n");
    }

    #[test]
    fn merged_should_add_an_ial_class_and_replace_other_attributes() {
        let mut ial = Attributes::default();
        ial.set("class", "b");
        ial.set("href", "y");
        ial.set("id", "z");
        let base = vec![
            ("class".to_owned(), "a".to_owned()),
            ("href".to_owned(), "x".to_owned()),
        ];
        let merged = merged(base, ial);
        let pairs: Vec<(&str, &str)> = merged
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(pairs, [("class", "a b"), ("href", "y"), ("id", "z")]);
    }

    #[test]
    fn inline_back_links_should_go_into_a_last_paragraph_only() {
        assert_eq!(inline_backlink_place("<p>a</p>\n"), Some(4));
        assert_eq!(
            inline_backlink_place("<ul>\n<li>a</li>\n</ul>\n"),
            Some(10),
            "an item whose paragraph lost its tags is still one"
        );
        assert_eq!(
            inline_backlink_place("<pre><code>a</code></pre>\n"),
            None,
            "after code the back link should get a paragraph of its own"
        );
    }

    #[test]
    fn cjk_line_breaks_should_go_only_between_two_cjk_characters() {
        assert_eq!(
            without_cjk_line_breaks("漢\n字 a\nb かな\nカナ"),
            "漢字 a\nb かなカナ"
        );
    }

    #[test]
    fn line_table_should_number_every_line() {
        let mut out = String::new();
        line_table(&mut out, "a\nb", 3, None);
        assert!(out.contains("<pre class=\"lineno\">3\n4\n</pre>"), "{out}");
        assert!(
            out.ends_with("<pre>a\nb\n</pre></td></tr></tbody></table>"),
            "{out}"
        );
    }
}
