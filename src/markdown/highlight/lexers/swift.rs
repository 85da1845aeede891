//! Swift, as rouge 3.30's `Swift` lexer (`lexers/swift.rb`, tag `swift`). Its states: `bol`
//! (where a line starts: `#` directives, white space, comments; it is left at the first
//! other character), `root` (white space and comments, numbers in every base, operators,
//! strings and characters, attributes, access modifiers with their `(set)`, `#available` and
//! `#selector`, `let`/`var` bindings, calls, labels and names sorted by word tables and case),
//! `nested_comment`, `tuple` (`let (a, (b, c))`), `dq` (a string with its escapes) and
//! `interp`/`interp_inner` (`\( … )` in a string: root's rules, parentheses counted).
//! Identifiers use Unicode's classes (`unicode_classes.rs`).

use super::unicode_classes::{in_class, OTHER_UPPERCASE, SWIFT_HEAD, SWIFT_REST_TOO, UPPER_LETTER};
use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, nested_comment, run_states, Finder, Nesting, Scan, States},
    token::Tok,
};

const KEYWORDS: &str = "Self Type __COLUMN__ __FILE__ __FUNCTION__ __LINE__ as associativity \
    async await break case catch continue default defer didSet do dynamicType else fallthrough \
    for get guard if in infix inout is isolated mutating new none nonmutating operator override \
    postfix precedence precedencegroup prefix repeat rethrows return self set super switch throw \
    throws try unowned weak where while willSet";

const DECLARATIONS: &str = "actor associatedtype class convenience deinit dynamic enum \
    extension fileprivate final func import indirect init internal lazy let nonisolated open \
    optional private protocol public required some static struct subscript typealias var";

const CONSTANTS: &str = "false nil true";

/// The words a call's name may not be (rouge's negative lookahead before a call).
const NOT_CALLS: &str = "case for if internal private switch unowned while";

#[derive(Clone, Copy, PartialEq)]
enum St {
    Bol,
    Root,
    Comment,
    Tuple,
    Dq,
    Interp,
    InterpInner,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut swift = Swift {
        stack: States::starting_in(St::Root, St::Bol),
        close_paren: Finder::default(),
    };
    run_states(code, e, |s, e| swift.step(s, e));
}

struct Swift {
    stack: States<St>,
    /// The next `)`, for `#available(…)` and `#selector(…)`.
    close_paren: Finder,
}

fn is_head(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '_' => true,
        _ if c.is_ascii() => false,
        _ => in_class(SWIFT_HEAD, c),
    }
}

fn is_rest(c: char) -> bool {
    match c {
        '0'..='9' => true,
        _ => is_head(c) || (!c.is_ascii() && in_class(SWIFT_REST_TOO, c)),
    }
}

/// `[[:upper:]]`.
fn is_uppercase(c: char) -> bool {
    in_class(UPPER_LETTER, c) || in_class(OTHER_UPPERCASE, c)
}

/// An identifier at `pos + k`: its length, 0 if none.
fn id(s: &Scan<'_>, k: usize) -> usize {
    let rest = &s.src[s.pos + k..];
    let mut chars = rest.char_indices();
    match chars.next() {
        Some((_, c)) if is_head(c) => chars
            .find(|&(_, c)| !is_rest(c))
            .map_or(rest.len(), |(i, _)| i),
        _ => 0,
    }
}

fn starts_upper(s: &Scan<'_>, k: usize) -> bool {
    s.src[s.pos + k..].chars().next().is_some_and(is_uppercase)
}

fn digits(s: &Scan<'_>, k: usize, digit: fn(u8) -> bool) -> usize {
    s.run(k, digit)
}

/// `D+(?:_D+)*` at `pos + k` for the digit class `digit`: its length, 0 if none.
fn grouped(s: &Scan<'_>, k: usize, digit: fn(u8) -> bool) -> usize {
    let mut n = digits(s, k, digit);
    if n == 0 {
        return 0;
    }
    while s.at(k + n) == Some(b'_') && s.at(k + n + 1).is_some_and(digit) {
        n += 1 + digits(s, k + n + 1, digit);
    }
    n
}

/// `(?:_\d)*` at `pos + k`.
fn single_groups(s: &Scan<'_>, mut k: usize) -> usize {
    let from = k;
    while s.at(k) == Some(b'_') && s.at(k + 1).is_some_and(|c| c.is_ascii_digit()) {
        k += 2;
    }
    k - from
}

/// `[+-]?` then `\d+` at `pos + k`: its length, 0 if no digits follow.
fn signed_digits(s: &Scan<'_>, k: usize) -> usize {
    let sign = usize::from(matches!(s.at(k), Some(b'+' | b'-')));
    match digits(s, k + sign, |c| c.is_ascii_digit()) {
        0 => 0,
        d => sign + d,
    }
}

/// rouge's float rules: `D(_D)*\*` (a `*`, as rouge writes it) or `D(_D)*\.\d+(_\d)*`, with
/// an exponent `e[+-]?\d+(_\d)*`; then `\d+e[+-]?\d+`.
fn float(s: &Scan<'_>) -> usize {
    let dec: fn(u8) -> bool = |c| c.is_ascii_digit();
    let g = grouped(s, 0, dec);
    if g == 0 {
        return 0;
    }
    let n = match s.at(g) {
        Some(b'*') => g + 1,
        Some(b'.') if s.at(g + 1).is_some_and(dec) => {
            let n = g + 1 + digits(s, g + 1, dec);
            n + single_groups(s, n)
        }
        _ => {
            let d = digits(s, 0, dec);
            let x = signed_digits(s, d + 1);
            return match s.at(d) {
                Some(b'e' | b'E') if x > 0 => d + 1 + x,
                _ => 0,
            };
        }
    };
    let x = signed_digits(s, n + 1);
    match s.at(n) {
        Some(b'e' | b'E') if x > 0 => n + 1 + x + single_groups(s, n + 1 + x),
        _ => n,
    }
}

/// `0x` hex digits, then `(\.[0-9A-F]+(_[0-9A-F]+)*)?p[+-]?\d+` if it follows.
fn hex(s: &Scan<'_>) -> usize {
    let h = grouped(s, 2, |c| c.is_ascii_hexdigit());
    if !s.starts("0x") || h == 0 {
        return 0;
    }
    let n = 2 + h;
    let upper: fn(u8) -> bool = |c| c.is_ascii_digit() || (b'A'..=b'F').contains(&c);
    let frac = match (s.at(n), grouped(s, n + 1, upper)) {
        (Some(b'.'), f) if f > 0 && s.at(n + 1 + f) == Some(b'p') => 1 + f,
        _ => 0,
    };
    let p = n + frac;
    match (s.at(p), signed_digits(s, p + 1)) {
        (Some(b'p'), x) if x > 0 => p + 1 + x,
        _ => n,
    }
}

fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let f = float(s);
    if f > 0 {
        return Some((Tok::NumFloat, f));
    }
    let oct: fn(u8) -> bool = |c| (b'0'..=b'7').contains(&c);
    if s.at(0) == Some(b'0') {
        let o = usize::from(s.at(1) == Some(b'o'));
        let n = grouped(s, 1 + o, oct);
        if n > 0 {
            return Some((Tok::NumOct, 1 + o + n));
        }
    }
    let h = hex(s);
    if h > 0 {
        return Some((Tok::NumHex, h));
    }
    if s.starts("0b") {
        let n = grouped(s, 2, |c| c == b'0' || c == b'1');
        if n > 0 {
            return Some((Tok::NumBin, 2 + n));
        }
    }
    match grouped(s, 0, |c| c.is_ascii_digit()) {
        0 => None,
        n => Some((Tok::NumInteger, n)),
    }
}

/// `'(\\.|.)'`: a character literal's length.
fn char_literal(s: &Scan<'_>) -> Option<usize> {
    if s.at(0) != Some(b'\'') {
        return None;
    }
    let escaped = match s.at(1) {
        Some(b'\\') => Some(s.dot(2)).filter(|&n| n > 0 && s.at(2 + n) == Some(b'\'')),
        _ => None,
    }
    .map(|n| 3 + n);
    let one = s.dot(1);
    escaped.or((one > 0 && s.at(1 + one) == Some(b'\'')).then_some(2 + one))
}

/// `(W\([ ]*)(\w+)([ ]*\))` for a word `W` at `pos`: the ends of the three groups.
fn modifier(s: &Scan<'_>, w: usize) -> Option<(usize, usize, usize)> {
    if s.at(w) != Some(b'(') {
        return None;
    }
    let open = w + 1 + s.run(w + 1, |c| c == b' ');
    let word = open + s.run(open, is_ruby_word);
    let close = word + s.run(word, |c| c == b' ');
    (word > open && s.at(close) == Some(b')')).then_some((open, word, close + 1))
}

impl Swift {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Bol => self.bol(s, e),
            St::Root => self.root(s, e),
            St::Comment => self.comment(s, e),
            St::Tuple => self.tuple(s, e),
            St::Dq => self.dq(s, e),
            St::Interp | St::InterpInner => self.interp(s, e),
        }
    }

    fn push(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, tok: Tok, n: usize, st: St) {
        e.tok(tok, s.take(n));
        self.stack.push(st);
    }

    fn pop(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, tok: Tok, n: usize) {
        e.tok(tok, s.take(n));
        self.stack.pop();
    }

    fn bol(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'#') {
            let n = s.to_eol(0);
            e.tok(Tok::CommentPreproc, s.take(n));
            return true;
        }
        if !self.inline_space(s, e) {
            self.stack.pop();
        }
        true
    }

    /// rouge's `inline_whitespace`: `\s+`, and a comment's start.
    fn inline_space(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
            return true;
        }
        if s.starts("/*") {
            self.push(s, e, Tok::CommentMultiline, 2, St::Comment);
            return true;
        }
        false
    }

    fn comment(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match nested_comment(s, e) {
            Nesting::Deeper => self.stack.push(St::Comment),
            Nesting::Shallower => self.stack.pop(),
            Nesting::Same => {}
        }
        true
    }

    fn tuple(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = id(s, 0);
        if n > 0 {
            e.tok(Tok::NameVariable, s.take(n));
            return true;
        }
        if self.quoted_id(s, e) {
            return true;
        }
        match s.at(0) {
            Some(b',') => e.tok(Tok::Punctuation, s.take(1)),
            Some(b'(') => self.push(s, e, Tok::Punctuation, 1, St::Tuple),
            Some(b')') => self.pop(s, e, Tok::Punctuation, 1),
            _ => return self.inline_space(s, e),
        }
        true
    }

    fn dq(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match (s.at(0), s.at(1)) {
            (Some(b'\\'), Some(b'\\' | b'0' | b't' | b'n' | b'r' | b'\'' | b'"')) => {
                e.tok(Tok::StrEscape, s.take(2));
            }
            (Some(b'\\'), Some(b'(')) => self.push(s, e, Tok::StrEscape, 2, St::Interp),
            (Some(b'\\'), Some(b'u')) => {
                let h = s.run(3, |c| c.is_ascii_hexdigit());
                if s.at(2) != Some(b'{') || !(1..=8).contains(&h) || s.at(3 + h) != Some(b'}') {
                    return false;
                }
                e.tok(Tok::StrEscape, s.take(4 + h));
            }
            (Some(b'\\'), _) => return false,
            (Some(b'"'), _) => {
                let n = if s.starts("\"\"\"") { 3 } else { 1 };
                self.pop(s, e, Tok::Str, n);
            }
            _ => {
                let n = s.run(0, |c| c != b'\\' && c != b'"');
                e.tok(Tok::Str, s.take(n));
            }
        }
        true
    }

    /// `interp` and `interp_inner`: parentheses counted (the last `)` closes the
    /// interpolation), then root's rules.
    fn interp(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b'(') => self.push(s, e, Tok::Punctuation, 1, St::InterpInner),
            Some(b')') if self.stack.top() == St::Interp => self.pop(s, e, Tok::StrEscape, 1),
            Some(b')') => self.pop(s, e, Tok::Punctuation, 1),
            _ => return self.root(s, e),
        }
        true
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        self.whitespace(s, e)
            || self.symbol_or_number(s, e)
            || self.directive(s, e)
            || self.binding(s, e)
            || self.named(s, e)
    }

    /// rouge's `whitespace`: line ends and line comments (each followed by `bol`), then
    /// `inline_whitespace`.
    fn whitespace(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'\n') {
            let n = s.run(0, |c| c == b'\n');
            self.push(s, e, Tok::Text, n, St::Bol);
            return true;
        }
        if s.starts("//") {
            let n = s.to_eol(0);
            self.push(s, e, Tok::CommentSingle, n, St::Bol);
            return true;
        }
        self.inline_space(s, e)
    }

    fn symbol_or_number(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let Some(b) = s.at(0) else { return false };
        if b == b'$' {
            let n = match s.at(1) {
                Some(b'0') => 1,
                _ => digits(s, 1, |c| c.is_ascii_digit()),
            };
            if n > 0 {
                e.tok(Tok::NameVariable, s.take(1 + n));
                return true;
            }
        }
        if b"()[]{}:;,?\\".contains(&b) {
            e.tok(Tok::Punctuation, s.take(1));
            return true;
        }
        let ops = s.run(0, |c| b"-/=+*%<>!&|^.~".contains(&c));
        if ops > 0 {
            e.tok(Tok::Operator, s.take(ops));
            return true;
        }
        if b == b'"' || s.starts("@\"") {
            let n = 1 + usize::from(b == b'@');
            self.push(s, e, Tok::Str, n, St::Dq);
            return true;
        }
        if let Some(n) = char_literal(s) {
            e.tok(Tok::StrChar, s.take(n));
            return true;
        }
        if let Some((tok, n)) = number(s) {
            e.tok(tok, s.take(n));
            return true;
        }
        false
    }

    /// Attributes, access modifiers with an argument, and `#` directives.
    fn directive(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'@') {
            let n = id(s, 1);
            if n > 0 {
                e.tok(Tok::KeywordDeclaration, s.take(1 + n));
                return true;
            }
        }
        let access = ["private", "internal"].into_iter().find(|w| s.starts(w));
        let (words, ok) = match access {
            Some(w) => (Some(w.len()), "set"),
            None => (s.starts("unowned").then_some(7), "safe unsafe"),
        };
        if let Some((open, word, close)) = words.and_then(|w| modifier(s, w)) {
            let arg = &s.rest()[open..word];
            if in_words(ok, arg) {
                e.tok(Tok::KeywordDeclaration, s.take(close));
            } else {
                e.tok(Tok::KeywordDeclaration, s.take(open));
                e.tok(Tok::Error, s.take(word - open));
                e.tok(Tok::KeywordDeclaration, s.take(close - word));
            }
            return true;
        }
        if s.at(0) != Some(b'#') {
            return false;
        }
        if s.starts("#available(") {
            let from = s.pos + 11;
            if let Some(end) = self
                .close_paren
                .find(s.src, ")", from)
                .filter(|&r| r > from)
            {
                e.tok(Tok::KeywordDeclaration, s.take(end + 1 - s.pos));
                return true;
            }
        }
        if s.starts("#selector(") || s.starts("#keyPath(") {
            let open = if s.at(1) == Some(b's') { 10 } else { 9 };
            if let Some((arg_end, end)) = self.selector(s, s.pos + open) {
                e.tok(Tok::KeywordDeclaration, s.take(open));
                e.tok(Tok::NameFunction, s.take(arg_end - s.pos));
                e.tok(Tok::KeywordDeclaration, s.take(end - s.pos));
                return true;
            }
        }
        let names = ["line", "file", "column", "function", "dsohandle"];
        if let Some(w) = names.into_iter().find(|w| s.rest()[1..].starts_with(w)) {
            e.tok(Tok::KeywordDeclaration, s.take(1 + w.len()));
            return true;
        }
        false
    }

    /// `([^)]+?(?:[(].*?[)])?)(\))` from `from`: where the argument ends and where the `)`
    /// after it ends. The lazy argument stops at the first `(` from which a `)` on its line is
    /// followed by another `)`, else at the first `)`.
    fn selector(&mut self, s: &Scan<'_>, from: usize) -> Option<(usize, usize)> {
        let r = self.close_paren.find(s.src, ")", from)?;
        if r == from {
            return None;
        }
        let b = s.src.as_bytes();
        let line_end = b[r..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(b.len(), |i| r + i);
        let double = (r..line_end).find(|&q| b[q] == b')' && b.get(q + 1) == Some(&b')'));
        if let Some(q) = double {
            let line_start = b[..r]
                .iter()
                .rposition(|&c| c == b'\n')
                .map_or(0, |i| i + 1);
            let first = line_start.max(from + 1);
            if (first..r).any(|p| b[p] == b'(') {
                return Some((q + 1, q + 2));
            }
        }
        Some((r, r + 1))
    }

    /// `let` and `var` with the name or the tuple after them.
    fn binding(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if !(s.starts("let") || s.starts("var")) || !s.boundary(s.pos + 3) {
            return false;
        }
        let ws = s.run(3, is_ruby_space);
        let n = id(s, 3 + ws);
        if n == 0 && s.at(3 + ws) != Some(b'(') {
            return false;
        }
        e.tok(Tok::Keyword, s.take(3));
        e.tok(Tok::Text, s.take(ws));
        if n > 0 {
            e.tok(Tok::NameVariable, s.take(n));
        } else {
            self.push(s, e, Tok::Punctuation, 1, St::Tuple);
        }
        true
    }

    /// Calls, `as` and `try`, labels, words by their tables and case, and quoted names.
    fn named(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = id(s, 0);
        if n > 0 && s.boundary(s.pos) && !in_words(NOT_CALLS, s.unicode_word(0)) {
            let mark = usize::from(matches!(s.at(n), Some(b'?' | b'!')));
            let ws = s.run(n + mark, is_ruby_space);
            if s.at(n + mark + ws) == Some(b'(') {
                let tok = match starts_upper(s, 0) {
                    true => Tok::KeywordType,
                    false => Tok::NameFunction,
                };
                e.tok(tok, s.take(n));
                return true;
            }
        }
        for (word, marks) in [("as", "?!"), ("try", "!")] {
            if s.starts(word) {
                let w = word.len();
                let mark = usize::from(s.at(w).is_some_and(|c| marks.as_bytes().contains(&c)));
                let spaced = |k: usize| s.at(k).is_some_and(is_ruby_space);
                let len = [w + mark, w].into_iter().find(|&k| spaced(k));
                if let Some(len) = len {
                    e.tok(Tok::Keyword, s.take(len));
                    return true;
                }
            }
        }
        self.label(s, e) || self.word(s, e)
    }

    /// `(#?(?!default)(?![[:upper:]])ID)(\s*)(:)`.
    fn label(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let h = usize::from(s.at(0) == Some(b'#'));
        if s.rest()[h..].starts_with("default") || starts_upper(s, h) {
            return false;
        }
        let n = id(s, h);
        let ws = s.run(h + n, is_ruby_space);
        if n == 0 || s.at(h + n + ws) != Some(b':') {
            return false;
        }
        e.tok(Tok::NameVariable, s.take(h + n));
        e.tok(Tok::Text, s.take(ws));
        e.tok(Tok::Punctuation, s.take(1));
        true
    }

    fn word(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = id(s, 0);
        if n == 0 {
            return self.quoted_id(s, e);
        }
        let w = &s.rest()[..n];
        let tok = [
            (KEYWORDS, Tok::Keyword),
            (DECLARATIONS, Tok::KeywordDeclaration),
            (CONSTANTS, Tok::KeywordConstant),
        ]
        .into_iter()
        .find(|(table, _)| in_words(table, w))
        .map_or_else(
            || match starts_upper(s, 0) {
                true => Tok::KeywordType,
                false => Tok::Name,
            },
            |(_, tok)| tok,
        );
        e.tok(tok, s.take(n));
        true
    }

    /// `` (`)(ID)(`) ``.
    fn quoted_id(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = if s.at(0) == Some(b'`') { id(s, 1) } else { 0 };
        if n == 0 || s.at(1 + n) != Some(b'`') {
            return false;
        }
        e.tok(Tok::Punctuation, s.take(1));
        e.tok(Tok::NameVariable, s.take(n));
        e.tok(Tok::Punctuation, s.take(1));
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [KEYWORDS, DECLARATIONS, CONSTANTS, NOT_CALLS] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
