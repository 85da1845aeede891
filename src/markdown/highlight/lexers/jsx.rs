//! JSX, as rouge 3.30's `JSX` lexer (`lexers/jsx.rb`, tag `jsx`, alias `react`): rouge's
//! JavaScript lexer (`javascript.rs`) starting in `expr_start`, whose `expr_start` first tries
//! `tag`: a `<` opens an element. Its states: `element_name`, `element` (attributes, `{…}`,
//! `>` or `/>`), `tag_opening` (an element's children: nested elements, `{…}`, and text handed to
//! the HTML lexer, whose state lives on from one piece to the next), `interpol` and
//! `interpol_inner` (JavaScript inside braces).

use super::javascript::{lex_jsx, Js, St};
use crate::ctype::is_ruby_word;
use crate::markdown::highlight::{emit::Emitter, scan::Scan, token::Tok};

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    lex_jsx(code, e);
}

impl Js {
    /// `tag`: a `<` opens an element, its name read first.
    pub(super) fn tag(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) != Some(b'<') {
            return false;
        }
        e.tok(Tok::Punctuation, s.take(1));
        for st in [St::TagOpening, St::Element, St::ElementName] {
            self.stack.push(st);
        }
        true
    }

    /// `{` opens JavaScript inside an element.
    fn open_interpol(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) != Some(b'{') {
            return false;
        }
        e.tok(Tok::StrInterpol, s.take(1));
        self.stack.push(St::Interpol);
        self.stack.push(St::ExprStart);
        true
    }

    /// `tag_opening`: an element's children, up to its closing tag.
    pub(super) fn tag_opening(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("</") {
            e.tok(Tok::Punctuation, s.take(2));
            self.stack.goto(St::Element);
            self.stack.push(St::ElementName);
            return true;
        }
        if self.tag(s, e) || self.open_interpol(s, e) {
            return true;
        }
        let n = s.run(0, |c| c != b'<' && c != b'{');
        let text = s.take(n);
        if let Some(html) = self.html.as_mut() {
            html(text, e);
        }
        true
    }

    /// `element`: an element's attributes, up to `>` or `/>`.
    pub(super) fn element(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.comments(s, e) || self.open_interpol(s, e) {
            return true;
        }
        if s.starts("/>") {
            e.tok(Tok::Punctuation, s.take(2));
            self.stack.pop();
            self.stack.pop();
            return true;
        }
        match s.at(0) {
            Some(b'>') => {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.pop();
                true
            }
            Some(b'=') => {
                e.tok(Tok::Punctuation, s.take(1));
                true
            }
            Some(q @ (b'"' | b'\'')) => {
                // `(["']).*?(\1)`: to the same quote on the same line.
                let stop = s.rest()[1..].bytes().position(|c| c == q || c == b'\n');
                let Some(end) = stop.filter(|&k| s.at(1 + k) == Some(q)) else {
                    return false;
                };
                e.tok(Tok::Str, s.take(end + 2));
                true
            }
            Some(c) if is_ruby_word(c) => {
                let n = 1 + s.run(1, |c| is_ruby_word(c) || c == b'-');
                e.tok(Tok::NameAttribute, s.take(n));
                true
            }
            _ => false,
        }
    }

    /// `element_name`: `[A-Z]\w*` is a component, `\w+` a tag, `.` between.
    pub(super) fn element_name(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.run(0, is_ruby_word);
        if n > 0 {
            let tok = if s.at(0).is_some_and(|c| c.is_ascii_uppercase()) {
                Tok::NameClass
            } else {
                Tok::NameTag
            };
            e.tok(tok, s.take(n));
        } else if s.at(0) == Some(b'.') {
            e.tok(Tok::Punctuation, s.take(1));
        } else {
            self.stack.pop();
        }
        true
    }

    /// `interpol` and `interpol_inner`: JavaScript up to the `}` that closes the braces.
    pub(super) fn interpol(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let inner = self.stack.top() == St::InterpolInner;
        match s.at(0) {
            Some(b'}') if inner => {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.goto(St::Statement);
                true
            }
            Some(b'}') => {
                e.tok(Tok::StrInterpol, s.take(1));
                self.stack.pop();
                true
            }
            Some(b'{') if !inner => {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.push(St::InterpolInner);
                self.stack.push(St::Statement);
                true
            }
            _ => self.root(s, e),
        }
    }
}
