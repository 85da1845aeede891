//! Python, as rouge 3.30's `Python` lexer (`lexers/python.rb`, tag `python`, alias `py`). Its
//! states: `root`, `funcname` and `classname` (the name after `def`/`class`),
//! `generic_string` with the register of open strings (prefix and delimiter), `generic_escape`,
//! and `generic_interpol` (an f-string's `{…}`, whose code is lexed by a fresh lexer, as
//! rouge's `recurse`). Two of rouge's rules never match (its decorator rule comes after the
//! operator `@`; the `(?<!\.)` before names sees nothing in rouge's scanner, so a name after a
//! dot is classified like any other); they are left out.

use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, unicode_identifier, Finder, Scan},
    token::Tok,
};
use crate::markdown::unicode::is_alnum;

/// rouge's `keywords`, sorted.
const KEYWORDS: &str =
    "as assert async await break continue del elif else except exec finally for from global \
    if import lambda nonlocal pass print raise return try while with yield";

/// rouge's `builtins` and `exceptions` (both `Name::Builtin`), sorted.
const BUILTINS: &str =
    "ArithmeticError AssertionError AttributeError BaseException BlockingIOError \
    BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError \
    ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError \
    EnvironmentError Exception FileExistsError FileNotFoundError FloatingPointError \
    FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError \
    IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError \
    MemoryError ModuleNotFoundError NameError NotADirectoryError NotImplemented \
    NotImplementedError OSError OverflowError OverflowWarning PendingDeprecationWarning \
    ProcessLookupError RecursionError ReferenceError ResourceWarning RuntimeError \
    RuntimeWarning StandardError StopAsyncIteration StopIteration SyntaxError SyntaxWarning \
    SystemError SystemExit TabError TimeoutError TypeError UnboundLocalError \
    UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning \
    UserWarning VMSError ValueError Warning WindowsError ZeroDivisionError __import__ abs \
    all any apply ascii basestring bin bool buffer bytearray bytes callable chr classmethod \
    cmp coerce compile complex delattr dict dir divmod enumerate eval execfile exit file \
    filter float format frozenset getattr globals hasattr hash hex id input int intern \
    isinstance issubclass iter len list locals long map max memoryview min next object oct \
    open ord pow property range raw_input reduce reload repr reversed round set setattr \
    slice sorted staticmethod str sum super tuple type unichr unicode vars xrange zip";

/// rouge's `builtins_pseudo`, sorted.
const PSEUDO: &str = "Ellipsis False None NotImplemented True self";

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Funcname,
    Classname,
    String,
    Interpol,
}

struct Python {
    stack: Vec<St>,
    /// The open strings: prefix (lower case) and delimiter.
    strings: Vec<(String, &'static str)>,
    docs: Finder,
    ticks: Finder,
    lines: Finder,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut p = Python {
        stack: vec![St::Root],
        strings: Vec::new(),
        docs: Finder::default(),
        ticks: Finder::default(),
        lines: Finder::default(),
    };
    let mut s = Scan::new(code);
    while !s.eos() {
        if !p.step(&mut s, e) {
            let n = s.char_len(0);
            e.tok(Tok::Error, s.take(n));
        }
    }
}

/// `[[:alpha:]_.][[:alnum:]_.]*` at `pos + k`.
fn dotted(s: &Scan<'_>, k: usize) -> usize {
    let rest = &s.src[s.pos + k..];
    match rest.chars().next() {
        Some(c) if c.is_alphabetic() || c == '_' || c == '.' => rest
            .char_indices()
            .find(|&(_, c)| !(is_alnum(c) || c == '_' || c == '.'))
            .map_or(rest.len(), |(i, _)| i),
        _ => 0,
    }
}

/// `(?:\\\s|\s)+` at `pos + k` (when `escaped`), else `\s+`.
fn spaces(s: &Scan<'_>, k: usize) -> usize {
    let mut n = 0;
    loop {
        match s.at(k + n) {
            Some(b) if is_ruby_space(b) => n += 1,
            Some(b'\\') if s.at(k + n + 1).is_some_and(is_ruby_space) => n += 2,
            _ => return n,
        }
    }
}

impl Python {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match *self.stack.last().unwrap_or(&St::Root) {
            St::Root => self.root(s, e),
            St::Funcname | St::Classname => {
                let n = unicode_identifier(s, 0);
                if n == 0 {
                    return false;
                }
                let class = self.stack.last() == Some(&St::Classname);
                e.tok(
                    if class {
                        Tok::NameClass
                    } else {
                        Tok::NameFunction
                    },
                    s.take(n),
                );
                self.stack.pop();
                true
            }
            St::String => self.string(s, e),
            St::Interpol => self.interpol(s, e),
        }
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let Some(b) = s.at(0) else { return false };
        let n = s.run(0, |c| c == b'\n');
        if n > 0 {
            e.tok(Tok::Text, s.take(n));
            return true;
        }
        if b == b':' && s.bol() && self.docstring(s, e) {
            return true;
        }
        let n = s.run(0, |c| is_ruby_space(c) && c != b'\n');
        if n > 0 {
            e.tok(Tok::Text, s.take(n));
            return true;
        }
        if b == b'#' {
            let n = 1 + s.to_eol(1);
            let n = n + usize::from(s.at(n) == Some(b'\n'));
            e.tok(Tok::CommentSingle, s.take(n));
            return true;
        }
        if b"[]{}:(),;.".contains(&b) {
            e.tok(Tok::Punctuation, s.take(1));
            return true;
        }
        if b == b'\\' {
            let n = 1 + usize::from(s.at(1) == Some(b'\n'));
            e.tok(Tok::Text, s.take(n));
            return true;
        }
        for w in ["in", "is", "and", "or", "not"] {
            if s.starts(w) && s.boundary(s.pos + w.len()) {
                e.tok(Tok::OperatorWord, s.take(w.len()));
                return true;
            }
        }
        if let Some(n) = operator(s) {
            e.tok(Tok::Operator, s.take(n));
            return true;
        }
        self.words(s, e) || self.literal(s, e)
    }

    /// `^(:)(\s*)([ru]{,2}""".*?""")`: a docstring after a colon that starts a line.
    fn docstring(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(1, is_ruby_space);
        let pre = s
            .run(1 + ws, |c| matches!(c, b'r' | b'u' | b'R' | b'U'))
            .min(2);
        let open = 1 + ws + pre;
        if !s.rest()[open..].starts_with("\"\"\"") {
            return false;
        }
        let Some(close) = self.docs.find(s.src, "\"\"\"", s.pos + open + 3) else {
            return false;
        };
        e.tok(Tok::Punctuation, s.take(1));
        e.tok(Tok::Text, s.take(ws));
        let n = close + 3 - s.pos;
        e.tok(Tok::StrDoc, s.take(n));
        true
    }

    /// `from … import`, `import …`, `def`, `class`.
    fn words(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("from") {
            let ws1 = spaces(s, 4);
            let name = if ws1 > 0 { dotted(s, 4 + ws1) } else { 0 };
            let ws2 = if name > 0 {
                spaces(s, 4 + ws1 + name)
            } else {
                0
            };
            if ws2 > 0 && s.rest()[4 + ws1 + name + ws2..].starts_with("import") {
                e.tok(Tok::KeywordNamespace, s.take(4));
                e.tok(Tok::Text, s.take(ws1));
                e.tok(Tok::NameNamespace, s.take(name));
                e.tok(Tok::Text, s.take(ws2));
                e.tok(Tok::KeywordNamespace, s.take(6));
                return true;
            }
        }
        if s.starts("import") {
            let ws = s.run(6, is_ruby_space);
            let name = if ws > 0 { dotted(s, 6 + ws) } else { 0 };
            if name > 0 {
                e.tok(Tok::KeywordNamespace, s.take(6));
                e.tok(Tok::Text, s.take(ws));
                e.tok(Tok::NameNamespace, s.take(name));
                return true;
            }
        }
        for (word, next) in [("def", St::Funcname), ("class", St::Classname)] {
            if s.starts(word) {
                let ws = spaces(s, word.len());
                if ws > 0 {
                    e.tok(Tok::Keyword, s.take(word.len()));
                    e.tok(Tok::Text, s.take(ws));
                    self.stack.push(next);
                    return true;
                }
            }
        }
        false
    }

    /// Backticks, strings, names and numbers.
    fn literal(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'`') {
            let close = self.ticks.find(s.src, "`", s.pos + 1);
            let eol = self.lines.find(s.src, "\n", s.pos + 1);
            if let Some(c) = close.filter(|&c| eol.is_none_or(|l| c < l)) {
                let n = c + 1 - s.pos;
                e.tok(Tok::StrBacktick, s.take(n));
                return true;
            }
        }
        if self.string_start(s, e) {
            return true;
        }
        let n = unicode_identifier(s, 0);
        if n > 0 {
            let w = s.take(n);
            let tok = if in_words(KEYWORDS, w) {
                Tok::Keyword
            } else if in_words(BUILTINS, w) {
                Tok::NameBuiltin
            } else if in_words(PSEUDO, w) {
                Tok::NameBuiltinPseudo
            } else {
                Tok::Name
            };
            e.tok(tok, w);
            return true;
        }
        match number(s) {
            Some((tok, n)) => {
                e.tok(tok, s.take(n));
                true
            }
            None => false,
        }
    }

    /// `([rfbu]{0,2})('''|"""|['"])`, case-insensitive: a string opens.
    fn string_start(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let pre = s
            .run(0, |c| {
                matches!(c.to_ascii_lowercase(), b'r' | b'f' | b'b' | b'u')
            })
            .min(2);
        let Some(delim) = delimiter(&s.rest()[pre..]) else {
            return false;
        };
        let kind = s.take(pre).to_ascii_lowercase();
        e.tok(Tok::StrAffix, &s.src[s.pos - pre..s.pos]);
        e.tok(Tok::Str, s.take(delim.len()));
        self.strings.push((kind, delim));
        self.stack.push(St::String);
        true
    }

    fn string(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.run(0, |c| !matches!(c, b'\'' | b'"' | b'\\' | b'{'));
        if n > 0 {
            e.tok(Tok::Str, s.take(n));
            return true;
        }
        let (kind, open) = self.strings.last().cloned().unwrap_or_default();
        if s.starts("{{") {
            e.tok(Tok::Str, s.take(2));
            return true;
        }
        if let Some(delim) = delimiter(s.rest()) {
            e.tok(Tok::Str, s.take(delim.len()));
            if delim == open {
                self.strings.pop();
                self.stack.pop();
            }
            return true;
        }
        if s.at(0) == Some(b'\\') {
            return escape(s, e, kind.contains('r'));
        }
        let f = kind.contains('f');
        e.tok(if f { Tok::StrInterpol } else { Tok::Str }, s.take(1));
        if f {
            self.stack.push(St::Interpol);
        }
        true
    }

    /// `generic_interpol`: code (lexed afresh), `!r`, `:`, nested braces.
    fn interpol(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.run(0, |c| !matches!(c, b'{' | b'}' | b'!' | b':'));
        if n > 0 {
            lex(s.take(n), e);
            return true;
        }
        match s.at(0) {
            Some(b'!') if matches!(s.at(1), Some(b'a' | b's' | b'r')) => {
                e.tok(Tok::StrInterpol, s.take(2))
            }
            Some(b':') => e.tok(Tok::StrInterpol, s.take(1)),
            Some(b'{') => {
                e.tok(Tok::StrInterpol, s.take(1));
                self.stack.push(St::Interpol);
            }
            Some(b'}') => {
                e.tok(Tok::StrInterpol, s.take(1));
                self.stack.pop();
            }
            _ => return false,
        }
        true
    }
}

/// `'''|"""|['"]` at the start of `rest`.
fn delimiter(rest: &str) -> Option<&'static str> {
    ["'''", "\"\"\"", "'", "\""]
        .into_iter()
        .find(|d| rest.starts_with(d))
}

/// `generic_escape`: a backslash and what it escapes (plain string text in a raw string), or
/// with any other character plain string text.
fn escape(s: &mut Scan<'_>, e: &mut Emitter<'_>, raw: bool) -> bool {
    let known = escaped_len(s);
    if known > 0 {
        e.tok(
            if raw { Tok::Str } else { Tok::StrEscape },
            s.take(1 + known),
        );
        return true;
    }
    match s.dot(1) {
        0 => false,
        n => {
            e.tok(Tok::Str, s.take(1 + n));
            true
        }
    }
}

/// The length of a known escape after the backslash at `pos`, 0 if none.
fn escaped_len(s: &Scan<'_>) -> usize {
    let hex = |k: usize, n: usize| (s.run(k, |c| c.is_ascii_hexdigit()) >= n).then_some(n);
    match s.at(1) {
        Some(b'\\' | b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'"' | b'\'' | b'\n') => 1,
        Some(b'N') if s.at(2) == Some(b'{') => {
            let name = s.run(3, |c| c.is_ascii_alphabetic() || c == b' ');
            let body = &s.rest()[3..3 + name];
            let ok = name >= 3
                && s.at(3 + name) == Some(b'}')
                && body.starts_with(|c: char| c.is_ascii_alphabetic())
                && body.ends_with(|c: char| c.is_ascii_alphabetic());
            if ok {
                3 + name
            } else {
                0
            }
        }
        Some(b'u') => hex(2, 4).map_or(0, |n| 1 + n),
        Some(b'U') => hex(2, 8).map_or(0, |n| 1 + n),
        Some(b'x') => hex(2, 2).map_or(0, |n| 1 + n),
        Some(b'0'..=b'7') => s.run(1, |c| (b'0'..=b'7').contains(&c)).min(3),
        _ => 0,
    }
}

/// `[-~+/*%=<>&^|@]=?`, `!=`, and `<<`, `>>`, `//`, `**` with an optional `=`.
fn operator(s: &Scan<'_>) -> Option<usize> {
    let eq = |k: usize| k + usize::from(s.at(k) == Some(b'='));
    if ["<<", ">>", "//", "**"].iter().any(|o| s.starts(o)) {
        return Some(eq(2));
    }
    match s.at(0)? {
        b'-' | b'~' | b'+' | b'/' | b'*' | b'%' | b'=' | b'<' | b'>' | b'&' | b'^' | b'|'
        | b'@' => Some(eq(1)),
        b'!' if s.at(1) == Some(b'=') => Some(2),
        _ => None,
    }
}

/// `[0-9](_?[0-9])*` at `pos + k`: its length, 0 if none.
fn digits(s: &Scan<'_>, k: usize) -> usize {
    if !s.at(k).is_some_and(|c| c.is_ascii_digit()) {
        return 0;
    }
    let mut n = 1;
    loop {
        match (s.at(k + n), s.at(k + n + 1)) {
            (Some(c), _) if c.is_ascii_digit() => n += 1,
            (Some(b'_'), Some(c)) if c.is_ascii_digit() => n += 2,
            _ => return n,
        }
    }
}

/// `e[+-]?digits` (either case) at `pos + k`.
fn exponent(s: &Scan<'_>, k: usize) -> usize {
    if !matches!(s.at(k), Some(b'e' | b'E')) {
        return 0;
    }
    let sign = usize::from(matches!(s.at(k + 1), Some(b'+' | b'-')));
    match digits(s, k + 1 + sign) {
        0 => 0,
        d => 1 + sign + d,
    }
}

/// rouge's number rules in order: floats (with a fraction, an exponent, or `j`), binary, octal,
/// hexadecimal, `L` longs, integers.
fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let d = digits(s, 0);
    if d == 0 {
        return None;
    }
    let j = |k: usize| k + usize::from(matches!(s.at(k), Some(b'j' | b'J')));
    if s.at(d) == Some(b'.') {
        let frac = digits(s, d + 1);
        let n = d + 1 + frac;
        return Some((Tok::NumFloat, j(n + exponent(s, n))));
    }
    let ex = exponent(s, d);
    if ex > 0 {
        return Some((Tok::NumFloat, j(d + ex)));
    }
    if matches!(s.at(d), Some(b'j' | b'J')) {
        return Some((Tok::NumFloat, d + 1));
    }
    if s.at(0) == Some(b'0') {
        for (marks, tok, class) in [
            (
                b"bB",
                Tok::NumBin,
                (|c: u8| c == b'0' || c == b'1') as fn(u8) -> bool,
            ),
            (b"oO", Tok::NumOct, |c: u8| (b'0'..=b'7').contains(&c)),
            (b"xX", Tok::NumHex, |c: u8| c.is_ascii_hexdigit()),
        ] {
            if s.at(1).is_some_and(|m| marks.contains(&m)) {
                let n = prefixed(s, 2, class);
                if n > 0 {
                    return Some((tok, 2 + n));
                }
            }
        }
    }
    let all = s.run(0, |c| c.is_ascii_digit());
    if s.at(all) == Some(b'L') {
        return Some((Tok::NumIntegerLong, all + 1));
    }
    let n = if s.at(0) == Some(b'0') {
        let mut n = 1;
        while s.at(n) == Some(b'0') || (s.at(n) == Some(b'_') && s.at(n + 1) == Some(b'0')) {
            n += if s.at(n) == Some(b'_') { 2 } else { 1 };
        }
        n
    } else {
        d
    };
    Some((Tok::NumInteger, n))
}

/// `(_?[class])+` at `pos + k`: its length, 0 if none.
fn prefixed(s: &Scan<'_>, k: usize, class: fn(u8) -> bool) -> usize {
    let mut n = 0;
    loop {
        match (s.at(k + n), s.at(k + n + 1)) {
            (Some(c), _) if class(c) => n += 1,
            (Some(b'_'), Some(c)) if class(c) => n += 2,
            _ => return n,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [KEYWORDS, BUILTINS, PSEUDO] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
