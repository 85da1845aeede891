//! Markdown, as rouge 3.30's `Markdown` lexer (`lexers/markdown.rb`, tag `markdown`, aliases
//! `md`, `mkd`). Its states: `root` (front matter handed to the YAML lexer, escapes, headings,
//! fenced code handed to the lexer its fence names (`fence.rs`), indented code, code spans,
//! rules, list and quote marks, link definitions, links, emphasis, autolinks, text, and inline
//! HTML handed to the HTML lexer, whose state lives on from one piece to the next), `link`,
//! `url`, `title`, `inline_title` and `inline_url`. The line-start rules (rouge's `^…`) are tried
//! only at the start of a line, as rouge does; `blocks.rs` has them, `spans.rs` the others.

mod ahead;
mod blocks;
mod fence;
mod spans;

use super::html::Html;
use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{run_states, Scan, States},
    token::Tok,
};
use ahead::{Ahead, Mark};

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Link,
    Url,
    Title,
    InlineTitle,
    InlineUrl,
}

struct Markdown {
    stack: States<St>,
    html: Html,
    ahead: Ahead,
    closers: fence::Closers,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let _depth = fence::Depth::enter();
    let mut md = Markdown {
        stack: States::new(St::Root),
        html: Html::new(),
        ahead: Ahead::default(),
        closers: fence::Closers::default(),
    };
    run_states(code, e, |s, e| md.step(s, e));
}

impl Markdown {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e),
            St::Link => self.link(s, e),
            St::Url => self.url(s, e),
            St::Title => self.title(s, e),
            St::InlineTitle => {
                if s.at(0) == Some(b')') {
                    e.tok(Tok::Punctuation, s.take(1));
                    self.stack.pop();
                    return true;
                }
                self.title(s, e)
            }
            St::InlineUrl => {
                let n = s.run(0, |c| c != b'<' && c != b')' && !is_ruby_space(c));
                if n > 0 {
                    // `[^<\s)]+`: any character but those (a multi-byte one whole).
                    e.tok(Tok::StrOther, s.take(n));
                    self.stack.pop();
                    return true;
                }
                let ws = s.run(0, is_ruby_space);
                if ws > 0 {
                    e.tok(Tok::Text, s.take(ws));
                    return true;
                }
                self.url(s, e)
            }
        }
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.front_matter(s, e) {
            return true;
        }
        if s.at(0) == Some(b'\\') && s.dot(1) > 0 {
            let n = 1 + s.dot(1);
            e.tok(Tok::StrEscape, s.take(n));
            return true;
        }
        if s.bol() && self.line_start(s, e) {
            return true;
        }
        if self.indented_code(s, e) || self.code_span(s, e) {
            return true;
        }
        if s.bol() && self.marks(s, e) {
            return true;
        }
        self.spans(s, e)
    }

    /// `\A(---\s*\n.*?\n?)^(---\s*$\n?)` (`\A` is the scan position): front matter, handed
    /// whole to the YAML lexer.
    fn front_matter(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if !s.starts("---") {
            return false;
        }
        let ws = s.run(3, is_ruby_space);
        let Some(last_nl) = s.rest().as_bytes()[3..3 + ws]
            .iter()
            .rposition(|&c| c == b'\n')
        else {
            return false;
        };
        let open_end = s.pos + 3 + last_nl + 1;
        let Some(end) = self.ahead.front_matter_end(s.src, open_end - 1) else {
            return false;
        };
        super::yaml::lex(s.take(end - s.pos), e);
        true
    }

    fn link(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b'[') => {
                if let Some(end) = self.ahead.unit_end(s.src, s.pos + 1, Mark::Bracket) {
                    e.tok(Tok::Punctuation, s.take(1));
                    e.tok(Tok::StrSymbol, s.take(end - s.pos));
                    e.tok(Tok::Punctuation, s.take(1));
                    self.stack.pop();
                    return true;
                }
            }
            Some(b'(') => {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.push(St::InlineTitle);
                self.stack.push(St::InlineUrl);
                return true;
            }
            _ => {}
        }
        let n = s.run(0, |c| c == b' ' || c == b'\t');
        if n > 0 {
            e.tok(Tok::Text, s.take(n));
        } else {
            self.stack.pop();
        }
        true
    }

    fn url(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.run(0, |c| c == b' ' || c == b'\t');
        if n > 0 {
            e.tok(Tok::Text, s.take(n));
            return true;
        }
        if s.at(0) == Some(b'<') {
            if let Some(end) = self.ahead.unit_end(s.src, s.pos + 1, Mark::Gt) {
                e.tok(Tok::NameTag, s.take(1));
                e.tok(Tok::StrOther, s.take(end - s.pos));
                e.tok(Tok::NameTag, s.take(1));
                self.stack.pop();
                return true;
            }
        }
        let n = non_space(s);
        if n == 0 {
            return false;
        }
        e.tok(Tok::StrOther, s.take(n));
        self.stack.pop();
        true
    }

    fn title(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let mark = match s.at(0) {
            Some(b'"') => Some(Mark::Double),
            Some(b'\'') => Some(Mark::Single),
            Some(b'(') => Some(Mark::Paren),
            _ => None,
        };
        if let Some(mark) = mark {
            if let Some(end) = self.ahead.unit_end(s.src, s.pos + 1, mark) {
                e.tok(Tok::NameNamespace, s.take(end + 1 - s.pos));
                return true;
            }
        }
        let ws = s.run(0, is_ruby_space);
        if matches!(s.at(ws), Some(b'"' | b'\'' | b'(' | b')')) {
            e.tok(Tok::Text, s.take(ws));
        } else {
            self.stack.pop();
        }
        true
    }
}

/// `\S+`: its length (Ruby's `\S` takes every character but its ASCII white space).
fn non_space(s: &Scan<'_>) -> usize {
    s.run(0, |c| !is_ruby_space(c))
}
