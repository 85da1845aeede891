//! Tables: lines with `|`, with or without a separator line under a header.
//!
//! Reference: kramdown 2.4 `parser/kramdown/table.rb`. Every line of the block must contain a `|`
//! outside code spans (so pipe lines with no `|---|` row are a table — a header row exists only
//! when a separator line follows the first rows); `|-|` lines split the body, `|=|` lines start a
//! footer; rows are padded to the widest; an empty cell holds a no-break space. The table must
//! start after a block boundary and end before one, or it is a paragraph.

use super::{Blocks, Item, Last};
use crate::byte_set;
use crate::markdown::event::{Event as Ev, Section::Body, Section::Foot};
use crate::markdown::span::{code_and_html_children, Child};
use pulldown_cmark::{Alignment, CowStr, Event, Tag, TagEnd};

/// `(?:\||.*?[^\\\n]\|)` at the start of `line`: a `|` first, or one not after a backslash.
fn has_pipe(line: &str) -> bool {
    let b = line.as_bytes();
    let mut from = 0;
    while let Some(i) = Some(byte_set::find_byte(b, from, b'|')).filter(|&i| i < b.len()) {
        if i == 0 || b[i - 1] != b'\\' {
            return true;
        }
        from = i + 1;
    }
    false
}

/// `^([+|: \t-]*?-[+|: \t-]*?)[ \t]*$`
fn is_separator(line: &str) -> bool {
    line.contains('-')
        && line
            .bytes()
            .all(|c| matches!(c, b'+' | b'|' | b':' | b' ' | b'\t' | b'-'))
}

/// `^[+|: \t=]*?=[+|: \t=]*?[ \t]*$`
fn is_footer_separator(line: &str) -> bool {
    line.contains('=')
        && line
            .bytes()
            .all(|c| matches!(c, b'+' | b'|' | b':' | b' ' | b'\t' | b'='))
}

/// `TABLE_HSEP_ALIGN` scanned over a separator line.
fn alignments(line: &str) -> Vec<Alignment> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // `[ \t]?(:?)-+(:?)[ \t]?`: find the next run of dashes with its colons.
        let left = b[i] == b':' && b.get(i + 1) == Some(&b'-');
        let dash_start = if left { i + 1 } else { i };
        if b.get(dash_start) != Some(&b'-') {
            i += 1;
            continue;
        }
        let mut j = dash_start;
        while j < b.len() && b[j] == b'-' {
            j += 1;
        }
        let right = b.get(j) == Some(&b':');
        out.push(match (left, right) {
            (false, false) => Alignment::None,
            (true, false) => Alignment::Left,
            (false, true) => Alignment::Right,
            (true, true) => Alignment::Center,
        });
        i = if right { j + 1 } else { j };
    }
    out
}

/// A row: where it starts and its cell texts.
type Row = (usize, Vec<String>);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Head,
    Body,
    Foot,
}

pub(super) fn parse(b: &mut Blocks<'_, '_, '_>) -> bool {
    if !b.after_block_boundary() {
        return false;
    }
    let first = b.line_at(b.pos);
    let trimmed = super::strip_opt_space(first);
    if trimmed.is_empty()
        || trimmed.starts_with(|c: char| c.is_ascii_whitespace())
        || !has_pipe(first)
    {
        return false;
    }
    let start = b.pos;
    let leading_pipe = first
        .trim_start_matches(|c: char| c.is_ascii_whitespace())
        .starts_with('|');
    let mut p = start;
    if is_separator(first.trim_end_matches([' ', '\t'])) {
        p = b.line_end(p);
    }
    let mut table = Table::default();
    while p < b.src.len() {
        let line = b.line_at(p);
        if !has_pipe(line) || !b.src[p..].contains('\n') {
            break;
        }
        table.line(line.trim_end_matches([' ', '\t']), p, leading_pipe);
        p = b.line_end(p);
    }
    if !b.block_boundary_at(p) {
        return false;
    }
    if !pipes_outside_code(&b.src[start..p.saturating_sub(1).max(start)]) {
        return false;
    }
    table.finish();
    if !table.sections.iter().any(|(k, _)| *k == Section::Body) {
        return false;
    }
    write(b, start, table);
    b.pos = p;
    b.last = Last::Other;
    true
}

/// A table being read line by line: its sections so far and the rows of the open one.
#[derive(Default)]
struct Table {
    sections: Vec<(Section, Vec<Row>)>,
    rows: Vec<Row>,
    align: Vec<Alignment>,
    /// A `|=|` line has started the footer: later `|-|` lines split nothing.
    has_footer: bool,
    /// The widest row's cell count.
    columns: usize,
}

impl Table {
    /// A line of the table (trailing white space removed) at `at`.
    fn line(&mut self, content: &str, at: usize, leading_pipe: bool) {
        if is_separator(content) {
            if self.rows.is_empty() {
            } else if self.align.is_empty() && !self.has_footer {
                self.close(Section::Head, false);
                self.align = alignments(content);
                if self.align.is_empty() {
                    self.align.push(Alignment::None);
                }
            } else {
                self.close(Section::Body, false);
            }
        } else if is_footer_separator(content) {
            if !self.rows.is_empty() {
                self.close(Section::Body, true);
            }
            self.has_footer = true;
        } else {
            let cells = split_row(content, leading_pipe);
            self.columns = self.columns.max(cells.len());
            self.rows.push((at, cells));
        }
    }

    /// Ends the open section as `kind`; after a footer has started, body rows join it unless
    /// `force`.
    fn close(&mut self, kind: Section, force: bool) {
        if !self.has_footer || kind != Section::Body || force {
            self.sections.push((kind, std::mem::take(&mut self.rows)));
        }
    }

    /// Ends the last section (the footer, if one started).
    fn finish(&mut self) {
        if !self.rows.is_empty() {
            let kind = if self.has_footer {
                Section::Foot
            } else {
                Section::Body
            };
            self.close(kind, false);
        }
    }
}

/// The table's events: sections, rows padded to the widest, cells with their raw text.
fn write(b: &mut Blocks<'_, '_, '_>, start: usize, table: Table) {
    let Table {
        sections,
        mut align,
        columns,
        ..
    } = table;
    // kramdown keeps the alignment list of the header only up to the number of columns.
    align.resize(columns, Alignment::None);

    b.push(Event::Start(Tag::Table(align)), start);
    for (kind, rows) in sections {
        let (open, close): (Ev<'_>, Ev<'_>) = match kind {
            Section::Head => (
                Event::Start(Tag::TableHead).into(),
                Event::End(TagEnd::TableHead).into(),
            ),
            Section::Body => (Ev::StartSection(Body), Ev::EndSection(Body)),
            Section::Foot => (Ev::StartSection(Foot), Ev::EndSection(Foot)),
        };
        b.push(open, start);
        for (at, cells) in rows {
            b.push(Event::Start(Tag::TableRow), at);
            for i in 0..columns {
                b.push(Event::Start(Tag::TableCell), at);
                if let Some(text) = cells.get(i).filter(|t| !t.is_empty()) {
                    b.items.push(Item::Raw(CowStr::from(text.clone()), at));
                }
                b.push(Event::End(TagEnd::TableCell), at);
            }
            b.push(Event::End(TagEnd::TableRow), at);
        }
        b.push(close, start);
    }
    b.push(Event::End(TagEnd::Table), start);
}

/// Splits a row into cell texts: at `|` outside code spans (and outside `<code>…</code>`),
/// `\|` standing for `|`; an empty first cell before a leading pipe and an empty last cell go.
fn split_row(content: &str, leading_pipe: bool) -> Vec<String> {
    let mut cells: Vec<String> = Vec::new();
    let append = |cells: &mut Vec<String>, s: &str| match cells.last_mut() {
        Some(last) => last.push_str(s),
        None => cells.push(s.to_owned()),
    };
    for (i, piece) in split_code_tags(content).into_iter().enumerate() {
        if i % 2 == 1 {
            append(&mut cells, piece);
            continue;
        }
        for child in code_and_html_children(piece, false) {
            match child {
                Child::Text(t) => {
                    let mut parts = split_unescaped_pipes(&t).into_iter();
                    if let Some(first) = parts.next() {
                        append(&mut cells, &first);
                    }
                    cells.extend(parts);
                }
                Child::Code(code) => {
                    let longest = longest_backtick_run(code);
                    let delim = "`".repeat(longest + 1);
                    let pad = if delim.len() > 1 { " " } else { "" };
                    append(&mut cells, &format!("{delim}{pad}{code}{pad}{delim}"));
                }
                Child::Other => {}
            }
        }
    }
    if leading_pipe && cells.first().is_some_and(|c| c.trim().is_empty()) {
        cells.remove(0);
    }
    if cells.last().is_some_and(|c| c.trim().is_empty()) {
        cells.pop();
    }
    cells.into_iter().map(|c| c.trim().to_owned()).collect()
}

/// `split(/(<code.*?>.*?<\/code>)/)`: text, code element, text, …
fn split_code_tags(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest_start = 0;
    let mut i = 0;
    while let Some(j) = s[i..].find("<code") {
        let open = i + j;
        let Some(gt) = s[open..].find('>') else { break };
        let Some(close) = s[open + gt..].find("</code>") else {
            break;
        };
        let end = open + gt + close + "</code>".len();
        out.push(&s[rest_start..open]);
        out.push(&s[open..end]);
        rest_start = end;
        i = end;
    }
    out.push(&s[rest_start..]);
    out
}

fn split_unescaped_pipes(s: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let b = s.as_bytes();
    let mut last = 0;
    for i in 0..b.len() {
        if b[i] == b'|' && (i == 0 || b[i - 1] != b'\\') {
            if let Some(p) = parts.last_mut() {
                p.push_str(&s[last..i]);
            }
            parts.push(String::new());
            last = i + 1;
        }
    }
    if let Some(p) = parts.last_mut() {
        p.push_str(&s[last..]);
    }
    parts.into_iter().map(|p| p.replace("\\|", "|")).collect()
}

fn longest_backtick_run(s: &str) -> usize {
    let mut best = 0;
    let mut run = 0;
    for c in s.bytes() {
        run = if c == b'`' { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// kramdown's check that each line has a `|` outside code spans (`pipe_on_line`).
fn pipes_outside_code(text: &str) -> bool {
    let mut pipe_on_line = false;
    for child in code_and_html_children(text, true) {
        match child {
            Child::Code(code) => {
                let lines = ruby_split_lines(code);
                if lines.len() > 2 || (lines.len() == 2 && !pipe_on_line) {
                    break;
                } else if lines.len() == 2 {
                    pipe_on_line = false;
                }
            }
            Child::Text(t) => {
                let lines = ruby_split_lines(&t);
                if lines.len() > 1 && !pipe_on_line && !lines.first().is_some_and(|l| has_pipe(l)) {
                    break;
                }
                pipe_on_line =
                    (lines.len() <= 1 && pipe_on_line) || lines.last().is_some_and(|l| has_pipe(l));
            }
            Child::Other => {}
        }
    }
    pipe_on_line
}

/// Ruby's `split("\n")`: trailing empty pieces dropped.
fn ruby_split_lines(s: &str) -> Vec<&str> {
    let mut v: Vec<&str> = s.split('\n').collect();
    while v.last() == Some(&"") {
        v.pop();
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_row_should_split_at_pipes_outside_code() {
        assert_eq!(
            split_row("| a | `b|c` | d \\| e |", true),
            ["a", "`b|c`", "d | e"]
        );
        assert_eq!(split_row("a | b", false), ["a", "b"]);
    }

    #[test]
    fn alignments_should_read_colons() {
        assert_eq!(
            alignments("|---|:--|--:|:-:|"),
            [
                Alignment::None,
                Alignment::Left,
                Alignment::Right,
                Alignment::Center
            ]
        );
    }
}
