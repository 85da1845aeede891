//! C and C++, as rouge 3.30's `C` lexer (`lexers/c.rb`, tag `c`) and `Cpp`, which extends it
//! (`lexers/cpp.rb`, tag `cpp`, alias `c++`). The states: `bol` and `expr_bol` (a line's start:
//! labels, preprocessor lines, `#if 0`), `root` (with the function signature rule,
//! `signature.rs`), `function` (inside braces), `statements` (strings, characters, numbers,
//! operators, words), `case`, `string`, `macro` (with `include`), `if_0`; C++ adds `classname`
//! and `template`, and puts its own rules first in `root` and `statements` (`class`, numbers
//! with inner quotes, raw strings, `::`, braces, which it never pops). A rule's `recurse` lexes
//! its text with a fresh lexer of the same language.

mod numbers;
mod raw;
mod signature;
mod words;

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{run_states, Finder, Scan, States},
    token::Tok,
};

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Dialect {
    C,
    Cpp,
}

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Function,
    Bol,
    ExprBol,
    Case,
    Str,
    Macro,
    If0,
    Classname,
    Template,
}

/// rouge's `C` lexer.
pub(crate) fn lex_c(code: &str, e: &mut Emitter<'_>) {
    lex(code, Dialect::C, e);
}

/// rouge's `Cpp` lexer.
pub(crate) fn lex_cpp(code: &str, e: &mut Emitter<'_>) {
    lex(code, Dialect::Cpp, e);
}

fn lex(code: &str, dialect: Dialect, e: &mut Emitter<'_>) {
    let mut c = C {
        code,
        dialect,
        stack: States::starting_in(St::Root, St::Bol),
        signatures: signature::Memo::default(),
        comments: Finder::default(),
        includes: [Finder::default(), Finder::default()],
        endifs: Finder::default(),
        raw: raw::RawEnds::default(),
    };
    run_states(code, e, |s, e| c.step(s, e));
}

struct C<'c> {
    code: &'c str,
    dialect: Dialect,
    stack: States<St>,
    signatures: signature::Memo,
    comments: Finder,
    includes: [Finder; 2],
    endifs: Finder,
    raw: raw::RawEnds<'c>,
}

/// `[a-zA-Z_][a-zA-Z0-9_]*` at `pos + k`: its length, 0 if none.
fn ident(s: &Scan<'_>, k: usize) -> usize {
    match s.at(k) {
        Some(c) if c.is_ascii_alphabetic() || c == b'_' => s.run(k, is_ruby_word),
        _ => 0,
    }
}

/// `word\b` at `pos`.
fn keyword(s: &Scan<'_>, word: &str) -> bool {
    s.starts(word) && s.boundary(s.pos + word.len())
}

impl C<'_> {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e),
            St::Function => self.function(s, e),
            St::Bol => self.bol(s, e),
            St::ExprBol => self.expr_bol(s, e),
            St::Case => {
                let colon =
                    s.at(0) == Some(b':') && (self.dialect == Dialect::C || s.at(1) != Some(b':'));
                if colon {
                    e.tok(Tok::Punctuation, s.take(1));
                    self.stack.pop();
                    return true;
                }
                self.statements(s, e)
            }
            St::Str => string(s, e, &mut self.stack),
            St::Macro => self.macro_line(s, e),
            St::If0 => self.if_0(s, e),
            St::Classname => self.classname(s, e),
            St::Template => {
                if matches!(s.at(0), Some(b'>' | b';')) {
                    e.tok(Tok::Punctuation, s.take(1));
                    self.stack.pop();
                } else if keyword(s, "typename") {
                    e.tok(Tok::Keyword, s.take(8));
                    self.stack.push(St::Classname);
                } else {
                    return self.statements(s, e);
                }
                true
            }
        }
    }

    /// `bol`: a label, then `expr_bol`.
    fn bol(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = ident(s, 0);
        if n > 0 && s.at(n) == Some(b':') && s.at(n + 1) != Some(b':') {
            e.tok(Tok::NameLabel, s.take(n + 1));
            return true;
        }
        self.expr_bol(s, e)
    }

    fn expr_bol(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.inline_whitespace(s, e) {
            return true;
        }
        if s.starts("#if") && s.at(3).is_some_and(is_ruby_space) && s.at(4) == Some(b'0') {
            e.tok(Tok::Comment, s.take(5));
            self.stack.push(St::If0);
        } else if s.at(0) == Some(b'#') {
            e.tok(Tok::CommentPreproc, s.take(1));
            self.stack.push(St::Macro);
        } else {
            self.stack.pop();
        }
        true
    }

    fn inline_whitespace(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.run(0, |c| matches!(c, b' ' | b'\t' | b'\r'));
        if n > 0 {
            e.tok(Tok::Text, s.take(n));
        } else if s.starts("\\\n") {
            e.tok(Tok::Text, s.take(2));
        } else if let Some(n) = self.block_comment(s) {
            e.tok(Tok::CommentMultiline, s.take(n));
        } else {
            return false;
        }
        true
    }

    /// `/(\\\n)?[*].*?[*](\\\n)?/`, across lines: its length.
    fn block_comment(&mut self, s: &Scan<'_>) -> Option<usize> {
        if s.at(0) != Some(b'/') {
            return None;
        }
        let open = if s.rest()[1..].starts_with("\\\n*") {
            4
        } else if s.at(1) == Some(b'*') {
            2
        } else {
            return None;
        };
        let src = s.src;
        let closes = |k: usize| src[k + 1..].starts_with('/') || src[k + 1..].starts_with("\\\n/");
        let star = self.comments.find_where(src, "*", s.pos + open, closes)?;
        let close = if src[star + 1..].starts_with('/') {
            2
        } else {
            4
        };
        Some(star + close - s.pos)
    }

    /// `whitespace` (and `expr_whitespace`, whose line ends go to `expr_bol`).
    fn whitespace(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, line_start: St) -> bool {
        let n = s.run(0, |c| c == b'\n');
        if n > 0 {
            e.tok(Tok::Text, s.take(n));
            self.stack.push(line_start);
        } else if s.starts("//") {
            let n = s.to_eol(0);
            e.tok(Tok::CommentSingle, s.take(n));
            self.stack.push(St::Bol);
        } else {
            return self.inline_whitespace(s, e);
        }
        true
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.dialect == Dialect::Cpp {
            let pseudo = ["__offload", "__blockingoffload", "__outer"];
            if let Some(w) = pseudo.iter().find(|w| keyword(s, w)) {
                e.tok(Tok::KeywordPseudo, s.take(w.len()));
                return true;
            }
        }
        if self.whitespace(s, e, St::ExprBol) {
            return true;
        }
        if let Some(sig) = self.signatures.at(s.src, s.pos) {
            lex(&s.src[s.pos..sig.name], self.dialect, e);
            s.pos = sig.name;
            e.tok(Tok::NameFunction, s.take(sig.name_end - sig.name));
            lex(s.take(sig.params_end - s.pos), self.dialect, e);
            lex(s.take(sig.brace - s.pos), self.dialect, e);
            if s.at(0) == Some(b'{') {
                self.stack.push(St::Function);
            }
            e.tok(Tok::Punctuation, s.take(1));
            return true;
        }
        if s.at(0) == Some(b'{') {
            e.tok(Tok::Punctuation, s.take(1));
            self.stack.push(St::Function);
            return true;
        }
        self.statements(s, e)
    }

    fn function(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.whitespace(s, e, St::Bol) || self.statements(s, e) {
            return true;
        }
        match s.at(0) {
            Some(b'{') => self.stack.push(St::Function),
            Some(b'}') => self.stack.pop(),
            _ => return false,
        }
        e.tok(Tok::Punctuation, s.take(1));
        true
    }

    fn statements(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.dialect == Dialect::Cpp && self.cpp_statements(s, e) {
            return true;
        }
        if self.whitespace(s, e, St::Bol) {
            return true;
        }
        let prefix = ["u8", "u", "U", "L"]
            .iter()
            .find(|p| s.starts(p) && s.at(p.len()) == Some(b'"'))
            .map_or(0, |p| p.len());
        if s.at(prefix) == Some(b'"') {
            e.tok(Tok::Str, s.take(prefix + 1));
            self.stack.push(St::Str);
            return true;
        }
        if let Some(n) = char_literal(s) {
            e.tok(Tok::StrChar, s.take(n));
            return true;
        }
        if let Some((tok, n)) = numbers::c_number(s) {
            e.tok(tok, s.take(n));
            return true;
        }
        let Some(b) = s.at(0) else { return false };
        if s.starts("*/") {
            e.tok(Tok::Error, s.take(2));
        } else if b"~!%^&*+=|?:<>/-".contains(&b) {
            e.tok(Tok::Operator, s.take(1));
        } else if b"()[],.;".contains(&b) {
            e.tok(Tok::Punctuation, s.take(1));
        } else if keyword(s, "case") {
            e.tok(Tok::Keyword, s.take(4));
            self.stack.push(St::Case);
        } else if let Some(w) = ["true", "false", "NULL"].iter().find(|w| keyword(s, w)) {
            e.tok(Tok::NameBuiltin, s.take(w.len()));
        } else {
            let n = ident(s, 0);
            if n == 0 {
                return false;
            }
            let word = s.take(n);
            e.tok(words::token_of(word, self.dialect), word);
        }
        true
    }

    /// The rules `Cpp` puts before `statements`' own.
    fn cpp_statements(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if let Some(w) = ["class", "struct"].iter().find(|w| keyword(s, w)) {
            e.tok(Tok::Keyword, s.take(w.len()));
            self.stack.push(St::Classname);
        } else if keyword(s, "template") {
            e.tok(Tok::Keyword, s.take(8));
            self.stack.push(St::Template);
        } else if let Some((tok, n)) = numbers::cpp_number(s) {
            e.tok(tok, s.take(n));
        } else if keyword(s, "nullptr") {
            e.tok(Tok::NameBuiltin, s.take(7));
        } else if let Some(n) = self.raw.at(self.code, s.pos) {
            e.tok(Tok::Str, s.take(n));
        } else if s.starts("::") || s.starts("<=>") {
            let n = if s.starts("::") { 2 } else { 3 };
            e.tok(Tok::Operator, s.take(n));
        } else if matches!(s.at(0), Some(b'{' | b'}')) {
            e.tok(Tok::Punctuation, s.take(1));
        } else {
            return false;
        }
        true
    }

    fn classname(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = ident(s, 0);
        if n > 0 {
            e.tok(Tok::NameClass, s.take(n));
            self.stack.pop();
            return true;
        }
        if self.whitespace(s, e, St::Bol) {
            return true;
        }
        if s.starts("...") {
            e.tok(Tok::Operator, s.take(3));
        } else if s.at(0) == Some(b',') {
            e.tok(Tok::Punctuation, s.take(1));
            self.stack.pop();
        } else {
            self.stack.pop();
        }
        true
    }

    fn macro_line(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.include(s, e) {
            return true;
        }
        let n = s.run(0, |c| !matches!(c, b'/' | b'\n' | b'\\'));
        if n > 0 {
            e.tok(Tok::CommentPreproc, s.take(n));
            return true;
        }
        if s.at(0) == Some(b'\\') && s.at(1).is_some() {
            let n = 1 + s.char_len(1);
            e.tok(Tok::CommentPreproc, s.take(n));
            return true;
        }
        if self.inline_whitespace(s, e) {
            return true;
        }
        match s.at(0) {
            Some(b'/') => e.tok(Tok::CommentPreproc, s.take(1)),
            Some(b'\n') => {
                e.tok(Tok::CommentPreproc, s.take(1));
                self.stack.pop();
            }
            _ => return false,
        }
        true
    }

    /// `(include)(\s*)(<[^>]+>)([^\n]*)`, then the same with `"[^"]+"`.
    fn include(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if !s.starts("include") {
            return false;
        }
        let k = 7 + s.run(7, is_ruby_space);
        let (i, close) = match s.at(k) {
            Some(b'<') => (0, ">"),
            Some(b'"') => (1, "\""),
            _ => return false,
        };
        let from = s.pos + k + 1;
        let Some(end) = self.includes[i].find(s.src, close, from) else {
            return false;
        };
        if end == from {
            return false;
        }
        e.tok(Tok::CommentPreproc, s.take(7));
        e.tok(Tok::Text, s.take(k - 7));
        e.tok(Tok::CommentPreprocFile, s.take(end + 1 - s.pos));
        let n = s.to_eol(0);
        e.tok(Tok::CommentSingle, s.take(n));
        true
    }

    fn if_0(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.bol() {
            let ws = s.run(0, is_ruby_space);
            if s.rest()[ws..].starts_with("#if") {
                e.tok(Tok::Comment, s.take(ws + 3));
                self.stack.push(St::If0);
                return true;
            }
            if s.at(ws) == Some(b'#') {
                let k = ws + 1 + s.run(ws + 1, is_ruby_space);
                let after = &s.rest()[k..];
                if after.starts_with("else") || after.starts_with("elif") {
                    e.tok(Tok::Comment, s.take(k + 4));
                    self.stack.pop();
                    return true;
                }
                if after.starts_with("endif") && s.boundary(s.pos + k + 5) {
                    let src = s.src;
                    let unescaped = |i: usize| src.as_bytes()[i - 1] != b'\\';
                    if let Some(nl) = self.endifs.find_where(src, "\n", s.pos + k + 5, unescaped) {
                        e.tok(Tok::Comment, s.take(nl + 1 - s.pos));
                        self.stack.pop();
                        return true;
                    }
                }
            }
        }
        let n = s.to_eol(0);
        if s.at(n) != Some(b'\n') {
            return false;
        }
        e.tok(Tok::Comment, s.take(n + 1));
        true
    }
}

/// `string`: rouge's C string, its escapes, a line end in it an error.
fn string(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    match s.at(0) {
        Some(b'"') => {
            e.tok(Tok::Str, s.take(1));
            stack.pop();
        }
        Some(b'\\') => {
            let n = escape(s);
            if n > 0 {
                e.tok(Tok::StrEscape, s.take(n));
            } else {
                let n = if s.at(1) == Some(b'\n') { 2 } else { 1 };
                e.tok(Tok::Str, s.take(n));
            }
        }
        Some(b'\n') | None => return false,
        _ => {
            let n = s.run(0, |c| !matches!(c, b'\\' | b'"' | b'\n'));
            e.tok(Tok::Str, s.take(n));
        }
    }
    true
}

/// `\\([\\abfnrtv"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})` at `pos`: its length, 0 if none.
fn escape(s: &Scan<'_>) -> usize {
    match s.at(1) {
        Some(b'\\' | b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'"' | b'\'') => 2,
        Some(b'x') => match s.run(2, |c| c.is_ascii_hexdigit()) {
            0 | 1 => 0,
            h => 2 + h.min(4),
        },
        Some(b'0'..=b'7') => 1 + s.run(1, |c| (b'0'..=b'7').contains(&c)).min(3),
        _ => 0,
    }
}

/// `(u8|u|U|L)?'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'`, case-insensitively: its length.
fn char_literal(s: &Scan<'_>) -> Option<usize> {
    let rest = s.rest().as_bytes();
    let prefix = if rest.len() >= 2 && rest[..2].eq_ignore_ascii_case(b"u8") {
        2
    } else {
        usize::from(matches!(rest.first(), Some(b'u' | b'U' | b'l' | b'L')))
    };
    let k = prefix + 1;
    if s.at(prefix) != Some(b'\'') {
        return None;
    }
    let quote_at = |n: usize| (s.at(k + n) == Some(b'\'')).then_some(k + n + 1);
    if s.at(k) == Some(b'\\') {
        let any = s.dot(k + 1);
        let octal = s.run(k + 1, |c| (b'0'..=b'7').contains(&c)).min(3);
        let hex = if matches!(s.at(k + 1), Some(b'x' | b'X')) {
            s.run(k + 2, |c| c.is_ascii_hexdigit()).min(2)
        } else {
            0
        };
        let tries = (any > 0).then_some(1 + any).into_iter();
        let tries = tries.chain((1..=octal).rev().map(|n| 1 + n));
        let tries = tries.chain((1..=hex).rev().map(|n| 2 + n));
        return tries.filter_map(quote_at).next();
    }
    match s.at(k) {
        Some(b'\'' | b'\n') | None => None,
        _ => quote_at(s.char_len(k)),
    }
}
