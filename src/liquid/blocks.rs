//! The runners of the tags in `registry` that need no site: Liquid 5.4's `if`/`elsif`/`else`
//! and `unless` (`If`, `Unless`: the first section whose condition holds runs, an `else` always
//! holds), `case`/`when` (`Case`: every matching `when` runs, `else` when none did), `for` with
//! `limit`, `offset`, `reversed`, ranges and `forloop` (`For`, `else` for an empty list),
//! `capture`, `assign`, `echo`, and Jekyll's `highlight` (see `highlight`); and what the preview
//! does with the tags it knows but does not run.
//!
//! Variables follow Liquid's scopes: `assign` and `capture` write the page-wide scope (an
//! include's `assign` is seen after it), a `for` variable and `forloop` live for the loop.

use super::condition;
use super::expression::{self, Expr, Piece, Spans};
use super::highlight;
use super::layout::{Flow, Renderer};
use super::output::{Issues, Writer};
use super::template::{Block, Node, TagCall};
use crate::diagnostic::Code;
use crate::ruby;
use crate::value::{Map, Value};
use std::borrow::Cow;

/// `if` and `unless`: the first section that holds runs (`unless` negates its first condition).
pub fn if_(
    r: &mut Renderer<'_>,
    b: &Block<'_>,
    t: &str,
    issues: &mut Issues,
    out: &mut Writer,
) -> Flow {
    for (i, s) in b.sections.iter().enumerate() {
        let holds = match s.name {
            "else" => true,
            _ => r.condition(s.markup, s.at, issues) != (i == 0 && s.name == "unless"),
        };
        if holds {
            return r.nodes(&s.body, t, issues, out);
        }
    }
    Flow::Normal
}

/// `case`: text before the first `when` is dropped, as Liquid drops it.
pub fn case(
    r: &mut Renderer<'_>,
    b: &Block<'_>,
    t: &str,
    issues: &mut Issues,
    out: &mut Writer,
) -> Flow {
    let Some((opener, sections)) = b.sections.split_first() else {
        return Flow::Normal;
    };
    let subject = r.operand(opener.markup, opener.at, issues).owned();
    let mut matched = false;
    for s in sections {
        let runs = if s.name == "else" {
            !matched
        } else {
            condition::when_matches(&subject, s.markup, |m| r.operand(m, s.at, issues))
        };
        if !runs {
            continue;
        }
        matched |= s.name != "else";
        let flow = r.nodes(&s.body, t, issues, out);
        if flow != Flow::Normal {
            return flow;
        }
    }
    Flow::Normal
}

/// `for`: its first section is the loop's body, an `else` section what an empty list renders.
pub fn for_(
    r: &mut Renderer<'_>,
    b: &Block<'_>,
    t: &str,
    issues: &mut Issues,
    out: &mut Writer,
) -> Flow {
    let Some(opener) = b.sections.first() else {
        return Flow::Normal;
    };
    let otherwise = b
        .sections
        .iter()
        .rev()
        .find(|s| s.name == "else")
        .map_or(&[][..], |s| &s.body[..]);
    r.for_loop(
        opener.markup,
        opener.at,
        &opener.body,
        otherwise,
        t,
        issues,
        out,
    )
}

/// `capture name`: the body's text, into the page-wide scope.
pub fn capture(
    r: &mut Renderer<'_>,
    b: &Block<'_>,
    t: &str,
    issues: &mut Issues,
    _: &mut Writer,
) -> Flow {
    let Some(opener) = b.sections.first() else {
        return Flow::Normal;
    };
    let mut captured = Writer::with_capacity(0);
    let flow = r.nodes(&opener.body, t, issues, &mut captured);
    let name = ruby::strip(opener.markup).trim_matches(|c| c == '"' || c == '\'');
    r.locals
        .insert(name.to_owned(), Value::String(captured.text));
    flow
}

/// Jekyll's `highlight lang`: the body rendered, then written as rouge's wrappers.
pub fn highlight(
    r: &mut Renderer<'_>,
    b: &Block<'_>,
    t: &str,
    issues: &mut Issues,
    out: &mut Writer,
) -> Flow {
    let Some(opener) = b.sections.first() else {
        return Flow::Normal;
    };
    let mut code = Writer::with_capacity(0);
    let flow = r.nodes(&opener.body, t, issues, &mut code);
    let markup = opener.markup;
    let html = match highlight::parse(markup) {
        Some(m) => highlight::render(&m, &code.text),
        None => {
            issues.report(Code::TagSyntax, opener.at, format!("`{{% highlight {} %}}` needs a language made of letters, digits and `.+#_-` (then options such as `linenos`): Jekyll stops the build (Syntax Error in tag 'highlight'); the preview shows the code as plain text", ruby::strip(markup)));
            let plain = highlight::Markup {
                lang: "plaintext",
                linenos: false,
            };
            highlight::render(&plain, &code.text)
        }
    };
    r.write(&html, opener.at, out);
    flow
}

/// `{% assign name = expression | filters %}`.
pub fn assign(
    r: &mut Renderer<'_>,
    call: &TagCall<'_>,
    issues: &mut Issues,
    _: &mut Writer,
) -> Flow {
    let Some(eq) = call.markup.find('=') else {
        issues.report(
            Code::TagSyntax,
            call.at,
            "`assign` needs `name = value`: Jekyll stops the build (Syntax Error in 'assign')",
        );
        return Flow::Normal;
    };
    let name = ruby::strip(&call.markup[..eq]);
    let value = r.value(&call.markup[eq + 1..], call.at + eq + 1, issues);
    r.locals.insert(name.to_owned(), value);
    Flow::Normal
}

/// `{% echo expression | filters %}`: what `{{ }}` would print.
pub fn echo(
    r: &mut Renderer<'_>,
    call: &TagCall<'_>,
    issues: &mut Issues,
    out: &mut Writer,
) -> Flow {
    let value = r.value(call.markup, call.at, issues);
    let mut s = String::new();
    ruby::print(&value, &mut s);
    r.write(&s, call.at, out);
    Flow::Normal
}

/// A tag the preview does not run, in a layout (a body shows it as written): a plugin's tag the
/// `Host` knows (`seo`, `feed_meta`), else nothing, with a warning.
pub fn not_run(
    r: &mut Renderer<'_>,
    call: &TagCall<'_>,
    issues: &mut Issues,
    out: &mut Writer,
) -> Flow {
    let scope = super::layout::TagScope {
        site: r.site,
        page: r.page,
        locals: &r.locals,
        url_memo: r.url_memo,
    };
    match r.host.plugin_tag(call.name, &scope) {
        Some(s) => r.write(&s, call.at, out),
        None => issues.report(
            Code::UnknownTag,
            call.at,
            format!("the preview does not run `{{% {} %}}` in layouts: it renders nothing here (Jekyll runs it if a plugin defines it)", call.name),
        ),
    }
    Flow::Normal
}

/// A block the preview knows but does not run (`tablerow`, `ifchanged`): its tags shown as
/// written and its body rendered once in a post body; nothing in a layout; with a warning.
pub fn not_run_block(
    r: &mut Renderer<'_>,
    b: &Block<'_>,
    t: &str,
    issues: &mut Issues,
    out: &mut Writer,
) -> Flow {
    let Some(opener) = b.sections.first() else {
        return Flow::Normal;
    };
    if r.body.is_none() {
        issues.report(
            Code::UnsupportedTag,
            opener.at,
            format!("the preview does not run `{{% {} %}}` in layouts: it renders nothing here (Jekyll runs it)", opener.name),
        );
        return Flow::Normal;
    }
    let mut flow = Flow::Normal;
    for (i, s) in b.sections.iter().enumerate() {
        if i == 0 {
            r.shown_as_written(s.name, s.markup, s.at..s.end, t, issues, out);
        } else {
            r.as_written(s.at..s.end, t, out);
        }
        if flow == Flow::Normal {
            flow = r.nodes(&s.body, t, issues, out);
        }
    }
    r.as_written(b.closer.clone(), t, out);
    flow
}

impl Renderer<'_> {
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
        let items = self.loop_items(&spec, at, issues);
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

    /// The items a `for` walks, in the order it walks them.
    fn loop_items(
        &mut self,
        spec: &condition::ForSpec<'_>,
        at: usize,
        issues: &mut Issues,
    ) -> Vec<Value> {
        let number = |s: &mut Self, text: Option<&str>, issues: &mut Issues| {
            text.map(|m| match s.operand(m, at, issues) {
                condition::Operand::Value(v) => match v.as_ref() {
                    Value::Int(i) => (*i).max(0) as usize,
                    Value::String(v) => v.trim().parse().unwrap_or(0),
                    _ => 0,
                },
                _ => 0,
            })
        };
        let offset = number(self, spec.offset, issues).unwrap_or(0);
        let limit = number(self, spec.limit, issues);
        let mut items = self.collection(spec.collection, at, offset, limit, issues);
        if spec.reversed {
            items.reverse();
        }
        items
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
}

/// Puts back a variable a loop or include shadowed.
pub(super) fn restore(locals: &mut Map, name: &str, saved: Option<Value>) {
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
