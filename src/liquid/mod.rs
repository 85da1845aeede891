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

mod blocks;
mod condition;
mod expression;
mod filters;
mod highlight;
pub mod layout;
mod lexer;
mod output;
mod registry;
mod scan;
mod site_tags;
mod tags;
mod template;
mod variable;

use crate::diagnostic::Issue;
use crate::source_map::SourceMap;
use crate::value::{Map, Value};
use expression::Env;
use output::{Budget, Issues};
use std::borrow::Cow;

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
    let mode = layout::BodyMode {
        page_unreadable: ctx.page_unreadable,
    };
    layout::render_body(template, ctx.site, ctx.page, host, mode)
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
