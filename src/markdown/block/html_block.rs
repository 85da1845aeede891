//! HTML blocks: a line that starts with a comment or with a tag that is not a span element.
//!
//! Reference: kramdown 2.4 `parser/kramdown/html.rb` (`parse_block_html`) and
//! `parser/html.rb` (`parse_raw_html`), with Jekyll's `parse_block_html: false`. kramdown reads
//! the element with its content, nested elements included, up to its matching end tag — across
//! blank lines, and past the end of the line: whatever follows the end tag on its line is read as
//! the next block (`<div>x</div> tail` is a div and a paragraph). Markdown inside is not parsed.
//! The element becomes events the writer writes as kramdown's converter does: its tags
//! (`StartHtml`/`EndHtml`; a void or `/>` element `EmptyHtml`, written `<x />`) with their
//! attributes, its text (escaped, character references kept); comments, instructions and the
//! text of `<script>` and `<style>` stay raw HTML, written as they are.
//!
//! An element whose content is Markdown (`markdown="1"`, or `parse_block_html`) has its content
//! parsed as blocks or spans between its tags.

use super::{Blocks, Item, Last};
use crate::ctype::{is_space_or_tab, leading};
use crate::markdown::event::{Event, HtmlEnd, HtmlTag};
use crate::markdown::html::{self, ContentModel, SPAN_ELEMENTS};
use crate::markdown::unicode::is_word;
use crate::ruby::case::downcase;
use pulldown_cmark::{CowStr, Event as Md, Tag, TagEnd};

/// Nested elements deeper than this are read as text rather than recursed into.
const MAX_DEPTH: usize = 64;

pub(super) fn parse(b: &mut Blocks<'_, '_, '_>) -> bool {
    let line = b.line_at(b.pos);
    let t = super::strip_opt_space(line);
    if !t.starts_with('<') {
        return false;
    }
    let start = b.pos;
    // The comment pattern is tried at the line start itself, without the optional indent.
    if let Some(end) = html::comment(b.src, start) {
        let mut out = b.src[start..end].to_owned();
        out.push('\n');
        b.pos = skip_trailing_white_space(b.src, end);
        b.push(Md::Html(CowStr::from(out)), start);
        b.last = Last::Other;
        return true;
    }
    let at = start + (line.len() - t.len());
    let Some(tag) = html::start_tag(b.src, at) else {
        return false;
    };
    if SPAN_ELEMENTS.contains(&downcase(tag.name).as_str()) {
        return false;
    }
    let model = content_model(b, &tag);
    if model != ContentModel::Raw {
        parsed_element(b, &tag, model, start);
        return true;
    }
    let mut reader = Reader {
        src: b.src,
        pos: tag.end,
        warnings: Vec::new(),
        items: Vec::new(),
        last_text: None,
    };
    reader.element(b, &tag, 0);
    b.pos = skip_trailing_white_space(b.src, reader.pos);
    for (offset, message) in reader.warnings {
        b.issues.push(crate::diagnostic::Issue::new(
            crate::diagnostic::Code::UnclosedHtml,
            offset,
            message,
        ));
    }
    // The element, however many events it takes, is one top-level block.
    b.push(Md::Start(Tag::HtmlBlock), start);
    b.items.extend(reader.items);
    b.push(Md::End(TagEnd::HtmlBlock), start);
    b.last = Last::Other;
    true
}

/// How kramdown reads an element's content (`handle_kramdown_html_tag`): as text with
/// `parse_block_html: false` (Jekyll's default), else by the element's content model; a
/// `markdown` attribute decides instead: `0` text, `1` the element's model, `block`, `span`.
fn content_model(b: &Blocks<'_, '_, '_>, tag: &html::StartTag<'_>) -> ContentModel {
    let name = html::normalized_name(tag.name);
    // Past the nesting limit, content is text (no recursion without end).
    if b.depth >= super::MAX_DEPTH {
        return ContentModel::Raw;
    }
    let mut model = if b.options.parse_block_html {
        html::content_model(&name)
    } else {
        ContentModel::Raw
    };
    let known = html::is_known_element(&name);
    if let Some((_, v)) = html::attributes(tag.attrs, known)
        .into_iter()
        .find(|(k, _)| k == "markdown")
    {
        match v.as_str() {
            "0" => model = ContentModel::Raw,
            "1" => model = html::content_model(&name),
            "block" => model = ContentModel::Block,
            "span" => model = ContentModel::Span,
            _ => {}
        }
    }
    model
}

/// An element whose content is Markdown: blocks up to a block starting with its end tag, or
/// spans up to its end tag. Its tags are events of their own (the writer writes them without
/// `markdown`), wrapped in `HtmlBlock` so that the element counts as one top-level block.
fn parsed_element(
    b: &mut Blocks<'_, '_, '_>,
    tag: &html::StartTag<'_>,
    model: ContentModel,
    start: usize,
) {
    let name = html::normalized_name(tag.name);
    let known = html::is_known_element(&name);
    let mut attrs = html::attributes(tag.attrs, known);
    attrs.retain(|(k, _)| k != "markdown");
    let void = html::ELEMENTS_WITHOUT_BODY.contains(&name.as_str());
    let block = model == ContentModel::Block;
    let start_tag = HtmlTag {
        name: name.clone(),
        attrs,
        line_break: block || tag.self_closing || void,
        closed: false,
    };
    if tag.self_closing || void {
        b.pos = skip_trailing_white_space(b.src, tag.end);
        b.push(Event::EmptyHtml(Box::new(start_tag), None), start);
        b.last = Last::Other;
        return;
    }
    b.push(Md::Start(Tag::HtmlBlock), start);
    b.push(Event::StartHtml(Box::new(start_tag), None), start);
    b.pos = if block {
        block_content(b, &name, tag.end, start)
    } else {
        span_content(b, &name, tag.end, start)
    };
    b.pos = skip_trailing_white_space(b.src, b.pos);
    let end = HtmlEnd {
        name,
        line_break: true,
    };
    b.push(Event::EndHtml(end), start);
    b.push(Md::End(TagEnd::HtmlBlock), start);
    b.last = Last::Other;
}

/// Block content from `content_start` up to a block that starts with `</name>`, as items of
/// its own; returns where it stops (after the end tag).
fn block_content(
    b: &mut Blocks<'_, '_, '_>,
    name: &str,
    content_start: usize,
    start: usize,
) -> usize {
    let from = skip_trailing_white_space(b.src, content_start);
    let text = &b.src[from..];
    let (items, _, stopped) = b.nested_until(text, Last::Nothing, from, Some(name.to_owned()));
    b.items.extend(items.into_iter().map(|item| match item {
        super::Item::Raw(t, at) => super::Item::HtmlRaw(t, at),
        other => other,
    }));
    match stopped {
        Some(after) => from + after,
        None => {
            b.issues.push(crate::diagnostic::Issue::new(
                crate::diagnostic::Code::UnclosedHtml,
                start,
                format!("`<{name}>` is never closed: everything after it is part of it; add `</{name}>` on a line of its own"),
            ));
            b.src.len()
        }
    }
}

/// Span content from `content_start` up to `</name>`, as one raw text; returns where it stops
/// (after the end tag).
fn span_content(
    b: &mut Blocks<'_, '_, '_>,
    name: &str,
    content_start: usize,
    start: usize,
) -> usize {
    let (text_end, after) = match find_end_tag(b.src, content_start, name) {
        Some(found) => found,
        None => {
            b.issues.push(crate::diagnostic::Issue::new(
                crate::diagnostic::Code::UnclosedHtml,
                start,
                format!("`<{name}>` is never closed: everything after it is part of it; add `</{name}>`"),
            ));
            (b.src.len(), b.src.len())
        }
    };
    b.items.push(super::Item::HtmlRaw(
        CowStr::Borrowed(&b.src[content_start..text_end]),
        content_start,
    ));
    after
}

/// In an element's Markdown content: whether the block here is the element's end tag (then the
/// region stops after it). Kept out of line: the block loop is hot, and this is rare.
#[cold]
#[inline(never)]
pub(super) fn closes_region(b: &mut Blocks<'_, '_, '_>) -> bool {
    let line = b.line_at(b.pos);
    let t = super::strip_opt_space(line);
    if !t.starts_with("</") {
        return false;
    }
    let at = b.pos + (line.len() - t.len());
    let Some((found, end)) = html::end_tag(b.src, at) else {
        return false;
    };
    let name = b.stop_tag.as_deref().unwrap_or("");
    if downcase(found) != name {
        return false;
    }
    b.stopped_at = Some(end);
    b.pos = end;
    true
}

/// `[ \t]*\n` after the element, if the rest of its line is blank.
fn skip_trailing_white_space(src: &str, i: usize) -> usize {
    let rest = &src[i..];
    let ws = leading(rest, is_space_or_tab);
    if rest[ws..].starts_with('\n') {
        i + ws + 1
    } else {
        i
    }
}

/// Whether a line (indent removed) ends a paragraph as kramdown's `LAZY_END_HTML_START` or
/// `LAZY_END_HTML_STOP`: `<name` or `</name>` where the name does not begin with a span element
/// name (or `script`) followed by a word boundary. Case-sensitive, as kramdown's pattern is.
pub(super) fn lazy_end(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('<') else {
        return false;
    };
    let (rest, closing) = match rest.strip_prefix('/') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    if html::name_end(rest, 0).is_none() {
        return false;
    }
    let excluded = SPAN_ELEMENTS.iter().chain(&["script"]).any(|name| {
        rest.strip_prefix(name)
            .is_some_and(|after| !after.chars().next().is_some_and(is_word))
    });
    if excluded {
        return false;
    }
    !closing || html::end_tag(line, 0).is_some()
}

struct Reader<'a> {
    src: &'a str,
    pos: usize,
    warnings: Vec<(usize, String)>,
    /// The element's events: its tags, text and nested elements, and the blocks of a nested
    /// element whose content is Markdown (kramdown parses `<div markdown="1">` even inside raw
    /// HTML).
    items: Vec<Item<'a>>,
    /// When the last item is source text: where it starts and ends (text right after it joins
    /// it, so that markup read as text stays one event).
    last_text: Option<(usize, usize)>,
}

impl<'a> Reader<'a> {
    fn push(&mut self, e: impl Into<Event<'a>>) {
        self.items.push(Item::Event(e.into(), self.pos));
        self.last_text = None;
    }

    /// Text of the source, which the writer escapes (character references kept).
    fn text(&mut self, from: usize, to: usize) {
        if from >= to {
            return;
        }
        if let Some((start, _)) = self.last_text.filter(|&(_, end)| end == from) {
            if let Some(Item::Event(Event::Md(Md::Text(t), _), _)) = self.items.last_mut() {
                *t = CowStr::Borrowed(&self.src[start..to]);
                self.last_text = Some((start, to));
                return;
            }
        }
        self.push(Md::Text(CowStr::Borrowed(&self.src[from..to])));
        self.last_text = Some((from, to));
    }

    /// Reads the element whose start tag was just read, with its content (kramdown's
    /// `handle_html_start_tag` + `parse_raw_html`); `depth` 0 is the block's own element, which
    /// a line break follows.
    fn element(&mut self, b: &mut Blocks<'_, '_, '_>, tag: &html::StartTag<'_>, depth: usize) {
        let name = html::normalized_name(tag.name);
        let known = html::is_known_element(&name);
        let mut attrs = html::attributes(tag.attrs, known);
        // kramdown takes the `markdown` attribute off every element it reads.
        attrs.retain(|(k, _)| k != "markdown");
        let void = html::ELEMENTS_WITHOUT_BODY.contains(&name.as_str());
        let raw_text = name == "script" || name == "style";
        let line_break = depth == 0;
        let closed = tag.self_closing || void;
        let start = HtmlTag {
            name: name.clone(),
            attrs,
            line_break,
            // kramdown writes an element of raw HTML closed by `/>` as `<x />`, void or not.
            closed,
        };
        if closed {
            self.push(Event::EmptyHtml(Box::new(start), None));
            return;
        }
        let model = match raw_text {
            true => ContentModel::Raw,
            false => nested_model(b, tag, depth),
        };
        if model != ContentModel::Raw {
            return self.markdown_element(b, start, model);
        }
        self.push(Event::StartHtml(
            Box::new(HtmlTag {
                line_break: false,
                ..start
            }),
            None,
        ));
        if raw_text {
            self.raw_text(&name);
        } else {
            self.content(b, &name, known, depth);
        }
        self.push(Event::EndHtml(HtmlEnd { name, line_break }));
    }

    /// The content of `<script>` or `<style>`: text up to the end tag, written as it is.
    fn raw_text(&mut self, name: &str) {
        let (text_end, after) =
            find_end_tag(self.src, self.pos, name).unwrap_or((self.src.len(), self.src.len()));
        if text_end > self.pos {
            self.push(Md::Html(CowStr::Borrowed(&self.src[self.pos..text_end])));
        }
        self.pos = after;
    }

    /// An element nested in raw HTML whose content is Markdown: its start tag, its content's
    /// blocks (or spans) and its end tag.
    fn markdown_element(&mut self, b: &mut Blocks<'_, '_, '_>, tag: HtmlTag, model: ContentModel) {
        let at = self.pos;
        let name = tag.name.clone();
        self.push(Event::StartHtml(Box::new(tag), None));
        if model == ContentModel::Block {
            let from = skip_trailing_white_space(self.src, self.pos);
            let text = &self.src[from..];
            let (items, _, stopped) = b.nested_until(text, Last::Nothing, from, Some(name.clone()));
            self.items.extend(items.into_iter().map(|item| match item {
                Item::Raw(t, at) => Item::HtmlRaw(t, at),
                other => other,
            }));
            self.pos = match stopped {
                Some(after) => from + after,
                None => self.src.len(),
            };
        } else {
            let (text_end, after) =
                find_end_tag(self.src, self.pos, &name).unwrap_or((self.src.len(), self.src.len()));
            let text = CowStr::Borrowed(&self.src[self.pos..text_end]);
            self.items.push(Item::HtmlRaw(text, self.pos));
            self.pos = after;
        }
        if self.pos >= self.src.len() {
            self.warnings.push((
                at,
                format!("`<{name}>` is never closed: everything after it is part of it; add `</{name}>`"),
            ));
        }
        let end = HtmlEnd {
            name,
            line_break: false,
        };
        self.push(Event::EndHtml(end));
    }

    /// `parse_raw_html`: text, comments, instructions and nested elements up to `</name>`.
    fn content(&mut self, b: &mut Blocks<'_, '_, '_>, name: &str, known: bool, depth: usize) {
        let opened_at = self.pos;
        loop {
            let Some(lt) = next_markup(self.src, self.pos) else {
                self.text(self.pos, self.src.len());
                self.pos = self.src.len();
                self.warnings.push((
                    opened_at,
                    format!("`<{name}>` is never closed: everything after it is part of it; add `</{name}>`"),
                ));
                return;
            };
            self.text(self.pos, lt);
            self.pos = lt;
            if let Some(end) =
                html::comment(self.src, lt).or_else(|| html::instruction(self.src, lt))
            {
                // Comments and instructions are written as they are.
                self.push(Md::Html(CowStr::Borrowed(&self.src[lt..end])));
                self.pos = end;
            } else if let Some(tag) = html::start_tag(self.src, lt).filter(|_| depth < MAX_DEPTH) {
                self.pos = tag.end;
                self.element(b, &tag, depth + 1);
            } else if let Some((found, end)) = html::end_tag(self.src, lt) {
                let same = if known {
                    downcase(found) == name
                } else {
                    found == name
                };
                self.pos = end;
                if same {
                    return;
                }
                self.text(lt, end);
            } else {
                // A `<` that starts nothing is text.
                self.text(lt, lt + 1);
                self.pos = lt + 1;
            }
        }
    }
}

/// How kramdown reads the content of an element nested in raw HTML: as raw HTML too, unless its
/// `markdown` attribute asks for Markdown (`handle_kramdown_html_tag` with a raw parent).
fn nested_model(b: &Blocks<'_, '_, '_>, tag: &html::StartTag<'_>, depth: usize) -> ContentModel {
    if depth == 0 || b.depth >= super::MAX_DEPTH || !tag.attrs.contains("markdown") {
        return ContentModel::Raw;
    }
    let name = html::normalized_name(tag.name);
    let known = html::is_known_element(&name);
    match html::attributes(tag.attrs, known)
        .iter()
        .find(|(k, _)| k == "markdown")
        .map(|(_, v)| v.as_str())
    {
        Some("1") => html::content_model(&name),
        Some("block") => ContentModel::Block,
        Some("span") => ContentModel::Span,
        _ => ContentModel::Raw,
    }
}

/// The next `<` that may start markup: `<name`, `</`, `<!--` or `<?` (`HTML_RAW_START`).
fn next_markup(src: &str, from: usize) -> Option<usize> {
    let b = src.as_bytes();
    let mut i = from;
    while let Some(j) = src[i..].find('<') {
        let lt = i + j;
        let next = b.get(lt + 1).copied();
        if next == Some(b'/')
            || next == Some(b'?')
            || src[lt..].starts_with("<!--")
            || html::name_end(src, lt + 1).is_some()
        {
            return Some(lt);
        }
        i = lt + 1;
    }
    None
}

/// `(?=</name\s*>)` case-insensitively: where the text ends and where the end tag ends.
fn find_end_tag(src: &str, from: usize, name: &str) -> Option<(usize, usize)> {
    let mut i = from;
    while let Some(j) = src[i..].find("</") {
        let lt = i + j;
        if let Some((found, end)) = html::end_tag(src, lt) {
            if found.eq_ignore_ascii_case(name) {
                return Some((lt, end));
            }
        }
        i = lt + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::lazy_end;
    use crate::markdown::testing::squeezed_html;

    // Expected HTML from kramdown_ref.rb (Jekyll 4.3.1, kramdown 2.4).
    #[test]
    fn raw_html_should_be_written_again_as_kramdown_writes_it() {
        assert_eq!(
            squeezed_html(
                "<div title=\"a&b\" class=x>x < y &amp; z <p/> <!-- c --> <br> </b> \
                 <script>a<b</script></div>\n"
            ),
            "<div title=\"a&amp;b\" class=\"x\">x &lt; y &amp; z <p /><!-- c --><br /> \
             &lt;/b&gt; <script>a<b</script></div>",
            "attributes quoted and escaped, text escaped with references kept, a closed element \
             written `<x />`, a stray end tag as text, comments and script text as they are"
        );
    }

    #[test]
    fn lazy_end_should_stop_a_paragraph_at_block_tags_only() {
        assert!(lazy_end("<div>"), "a block tag should end a paragraph");
        assert!(
            lazy_end("<Radical Markets>"),
            "an unknown tag should end a paragraph"
        );
        assert!(!lazy_end("<span>x</span>"), "a span element should not");
        assert!(
            !lazy_end("<a-b>"),
            "a name starting with a span element name and a boundary should not"
        );
        assert!(lazy_end("<spanish>"), "a longer name should");
        assert!(lazy_end("</div>"));
        assert!(!lazy_end("< div>"));
    }
}
