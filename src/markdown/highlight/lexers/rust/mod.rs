//! Rust, as rouge 3.30's `Rust` lexer (`lexers/rust.rb`, tag `rust`, its aliases `rs` and the
//! rust-skeptic ones). Its states: `bol` (rustdoc's hidden `# ` lines), `root`, `attribute`
//! (`#[…]`), `macro` and `macro_rules` (a macro's body, ended when every bracket the lexer
//! counted is closed), the nesting block comments (`nested_plain_block`, `nested_doc_block`)
//! and `string`; the literals (`literals.rs`) are shared by `root`, `attribute` and `macro`.

mod literals;
mod xid_tables;

use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Scan, States},
    token::Tok,
};
use literals::{ident, RawEnds};

const KEYWORDS: &str = "Self abstract as async await become box break const continue crate do \
    dyn else enum extern false final fn for if impl in let log loop macro match mod move mut \
    override priv pub ref return self static struct super trait true try type typeof union \
    unsafe unsized use virtual where while yield";

const BUILTINS: &str = "Add Arc AsMut AsRef BitAnd BitOr BitXor Box Clone Cons Const Copy DIR \
    Default Div DoubleEndedIterator Drop Either Eq Err ExactSizeIterator Extend FILE Failure Fn \
    FnMut FnOnce From Gc Index Into IntoIterator Iterator Left Modulo Mul Neg Nil None Num Ok \
    Option Ord Owned PartialEq PartialOrd Pin Ptr Rc Result Right Send Shl Shr Sized Some String \
    Sub Success Sync Unpin Vec bool c_char c_double c_float c_int c_long c_longlong c_schar \
    c_short c_uchar c_uint c_ulong c_ulonglong c_ushort c_void char clock_t dev_t dirent drop f32 \
    f64 float fpos_t i128 i16 i32 i64 i8 ino_t int intptr_t isize mode_t off_t pid_t ptrdiff_t \
    size_t ssize_t str time_t u128 u16 u32 u64 u8 uint uintptr_t usize";

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Bol,
    Attribute,
    Macro,
    MacroRules,
    PlainBlock,
    DocBlock,
    Str,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut rust = Rust {
        stack: States::starting_in(St::Root, St::Bol),
        delims: [0; 3],
        raw: RawEnds::default(),
    };
    run_states(code, e, |s, e| rust.step(s, e));
}

struct Rust {
    stack: States<St>,
    /// rouge's `@macro_delims`: how many `]`, `)` and `}` the macros wait for (one count for
    /// the whole block, which may go below zero).
    delims: [i32; 3],
    raw: RawEnds,
}

impl Rust {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e),
            St::Bol => {
                if self.whitespace(s, e) {
                    return true;
                }
                if s.at(0) == Some(b'#') && s.at(1).is_some_and(is_ruby_space) {
                    let n = 2 + s.to_eol(2);
                    e.tok(Tok::CommentSpecial, s.take(n));
                } else {
                    self.stack.pop();
                }
                true
            }
            St::Attribute => self.attribute(s, e),
            St::Macro => self.macro_body(s, e),
            St::MacroRules => {
                if s.at(0) == Some(b'$') {
                    let mut n = 1 + ident(s, 1);
                    if n > 1 && s.at(n) == Some(b':') && ident(s, n + 1) > 0 {
                        n += 1 + ident(s, n + 1);
                    }
                    e.tok(Tok::NameVariable, s.take(n));
                    return true;
                }
                self.macro_body(s, e)
            }
            St::PlainBlock => self.block(s, e, Tok::CommentMultiline, St::PlainBlock),
            St::DocBlock => self.block(s, e, Tok::CommentDoc, St::DocBlock),
            St::Str => match s.at(0) {
                Some(b'"') => {
                    e.tok(Tok::Str, s.take(1));
                    self.stack.pop();
                    true
                }
                Some(b'\\') => match literals::escape(s, 0) {
                    0 => false,
                    n => {
                        e.tok(Tok::StrEscape, s.take(n));
                        true
                    }
                },
                _ => {
                    let n = s.run(0, |c| c != b'"' && c != b'\\');
                    e.tok(Tok::Str, s.take(n));
                    true
                }
            },
        }
    }

    fn whitespace(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.run(0, is_ruby_space);
        if n > 0 {
            e.tok(Tok::Text, s.take(n));
            return true;
        }
        self.comment(s, e)
    }

    /// `comments`: line comments (doc ones with `///` or `//!` only), and block comments.
    fn comment(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("//") {
            let slashes = s.run(0, |c| c == b'/');
            let doc = slashes == 3 || (slashes == 2 && s.at(2) == Some(b'!'));
            let n = s.to_eol(0);
            let tok = if doc {
                Tok::CommentDoc
            } else {
                Tok::CommentSingle
            };
            e.tok(tok, s.take(n));
            return true;
        }
        if !s.starts("/*") {
            return false;
        }
        let stars = s.run(1, |c| c == b'*');
        if (stars == 2 || stars == 3) && s.at(1 + stars) == Some(b'/') {
            e.tok(Tok::CommentMultiline, s.take(2 + stars));
        } else if stars >= 3 {
            e.tok(Tok::CommentMultiline, s.take(1 + stars));
            self.stack.push(St::PlainBlock);
        } else if stars == 2 || s.at(2) == Some(b'!') {
            e.tok(Tok::CommentDoc, s.take(3));
            self.stack.push(St::DocBlock);
        } else {
            e.tok(Tok::CommentMultiline, s.take(2));
            self.stack.push(St::PlainBlock);
        }
        true
    }

    fn block(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, tok: Tok, this: St) -> bool {
        if s.starts("*/") {
            e.tok(tok, s.take(2));
            self.stack.pop();
        } else if s.starts("/*") {
            e.tok(tok, s.take(2));
            self.stack.push(this);
        } else {
            let n = s.run(0, |c| c != b'*' && c != b'/').max(1);
            e.tok(tok, s.take(n));
        }
        true
    }

    fn attribute(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.whitespace(s, e) || self.literal(s, e) {
            return true;
        }
        match s.at(0) {
            Some(b'(' | b',' | b')' | b'=' | b':') => e.tok(Tok::NameDecorator, s.take(1)),
            Some(b']') => {
                e.tok(Tok::NameDecorator, s.take(1));
                self.stack.pop();
            }
            _ => match ident(s, 0) {
                0 => return false,
                n => e.tok(Tok::NameDecorator, s.take(n)),
            },
        }
        true
    }

    /// `has_literals`.
    fn literal(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let w = s.unicode_word(0);
        if w == "true" || w == "false" {
            e.tok(Tok::KeywordConstant, s.take(w.len()));
        } else if let Some(n) = literals::char_literal(s) {
            e.tok(Tok::StrChar, s.take(n));
        } else if s.at(0) == Some(b'"') || s.starts("b\"") {
            let n = if s.at(0) == Some(b'b') { 2 } else { 1 };
            e.tok(Tok::Str, s.take(n));
            self.stack.push(St::Str);
        } else if let Some(n) = self.raw.at(s) {
            e.tok(Tok::Str, s.take(n));
        } else if let Some((tok, n)) = literals::number(s) {
            e.tok(tok, s.take(n));
        } else {
            return false;
        }
        true
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'\n') {
            e.tok(Tok::Text, s.take(1));
            self.stack.push(St::Bol);
            return true;
        }
        if self.whitespace(s, e) {
            return true;
        }
        if s.starts("#[") || s.starts("#![") {
            let n = if s.at(1) == Some(b'!') { 3 } else { 2 };
            e.tok(Tok::NameDecorator, s.take(n));
            self.stack.push(St::Attribute);
            return true;
        }
        let w = s.unicode_word(0);
        if !w.is_empty() && in_words(KEYWORDS, w) {
            e.tok(Tok::Keyword, s.take(w.len()));
            return true;
        }
        if self.literal(s, e) || self.symbol(s, e) {
            return true;
        }
        self.name(s, e)
    }

    /// Keywords of symbols, punctuation and operators.
    fn symbol(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let Some(b) = s.at(0) else { return false };
        if s.starts("=>") || s.starts("->") {
            e.tok(Tok::Keyword, s.take(2));
        } else if s.starts("<->") {
            e.tok(Tok::Keyword, s.take(3));
        } else if b"()[]{}|,:;".contains(&b) {
            e.tok(Tok::Punctuation, s.take(1));
        } else if b"*/!@~&+%^<>=?-".contains(&b) {
            e.tok(Tok::Operator, s.take(1));
        } else if s.starts("..") {
            let n = if s.starts("...") { 3 } else { 2 };
            e.tok(Tok::Operator, s.take(n));
        } else {
            return false;
        }
        true
    }

    /// The rules of names: functions, `.await`, properties, fields, paths, macros, lifetimes.
    fn name(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let after_dot = if s.at(0) == Some(b'.') {
            1 + s.run(1, is_ruby_space)
        } else {
            0
        };
        for k in [after_dot, 0] {
            let n = ident(s, k);
            if n > 0 && s.at(k + n + s.run(k + n, is_ruby_space)) == Some(b'(') {
                e.tok(Tok::NameFunction, s.take(k + n));
                return true;
            }
        }
        if after_dot > 0 {
            let n = ident(s, after_dot);
            let (tok, n) = if s.unicode_word(after_dot) == "await" {
                (Tok::Keyword, 5)
            } else if n > 0 {
                (Tok::NameProperty, n)
            } else {
                (Tok::NameAttribute, s.run(after_dot, |c| c.is_ascii_digit()))
            };
            if n > 0 {
                e.tok(tok, s.take(after_dot + n));
                return true;
            }
            return false;
        }
        let n = ident(s, 0);
        if n > 0 && s.rest()[n..].starts_with("::") {
            e.tok(Tok::NameNamespace, s.take(n));
            e.tok(Tok::Punctuation, s.take(2));
            return true;
        }
        if s.starts("macro_rules!") {
            e.tok(Tok::NameDecorator, s.take(12));
            self.stack.push(St::MacroRules);
            return true;
        }
        if n > 0 && s.at(n) == Some(b'!') {
            e.tok(Tok::NameDecorator, s.take(n + 1));
            self.stack.push(St::Macro);
            return true;
        }
        if s.at(0) == Some(b'\'') {
            let tok = if s.unicode_word(1) == "static" {
                Some((Tok::Keyword, 7))
            } else {
                Some((Tok::NameVariable, 1 + ident(s, 1))).filter(|&(_, n)| n > 1)
            };
            let Some((tok, n)) = tok else { return false };
            e.tok(tok, s.take(n));
            return true;
        }
        if n == 0 {
            return false;
        }
        let w = s.take(n);
        let tok = if in_words(BUILTINS, w) {
            Tok::NameBuiltin
        } else {
            Tok::Name
        };
        e.tok(tok, w);
        true
    }

    fn macro_body(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.literal(s, e) {
            return true;
        }
        let slot = |c: u8| match c {
            b'[' | b']' => Some(0),
            b'(' | b')' => Some(1),
            b'{' | b'}' => Some(2),
            _ => None,
        };
        if let Some(b) = s.at(0) {
            if let Some(i) = slot(b) {
                if b"[({".contains(&b) {
                    self.delims[i] += 1;
                } else {
                    self.delims[i] -= 1;
                    if self.delims.iter().all(|&d| d == 0) {
                        self.stack.pop();
                    }
                }
                e.tok(Tok::Punctuation, s.take(1));
                return true;
            }
        }
        let n = ident(s, 0);
        if n > 0 && s.at(n) == Some(b'!') {
            e.tok(Tok::NameDecorator, s.take(n + 1));
            return true;
        }
        if self.root(s, e) {
            return true;
        }
        match s.dot(0) {
            0 => false,
            n => {
                e.tok(Tok::Text, s.take(n));
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [KEYWORDS, BUILTINS] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
