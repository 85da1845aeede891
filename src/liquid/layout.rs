//! Runs a template read by `template`, as Jekyll 4.3 renders a post body, its layouts and its
//! includes with Liquid 5.4: text and `{{ }}`, and each tag by its `registry` entry's function.
//! The [`Renderer`] holds what the run shares: the page-wide scope (`content`, `layout`, what
//! `assign` and `capture` set), the budgets, the diagnostics of every file (capped at
//! `MAX_DIAGNOSTICS`), and the [`Host`] the site answers through.
//!
//! A body and a layout differ in what is kept, not in how they run: Jekyll does not warn about a
//! missing variable in a layout, so only errors that stop Jekyll's build (a Liquid syntax error,
//! a missing include) and the preview's own limits are kept for a layout, each in its file; a
//! body keeps every issue, and shows a tag it does not run as written.

use super::condition;
use super::expression::{self, Env, Piece, Spans};
use super::output::{Budget, Issues, Writer};
use super::registry::{self, InBody, Run};
use super::template::{self, Node, TagCall};
use super::{tags, variable};
use crate::diagnostic::{Code, Diagnostic, Issue, LineIndex, Severity};
use crate::ruby;
use crate::value::{Map, Value};
use std::borrow::Cow;

/// The warnings a layout keeps (Jekyll says nothing of a layout's missing variables): those
/// where the preview shows the layout other than Jekyll would.
const TOLD_IN_LAYOUTS: &[Code] = &[
    Code::UnsupportedFilter,
    Code::UnknownTag,
    Code::UnsupportedTag,
    Code::TooDeep,
    Code::OutputBudget,
];

/// What a plugin's tag sees where it runs: Liquid's `site` and `page`, the page-wide variables
/// (`paginator`, `content`, what `assign` set) and the build's URL memo.
pub struct TagScope<'a> {
    pub site: &'a Value,
    pub page: &'a Value,
    pub locals: &'a Map,
    pub url_memo: Option<&'a super::url_memo::UrlMemo>,
}

/// What the site around a layout provides.
pub trait Host {
    /// The text of `_includes/<name>`, if there is such a file.
    fn include(&self, name: &str) -> Option<&str>;
    /// `{% t key %}`: the string for `key` in the language being built (or the default one).
    fn translate(&self, key: &str) -> Option<String>;
    /// A plugin's tag without a body (`seo`, `feed_meta`): its output, or None if unknown.
    fn plugin_tag(&self, name: &str, scope: &TagScope<'_>) -> Option<String>;
    /// `{% tf name %}`: the path and text of the file `name` of the language being built
    /// (`_i18n/<lang>/name`, else the default language's), if there is one.
    fn translated_file(&self, _name: &str) -> Option<(String, &str)> {
        None
    }
    /// What the site's converter for the file `name` makes of `text` (kramdown for a Markdown
    /// name): how `{% tf %}` writes the file it rendered.
    fn convert(&self, _name: &str, text: String) -> String {
        text
    }
    /// Whether a site stands behind the host: without one, a post body shows `include`,
    /// `post_url` and `link` as written and says the site is missing.
    fn has_site(&self) -> bool {
        false
    }
    /// The front matter of the post at `path` as Jekyll's data holds it: the site's `defaults:`
    /// for that post with `front` laid over them (`Document#merge_defaults`).
    fn with_defaults(&self, _path: &str, front: crate::value::Map) -> crate::value::Map {
        front
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
    assigned: &'a [(String, &'static str)],
    url_memo: Option<&'a super::url_memo::UrlMemo>,
) -> Env<'a> {
    Env {
        site,
        page,
        assigned,
        page_unreadable: body.is_some_and(|b| b.page_unreadable),
        locals: Some(locals),
        url_memo,
    }
}

/// A value as Ruby's `to_s` writes it (what a file name or a key read from YAML becomes).
pub fn to_text(v: &Value) -> String {
    ruby::to_string(v)
}

/// Renders whole layouts one after the other with the same variables.
pub struct Renderer<'a> {
    pub site: &'a Value,
    pub page: &'a Value,
    pub host: &'a dyn Host,
    /// The page-wide scope: `content`, `layout`, and what `assign` and `capture` set.
    pub locals: Map,
    pub diagnostics: Vec<FileDiagnostic>,
    /// What earlier builds computed for `relative_url`/`absolute_url` (see `Env::url_memo`).
    pub url_memo: Option<&'a super::url_memo::UrlMemo>,
    /// The build's layouts and includes, each read once (see `template_cache`).
    pub templates: Option<&'a dyn super::template_cache::TemplateCache>,
    pub(super) budget: Budget,
    /// What includes may cost (see `site_tags`), apart from what they write.
    pub(super) include_budget: Budget,
    /// How many includes deep the render is.
    pub(super) depth: usize,
    /// Rendering a post body (`liquid::render`), not a layout: warnings are kept, and tags the
    /// body cannot run are shown as written.
    pub(super) body: Option<BodyMode>,
    /// Names set by tags shown as written (`increment`, `tablerow`), to explain warnings.
    pub(super) assigned: Vec<(String, &'static str)>,
    /// What is said once per render (the budget spent, includes nested too deep) was said.
    pub(super) told: Told,
    /// Diagnostics past `MAX_DIAGNOSTICS`: how many, and the first of them.
    dropped: Option<(usize, FileDiagnostic)>,
}

/// The problems said once per render, however often they happen.
#[derive(Default)]
pub(super) struct Told {
    pub budget: bool,
    pub depth: bool,
    pub includes: bool,
}

/// The layouts' and includes' diagnostics listed at most: an include that fans out must not make
/// thousands of them.
pub const MAX_DIAGNOSTICS: usize = 200;

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
    fn plugin_tag(&self, _: &str, _: &TagScope<'_>) -> Option<String> {
        None
    }
}

/// Renders a post body: with the source map and every issue. Past the budget, the body's own
/// text is still copied (nothing typed is lost) but nothing more is run, and that is said once
/// where it happened.
pub fn render_body(
    template: &str,
    site: &Value,
    page: &Value,
    host: &dyn Host,
    mode: BodyMode,
) -> super::Output {
    let mut issues = Issues::default();
    let mut renderer = Renderer::new(site, page, host, template.len());
    renderer.body = Some(mode);
    let mut out = Writer::with_capacity(template.len() + template.len() / 8);
    let mut streamed = Streamed {
        r: &mut renderer,
        template,
        out: &mut out,
        pending: None,
        interrupted: false,
    };
    template::read(template, &mut issues, &mut streamed);
    streamed.flush();
    super::Output {
        text: out.text,
        map: out.map,
        issues: issues.finish(),
    }
}

/// Runs each top-level node of a template as the reader gives it, so that a long template is
/// never held as a tree (only a block is, while it runs). A text node waits for the next node,
/// whose `{%-` may still trim it.
struct Streamed<'r, 'a> {
    r: &'r mut Renderer<'a>,
    template: &'r str,
    out: &'r mut Writer,
    pending: Option<std::ops::Range<usize>>,
    /// A `break` or `continue` outside a loop ended the template, as Liquid's interrupts do.
    interrupted: bool,
}

impl<'t> template::Sink<'t> for Streamed<'_, '_> {
    fn push(&mut self, node: Node<'t>, issues: &mut Issues) {
        self.flush();
        match node {
            Node::Text(range) => self.pending = Some(range),
            other => self.run(&other, issues),
        }
    }

    fn last_text(&mut self) -> Option<&mut std::ops::Range<usize>> {
        self.pending.as_mut()
    }
}

impl Streamed<'_, '_> {
    /// The next top-level node of a template read before, as `push` takes one just read: a
    /// text waits (see `flush`), anything else runs.
    fn step(&mut self, node: &Node<'_>, issues: &mut Issues) {
        self.flush();
        match node {
            Node::Text(range) => self.pending = Some(range.clone()),
            other => self.run(other, issues),
        }
    }

    /// Writes the waiting text: a body's own text even past the budget (it is linear in what
    /// was typed), a layout's only within it.
    fn flush(&mut self) {
        let Some(range) = self.pending.take() else {
            return;
        };
        if !self.interrupted && (self.r.budget.take(range.len()) || self.r.body.is_some()) {
            self.out.copy(self.template, range);
        }
    }

    fn run(&mut self, node: &Node<'_>, issues: &mut Issues) {
        if self.interrupted || self.r.budget.is_exhausted() {
            return;
        }
        if self.r.node(node, self.template, issues, self.out) != Flow::Normal {
            self.interrupted = true;
            issues.report(
                Code::BreakOutsideLoop,
                start_of(node),
                "`{% break %}` or `{% continue %}` outside a `for` loop: Jekyll renders nothing after it, as the \
                 preview does here; remove it or move it into a loop",
            );
        }
        if self.r.body.is_some()
            && self.r.budget.is_exhausted()
            && !std::mem::replace(&mut self.r.told.budget, true)
        {
            issues.report(
                Code::OutputBudget,
                start_of(node),
                "the Liquid in this post makes far more text than a post should; the preview stops printing \
                 `{{ }}` values and running tags from here on (Jekyll would go on)",
            );
        }
    }
}

/// Where a node starts in its template.
fn start_of(node: &Node<'_>) -> usize {
    match node {
        Node::Text(range) => range.start,
        Node::Output { start, .. } => *start,
        Node::Tag(call) => call.at,
        Node::Block(block) => block.sections.first().map_or(0, |s| s.at),
    }
}

/// How a run of nodes ended: `break` and `continue` end every enclosing block up to their loop
/// (or the template), as Liquid's interrupts do.
#[derive(PartialEq)]
pub enum Flow {
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
            templates: None,
            budget: Budget::for_template(size_hint),
            include_budget: Budget::for_template(size_hint),
            depth: 0,
            body: None,
            assigned: Vec::new(),
            told: Told::default(),
            dropped: None,
        }
    }

    /// Renders `text` (the file `path`, its front matter already removed; `offset` is where the
    /// text starts in the file, for line numbers).
    pub fn render(&mut self, path: &str, file: &str, offset: usize) -> String {
        let text = &file[offset..];
        let mut issues = Issues::default();
        let mut out = Writer::with_capacity(text.len());
        let read_before = self.templates.and_then(|c| c.parsed(path, file, offset));
        let mut streamed = Streamed {
            r: self,
            template: text,
            out: &mut out,
            pending: None,
            interrupted: false,
        };
        match &read_before {
            Some(parsed) => parsed
                .nodes
                .iter()
                .for_each(|n| streamed.step(n, &mut issues)),
            None => template::read(text, &mut issues, &mut streamed),
        }
        streamed.flush();
        let mut kept: Vec<Issue> = issues
            .finish()
            .into_iter()
            .filter(|i| i.severity() == Severity::Error || TOLD_IN_LAYOUTS.contains(&i.code))
            .collect();
        if self.budget.is_exhausted() && !std::mem::replace(&mut self.told.budget, true) {
            kept.push(Issue::new(
                Code::OutputBudget,
                0,
                "the preview stopped rendering this file's Liquid: it makes far more text than a \
                 page should (loops or captures that multiply, includes that include themselves); Jekyll would go on",
            ));
        }
        let lines = LineIndex::new(file);
        for issue in kept {
            self.push_diagnostic(FileDiagnostic {
                path: path.to_owned(),
                diagnostic: lines.locate(issue.shifted(offset)),
            });
        }
        out.text
    }

    /// Lists a diagnostic, or counts it past `MAX_DIAGNOSTICS`.
    fn push_diagnostic(&mut self, d: FileDiagnostic) {
        if self.diagnostics.len() < MAX_DIAGNOSTICS {
            self.diagnostics.push(d);
        } else {
            match &mut self.dropped {
                Some((n, _)) => *n += 1,
                None => self.dropped = Some((1, d)),
            }
        }
    }

    /// The diagnostics of every file rendered, those past the cap counted in a last one.
    pub fn finish(self) -> Vec<FileDiagnostic> {
        let mut list = self.diagnostics;
        if let Some((n, first)) = self.dropped {
            list.push(FileDiagnostic {
                path: first.path,
                diagnostic: Diagnostic {
                    severity: Severity::Warning,
                    message: format!(
                        "{n} more problem{} in the layouts and includes from here on {} not listed; fix the ones above first",
                        if n == 1 { "" } else { "s" },
                        if n == 1 { "is" } else { "are" }
                    ),
                    ..first.diagnostic
                },
            });
        }
        list
    }

    pub(super) fn nodes(
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
                Flow::Normal
            }
            Node::Output { var, start } => {
                self.output(var, *start, issues, out);
                Flow::Normal
            }
            Node::Tag(call) => {
                if !self.runs(call) {
                    self.shown_as_written(
                        call.name,
                        call.markup,
                        call.at..call.end,
                        t,
                        issues,
                        out,
                    );
                    return Flow::Normal;
                }
                match call.def.run {
                    Run::Leaf(run) => run(self, call, issues, out),
                    Run::Block(_) | Run::Reader => Flow::Normal,
                }
            }
            Node::Block(block) => match block.def.run {
                Run::Block(run) => run(self, block, t, issues, out),
                Run::Leaf(_) | Run::Reader => Flow::Normal,
            },
        }
    }

    /// Whether this render runs the tag: a layout runs every tag; a body those its table entry
    /// says it runs (the site's tags only with a site).
    fn runs(&self, call: &TagCall<'_>) -> bool {
        self.body.is_none()
            || match call.def.in_body {
                InBody::Runs => true,
                InBody::NeedsSite => self.host.has_site(),
                InBody::AsWritten => false,
            }
    }

    /// `{{ … }}`: its value printed as Ruby prints it.
    fn output(
        &mut self,
        var: &variable::Variable<'_>,
        at: usize,
        issues: &mut Issues,
        out: &mut Writer,
    ) {
        let env = env_of(
            self.site,
            self.page,
            self.body,
            &self.locals,
            &self.assigned,
            self.url_memo,
        );
        let value = super::evaluate(var, &env, issues, &mut self.budget);
        let printed;
        let s = match value.as_ref() {
            Value::String(s) => s.as_str(),
            Value::Null => return,
            other => {
                let mut s = String::new();
                ruby::print(other, &mut s);
                printed = s;
                printed.as_str()
            }
        };
        if self.budget.take(s.len()) {
            out.produce(s, at);
        }
    }

    /// A tag a body does not run (`include` without a site, a plugin's tag): as written, with a
    /// warning saying why.
    pub(super) fn shown_as_written(
        &mut self,
        name: &str,
        markup: &str,
        range: std::ops::Range<usize>,
        t: &str,
        issues: &mut Issues,
        out: &mut Writer,
    ) {
        if self.budget.take(range.len()) {
            out.copy(t, range.clone());
        }
        let def = registry::find(name);
        let set = def
            .filter(|t| t.sets_variable)
            .zip(tags::first_name(markup));
        if let Some((tag, var)) = set {
            if self.assigned.len() < 1000 && !self.assigned.iter().any(|(n, _)| n == var) {
                self.assigned.push((var.to_owned(), tag.name));
            }
        }
        let needs_site = def.is_some_and(|t| t.in_body == InBody::NeedsSite);
        let code = if needs_site {
            Code::NeedsSite
        } else if registry::is_core(name) {
            Code::UnsupportedTag
        } else {
            Code::UnknownTag
        };
        issues.report(
            code,
            range.start,
            if needs_site {
                format!(
                    "`{{% {name} %}}` needs the site's {}: it is shown as written; open the site's folder to preview \
                     it as Jekyll renders it",
                    if name.starts_with("include") { "`_includes`" } else { "posts and files" }
                )
            } else if registry::is_core(name) {
                format!("`{{% {name} %}}` is not supported by the preview: it is shown as written (Jekyll runs it)")
            } else {
                format!(
                    "`{{% {name} %}}` is not supported by the preview: it is shown as written (Jekyll runs it if a \
                     plugin defines it, and otherwise stops the build with \"Unknown tag '{name}'\")"
                )
            },
        );
    }

    /// Copies a tag as written, charged to the budget.
    pub(super) fn as_written(&mut self, range: std::ops::Range<usize>, t: &str, out: &mut Writer) {
        if self.budget.take(range.len()) {
            out.copy(t, range);
        }
    }

    /// Writes text the construct at `at` made.
    pub(super) fn write(&mut self, s: &str, at: usize, out: &mut Writer) {
        if self.budget.take(s.len()) {
            out.produce(s, at);
        }
    }

    pub(super) fn env(&self) -> Env<'_> {
        env_of(
            self.site,
            self.page,
            self.body,
            &self.locals,
            &self.assigned,
            self.url_memo,
        )
    }

    /// The value of a tag's `expression | filters` markup (`assign`, `echo`).
    pub(super) fn value(&mut self, markup: &str, at: usize, issues: &mut Issues) -> Value {
        let (var, error) = variable::parse(markup, at);
        if let (Some(e), Some(_)) = (error, self.body) {
            issues.report(
                Code::InvalidExpression,
                e.at,
                format!(
                    "`{}` is not valid Liquid: {}. Jekyll only warns (Liquid syntax error) and renders what its \
                     lenient reading makes of it, as the preview does here; fix the expression",
                    super::excerpt(ruby::strip(markup)),
                    e.reason
                ),
            );
        }
        // From the fields, not `self.env()`: the budget is borrowed mutably beside it.
        let env = env_of(
            self.site,
            self.page,
            self.body,
            &self.locals,
            &self.assigned,
            self.url_memo,
        );
        super::evaluate(&var, &env, issues, &mut self.budget).into_owned()
    }

    /// The value of one operand of a condition (no filters), borrowed where it is when it is a
    /// variable; `empty` and `blank` stay words.
    pub(super) fn operand(
        &self,
        text: &str,
        at: usize,
        issues: &mut Issues,
    ) -> condition::Operand<'_> {
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
        condition::Operand::Value(expression::eval(&expr, &self.env(), issues, true))
    }

    pub(super) fn condition(&self, markup: &str, at: usize, issues: &mut Issues) -> bool {
        match condition::evaluate(markup, |m| self.operand(m, at, issues)) {
            Ok(holds) => holds,
            Err(message) => {
                issues.report(Code::ConditionSyntax, at, message);
                false
            }
        }
    }
}
