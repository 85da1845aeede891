//! Liquid, as Jekyll 4.3 runs it on a post body and in layouts (Liquid 4, `error_mode: warn`,
//! `strict_variables: false`, `strict_filters: false`): `{{ expression | filters }}` with `site`
//! and `page`, the tags posts and layouts use, and the white space controls `{{-`, `-}}`, `{%-`,
//! `-%}`. A tag the preview cannot run is shown as written, with a warning.
//!
//! One engine runs every template (a post body, a layout, an include), as Liquid's
//! `Template.parse` and `render` do with the tags and filters registered once:
//!
//! - `scan` cuts the template into tokens as Liquid's tokenizer does; `tags` reads a `{% %}`;
//! - `registry` is the one table of tags (name, leaf or block with its continuations and
//!   closer, where a body runs it, the function that runs it); `filters` the one table of
//!   filters (name, arity, function);
//! - `template` reads the tokens into nodes with that table (`raw`, `comment` and `#` there);
//!   a body's top-level nodes go to the renderer as they are read, so a body is never held whole
//!   and plain text streams through;
//! - `layout` runs the nodes (the `Renderer`, its scopes and budget, the `Host` a site answers),
//!   `blocks` the tags that need no site (conditions in `condition`, `highlight` as rouge writes
//!   it), `site_tags` those that do (`include`, `post_url`, `link`, `t`, `tf`; with the `site` feature
//!   only, `no_site_tags` otherwise);
//! - `variable` reads `{{ }}` markup (strictly, then leniently as Jekyll's warn mode does),
//!   `expression` finds values, `crate::ruby` prints them as Ruby would; `output` holds the text,
//!   its source map, the issues and the budget that keeps hostile input linear.
//!
//! A post body and a layout differ only in what the renderer is told: a body keeps warnings and
//! shows the tags it cannot run (a plugin's, or a site's without one) as written.
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
// The filters the site's generated files (`site::generated`) and jekyll-seo-tag (`site::seo`)
// apply outside a template.
#[cfg(feature = "site")]
pub(crate) use filters::{
    escape_once, local_time, normalize_whitespace, strip_html, xml_escape, XMLSCHEMA,
};
mod highlight;
mod jsonify;
#[cfg(feature = "site")]
pub(crate) use jsonify::string as json_string;
pub mod layout;
mod smartify;
#[cfg(feature = "site")]
pub(crate) use smartify::smartify;
mod lexer;
mod output;
mod registry;
mod scan;
#[cfg(feature = "site")]
mod site_tags;
#[cfg(not(feature = "site"))]
#[path = "no_site_tags.rs"]
mod site_tags;
mod tags;
mod template;
pub mod template_cache;
mod truncate;
pub mod url_memo;
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
