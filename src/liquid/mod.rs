//! Liquid, as Jekyll 4.3 runs it on a post body and in layouts (Liquid 4, `error_mode: warn`,
//! `strict_variables: false`, `strict_filters: false`): `{{ expression | filters }}` with `site`
//! and `page`, the tags posts and layouts use, and the white space controls `{{-`, `-}}`, `{%-`,
//! `-%}`. A tag the preview cannot run is shown as written, with a warning.
//!
//! The modules, in the order text goes through them: `scan` cuts the template into tokens as
//! Liquid's tokenizer does, `tags` reads `{% %}`, `variable` reads `{{ }}` (strictly, then
//! leniently as Jekyll's warn mode does), `expression` finds values, `filters` (one table of
//! name, arity and function) changes them and `crate::ruby` prints them as Ruby would. `output`
//! holds the text, its source map, the issues and the budget that keeps hostile input linear.
//!
//! A template with blocks (`if`, `unless`, `case`, `for`, `capture`, Jekyll's `highlight`),
//! `assign`, or the tags that need the site (`include`, `post_url`, `link`) — every layout and
//! include, and a body that has one — is read into a tree by `template` and run by `layout`
//! (conditions in `condition`, `highlight` as rouge writes it), which also runs, for `Site`, the
//! plugins' tags; a body without one streams through the loop below. Both keep the body's source
//! map.
//!
//! Where Jekyll would stop the build (a Liquid syntax error, an error raised by a filter) the
//! preview renders something useful anyway, says what Jekyll would do, and reports it as an
//! error; where Jekyll renders on, a warning.
//!
//! Behaviour was checked against Debian's Jekyll 4.3.1, which runs Liquid 5.4; Liquid 4 agrees
//! on everything here except what Liquid 5 added: `{% # comment %}` (hidden, with a warning
//! that Liquid 4 rejects it), keyword arguments such as `allow_false`, an expression starting
//! with `[` and an empty `{{ }}` (both only a warning in Liquid 4's warn mode).

mod condition;
mod expression;
mod filters;
mod highlight;
pub mod layout;
mod lexer;
mod output;
mod scan;
mod tags;
mod template;
mod variable;

use crate::diagnostic::{Code, Issue};
use crate::ruby;
use crate::source_map::SourceMap;
use crate::value::{Map, Value};
use expression::Env;
use output::{Budget, Issues, Writer};
use scan::{Kind, Scanner, Token};
use std::borrow::Cow;
use std::ops::Range;

/// The variables a post body can reach.
pub struct Context<'a> {
    pub site: &'a Value,
    pub page: &'a Value,
    /// The front matter could not be read (a YAML error): `page.*` is unknown for that reason.
    pub page_unreadable: bool,
}

/// What rendering a template gives.
pub struct Output {
    pub text: String,
    pub map: SourceMap,
    pub issues: Vec<Issue>,
}

/// Renders `template` with `ctx`, without a site: `include`, `post_url` and `link` are shown as
/// written. Issue offsets are relative to `template`.
pub fn render(template: &str, ctx: &Context) -> Output {
    render_in_site(template, ctx, &layout::NoSite)
}

/// Renders `template` with `ctx`, the site's includes, posts and files coming from `host`.
pub fn render_in_site(template: &str, ctx: &Context, host: &dyn layout::Host) -> Output {
    // Most bodies hold no Liquid at all: one copy and the identity map.
    if scan::next_opener(template.as_bytes(), 0).is_none() {
        return Output {
            text: template.to_owned(),
            map: SourceMap::identity(),
            issues: Vec::new(),
        };
    }
    let mut unclosed_blocks = Vec::new();
    if runs_tags(template) {
        let mode = layout::BodyMode {
            page_unreadable: ctx.page_unreadable,
        };
        match layout::render_body(template, ctx.site, ctx.page, host, mode) {
            Ok(output) => return output,
            // Shown as written instead, with the errors that say which block is open.
            Err(issues) => unclosed_blocks = issues,
        }
    }
    let mut renderer = Renderer {
        template,
        env: Env {
            site: ctx.site,
            page: ctx.page,
            assigned: Vec::new(),
            page_unreadable: ctx.page_unreadable,
            locals: None,
            url_memo: None,
        },
        out: Writer::with_capacity(template.len() + template.len() / 8),
        issues: Issues::default(),
        budget: Budget::for_template(template.len()),
        pending: None,
        trim_next: false,
        warned_tags: Vec::new(),
        quiet_blocks: false,
    };
    renderer.quiet_blocks = !unclosed_blocks.is_empty();
    renderer.run();
    let Renderer { out, issues, .. } = renderer;
    let mut issues = issues.finish();
    issues.extend(unclosed_blocks);
    crate::sort::by_key(&mut issues, |i| i.offset);
    Output {
        text: out.text,
        map: out.map,
        issues,
    }
}

/// The tags the layouts' renderer runs in a body, with their continuations and closers.
const RUN_BY_THE_TREE: [&str; 19] = [
    "if",
    "elsif",
    "else",
    "endif",
    "unless",
    "endunless",
    "case",
    "when",
    "endcase",
    "for",
    "endfor",
    "break",
    "continue",
    "assign",
    "capture",
    "endcapture",
    "echo",
    "highlight",
    "endhighlight",
];

/// Whether the template holds a tag the streaming renderer cannot run but the layouts' renderer
/// can (a block, `assign`, or a tag that needs the site); such bodies go through the latter.
fn runs_tags(template: &str) -> bool {
    Scanner::new(template).any(|t| {
        t.kind == Kind::Tag
            && tags::parse(&template[t.start..t.end]).is_some_and(|tag| {
                matches!(
                    tag.name,
                    "if" | "unless"
                        | "case"
                        | "for"
                        | "assign"
                        | "capture"
                        | "highlight"
                        | "include"
                        | "include_cached"
                        | "post_url"
                        | "link"
                )
            })
    })
}

/// Where the token loop is.
enum Mode {
    Normal,
    /// Inside `{% raw %}`, opened at `tag`; the body starts at `body`.
    Raw {
        tag: usize,
        body: usize,
        trim_after: bool,
    },
    /// Inside `{% comment %}` (nested `depth` deep), opened at `tag`; `raw` is set inside a raw
    /// block within the comment.
    Comment {
        tag: usize,
        depth: usize,
        raw: bool,
    },
}

struct Renderer<'t, 'v> {
    template: &'t str,
    env: Env<'v>,
    out: Writer,
    issues: Issues,
    budget: Budget,
    /// Text not written yet, because the next tag may trim its end (`{{-`).
    pending: Option<Range<usize>>,
    /// The previous tag ended in `-}}` or `-%}`: the next text loses its leading white space.
    trim_next: bool,
    /// Names of unsupported block tags already warned about, so their `end…` stays quiet.
    warned_tags: Vec<&'t str>,
    /// The body's blocks could not run (one is never closed, which is reported): their tags are
    /// shown as written without a warning of their own.
    quiet_blocks: bool,
}

impl<'t, 'v> Renderer<'t, 'v> {
    fn run(&mut self) {
        let mut mode = Mode::Normal;
        for token in Scanner::new(self.template) {
            mode = match mode {
                Mode::Normal => self.normal(token),
                Mode::Raw {
                    tag,
                    body,
                    trim_after,
                } => match tags::raw_end(self.text(token)) {
                    Some(kept) => {
                        self.out.copy(self.template, body..token.start + kept);
                        // The raw tag's own `-%}` trims the text after `endraw` (Liquid's
                        // flag outlives the body it never reaches).
                        self.trim_next = trim_after;
                        Mode::Normal
                    }
                    None => Mode::Raw {
                        tag,
                        body,
                        trim_after,
                    },
                },
                Mode::Comment { tag, depth, raw } => self.in_comment(token, tag, depth, raw),
            };
        }
        match mode {
            Mode::Normal => {}
            Mode::Raw { tag, body, .. } => {
                self.out.copy(self.template, body..self.template.len());
                self.issues.report(
                    Code::UnclosedBlock,
                    tag,
                    "`{% raw %}` is never closed: add `{% endraw %}` (plain, without `-`). Jekyll stops the build \
                     ('raw' tag was never closed); the preview shows the rest as written",
                );
            }
            Mode::Comment { tag, .. } => self.issues.report(
                Code::UnclosedBlock,
                tag,
                "`{% comment %}` is never closed: add `{% endcomment %}`. Jekyll stops the build ('comment' tag was \
                 never closed); the preview hides the rest, as the comment would",
            ),
        }
        self.flush();
    }

    fn text(&self, token: Token) -> &'t str {
        &self.template[token.start..token.end]
    }

    /// Writes the pending text.
    fn flush(&mut self) {
        if let Some(range) = self.pending.take() {
            self.out.copy(self.template, range);
        }
    }

    /// `{{-` or `{%-`: the pending text loses its trailing white space.
    fn trim_pending(&mut self) {
        if let Some(range) = &mut self.pending {
            range.end = range.start + ruby::rstrip(&self.template[range.clone()]).len();
        }
    }

    /// A token that breaks Liquid's syntax: shown as written, reported as stopping the build.
    fn broken(&mut self, token: Token, code: Code, message: String) {
        self.flush();
        self.out.copy(self.template, token.start..token.end);
        self.trim_next = false;
        self.issues.report(code, token.start, message);
    }

    fn normal(&mut self, token: Token) -> Mode {
        match token.kind {
            Kind::Text => {
                let mut range = token.start..token.end;
                if std::mem::take(&mut self.trim_next) {
                    range.start = range.end - ruby::lstrip(&self.template[range.clone()]).len();
                }
                self.pending = Some(range);
                Mode::Normal
            }
            Kind::Output => {
                self.output(token);
                Mode::Normal
            }
            Kind::Tag => self.tag(token),
            Kind::OutputOneBrace => {
                let shown = excerpt(self.text(token));
                self.broken(
                    token,
                    Code::UnterminatedLiquid,
                    format!(
                        "`{shown}` ends with a single `}}`: add the second one. Jekyll stops the build (Liquid syntax \
                         error: Variable was not properly terminated); the preview shows it as written"
                    ),
                );
                Mode::Normal
            }
            Kind::UnclosedOutput => {
                self.broken(
                    token,
                    Code::UnterminatedLiquid,
                    "`{{` is never closed: add `}}` (or write `{{ \"{{\" }}` for a literal `{{`). Jekyll stops the \
                     build (Liquid syntax error: Variable '{{' was not properly terminated); the preview shows it as \
                     written"
                        .into(),
                );
                Mode::Normal
            }
            Kind::UnclosedTag => {
                self.broken(
                    token,
                    Code::UnterminatedLiquid,
                    "`{%` is never closed: add `%}` (or write `{{ \"{%\" }}` for a literal `{%`). Jekyll stops the \
                     build (Liquid syntax error: Tag '{%' was not properly terminated); the preview shows it as written"
                        .into(),
                );
                Mode::Normal
            }
        }
    }

    fn tag(&mut self, token: Token) -> Mode {
        let text = self.text(token);
        let Some(tag) = tags::parse(text) else {
            let shown = excerpt(text);
            self.broken(
                token,
                Code::MissingTagName,
                format!(
                    "`{shown}` does not start with a tag name. Jekyll stops the build (Liquid syntax error: Tag was not \
                     properly terminated); the preview shows it as written"
                ),
            );
            return Mode::Normal;
        };
        if tag.trim_before {
            self.trim_pending();
        }
        self.flush();
        self.trim_next = tag.trim_after;
        match tag.name {
            "raw" => {
                if !ruby::strip(tag.markup).is_empty() {
                    self.issues.report(
                        Code::TagSyntax,
                        token.start,
                        "`{% raw %}` takes nothing after its name: Jekyll stops the build (Syntax Error in 'raw'); \
                         the preview treats it as a plain `{% raw %}`",
                    );
                }
                self.trim_next = false;
                Mode::Raw {
                    tag: token.start,
                    body: token.end,
                    trim_after: tag.trim_after,
                }
            }
            "comment" => Mode::Comment {
                tag: token.start,
                depth: 1,
                raw: false,
            },
            "#" => {
                self.issues.report(
                    Code::HashComment,
                    token.start,
                    "`{% # … %}` comments need Liquid 5.4; Jekyll 4.3 with its usual Liquid 4 stops the build on \
                     them (Tag was not properly terminated). The preview hides it; `{% comment %}…{% endcomment %}` \
                     works everywhere",
                );
                Mode::Normal
            }
            "endraw" | "endcomment" => {
                let opener = &tag.name[3..];
                self.out.copy(self.template, token.start..token.end);
                self.issues.report(
                    Code::StrayEndTag,
                    token.start,
                    format!(
                        "`{{% {} %}}` has no `{{% {opener} %}}` to close: Jekyll stops the build (Liquid syntax error: \
                         Unknown tag '{}'); the preview shows it as written",
                        tag.name, tag.name
                    ),
                );
                Mode::Normal
            }
            name => {
                self.out.copy(self.template, token.start..token.end);
                if let Some((var, kind)) = tags::assigned_name(&tag) {
                    self.remember_assigned(var, kind);
                    if kind == "for" || kind == "tablerow" {
                        self.remember_assigned("forloop", kind);
                    }
                }
                // `endif` after a warned `if` (and `else` inside one) would only repeat the warning.
                let quiet = tags::continues_block(name)
                    && match name.strip_prefix("end") {
                        Some(opener) => self.warned_tags.contains(&opener),
                        None => !self.warned_tags.is_empty(),
                    };
                let quiet = quiet || (self.quiet_blocks && RUN_BY_THE_TREE.contains(&name));
                if !quiet {
                    let (code, message) = if tags::is_known(name) {
                        (
                            Code::UnsupportedTag,
                            format!("`{{% {name} %}}` is not supported by the preview: it is shown as written (Jekyll runs it)"),
                        )
                    } else {
                        (
                            Code::UnknownTag,
                            format!(
                                "`{{% {name} %}}` is not supported by the preview: it is shown as written (Jekyll runs \
                                 it if a plugin defines it, and otherwise stops the build with \"Unknown tag '{name}'\")"
                            ),
                        )
                    };
                    self.issues.report(code, token.start, message);
                    if !tags::continues_block(name)
                        && !self.warned_tags.contains(&name)
                        && self.warned_tags.len() < 100
                    {
                        self.warned_tags.push(name);
                    }
                }
                Mode::Normal
            }
        }
    }

    /// Notes a variable set by a tag the preview does not run (at most a thousand: they only
    /// improve messages).
    fn remember_assigned(&mut self, name: &str, kind: &'static str) {
        let assigned = &mut self.env.assigned;
        if assigned.len() < 1000 && !assigned.iter().any(|(n, _)| n == name) {
            assigned.push((name.to_owned(), kind));
        }
    }

    fn in_comment(&mut self, token: Token, tag: usize, depth: usize, raw: bool) -> Mode {
        if raw {
            let closed = tags::raw_end(self.text(token)).is_some();
            return Mode::Comment {
                tag,
                depth,
                raw: !closed,
            };
        }
        match token.kind {
            Kind::Text | Kind::Output => Mode::Comment { tag, depth, raw },
            Kind::OutputOneBrace | Kind::UnclosedOutput | Kind::UnclosedTag => {
                // Liquid parses a comment's body: broken syntax in it still stops the build.
                self.issues.report(
                    Code::BrokenInComment,
                    token.start,
                    format!(
                        "`{}` inside this comment is broken Liquid, and Liquid reads comments too: Jekyll stops the \
                         build here (Liquid syntax error); close or remove it",
                        excerpt(self.text(token))
                    ),
                );
                Mode::Comment { tag, depth, raw }
            }
            Kind::Tag => match tags::parse(self.text(token)) {
                None => {
                    self.issues.report(
                        Code::BrokenInComment,
                        token.start,
                        format!(
                            "`{}` inside this comment has no tag name, and Liquid reads comments too: Jekyll stops \
                             the build here (Liquid syntax error)",
                            excerpt(self.text(token))
                        ),
                    );
                    Mode::Comment { tag, depth, raw }
                }
                Some(t) => match t.name {
                    "comment" => Mode::Comment {
                        tag,
                        depth: depth + 1,
                        raw,
                    },
                    "raw" => Mode::Comment {
                        tag,
                        depth,
                        raw: true,
                    },
                    "endcomment" if depth == 1 => {
                        self.trim_next = t.trim_after;
                        Mode::Normal
                    }
                    "endcomment" => Mode::Comment {
                        tag,
                        depth: depth - 1,
                        raw,
                    },
                    _ => Mode::Comment { tag, depth, raw },
                },
            },
        }
    }

    /// `{{ … }}`: reads, evaluates and prints it.
    fn output(&mut self, token: Token) {
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
            self.trim_pending();
        }
        self.flush();
        self.trim_next = trim_after;
        if self.budget.is_exhausted() {
            self.budget_spent(start);
            return;
        }
        let markup = &self.template[inner_start..inner_end];
        let (var, error) = variable::parse(markup, inner_start);
        if let Some(e) = error {
            let shown = excerpt(self.text(token));
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
        let value = self.evaluate(&var);
        self.print(&value, start);
    }

    fn evaluate(&mut self, var: &variable::Variable<'_>) -> Cow<'v, Value> {
        evaluate(var, &self.env, &mut self.issues, &mut self.budget)
    }

    fn print(&mut self, value: &Value, at: usize) {
        match value {
            Value::String(s) => {
                if self.budget.take(s.len()) {
                    self.out.produce(s, at);
                } else {
                    self.budget_spent(at);
                }
            }
            Value::Null => {}
            other => {
                let mut s = String::new();
                ruby::print(other, &mut s);
                if self.budget.take(s.len()) {
                    self.out.produce(&s, at);
                } else {
                    self.budget_spent(at);
                }
            }
        }
    }

    /// Says once that the preview stopped printing values.
    fn budget_spent(&mut self, at: usize) {
        if self.budget.exhausted_at.is_none() {
            self.budget.exhausted_at = Some(at);
            self.issues.report(
                Code::OutputBudget,
                at,
                "the Liquid in this post makes far more text than a post should; the preview stops printing `{{ }}` \
                 values from here on (Jekyll would go on)",
            );
        }
    }
}

/// Finds the value of a read `{{ }}` (or `assign`) markup: its expression, then its filters.
pub(crate) fn evaluate<'v>(
    var: &variable::Variable<'_>,
    env: &Env<'v>,
    issues: &mut Issues,
    budget: &mut Budget,
) -> Cow<'v, Value> {
    // `| default:` says the author expects the value may be missing: no warning for it.
    let quiet = var.filters.iter().any(|f| f.name == "default");
    let mut value: Cow<'v, Value> = match &var.name {
        Some(piece) => expression::eval(&expression::parse(piece), env, issues, quiet),
        None => Cow::Owned(Value::Null),
    };
    for filter in &var.filters {
        let mut args: Vec<Cow<'v, Value>> = filter
            .args
            .iter()
            .map(|a| expression::eval(&expression::parse(a), env, issues, false))
            .collect();
        if !filter.keywords.is_empty() {
            let map: Map = filter
                .keywords
                .iter()
                .map(|(k, a)| {
                    let v = expression::eval(&expression::parse(a), env, issues, false);
                    ((*k).to_owned(), v.into_owned())
                })
                .collect();
            args.push(Cow::Owned(Value::Map(map)));
        }
        let call = filters::Call {
            name: filter.name,
            at: filter.at,
            site: env.site,
            url_memo: env.url_memo,
        };
        value = filters::apply(&call, value, &args, issues, budget);
        if budget.is_exhausted() {
            break;
        }
    }
    value
}

/// A token as shown in a message: whole if short, else its start.
fn excerpt(text: &str) -> String {
    const MAX: usize = 60;
    // One line at most: a message quoting across lines reads as garbage.
    let line_end = text.find('\n').unwrap_or(text.len());
    if text.len() <= MAX && line_end == text.len() {
        return text.to_owned();
    }
    let mut end = MAX.min(line_end);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", text[..end].trim_end())
}

#[cfg(test)]
mod tests;
