//! Java, as rouge 3.30's `Java` lexer (`lexers/java.rb`, tag `java`). Its states: `root` (with
//! the method signature rule: words, a name and `(`, the words lexed again by a fresh lexer),
//! `class` (the name after `class` or `interface`) and `import` (the name after `import` or
//! `package`).

use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Finder, Scan, States},
    token::Tok,
};
use crate::markdown::unicode::{is_alnum, is_word};

const KEYWORDS: &str = "assert break case catch continue default do else finally for goto if \
    instanceof new return switch this throw try while";

const DECLARATIONS: &str = "abstract const enum extends final implements native private \
    protected public static strictfp super synchronized throws transient volatile";

const TYPES: &str = "boolean byte char double float int long short var void";

const CONSTANTS: &str = "false null true";

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Class,
    Import,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut java = Java {
        stack: States::new(St::Root),
        chain: None,
        run: (0, 0, 0),
        comments: Finder::default(),
    };
    run_states(code, e, |s, e| java.step(s, e));
}

/// A method's name: its start and end, and the place of its `(`.
type Method = (usize, usize, usize);

struct Java {
    stack: States<St>,
    /// The last chain of words read for the signature rule: the first word, the place where
    /// the chain ended, and the method name it found (its start, end, and the `(`).
    chain: Option<(usize, usize, Option<Method>)>,
    /// The last run of the type class read for the signature rule: its start, its end and the
    /// end of the white space after it.
    run: (usize, usize, usize),
    comments: Finder,
}

/// `[[:alpha:]_][[:word:]]*` at `pos + k`: its length, 0 if none.
fn ident(s: &Scan<'_>, k: usize) -> usize {
    let rest = &s.src[s.pos + k..];
    match rest.chars().next() {
        Some(c) if c.is_alphabetic() || c == '_' => rest
            .char_indices()
            .find(|&(_, c)| !is_word(c))
            .map_or(rest.len(), |(i, _)| i),
        _ => 0,
    }
}

/// The run of characters `class` accepts at `pos + k`: its length in bytes.
fn chars_while(s: &Scan<'_>, k: usize, class: impl Fn(char) -> bool) -> usize {
    let rest = &s.src[s.pos + k..];
    rest.char_indices()
        .find(|&(_, c)| !class(c))
        .map_or(rest.len(), |(i, _)| i)
}

/// `(?:a|b|…)\b` for the words of `table`: the word's length if the word at `pos` is one.
fn word_in(s: &Scan<'_>, table: &str) -> Option<usize> {
    let n = chars_while(s, 0, is_word);
    (n > 0 && in_words(table, &s.rest()[..n])).then_some(n)
}

fn is_type_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"_.[]<>".contains(&b)
}

fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

impl Java {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e),
            St::Class | St::Import => {
                let ws = s.run(0, is_ruby_space);
                if ws > 0 {
                    e.tok(Tok::Text, s.take(ws));
                    return true;
                }
                let (tok, n) = if self.stack.top() == St::Class {
                    (Tok::NameClass, ident(s, 0))
                } else {
                    let n = s.run(0, |c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.');
                    let star = usize::from(n > 0 && s.at(n) == Some(b'*'));
                    (Tok::NameNamespace, n + star)
                };
                if n == 0 {
                    return false;
                }
                e.tok(tok, s.take(n));
                self.stack.pop();
                true
            }
        }
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, |c| is_ruby_space(c) && c != b'\n');
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
            return true;
        }
        if s.starts("//") {
            let n = s.to_eol(0);
            e.tok(Tok::CommentSingle, s.take(n));
            return true;
        }
        if s.starts("/*") {
            if let Some(end) = self.comments.find(s.src, "*/", s.pos + 2) {
                e.tok(Tok::CommentMultiline, s.take(end + 2 - s.pos));
                return true;
            }
        }
        if let Some(n) = word_in(s, KEYWORDS) {
            e.tok(Tok::Keyword, s.take(n));
            return true;
        }
        if let Some((name, name_end, paren)) = self.signature(s) {
            lex(&s.src[s.pos..name], e);
            s.pos = name;
            e.tok(Tok::NameFunction, s.take(name_end - name));
            e.tok(Tok::Text, s.take(paren - name_end));
            e.tok(Tok::Operator, s.take(1));
            return true;
        }
        if s.at(0) == Some(b'@') {
            let n = ident(s, 1);
            if n > 0 {
                e.tok(Tok::NameDecorator, s.take(1 + n));
                return true;
            }
        }
        let words = [
            (DECLARATIONS, Tok::KeywordDeclaration, None),
            (TYPES, Tok::KeywordType, None),
            (CONSTANTS, Tok::KeywordConstant, None),
            ("class interface", Tok::KeywordDeclaration, Some(St::Class)),
            ("import package", Tok::KeywordNamespace, Some(St::Import)),
        ];
        for (table, tok, then) in words {
            if let Some(n) = word_in(s, table) {
                e.tok(tok, s.take(n));
                if let Some(st) = then {
                    self.stack.push(st);
                }
                return true;
            }
        }
        self.literal_or_name(s, e) || self.operator_or_number(s, e)
    }

    fn literal_or_name(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if let Some(n) = string(s) {
            e.tok(Tok::Str, s.take(n));
            return true;
        }
        if let Some(n) = char_literal(s) {
            e.tok(Tok::StrChar, s.take(n));
            return true;
        }
        if s.at(0) == Some(b'.') {
            let n = ident(s, 1);
            if n > 0 {
                e.tok(Tok::Operator, s.take(1));
                e.tok(Tok::NameAttribute, s.take(n));
                return true;
            }
        }
        let n = ident(s, 0);
        if n > 0 && s.at(n) == Some(b':') {
            e.tok(Tok::NameLabel, s.take(n + 1));
            return true;
        }
        let upper = s.rest().chars().next().is_some_and(char::is_uppercase);
        if upper {
            let is_digit = |c: char| is_alnum(c) && !c.is_alphabetic();
            let constant = chars_while(s, 0, |c| c.is_uppercase() || is_digit(c) || c == '_');
            if s.boundary(s.pos + constant) {
                e.tok(Tok::NameConstant, s.take(constant));
                return true;
            }
            let class = chars_while(s, 0, is_alnum);
            if s.boundary(s.pos + class) {
                e.tok(Tok::NameClass, s.take(class));
                return true;
            }
        }
        let dollar = usize::from(s.at(0) == Some(b'$'));
        let n = ident(s, dollar);
        if n > 0 {
            e.tok(Tok::Name, s.take(dollar + n));
            return true;
        }
        false
    }

    fn operator_or_number(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let Some(b) = s.at(0) else { return false };
        if b"~^*!%&[](){}<>|+=:;,./?-".contains(&b) {
            e.tok(Tok::Operator, s.take(1));
            return true;
        }
        if let Some((tok, n)) = number(s) {
            e.tok(tok, s.take(n));
            return true;
        }
        if b == b'\n' {
            e.tok(Tok::Text, s.take(1));
            return true;
        }
        false
    }

    /// `(\s*(?:[a-zA-Z_][a-zA-Z0-9_.\[\]<>]*\s+)+?)([a-zA-Z_][a-zA-Z0-9_]*)(\s*)(\()`: the
    /// name's start and end and the `(`. The words before the name are whole runs of the type
    /// class, each followed by white space, and the name is the first whole word after them
    /// that white space and `(` follow; the chain of words read is kept, so the steps of a
    /// long run of words read it once.
    fn signature(&mut self, s: &Scan<'_>) -> Option<Method> {
        let first = s.pos + s.run(0, is_ruby_space);
        let b = s.src.as_bytes();
        if !b.get(first).copied().is_some_and(is_name_start) {
            return None;
        }
        if !(self.run.0 <= first && first < self.run.1) {
            let end = first + b[first..].iter().take_while(|&&c| is_type_char(c)).count();
            let ws = b[end..].iter().take_while(|&&c| is_ruby_space(c)).count();
            self.run = (first, end, end + ws);
        }
        let (_, end, second) = self.run;
        if second == end {
            return None;
        }
        if let Some((from, to, found)) = self.chain {
            if from <= second && second <= to {
                return found;
            }
        }
        let (to, found) = chain(b, second);
        self.chain = Some((second, to, found));
        found
    }
}

/// From the word at `at`: the first whole word of name characters that white space and `(`
/// follow, passing whole words of the type class each followed by white space. Where the
/// chain ended, and the name with its `(`.
fn chain(b: &[u8], mut at: usize) -> (usize, Option<Method>) {
    loop {
        if !b.get(at).copied().is_some_and(is_name_start) {
            return (at, None);
        }
        let end = at + b[at..].iter().take_while(|&&c| is_type_char(c)).count();
        let ws = b[end..].iter().take_while(|&&c| is_ruby_space(c)).count();
        let name = b[at..end]
            .iter()
            .all(|&c| c.is_ascii_alphanumeric() || c == b'_');
        if name && b.get(end + ws) == Some(&b'(') {
            return (at, Some((at, end, end + ws)));
        }
        if ws == 0 {
            return (at, None);
        }
        at = end + ws;
    }
}

/// `"(\\\\|\\"|[^"])*"`, with rouge's backtracking: up to the first quote no backslash
/// escapes, else up to the last escaped one.
pub(super) fn string(s: &Scan<'_>) -> Option<usize> {
    if s.at(0) != Some(b'"') {
        return None;
    }
    let b = s.rest().as_bytes();
    let (mut i, mut last_escaped) = (1, None);
    while i < b.len() {
        match b[i] {
            b'"' => return Some(i + 1),
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

/// `'(?:\\.|[^\\]|\\u[0-9a-f]{4})'`: its length.
fn char_literal(s: &Scan<'_>) -> Option<usize> {
    if s.at(0) != Some(b'\'') {
        return None;
    }
    let quote_at = |k: usize| (s.at(k) == Some(b'\'')).then_some(k + 1);
    if s.at(1) == Some(b'\\') {
        let any = s.dot(2);
        let escaped = (any > 0).then(|| quote_at(2 + any)).flatten();
        let unicode = (s.at(2) == Some(b'u')
            && s.run(3, |c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c)) >= 4)
            .then(|| quote_at(7))
            .flatten();
        return escaped.or(unicode);
    }
    match s.char_len(1) {
        0 => None,
        n => quote_at(1 + n),
    }
}

/// `(?:D_+D|D)+` for the digit class `digit` at `pos + k`: its length.
fn digits(s: &Scan<'_>, k: usize, digit: fn(u8) -> bool) -> usize {
    let mut n = 0;
    while s.at(k + n).is_some_and(digit) {
        let underscores = s.run(k + n + 1, |c| c == b'_');
        if underscores > 0 && s.at(k + n + 1 + underscores).is_some_and(digit) {
            n += 2 + underscores;
        } else {
            n += 1;
        }
    }
    n
}

fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let dec: fn(u8) -> bool = |c| c.is_ascii_digit();
    let d = digits(s, 0, dec);
    if d == 0 {
        return None;
    }
    if s.at(d) == Some(b'.') {
        let f = digits(s, d + 1, dec);
        if f > 0 {
            let mut n = d + 1 + f;
            if matches!(s.at(n), Some(b'e' | b'E')) {
                let x = digits(s, n + 1, dec);
                if x > 0 {
                    n += 1 + x;
                }
            }
            n += usize::from(matches!(s.at(n), Some(b'f' | b'd')));
            return Some((Tok::NumFloat, n));
        }
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
                    return Some((tok, 2 + n));
                }
            }
        }
        let n = digits(s, 1, |c| (b'0'..=b'7').contains(&c));
        if n > 0 {
            return Some((Tok::NumOct, 1 + n));
        }
    }
    Some((Tok::NumInteger, d + usize::from(s.at(d) == Some(b'L'))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [KEYWORDS, DECLARATIONS, TYPES, CONSTANTS] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
