//! JavaScript, as rouge 3.30's `Javascript` lexer (`lexers/javascript.rb`, tag `javascript`,
//! alias `js`). Its states: `root`; `expr_start` (where a `/` starts a regex and a `{` an
//! object), `regex`, `regex_group`, `regex_end`; `statement` (labels, `case`); `object`
//! (attribute names); `ternary`; `multiline_comment`; `dq` and `sq` strings; `template_string`
//! and `template_string_expr`. rouge's rule `(?<=\n)…` never matches in its scanner (which sees
//! nothing before the scan position) and is left out; its `\A` matches at every position.

use super::{html::Html, typescript};
use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Scan, States},
    token::Tok,
};
use crate::markdown::unicode::is_word;

/// A lexer that goes on from where its last piece left (rouge's `delegate`).
pub(super) type Delegate = Box<dyn FnMut(&str, &mut Emitter<'_>)>;

const KEYWORDS: &str =
    "as async await break case catch continue debugger default delete do else export finally \
    for from if import in instanceof new of return super switch this throw try typeof void \
    while yield";

const DECLARATIONS: &str = "class const constructor extends function get let set static var with";

const RESERVED: &str = "enum implements interface package private protected public";

const CONSTANTS: &str = "Infinity NaN false null true undefined";

const BUILTINS: &str =
    "Array ArrayBuffer Boolean DataView Date Error Float32Array Float64Array Function \
    Int16Array Int32Array Int8Array Map Math Number Object Packages Promise Proxy Reflect \
    RegExp Set String Symbol Uint16Array Uint16ClampedArray Uint32Array Uint32ClampedArray \
    Uint8Array Uint8ClampedArray WeakMap WeakSet decodeURI decodeURIComponent document \
    encodeURI encodeURIComponent eval global isFinite isNaN navigator netscape parseFloat \
    parseInt self sun window";

#[derive(Clone, Copy, PartialEq)]
pub(super) enum St {
    Root,
    ExprStart,
    Regex,
    RegexEnd,
    RegexGroup,
    Multiline,
    Dq,
    Sq,
    Statement,
    Object,
    Ternary,
    Template,
    TemplateExpr,
    /// JSX's states (`jsx.rs`).
    TagOpening,
    Element,
    ElementName,
    Interpol,
    InterpolInner,
}

pub(super) struct Js {
    pub(super) stack: States<St>,
    /// Whether this is rouge's `Typescript`, which extends the lexer (`typescript.rs`).
    ts: bool,
    /// With rouge's `JSX`, which extends the lexer (`jsx.rs`), the HTML lexer its elements'
    /// text goes to. Behind a closure made only by `lex_jsx`, so that a build whose JavaScript
    /// lexer never meets JSX (the body modules: `jsx` is a second-tier lexer) links no HTML lexer.
    pub(super) html: Option<Delegate>,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    Javascript::new().continue_lex(code, e);
}

/// The lexer as JavaScript, or with TypeScript's additions when `ts`.
pub(super) fn lex_as(code: &str, e: &mut Emitter<'_>, ts: bool) {
    let mut js = Js {
        stack: States::new(St::Root),
        ts,
        html: None,
    };
    run_states(code, e, |s, e| js.step(s, e));
}

/// rouge's `JSX` (`jsx.rs`): this lexer from an expression's start, with an HTML lexer for the
/// text of its elements.
pub(super) fn lex_jsx(code: &str, e: &mut Emitter<'_>) {
    let mut js = Js {
        stack: States::starting_in(St::Root, St::ExprStart),
        ts: false,
        html: Some({
            let mut html = Html::new();
            Box::new(move |code, e| html.continue_lex(code, e))
        }),
    };
    run_states(code, e, |s, e| js.step(s, e));
}

/// The lexer with its state stack, which lives on between the pieces another lexer hands it
/// (rouge's `delegate`: HTML gives it the contents of `<script>`).
pub(crate) struct Javascript(Js);

impl Javascript {
    pub(crate) fn new() -> Self {
        Javascript(Js {
            stack: States::new(St::Root),
            ts: false,
            html: None,
        })
    }

    /// Lexes `code` from the state the last piece left: rouge scans each piece on its own.
    pub(crate) fn continue_lex(&mut self, code: &str, e: &mut Emitter<'_>) {
        run_states(code, e, |s, e| self.0.step(s, e));
    }
}

/// `[\p{L}\p{Nl}$_][\p{Word}]*` at `pos + k`: its length, 0 if none.
pub(super) fn ident(s: &Scan<'_>, k: usize) -> usize {
    let rest = &s.src[s.pos + k..];
    match rest.chars().next() {
        Some(c) if c.is_alphabetic() || c == '$' || c == '_' => {
            let first = c.len_utf8();
            first
                + rest[first..]
                    .char_indices()
                    .find(|&(_, c)| !is_word(c))
                    .map_or(rest.len() - first, |(i, _)| i)
        }
        _ => 0,
    }
}

impl Js {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e),
            St::ExprStart => self.expr_start(s, e),
            St::Regex => self.regex(s, e),
            St::RegexEnd => {
                let n = s.run(0, |c| b"gimuy".contains(&c));
                e.tok(Tok::StrRegex, s.take(n));
                self.stack.pop();
                true
            }
            St::RegexGroup => self.regex_group(s, e),
            St::Multiline => self.multiline(s, e),
            St::Dq | St::Sq => self.quoted(s, e),
            St::Statement => self.statement(s, e),
            St::Object => self.object(s, e),
            St::Ternary => {
                if s.at(0) == Some(b':') {
                    e.tok(Tok::Punctuation, s.take(1));
                    self.stack.goto(St::ExprStart);
                    return true;
                }
                self.root(s, e)
            }
            St::Template => self.template(s, e),
            St::TemplateExpr => {
                if s.at(0) == Some(b'}') {
                    e.tok(Tok::Punctuation, s.take(1));
                    self.stack.pop();
                    return true;
                }
                self.root(s, e)
            }
            St::TagOpening => self.tag_opening(s, e),
            St::Element => self.element(s, e),
            St::ElementName => self.element_name(s, e),
            St::Interpol | St::InterpolInner => self.interpol(s, e),
        }
    }

    /// `comments_and_whitespace`.
    pub(super) fn comments(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
        } else if s.starts("<!--") {
            e.tok(Tok::Comment, s.take(4));
        } else if s.starts("//") {
            let n = s.to_eol(0);
            e.tok(Tok::CommentSingle, s.take(n));
        } else if s.starts("/*") {
            e.tok(Tok::CommentMultiline, s.take(2));
            self.stack.push(St::Multiline);
        } else {
            return false;
        }
        true
    }

    fn multiline(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("*/") {
            e.tok(Tok::CommentMultiline, s.take(2));
            self.stack.pop();
            return true;
        }
        let n = s.run(0, |c| c != b'*' && c != b'/').max(1);
        e.tok(Tok::CommentMultiline, s.take(n));
        true
    }

    fn expr_start(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.html.is_some() && self.tag(s, e) {
            return true;
        }
        if self.comments(s, e) {
            return true;
        }
        match s.at(0) {
            Some(b'/') => {
                e.tok(Tok::StrRegex, s.take(1));
                self.stack.goto(St::Regex);
            }
            Some(b'{') => {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.goto(St::Object);
            }
            _ => self.stack.pop(),
        }
        true
    }

    /// `[^/]\n`: any character but `/` and a line end (an unclosed regex), its length.
    fn broken_line(s: &Scan<'_>) -> usize {
        match s.at(0) {
            Some(b'/') | None => 0,
            _ => {
                let n = s.char_len(0);
                if s.at(n) == Some(b'\n') {
                    n + 1
                } else {
                    0
                }
            }
        }
    }

    fn regex(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'/') {
            e.tok(Tok::StrRegex, s.take(1));
            self.stack.goto(St::RegexEnd);
            return true;
        }
        let broken = Self::broken_line(s);
        if broken > 0 || s.at(0) == Some(b'\n') {
            e.tok(Tok::Error, s.take(broken.max(1)));
            self.stack.pop();
            return true;
        }
        if s.at(0) == Some(b'[') {
            let n = if s.at(1) == Some(b'^') { 2 } else { 1 };
            e.tok(Tok::StrEscape, s.take(n));
            self.stack.push(St::RegexGroup);
            return true;
        }
        let n = regex_escape(s);
        if n > 0 {
            e.tok(Tok::StrEscape, s.take(n));
            return true;
        }
        match s.dot(0) {
            0 => false,
            n => {
                e.tok(Tok::StrRegex, s.take(n));
                true
            }
        }
    }

    fn regex_group(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'/') {
            e.tok(Tok::StrEscape, s.take(1));
            return true;
        }
        let broken = Self::broken_line(s);
        if broken > 0 {
            e.tok(Tok::Error, s.take(broken));
            self.stack.pop();
            self.stack.pop();
            return true;
        }
        if s.at(0) == Some(b']') {
            e.tok(Tok::StrEscape, s.take(1));
            self.stack.pop();
            return true;
        }
        if s.at(0) == Some(b'\\') && s.dot(1) > 0 {
            let n = 1 + s.dot(1);
            e.tok(Tok::StrEscape, s.take(n));
            return true;
        }
        match s.dot(0) {
            0 => false,
            n => {
                e.tok(Tok::StrRegex, s.take(n));
                true
            }
        }
    }

    pub(super) fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.ts && typescript::root_first(s, e) {
            return true;
        }
        if let Some(n) = shebang(s) {
            e.tok(Tok::CommentPreproc, s.take(n));
            self.stack.push(St::Statement);
            return true;
        }
        if self.comments(s, e) {
            return true;
        }
        if let Some(n) = operator(s) {
            e.tok(Tok::Operator, s.take(n));
            self.stack.push(St::ExprStart);
            return true;
        }
        let Some(b) = s.at(0) else { return false };
        match b {
            b'(' | b'[' | b',' => self.punct(s, e, Some(St::ExprStart)),
            b';' | b'{' | b'}' => self.punct(s, e, Some(St::Statement)),
            b')' | b']' | b'.' | b':' => self.punct(s, e, None),
            b'`' => {
                e.tok(Tok::StrDouble, s.take(1));
                self.stack.push(St::Template);
                true
            }
            b'?' if s.at(1) == Some(b'.') => {
                e.tok(Tok::Punctuation, s.take(2));
                true
            }
            b'?' => {
                self.punct(s, e, Some(St::Ternary));
                self.stack.push(St::ExprStart);
                true
            }
            b'@' => {
                e.tok(Tok::Punctuation, s.take(1));
                let n = s.run(0, is_ruby_word);
                e.tok(Tok::NameDecorator, s.take(n));
                self.stack.push(St::ExprStart);
                true
            }
            b'"' | b'\'' => {
                e.tok(Tok::StrDelimiter, s.take(1));
                self.stack.push(if b == b'"' { St::Dq } else { St::Sq });
                true
            }
            _ => self.word(s, e) || self.number(s, e),
        }
    }

    fn punct(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, then: Option<St>) -> bool {
        e.tok(Tok::Punctuation, s.take(1));
        if let Some(st) = then {
            self.stack.push(st);
        }
        true
    }

    fn word(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = ident(s, 0);
        if n == 0 {
            return false;
        }
        let w = s.take(n);
        let has = |js: &str, ts: &str| in_words(js, w) || (self.ts && in_words(ts, w));
        let (tok, expr) = if has(KEYWORDS, typescript::KEYWORDS) {
            (Tok::Keyword, true)
        } else if has(DECLARATIONS, typescript::DECLARATIONS) {
            (Tok::KeywordDeclaration, true)
        } else if has(RESERVED, typescript::RESERVED) {
            (Tok::KeywordReserved, false)
        } else if in_words(CONSTANTS, w) {
            (Tok::KeywordConstant, false)
        } else if has(BUILTINS, typescript::BUILTINS) {
            (Tok::NameBuiltin, false)
        } else {
            (Tok::NameOther, false)
        };
        e.tok(tok, w);
        if expr {
            self.stack.push(St::ExprStart);
        }
        true
    }

    fn number(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let digits = |k: usize| s.run(k, |c| c.is_ascii_digit());
        let d = digits(0);
        if d == 0 {
            return false;
        }
        let frac = if s.at(d) == Some(b'.') {
            digits(d + 1)
        } else {
            0
        };
        let (tok, n) = if frac > 0 {
            let mut n = d + 1 + frac;
            if matches!(s.at(n), Some(b'e' | b'E')) && digits(n + 1) > 0 {
                n += 1 + digits(n + 1);
            }
            n += usize::from(matches!(s.at(n), Some(b'f' | b'd')));
            (Tok::NumFloat, n)
        } else {
            based(s).unwrap_or((Tok::NumInteger, d))
        };
        e.tok(tok, s.take(n));
        true
    }

    fn quoted(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let (quote, tok) = match self.stack.top() {
            St::Dq => (b'"', Tok::StrDouble),
            _ => (b'\'', Tok::StrSingle),
        };
        match s.at(0) {
            Some(b'\\') => {
                let esc = matches!(s.at(1), Some(c) if c == quote || b"\\nrt".contains(&c));
                e.tok(Tok::StrEscape, s.take(1 + usize::from(esc)));
            }
            Some(c) if c == quote => {
                e.tok(Tok::StrDelimiter, s.take(1));
                self.stack.pop();
            }
            _ => {
                let plain: fn(u8) -> bool = match quote {
                    b'"' => |c| c != b'\\' && c != b'"',
                    _ => |c| c != b'\\' && c != b'\'',
                };
                let n = s.run(0, plain);
                e.tok(tok, s.take(n));
            }
        }
        true
    }

    fn statement(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.ts && typescript::label(s, e) {
            self.stack.push(St::ExprStart);
            return true;
        }
        if s.starts("case") && s.boundary(s.pos + 4) {
            e.tok(Tok::Keyword, s.take(4));
            self.stack.goto(St::ExprStart);
            return true;
        }
        if label(s, e, Tok::NameLabel) {
            return true;
        }
        self.expr_start(s, e)
    }

    fn object(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.comments(s, e) {
            return true;
        }
        match s.at(0) {
            Some(b'{') => {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.push(St::Object);
                return true;
            }
            Some(b'}') => {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.goto(St::Statement);
                return true;
            }
            _ => {}
        }
        if label(s, e, Tok::NameAttribute) {
            self.stack.push(St::ExprStart);
            return true;
        }
        if s.at(0) == Some(b':') {
            e.tok(Tok::Punctuation, s.take(1));
            return true;
        }
        self.root(s, e)
    }

    fn template(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("${") {
            e.tok(Tok::Punctuation, s.take(2));
            self.stack.push(St::TemplateExpr);
        } else if s.at(0) == Some(b'`') {
            e.tok(Tok::StrDouble, s.take(1));
            self.stack.pop();
        } else if s.at(0) == Some(b'\\') && matches!(s.at(1), Some(b'$' | b'`')) {
            e.tok(Tok::StrEscape, s.take(2));
        } else {
            let n = s.run(0, |c| !matches!(c, b'$' | b'`' | b'\\')).max(1);
            e.tok(Tok::StrDouble, s.take(n));
        }
        true
    }
}

/// `(id)(\s*)(:)`: a label (in a statement) or an attribute name (in an object).
fn label(s: &mut Scan<'_>, e: &mut Emitter<'_>, tok: Tok) -> bool {
    let n = ident(s, 0);
    if n == 0 {
        return false;
    }
    let ws = s.run(n, is_ruby_space);
    if s.at(n + ws) != Some(b':') {
        return false;
    }
    e.tok(tok, s.take(n));
    e.tok(Tok::Text, s.take(ws));
    e.tok(Tok::Punctuation, s.take(1));
    true
}

/// `\A\s*#!.*?\n` (`\A` is the scan position in rouge's scanner): a shebang line.
fn shebang(s: &Scan<'_>) -> Option<usize> {
    let ws = s.run(0, is_ruby_space);
    if !s.rest()[ws..].starts_with("#!") {
        return None;
    }
    let eol = s.to_eol(ws);
    (s.at(ws + eol) == Some(b'\n')).then_some(ws + eol + 1)
}

/// rouge's operators that start an expression, their length.
fn operator(s: &Scan<'_>) -> Option<usize> {
    for op in ["++", "--", "~", "??=", "??", "&&", "||"] {
        if s.starts(op) {
            return Some(op.len());
        }
    }
    if s.at(0) == Some(b'\\') && s.at(1) == Some(b'\n') {
        return Some(1);
    }
    for op in ["<<", ">>>", ">>", "===", "!=="] {
        if s.starts(op) {
            return Some(op.len());
        }
    }
    match s.at(0)? {
        b'-' | b'<' | b'>' | b'+' | b'*' | b'%' | b'&' | b'|' | b'^' | b'/' | b'!' | b'=' => {
            Some(1 + usize::from(s.at(1) == Some(b'=')))
        }
        _ => None,
    }
}

/// `\\.`, `(?` with `:=<!`, `{digits,}` and `()?` inside a regex: their length, 0 if none.
fn regex_escape(s: &Scan<'_>) -> usize {
    match s.at(0) {
        Some(b'\\') => match s.dot(1) {
            0 => 0,
            n => 1 + n,
        },
        Some(b'(')
            if s.at(1) == Some(b'?') && matches!(s.at(2), Some(b':' | b'=' | b'<' | b'!')) =>
        {
            3
        }
        Some(b'{') => {
            let n = s.run(1, |c| c.is_ascii_digit() || c == b',');
            if n > 0 && s.at(1 + n) == Some(b'}') {
                2 + n
            } else {
                0
            }
        }
        Some(b'(' | b')' | b'?') => 1,
        _ => 0,
    }
}

/// `0x…`, `0o…`, `0b…` (either case): the token and length.
fn based(s: &Scan<'_>) -> Option<(Tok, usize)> {
    if s.at(0) != Some(b'0') {
        return None;
    }
    type Class = fn(u8) -> bool;
    let (tok, first, rest): (Tok, Class, Class) = match s.at(1)? {
        b'x' | b'X' => (
            Tok::NumHex,
            |c| c.is_ascii_hexdigit(),
            |c| c.is_ascii_hexdigit(),
        ),
        b'o' | b'O' => (
            Tok::NumOct,
            |c| (b'0'..=b'7').contains(&c),
            |c| (b'0'..=b'7').contains(&c) || c == b'_',
        ),
        b'b' | b'B' => (
            Tok::NumBin,
            |c| c == b'0' || c == b'1',
            |c| c == b'0' || c == b'1' || c == b'_',
        ),
        _ => return None,
    };
    if !s.at(2).is_some_and(first) {
        return None;
    }
    Some((tok, 3 + s.run(3, rest)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [KEYWORDS, DECLARATIONS, RESERVED, CONSTANTS, BUILTINS] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
