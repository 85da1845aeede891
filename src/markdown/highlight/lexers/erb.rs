//! ERB templates, as rouge 3.30's `ERB` lexer (`lexers/erb.rb`, tag `erb`, aliases `eruby`,
//! `rhtml`). Its states: `root` (text up to the next `<%`, handed to the HTML lexer), `comment`
//! (`<%# … %>`) and `ruby` (code up to the next `%>`, handed to the Ruby lexer). Both lexers
//! keep their state from one piece to the next, as rouge's `delegate` does.

use super::{html::Html, ruby::Ruby};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{run_states, Finder, Scan, States},
    token::Tok,
};

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Comment,
    Ruby,
}

struct Erb {
    stack: States<St>,
    html: Html,
    ruby: Ruby,
    opens: Finder,
    closes: Finder,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut erb = Erb {
        stack: States::new(St::Root),
        html: Html::new(),
        ruby: Ruby::new(),
        opens: Finder::default(),
        closes: Finder::default(),
    };
    run_states(code, e, |s, e| erb.step(s, e));
}

/// rouge's `close` at `pos`: `%%>`, `-%>` or `%>`, its length.
fn close_len(s: &Scan<'_>) -> usize {
    ["%%>", "-%>", "%>"]
        .into_iter()
        .find(|c| s.starts(c))
        .map_or(0, str::len)
}

impl Erb {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => {
                if s.starts("<%#") {
                    e.tok(Tok::Comment, s.take(3));
                    self.stack.push(St::Comment);
                    return true;
                }
                if s.starts("<%") {
                    let n = if matches!(s.at(2), Some(b'%' | b'=' | b'-')) {
                        3
                    } else {
                        2
                    };
                    e.tok(Tok::CommentPreproc, s.take(n));
                    self.stack.push(St::Ruby);
                    return true;
                }
                // `.+?(?=open)|.+`: up to the next `<%`, else to the end.
                let first = s.char_len(0);
                let end = self.opens.find(s.src, "<%", s.pos + first);
                let n = end.map_or(s.rest().len(), |at| at - s.pos);
                self.html.continue_lex(s.take(n), e);
                true
            }
            St::Comment | St::Ruby => {
                let ruby = self.stack.top() == St::Ruby;
                let tag = if ruby {
                    Tok::CommentPreproc
                } else {
                    Tok::Comment
                };
                let close = close_len(s);
                if close > 0 {
                    e.tok(tag, s.take(close));
                    self.stack.pop();
                    return true;
                }
                let n = self.up_to_close(s);
                let piece = s.take(n);
                if ruby {
                    self.ruby.continue_lex(piece, e);
                } else {
                    e.tok(Tok::Comment, piece);
                }
                true
            }
        }
    }

    /// `.+?(?=close)|.+`: up to where the next `%>` (with a `%` or `-` before it) begins, else
    /// to the end.
    fn up_to_close(&mut self, s: &Scan<'_>) -> usize {
        let first = s.char_len(0);
        let Some(at) = self.closes.find(s.src, "%>", s.pos + first) else {
            return s.rest().len();
        };
        let bytes = s.src.as_bytes();
        let start = if at > s.pos + first && matches!(bytes[at - 1], b'%' | b'-') {
            at - 1
        } else {
            at
        };
        start - s.pos
    }
}
