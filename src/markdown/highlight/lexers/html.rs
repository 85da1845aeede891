//! HTML, as rouge 3.30's `HTML` lexer (`lexers/html.rb`, tag `html`). Its states: `root` (text,
//! entities, doctype, CDATA, processing instructions, comments, tags), `tag_start`, `tag` (its
//! attributes), `attr` with `dq` and `sq` (attribute values), `tag_end` and `tag_end_end`,
//! `comment`, and `script_content` / `style_content`, whose text it hands, piece by piece, to the
//! JavaScript and CSS lexers (rouge's `delegate`; each keeps its state until the next `<script>`
//! or `<style>` starts it afresh).

use super::{css::is_format, css::Css, javascript::Javascript};
use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{run_states, starts_ignore_case, Finder, Scan, States},
    token::Tok,
};
use crate::markdown::unicode::is_word;

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    TagStart,
    Tag,
    Attr,
    Dq,
    Sq,
    TagEnd,
    TagEndEnd,
    Comment,
    Script,
    Style,
}

/// The lexer with its state (and its JavaScript and CSS lexers'), which lives on between the
/// pieces a template lexer hands it (rouge's `delegate`: ERB gives it the text between its tags).
pub(crate) struct Html {
    stack: States<St>,
    js: Javascript,
    css: Css,
}

/// The forward searches of the rules that run to a closing mark, remembered so that unclosed
/// ones stay linear.
#[derive(Default)]
struct Ahead {
    gt: Finder,
    cdata_end: Finder,
    pi_end: Finder,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    Html::new().continue_lex(code, e);
}

/// A name at `pos + k` whose first character is a letter or in `first` and whose others are word
/// or format characters or in `rest`: its length, 0 if none.
fn name(s: &Scan<'_>, k: usize, first: &str, rest: &str) -> usize {
    let text = &s.src[s.pos + k..];
    match text.chars().next() {
        Some(c) if c.is_alphabetic() || first.contains(c) => text
            .char_indices()
            .skip(1)
            .find(|&(_, c)| !(is_word(c) || is_format(c) || rest.contains(c)))
            .map_or(text.len(), |(i, _)| i),
        _ => 0,
    }
}

/// A tag's name (`[\p{L}:_-][\p{Word}\p{Cf}:.·-]*`).
fn tag_name(s: &Scan<'_>, k: usize) -> usize {
    name(s, k, ":_-", ":.·-")
}

impl Html {
    pub(crate) fn new() -> Self {
        Html {
            stack: States::new(St::Root),
            js: Javascript::new(),
            css: Css::new(),
        }
    }

    /// Lexes `code` from the state the last piece left: rouge scans each piece on its own.
    pub(crate) fn continue_lex(&mut self, code: &str, e: &mut Emitter<'_>) {
        let mut ahead = Ahead::default();
        run_states(code, e, |s, e| self.step(s, e, &mut ahead));
    }

    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, ahead: &mut Ahead) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e, ahead),
            St::TagStart => self.tag_start(s, e),
            St::Tag => self.tag(s, e),
            St::Attr => self.attr(s, e),
            St::Dq | St::Sq => self.quoted(s, e),
            St::TagEnd => self.tag_end(s, e),
            St::TagEndEnd => self.tag_end_end(s, e),
            St::Comment => self.comment(s, e),
            St::Script | St::Style => self.content(s, e),
        }
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, ahead: &mut Ahead) -> bool {
        if let Some(done) = super::xml::text_or_entity(s, e) {
            return done;
        }
        // Marks that run to a closing mark, which may be lines away.
        let to = |finder: &mut Finder, from: usize, end: &str| {
            finder
                .find(s.src, end, s.pos + from)
                .map(|at| at + end.len() - s.pos)
        };
        let closed = if starts_ignore_case(s, 0, "<!DOCTYPE ") {
            to(&mut ahead.gt, 10, ">")
        } else if s.starts("<![CDATA[") {
            to(&mut ahead.cdata_end, 9, "]]>")
        } else if s.starts("<?") {
            to(&mut ahead.pi_end, 2, "?>")
        } else {
            None
        };
        if let Some(n) = closed {
            e.tok(Tok::CommentPreproc, s.take(n));
            return true;
        }
        if s.starts("<!--") {
            e.tok(Tok::Comment, s.take(4));
            self.stack.push(St::Comment);
            return true;
        }
        let ws = s.run(1, is_ruby_space);
        for (word, content) in [("script", St::Script), ("style", St::Style)] {
            if s.rest()[1 + ws..].starts_with(word) {
                let n = 1 + ws + word.len();
                let n = n + s.run(n, is_ruby_space);
                e.tok(Tok::NameTag, s.take(n));
                if content == St::Script {
                    self.js = Javascript::new();
                } else {
                    self.css = Css::new();
                }
                self.stack.push(content);
                self.stack.push(St::Tag);
                return true;
            }
        }
        let (n, next) = if s.starts("</") {
            (2, St::TagEnd)
        } else {
            (1, St::TagStart)
        };
        e.tok(Tok::NameTag, s.take(n));
        self.stack.push(next);
        true
    }

    fn tag_start(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
            return true;
        }
        let n = tag_name(s, 0);
        e.tok(Tok::NameTag, s.take(n));
        self.stack.goto(St::Tag);
        true
    }

    fn tag(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
            return true;
        }
        let n = name(s, 0, ":_[]()*.-", ":.·[]()*-");
        let before = s.run(n, is_ruby_space);
        if n > 0 && s.at(n + before) == Some(b'=') {
            let m = n + before + 1;
            let m = m + s.run(m, is_ruby_space);
            e.tok(Tok::NameAttribute, s.take(m));
            self.stack.push(St::Attr);
            return true;
        }
        let n = name(s, 0, ":_*#-", ":.·*#-");
        if n > 0 {
            e.tok(Tok::NameAttribute, s.take(n));
            return true;
        }
        let slash = usize::from(s.at(0) == Some(b'/'));
        let ws = s.run(slash, is_ruby_space);
        if s.at(slash + ws) != Some(b'>') {
            return false;
        }
        e.tok(Tok::NameTag, s.take(slash + ws + 1));
        self.stack.pop();
        true
    }

    fn attr(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let next = match s.at(0) {
            Some(b'"') => St::Dq,
            Some(b'\'') => St::Sq,
            _ => {
                let n = s.run(0, |c| c != b'>' && !is_ruby_space(c));
                e.tok(Tok::Str, s.take(n));
                if n > 0 {
                    self.stack.pop();
                }
                return n > 0;
            }
        };
        e.tok(Tok::Str, s.take(1));
        self.stack.goto(next);
        true
    }

    fn quoted(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let q = if self.stack.top() == St::Dq {
            b'"'
        } else {
            b'\''
        };
        let n = s.rest().bytes().position(|c| c == q);
        match n {
            Some(0) => {
                e.tok(Tok::Str, s.take(1));
                self.stack.pop();
            }
            _ => {
                let n = n.unwrap_or(s.rest().len());
                e.tok(Tok::Str, s.take(n));
            }
        }
        true
    }

    fn tag_end(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.tag_end_end(s, e) {
            return true;
        }
        let n = tag_name(s, 0);
        if n == 0 {
            return false;
        }
        e.tok(Tok::NameTag, s.take(n));
        self.stack.goto(St::TagEndEnd);
        true
    }

    fn tag_end_end(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
            return true;
        }
        if s.at(0) != Some(b'>') {
            return false;
        }
        e.tok(Tok::NameTag, s.take(1));
        self.stack.pop();
        true
    }

    fn comment(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.run(0, |c| c != b'-');
        if n > 0 {
            e.tok(Tok::Comment, s.take(n));
        } else if s.starts("-->") {
            e.tok(Tok::Comment, s.take(3));
            self.stack.pop();
        } else {
            e.tok(Tok::Comment, s.take(1));
        }
        true
    }

    /// `script_content` and `style_content`: text up to a `<` goes to the embedded lexer, as
    /// does a `<` that does not close the element.
    fn content(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let script = self.stack.top() == St::Script;
        let n = s.run(0, |c| c != b'<');
        if n == 0 {
            let word = if script { "script" } else { "style" };
            if let Some(close) = closing_tag(s, word) {
                e.tok(Tok::NameTag, s.take(close));
                self.stack.pop();
                return true;
            }
        }
        let piece = s.take(n.max(1));
        if script {
            self.js.continue_lex(piece, e);
        } else {
            self.css.continue_lex(piece, e);
        }
        true
    }
}

/// `<\s*/\s*word\s*>` at `pos`: its length.
fn closing_tag(s: &Scan<'_>, word: &str) -> Option<usize> {
    let mut k = 1 + s.run(1, is_ruby_space);
    if s.at(k) != Some(b'/') {
        return None;
    }
    k += 1 + s.run(k + 1, is_ruby_space);
    if !s.rest()[k..].starts_with(word) {
        return None;
    }
    k += word.len();
    k += s.run(k, is_ruby_space);
    (s.at(k) == Some(b'>')).then_some(k + 1)
}
