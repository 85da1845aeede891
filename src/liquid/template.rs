//! A template (a post body, a layout, an include) read into a tree of nodes, after Liquid 5.4's
//! `BlockBody#parse`: text, `{{ }}` (read once, here), leaf tags, and blocks, each tag looked up
//! in the one table of `registry`. A block is read generically, as Liquid's `Block` reads its
//! body: sections until the tag that closes it, each started by the opener or a continuation
//! (`elsif`, `else`, `when`); what the sections mean is the block's runner's business.
//!
//! White space controls are applied here as Liquid applies them while it reads: `{%-`/`{{-`
//! strip the end of the text before, `-%}`/`-}}` the start of the text after. `raw`, `comment`
//! and `#` are handled here too (see `tags` for their rules).
//!
//! What Jekyll stops the build for (a broken token, a tag that closes nothing, a block never
//! closed) is reported and the reader keeps going: a block never closed is shown as written,
//! its tags as text and its contents in place, so nothing typed is lost.

use super::output::Issues;
use super::registry::{self, Shape, TagDef};
use super::scan::{Kind, Scanner, Token};
use super::tags;
use super::variable::{self, Variable};
use crate::diagnostic::Code;
use crate::ruby;
use std::ops::Range;

/// Blocks nested deeper than this are read as text: no real template comes near.
const MAX_DEPTH: usize = 64;

/// Names of unknown tags remembered, so that their `end…` is not reported again.
const MAX_REMEMBERED: usize = 100;

pub enum Node<'t> {
    Text(Range<usize>),
    /// `{{ … }}` starting at `start`, its markup read.
    Output {
        var: Variable<'t>,
        start: usize,
    },
    Tag(TagCall<'t>),
    Block(Block<'t>),
}

/// A tag without a body, as written at `at..end`.
pub struct TagCall<'t> {
    pub def: &'static TagDef,
    pub name: &'t str,
    pub markup: &'t str,
    pub at: usize,
    pub end: usize,
}

/// A block: its opener's section, then one per continuation tag, in order.
pub struct Block<'t> {
    pub def: &'static TagDef,
    pub sections: Vec<Section<'t>>,
    /// Where the closing tag is (`at..end`).
    pub closer: Range<usize>,
}

/// A tag of a block (the opener or a continuation) and the nodes up to the next one.
pub struct Section<'t> {
    pub name: &'t str,
    pub markup: &'t str,
    pub at: usize,
    pub end: usize,
    pub body: Vec<Node<'t>>,
}

/// Where the reader puts the nodes it reads: a list (a block's body), or a renderer that runs
/// each top-level node as soon as it is read, so that a long template is never held whole.
pub trait Sink<'t> {
    fn push(&mut self, node: Node<'t>, issues: &mut Issues);
    /// The text node last pushed, while a `{%-` that follows may still trim its end.
    fn last_text(&mut self) -> Option<&mut Range<usize>>;
}

impl<'t> Sink<'t> for Vec<Node<'t>> {
    fn push(&mut self, node: Node<'t>, _: &mut Issues) {
        Vec::push(self, node);
    }

    fn last_text(&mut self) -> Option<&mut Range<usize>> {
        match self.last_mut() {
            Some(Node::Text(range)) => Some(range),
            _ => None,
        }
    }
}

/// Reads `template` into a list of nodes. Issue offsets are relative to it.
pub fn parse<'t>(template: &'t str, issues: &mut Issues) -> Vec<Node<'t>> {
    let mut nodes = Vec::new();
    read(template, issues, &mut nodes);
    nodes
}

/// Reads `template`, giving each top-level node to `sink` in order.
pub fn read<'t>(template: &'t str, issues: &mut Issues, sink: &mut impl Sink<'t>) {
    let mut reader = Reader {
        template,
        tokens: Scanner::new(template),
        trim_next: false,
        too_deep: false,
        unknown: Vec::new(),
        issues,
    };
    reader.block(&[], 0, sink);
}

struct Reader<'t, 'i> {
    template: &'t str,
    tokens: Scanner<'t>,
    trim_next: bool,
    /// Blocks nested past `MAX_DEPTH` were met (said once: thousands of them must not crowd out
    /// the errors in the issue list).
    too_deep: bool,
    /// Unknown tags met so far: `{% endgist %}` after `{% gist %}` is its plugin's closer.
    unknown: Vec<&'t str>,
    issues: &'i mut Issues,
}

impl<'t> Reader<'t, '_> {
    fn text(&self, token: Token) -> &'t str {
        &self.template[token.start..token.end]
    }

    /// Reads nodes until a tag named in `ends` (returned as a section without its body) or the
    /// end of the template (`None`).
    fn block(
        &mut self,
        ends: &[&str],
        depth: usize,
        nodes: &mut impl Sink<'t>,
    ) -> Option<Section<'t>> {
        while let Some(token) = self.tokens.next() {
            match token.kind {
                Kind::Text => {
                    let mut range = token.start..token.end;
                    if std::mem::take(&mut self.trim_next) {
                        range.start = range.end - ruby::lstrip(self.text(token)).len();
                    }
                    nodes.push(Node::Text(range), self.issues);
                }
                Kind::Output => self.output(token, nodes),
                Kind::Tag => {
                    let Some(tag) = tags::parse(self.text(token)) else {
                        let message = format!(
                            "`{}` does not start with a tag name. Jekyll stops the build (Liquid syntax error: Tag \
                             was not properly terminated); the preview shows it as written",
                            super::excerpt(self.text(token))
                        );
                        self.broken(token, Code::MissingTagName, message, nodes);
                        continue;
                    };
                    if tag.trim_before {
                        trim_last(nodes, self.template);
                    }
                    self.trim_next = tag.trim_after;
                    if ends.contains(&tag.name) {
                        return Some(section(&tag, token));
                    }
                    self.tag(tag, token, depth, nodes);
                }
                Kind::OutputOneBrace | Kind::UnclosedOutput | Kind::UnclosedTag => {
                    let message = broken_token_message(token.kind, self.text(token));
                    self.broken(token, Code::UnterminatedLiquid, message, nodes);
                }
            }
        }
        None
    }

    /// A token that breaks Liquid's syntax: shown as written, reported as stopping the build.
    fn broken(&mut self, token: Token, code: Code, message: String, nodes: &mut impl Sink<'t>) {
        nodes.push(Node::Text(token.start..token.end), self.issues);
        self.trim_next = false;
        self.issues.report(code, token.start, message);
    }

    /// `{{ … }}`: its markup read once, with the warning Jekyll prints when it is not valid.
    fn output(&mut self, token: Token, nodes: &mut impl Sink<'t>) {
        let b = self.template.as_bytes();
        let (start, end) = (token.start, token.end);
        let trim_before = b[start + 2] == b'-';
        let trim_after = b[end - 3] == b'-';
        let inner_start = (start + 2 + usize::from(trim_before)).min(end - 2);
        let mut inner_end = end - 2;
        if inner_end > inner_start && b[inner_end - 1] == b'-' {
            inner_end -= 1;
        }
        if trim_before {
            trim_last(nodes, self.template);
        }
        self.trim_next = trim_after;
        let (var, error) = variable::parse(&self.template[inner_start..inner_end], inner_start);
        if let Some(e) = error {
            let shown = super::excerpt(self.text(token));
            self.issues.report(
                Code::InvalidExpression,
                e.at,
                format!(
                    "`{shown}` is not valid Liquid: {}. Jekyll only warns (Liquid syntax error) and renders what its \
                     lenient reading makes of it, as the preview does here; fix the expression",
                    e.reason
                ),
            );
        } else if var.name.is_none() {
            self.issues.report(
                Code::EmptyOutput,
                start,
                "this `{{ }}` is empty: it renders nothing; remove it or put a variable in it",
            );
        }
        nodes.push(Node::Output { var, start }, self.issues);
    }

    fn tag(&mut self, tag: tags::Tag<'t>, token: Token, depth: usize, nodes: &mut impl Sink<'t>) {
        let Some(def) = registry::find(tag.name) else {
            return self.other_tag(tag, token, nodes);
        };
        match def.shape {
            Shape::Leaf => {
                let call = TagCall {
                    def,
                    name: tag.name,
                    markup: tag.markup,
                    at: token.start,
                    end: token.end,
                };
                nodes.push(Node::Tag(call), self.issues);
            }
            Shape::Raw => self.raw(&tag, token, nodes),
            Shape::Comment => self.comment(token.start),
            Shape::InlineComment => self.issues.report(
                Code::HashComment,
                token.start,
                "`{% # … %}` comments need Liquid 5.4; Jekyll 4.3 with its usual Liquid 4 stops the build on \
                 them (Tag was not properly terminated). The preview hides it; `{% comment %}…{% endcomment %}` \
                 works everywhere",
            ),
            Shape::Block { .. } if depth >= MAX_DEPTH => {
                if !std::mem::replace(&mut self.too_deep, true) {
                    self.issues.report(
                        Code::TooDeep,
                        token.start,
                        format!("the preview does not run blocks nested more than {MAX_DEPTH} deep: from here on they are shown as written"),
                    );
                }
                nodes.push(Node::Text(token.start..token.end), self.issues);
            }
            Shape::Block { ends } => self.block_tag(def, ends, &tag, token, depth, nodes),
        }
    }

    /// A tag of no table entry: a stray continuation or closer, or a plugin's tag.
    fn other_tag(&mut self, tag: tags::Tag<'t>, token: Token, nodes: &mut impl Sink<'t>) {
        let name = tag.name;
        if registry::continues_or_closes(name) {
            self.issues.report(
                Code::StrayEndTag,
                token.start,
                format!("`{{% {name} %}}` has nothing to close or continue here: Jekyll stops the build (Liquid syntax error: Unknown tag '{name}'); the preview shows it as written"),
            );
            nodes.push(Node::Text(token.start..token.end), self.issues);
        } else if name
            .strip_prefix("end")
            .is_some_and(|opener| self.unknown.contains(&opener))
        {
            // The closer of a plugin's block whose opener was already reported.
            nodes.push(Node::Text(token.start..token.end), self.issues);
        } else {
            if self.unknown.len() < MAX_REMEMBERED && !self.unknown.contains(&name) {
                self.unknown.push(name);
            }
            nodes.push(
                Node::Tag(TagCall {
                    def: &registry::UNKNOWN,
                    name,
                    markup: tag.markup,
                    at: token.start,
                    end: token.end,
                }),
                self.issues,
            );
        }
    }

    /// A block's sections up to its closer; never closed, it is shown as written instead.
    fn block_tag(
        &mut self,
        def: &'static TagDef,
        ends: &[&str],
        tag: &tags::Tag<'t>,
        token: Token,
        depth: usize,
        nodes: &mut impl Sink<'t>,
    ) {
        let closer = ends.last().copied().unwrap_or_default();
        let mut sections = vec![section(tag, token)];
        loop {
            let mut body = Vec::new();
            let stop = self.block(ends, depth + 1, &mut body);
            if let Some(last) = sections.last_mut() {
                last.body = body;
            }
            match stop {
                Some(end) if end.name == closer => {
                    let closer = end.at..end.end;
                    nodes.push(
                        Node::Block(Block {
                            def,
                            sections,
                            closer,
                        }),
                        self.issues,
                    );
                    return;
                }
                Some(next) => sections.push(next),
                None => {
                    self.issues.report(
                        Code::UnclosedBlock,
                        token.start,
                        format!("`{{% {} %}}` is never closed: add `{{% {closer} %}}`. Jekyll stops the build ('{}' tag was never closed); the preview shows it as written", tag.name, tag.name),
                    );
                    for s in sections {
                        nodes.push(Node::Text(s.at..s.end), self.issues);
                        for node in s.body {
                            nodes.push(node, self.issues);
                        }
                    }
                    return;
                }
            }
        }
    }

    /// `{% raw %}`: the text up to the token that ends in `{% endraw %}`, as written.
    fn raw(&mut self, tag: &tags::Tag<'t>, token: Token, nodes: &mut impl Sink<'t>) {
        if !ruby::strip(tag.markup).is_empty() {
            self.issues.report(
                Code::TagSyntax,
                token.start,
                "`{% raw %}` takes nothing after its name: Jekyll stops the build (Syntax Error in 'raw'); the \
                 preview treats it as a plain `{% raw %}`",
            );
        }
        // The raw tag's own `-%}` trims the text after `endraw` (Liquid's flag outlives the body
        // it never reaches): `trim_next` stays as the tag set it.
        let body = token.end;
        for t in self.tokens.by_ref() {
            if let Some(kept) = tags::raw_end(&self.template[t.start..t.end]) {
                nodes.push(Node::Text(body..t.start + kept), self.issues);
                return;
            }
        }
        nodes.push(Node::Text(body..self.template.len()), self.issues);
        self.issues.report(
            Code::UnclosedBlock,
            token.start,
            "`{% raw %}` is never closed: add `{% endraw %}` (plain, without `-`). Jekyll stops the build ('raw' \
             tag was never closed); the preview shows the rest as written",
        );
    }

    /// `{% comment %}`: skipped to its `{% endcomment %}`; Liquid still reads its tags, so
    /// broken ones are reported, comments nest and a `raw` inside is skipped whole.
    fn comment(&mut self, at: usize) {
        let (mut depth, mut in_raw) = (1usize, false);
        while let Some(t) = self.tokens.next() {
            let text = self.text(t);
            if in_raw {
                in_raw = tags::raw_end(text).is_none();
                continue;
            }
            match t.kind {
                Kind::Text | Kind::Output => {}
                Kind::Tag => match tags::parse(text) {
                    Some(c) if c.name == "comment" => depth += 1,
                    Some(c) if c.name == "raw" => in_raw = true,
                    Some(c) if c.name == "endcomment" => {
                        depth -= 1;
                        if depth == 0 {
                            self.trim_next = c.trim_after;
                            return;
                        }
                    }
                    Some(_) => {}
                    None => self.issues.report(
                        Code::BrokenInComment,
                        t.start,
                        format!(
                            "`{}` inside this comment has no tag name, and Liquid reads comments too: Jekyll stops \
                             the build here (Liquid syntax error)",
                            super::excerpt(text)
                        ),
                    ),
                },
                Kind::OutputOneBrace | Kind::UnclosedOutput | Kind::UnclosedTag => self.issues.report(
                    Code::BrokenInComment,
                    t.start,
                    format!(
                        "`{}` inside this comment is broken Liquid, and Liquid reads comments too: Jekyll stops the \
                         build here (Liquid syntax error); close or remove it",
                        super::excerpt(text)
                    ),
                ),
            }
        }
        self.issues.report(
            Code::UnclosedBlock,
            at,
            "`{% comment %}` is never closed: add `{% endcomment %}`. Jekyll stops the build ('comment' tag was \
             never closed); the preview hides the rest, as the comment would",
        );
    }
}

/// A tag as the start of a block's section (its body still to read).
fn section<'t>(tag: &tags::Tag<'t>, token: Token) -> Section<'t> {
    Section {
        name: tag.name,
        markup: tag.markup,
        at: token.start,
        end: token.end,
        body: Vec::new(),
    }
}

/// What Jekyll says of a `{{` or `{%` that is not closed properly.
fn broken_token_message(kind: Kind, text: &str) -> String {
    match kind {
        Kind::OutputOneBrace => format!(
            "`{}` ends with a single `}}`: add the second one. Jekyll stops the build (Liquid syntax error: \
             Variable was not properly terminated); the preview shows it as written",
            super::excerpt(text)
        ),
        Kind::UnclosedOutput => "`{{` is never closed: add `}}` (or write `{{ \"{{\" }}` for a literal `{{`). Jekyll \
                                 stops the build (Liquid syntax error: Variable '{{' was not properly terminated); \
                                 the preview shows it as written"
            .into(),
        _ => "`{%` is never closed: add `%}` (or write `{{ \"{%\" }}` for a literal `{%`). Jekyll stops the build \
              (Liquid syntax error: Tag '{%' was not properly terminated); the preview shows it as written"
            .into(),
    }
}

/// `{{-` or `{%-`: the text just before loses its trailing white space.
fn trim_last<'t>(nodes: &mut impl Sink<'t>, template: &str) {
    if let Some(range) = nodes.last_text() {
        range.end = range.start + ruby::rstrip(&template[range.clone()]).len();
    }
}
