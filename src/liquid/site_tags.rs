//! The tags that need the site behind a template, run through the `Host`: Jekyll's `include`
//! (`Jekyll::Tags::IncludeTag`: a file name that may hold `{{ }}`, `key=value` parameters seen as
//! `include.key`; jekyll-include-cache's `include_cached` alike), `post_url`
//! (`Jekyll::Tags::PostUrl`) and `link` (`Jekyll::Tags::Link`), both through `relative_url`,
//! and jekyll-multiple-languages-plugin's `t` and `tf` (`LocalizeInclude`: an include from
//! `_i18n/<lang>/`, else the default language's folder, through the site's converter for its
//! extension).
//!
//! An include is charged by the size of its text before it runs, to a budget for includes of
//! the render's own, so a fan-out (an include that includes itself several times) stops there
//! and the rest of the template still renders; nested includes stop at `MAX_INCLUDE_DEPTH`.
//! Each of these is said once per render. A post body's include tells the problems of the files
//! it brings in at its own tag.

use super::blocks::restore;
use super::condition;
use super::layout::{to_text, Flow, LinkMiss, Renderer};
use super::output::{Issues, Writer};
use super::template::{self, TagCall};
use crate::diagnostic::Code;
use crate::ruby;
use crate::value::{Map, Value};
use std::borrow::Cow;

/// Includes nested deeper than this stop (an include that includes itself would never end).
pub const MAX_INCLUDE_DEPTH: usize = 16;

/// What an include costs beyond its text: reading it, its scope, its diagnostics' bookkeeping.
const INCLUDE_COST: usize = 64;

pub fn include(
    r: &mut Renderer<'_>,
    call: &TagCall<'_>,
    issues: &mut Issues,
    out: &mut Writer,
) -> Flow {
    r.include(call.markup, call.at, issues, out);
    Flow::Normal
}

pub fn post_url(
    r: &mut Renderer<'_>,
    call: &TagCall<'_>,
    issues: &mut Issues,
    out: &mut Writer,
) -> Flow {
    r.post_url(call.markup, call.at, issues, out);
    Flow::Normal
}

pub fn link(
    r: &mut Renderer<'_>,
    call: &TagCall<'_>,
    issues: &mut Issues,
    out: &mut Writer,
) -> Flow {
    r.link(call.markup, call.at, issues, out);
    Flow::Normal
}

pub fn translate(
    r: &mut Renderer<'_>,
    call: &TagCall<'_>,
    issues: &mut Issues,
    out: &mut Writer,
) -> Flow {
    let s = r.translate(call.markup, call.at, issues);
    r.write(&s, call.at, out);
    Flow::Normal
}

pub fn translate_file(
    r: &mut Renderer<'_>,
    call: &TagCall<'_>,
    issues: &mut Issues,
    out: &mut Writer,
) -> Flow {
    r.translate_file(call.markup, call.at, issues, out);
    Flow::Normal
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

impl Renderer<'_> {
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
        self.host.translate(&key).unwrap_or_else(|| {
            issues.report(
                Code::MissingString,
                at,
                format!(
                    "`{{% t {key} %}}`: no text for `{key}` in this language's `_i18n/<lang>.yml` nor in the \
                     default language's: jekyll-multiple-languages-plugin stops the build (no implicit \
                     conversion of nil into String); add the key to the default language's file"
                ),
            );
            String::new()
        })
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
        let rendered = self.included(&format!("_includes/{file}"), text, params, at, issues);
        // Charged already, as the include's own text and values were written.
        out.produce(&rendered, at);
    }

    /// `{% tf name key=value %}`: the name may be a variable holding it, and may hold `{{ }}`.
    fn translate_file(&mut self, markup: &str, at: usize, issues: &mut Issues, out: &mut Writer) {
        let (file, params) = include_file_and_params(ruby::strip(markup));
        let mut named = String::new();
        if let condition::Operand::Value(v) = self.operand(file, at, issues) {
            ruby::to_s(&v, &mut named);
        }
        let file = self.markup_text(if named.is_empty() { file } else { &named });
        let Some((path, text)) = self.host.translated_file(&file) else {
            issues.report(Code::MissingInclude, at, format!("`{{% tf {file} %}}`: the site has no `_i18n/<language>/{file}` for this language nor the default one: Jekyll stops the build (Included file '{file}' not found); add the file or fix the name"));
            return;
        };
        let rendered = self.included(&path, text, params, at, issues);
        let converted = self.host.convert(&file, rendered);
        self.write(&converted, at, out);
    }

    /// The text of an included file (at `path`) run with its parameters, within the budget and
    /// depth of includes.
    fn included(
        &mut self,
        path: &str,
        text: &str,
        params: &str,
        at: usize,
        issues: &mut Issues,
    ) -> String {
        // Reading and running an include is work even when it writes nothing: charged up front
        // to a budget of their own, a fan-out of includes that include themselves stops there
        // while the rest of the template still renders.
        if !self.include_budget.take(text.len() + INCLUDE_COST) {
            if !std::mem::replace(&mut self.told.includes, true) {
                issues.report(Code::OutputBudget, at, "the preview stops including files here: the includes of this page include others far more often than a page should (an include that includes itself several times?); Jekyll would go on");
            }
            return String::new();
        }
        if self.depth >= MAX_INCLUDE_DEPTH {
            if !std::mem::replace(&mut self.told.depth, true) {
                issues.report(Code::IncludeTooDeep, at, format!("includes nested more than {MAX_INCLUDE_DEPTH} deep (an include that includes itself?): the preview stops here"));
            }
            return String::new();
        }
        let saved = self.locals.get("include").cloned();
        if !ruby::strip(params).is_empty() {
            let map = self.include_params(params, at, issues);
            self.locals.insert("include".into(), Value::Map(map));
        }
        self.depth += 1;
        let before = self.diagnostics.len();
        let rendered = self.render(path, text, 0);
        self.depth -= 1;
        if self.body.is_some() && self.depth == 0 {
            // A body's problems are at places in the post: the include's are told at its tag.
            for d in self.diagnostics.drain(before..) {
                let line = format!("{}:{}:{}", d.path, d.diagnostic.line, d.diagnostic.column);
                issues.push(crate::diagnostic::Issue {
                    offset: at,
                    code: d.diagnostic.code,
                    message: format!("in `{line}`: {}", d.diagnostic.message),
                });
            }
        }
        restore(&mut self.locals, "include", saved);
        rendered
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
                    condition::Operand::Value(v) => v.into_owned(),
                    _ => Value::from(""),
                }
            };
            map.insert(key.to_owned(), value);
        }
        map
    }
}
