//! Reads the markup of `{{ expression | filter: arg, key: arg | filter }}` into an expression and
//! its filters, as Liquid 4 does under Jekyll's default `error_mode: warn`: first strictly (a
//! small grammar over the `lexer` tokens); if that fails, Jekyll prints a "Liquid Warning" and
//! Liquid reads the markup again leniently with its old patterns (`lax_parse`), which take the
//! first quoted fragment as the value and whatever word follows each `|` as a filter. The preview
//! does both, so broken markup renders what Jekyll renders, plus a clear warning.
//!
//! Nothing here recurses on the input: brackets and parentheses are tracked with an explicit
//! stack, capped at `MAX_NESTING` levels.

use super::expression::{Piece, Spans};
use super::lexer::{self, Tok, Token};
use crate::ctype::{is_ruby_space, is_ruby_word};
use std::borrow::Cow;

/// Deeper brackets than this are refused with a warning (Ruby's recursive parser would run out
/// of stack long before a real post got here).
pub const MAX_NESTING: usize = 100;

/// A `{{ }}` read into its parts. Texts borrow from the template where they can.
#[derive(Debug)]
pub struct Variable<'s> {
    /// None for empty markup.
    pub name: Option<Piece<'s>>,
    pub filters: Vec<Filter<'s>>,
}

#[derive(Debug)]
pub struct Filter<'s> {
    pub name: &'s str,
    /// Where the filter's name is in the template.
    pub at: usize,
    pub args: Vec<Piece<'s>>,
    /// `name: value` arguments; Liquid passes them to the filter as one trailing hash.
    pub keywords: Vec<(&'s str, Piece<'s>)>,
}

/// Why the strict reading failed, and where.
#[derive(Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Template offset of the offending token or character.
    pub at: usize,
    pub reason: String,
}

/// Reads `markup`, which starts at `base` in the template. The error, if any, is what Jekyll
/// warns about before it falls back to the lenient reading that is returned.
pub fn parse(markup: &str, base: usize) -> (Variable<'_>, Option<SyntaxError>) {
    match strict(markup, base) {
        Ok(v) => (v, None),
        Err(e) => (lax(markup, base), Some(e)),
    }
}

// ---- strict ----

fn strict(markup: &str, base: usize) -> Result<Variable<'_>, SyntaxError> {
    let toks = lexer::tokenize(markup).map_err(|u| SyntaxError {
        at: base + u.at,
        reason: format!("the character `{}` cannot appear here", u.ch),
    })?;
    let err = |t: &Token, reason: String| SyntaxError {
        at: base + t.start,
        reason,
    };
    let found = |t: &Token| {
        if t.kind == Tok::End {
            "the end".to_owned()
        } else {
            format!("`{}`", &markup[t.start..t.end])
        }
    };
    // Liquid 5 accepts empty markup; `{{ }}` renders nothing.
    if toks[0].kind == Tok::End {
        return Ok(Variable {
            name: None,
            filters: Vec::new(),
        });
    }
    let end = expression(&toks, 0, markup, base)?;
    let name = Some(piece(&toks[..end], markup, base));
    let mut p = end;
    let mut filters = Vec::new();
    while toks[p].kind == Tok::Pipe {
        let name_tok = toks[p + 1];
        if name_tok.kind != Tok::Id {
            return Err(err(
                &name_tok,
                format!(
                    "a filter name should follow `|`, but there is {}",
                    found(&name_tok)
                ),
            ));
        }
        let (filter, next) = filter(&toks, p + 1, markup, base)?;
        filters.push(filter);
        p = next;
    }
    let last = toks[p];
    if last.kind != Tok::End {
        return Err(err(
            &last,
            format!(
                "{} should not follow the expression here; a filter needs `|` before it",
                found(&last)
            ),
        ));
    }
    Ok(Variable { name, filters })
}

/// Reads the filter whose name is `toks[p]` and its arguments (`: arg, key: arg`); gives it and
/// where it ends.
fn filter<'s>(
    toks: &[Token],
    mut p: usize,
    markup: &'s str,
    base: usize,
) -> Result<(Filter<'s>, usize), SyntaxError> {
    let text = |t: &Token| &markup[t.start..t.end];
    let mut filter = Filter {
        name: text(&toks[p]),
        at: base + toks[p].start,
        args: Vec::new(),
        keywords: Vec::new(),
    };
    p += 1;
    if toks[p].kind != Tok::Colon {
        return Ok((filter, p));
    }
    p += 1;
    loop {
        let keyword = (toks[p].kind == Tok::Id
            && toks.get(p + 1).map(|t| t.kind) == Some(Tok::Colon))
        .then(|| {
            p += 2;
            text(&toks[p - 2])
        });
        let end = expression(toks, p, markup, base)?;
        let arg = piece(&toks[p..end], markup, base);
        match keyword {
            Some(k) => filter.keywords.push((k, arg)),
            None => filter.args.push(arg),
        }
        p = end;
        if toks[p].kind != Tok::Comma {
            return Ok((filter, p));
        }
        p += 1;
    }
}

/// What an open bracket or parenthesis is waiting for.
#[derive(Clone, Copy)]
enum Open {
    /// `[` that starts an expression or follows one; after its inner expression comes `]`.
    Square,
    /// `(`, waiting for `..` after its first expression.
    RangeFirst,
    /// `( … ..`, waiting for `)` after its second expression.
    RangeSecond,
}

/// Reads one expression from `toks[p..]` with Liquid's strict grammar and returns where it ends:
///
/// ```text
/// expression := id lookups | "[" expression "]" lookups | string | number
///             | "(" expression ".." expression ")"
/// lookups    := ( "[" expression "]" | "." id )*
/// ```
fn expression(toks: &[Token], p: usize, markup: &str, base: usize) -> Result<usize, SyntaxError> {
    let mut r = ExprReader {
        toks,
        markup,
        base,
        p,
        stack: Vec::new(),
    };
    loop {
        let Some(mut lookups) = r.value_start()? else {
            continue; // a bracket opened: its expression starts next
        };
        // The value is complete; close what it completes.
        loop {
            if lookups && r.lookups()? {
                break; // an index `[` opened: read its expression
            }
            let Some(open) = r.stack.pop() else {
                return Ok(r.p);
            };
            match r.close(open)? {
                Some(more_lookups) => lookups = more_lookups,
                None => break, // a range's `..`: read its end
            }
        }
    }
}

/// The state of `expression`: where it is, and the brackets still open (a stack, not
/// recursion, so deep nesting cannot overflow).
struct ExprReader<'a> {
    toks: &'a [Token],
    markup: &'a str,
    base: usize,
    p: usize,
    stack: Vec<Open>,
}

impl ExprReader<'_> {
    fn found(&self, t: &Token) -> String {
        if t.kind == Tok::End {
            "the end".to_owned()
        } else {
            format!("`{}`", &self.markup[t.start..t.end])
        }
    }

    fn err(&self, t: &Token, reason: String) -> SyntaxError {
        SyntaxError {
            at: self.base + t.start,
            reason,
        }
    }

    /// Opens a bracket at the current token, within `MAX_NESTING`.
    fn open(&mut self, open: Open) -> Result<(), SyntaxError> {
        if self.stack.len() >= MAX_NESTING {
            let t = self.toks[self.p];
            return Err(self.err(&t, format!("brackets are nested more than {MAX_NESTING} deep; the preview stops reading here")));
        }
        self.stack.push(open);
        self.p += 1;
        Ok(())
    }

    /// The start of a value: `Some(lookups may follow)` once it is read, `None` if a bracket
    /// opened instead.
    fn value_start(&mut self) -> Result<Option<bool>, SyntaxError> {
        let t = self.toks[self.p];
        match t.kind {
            Tok::Id => {
                self.p += 1;
                Ok(Some(true))
            }
            Tok::String | Tok::Number => {
                self.p += 1;
                Ok(Some(false))
            }
            Tok::OpenSquare => self.open(Open::Square).map(|_| None),
            Tok::OpenRound => self.open(Open::RangeFirst).map(|_| None),
            _ => Err(self.err(
                &t,
                format!("a value (a variable, a quoted string or a number) should come here, but there is {}", self.found(&t)),
            )),
        }
    }

    /// `.name` lookups; true if an index `[` follows (opened, its expression next).
    fn lookups(&mut self) -> Result<bool, SyntaxError> {
        while self.toks[self.p].kind == Tok::Dot {
            let name = self.toks[self.p + 1];
            if name.kind != Tok::Id {
                return Err(self.err(
                    &name,
                    format!(
                        "a name should follow `.`, but there is {}",
                        self.found(&name)
                    ),
                ));
            }
            self.p += 2;
        }
        if self.toks[self.p].kind != Tok::OpenSquare {
            return Ok(false);
        }
        self.open(Open::Square)?;
        Ok(true)
    }

    /// Closes `open` at the current token: `Some(lookups may follow)`, or `None` when a range's
    /// `..` leaves its second expression to read.
    fn close(&mut self, open: Open) -> Result<Option<bool>, SyntaxError> {
        let t = self.toks[self.p];
        let (wanted, what) = match open {
            Open::Square => (Tok::CloseSquare, "`]` should close the `[`"),
            Open::RangeFirst => (Tok::DotDot, "a range needs `..` here"),
            Open::RangeSecond => (Tok::CloseRound, "`)` should close the range"),
        };
        if t.kind != wanted {
            return Err(self.err(&t, format!("{what}, but there is {}", self.found(&t))));
        }
        self.p += 1;
        Ok(match open {
            Open::Square => Some(true),
            Open::RangeFirst => {
                self.stack.push(Open::RangeSecond);
                None
            }
            Open::RangeSecond => Some(false),
        })
    }
}

/// The text of `toks` as Liquid's strict parser hands it on: the tokens joined without the white
/// space between them. A slice of the template when nothing separates them.
fn piece<'s>(toks: &[Token], markup: &'s str, base: usize) -> Piece<'s> {
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return Piece {
            text: Cow::Borrowed(""),
            spans: Spans::At(base),
        };
    };
    if toks.windows(2).all(|w| w[0].end == w[1].start) {
        return Piece {
            text: Cow::Borrowed(&markup[first.start..last.end]),
            spans: Spans::At(base + first.start),
        };
    }
    let mut text = String::new();
    let mut table = Vec::with_capacity(toks.len());
    for t in toks {
        table.push((text.len(), base + t.start));
        text.push_str(&markup[t.start..t.end]);
    }
    Piece {
        text: Cow::Owned(text),
        spans: Spans::Table(table),
    }
}

// ---- lax ----

/// The next `"` and `'` at or after each byte, so that quoted-fragment matching never searches
/// twice (the lenient reading runs on whatever garbage a post holds).
struct Quotes {
    double: Vec<usize>,
    single: Vec<usize>,
}

impl Quotes {
    fn new(b: &[u8]) -> Self {
        let mut double = vec![usize::MAX; b.len() + 1];
        let mut single = vec![usize::MAX; b.len() + 1];
        for i in (0..b.len()).rev() {
            double[i] = if b[i] == b'"' { i } else { double[i + 1] };
            single[i] = if b[i] == b'\'' { i } else { single[i + 1] };
        }
        Quotes { double, single }
    }

    /// The closing quote for a quote `q` at `i`.
    fn close(&self, q: u8, i: usize) -> Option<usize> {
        let table = if q == b'"' {
            &self.double
        } else {
            &self.single
        };
        table.get(i + 1).copied().filter(|&c| c != usize::MAX)
    }
}

/// Liquid's `QuotedFragment` at `i`: `"[^"]*"|'[^']*'|(?:[^\s,|'"]|"[^"]*"|'[^']*')+`. The end of
/// the match, if it matches.
fn quoted_fragment(b: &[u8], i: usize, quotes: &Quotes) -> Option<usize> {
    let c = *b.get(i)?;
    if c == b'"' || c == b'\'' {
        if let Some(close) = quotes.close(c, i) {
            return Some(close + 1);
        }
    }
    let mut j = i;
    while j < b.len() {
        let c = b[j];
        if c == b'"' || c == b'\'' {
            match quotes.close(c, j) {
                Some(close) => j = close + 1,
                None => break,
            }
        } else if is_ruby_space(c) || c == b',' || c == b'|' {
            break;
        } else {
            j += 1;
        }
    }
    (j > i).then_some(j)
}

fn lax(markup: &str, base: usize) -> Variable<'_> {
    let b = markup.as_bytes();
    let quotes = Quotes::new(b);
    let borrowed = |range: std::ops::Range<usize>| Piece {
        text: Cow::Borrowed(&markup[range.clone()]),
        spans: Spans::At(base + range.start),
    };
    // The first quoted fragment anywhere is the value; the rest may hold filters.
    let Some((start, end)) =
        (0..b.len()).find_map(|i| quoted_fragment(b, i, &quotes).map(|e| (i, e)))
    else {
        return Variable {
            name: None,
            filters: Vec::new(),
        };
    };
    let name = Some(borrowed(start..end));
    let mut filters = Vec::new();
    let Some(pipe) = b[end..].iter().position(|&c| c == b'|').map(|n| end + n) else {
        return Variable { name, filters };
    };
    let mut i = pipe + 1;
    while i < b.len() && is_ruby_space(b[i]) {
        i += 1;
    }
    // `(?:\s+|QuotedFragment|,)+` pieces, one per filter; `|` and lone quotes separate them.
    while i < b.len() {
        let piece_start = i;
        loop {
            if i < b.len() && is_ruby_space(b[i]) {
                i += 1;
            } else if let Some(e) = quoted_fragment(b, i, &quotes) {
                i = e;
            } else if b.get(i) == Some(&b',') {
                i += 1;
            } else {
                break;
            }
        }
        if i == piece_start {
            i += 1;
            continue;
        }
        if let Some(filter) = lax_filter(markup, piece_start, i, base, &quotes) {
            filters.push(filter);
        }
    }
    Variable { name, filters }
}

/// One lenient filter from `markup[start..end]`: its name is the first word, its arguments what
/// follows each `:` or `,` (`(?:\:|,)\s*((?:\w+\s*\:\s*)?QuotedFragment)`).
fn lax_filter<'s>(
    markup: &'s str,
    start: usize,
    end: usize,
    base: usize,
    quotes: &Quotes,
) -> Option<Filter<'s>> {
    let b = &markup.as_bytes()[..end];
    let name_start = (start..end).find(|&i| is_ruby_word(b[i]))?;
    let name_end = (name_start..end)
        .find(|&i| !is_ruby_word(b[i]))
        .unwrap_or(end);
    let mut filter = Filter {
        name: &markup[name_start..name_end],
        at: base + name_start,
        args: Vec::new(),
        keywords: Vec::new(),
    };
    let skip_space = |mut i: usize| {
        while i < end && is_ruby_space(b[i]) {
            i += 1;
        }
        i
    };
    let mut j = start;
    while let Some(k) = (j..end).find(|&i| b[i] == b':' || b[i] == b',') {
        let t = skip_space(k + 1);
        let word_end = (t..end).find(|&i| !is_ruby_word(b[i])).unwrap_or(end);
        let mut matched = None;
        if word_end > t {
            let u = skip_space(word_end);
            if b.get(u) == Some(&b':') && u < end {
                let v = skip_space(u + 1);
                if let Some(e) = quoted_fragment(b, v, quotes).map(|e| e.min(end)) {
                    let value = Piece {
                        text: Cow::Borrowed(&markup[v..e]),
                        spans: Spans::At(base + v),
                    };
                    filter.keywords.push((&markup[t..word_end], value));
                    matched = Some(e);
                }
            }
        }
        if matched.is_none() {
            if let Some(e) = quoted_fragment(b, t, quotes).map(|e| e.min(end)) {
                filter.args.push(Piece {
                    text: Cow::Borrowed(&markup[t..e]),
                    spans: Spans::At(base + t),
                });
                matched = Some(e);
            }
        }
        j = matched.unwrap_or(k + 1);
    }
    Some(filter)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value's text and each filter as `name(args; keywords)`.
    fn shape(v: &Variable<'_>) -> (String, Vec<String>) {
        let name = v
            .name
            .as_ref()
            .map_or(String::from("-"), |p| p.text.to_string());
        let filters = v
            .filters
            .iter()
            .map(|f| {
                let args: Vec<_> = f.args.iter().map(|a| a.text.to_string()).collect();
                let kw: Vec<_> = f
                    .keywords
                    .iter()
                    .map(|(k, a)| format!("{k}={}", a.text))
                    .collect();
                format!("{}({};{})", f.name, args.join(","), kw.join(","))
            })
            .collect();
        (name, filters)
    }

    #[test]
    fn strict_markup_should_read_value_and_filters() {
        let (v, err) = parse(
            r#" page.title | append: "x", 'y' | default: "d", allow_false: true | upcase "#,
            0,
        );
        assert!(err.is_none(), "valid markup should read strictly: {err:?}");
        assert_eq!(
            shape(&v),
            (
                "page.title".into(),
                vec![
                    "append(\"x\",'y';)".into(),
                    "default(\"d\";allow_false=true)".into(),
                    "upcase(;)".into()
                ]
            ),
            "the value, filters and arguments should be read"
        );
    }

    #[test]
    fn strict_pieces_should_join_tokens_and_keep_their_offsets() {
        let markup = " page . t ";
        let (v, _) = parse(markup, 10);
        let name = v.name.expect("a value");
        assert_eq!(
            name.text, "page.t",
            "white space between tokens should be dropped, as Liquid does"
        );
        assert_eq!(name.offset(0), 11, "the piece should start where `page` is");
        assert_eq!(name.offset(5), 18, "`t` should map to its own place");
        let (v, _) = parse(" site.baseurl_root ", 3);
        let name = v.name.expect("a value");
        assert!(
            matches!(name.text, Cow::Borrowed(_)),
            "contiguous tokens should borrow the template"
        );
        assert_eq!(name.offset(0), 4, "the value should start after the space");
    }

    #[test]
    fn filter_offsets_should_point_at_the_filter_name() {
        let (v, _) = parse(" x | upcase ", 100);
        assert_eq!(
            v.filters[0].at, 105,
            "the filter's offset should be its name"
        );
    }

    #[test]
    fn empty_markup_should_have_no_value_and_no_error() {
        let (v, err) = parse("  ", 0);
        assert!(
            v.name.is_none() && v.filters.is_empty() && err.is_none(),
            "`{{ }}` should be empty and valid"
        );
    }

    #[test]
    fn broken_markup_should_fall_back_to_the_lenient_reading_as_liquid_does() {
        // ruby oracle (error_mode warn): {{ foo bar }} warns and renders foo; {{ "a" "b" }} gives a;
        // {{ page.t | }} gives page.t; {{ page.t | append: "x" "y" }} appends x.
        let cases = [
            (" foo bar ", ("foo", vec![])),
            (r#" "a" "b" "#, (r#""a""#, vec![])),
            (" page.t | ", ("page.t", vec![])),
            (
                r#" page.t | append: "x" "y" "#,
                ("page.t", vec![r#"append("x";)"#]),
            ),
            (" { page.t ", ("{", vec![])),
            (" 1.0e3 | a: b c, d ", ("1.0e3", vec!["a(b,d;)"])),
            (" !!! ", ("!!!", vec![])),
            (" x | f: k: 'v' | g ! ", ("x", vec!["f(;k='v')", "g(;)"])),
        ];
        for (markup, (name, filters)) in cases {
            let (v, err) = parse(markup, 0);
            assert!(err.is_some(), "`{markup}` should not read strictly");
            let want: Vec<String> = filters.iter().map(|s| s.to_string()).collect();
            assert_eq!(
                shape(&v),
                (name.to_string(), want),
                "`{markup}` should read leniently as Liquid does"
            );
        }
    }

    #[test]
    fn syntax_errors_should_point_at_the_offending_token() {
        let (_, err) = parse(" foo bar ", 10);
        assert_eq!(
            err.map(|e| e.at),
            Some(15),
            "the error should point at `bar`"
        );
        let (_, err) = parse(" a | ", 0);
        let err = err.expect("an error");
        assert!(
            err.reason.contains("filter name"),
            "a dangling `|` should ask for a filter name: {}",
            err.reason
        );
        let (_, err) = parse(" a[1 ", 0);
        assert!(
            err.expect("an error").reason.contains("`]`"),
            "an unclosed `[` should ask for `]`"
        );
        let (_, err) = parse(" a ! ", 0);
        assert_eq!(
            err.map(|e| e.at),
            Some(3),
            "an unknown character should be pointed at"
        );
    }

    #[test]
    fn brackets_ranges_and_keywords_should_parse_strictly() {
        for markup in [
            "a[b[c]]",
            "a[0].b['c'][d.e]",
            "(1..3)",
            "((1..2)..3)",
            "['page'].x",
            "x | f: a: 1, 2",
        ] {
            assert!(
                parse(markup, 0).1.is_none(),
                "`{markup}` should be valid strict Liquid"
            );
        }
    }

    #[test]
    fn deep_nesting_should_stop_at_the_cap_without_recursion() {
        let markup = "a[".repeat(MAX_NESTING + 10) + "b" + &"]".repeat(MAX_NESTING + 10);
        let (_, err) = parse(&markup, 0);
        assert!(
            err.expect("an error").reason.contains("nested"),
            "nesting past the cap should be refused"
        );
        let ok = "a[".repeat(MAX_NESTING - 1) + "b" + &"]".repeat(MAX_NESTING - 1);
        assert!(
            parse(&ok, 0).1.is_none(),
            "nesting under the cap should be fine"
        );
    }

    #[test]
    fn long_garbage_should_parse_in_linear_time() {
        for n in [1_000, 16_000] {
            let chained = "x".to_owned() + &" | upcase".repeat(n);
            assert_eq!(
                parse(&chained, 0).0.filters.len(),
                n,
                "every chained filter should be read"
            );
            let garbage = "x | a: \"".repeat(n) + &"'|,".repeat(n);
            let _ = parse(&garbage, 0);
        }
    }
}
