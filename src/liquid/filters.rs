//! The filters the preview applies, one function each, with the semantics of Liquid 4's
//! `StandardFilters` and Jekyll 4.3's `Jekyll::Filters` (which Ruby lies beneath: `to_s`,
//! `gsub`, `CGI.escape`). Checked against the installed Jekyll 4.3.1 / Liquid gem; the Ruby
//! one-liners are in the tests.
//!
//! As in Jekyll (`strict_filters: false`) an unknown filter passes its input through unchanged;
//! the preview warns, differently for a real filter it does not implement and for a name no
//! filter has. A wrong number of arguments or an argument Liquid cannot read raises an error in
//! Jekyll, which stops the build; the preview reports it and keeps the input unchanged.

use super::output::{Budget, Issues};
use crate::diagnostic::Code;
use crate::ruby;
use crate::ruby::addressable as url;
use crate::ruby::time as date;
use crate::value::Value;
use std::borrow::Cow;

/// Filters of Liquid 4/5 and Jekyll 4.3 that the preview does not implement: their input passes
/// through unchanged, as if the filter did not exist.
const NOT_IMPLEMENTED: [&str; 31] = [
    "url_decode",
    "base64_encode",
    "base64_decode",
    "base64_url_safe_encode",
    "base64_url_safe_decode",
    "sort",
    "sort_natural",
    "where",
    "map",
    "replace_last",
    "remove_last",
    "round",
    "ceil",
    "floor",
    "at_least",
    "at_most",
    "markdownify",
    "sassify",
    "scssify",
    "slugify",
    "uri_escape",
    "array_to_sentence_string",
    "where_exp",
    "find",
    "find_exp",
    "group_by",
    "group_by_exp",
    "sample",
    "inspect",
    "to_integer",
    "strip_index",
];

/// What a filter call needs besides its input.
pub struct Call<'a> {
    pub name: &'a str,
    /// Where the filter's name is in the template.
    pub at: usize,
    pub site: &'a Value,
    /// Earlier results of `relative_url`/`absolute_url`, by `"<filter>:<input>"`.
    pub url_memo: Option<&'a super::url_memo::UrlMemo>,
}

/// What a filter's function gets besides its input and arguments.
struct Ctx<'c, 'a> {
    call: &'c Call<'a>,
    issues: &'c mut Issues,
    budget: &'c mut Budget,
}

/// A filter: its input, its evaluated arguments, and the call.
type Run = for<'v> fn(&mut Ctx<'_, '_>, Cow<'v, Value>, &[Cow<'v, Value>]) -> Cow<'v, Value>;

/// Every filter the preview applies, once: name, how many arguments it takes (`min`, `max`, after
/// the input) and its function.
const FILTERS: &[(&str, usize, usize, Run)] = &[
    ("relative_url", 0, 0, url_filter),
    ("absolute_url", 0, 0, url_filter),
    ("date", 1, 1, date_filter),
    ("date_to_xmlschema", 0, 0, local_time_filter),
    ("date_to_rfc822", 0, 0, local_time_filter),
    ("default", 0, 2, |_, input, args| {
        default(input, arg(args, 0), arg(args, 1))
    }),
    ("escape", 0, 0, escape),
    ("h", 0, 0, escape),
    ("escape_once", 0, 0, |_, input, _| {
        text_out(escape_once(&text(&input)))
    }),
    ("date_to_string", 0, 2, date_to_string),
    ("date_to_long_string", 0, 2, date_to_string),
    ("truncate", 0, 2, |cx, input, args| {
        truncate(cx, input, args, false)
    }),
    ("truncatewords", 0, 2, |cx, input, args| {
        truncate(cx, input, args, true)
    }),
    ("jsonify", 0, 0, |cx, input, _| {
        if super::jsonify::holds_document(&input) {
            cx.issues.report(
                Code::UnsupportedFilter,
                cx.call.at,
                "`jsonify` of a post: Jekyll writes every key of its drop (`content`, `output`, …), \
                 the preview only those it has; write the keys you need one by one",
            );
        }
        text_out(super::jsonify::jsonify(&input))
    }),
    ("smartify", 0, 0, |_, input, _| {
        Cow::Owned(super::smartify::smartify(&input))
    }),
    ("xml_escape", 0, 0, |_, input, _| {
        text_out(xml_escape(&text(&input)))
    }),
    ("url_encode", 0, 0, |_, input, _| match *input {
        Value::Null => input,
        _ => text_out(cgi_escape(&text(&input))),
    }),
    ("cgi_escape", 0, 0, |_, input, _| {
        text_out(cgi_escape(&text(&input)))
    }),
    ("append", 1, 1, append_or_prepend),
    ("prepend", 1, 1, append_or_prepend),
    ("replace", 1, 2, replace),
    ("replace_first", 1, 2, replace),
    ("remove", 1, 1, replace),
    ("remove_first", 1, 1, replace),
    ("downcase", 0, 0, |_, input, _| {
        text_out(ruby::case::downcase(&text(&input)))
    }),
    ("upcase", 0, 0, |_, input, _| {
        text_out(ruby::case::upcase(&text(&input)))
    }),
    ("capitalize", 0, 0, |_, input, _| {
        text_out(capitalize(&text(&input)))
    }),
    ("strip", 0, 0, |_, input, _| {
        text_out(ruby::strip(&text(&input)).to_owned())
    }),
    ("lstrip", 0, 0, |_, input, _| {
        text_out(ruby::lstrip(&text(&input)).to_owned())
    }),
    ("rstrip", 0, 0, |_, input, _| {
        text_out(ruby::rstrip(&text(&input)).to_owned())
    }),
    ("strip_newlines", 0, 0, |_, input, _| {
        text_out(text(&input).replace("\r\n", "").replace('\n', ""))
    }),
    ("newline_to_br", 0, 0, |_, input, _| {
        text_out(text(&input).replace("\r\n", "\n").replace('\n', "<br />\n"))
    }),
    ("strip_html", 0, 0, |_, input, _| {
        text_out(strip_html(&text(&input)))
    }),
    ("normalize_whitespace", 0, 0, |_, input, _| {
        text_out(normalize_whitespace(&text(&input)))
    }),
    ("number_of_words", 0, 1, |_, input, _| {
        Cow::Owned(Value::Int(
            text(&input)
                .split(ruby::is_space)
                .filter(|w| !w.is_empty())
                .count() as i64,
        ))
    }),
    ("size", 0, 0, |_, input, _| {
        Cow::Owned(Value::Int(size(&input)))
    }),
    ("first", 0, 0, |_, input, _| first_or_last(input, true)),
    ("last", 0, 0, |_, input, _| first_or_last(input, false)),
    ("join", 0, 1, join_filter),
    ("split", 1, 1, split),
    ("slice", 1, 2, |cx, input, args| {
        slice(cx.call, input, arg(args, 0), arg(args, 1), cx.issues)
    }),
    ("push", 1, 1, |_, input, args| {
        list_edit(input, |items| items.push(args[0].clone().into_owned()))
    }),
    ("unshift", 1, 1, |_, input, args| {
        list_edit(input, |items| items.insert(0, args[0].clone().into_owned()))
    }),
    ("pop", 0, 1, |_, input, _| {
        list_edit(input, |items| drop(items.pop()))
    }),
    ("shift", 0, 1, |_, input, _| {
        list_edit(input, |items| {
            drop((!items.is_empty()).then(|| items.remove(0)))
        })
    }),
    ("reverse", 0, 0, |_, input, _| {
        Cow::Owned(Value::List(items_of(input).into_iter().rev().collect()))
    }),
    ("compact", 0, 1, |_, input, _| {
        Cow::Owned(Value::List(
            items_of(input)
                .into_iter()
                .filter(|v| *v != Value::Null)
                .collect(),
        ))
    }),
    ("uniq", 0, 1, |_, input, _| {
        let mut out: Vec<Value> = Vec::new();
        for item in items_of(input) {
            if !out.contains(&item) {
                out.push(item);
            }
        }
        Cow::Owned(Value::List(out))
    }),
    ("concat", 1, 1, |cx, input, args| match &*args[0] {
        Value::List(more) => {
            let mut items = items_of(input);
            items.extend(more.iter().cloned());
            Cow::Owned(Value::List(items))
        }
        _ => {
            cx.issues.report(Code::FilterError, cx.call.at, "`concat` needs a list: Jekyll stops the build (Liquid error: concat filter requires an array argument); the preview leaves the value as it is");
            input
        }
    }),
    ("plus", 1, 1, arithmetic),
    ("minus", 1, 1, arithmetic),
    ("times", 1, 1, arithmetic),
    ("divided_by", 1, 1, arithmetic),
    ("modulo", 1, 1, arithmetic),
    ("abs", 0, 0, |_, input, _| {
        Cow::Owned(match number(&input) {
            Number::Int(i) => Value::Int(i.wrapping_abs()),
            Number::Float(f) => Value::Float(f.abs()),
        })
    }),
];

fn arg<'a>(args: &'a [Cow<'_, Value>], i: usize) -> Option<&'a Value> {
    args.get(i).map(|a| a.as_ref())
}

fn text(v: &Value) -> String {
    ruby::to_string(v)
}

fn text_out<'v>(s: String) -> Cow<'v, Value> {
    Cow::Owned(Value::String(s))
}

/// Applies one filter. `args` are its evaluated arguments, keyword arguments already gathered
/// into one trailing map as Liquid passes them.
pub fn apply<'v>(
    call: &Call<'_>,
    input: Cow<'v, Value>,
    args: &[Cow<'v, Value>],
    issues: &mut Issues,
    budget: &mut Budget,
) -> Cow<'v, Value> {
    let name = call.name;
    let Some(&(_, min, max, run)) = FILTERS.iter().find(|f| f.0 == name) else {
        if NOT_IMPLEMENTED.contains(&name) {
            issues.report(
                Code::UnsupportedFilter,
                call.at,
                format!("the preview does not apply the `{name}` filter (Jekyll does): the value is shown unfiltered"),
            );
        } else {
            issues.report(
                Code::UnknownFilter,
                call.at,
                format!("unknown filter `{name}`: Jekyll ignores it and passes the value through unchanged; check its spelling"),
            );
        }
        return input;
    };
    if args.len() < min || args.len() > max {
        issues.report(
            Code::FilterArity,
            call.at,
            arity_message(name, min, max, args.len()),
        );
        return input;
    }
    // Every filter reads its input once and makes at most a few times its size; charge that up
    // front, and the few that can grow faster check their own size.
    if !budget.take(size_of(&input)) {
        return stop(call, issues, input);
    }
    run(
        &mut Ctx {
            call,
            issues,
            budget,
        },
        input,
        args,
    )
}

fn url_filter<'v>(
    cx: &mut Ctx<'_, '_>,
    input: Cow<'v, Value>,
    _: &[Cow<'v, Value>],
) -> Cow<'v, Value> {
    let name = cx.call.name;
    let key = input.as_str().map(|s| format!("{name}:{s}"));
    let memo = cx.call.url_memo.zip(key.as_deref());
    if let Some(v) = memo.and_then(|(memo, key)| memo.get(key)) {
        return Cow::Owned(v);
    }
    let result = if name == "relative_url" {
        url::relative_url(&input, cx.call.site)
    } else {
        url::absolute_url(&input, cx.call.site)
    };
    match result {
        Ok(Some(s)) => {
            let out = Value::String(s);
            if let Some((memo, key)) = memo {
                memo.record(key.to_owned(), &out);
            }
            Cow::Owned(out)
        }
        Ok(None) => input,
        Err(e) => {
            cx.issues.report(
                Code::FilterError,
                cx.call.at,
                format!("`{name}` cannot read this URL ({}): Jekyll stops the build with this error; the preview shows it unchanged", e.message),
            );
            input
        }
    }
}

fn date_filter<'v>(
    cx: &mut Ctx<'_, '_>,
    input: Cow<'v, Value>,
    args: &[Cow<'v, Value>],
) -> Cow<'v, Value> {
    match date::filter(
        &input,
        arg(args, 0).unwrap_or(&Value::Null),
        cx.budget.left().min(64 << 10),
    ) {
        date::Outcome::Formatted(s) => text_out(s),
        date::Outcome::Unchanged => input,
        date::Outcome::Unread(why) => {
            cx.issues.report(Code::UnreadDate, cx.call.at, why);
            input
        }
    }
}

/// Jekyll's `date_to_xmlschema` and `date_to_rfc822`: the input read as `date` reads it, then
/// moved to the build machine's zone (`Time#localtime`; UTC, as on GitHub's builders) and
/// printed as Ruby's `Time#xmlschema` or `Time#rfc822` print a time that is not flagged UTC. An
/// empty input comes back unchanged; one Liquid cannot read as a time is Jekyll's
/// `InvalidDateError`, which stops the build.
fn local_time_filter<'v>(
    cx: &mut Ctx<'_, '_>,
    input: Cow<'v, Value>,
    _: &[Cow<'v, Value>],
) -> Cow<'v, Value> {
    if text(&input).is_empty() {
        return input;
    }
    let format = if cx.call.name == "date_to_xmlschema" {
        XMLSCHEMA
    } else {
        RFC822
    };
    match local_time(&input, format) {
        Ok(s) => text_out(s),
        Err((code, why)) => {
            cx.issues.report(code, cx.call.at, why);
            input
        }
    }
}

/// Jekyll's `date_to_string` (`%d %b %Y`) and `date_to_long_string` (`%d %B %Y`); with the
/// type `ordinal` the day as `7th`, and with the style `US` the month first (`Jul 7th, 2021`).
fn date_to_string<'v>(
    cx: &mut Ctx<'_, '_>,
    input: Cow<'v, Value>,
    args: &[Cow<'v, Value>],
) -> Cow<'v, Value> {
    if text(&input).is_empty() {
        return input;
    }
    let month = if cx.call.name == "date_to_long_string" {
        "%B"
    } else {
        "%b"
    };
    let ordinal = arg(args, 0).is_some_and(|t| text(t) == "ordinal");
    let us = arg(args, 1).is_some_and(|t| text(t) == "US");
    let format = if ordinal {
        let day = match local_time(&input, "%d") {
            Ok(d) => d.trim_start_matches('0').to_owned(),
            Err(_) => String::new(),
        };
        let n: u32 = day.parse().unwrap_or(0);
        let suffix = match (n % 100, n % 10) {
            (11..=13, _) => "th",
            (_, 1) => "st",
            (_, 2) => "nd",
            (_, 3) => "rd",
            _ => "th",
        };
        if us {
            format!("{month} {day}{suffix}, %Y")
        } else {
            format!("{day}{suffix} {month} %Y")
        }
    } else {
        format!("%d {month} %Y")
    };
    match local_time(&input, &format) {
        Ok(s) => text_out(s),
        Err((code, why)) => {
            cx.issues.report(code, cx.call.at, why);
            input
        }
    }
}

/// `Time#xmlschema` of a local time in UTC.
pub const XMLSCHEMA: &str = "%Y-%m-%dT%H:%M:%S%:z";
/// `Time#rfc822` of a local time in UTC.
pub const RFC822: &str = "%a, %d %b %Y %H:%M:%S %z";

/// The time `input` names (as the `date` filter reads it), in UTC, printed with `format`; or the
/// code and message of why not: Jekyll's `time` helper raises on what Liquid cannot read (which
/// stops the build); `now` and `today` it reads as the build's time, which the preview has not.
/// A time is moved to UTC through its seconds since 1970, which is what `localtime` keeps.
pub fn local_time(input: &Value, format: &str) -> Result<String, (Code, String)> {
    let unread = || {
        let s = text(input);
        (
            Code::FilterError,
            format!("`{s}` is no date Jekyll reads: it stops the build here (Invalid Date: '{s}' is not a valid datetime), and the preview shows it unchanged; write a date such as 2021-07-07 or 2021-07-07 10:00:00 +0900"),
        )
    };
    let secs = match date::filter(input, &Value::from("%s"), 64) {
        date::Outcome::Formatted(s) => s.parse::<i64>().map_err(|_| unread())?,
        date::Outcome::Unread(why) if is_now(input) => return Err((Code::UnreadDate, why)),
        _ => return Err(unread()),
    };
    match date::filter(&Value::Int(secs), &Value::from(format), 64) {
        date::Outcome::Formatted(s) => Ok(s),
        _ => Err(unread()),
    }
}

/// `now` or `today`, which Liquid reads as the time of the build.
fn is_now(input: &Value) -> bool {
    input
        .as_str()
        .is_some_and(|s| s.eq_ignore_ascii_case("now") || s.eq_ignore_ascii_case("today"))
}

/// Jekyll's `normalize_whitespace`: every run of Ruby's `\s` one space, then Ruby's `strip`.
pub fn normalize_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.chars() {
        if crate::ctype::is_ruby_space_char(c) {
            in_space = true;
            continue;
        }
        if in_space {
            out.push(' ');
            in_space = false;
        }
        out.push(c);
    }
    if in_space {
        out.push(' ');
    }
    ruby::strip(&out).to_owned()
}

fn escape<'v>(_: &mut Ctx<'_, '_>, input: Cow<'v, Value>, _: &[Cow<'v, Value>]) -> Cow<'v, Value> {
    match *input {
        Value::Null => input,
        _ => text_out(escape_html(&text(&input))),
    }
}

fn append_or_prepend<'v>(
    cx: &mut Ctx<'_, '_>,
    input: Cow<'v, Value>,
    args: &[Cow<'v, Value>],
) -> Cow<'v, Value> {
    let (a, b) = (text(&input), arg(args, 0).map(text).unwrap_or_default());
    if !cx.budget.take(a.len() + b.len()) {
        return stop(cx.call, cx.issues, input);
    }
    text_out(if cx.call.name == "append" {
        a + &b
    } else {
        b + &a
    })
}

fn replace<'v>(
    cx: &mut Ctx<'_, '_>,
    input: Cow<'v, Value>,
    args: &[Cow<'v, Value>],
) -> Cow<'v, Value> {
    let name = cx.call.name;
    let pattern = arg(args, 0).map(text).unwrap_or_default();
    let replacement = if name.starts_with("remove") {
        String::new()
    } else {
        arg(args, 1).map(text).unwrap_or_default()
    };
    match gsub(
        &text(&input),
        &pattern,
        &replacement,
        name.ends_with("_first"),
        cx.budget,
    ) {
        Some(s) => text_out(s),
        None => stop(cx.call, cx.issues, input),
    }
}

fn join_filter<'v>(
    cx: &mut Ctx<'_, '_>,
    input: Cow<'v, Value>,
    args: &[Cow<'v, Value>],
) -> Cow<'v, Value> {
    let glue = arg(args, 0).map_or_else(|| " ".to_owned(), text);
    match join(&input, &glue, cx.budget) {
        Some(s) => text_out(s),
        None => stop(cx.call, cx.issues, input),
    }
}

/// `split`: Ruby's `String#split` with a string pattern: `" "` splits at runs of white space
/// (leading ones ignored), `""` into characters; trailing empty pieces are dropped.
fn split<'v>(
    cx: &mut Ctx<'_, '_>,
    input: Cow<'v, Value>,
    args: &[Cow<'v, Value>],
) -> Cow<'v, Value> {
    let s = text(&input);
    let pattern = arg(args, 0).map(text).unwrap_or_default();
    let mut pieces: Vec<String> = if pattern == " " {
        s.split(ruby::is_space)
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    } else if pattern.is_empty() {
        s.chars().map(String::from).collect()
    } else {
        s.split(pattern.as_str()).map(str::to_owned).collect()
    };
    while pieces.last().is_some_and(String::is_empty) {
        pieces.pop();
    }
    if !cx.budget.take(pieces.len().saturating_mul(24)) {
        return stop(cx.call, cx.issues, input);
    }
    Cow::Owned(Value::List(pieces.into_iter().map(Value::String).collect()))
}

/// Jekyll's `push`/`pop`/`shift`/`unshift`: a changed copy of a list; anything else unchanged.
fn list_edit<'v>(input: Cow<'v, Value>, edit: impl FnOnce(&mut Vec<Value>)) -> Cow<'v, Value> {
    match input.into_owned() {
        Value::List(mut items) => {
            edit(&mut items);
            Cow::Owned(Value::List(items))
        }
        other => Cow::Owned(other),
    }
}

/// What Liquid's `InputIterator` walks: a list's items, nil as nothing, anything else as itself.
fn items_of(input: Cow<'_, Value>) -> Vec<Value> {
    match input.into_owned() {
        Value::List(items) => items,
        Value::Null => Vec::new(),
        other => vec![other],
    }
}

/// Liquid's `capitalize`: the first character upper case, the rest lower case.
fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => ruby::case::upper(first)
            .chain(chars.flat_map(ruby::case::lower))
            .collect(),
        None => String::new(),
    }
}

/// Liquid's `strip_html`: scripts, comments and styles removed whole, then every tag.
pub fn strip_html(s: &str) -> String {
    let mut out = s.to_owned();
    for (open, close) in [
        ("<script", "</script>"),
        ("<!--", "-->"),
        ("<style", "</style>"),
    ] {
        out = remove_between(&out, open, close);
    }
    remove_between(&out, "<", ">")
}

/// Removes every `open … close` (shortest match, across lines), as `gsub(/open.*?close/m, '')`.
fn remove_between(s: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(open) {
        match rest[i + open.len()..].find(close) {
            Some(j) => {
                out.push_str(&rest[..i]);
                rest = &rest[i + open.len() + j + close.len()..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// A number as Liquid's `Utils.to_number` reads a value.
enum Number {
    Int(i64),
    Float(f64),
}

fn number(v: &Value) -> Number {
    match v {
        Value::Int(i) => Number::Int(*i),
        Value::Float(f) => Number::Float(*f),
        other => {
            let s = ruby::strip(&text(other)).to_owned();
            let b = s.as_bytes();
            let digits = b.strip_prefix(b"-").unwrap_or(b);
            let is_decimal = digits.iter().filter(|&&c| c == b'.').count() == 1
                && digits.first().is_some_and(u8::is_ascii_digit)
                && digits.last().is_some_and(u8::is_ascii_digit)
                && digits.iter().all(|c| c.is_ascii_digit() || *c == b'.');
            if is_decimal {
                Number::Float(s.parse().unwrap_or(0.0))
            } else {
                Number::Int(ruby::integer(&s).unwrap_or_else(|| leading_int(&s)))
            }
        }
    }
}

/// Ruby's `to_i`: the leading integer, else 0.
fn leading_int(s: &str) -> i64 {
    let t = ruby::lstrip(s);
    let sign = usize::from(t.starts_with(['-', '+']));
    let end = sign + t[sign..].bytes().take_while(u8::is_ascii_digit).count();
    t[..end].parse().unwrap_or(0)
}

/// `plus`, `minus`, `times`, `divided_by`, `modulo`: integers stay integers (division and modulo
/// round toward negative infinity, as Ruby's), a float on either side makes a float.
fn arithmetic<'v>(
    cx: &mut Ctx<'_, '_>,
    input: Cow<'v, Value>,
    args: &[Cow<'v, Value>],
) -> Cow<'v, Value> {
    let name = cx.call.name;
    let (a, b) = (number(&input), number(&args[0]));
    let value = match (a, b) {
        (Number::Int(x), Number::Int(y)) => {
            if y == 0 && matches!(name, "divided_by" | "modulo") {
                cx.issues.report(Code::FilterError, cx.call.at, format!("`{name}` by zero: Jekyll stops the build (Liquid error: divided by 0); the preview leaves the value as it is"));
                return input;
            }
            Value::Int(match name {
                "plus" => x.wrapping_add(y),
                "minus" => x.wrapping_sub(y),
                "times" => x.wrapping_mul(y),
                "divided_by" => {
                    x.wrapping_div_euclid(y) - i64::from(y < 0 && x.wrapping_rem_euclid(y) != 0)
                }
                _ => {
                    x.wrapping_rem_euclid(y)
                        + if y < 0 && x.wrapping_rem_euclid(y) != 0 {
                            y
                        } else {
                            0
                        }
                }
            })
        }
        (a, b) => {
            let f = |n: Number| match n {
                Number::Int(i) => i as f64,
                Number::Float(f) => f,
            };
            let (x, y) = (f(a), f(b));
            Value::Float(match name {
                "plus" => x + y,
                "minus" => x - y,
                "times" => x * y,
                "divided_by" => x / y,
                _ => x - y * (x / y).floor(),
            })
        }
    };
    Cow::Owned(value)
}

/// Ruby's "wrong number of arguments (given N, expected M)", counting the input as Ruby does.
fn arity_message(name: &str, min: usize, max: usize, given: usize) -> String {
    let expected = if min == max {
        format!("{}", min + 1)
    } else {
        format!("{}..{}", min + 1, max + 1)
    };
    let wanted = match (min, max) {
        (0, 0) => "no arguments".to_owned(),
        (1, 1) => "1 argument".to_owned(),
        (a, b) if a == b => format!("{a} arguments"),
        (a, b) => format!("{a} to {b} arguments"),
    };
    format!(
        "`{name}` takes {wanted} but is given {given}: Jekyll stops the build with \"wrong number of arguments (given {}, expected {expected})\"; the preview leaves the value unfiltered",
        given + 1
    )
}

/// Stops a filter whose result would overdraw the budget.
fn stop<'v>(call: &Call<'_>, issues: &mut Issues, input: Cow<'v, Value>) -> Cow<'v, Value> {
    issues.report(
        Code::OutputBudget,
        call.at,
        format!("the `{}` filter here makes more text than the preview renders; it stops and shows the value unfiltered", call.name),
    );
    input
}

/// Roughly how many bytes a value holds, for the budget.
fn size_of(v: &Value) -> usize {
    match v {
        Value::String(s) => s.len(),
        Value::List(items) => items.iter().map(size_of).sum::<usize>() + items.len(),
        Value::Map(m) => m.iter().map(|(k, v)| k.len() + size_of(v)).sum::<usize>() + m.len(),
        _ => 8,
    }
}

/// `default`: the fallback for nil, false and empty strings, lists and maps; with
/// `allow_false: true` (Liquid 5), false is kept.
fn default<'v>(
    input: Cow<'v, Value>,
    fallback: Option<&Value>,
    options: Option<&Value>,
) -> Cow<'v, Value> {
    let allow_false = options
        .and_then(|o| o.get("allow_false"))
        .is_some_and(Value::is_truthy);
    let falsy = if allow_false {
        matches!(*input, Value::Null)
    } else {
        !input.is_truthy()
    };
    let empty = match &*input {
        Value::String(s) => s.is_empty(),
        Value::List(l) => l.is_empty(),
        Value::Map(m) => m.is_empty(),
        _ => false,
    };
    if falsy || empty {
        Cow::Owned(fallback.cloned().unwrap_or_else(|| Value::from("")))
    } else {
        input
    }
}

/// `CGI.escapeHTML`.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Liquid's `escape_once`: like `escape`, but an `&` that starts an entity (`&amp;`, `&#39;`)
/// is left alone.
pub fn escape_once(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for (i, c) in s.char_indices() {
        let rep = match c {
            '"' => "&quot;",
            '>' => "&gt;",
            '<' => "&lt;",
            '\'' => "&#39;",
            '&' => {
                // `&(?!([a-zA-Z]+|(#\d+));)`
                let rest = &b[i + 1..];
                let letters = rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
                let digits = if rest.first() == Some(&b'#') {
                    rest[1..].iter().take_while(|c| c.is_ascii_digit()).count()
                } else {
                    0
                };
                let entity = (letters > 0 && rest.get(letters) == Some(&b';'))
                    || (digits > 0 && rest.get(digits + 1) == Some(&b';'));
                if entity {
                    continue;
                }
                "&amp;"
            }
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + c.len_utf8();
    }
    out.push_str(&s[last..]);
    out
}

/// Jekyll's `xml_escape`: Ruby's XML attribute escaping without the surrounding quotes.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// `CGI.escape`: form encoding; letters, digits and `_.-~` stay, a space is `+`.
pub fn cgi_escape(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 15) as usize] as char);
            }
        }
    }
    out
}

/// One piece of a Ruby `gsub` replacement string.
enum Rep<'r> {
    Text(&'r str),
    Match,
    Before,
    After,
}

/// Reads Ruby's replacement escapes: `\0` and `\&` are the match, `` \` `` and `\'` the text
/// before and after it, `\\` a backslash, `\1`…`\9` a group (a plain string has none: empty);
/// any other backslash is itself.
fn replacement(rep: &str) -> Vec<Rep<'_>> {
    let mut out = Vec::new();
    let b = rep.as_bytes();
    let (mut i, mut last) = (0, 0);
    while i + 1 < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let piece = match b[i + 1] {
            b'0' | b'&' => Some(Rep::Match),
            b'`' => Some(Rep::Before),
            b'\'' => Some(Rep::After),
            b'\\' => Some(Rep::Text("\\")),
            b'1'..=b'9' => Some(Rep::Text("")),
            _ => None,
        };
        match piece {
            Some(p) => {
                if last < i {
                    out.push(Rep::Text(&rep[last..i]));
                }
                if !matches!(p, Rep::Text("")) {
                    out.push(p);
                }
                i += 2;
                last = i;
            }
            None => i += 1,
        }
    }
    if last < rep.len() {
        out.push(Rep::Text(&rep[last..]));
    }
    out
}

/// Calls `f` with the byte range of each match of `pattern` in `s`, as Ruby finds them: an empty
/// pattern matches before every character and at the end.
fn for_each_match(s: &str, pattern: &str, first_only: bool, mut f: impl FnMut(usize, usize)) {
    let limit = if first_only { 1 } else { usize::MAX };
    if pattern.is_empty() {
        let boundaries = s
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(s.len()));
        boundaries.take(limit).for_each(|i| f(i, i));
    } else {
        s.match_indices(pattern)
            .take(limit)
            .for_each(|(i, m)| f(i, i + m.len()));
    }
}

/// Ruby's `gsub`/`sub` with a plain-string pattern. The result's size is worked out before it is
/// built, so a replacement that would explode (`\'` on every character) is refused, not made.
fn gsub(
    s: &str,
    pattern: &str,
    rep: &str,
    first_only: bool,
    budget: &mut Budget,
) -> Option<String> {
    let pieces = replacement(rep);
    // Per match: the fixed text, plus the match, the text before and the text after as often as
    // the replacement names them.
    let (mut fixed, mut n_match, mut n_before, mut n_after) = (0usize, 0usize, 0usize, 0usize);
    for p in &pieces {
        match p {
            Rep::Text(t) => fixed += t.len(),
            Rep::Match => n_match += 1,
            Rep::Before => n_before += 1,
            Rep::After => n_after += 1,
        }
    }
    // Matches are found twice, to size the result and then to build it, rather than stored:
    // there can be millions.
    let (mut size, mut count) = (s.len(), 0usize);
    for_each_match(s, pattern, first_only, |start, end| {
        count += 1;
        size -= end - start;
        size = size
            .saturating_add(fixed)
            .saturating_add(n_match.saturating_mul(end - start))
            .saturating_add(n_before.saturating_mul(start))
            .saturating_add(n_after.saturating_mul(s.len() - end));
    });
    // Finding a match twice and visiting every piece of the replacement for it costs time even
    // when it adds no text: charge that too.
    if !budget.take(size.saturating_add(count.saturating_mul(pieces.len() + 4))) {
        return None;
    }
    let mut out = String::with_capacity(size);
    let mut last = 0;
    for_each_match(s, pattern, first_only, |start, end| {
        out.push_str(&s[last..start]);
        for p in &pieces {
            out.push_str(match p {
                Rep::Text(t) => t,
                Rep::Match => &s[start..end],
                Rep::Before => &s[..start],
                Rep::After => &s[end..],
            });
        }
        last = end;
    });
    out.push_str(&s[last..]);
    Some(out)
}

/// `size`: characters of a string, items of a list or map, 8 for an integer (Ruby's byte size),
/// 0 for anything else.
fn size(v: &Value) -> i64 {
    match v {
        Value::String(s) => s.chars().count() as i64,
        Value::List(l) => l.len() as i64,
        Value::Map(m) => m.len() as i64,
        Value::Int(_) => 8,
        _ => 0,
    }
}

/// `first`/`last`: of a list its item; of a map, `first` is its first `[key, value]` pair;
/// anything else (strings too) gives nil.
fn first_or_last(input: Cow<'_, Value>, first: bool) -> Cow<'_, Value> {
    match input {
        Cow::Borrowed(Value::List(items)) => {
            let item = if first { items.first() } else { items.last() };
            item.map_or(Cow::Owned(Value::Null), Cow::Borrowed)
        }
        Cow::Owned(Value::List(mut items)) => {
            let item = if first {
                items.drain(..).next()
            } else {
                items.pop()
            };
            Cow::Owned(item.unwrap_or(Value::Null))
        }
        input => Cow::Owned(match (&*input, first) {
            (Value::Map(m), true) => m.iter().next().map_or(Value::Null, |(k, v)| {
                Value::List(vec![Value::from(k), v.clone()])
            }),
            _ => Value::Null,
        }),
    }
}

/// `join`: a list's items flattened and printed with `glue` between; a map is one item; nil is
/// nothing; anything else is itself.
fn join(v: &Value, glue: &str, budget: &mut Budget) -> Option<String> {
    fn flatten<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
        match v {
            Value::List(items) if depth < 64 => {
                items.iter().for_each(|i| flatten(i, out, depth + 1))
            }
            other => out.push(other),
        }
    }
    let mut items = Vec::new();
    match v {
        Value::Null => return Some(String::new()),
        Value::List(_) => flatten(v, &mut items, 0),
        other => items.push(other),
    }
    if !budget.take(glue.len().saturating_mul(items.len())) {
        return None;
    }
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(glue);
        }
        ruby::to_s(item, &mut out);
    }
    Some(out)
}

/// Liquid's `Utils.to_integer`: an integer, or text Ruby's `Integer()` reads.
fn to_integer(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        other => ruby::integer(&ruby::to_string(other)),
    }
}

/// `truncate: length, ending` (50, `...`) and `truncatewords: words, ending` (15, `...`): nil
/// stays nil; a length that is not a whole number stops Jekyll's build ("invalid integer").
fn truncate<'v>(
    cx: &mut Ctx<'_, '_>,
    input: Cow<'v, Value>,
    args: &[Cow<'v, Value>],
    words: bool,
) -> Cow<'v, Value> {
    if matches!(*input, Value::Null) {
        return input;
    }
    let (name, default) = if words {
        ("truncatewords", 15)
    } else {
        ("truncate", 50)
    };
    let Some(n) = arg(args, 0).map_or(Some(default), to_integer) else {
        cx.issues.report(
            Code::FilterError,
            cx.call.at,
            format!("`{name}` needs a whole number (`| {name}: {default}`): Jekyll stops the build with \"invalid integer\"; the preview leaves the text uncut"),
        );
        return input;
    };
    let ending = arg(args, 1).map_or_else(|| "...".to_owned(), text);
    if !cx.budget.take(ending.len()) {
        return input;
    }
    let s = text(&input);
    let cut = if words {
        super::truncate::truncatewords(&s, n, &ending)
    } else {
        super::truncate::truncate(&s, n, &ending)
    };
    text_out(cut.unwrap_or(s))
}

/// `slice: offset, length`: Ruby's `slice(offset, length)` on a list's items or a string's
/// characters; a negative offset counts from the end; out of range is empty.
fn slice<'v>(
    call: &Call<'_>,
    input: Cow<'v, Value>,
    offset: Option<&Value>,
    length: Option<&Value>,
    issues: &mut Issues,
) -> Cow<'v, Value> {
    let offset = offset.and_then(to_integer);
    let length = match length {
        None | Some(Value::Null) => Some(1),
        Some(l) => to_integer(l),
    };
    let (Some(offset), Some(length)) = (offset, length) else {
        issues.report(
            Code::FilterError,
            call.at,
            "`slice` needs whole numbers (`| slice: 0, 3`): Jekyll stops the build with \"invalid integer\"; the preview leaves the value unsliced",
        );
        return input;
    };
    let range = |len: usize| -> Option<(usize, usize)> {
        let len = len as i64;
        let start = if offset < 0 {
            offset.checked_add(len)?
        } else {
            offset
        };
        if start < 0 || start > len || length < 0 {
            return None;
        }
        let end = start.saturating_add(length).min(len);
        Some((start as usize, end as usize))
    };
    if let Value::List(items) = &*input {
        return Cow::Owned(Value::List(
            range(items.len()).map_or_else(Vec::new, |(s, e)| items[s..e].to_vec()),
        ));
    }
    let s = ruby::to_string(&input);
    let chars = s.chars().count();
    let out = match range(chars) {
        Some((start, end)) => s.chars().skip(start).take(end - start).collect(),
        None => String::new(),
    };
    Cow::Owned(Value::String(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Map;

    fn site() -> Value {
        let m: Map = [
            ("baseurl".to_string(), Value::from("/blog")),
            ("url".to_string(), Value::from("https://example.com")),
        ]
        .into_iter()
        .collect();
        Value::Map(m)
    }

    /// Applies `name` with `args` to `input`: the printed result and the issues.
    fn run(name: &str, input: Value, args: &[Value]) -> (String, Vec<crate::diagnostic::Issue>) {
        let site = site();
        let call = Call {
            name,
            at: 42,
            site: &site,
            url_memo: None,
        };
        let mut issues = Issues::default();
        let mut budget = Budget::for_template(1000);
        let args: Vec<Cow<'_, Value>> = args.iter().map(|a| Cow::Owned(a.clone())).collect();
        let v = apply(&call, Cow::Owned(input), &args, &mut issues, &mut budget);
        let mut out = String::new();
        ruby::print(&v, &mut out);
        (out, issues.finish())
    }

    fn s(x: &str) -> Value {
        Value::from(x)
    }

    fn list() -> Value {
        Value::List(vec![Value::Int(1), Value::Int(2), Value::Int(3)])
    }

    fn out(name: &str, input: Value, args: &[Value]) -> String {
        let (o, issues) = run(name, input, args);
        assert!(
            issues.is_empty(),
            "`{name}` should not warn here: {issues:?}"
        );
        o
    }

    // Expected values: the "ruby oracle" of `liquid/tests.rs` (Jekyll 4.3.1 with a Jekyll::Site in
    // the registers, baseurl "/blog", url "https://example.com"), on the template quoted.

    #[test]
    fn url_filters_should_use_the_site_settings() {
        assert_eq!(out("relative_url", s("a b"), &[]), "/blog/a%20b");
        assert_eq!(
            out("absolute_url", s("/x"), &[]),
            "https://example.com/blog/x"
        );
        assert_eq!(
            out("relative_url", Value::Null, &[]),
            "",
            "nil should stay nil"
        );
        assert_eq!(
            out("relative_url", Value::Int(7), &[]),
            "/blog/7",
            "a number should be read as text"
        );
    }

    #[test]
    fn a_url_addressable_refuses_should_fail_with_the_input_unchanged() {
        // {{ "12:30" | relative_url }} raises Addressable::URI::InvalidURIError
        let (o, issues) = run("relative_url", s("12:30"), &[]);
        assert_eq!(o, "12:30", "the input should come out unchanged");
        assert_eq!(
            issues[0].code,
            Code::FilterError,
            "Jekyll's build would fail"
        );
        assert!(
            issues[0].message.contains("Invalid scheme"),
            "the message should carry Addressable's reason: {}",
            issues[0].message
        );
    }

    #[test]
    fn date_should_format_and_warn_when_it_cannot() {
        assert_eq!(
            out("date", s("2019-02-06"), &[s("%b %-d, %Y")]),
            "Feb 6, 2019"
        );
        let (o, issues) = run("date", s("now"), &[s("%Y")]);
        assert_eq!(o, "now", "now should stay unchanged without a clock");
        assert_eq!(issues.len(), 1, "now should warn");
    }

    #[test]
    fn default_should_replace_nil_false_and_empty() {
        // {{ page.z | default: "d" }}|{{ page.e | default: "d" }}|{{ page.b | default: "d" }}|{{ page.l | default: "d" }}|{{ 0 | default: "d" }} gives d|d|d|123|0
        assert_eq!(out("default", Value::Null, &[s("d")]), "d");
        assert_eq!(out("default", s(""), &[s("d")]), "d");
        assert_eq!(out("default", Value::Bool(false), &[s("d")]), "d");
        assert_eq!(out("default", list(), &[s("d")]), "123");
        assert_eq!(
            out("default", Value::List(vec![]), &[s("d")]),
            "d",
            "an empty list should be replaced"
        );
        assert_eq!(
            out("default", Value::Int(0), &[s("d")]),
            "0",
            "0 is not empty in Ruby"
        );
        assert_eq!(
            out("default", Value::Null, &[]),
            "",
            "no argument should default to empty"
        );
        let allow: Map = [("allow_false".to_string(), Value::Bool(true))]
            .into_iter()
            .collect();
        assert_eq!(
            out(
                "default",
                Value::Bool(false),
                &[s("a"), Value::Map(allow.clone())]
            ),
            "false",
            "allow_false should keep false"
        );
        assert_eq!(
            out("default", Value::Null, &[s("a"), Value::Map(allow)]),
            "a",
            "allow_false should still replace nil"
        );
    }

    #[test]
    fn escape_should_encode_html_and_keep_nil() {
        // {{ "<a href='x'>&amp;" | escape }} gives &lt;a href=&#39;x&#39;&gt;&amp;amp;
        assert_eq!(
            out("escape", s("<a href='x'>&amp;\""), &[]),
            "&lt;a href=&#39;x&#39;&gt;&amp;amp;&quot;"
        );
        assert_eq!(out("escape", Value::Int(7), &[]), "7");
        assert_eq!(
            out("escape", list(), &[]),
            "[1, 2, 3]",
            "a list should be escaped as Ruby prints it"
        );
        assert_eq!(
            out("escape_once", s("<a>&amp;&#39;&x &"), &[]),
            "&lt;a&gt;&amp;&#39;&amp;x &amp;"
        );
        assert_eq!(
            out("xml_escape", s("<a b='c'>&\""), &[]),
            "&lt;a b=&apos;c&apos;&gt;&amp;&quot;"
        );
    }

    #[test]
    fn url_encode_should_form_encode_like_cgi_escape() {
        // {{ "a b&c/ü~*'()!+é" | url_encode }} gives a+b%26c%2F%C3%BC~%2A%27%28%29%21%2B%C3%A9
        assert_eq!(
            out("url_encode", s("a b&c/ü~*'()!+é"), &[]),
            "a+b%26c%2F%C3%BC~%2A%27%28%29%21%2B%C3%A9"
        );
        assert_eq!(
            out("url_encode", Value::Null, &[]),
            "",
            "nil should stay nil"
        );
        assert_eq!(out("url_encode", Value::Int(5), &[]), "5");
        assert_eq!(out("cgi_escape", s("a b&c/ü"), &[]), "a+b%26c%2F%C3%BC");
    }

    #[test]
    fn append_and_prepend_should_join_text_as_ruby_prints_it() {
        // {{ page.t | append: "!" }}|{{ page.t | prepend: 1 }}|{{ page.l | append: "x" }}|{{ page.f | append: 1.0 }}
        assert_eq!(out("append", s("Title"), &[s("!")]), "Title!");
        assert_eq!(out("prepend", s("Title"), &[Value::Int(1)]), "1Title");
        assert_eq!(out("append", list(), &[s("x")]), "[1, 2, 3]x");
        assert_eq!(
            out("append", Value::Float(2.5), &[Value::Float(1.0)]),
            "2.51.0"
        );
        assert_eq!(out("append", Value::Null, &[Value::Null]), "");
    }

    #[test]
    fn replace_should_follow_ruby_gsub_including_backslash_escapes() {
        // Liquid strings have no escapes: "\0\\&" is five characters.
        // {{ "a.b.c" | replace: ".", "\0\\&" }}|{{ "aaa" | replace: "a" }}|{{ "aaa" | replace: "", "-" }}|{{ "x" | replace: "x", "\1" }} gives a.\&b.\&c||-a-a-a-|
        assert_eq!(
            out("replace", s("a.b.c"), &[s("."), s("\\0\\\\&")]),
            "a.\\&b.\\&c"
        );
        assert_eq!(
            out("replace", s("aaa"), &[s("a")]),
            "",
            "no replacement should remove"
        );
        assert_eq!(
            out("replace", s("aaa"), &[s(""), s("-")]),
            "-a-a-a-",
            "an empty pattern should match between characters"
        );
        assert_eq!(
            out("replace", s("x"), &[s("x"), s("\\1")]),
            "",
            "a missing group should be empty"
        );
        assert_eq!(
            out("replace", s("abc"), &[s("b"), s("\\`\\'")]),
            "aacc",
            "before and after should work"
        );
        assert_eq!(
            out("replace", s("a"), &[s("a"), s("\\")]),
            "\\",
            "a lone backslash should stay"
        );
        assert_eq!(
            out("replace_first", s("abab"), &[s("b"), s("\\0\\0")]),
            "abbab"
        );
        assert_eq!(out("remove", s("abab"), &[s("b")]), "aa");
        assert_eq!(out("remove_first", s("abab"), &[s("b")]), "aab");
        assert_eq!(
            out("replace", s("é-é"), &[s(""), s("|")]),
            "|é|-|é|",
            "empty matches should fall between characters, not bytes"
        );
    }

    #[test]
    fn case_filters_should_map_unicode_like_ruby() {
        // {{ "ΣΑΣ ß İ ǅ" | downcase }}|{{ "ß ﬁ ǆ straße" | upcase }} gives σασ ß i̇ ǆ|SS FI Ǆ STRASSE
        assert_eq!(
            out("downcase", s("ΣΑΣ ß İ ǅ"), &[]),
            "σασ ß i\u{307} ǆ",
            "no final-sigma rule, as in Ruby"
        );
        assert_eq!(out("upcase", s("ß ﬁ ǆ straße"), &[]), "SS FI Ǆ STRASSE");
        assert_eq!(out("upcase", Value::Null, &[]), "", "nil should be empty");
    }

    #[test]
    fn strip_should_remove_only_ascii_white_space() {
        assert_eq!(out("strip", s(" \t a b \n"), &[]), "a b");
        assert_eq!(
            out("strip", s("\u{3000}a\u{3000}"), &[]),
            "\u{3000}a\u{3000}",
            "an ideographic space should stay, as in Ruby"
        );
        assert_eq!(out("lstrip", s("  a  "), &[]), "a  ");
        assert_eq!(out("rstrip", s("  a  "), &[]), "  a");
        assert_eq!(out("strip_newlines", s("a\r\nb\nc"), &[]), "abc");
        assert_eq!(out("newline_to_br", s("a\r\nb"), &[]), "a<br />\nb");
    }

    #[test]
    fn size_should_count_like_ruby() {
        // {{ page.t | size }}|{{ page.l | size }}|{{ page.h | size }}|{{ page.i | size }}|{{ page.f | size }}|{{ page.z | size }}|{{ "ünï" | size }} gives 5|3|3|8|0|0|3
        assert_eq!(out("size", s("Title"), &[]), "5");
        assert_eq!(out("size", list(), &[]), "3");
        assert_eq!(out("size", Value::Int(7), &[]), "8");
        assert_eq!(out("size", Value::Float(2.5), &[]), "0");
        assert_eq!(out("size", Value::Null, &[]), "0");
        assert_eq!(out("size", s("ünï"), &[]), "3", "characters, not bytes");
    }

    #[test]
    fn slice_should_cut_like_ruby() {
        // {{ "hello" | slice: 1 }}|{{ "hello" | slice: 1, 3 }}|{{ "hello" | slice: -3, 2 }}|{{ "hello" | slice: 9 }}|{{ "hello" | slice: 5 }}|{{ page.l | slice: 1, 5 }}|{{ page.l | slice: -1 }}|{{ "hello" | slice: "2" }}|{{ "hello" | slice: 0, -1 }}
        // gives e|ell|ll|||23|3|l|
        let hello = || s("hello");
        assert_eq!(out("slice", hello(), &[Value::Int(1)]), "e");
        assert_eq!(
            out("slice", hello(), &[Value::Int(1), Value::Int(3)]),
            "ell"
        );
        assert_eq!(
            out("slice", hello(), &[Value::Int(-3), Value::Int(2)]),
            "ll"
        );
        assert_eq!(out("slice", hello(), &[Value::Int(9)]), "");
        assert_eq!(out("slice", hello(), &[Value::Int(5)]), "");
        assert_eq!(out("slice", list(), &[Value::Int(1), Value::Int(5)]), "23");
        assert_eq!(out("slice", list(), &[Value::Int(-1)]), "3");
        assert_eq!(
            out("slice", hello(), &[s("2")]),
            "l",
            "a numeric string should be read"
        );
        assert_eq!(
            out("slice", hello(), &[Value::Int(0), Value::Int(-1)]),
            "",
            "a negative length should be empty"
        );
        assert_eq!(
            out("slice", s("héllo wörld"), &[Value::Int(1), Value::Int(4)]),
            "éllo",
            "characters, not bytes"
        );
        assert_eq!(
            out("slice", s("abc"), &[s(" 1 "), Value::Null]),
            "b",
            "a nil length should be 1"
        );
    }

    #[test]
    fn slice_with_a_non_integer_should_fail_and_keep_the_input() {
        // {{ "hello" | slice: 1.5 }} raises "invalid integer"
        let (o, issues) = run("slice", s("hello"), &[Value::Float(1.5)]);
        assert_eq!(o, "hello", "the input should come out unsliced");
        assert_eq!(
            issues[0].code,
            Code::FilterError,
            "a non-integer should make slice fail"
        );
        assert_eq!(issues[0].offset, 42, "the issue should point at the filter");
    }

    #[test]
    fn first_last_and_join_should_work_like_liquid() {
        // {{ page.l | join }}|{{ page.l | join: ", " }}|{{ page.t | join: "-" }}|{{ page.z | join: "-" }} gives 1 2 3|1, 2, 3|Title|
        assert_eq!(out("join", list(), &[]), "1 2 3");
        assert_eq!(out("join", list(), &[s(", ")]), "1, 2, 3");
        assert_eq!(out("join", s("Title"), &[s("-")]), "Title");
        assert_eq!(out("join", Value::Null, &[s("-")]), "");
        assert_eq!(out("first", list(), &[]), "1");
        assert_eq!(out("last", list(), &[]), "3");
        assert_eq!(
            out("first", s("Title"), &[]),
            "",
            "a string has no first in Ruby"
        );
    }

    #[test]
    fn wrong_argument_counts_should_fail_and_leave_the_value() {
        // {{ "hello" | append }} raises "wrong number of arguments (given 1, expected 2)"
        let (o, issues) = run("append", s("hello"), &[]);
        assert_eq!(o, "hello");
        assert_eq!(
            issues[0].code,
            Code::FilterArity,
            "a missing argument should be a wrong count"
        );
        assert!(
            issues[0].message.contains("given 1, expected 2"),
            "the message should give the counts as Liquid does: {}",
            issues[0].message
        );
        let (_, issues) = run("upcase", s("hello"), &[s("a")]);
        assert_eq!(
            issues[0].code,
            Code::FilterArity,
            "an extra argument should be a wrong count"
        );
        let (_, issues) = run("slice", s("hello"), &[]);
        assert!(
            issues[0].message.contains("expected 2..3"),
            "the message should give the range of counts: {}",
            issues[0].message
        );
    }

    #[test]
    fn unknown_filters_should_pass_the_value_through_with_a_warning() {
        let (o, issues) = run("nosuch", s("hello"), &[s("a")]);
        assert_eq!(
            o, "hello",
            "an unknown filter should change nothing, as in Jekyll"
        );
        assert_eq!(
            issues[0].code,
            Code::UnknownFilter,
            "Jekyll does not fail on it: an unknown filter"
        );
        assert!(
            issues[0].message.contains("`nosuch`"),
            "the warning should name the filter: {}",
            issues[0].message
        );
        let (o, issues) = run("sort", s("hello"), &[]);
        assert_eq!(o, "hello", "an unimplemented filter should change nothing");
        assert_eq!(
            issues[0].code,
            Code::UnsupportedFilter,
            "a filter Jekyll has should be unsupported, not unknown"
        );
    }

    #[test]
    fn dates_should_be_written_as_jekyll_s_date_to_string_writes_them() {
        // {{ "2021-07-01 10:00:00 +0900" | date_to_string }}|… | date_to_long_string }}|
        // {{ "2021-07-02" | date_to_string: "ordinal" }}|{{ "2021-07-13" | date_to_long_string: "ordinal", "US" }}|{{ "2021-07-23" | date_to_string: "ordinal", "US" }}
        // gives 01 Jul 2021|01 July 2021|2nd Jul 2021|July 13th, 2021|Jul 23rd, 2021
        let d = |x: &str| s(x);
        assert_eq!(
            out("date_to_string", d("2021-07-01 10:00:00 +0900"), &[]),
            "01 Jul 2021",
            "the day should be padded, the month short"
        );
        assert_eq!(
            out("date_to_long_string", d("2021-07-01 10:00:00 +0900"), &[]),
            "01 July 2021",
            "the month should be long"
        );
        assert_eq!(
            out("date_to_string", d("2021-07-02"), &[s("ordinal")]),
            "2nd Jul 2021",
            "the day should be ordinal"
        );
        assert_eq!(
            out(
                "date_to_long_string",
                d("2021-07-13"),
                &[s("ordinal"), s("US")]
            ),
            "July 13th, 2021",
            "13 should be 13th, the month first in the US style"
        );
        assert_eq!(
            out("date_to_string", d("2021-07-23"), &[s("ordinal"), s("US")]),
            "Jul 23rd, 2021",
            "23 should be 23rd"
        );
    }

    #[test]
    fn an_exploding_replace_should_stop_instead_of_allocating() {
        let site = site();
        let call = Call {
            name: "replace",
            at: 0,
            site: &site,
            url_memo: None,
        };
        let mut issues = Issues::default();
        let mut budget = Budget::for_template(0);
        let big = Value::String("a".repeat(100_000));
        let args = [Cow::Owned(s("a")), Cow::Owned(s("\\'"))];
        let v = apply(&call, Cow::Owned(big), &args, &mut issues, &mut budget);
        assert_eq!(
            v.as_str().map(str::len),
            Some(100_000),
            "the value should come out unfiltered"
        );
        assert_eq!(
            issues.finish()[0].code,
            Code::OutputBudget,
            "the stop should be explained"
        );
    }
}
