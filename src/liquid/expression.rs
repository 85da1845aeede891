//! One Liquid expression (`page.title`, `site.data["x"][0]`, `'text'`, `12`, `(1..3)`): reading
//! it and finding its value, after Liquid 4's `Expression.parse` and `VariableLookup`.
//!
//! Liquid reads an expression from its text with patterns, not a grammar, and the preview does
//! the same so that odd cases come out as in Jekyll:
//! - quoted text is a string, `-?\d+` an integer, `-?\d[\d.]+` a float, `(a..b)` a range, and
//!   `nil` `null` `true` `false` `empty` `blank` are literals;
//! - anything else is a variable: its pieces are `[…]` (up to the first `]`, so nested brackets
//!   do not nest, as in Liquid) and runs of `[\w-]+\??`; everything between is ignored.
//! - `.size`, `.first` and `.last` (not `["size"]`) also work as methods when there is no such
//!   key: the size of a string, list, map or integer, the first and last item of a list.
//!
//! A missing variable renders empty (Jekyll's default, `strict_variables: false`); the preview
//! also warns, because in a post it is nearly always a typo or a key Jekyll sets that the preview
//! cannot know.

use super::output::Issues;
use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::diagnostic::Code;
use crate::ruby;
use crate::value::Value;
use std::borrow::Cow;

/// Ranges inside ranges are the only way Liquid's expressions nest; past this depth the preview
/// gives up on the expression (Ruby would recurse until its stack ran out).
const MAX_DEPTH: usize = 8;

/// The text of an expression and where its bytes are in the template: one base offset when the
/// text is a slice of the template, or a table when it was put together from tokens.
#[derive(Clone, Debug)]
pub struct Piece<'s> {
    pub text: Cow<'s, str>,
    pub spans: Spans,
}

#[derive(Clone, Debug)]
pub enum Spans {
    At(usize),
    /// `(index in text, offset in template)` pairs, sorted.
    Table(Vec<(usize, usize)>),
}

impl Piece<'_> {
    /// The template offset of byte `i` of the text.
    pub fn offset(&self, i: usize) -> usize {
        match &self.spans {
            Spans::At(base) => base + i,
            Spans::Table(table) => {
                let k = table.partition_point(|&(at, _)| at <= i);
                match k.checked_sub(1).and_then(|k| table.get(k)) {
                    Some(&(at, offset)) => offset + (i - at),
                    None => table.first().map_or(0, |&(_, offset)| offset),
                }
            }
        }
    }
}

/// A read expression. Text borrows from the `Piece` it was read from.
#[derive(Debug, PartialEq)]
pub enum Expr<'p> {
    Nil,
    Bool(bool),
    Int(i64),
    /// An integer too big for i64: Ruby makes a Bignum, which prints as its digits.
    BigInt(&'p str),
    Float(f64),
    Str(&'p str),
    Range(Box<Expr<'p>>, Box<Expr<'p>>),
    Lookup(Lookup<'p>),
    /// Nested past `MAX_DEPTH`: renders nil with a warning.
    TooDeep(usize),
}

#[derive(Debug, PartialEq)]
pub struct Lookup<'p> {
    /// The variable's text, for messages.
    pub text: &'p str,
    /// Where the variable starts in the template.
    pub at: usize,
    pub name: Part<'p>,
    pub parts: Vec<Part<'p>>,
}

#[derive(Debug, PartialEq)]
pub enum Part<'p> {
    /// `name` or `.name`, with its index in the lookup's text.
    Name(&'p str, usize),
    /// `[expression]`, with its index in the lookup's text.
    Index(Box<Expr<'p>>, usize),
}

/// Reads `piece` as Liquid's `Expression.parse` does.
pub fn parse<'p>(piece: &'p Piece<'_>) -> Expr<'p> {
    parse_at(&piece.text, 0, piece, 0)
}

/// Reads `text`, which is `piece.text[base..]` up to some end.
fn parse_at<'p>(text: &'p str, base: usize, piece: &Piece<'_>, depth: usize) -> Expr<'p> {
    if depth > MAX_DEPTH {
        return Expr::TooDeep(piece.offset(base));
    }
    let lead = text.len() - ruby::lstrip(text).len();
    let m = ruby::strip(text);
    let base = base + lead;
    let b = m.as_bytes();
    if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
        if (first == b'"' && last == b'"') || (first == b'\'' && last == b'\'') {
            return Expr::Str(m.get(1..m.len().saturating_sub(1).max(1)).unwrap_or(""));
        }
    }
    if is_integer(b) {
        return m.parse().map_or(Expr::BigInt(m), Expr::Int);
    }
    if let Some((start, end)) = range_bounds(m) {
        let first = parse_at(&m[start.clone()], base + start.start, piece, depth + 1);
        let second = parse_at(&m[end.clone()], base + end.start, piece, depth + 1);
        return Expr::Range(Box::new(first), Box::new(second));
    }
    if is_float(b) {
        return Expr::Float(ruby::leading_float(m));
    }
    match m {
        "" | "nil" | "null" => Expr::Nil,
        "true" => Expr::Bool(true),
        "false" => Expr::Bool(false),
        "empty" | "blank" => Expr::Str(""),
        _ => Expr::Lookup(lookup(m, base, piece, depth)),
    }
}

/// `\A-?\d+\z`
fn is_integer(b: &[u8]) -> bool {
    let digits = b.strip_prefix(b"-").unwrap_or(b);
    !digits.is_empty() && digits.iter().all(u8::is_ascii_digit)
}

/// `\A-?\d[\d.]+\z`
fn is_float(b: &[u8]) -> bool {
    let rest = b.strip_prefix(b"-").unwrap_or(b);
    rest.len() >= 2
        && rest[0].is_ascii_digit()
        && rest[1..].iter().all(|&c| c.is_ascii_digit() || c == b'.')
}

/// Liquid's range pattern `\A\(\s*(?>(\S+)\s*\.\.)\s*(\S+)\s*\)\z`: the byte ranges of the two
/// ends in `m`, if it is a range.
fn range_bounds(m: &str) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let b = m.as_bytes();
    if b.len() < 2 || b[0] != b'(' || b[b.len() - 1] != b')' {
        return None;
    }
    let inner_end = b.len() - 1;
    let mut s = 1;
    while s < inner_end && is_ruby_space(b[s]) {
        s += 1;
    }
    // The first run of non-space: `(\S+)` is greedy, so the last `..` that works wins, and the
    // atomic group never reconsiders it.
    let run_end = (s..inner_end)
        .find(|&i| is_ruby_space(b[i]))
        .unwrap_or(inner_end);
    let mut split = None;
    let mut p = run_end;
    while p > s {
        let mut q = p;
        if p == run_end {
            while q < inner_end && is_ruby_space(b[q]) {
                q += 1;
            }
        }
        if b[q..inner_end].starts_with(b"..") {
            split = Some((p, q + 2));
            break;
        }
        p -= 1;
    }
    let (first_end, mut t) = split?;
    while t < inner_end && is_ruby_space(b[t]) {
        t += 1;
    }
    let second_end = (t..inner_end)
        .find(|&i| is_ruby_space(b[i]))
        .unwrap_or(inner_end);
    if second_end == t || !b[second_end..inner_end].iter().all(|&c| is_ruby_space(c)) {
        return None;
    }
    if !m.is_char_boundary(first_end) || !m.is_char_boundary(t) || !m.is_char_boundary(second_end) {
        return None;
    }
    Some((s..first_end, t..second_end))
}

/// Liquid's `VariableLookup`: scans `m` for `\[[^\]]+\]` and `[\w-]+\??` pieces.
fn lookup<'p>(m: &'p str, base: usize, piece: &Piece<'_>, depth: usize) -> Lookup<'p> {
    let b = m.as_bytes();
    let mut pieces: Vec<Part<'p>> = Vec::new();
    let mut i = 0;
    // The next `]` at or after a point: remembered so that many `[` without `]` stay linear.
    let mut close: Option<Option<usize>> = None;
    while i < b.len() {
        if b[i] == b'[' {
            let next_close = match close {
                Some(Some(c)) if c > i => Some(c),
                Some(None) => None,
                _ => {
                    let found = b[i + 1..]
                        .iter()
                        .position(|&c| c == b']')
                        .map(|n| i + 1 + n);
                    close = Some(found);
                    found
                }
            };
            if let Some(c) = next_close.filter(|&c| c > i + 1) {
                let inner = parse_at(&m[i + 1..c], base + i + 1, piece, depth + 1);
                pieces.push(Part::Index(Box::new(inner), i));
                i = c + 1;
                continue;
            }
            i += 1;
        } else if is_ruby_word(b[i]) || b[i] == b'-' {
            let start = i;
            while i < b.len() && (is_ruby_word(b[i]) || b[i] == b'-') {
                i += 1;
            }
            if b.get(i) == Some(&b'?') {
                i += 1;
            }
            pieces.push(Part::Name(&m[start..i], start));
        } else {
            i += 1;
        }
    }
    let mut pieces = pieces.into_iter();
    let name = pieces.next().unwrap_or(Part::Name("", 0));
    Lookup {
        text: m,
        at: piece.offset(base),
        name,
        parts: pieces.collect(),
    }
}

/// What an expression can see.
pub struct Env<'v> {
    pub site: &'v Value,
    pub page: &'v Value,
    /// Names set by tags the preview does not run (`increment`, `tablerow`), with the tag.
    pub assigned: &'v [(String, &'static str)],
    /// The front matter could not be read, so `page.*` says that rather than "unknown".
    pub page_unreadable: bool,
    /// Variables a layout or include set (`assign`, `capture`, `for`, `include`, `content`):
    /// looked up before `site` and `page`, as Liquid's scopes come before its environment.
    pub locals: Option<&'v crate::value::Map>,
    /// Results of `relative_url`/`absolute_url` already computed by the site build, by
    /// `"<filter>:<input>"` (Jekyll memoizes them for the whole build: `site.filter_cache`).
    pub url_memo: Option<&'v super::url_memo::UrlMemo>,
}

/// Keys of `page` that Jekyll sets for a post, beyond its front matter.
const PAGE_KEYS_FROM_JEKYLL: [&str; 20] = [
    "url",
    "id",
    "content",
    "excerpt",
    "path",
    "relative_path",
    "collection",
    "categories",
    "tags",
    "next",
    "previous",
    "output",
    "draft",
    "slug",
    "ext",
    "name",
    "dir",
    "date",
    "title",
    "layout",
];

/// Keys of `site` that Jekyll sets while it builds, beyond `_config.yml`.
const SITE_KEYS_FROM_JEKYLL: [&str; 12] = [
    "time",
    "pages",
    "posts",
    "related_posts",
    "static_files",
    "html_pages",
    "html_files",
    "collections",
    "data",
    "documents",
    "categories",
    "tags",
];

/// Top-level variables Jekyll sets while it renders.
const GLOBALS_FROM_JEKYLL: [&str; 6] = [
    "content",
    "layout",
    "paginator",
    "jekyll",
    "highlighter_prefix",
    "highlighter_suffix",
];

/// Finds the value of `expr`. Missing variables are nil and, unless `quiet`, a warning.
pub fn eval<'v>(
    expr: &Expr<'_>,
    env: &Env<'v>,
    issues: &mut Issues,
    quiet: bool,
) -> Cow<'v, Value> {
    match expr {
        Expr::Nil => Cow::Owned(Value::Null),
        Expr::Bool(b) => Cow::Owned(Value::Bool(*b)),
        Expr::Int(i) => Cow::Owned(Value::Int(*i)),
        Expr::BigInt(digits) => Cow::Owned(Value::String((*digits).to_owned())),
        Expr::Float(f) => Cow::Owned(Value::Float(*f)),
        Expr::Str(s) => Cow::Owned(Value::String((*s).to_owned())),
        Expr::Range(first, last) => {
            let first = ruby::to_i(&eval(first, env, issues, quiet));
            let last = ruby::to_i(&eval(last, env, issues, quiet));
            Cow::Owned(Value::String(format!("{first}..{last}")))
        }
        Expr::Lookup(lookup) => eval_lookup(lookup, env, issues, quiet),
        Expr::TooDeep(at) => {
            issues.report(
                Code::TooDeep,
                *at,
                format!("ranges nested more than {MAX_DEPTH} deep: the preview renders this empty (Liquid would run out of stack); simplify the expression"),
            );
            Cow::Owned(Value::Null)
        }
    }
}

/// A key of a lookup, evaluated.
enum Key<'k, 'v> {
    Name(&'k str),
    Value(Cow<'v, Value>),
}

fn eval_lookup<'v>(
    lookup: &Lookup<'_>,
    env: &Env<'v>,
    issues: &mut Issues,
    quiet: bool,
) -> Cow<'v, Value> {
    let name = match &lookup.name {
        Part::Name(name, _) => Key::Name(name),
        Part::Index(expr, _) => Key::Value(eval(expr, env, issues, quiet)),
    };
    let name_str = match &name {
        Key::Name(name) => Some(*name),
        Key::Value(v) => v.as_str(),
    };
    let local = env.locals.zip(name_str).and_then(|(l, n)| l.get(n));
    let mut current: Cow<'v, Value> = match name_str {
        _ if local.is_some() => Cow::Borrowed(local.unwrap_or(&Value::Null)),
        Some("site") => Cow::Borrowed(env.site),
        Some("page") => Cow::Borrowed(env.page),
        _ => {
            if !quiet {
                let key_is_nil = matches!(&name, Key::Value(v) if matches!(**v, Value::Null));
                if !key_is_nil {
                    unknown_top_level(lookup, name_str.unwrap_or(""), env, issues);
                }
            }
            return Cow::Owned(Value::Null);
        }
    };
    for (n, part) in lookup.parts.iter().enumerate() {
        let (key, command, at) = match part {
            Part::Name(s, at) => (Key::Name(s), matches!(*s, "size" | "first" | "last"), *at),
            Part::Index(expr, at) => (Key::Value(eval(expr, env, issues, quiet)), false, *at),
        };
        let next = match &current {
            Cow::Borrowed(v) => step(v, &key, command),
            Cow::Owned(v) => step(v, &key, command).map(|c| Cow::Owned(c.into_owned())),
        };
        match next {
            Some(v) => current = v,
            None => {
                let key_is_nil = matches!(&key, Key::Value(v) if matches!(**v, Value::Null));
                if !quiet && !key_is_nil {
                    missing_key(lookup, n, at, &key, &current, env, issues);
                }
                return Cow::Owned(Value::Null);
            }
        }
    }
    current
}

/// One step of a lookup, as Liquid's `VariableLookup#evaluate` takes it: a key of a map, an
/// integer index of a list, else (for `.size`, `.first`, `.last`) the method.
fn step<'v>(object: &'v Value, key: &Key<'_, '_>, command: bool) -> Option<Cow<'v, Value>> {
    let key_str = match key {
        Key::Name(s) => Some(*s),
        Key::Value(v) => v.as_str(),
    };
    match (object, key) {
        (Value::Map(map), _) => {
            if let Some(v) = key_str.and_then(|k| map.get(k)) {
                return Some(Cow::Borrowed(v));
            }
        }
        (Value::List(items), Key::Value(v)) => {
            if let Value::Int(i) = **v {
                let len = items.len() as i64;
                let index = if i < 0 { i + len } else { i };
                // A list answers any integer: out of range is nil, not a missing key.
                return Some(
                    match usize::try_from(index).ok().and_then(|i| items.get(i)) {
                        Some(item) => Cow::Borrowed(item),
                        None => Cow::Owned(Value::Null),
                    },
                );
            }
        }
        _ => {}
    }
    if !command {
        return None;
    }
    match (object, key_str) {
        (Value::Map(map), Some("size")) => Some(Cow::Owned(Value::Int(map.len() as i64))),
        // Ruby's Hash#first is the first [key, value] pair; a Hash has no #last.
        (Value::Map(map), Some("first")) => Some(Cow::Owned(
            map.iter().next().map_or(Value::Null, |(k, v)| {
                Value::List(vec![Value::from(k), v.clone()])
            }),
        )),
        (Value::List(items), Some("size")) => Some(Cow::Owned(Value::Int(items.len() as i64))),
        (Value::List(items), Some("first")) => {
            Some(items.first().map_or(Cow::Owned(Value::Null), Cow::Borrowed))
        }
        (Value::List(items), Some("last")) => {
            Some(items.last().map_or(Cow::Owned(Value::Null), Cow::Borrowed))
        }
        (Value::String(s), Some("size")) => Some(Cow::Owned(Value::Int(s.chars().count() as i64))),
        // Ruby's Integer#size is its size in bytes.
        (Value::Int(_), Some("size")) => Some(Cow::Owned(Value::Int(8))),
        _ => None,
    }
}

fn unknown_top_level(lookup: &Lookup<'_>, name: &str, env: &Env<'_>, issues: &mut Issues) {
    if !issues.has_room() {
        issues.count_dropped(lookup.at);
        return;
    }
    let full = lookup.text;
    let (code, message) = if let Some((_, tag)) = env.assigned.iter().find(|(n, _)| n == name) {
        (Code::JekyllVariable, format!("`{full}` is set by a `{{% {tag} %}}` tag, which the preview does not run: it renders empty here"))
    } else if GLOBALS_FROM_JEKYLL.contains(&name) {
        (Code::JekyllVariable, format!("`{full}` is set by Jekyll while it builds the site; the preview does not have it, so it renders empty here"))
    } else {
        (Code::UnknownVariable, format!(
            "unknown variable `{full}`: it renders empty (Jekyll does the same); a post reaches its front matter as `page.…` and the site settings as `site.…`"
        ))
    };
    issues.report(code, lookup.at, message);
}

fn missing_key(
    lookup: &Lookup<'_>,
    n: usize,
    at: usize,
    key: &Key<'_, '_>,
    object: &Value,
    env: &Env<'_>,
    issues: &mut Issues,
) {
    if !issues.has_room() {
        issues.count_dropped(lookup.at);
        return;
    }
    let full = lookup.text;
    let prefix = full
        .get(..at)
        .unwrap_or(full)
        .trim_end_matches(|c: char| c == '.' || ruby::is_space(c));
    let key_text = match key {
        Key::Name(s) => (*s).to_owned(),
        Key::Value(v) => {
            let mut s = String::new();
            ruby::to_s(v, &mut s);
            s
        }
    };
    let top = n == 0;
    let is_page = top && std::ptr::eq(object, env.page);
    let is_site = top && std::ptr::eq(object, env.site);
    let (code, message) = if is_page && env.page_unreadable {
        (Code::UnreadableFrontMatter, format!("`{full}` renders empty because the front matter could not be read: fix its error first"))
    } else if is_page && PAGE_KEYS_FROM_JEKYLL.contains(&key_text.as_str()) {
        (Code::JekyllVariable, format!("`page.{key_text}` is set by Jekyll when it builds the site; the preview only knows the front matter, so `{full}` renders empty here"))
    } else if is_page {
        (Code::UnknownVariable, format!("unknown variable `{full}`: the front matter has no `{key_text}`, so it renders empty; define it in the front matter or check its spelling"))
    } else if is_site && SITE_KEYS_FROM_JEKYLL.contains(&key_text.as_str()) {
        (Code::JekyllVariable, format!("`site.{key_text}` is set by Jekyll when it builds the site; the preview does not have it, so `{full}` renders empty here"))
    } else if is_site {
        (Code::UnknownVariable, format!("unknown variable `{full}`: the preview's site settings have no `{key_text}`, so it renders empty; check its spelling (Jekyll reads it from _config.yml)"))
    } else {
        (Code::NoSuchKey, match object {
            Value::Null => format!("`{full}` is empty because `{prefix}` is nil"),
            Value::Map(_) => format!("`{full}` is empty: `{prefix}` has no key `{key_text}`; check its spelling"),
            Value::List(items) => format!(
                "`{full}` is empty: `{prefix}` is a list of {} item{}; use an index such as `[0]`, or `.first`, `.last`, `.size`",
                items.len(),
                if items.len() == 1 { "" } else { "s" }
            ),
            Value::String(_) => format!("`{full}` is empty: `{prefix}` is a string, which has only `.size`"),
            Value::Int(_) => format!("`{full}` is empty: `{prefix}` is a number, which has no `{key_text}`"),
            Value::Float(_) => format!("`{full}` is empty: `{prefix}` is a number, which has no `{key_text}`"),
            Value::Bool(_) => format!("`{full}` is empty: `{prefix}` is true or false, which has no `{key_text}`"),
        })
    };
    issues.report(code, lookup.at, message);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Map;

    fn piece(s: &str) -> Piece<'_> {
        Piece {
            text: Cow::Borrowed(s),
            spans: Spans::At(100),
        }
    }

    fn map(pairs: &[(&str, Value)]) -> Value {
        Value::Map(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect::<Map>(),
        )
    }

    fn page() -> Value {
        map(&[
            ("title", Value::from("Title")),
            ("zh-Hans", Value::from("z")),
            (
                "list",
                Value::List(vec![Value::Int(1), Value::Int(2), Value::Int(3)]),
            ),
            ("h", map(&[("k", Value::from("v")), ("n", Value::Null)])),
            ("lang", Value::from("k")),
            ("n", Value::Int(7)),
            ("none", Value::Null),
        ])
    }

    fn site() -> Value {
        map(&[("baseurl_root", Value::from("/news"))])
    }

    /// Evaluates `src` against the test page and site: the printed value and the issues.
    fn run(src: &str) -> (String, Vec<crate::diagnostic::Issue>) {
        let (site, page) = (site(), page());
        let assigned = [("x".into(), "assign")];
        let env = Env {
            site: &site,
            page: &page,
            assigned: &assigned,
            page_unreadable: false,
            locals: None,
            url_memo: None,
        };
        let p = piece(src);
        let mut issues = Issues::default();
        let value = eval(&parse(&p), &env, &mut issues, false);
        let mut out = String::new();
        ruby::print(&value, &mut out);
        (out, issues.finish())
    }

    #[test]
    fn literals_should_read_as_liquid_reads_them() {
        assert_eq!(
            parse(&piece(" 'a b' ")),
            Expr::Str("a b"),
            "a quoted string should be its inside"
        );
        assert_eq!(
            parse(&piece("\"x\"")),
            Expr::Str("x"),
            "double quotes should work too"
        );
        assert_eq!(
            parse(&piece("-12")),
            Expr::Int(-12),
            "an integer should be read"
        );
        assert_eq!(
            parse(&piece("1.2.3")),
            Expr::Float(1.2),
            "`1.2.3` should be 1.2, as Ruby's to_f reads it"
        );
        assert_eq!(parse(&piece("nil")), Expr::Nil, "nil should be nil");
        assert_eq!(parse(&piece("null")), Expr::Nil, "null should be nil");
        assert_eq!(
            parse(&piece("true")),
            Expr::Bool(true),
            "true should be true"
        );
        assert_eq!(
            parse(&piece("empty")),
            Expr::Str(""),
            "empty should be the empty string"
        );
        assert_eq!(
            parse(&piece("123456789012345678901234")),
            Expr::BigInt("123456789012345678901234"),
            "a huge integer should keep its digits"
        );
    }

    #[test]
    fn variables_should_find_their_values() {
        assert_eq!(
            run("site.baseurl_root").0,
            "/news",
            "a site key should be found"
        );
        assert_eq!(
            run("page.title").0,
            "Title",
            "a front matter key should be found"
        );
        assert_eq!(
            run("page[\"zh-Hans\"]").0,
            "z",
            "a bracketed key should be found"
        );
        assert_eq!(
            run("page.zh-Hans").0,
            "z",
            "a dashed key should be found with a dot too"
        );
        assert_eq!(run("page.list[0]").0, "1", "an index should be found");
        assert_eq!(
            run("page.list[-1]").0,
            "3",
            "a negative index should count from the end"
        );
        assert_eq!(run("page.h[page.lang]").0, "v", "a key can be a variable");
        assert_eq!(
            run("[\"page\"].title").0,
            "Title",
            "a bracketed name should be looked up"
        );
    }

    #[test]
    fn size_first_and_last_should_work_as_in_liquid() {
        // ruby oracle: {{ page.l.first }}|{{ page.l.last }}|{{ page.l.size }}|{{ page.t.size }}|{{ page.h.size }}|{{ page.i.size }}|{{ page.h.first }}
        assert_eq!(
            run("page.list.first").0,
            "1",
            "first should be the first item"
        );
        assert_eq!(run("page.list.last").0, "3", "last should be the last item");
        assert_eq!(run("page.list.size").0, "3", "size should count items");
        assert_eq!(
            run("page.title.size").0,
            "5",
            "size of a string should count characters"
        );
        assert_eq!(run("page.h.size").0, "2", "size of a map should count keys");
        assert_eq!(
            run("page.n.size").0,
            "8",
            "size of an integer is its byte size in Ruby"
        );
        assert_eq!(
            run("page.h.first").0,
            "kv",
            "first of a map is its first pair"
        );
        assert_eq!(
            run("page.list[\"size\"]").0,
            "",
            "a bracketed size should be a key, not the method"
        );
    }

    #[test]
    fn nested_brackets_should_read_as_liquid_reads_them() {
        // Liquid takes `[` up to the first `]`, so `page.h[page.h[page.lang]]` is not nested:
        // ruby oracle {{ page.a[page.b[page.c]] }} gives "".
        let (out, _) = run("page.h[page.h[page.lang]]");
        assert_eq!(out, "", "nested brackets should render empty as in Liquid");
    }

    #[test]
    fn unknown_variable_should_render_empty_and_warn_at_the_variable() {
        let (out, issues) = run("page.foo");
        assert_eq!(out, "", "a missing key should render empty");
        assert_eq!(issues.len(), 1, "a missing key should give one warning");
        assert_eq!(
            issues[0].offset, 100,
            "the warning should point at the variable"
        );
        assert_eq!(
            issues[0].code,
            Code::UnknownVariable,
            "a missing front matter key should be an unknown variable"
        );
        assert!(
            issues[0].message.contains("`page.foo`"),
            "the warning should name the variable: {}",
            issues[0].message
        );
        assert!(
            issues[0].message.contains("front matter"),
            "the warning should say where to define it"
        );
    }

    #[test]
    fn unknown_top_level_name_should_warn_and_name_it() {
        let (out, issues) = run("foo.bar");
        assert_eq!(out, "", "an unknown name should render empty");
        assert_eq!(
            issues[0].code,
            Code::UnknownVariable,
            "an unknown name should be an unknown variable"
        );
        assert!(
            issues[0].message.contains("`foo.bar`"),
            "the warning should name it: {}",
            issues[0].message
        );
        let (_, issues) = run("x");
        assert_eq!(
            issues[0].code,
            Code::JekyllVariable,
            "a name set by a tag the preview does not run should not be unknown"
        );
        assert!(
            issues[0].message.contains("assign"),
            "a name set by assign should name the tag: {}",
            issues[0].message
        );
        let (_, issues) = run("content");
        assert_eq!(
            issues[0].code,
            Code::JekyllVariable,
            "a Jekyll global should be one Jekyll sets"
        );
    }

    #[test]
    fn keys_jekyll_sets_should_be_explained() {
        for (variable, code) in [
            ("page.url", Code::JekyllVariable),
            ("site.posts", Code::JekyllVariable),
            ("site.nope", Code::UnknownVariable),
        ] {
            let (_, issues) = run(variable);
            assert_eq!(
                issues.iter().map(|i| i.code).collect::<Vec<_>>(),
                [code],
                "`{variable}` should be reported as {code}"
            );
        }
    }

    #[test]
    fn a_nil_value_should_render_empty_without_warning() {
        let (out, issues) = run("page.none");
        assert_eq!(
            (out.as_str(), issues.len()),
            ("", 0),
            "a key set to nil is defined: no warning"
        );
        let (_, issues) = run("page.list[7]");
        assert!(
            issues.is_empty(),
            "an index out of range is nil in Liquid, not a typo"
        );
    }

    #[test]
    fn deeper_misses_should_say_what_the_value_is() {
        let (_, issues) = run("page.h.x");
        assert_eq!(
            issues[0].code,
            Code::NoSuchKey,
            "a key a map lacks should be a missing key"
        );
        assert!(
            issues[0].message.contains("`page.h` has no key `x`"),
            "the warning should say what the value lacks: {}",
            issues[0].message
        );
        let (_, issues) = run("page.none.x");
        assert!(
            issues[0].message.contains("`page.none` is nil"),
            "the warning should say the value is nil: {}",
            issues[0].message
        );
        let (_, issues) = run("page.title.first");
        assert!(
            issues[0].message.contains("is a string"),
            "the warning should say the value is a string: {}",
            issues[0].message
        );
    }

    #[test]
    fn ranges_should_print_as_ruby_prints_them() {
        // ruby oracle: {{ (1..3) }}|{{ (page.i..9) }}|{{ ("a"..2) }}|{{ ( 1 .. 3 ) }} gives 1..3|7..9|0..2|1..3
        assert_eq!(run("(1..3)").0, "1..3");
        assert_eq!(run("(page.n..9)").0, "7..9");
        assert_eq!(run("(\"a\"..2)").0, "0..2");
        assert_eq!(run("( 1 .. 3 )").0, "1..3");
    }

    #[test]
    fn deeply_nested_ranges_should_stop_with_a_warning() {
        let src = "(".repeat(50) + "1" + &"..2)".repeat(50);
        let (out, issues) = run(&src);
        assert!(
            out.ends_with("..2"),
            "the outer range should still print: {out}"
        );
        assert!(
            issues.iter().any(|i| i.code == Code::TooDeep),
            "the depth cap should warn"
        );
    }

    #[test]
    fn many_brackets_without_a_close_should_stay_linear() {
        for n in [1_000, 16_000] {
            let src = format!("page{}", "[".repeat(n));
            assert!(
                run(&src).0.starts_with('{'),
                "`page[[[…` should read as `page`, printed as a map"
            );
        }
    }

    #[test]
    fn offsets_should_follow_a_table_of_spans() {
        let p = Piece {
            text: Cow::Borrowed("page.x"),
            spans: Spans::Table(vec![(0, 10), (4, 20), (5, 30)]),
        };
        assert_eq!(p.offset(0), 10, "the first token should map to its place");
        assert_eq!(p.offset(5), 30, "a later token should map to its own place");
        assert_eq!(
            p.offset(2),
            12,
            "a byte inside a token should shift within it"
        );
    }
}
