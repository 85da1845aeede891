//! A layout or include read into a tree of nodes, after Liquid 4's `BlockBody`: text, `{{ }}`,
//! and the block tags layouts use (`if`/`elsif`/`else`/`unless`, `case`/`when`, `for`/`else`,
//! `capture`, and Jekyll's `highlight`), each holding its nodes; every other tag is a leaf that `layout` runs.
//!
//! White space controls are applied here as Liquid applies them while it reads: `{%-`/`{{-`
//! strip the end of the text before, `-%}`/`-}}` the start of the text after. `{% raw %}` keeps
//! its body as text, `{% comment %}` drops its body (nested comments included).
//!
//! A tag that closes nothing, or a block never closed, is what Jekyll stops the build for; the
//! reader keeps going and reports it, so a broken layout still renders what it can.

use super::output::Issues;
use super::scan::{Kind, Scanner, Token};
use super::tags;
use crate::diagnostic::Code;
use crate::ruby;
use std::ops::Range;

/// Blocks nested deeper than this are read as text: no real layout comes near.
const MAX_DEPTH: usize = 64;

#[derive(Debug)]
pub enum Node<'t> {
    Text(Range<usize>),
    /// `{{ markup }}`; the token starts at `start`, the markup at `at`.
    Output {
        markup: &'t str,
        at: usize,
        start: usize,
    },
    /// `if` and `unless` (an `unless` is the first branch negated) with `elsif`s and `else`.
    If {
        unless: bool,
        branches: Vec<Branch<'t>>,
        otherwise: Vec<Node<'t>>,
    },
    Case {
        subject: &'t str,
        at: usize,
        whens: Vec<Branch<'t>>,
        otherwise: Vec<Node<'t>>,
    },
    For {
        markup: &'t str,
        at: usize,
        body: Vec<Node<'t>>,
        otherwise: Vec<Node<'t>>,
    },
    Capture {
        name: &'t str,
        body: Vec<Node<'t>>,
    },
    /// Jekyll's `{% highlight markup %}` block.
    Highlight {
        markup: &'t str,
        at: usize,
        body: Vec<Node<'t>>,
    },
    /// Any other tag: `assign`, `include`, `t`, `seo`, `break`, …
    Tag {
        name: &'t str,
        markup: &'t str,
        at: usize,
        /// Where the tag's token ends (a tag shown as written is `at..end`).
        end: usize,
    },
}

/// One condition of an `if`/`elsif`/`when` and the nodes it guards.
#[derive(Debug)]
pub struct Branch<'t> {
    pub markup: &'t str,
    pub at: usize,
    pub body: Vec<Node<'t>>,
}

/// Reads `template`. Issue offsets are relative to it.
pub fn parse<'t>(template: &'t str, issues: &mut Issues) -> Vec<Node<'t>> {
    parse_reporting_unclosed(template, issues).0
}

/// Reads `template`, and says whether a block was never closed (its text would be lost).
pub fn parse_reporting_unclosed<'t>(
    template: &'t str,
    issues: &mut Issues,
) -> (Vec<Node<'t>>, bool) {
    let mut reader = Reader {
        template,
        tokens: Scanner::new(template).collect(),
        pos: 0,
        trim_next: false,
        unclosed: false,
        too_deep: false,
        issues,
    };
    let (nodes, end) = reader.block(&[], 0);
    if let Some(end) = end {
        reader.issues.report(
            Code::StrayEndTag,
            end.at,
            format!("`{{% {} %}}` closes nothing here: Jekyll stops the build (Unknown tag); the preview ignores it", end.name),
        );
    }
    let unclosed = reader.unclosed;
    (nodes, unclosed)
}

/// The tag that ended a block.
struct End<'t> {
    name: &'t str,
    markup: &'t str,
    at: usize,
}

struct Reader<'t, 'i> {
    template: &'t str,
    tokens: Vec<Token>,
    pos: usize,
    trim_next: bool,
    /// A block (or raw, or comment) was never closed.
    unclosed: bool,
    /// Blocks nested past `MAX_DEPTH` were met (said once: thousands of them must not crowd out
    /// the errors in the issue list).
    too_deep: bool,
    issues: &'i mut Issues,
}

impl<'t> Reader<'t, '_> {
    /// Reads nodes until one of `ends` (or the end of the template, returned as `None`).
    fn block(&mut self, ends: &[&str], depth: usize) -> (Vec<Node<'t>>, Option<End<'t>>) {
        let mut nodes = Vec::new();
        while self.pos < self.tokens.len() {
            let token = self.tokens[self.pos];
            self.pos += 1;
            let text = &self.template[token.start..token.end];
            match token.kind {
                Kind::Text => {
                    let mut range = token.start..token.end;
                    if std::mem::take(&mut self.trim_next) {
                        range.start = range.end - ruby::lstrip(text).len();
                    }
                    nodes.push(Node::Text(range));
                }
                Kind::Output => {
                    let b = text.as_bytes();
                    let trim_before = b.get(2) == Some(&b'-');
                    let trim_after = b.len() >= 5 && b[b.len() - 3] == b'-';
                    if trim_before {
                        trim_last(&mut nodes, self.template);
                    }
                    let inner_start = (2 + usize::from(trim_before)).min(b.len() - 2);
                    let inner_end = (b.len() - 2 - usize::from(trim_after)).max(inner_start);
                    nodes.push(Node::Output {
                        markup: &self.template[token.start + inner_start..token.start + inner_end],
                        at: token.start + inner_start,
                        start: token.start,
                    });
                    self.trim_next = trim_after;
                }
                _ if token.kind != Kind::Tag => {
                    self.issues.report(
                        Code::UnterminatedLiquid,
                        token.start,
                        "this `{{` or `{%` is not closed properly: Jekyll stops the build (Liquid syntax error); the preview shows it as written",
                    );
                    nodes.push(Node::Text(token.start..token.end));
                }
                _ => {
                    let Some(tag) = tags::parse(text) else {
                        self.issues.report(Code::MissingTagName, token.start, "a `{% %}` without a tag name: Jekyll stops the build (Liquid syntax error)");
                        nodes.push(Node::Text(token.start..token.end));
                        continue;
                    };
                    if tag.trim_before {
                        trim_last(&mut nodes, self.template);
                    }
                    self.trim_next = tag.trim_after;
                    if ends.contains(&tag.name) {
                        return (
                            nodes,
                            Some(End {
                                name: tag.name,
                                markup: tag.markup,
                                at: token.start,
                            }),
                        );
                    }
                    if let Some(node) = self.tag(tag, token, depth) {
                        nodes.push(node);
                    }
                }
            }
        }
        (nodes, None)
    }

    fn tag(&mut self, tag: tags::Tag<'t>, token: Token, depth: usize) -> Option<Node<'t>> {
        let at = token.start;
        let markup = tag.markup;
        if depth >= MAX_DEPTH
            && matches!(
                tag.name,
                "if" | "unless" | "case" | "for" | "capture" | "highlight"
            )
        {
            if !std::mem::replace(&mut self.too_deep, true) {
                self.issues.report(
                    Code::TooDeep,
                    at,
                    format!("the preview does not run blocks nested more than {MAX_DEPTH} deep: from here on they are shown as written"),
                );
            }
            return Some(Node::Text(token.start..token.end));
        }
        Some(match tag.name {
            "raw" => {
                let body = token.end;
                while self.pos < self.tokens.len() {
                    let t = self.tokens[self.pos];
                    self.pos += 1;
                    if let Some(kept) = tags::raw_end(&self.template[t.start..t.end]) {
                        return Some(Node::Text(body..t.start + kept));
                    }
                }
                self.unclosed(at, "raw");
                Node::Text(body..self.template.len())
            }
            "comment" => {
                self.skip_comment(at);
                return None;
            }
            "#" => return None,
            "if" | "unless" => self.conditional(tag.name == "unless", markup, at, depth),
            "case" => self.case(markup, at, depth),
            "for" => {
                let (body, end) = self.block(&["else", "endfor"], depth + 1);
                let otherwise = match end {
                    Some(End { name: "else", .. }) => self.closed(&["endfor"], "for", at, depth),
                    Some(_) => Vec::new(),
                    None => {
                        self.unclosed(at, "for");
                        Vec::new()
                    }
                };
                Node::For {
                    markup,
                    at,
                    body,
                    otherwise,
                }
            }
            "highlight" => {
                let body = self.closed(&["endhighlight"], "highlight", at, depth);
                Node::Highlight { markup, at, body }
            }
            "capture" => {
                let body = self.closed(&["endcapture"], "capture", at, depth);
                Node::Capture {
                    name: ruby::strip(markup).trim_matches(|c| c == '"' || c == '\''),
                    body,
                }
            }
            name if name.starts_with("end") || matches!(name, "else" | "elsif" | "when") => {
                self.issues.report(
                    Code::StrayEndTag,
                    at,
                    format!("`{{% {name} %}}` has nothing to close or continue here: Jekyll stops the build (Liquid syntax error: Unknown tag '{name}'); the preview shows it as written"),
                );
                Node::Text(token.start..token.end)
            }
            name => Node::Tag {
                name,
                markup,
                at,
                end: token.end,
            },
        })
    }

    /// Reads a block that only `ends` close.
    fn closed(&mut self, ends: &[&str], opener: &str, at: usize, depth: usize) -> Vec<Node<'t>> {
        let (body, end) = self.block(ends, depth + 1);
        if end.is_none() {
            self.unclosed(at, opener);
        }
        body
    }

    fn conditional(&mut self, unless: bool, markup: &'t str, at: usize, depth: usize) -> Node<'t> {
        let closer = if unless { "endunless" } else { "endif" };
        let mut branches = Vec::new();
        let (mut markup, mut branch_at) = (markup, at);
        loop {
            let (body, end) = self.block(&["elsif", "else", closer], depth + 1);
            branches.push(Branch {
                markup,
                at: branch_at,
                body,
            });
            match end {
                Some(End {
                    name: "elsif",
                    markup: m,
                    at: a,
                }) => (markup, branch_at) = (m, a),
                Some(End { name: "else", .. }) => {
                    let opener = if unless { "unless" } else { "if" };
                    let otherwise = self.closed(&[closer], opener, at, depth);
                    return Node::If {
                        unless,
                        branches,
                        otherwise,
                    };
                }
                Some(_) => break,
                None => {
                    self.unclosed(at, if unless { "unless" } else { "if" });
                    break;
                }
            }
        }
        Node::If {
            unless,
            branches,
            otherwise: Vec::new(),
        }
    }

    fn case(&mut self, subject: &'t str, at: usize, depth: usize) -> Node<'t> {
        // Text between `case` and the first `when` is dropped, as Liquid drops it.
        let (_, mut end) = self.block(&["when", "else", "endcase"], depth + 1);
        let mut whens = Vec::new();
        let mut otherwise = Vec::new();
        loop {
            match end {
                Some(End {
                    name: "when",
                    markup,
                    at,
                }) => {
                    let (body, next) = self.block(&["when", "else", "endcase"], depth + 1);
                    whens.push(Branch { markup, at, body });
                    end = next;
                }
                Some(End { name: "else", .. }) => {
                    let (body, next) = self.block(&["when", "else", "endcase"], depth + 1);
                    otherwise = body;
                    end = next;
                }
                Some(_) => break,
                None => {
                    self.unclosed(at, "case");
                    break;
                }
            }
        }
        Node::Case {
            subject,
            at,
            whens,
            otherwise,
        }
    }

    fn skip_comment(&mut self, at: usize) {
        let mut depth = 1;
        while self.pos < self.tokens.len() {
            let t = self.tokens[self.pos];
            self.pos += 1;
            if t.kind != Kind::Tag {
                continue;
            }
            match tags::parse(&self.template[t.start..t.end]) {
                Some(tag) if tag.name == "comment" => depth += 1,
                Some(tag) if tag.name == "endcomment" => {
                    depth -= 1;
                    if depth == 0 {
                        self.trim_next = tag.trim_after;
                        return;
                    }
                }
                _ => {}
            }
        }
        self.unclosed(at, "comment");
    }

    fn unclosed(&mut self, at: usize, opener: &str) {
        self.unclosed = true;
        self.issues.report(
            Code::UnclosedBlock,
            at,
            format!("`{{% {opener} %}}` is never closed: add `{{% end{opener} %}}`. Jekyll stops the build ('{opener}' tag was never closed)"),
        );
    }
}

/// `{{-` or `{%-`: the text just before loses its trailing white space.
fn trim_last(nodes: &mut [Node<'_>], template: &str) {
    if let Some(Node::Text(range)) = nodes.last_mut() {
        range.end = range.start + ruby::rstrip(&template[range.clone()]).len();
    }
}
