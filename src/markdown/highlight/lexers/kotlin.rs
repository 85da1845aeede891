//! Kotlin, as rouge 3.30's `Kotlin` lexer (`lexers/kotlin.rb`, tag `kotlin`). Its states:
//! `root` (declarations that push a state, keywords, attributes at the start of a line,
//! comments, numbers, strings, characters, decorators, classes, functions and names),
//! `package`, `class`, `function`, `generic_parameters` (nested `<…>`), `property`,
//! `destructure` (`val (a, b)`) and `comment` (nested `/* … */`). Names use Unicode's general
//! categories (`unicode_classes.rs`); a name may hold `-` and be quoted in backticks.

use super::unicode_classes::{in_class, KOTLIN_REST, KOTLIN_START, UPPER_LETTER};
use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, nested_comment, run_states, space_text, Finder, Nesting, Scan, States},
    token::Tok,
};

const KEYWORDS: &str = "abstract annotation as break by catch class companion const \
    constructor continue crossinline do dynamic else enum external false final finally for fun \
    get if import in infix inline inner interface internal is lateinit noinline null object open \
    operator out override package private protected public reified return sealed set super \
    suspend tailrec this throw true try typealias typeof val var vararg when where while yield";

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Package,
    Class,
    Function,
    Generic,
    Property,
    Destructure,
    Comment,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut k = Kotlin {
        stack: States::new(St::Root),
        triple: Finder::default(),
        attribute: None,
    };
    run_states(code, e, |s, e| k.step(s, e));
}

struct Kotlin {
    stack: States<St>,
    /// The closing `"""` of a triple-quoted string.
    triple: Finder,
    /// The last answer of the attribute rule: the run of white space it skipped (its start and
    /// end) and where the attribute after it ends, so every line start in one run of blank
    /// lines asks once.
    attribute: Option<(usize, usize, Option<usize>)>,
}

// ASCII is answered without the tables: most names are ASCII.
fn is_upper(c: char) -> bool {
    match c.is_ascii() {
        true => c.is_ascii_uppercase(),
        false => in_class(UPPER_LETTER, c),
    }
}

fn is_start(c: char) -> bool {
    match c.is_ascii() {
        true => c.is_ascii_alphabetic() || c == '_',
        false => in_class(KOTLIN_START, c),
    }
}

fn is_rest(c: char) -> bool {
    match c.is_ascii() {
        true => c.is_ascii_alphanumeric() || c == '_' || c == '-',
        false => in_class(KOTLIN_REST, c),
    }
}

/// The length of the run of name characters at `pos + k`.
fn rest_run(s: &Scan<'_>, k: usize) -> usize {
    let rest = &s.src[s.pos + k..];
    rest.char_indices()
        .find(|&(_, c)| !is_rest(c))
        .map_or(rest.len(), |(i, _)| i)
}

/// `` `?FIRST[name characters]*`? `` at `pos + k`, FIRST a character `first` accepts: the
/// greedy length, 0 if none (rouge's `name` and `class_name`).
fn name_at(s: &Scan<'_>, k: usize, first: fn(char) -> bool) -> usize {
    let tick = usize::from(s.at(k) == Some(b'`'));
    let Some(c) = s.src[s.pos + k + tick..].chars().next() else {
        return 0;
    };
    if !first(c) {
        return 0;
    }
    let n = tick + c.len_utf8() + rest_run(s, k + tick + c.len_utf8());
    n + usize::from(s.at(k + n) == Some(b'`'))
}

fn name(s: &Scan<'_>, k: usize) -> usize {
    name_at(s, k, is_start)
}

fn class_name(s: &Scan<'_>, k: usize) -> usize {
    name_at(s, k, is_upper)
}

/// `[eE][+-]?DIGITS` at `pos + k`.
fn exponent(s: &Scan<'_>, k: usize) -> usize {
    if !matches!(s.at(k), Some(b'e' | b'E')) {
        return 0;
    }
    let sign = usize::from(matches!(s.at(k + 1), Some(b'+' | b'-')));
    match digits(s, k + 1 + sign, |c| c.is_ascii_digit()) {
        0 => 0,
        d => 1 + sign + d,
    }
}

/// `(D[D_]*D|D)` for the digit class `digit` at `pos + k`: the run of digits and underscores
/// up to its last digit.
fn digits(s: &Scan<'_>, k: usize, digit: fn(u8) -> bool) -> usize {
    if !s.at(k).is_some_and(digit) {
        return 0;
    }
    let b = &s.src.as_bytes()[s.pos + k..];
    let run = b.iter().take_while(|&&c| digit(c) || c == b'_').count();
    b[..run]
        .iter()
        .rposition(|&c| digit(c))
        .map_or(1, |i| i + 1)
}

/// rouge's float rule: `(\d.\d(e\d)?|\d e\d)[fF]?` or `\d[fF]`, digits with underscores.
fn float(s: &Scan<'_>) -> usize {
    let dec: fn(u8) -> bool = |c| c.is_ascii_digit();
    let d = digits(s, 0, dec);
    let f_suffix = |n: usize| n + usize::from(matches!(s.at(n), Some(b'f' | b'F')));
    if s.at(d) == Some(b'.') {
        let frac = digits(s, d + 1, dec);
        if frac > 0 {
            let n = d + 1 + frac;
            return f_suffix(n + exponent(s, n));
        }
    }
    if d == 0 {
        return 0;
    }
    match exponent(s, d) {
        0 if matches!(s.at(d), Some(b'f' | b'F')) => d + 1,
        0 => 0,
        x => f_suffix(d + x),
    }
}

/// `[uU]?L?` at `pos + n`, added to `n`.
fn int_suffix(s: &Scan<'_>, n: usize) -> usize {
    let n = n + usize::from(matches!(s.at(n), Some(b'u' | b'U')));
    n + usize::from(s.at(n) == Some(b'L'))
}

fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let f = float(s);
    if f > 0 {
        return Some((Tok::NumFloat, f));
    }
    if s.at(0) == Some(b'0') {
        type Class = fn(u8) -> bool;
        let based: [(u8, Tok, Class); 2] = [
            (b'b', Tok::NumBin, |c| c == b'0' || c == b'1'),
            (b'x', Tok::NumHex, |c| c.is_ascii_hexdigit()),
        ];
        for (letter, tok, class) in based {
            if s.at(1).is_some_and(|c| c.to_ascii_lowercase() == letter) {
                let n = digits(s, 2, class);
                if n > 0 {
                    return Some((tok, int_suffix(s, 2 + n)));
                }
            }
        }
    }
    let d = digits(s, 0, |c| c.is_ascii_digit());
    match s.at(0) {
        Some(b'1'..=b'9') if d >= 2 => Some((Tok::NumInteger, int_suffix(s, d))),
        Some(b'0'..=b'9') => Some((Tok::NumInteger, int_suffix(s, 1))),
        _ => None,
    }
}

/// `@"(""|[^"])*"`: a verbatim string, its doubled quotes inside.
fn verbatim(s: &Scan<'_>) -> Option<usize> {
    if !s.starts("@\"") {
        return None;
    }
    let b = s.rest().as_bytes();
    let (mut i, mut last_pair) = (2, None);
    while i < b.len() {
        match (b[i], b.get(i + 1)) {
            (b'"', Some(b'"')) => {
                last_pair = Some(i);
                i += 2;
            }
            (b'"', _) => return Some(i + 1),
            _ => i += 1,
        }
    }
    // At the end of the code rouge gives back the last `""`, whose first quote closes.
    last_pair.map(|q| q + 1)
}

/// `"(\\\\|\\"|[^"\n])*["\n]`: up to the first quote or line end no backslash escapes, else
/// (at the end of the code) up to the last escaped quote.
fn quoted(s: &Scan<'_>) -> Option<usize> {
    let b = s.rest().as_bytes();
    let (mut i, mut last_escaped) = (1, None);
    while i < b.len() {
        match b[i] {
            b'"' | b'\n' => return Some(i + 1),
            b'\\' if b.get(i + 1) == Some(&b'"') => {
                last_escaped = Some(i + 1);
                i += 2;
            }
            b'\\' if b.get(i + 1) == Some(&b'\\') => i += 2,
            _ => i += 1,
        }
    }
    last_escaped.map(|q| q + 1)
}

/// `'\\.'|'[^\\]'`: a character literal's length.
fn char_literal(s: &Scan<'_>) -> Option<usize> {
    if s.at(0) != Some(b'\'') {
        return None;
    }
    // The escaped character is any but a line end; an unescaped one any but a backslash.
    let inner = match s.at(1) {
        Some(b'\\') => match s.dot(2) {
            0 => return None,
            n => 1 + n,
        },
        _ => s.char_len(1),
    };
    (inner > 0 && s.at(1 + inner) == Some(b'\'')).then_some(2 + inner)
}

impl Kotlin {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e),
            St::Package => {
                let n = s.run(0, |c| !is_ruby_space(c));
                self.stack.emit_pop(s, e, Tok::NameNamespace, n)
            }
            St::Class => self.stack.emit_pop(s, e, Tok::NameClass, class_name(s, 0)),
            St::Function => self.function(s, e),
            St::Generic => self.generic(s, e),
            St::Property => self.property(s, e),
            St::Destructure => self.destructure(s, e),
            St::Comment => self.comment(s, e),
        }
    }

    fn function(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'<') {
            e.tok(Tok::Punctuation, s.take(1));
            self.stack.push(St::Generic);
            return true;
        }
        if space_text(s, e) {
            return true;
        }
        let c = class_name(s, 0);
        if c > 0 && s.at(c) == Some(b'.') {
            e.tok(Tok::NameClass, s.take(c));
            e.tok(Tok::Punctuation, s.take(1));
            return true;
        }
        self.stack.emit_pop(s, e, Tok::NameFunction, name(s, 0))
    }

    fn generic(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let c = class_name(s, 0);
        if c > 0 {
            e.tok(Tok::NameClass, s.take(c));
            return true;
        }
        if let Some(w) = ["reified", "out", "in"].into_iter().find(|w| s.starts(w)) {
            e.tok(Tok::Keyword, s.take(w.len()));
            return true;
        }
        match s.at(0) {
            Some(b'<') => {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.push(St::Generic);
                true
            }
            Some(b',' | b':' | b'.' | b'?') => {
                e.tok(Tok::Punctuation, s.take(1));
                true
            }
            Some(b'>') => self.stack.emit_pop(s, e, Tok::Punctuation, 1),
            _ => space_text(s, e),
        }
    }

    fn property(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'<') {
            e.tok(Tok::Punctuation, s.take(1));
            self.stack.push(St::Generic);
            return true;
        }
        space_text(s, e) || self.stack.emit_pop(s, e, Tok::NameProperty, name(s, 0))
    }

    fn destructure(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b',') => {
                e.tok(Tok::Punctuation, s.take(1));
                true
            }
            Some(b')') => self.stack.emit_pop(s, e, Tok::Punctuation, 1),
            _ => {
                if space_text(s, e) {
                    return true;
                }
                let n = name(s, 0);
                e.tok(Tok::NameProperty, s.take(n));
                n > 0
            }
        }
    }

    fn comment(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match nested_comment(s, e) {
            Nesting::Deeper => self.stack.push(St::Comment),
            Nesting::Shallower => self.stack.pop(),
            Nesting::Same => {}
        }
        true
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        self.declaration(s, e)
            || self.keyword(s, e)
            || self.attribute(s, e)
            || self.space_or_comment(s, e)
            || self.operator_or_number(s, e)
            || self.string(s, e)
            || self.named(s, e)
    }

    /// The rules that read a word and the white space after it, and push a state.
    fn declaration(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("companion") {
            let ws = s.run(9, is_ruby_space);
            if ws > 0 && s.rest()[9 + ws..].starts_with("object") && s.boundary(s.pos + 15 + ws) {
                e.tok(Tok::Keyword, s.take(9));
                e.tok(Tok::Text, s.take(ws));
                e.tok(Tok::Keyword, s.take(6));
                return true;
            }
        }
        let data_class = if s.starts("data") {
            let ws = s.run(4, is_ruby_space);
            (ws > 0 && s.rest()[4 + ws..].starts_with("class")).then_some(9 + ws)
        } else {
            None
        };
        let class = ["class", "interface", "object"]
            .into_iter()
            .find(|w| s.starts(w))
            .map(str::len)
            .or(data_class);
        let words: [(Option<usize>, Tok, St); 3] = [
            (class, Tok::KeywordDeclaration, St::Class),
            (s.starts("fun").then_some(3), Tok::Keyword, St::Function),
            (
                ["package", "import"]
                    .into_iter()
                    .find(|w| s.starts(w))
                    .map(str::len),
                Tok::Keyword,
                St::Package,
            ),
        ];
        for (word, tok, st) in words {
            let Some(n) = word else { continue };
            let ws = s.run(n, is_ruby_space);
            if ws > 0 {
                e.tok(tok, s.take(n));
                e.tok(Tok::Text, s.take(ws));
                self.stack.push(st);
                return true;
            }
        }
        if s.starts("val") || s.starts("var") {
            let ws = s.run(3, is_ruby_space);
            if ws > 0 {
                e.tok(Tok::KeywordDeclaration, s.take(3));
                e.tok(Tok::Text, s.take(ws));
                if s.at(0) == Some(b'(') {
                    e.tok(Tok::Punctuation, s.take(1));
                    self.stack.push(St::Destructure);
                } else {
                    self.stack.push(St::Property);
                }
                return true;
            }
        }
        false
    }

    /// `(return|continue|break|this|super)(@name)?\b`, then the keywords as whole words.
    fn keyword(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let jump = ["return", "continue", "break", "this", "super"]
            .into_iter()
            .find(|w| s.starts(w))
            .map(str::len);
        if let Some(n) = jump {
            if let Some(label) = label_after(s, n) {
                e.tok(Tok::Keyword, s.take(n));
                e.tok(Tok::NameDecorator, s.take(label));
                return true;
            }
            if s.boundary(s.pos + n) {
                e.tok(Tok::Keyword, s.take(n));
                return true;
            }
        }
        let w = s.unicode_word(0);
        if !w.is_empty() && in_words(KEYWORDS, w) {
            e.tok(Tok::Keyword, s.take(w.len()));
            return true;
        }
        false
    }

    /// `^\s*\[.*?\]`: an attribute at the start of a line, after any white space (blank lines
    /// too).
    fn attribute(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if !s.bol() {
            return false;
        }
        let end = match self.attribute {
            Some((from, to, end)) if from <= s.pos && s.pos <= to => end,
            _ => {
                let to = s.pos + s.run(0, is_ruby_space);
                let b = s.src.as_bytes();
                let end = (b.get(to) == Some(&b'[')).then(|| {
                    b[to + 1..]
                        .iter()
                        .position(|&c| c == b']' || c == b'\n')
                        .filter(|&i| b[to + 1 + i] == b']')
                        .map(|i| to + i + 2)
                });
                let end = end.flatten();
                self.attribute = Some((s.pos, to, end));
                end
            }
        };
        match end {
            Some(end) => {
                e.tok(Tok::NameAttribute, s.take(end - s.pos));
                true
            }
            None => false,
        }
    }

    fn space_or_comment(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, |c| is_ruby_space(c) && c != b'\n');
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
            return true;
        }
        if s.starts("\\\n") || s.starts("\n") {
            let n = if s.at(0) == Some(b'\n') { 1 } else { 2 };
            e.tok(Tok::Text, s.take(n));
            return true;
        }
        if s.starts("//") {
            let n = s.to_eol(0);
            e.tok(Tok::CommentSingle, s.take(n));
            return true;
        }
        if s.starts("/*") {
            let line = &s.rest()[..s.to_eol(0)];
            // One line's comment: up to the line's last `*/` (rouge's greedy `.*`).
            let closed = line.rfind("*/").filter(|&i| i >= 2);
            let n = closed.map_or(line.len(), |i| i + 2);
            e.tok(Tok::CommentMultiline, s.take(n));
            if closed.is_none() {
                self.stack.push(St::Comment);
            }
            return true;
        }
        false
    }

    fn operator_or_number(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("::class") {
            e.tok(Tok::Operator, s.take(2));
            e.tok(Tok::Keyword, s.take(5));
            return true;
        }
        if ["::", "!!", "?:", "?.", ".."].iter().any(|o| s.starts(o)) {
            e.tok(Tok::Operator, s.take(2));
            return true;
        }
        if let Some((tok, n)) = number(s) {
            e.tok(tok, s.take(n));
            return true;
        }
        if s.at(0)
            .is_some_and(|b| b"~!%^&*()+=|[]:;,.<>/?-{}".contains(&b))
        {
            e.tok(Tok::Punctuation, s.take(1));
            return true;
        }
        false
    }

    fn string(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if let Some(n) = verbatim(s) {
            e.tok(Tok::Str, s.take(n));
            return true;
        }
        if s.starts("\"\"\"") {
            if let Some(end) = self.triple.find(s.src, "\"\"\"", s.pos + 3) {
                e.tok(Tok::Str, s.take(end + 3 - s.pos));
                return true;
            }
        }
        if s.at(0) == Some(b'"') {
            if let Some(n) = quoted(s) {
                e.tok(Tok::Str, s.take(n));
                return true;
            }
        }
        if let Some(n) = char_literal(s) {
            e.tok(Tok::StrChar, s.take(n));
            return true;
        }
        false
    }

    /// Decorators, classes (with their generic parameters), functions, labels and names.
    fn named(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'@') {
            let c = class_name(s, 1);
            if c > 0 {
                e.tok(Tok::NameDecorator, s.take(1 + c));
                return true;
            }
        }
        let c = class_name(s, 0);
        if c > 0 {
            e.tok(Tok::NameClass, s.take(c));
            if s.at(0) == Some(b'<') {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.push(St::Generic);
            }
            return true;
        }
        let n = name(s, 0);
        if n == 0 {
            return false;
        }
        let ws = s.run(n, is_ruby_space);
        if matches!(s.at(n + ws), Some(b'(' | b'{')) {
            e.tok(Tok::NameFunction, s.take(n));
        } else if s.at(n) == Some(b'@') {
            e.tok(Tok::NameDecorator, s.take(n + 1));
        } else {
            e.tok(Tok::Name, s.take(n));
        }
        true
    }
}

/// `(@name)?\b` after a jump keyword of `n` bytes: the label's length with its `@`, if rouge
/// takes one. The name gives back characters, last first, until a word boundary follows it.
fn label_after(s: &Scan<'_>, n: usize) -> Option<usize> {
    let at = n + 1;
    if s.at(n) != Some(b'@') {
        return None;
    }
    let tick = usize::from(s.at(at) == Some(b'`'));
    let first = s.src[s.pos + at + tick..].chars().next()?;
    if !is_start(first) {
        return None;
    }
    let min = tick + first.len_utf8();
    let core = min + rest_run(s, at + min);
    let closing = (s.at(at + core) == Some(b'`')).then_some(core + 1);
    let body = &s.rest()[at..at + core];
    let shorter = body.char_indices().map(|(i, _)| i).filter(|&i| i >= min);
    closing
        .into_iter()
        .chain(std::iter::once(core))
        .chain(shorter.rev())
        .find(|&k| s.boundary(s.pos + at + k))
        .map(|k| 1 + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keyword_table_should_be_sorted_for_binary_search() {
        assert!(
            crate::markdown::highlight::scan::is_word_table(KEYWORDS),
            "the keyword table should be sorted"
        );
    }
}
