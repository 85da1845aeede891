//! Sass's indented syntax, as rouge 3.30's `Sass` lexer (`lexers/sass.rb`, tag `sass`): the
//! states it shares with SCSS (`scss.rs`), with a line end ending a statement, and its own:
//! `root` (a line's indentation, rouge's `Indentation`: a line indented under a comment stays in
//! the comment), `content` (comments, `@import`, rouge's `content_common`, `=mixin`, `+include`,
//! `:property`, a property or a selector), `single_comment`, `multi_comment`, `import` and
//! `old_style_attr`.

use super::scss::{id, Scss, St};
use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{run_states, Scan},
    token::Tok,
};

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut sass = Scss::new(true);
    run_states(code, e, |s, e| sass.step(s, e));
}

fn blank(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

impl Scss {
    /// `[ \t]*\n` as text, else a line's indentation, then rouge's `indentation`: an indented
    /// block's state if the line is indented under it, else `content`.
    pub(super) fn sass_root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.run(0, blank);
        if s.at(n) == Some(b'\n') {
            e.tok(Tok::Text, s.take(n + 1));
            return true;
        }
        let indent = s.take(n);
        e.tok(Tok::Text, indent);
        self.last_indentation = indent.to_owned();
        match self.block_state {
            Some(state)
                if indent.starts_with(self.block_indentation.as_str())
                    && indent != self.block_indentation =>
            {
                self.stack.push(state);
            }
            _ => {
                self.block_state = None;
                self.block_indentation.clear();
                self.stack.push(St::Content);
            }
        }
        true
    }

    /// rouge's `starts_block`: lines indented under this one go to `state`.
    fn starts_block(&mut self, state: St) {
        self.block_state = Some(state);
        self.block_indentation = self.last_indentation.clone();
    }

    pub(super) fn content(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("//") {
            let n = s.to_eol(0);
            e.tok(Tok::CommentSingle, s.take(n));
            self.stack.pop();
            self.starts_block(St::SingleComment);
            return true;
        }
        if s.starts("/*") {
            let n = s.to_eol(2);
            if s.at(2 + n) == Some(b'\n') {
                e.tok(Tok::CommentMultiline, s.take(2 + n + 1));
                self.stack.pop();
                self.starts_block(St::MultiComment);
                return true;
            }
        }
        if s.starts("@import") && s.boundary(s.pos + 7) {
            self.push(s, e, Tok::Keyword, 7, St::Import);
            return true;
        }
        if self.content_common(s, e) {
            return true;
        }
        let named = id(s, 1);
        match s.at(0) {
            Some(b'=') if named > 0 => {
                self.push(s, e, Tok::NameFunction, 1 + named, St::Value);
                return true;
            }
            Some(b'+') if named > 0 => {
                self.push(s, e, Tok::NameDecorator, 1 + named, St::Value);
                return true;
            }
            Some(b':') => {
                self.push(s, e, Tok::NameAttribute, 1, St::OldStyleAttr);
                return true;
            }
            _ => {}
        }
        self.stack.push(if property_ahead(s) {
            St::Attribute
        } else {
            St::Selector
        });
        true
    }

    pub(super) fn import(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.run(0, blank);
        if n > 0 {
            e.tok(Tok::Text, s.take(n));
            return true;
        }
        if s.at(0) == Some(b'\n') {
            e.tok(Tok::Text, s.take(1));
            self.stack.pop();
            return true;
        }
        let n = s.run(0, |c| !is_ruby_space(c));
        e.tok(Tok::Str, s.take(n));
        n > 0
    }
}

/// `(?=[^\[\n]+?:([^a-z]|$))`: before a `[` or the line end, a `:` with something before it and
/// no lower-case letter after it.
fn property_ahead(s: &Scan<'_>) -> bool {
    let run = s.run(0, |c| c != b'[' && c != b'\n');
    (1..run).any(|q| s.at(q) == Some(b':') && !s.at(q + 1).is_some_and(|c| c.is_ascii_lowercase()))
}
