//! Runs a layout or include read by `template`, as Jekyll 4.3 renders its layouts with Liquid 5.4:
//! output, `assign`, `capture`, `if`/`unless`/`case` (via `condition`), `for` with `limit`,
//! `offset`, `reversed`, ranges and `forloop`, `break`/`continue`, Jekyll's `include` with
//! parameters (`include.x`; jekyll-include-cache's `include_cached` alike), `highlight` (see
//! `highlight`), `post_url` and `link` (the URL the [`Host`] finds, through `relative_url`), and
//! the tags the site's plugins add through the [`Host`]: `t` (jekyll-multiple-languages-plugin),
//! `seo`, `feed_meta`.
//!
//! Variables follow Liquid's scopes: `assign` and `capture` write the page-wide scope (an
//! include's `assign` is seen after it), a `for` variable and `forloop` live for the loop, and an
//! include's `include` for the include.
//!
//! Jekyll does not warn about a missing variable in a layout, so neither does this; errors that
//! stop Jekyll's build (a Liquid syntax error, a missing include) are kept, each in its file.

use super::condition;
use super::expression::{self, Env, Expr, Piece, Spans};
use super::highlight;
use super::output::{Budget, Issues, Writer};
use super::template::{self, Node};
use super::variable;
use crate::diagnostic::{Code, Diagnostic, Issue, LineIndex, Severity};
use crate::ruby;
use crate::value::{Map, Value};
use std::borrow::Cow;

/// Includes nested deeper than this stop (an include that includes itself would never end).
const MAX_INCLUDE_DEPTH: usize = 16;

/// What the site around a layout provides.
pub trait Host {
    /// The text of `_includes/<name>`, if there is such a file.
    fn include(&self, name: &str) -> Option<&str>;
    /// `{% t key %}`: the string for `key` in the language being built (or the default one).
    fn translate(&self, key: &str) -> Option<String>;
    /// A plugin's tag without a body (`seo`, `feed_meta`): its output, or None if unknown.
    fn plugin_tag(&self, name: &str, site: &Value, page: &Value) -> Option<String>;
    /// Whether a site stands behind the host: without one, a post body shows `include`,
    /// `post_url` and `link` as written and says the site is missing.
    fn has_site(&self) -> bool {
        false
    }
    /// `{% post_url name %}`: the URL (before `relative_url`) of the post of the build `name`
    /// names, if there is one.
    fn post_url(&self, _name: &str) -> Option<String> {
        None
    }
    /// `{% link path %}`: the URL (before `relative_url`) of the site's file at `path`, or why
    /// there is none.
    fn link(&self, _path: &str) -> Result<String, LinkMiss> {
        Err(LinkMiss::NotFound)
    }
}

/// Why `{% link %}` found no URL.
pub enum LinkMiss {
    /// No file of the site has the path: Jekyll stops the build.
    NotFound,
    /// The file is there but is one the preview cannot give a URL for (a page): Jekyll renders it.
    Unresolved,
    /// Not among the files the preview was given, which need not be all of the site's.
    Unknown,
}

/// Tags a post body runs only with a site behind it.
const NEEDS_SITE: [&str; 4] = ["include", "include_cached", "post_url", "link"];

/// A problem in one of the site's files.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct FileDiagnostic {
    /// The file's path from the site root.
    pub path: String,
    /// The problem, at a line and column of that file.
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
}

/// The variables a renderer's expressions see.
fn env_of<'a>(
    site: &'a Value,
    page: &'a Value,
    body: Option<BodyMode>,
    locals: &'a Map,
    url_memo: Option<&'a Map>,
) -> Env<'a> {
    Env {
        site,
        page,
        assigned: Vec::new(),
        page_unreadable: body.is_some_and(|b| b.page_unreadable),
        locals: Some(locals),
        url_memo,
    }
}

/// An include's file name and its parameters: the name ends at the first space outside `{{ }}`
/// (`{% include {{ page.kind }}.html title=x %}`), as Jekyll's include tag reads it.
fn include_file_and_params(markup: &str) -> (&str, &str) {
    let mut in_variable = false;
    let b = markup.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'{' if b.get(i + 1) == Some(&b'{') => in_variable = true,
            b'}' if in_variable && b.get(i + 1) == Some(&b'}') => in_variable = false,
            c if !in_variable && c.is_ascii_whitespace() => return (&markup[..i], &markup[i..]),
            _ => {}
        }
    }
    (markup, "")
}

/// A value as Ruby's `to_s` writes it (what a file name or a key read from YAML becomes).
pub fn to_text(v: &Value) -> String {
    ruby::to_string(v)
}

/// The warnings of a layout or include that are told: what the preview cannot show as Jekyll
/// does. Its output budget running out is told once per file, by `Renderer::render`.
const TOLD_IN_LAYOUTS: &[Code] = &[Code::UnsupportedFilter, Code::UnknownTag, Code::TooDeep];

/// Renders whole layouts one after the other with the same variables.
pub struct Renderer<'a> {
    pub site: &'a Value,
    pub page: &'a Value,
    pub host: &'a dyn Host,
    /// The page-wide scope: `content`, `layout`, and what `assign` and `capture` set.
    pub locals: Map,
    pub diagnostics: Vec<FileDiagnostic>,
    /// What earlier builds computed for `relative_url`/`absolute_url` (see `Env::url_memo`).
    pub url_memo: Option<&'a Map>,
    budget: Budget,
    depth: usize,
    /// Rendering a post body (`liquid::render`), not a layout: warnings are kept, and tags the
    /// body cannot run are shown as written, as the streaming renderer shows them.
    body: Option<BodyMode>,
}

/// What a body's rendering knows beyond a layout's.
#[derive(Clone, Copy)]
pub struct BodyMode {
    pub page_unreadable: bool,
}

/// A host without a site: no includes, no translations, no plugins.
pub struct NoSite;

impl Host for NoSite {
    fn include(&self, _: &str) -> Option<&str> {
        None
    }
    fn translate(&self, _: &str) -> Option<String> {
        None
    }
    fn plugin_tag(&self, _: &str, _: &Value, _: &Value) -> Option<String> {
        None
    }
}

/// Renders a post body that holds block tags or `assign`: as `liquid::render` does, with the
/// source map and every issue, the tags run. A block never closed would swallow the text after it:
/// then `Err` with the issues saying so, and the caller shows the body without running tags.
pub fn render_body(
    template: &str,
    site: &Value,
    page: &Value,
    host: &dyn Host,
    mode: BodyMode,
) -> Result<super::Output, Vec<crate::diagnostic::Issue>> {
    let mut issues = Issues::default();
    let (nodes, unclosed) = template::parse_reporting_unclosed(template, &mut issues);
    if unclosed {
        // Only the open blocks: the streaming renderer reports everything else itself (an open
        // `raw` or `comment` too). An unclosed block's issue is at its opening tag.
        let blocks = ["if", "unless", "case", "for", "capture", "highlight"];
        let opens_block = |at: usize| {
            let rest = &template[at..];
            let tag = rest
                .find("%}")
                .and_then(|end| super::tags::parse(&rest[..end + 2]));
            tag.is_some_and(|t| blocks.contains(&t.name))
        };
        return Err(issues
            .finish()
            .into_iter()
            .filter(|i| i.code == Code::UnclosedBlock && opens_block(i.offset))
            .collect());
    }
    let mut renderer = Renderer::new(site, page, host, template.len());
    renderer.body = Some(mode);
    let mut out = Writer::with_capacity(template.len() + template.len() / 8);
    renderer.nodes(&nodes, template, &mut issues, &mut out);
    if renderer.budget.is_exhausted() {
        issues.report(
            Code::OutputBudget,
            template.len(),
            "the Liquid in this post makes far more text than a post should; the preview stopped rendering it \
             before the end (Jekyll would go on)",
        );
    }
    Ok(super::Output {
        text: out.text,
        map: out.map,
        issues: issues.finish(),
    })
}

/// How a run of nodes ended.
#[derive(PartialEq)]
enum Flow {
    Normal,
    Break,
    Continue,
}

impl<'a> Renderer<'a> {
    pub fn new(site: &'a Value, page: &'a Value, host: &'a dyn Host, size_hint: usize) -> Self {
        Renderer {
            site,
            page,
            host,
            locals: Map::new(),
            diagnostics: Vec::new(),
            url_memo: None,
            budget: Budget::for_template(size_hint),
            depth: 0,
            body: None,
        }
    }

    /// Renders `text` (the file `path`, its front matter already removed; `offset` is where the
    /// text starts in the file, for line numbers). Of its warnings, only those of
    /// `TOLD_IN_LAYOUTS` are kept: a layout's unknown variables and the like are the site's
    /// everyday state, not the writer's business.
    pub fn render(&mut self, path: &str, file: &str, offset: usize) -> String {
        let text = &file[offset..];
        let mut issues = Issues::default();
        let nodes = template::parse(text, &mut issues);
        let mut out = Writer::with_capacity(text.len());
        let exhausted_before = self.budget.is_exhausted();
        self.nodes(&nodes, text, &mut issues, &mut out);
        let mut kept: Vec<Issue> = issues
            .finish()
            .into_iter()
            .filter(|i| i.severity() == Severity::Error || TOLD_IN_LAYOUTS.contains(&i.code))
            .collect();
        if !exhausted_before && self.budget.is_exhausted() {
            kept.push(Issue::new(
                Code::OutputBudget,
                0,
                "the preview stopped rendering this file's Liquid: it makes far more text than a \
                 page should (loops or captures that multiply); Jekyll would go on",
            ));
        }
        let lines = LineIndex::new(file);
        self.diagnostics
            .extend(kept.into_iter().map(|issue| FileDiagnostic {
                path: path.to_owned(),
                diagnostic: lines.locate(issue.shifted(offset)),
            }));
        out.text
    }

    fn nodes(
        &mut self,
        nodes: &[Node<'_>],
        t: &str,
        issues: &mut Issues,
        out: &mut Writer,
    ) -> Flow {
        for node in nodes {
            if self.budget.is_exhausted() {
                return Flow::Break;
            }
            let flow = self.node(node, t, issues, out);
            if flow != Flow::Normal {
                return flow;
            }
        }
        Flow::Normal
    }

    fn node(&mut self, node: &Node<'_>, t: &str, issues: &mut Issues, out: &mut Writer) -> Flow {
        match node {
            Node::Text(range) => {
                if self.budget.take(range.len()) {
                    out.copy(t, range.clone());
                }
            }
            Node::Output { markup, at, start } => {
                let value = self.value(markup, *at, issues);
                let mut s = String::new();
                ruby::print(&value, &mut s);
                self.write(&s, *start, out);
            }
            Node::If {
                unless,
                branches,
                otherwise,
            } => {
                for (i, branch) in branches.iter().enumerate() {
                    let holds = self.condition(branch.markup, branch.at, issues);
                    if holds != (*unless && i == 0) {
                        return self.nodes(&branch.body, t, issues, out);
                    }
                }
                return self.nodes(otherwise, t, issues, out);
            }
            Node::Case {
                subject,
                at,
                whens,
                otherwise,
            } => {
                let subject = self.operand(subject, *at, issues);
                let mut matched = false;
                for when in whens {
                    if condition::when_matches(&subject, when.markup, |m| {
                        self.operand(m, when.at, issues)
                    }) {
                        matched = true;
                        let flow = self.nodes(&when.body, t, issues, out);
                        if flow != Flow::Normal {
                            return flow;
                        }
                    }
                }
                if !matched {
                    return self.nodes(otherwise, t, issues, out);
                }
            }
            Node::For {
                markup,
                at,
                body,
                otherwise,
            } => return self.for_loop(markup, *at, body, otherwise, t, issues, out),
            Node::Capture { name, body } => {
                let mut captured = Writer::with_capacity(0);
                let flow = self.nodes(body, t, issues, &mut captured);
                self.locals
                    .insert((*name).to_owned(), Value::String(captured.text));
                return flow;
            }
            Node::Highlight { markup, at, body } => {
                let mut code = Writer::with_capacity(0);
                let flow = self.nodes(body, t, issues, &mut code);
                let html = match highlight::parse(markup) {
                    Some(m) => highlight::render(&m, &code.text),
                    None => {
                        issues.report(Code::TagSyntax, *at, format!("`{{% highlight {} %}}` needs a language made of letters, digits and `.+#_-` (then options such as `linenos`): Jekyll stops the build (Syntax Error in tag 'highlight'); the preview shows the code as plain text", ruby::strip(markup)));
                        highlight::render(
                            &highlight::Markup {
                                lang: "plaintext",
                                linenos: false,
                            },
                            &code.text,
                        )
                    }
                };
                self.write(&html, *at, out);
                return flow;
            }
            Node::Tag {
                name,
                markup,
                at,
                end,
            } => {
                let runs_in_body = matches!(*name, "assign" | "break" | "continue" | "echo")
                    || (NEEDS_SITE.contains(name) && self.host.has_site());
                if self.body.is_some() && !runs_in_body {
                    self.shown_as_written(name, *at..*end, t, issues, out);
                    return Flow::Normal;
                }
                return self.tag(name, markup, *at, issues, out);
            }
        }
        Flow::Normal
    }

    /// A tag a body cannot run (`include` without a site, a plugin's tag): as written, with the
    /// streaming renderer's warning.
    fn shown_as_written(
        &mut self,
        name: &str,
        range: std::ops::Range<usize>,
        t: &str,
        issues: &mut Issues,
        out: &mut Writer,
    ) {
        if self.budget.take(range.len()) {
            out.copy(t, range.clone());
        }
        let (code, message) = if NEEDS_SITE.contains(&name) {
            (
                Code::NeedsSite,
                format!(
                    "`{{% {name} %}}` needs the site's {}: it is shown as written; open the site's folder to preview \
                     it as Jekyll renders it",
                    if name.starts_with("include") { "`_includes`" } else { "posts and files" }
                ),
            )
        } else if super::tags::is_known(name) {
            (
                Code::UnsupportedTag,
                format!("`{{% {name} %}}` is not supported by the preview: it is shown as written (Jekyll runs it)"),
            )
        } else {
            (
                Code::UnknownTag,
                format!(
                    "`{{% {name} %}}` is not supported by the preview: it is shown as written (Jekyll runs it if a \
                     plugin defines it, and otherwise stops the build with \"Unknown tag '{name}'\")"
                ),
            )
        };
        issues.report(code, range.start, message);
    }

    /// Writes text the construct at `at` made.
    fn write(&mut self, s: &str, at: usize, out: &mut Writer) {
        if self.budget.take(s.len()) {
            out.produce(s, at);
        }
    }

    fn env(&self) -> Env<'_> {
        env_of(self.site, self.page, self.body, &self.locals, self.url_memo)
    }

    /// The value of `{{ markup }}` (an expression and its filters).
    fn value(&mut self, markup: &str, at: usize, issues: &mut Issues) -> Value {
        let (var, error) = variable::parse(markup, at);
        if let (Some(e), Some(_)) = (error, self.body) {
            issues.report(
                Code::InvalidExpression,
                e.at,
                format!(
                    "`{{{{ {} }}}}` is not valid Liquid: {}. Jekyll only warns (Liquid syntax error) and renders what its \
                     lenient reading makes of it, as the preview does here; fix the expression",
                    ruby::strip(markup),
                    e.reason
                ),
            );
        }
        // From the fields, not `self.env()`: the budget is borrowed mutably beside it.
        let env = env_of(self.site, self.page, self.body, &self.locals, self.url_memo);
        super::evaluate(&var, &env, issues, &mut self.budget).into_owned()
    }

    /// The value of one operand of a condition (no filters); `empty` and `blank` stay words.
    fn operand(&self, text: &str, at: usize, issues: &mut Issues) -> condition::Operand {
        let text = ruby::strip(text);
        match text {
            "empty" => return condition::Operand::Empty,
            "blank" => return condition::Operand::Blank,
            _ => {}
        }
        let piece = Piece {
            text: Cow::Borrowed(text),
            spans: Spans::At(at),
        };
        let expr = expression::parse(&piece);
        let value = expression::eval(&expr, &self.env(), issues, true).into_owned();
        condition::Operand::Value(value)
    }

    fn condition(&self, markup: &str, at: usize, issues: &mut Issues) -> bool {
        match condition::evaluate(markup, |m| self.operand(m, at, issues)) {
            Ok(holds) => holds,
            Err(message) => {
                issues.report(Code::ConditionSyntax, at, message);
                false
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn for_loop(
        &mut self,
        markup: &str,
        at: usize,
        body: &[Node<'_>],
        otherwise: &[Node<'_>],
        t: &str,
        issues: &mut Issues,
        out: &mut Writer,
    ) -> Flow {
        let Some(spec) = condition::for_spec(markup) else {
            issues.report(Code::TagSyntax, at, format!("`{{% for {markup} %}}` is not `for item in list`: Jekyll stops the build (Syntax Error in 'for loop')"));
            return Flow::Normal;
        };
        let number = |s: &mut Self, text: Option<&str>, issues: &mut Issues| {
            text.map(|m| match s.operand(m, at, issues) {
                condition::Operand::Value(Value::Int(i)) => i.max(0) as usize,
                condition::Operand::Value(Value::String(v)) => v.trim().parse().unwrap_or(0),
                _ => 0,
            })
        };
        let offset = number(self, spec.offset, issues).unwrap_or(0);
        let limit = number(self, spec.limit, issues);
        let mut items = self.collection(spec.collection, at, offset, limit, issues);
        if spec.reversed {
            items.reverse();
        }
        if items.is_empty() {
            return self.nodes(otherwise, t, issues, out);
        }
        let saved = (
            self.locals.get(spec.variable).cloned(),
            self.locals.get("forloop").cloned(),
        );
        let length = items.len();
        let parent = saved.1.clone().unwrap_or(Value::Null);
        for (i, item) in items.into_iter().enumerate() {
            if !self.budget.take(16) {
                break;
            }
            self.locals.insert(spec.variable.to_owned(), item);
            // Only the counters change from one item to the next: the `parentloop` chain (a copy
            // of every enclosing loop) is made once per loop, not once per item.
            match self.locals.get_mut("forloop") {
                Some(Value::Map(current)) if i > 0 => set_position(current, i, length),
                _ => self
                    .locals
                    .insert("forloop".into(), forloop(i, length, parent.clone())),
            }
            if self.nodes(body, t, issues, out) == Flow::Break {
                break;
            }
        }
        restore(&mut self.locals, spec.variable, saved.0);
        restore(&mut self.locals, "forloop", saved.1);
        Flow::Normal
    }

    /// The items a `for` walks, after `offset` and `limit` (Liquid's `slice_collection`).
    fn collection(
        &mut self,
        markup: &str,
        at: usize,
        offset: usize,
        limit: Option<usize>,
        issues: &mut Issues,
    ) -> Vec<Value> {
        let piece = Piece {
            text: Cow::Borrowed(markup),
            spans: Spans::At(at),
        };
        let expr = expression::parse(&piece);
        let end = limit.map(|l| offset.saturating_add(l));
        if let Expr::Range(first, last) = &expr {
            let env = self.env();
            let a = ruby::to_i(&expression::eval(first, &env, issues, true));
            let b = ruby::to_i(&expression::eval(last, &env, issues, true));
            let count = usize::try_from(b.saturating_sub(a).saturating_add(1)).unwrap_or(0);
            let stop = end.map_or(count, |e| e.min(count));
            // Each item costs budget, so a range of a billion stops early instead of hanging.
            let allowed = stop.min(offset.saturating_add(self.budget.left() / 16));
            return (offset..allowed)
                .map(|i| Value::Int(a + i as i64))
                .collect();
        }
        // Only the items walked are copied: `site.tags[tag] limit:3` must not copy a tag's
        // thousands of posts on every page.
        let value = expression::eval(&expr, &self.env(), issues, true);
        let stop = end.unwrap_or(usize::MAX);
        match value.as_ref() {
            Value::List(items) => items.iter().take(stop).skip(offset).cloned().collect(),
            Value::Map(map) => map
                .iter()
                .take(stop)
                .skip(offset)
                .map(|(k, v)| Value::List(vec![Value::from(k), v.clone()]))
                .collect(),
            Value::String(s) if !s.is_empty() && offset == 0 && stop > 0 => {
                vec![Value::String(s.clone())]
            }
            _ => Vec::new(),
        }
    }

    fn tag(
        &mut self,
        name: &str,
        markup: &str,
        at: usize,
        issues: &mut Issues,
        out: &mut Writer,
    ) -> Flow {
        match name {
            "assign" => self.assign(markup, at, issues),
            "break" => return Flow::Break,
            "continue" => return Flow::Continue,
            // jekyll-include-cache renders what `include` renders, once per set of parameters.
            "include" | "include_cached" => self.include(markup, at, issues, out),
            "post_url" => self.post_url(markup, at, issues, out),
            "link" => self.link(markup, at, issues, out),
            "t" | "translate" => {
                let s = self.translate(markup, at, issues);
                self.write(&s, at, out);
            }
            "echo" => {
                let value = self.value(markup, at, issues);
                let mut s = String::new();
                ruby::print(&value, &mut s);
                self.write(&s, at, out);
            }
            _ => match self.host.plugin_tag(name, self.site, self.page) {
                Some(s) => self.write(&s, at, out),
                None => issues.report(
                    Code::UnknownTag,
                    at,
                    format!("the preview does not run `{{% {name} %}}` in layouts: it renders nothing here (Jekyll runs it if a plugin defines it)"),
                ),
            },
        }
        Flow::Normal
    }

    /// `{% assign name = expression | filters %}`.
    fn assign(&mut self, markup: &str, at: usize, issues: &mut Issues) {
        let Some(eq) = markup.find('=') else {
            issues.report(
                Code::TagSyntax,
                at,
                "`assign` needs `name = value`: Jekyll stops the build (Syntax Error in 'assign')",
            );
            return;
        };
        let name = ruby::strip(&markup[..eq]);
        let rest_at = at + eq + 1;
        let value = self.value(&markup[eq + 1..], rest_at, issues);
        self.locals.insert(name.to_owned(), value);
    }

    /// `{% t key %}`: the key may be a variable holding it, and may itself hold `{{ }}`.
    fn translate(&mut self, markup: &str, at: usize, issues: &mut Issues) -> String {
        let key = ruby::strip(markup);
        let mut from_variable = String::new();
        if let condition::Operand::Value(v) = self.operand(key, at, issues) {
            ruby::to_s(&v, &mut from_variable);
        }
        let key = if from_variable.is_empty() {
            key.to_owned()
        } else {
            from_variable
        };
        let key = if key.contains("{{") || key.contains("{%") {
            let nodes = template::parse(&key, &mut Issues::default());
            let mut rendered = Writer::with_capacity(0);
            self.nodes(&nodes, &key, &mut Issues::default(), &mut rendered);
            rendered.text
        } else {
            key
        };
        self.host.translate(&key).unwrap_or_default()
    }

    /// Text of a tag's markup that may hold `{{ }}` (an include's file name, a link's path),
    /// rendered.
    fn markup_text(&mut self, text: &str) -> String {
        if text.contains("{{") {
            let nodes = template::parse(text, &mut Issues::default());
            let mut rendered = Writer::with_capacity(0);
            self.nodes(&nodes, text, &mut Issues::default(), &mut rendered);
            rendered.text
        } else {
            text.to_owned()
        }
    }

    /// `relative_url`, as Jekyll's `post_url` and `link` tags apply it to the URL they find.
    fn relative_url(&mut self, url: String, at: usize, issues: &mut Issues) -> String {
        let call = super::filters::Call {
            name: "relative_url",
            at,
            site: self.site,
            url_memo: self.url_memo,
        };
        let input = Cow::Owned(Value::String(url));
        to_text(&super::filters::apply(
            &call,
            input,
            &[],
            issues,
            &mut self.budget,
        ))
    }

    /// Jekyll's `{% post_url [folder/]YYYY-MM-DD-slug %}`.
    fn post_url(&mut self, markup: &str, at: usize, issues: &mut Issues, out: &mut Writer) {
        let name = ruby::strip(markup);
        match self.host.post_url(name) {
            Some(url) => {
                let url = self.relative_url(url, at, issues);
                self.write(&url, at, out);
            }
            None => issues.report(
                Code::UnknownPost,
                at,
                format!(
                    "`{{% post_url {name} %}}` names no post of this build of the site (the name is the post's file \
                     name without its extension, e.g. `2010-07-21-name`): Jekyll stops the build (Could not find \
                     post \"{name}\" in tag 'post_url'); fix the name"
                ),
            ),
        }
    }

    /// Jekyll's `{% link path %}` (the path may hold `{{ }}`).
    fn link(&mut self, markup: &str, at: usize, issues: &mut Issues, out: &mut Writer) {
        let path = self.markup_text(ruby::strip(markup));
        match self.host.link(&path) {
            Ok(url) => {
                let url = self.relative_url(url, at, issues);
                self.write(&url, at, out);
            }
            Err(LinkMiss::NotFound) => issues.report(
                Code::LinkNotFound,
                at,
                format!(
                    "`{{% link {path} %}}`: the site has no post of this build nor file at this path. Jekyll stops \
                     the build (Could not find document '{path}' in tag 'link'); the path is from the site's root, \
                     with the file's extension"
                ),
            ),
            Err(LinkMiss::Unknown) => issues.report(
                Code::LinkUnresolved,
                at,
                format!(
                    "`{{% link {path} %}}`: no file at this path among the site's files the preview has, so it \
                     renders nothing here; if the site has no such file either, Jekyll stops the build (Could not \
                     find document '{path}' in tag 'link')"
                ),
            ),
            Err(LinkMiss::Unresolved) => issues.report(
                Code::LinkUnresolved,
                at,
                format!(
                    "`{{% link {path} %}}` names a page (a file with front matter): the preview finds the URLs of \
                     posts and static files only, and renders nothing here (Jekyll renders the page's URL)"
                ),
            ),
        }
    }

    /// Jekyll's `{% include file.html key=value key2="text" %}`.
    fn include(&mut self, markup: &str, at: usize, issues: &mut Issues, out: &mut Writer) {
        let (file, params) = include_file_and_params(ruby::strip(markup));
        let file = self.markup_text(file);
        let Some(text) = self.host.include(&file) else {
            issues.report(Code::MissingInclude, at, format!("the included file `_includes/{file}` is not in the site: Jekyll stops the build (Could not locate the included file); add it or fix the name"));
            return;
        };
        if self.depth >= MAX_INCLUDE_DEPTH {
            issues.report(Code::IncludeTooDeep, at, format!("includes nested more than {MAX_INCLUDE_DEPTH} deep (an include that includes itself?): the preview stops here"));
            return;
        }
        let saved = self.locals.get("include").cloned();
        if !ruby::strip(params).is_empty() {
            let map = self.include_params(params, at, issues);
            self.locals.insert("include".into(), Value::Map(map));
        }
        self.depth += 1;
        let path = format!("_includes/{file}");
        let before = self.diagnostics.len();
        let rendered = self.render(&path, text, 0);
        self.depth -= 1;
        if self.body.is_some() {
            // A body's problems are at places in the post: the include's are told at its tag.
            for d in self.diagnostics.drain(before..) {
                let line = format!("{}:{}:{}", d.path, d.diagnostic.line, d.diagnostic.column);
                issues.push(Issue::new(
                    d.diagnostic.code,
                    at,
                    format!("in `{line}`: {}", d.diagnostic.message),
                ));
            }
        }
        restore(&mut self.locals, "include", saved);
        self.write(&rendered, at, out);
    }

    /// `key=value` pairs: a quoted value is text, anything else a variable.
    fn include_params(&mut self, params: &str, at: usize, issues: &mut Issues) -> Map {
        let mut map = Map::new();
        let b = params.as_bytes();
        let mut i = 0;
        while i < b.len() {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let key_start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'-') {
                i += 1;
            }
            let key = &params[key_start..i];
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if key.is_empty() || b.get(i) != Some(&b'=') {
                issues.report(Code::TagSyntax, at, "this include's parameters are not `key=value` pairs: Jekyll stops the build (Invalid syntax for include tag)");
                break;
            }
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let value_start = i;
            let value = if let Some(&q @ (b'"' | b'\'')) = b.get(i) {
                let close = params[i + 1..]
                    .find(q as char)
                    .map_or(b.len(), |n| i + 1 + n);
                i = (close + 1).min(b.len());
                Value::from(&params[value_start + 1..close.min(b.len())])
            } else {
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                match self.operand(&params[value_start..i], at, issues) {
                    condition::Operand::Value(v) => v,
                    _ => Value::from(""),
                }
            };
            map.insert(key.to_owned(), value);
        }
        map
    }
}

/// Puts back a variable a loop or include shadowed.
fn restore(locals: &mut Map, name: &str, saved: Option<Value>) {
    match saved {
        Some(v) => locals.insert(name.to_owned(), v),
        None => {
            locals.remove(name);
        }
    }
}

/// Liquid's `forloop` object for item `i` of `length`.
fn forloop(i: usize, length: usize, parent: Value) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), Value::Null);
    m.insert("length".into(), Value::Int(length as i64));
    set_position(&mut m, i, length);
    m.insert("parentloop".into(), parent);
    Value::Map(m)
}

/// The `forloop` counters of item `i` of `length`.
fn set_position(m: &mut Map, i: usize, length: usize) {
    let n = |x: usize| Value::Int(x as i64);
    m.insert("index".into(), n(i + 1));
    m.insert("index0".into(), n(i));
    m.insert("rindex".into(), n(length - i));
    m.insert("rindex0".into(), n(length - i - 1));
    m.insert("first".into(), Value::Bool(i == 0));
    m.insert("last".into(), Value::Bool(i + 1 == length));
}
