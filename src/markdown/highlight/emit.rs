//! Rouge's token stream as HTML: `Lexer#continue_lex` merges adjacent tokens of one type (and
//! drops empty ones), and `Formatters::HTML` writes each merged token escaped (`&`, `<`, `>`),
//! bare for `Text`, else in `<span class="short name">`.

use super::token::Tok;
use crate::markdown::html::escape_all;

/// Writes tokens into `out`, merging a token into the open one when their types are equal.
pub(crate) struct Emitter<'o> {
    out: &'o mut String,
    open: Option<Tok>,
}

impl<'o> Emitter<'o> {
    pub(crate) fn new(out: &'o mut String) -> Self {
        Emitter { out, open: None }
    }

    /// One token: `text` of type `tok` (nothing when `text` is empty, as rouge skips those).
    #[inline(never)]
    pub(crate) fn tok(&mut self, tok: Tok, text: &str) {
        if text.is_empty() {
            return;
        }
        if self.open != Some(tok) {
            self.close();
            if tok != Tok::Text {
                self.out.push_str("<span class=\"");
                self.out.push_str(tok.class());
                self.out.push_str("\">");
            }
            self.open = Some(tok);
        }
        // Rouge's `escape_special_html_chars`: `&`, `<` and `>`, as kramdown's own escaping.
        escape_all(self.out, text);
    }

    /// Ends the open token; call once the lexer is done.
    pub(crate) fn finish(mut self) {
        self.close();
    }

    fn close(&mut self) {
        if let Some(t) = self.open.take() {
            if t != Tok::Text {
                self.out.push_str("</span>");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacent_tokens_of_one_type_should_share_a_span() {
        let mut s = String::new();
        let mut e = Emitter::new(&mut s);
        e.tok(Tok::Error, "$");
        e.tok(Tok::Error, "&");
        e.tok(Tok::Text, "");
        e.tok(Tok::Text, " <x>");
        e.tok(Tok::Comment, "# c");
        e.finish();
        assert_eq!(
            s, "<span class=\"err\">$&amp;</span> &lt;x&gt;<span class=\"c\"># c</span>",
            "tokens should merge, Text should be bare, and text should be escaped"
        );
    }
}
