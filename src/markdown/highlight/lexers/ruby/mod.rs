//! Ruby, as rouge 3.30's `Ruby` lexer (`lexers/ruby.rb`, tag `ruby`, alias `rb`). Its states:
//! `root` (with `whitespace`, `symbols`, `strings`, `has_heredocs` mixed in), `expr_start`
//! (where `/` is a regex, `?x` a character, `%…` a literal), `method_call` and
//! `method_call_spaced` (whether `/` and `%` after a name divide), `funcname`, `classname`,
//! `ternary`, `defexpr`, `in_interp`, the `simple_string`/`simple_sym`/`simple_backtick`
//! strings, `slash_regex` and `regex_flags`, one state per `%` literal's delimiters,
//! `heredoc_queue`, `resolve_heredocs` and `test_heredoc`, and `end_part` after `__END__`.
//! rouge's look-behinds see nothing in its scanner, so they always pass; the lexer starts in
//! `expr_start` over `root`.

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Finder, Scan, States},
    token::Tok,
};
use literals::*;
use std::collections::VecDeque;
use words::*;

mod literals;
mod strings;
mod words;

/// A `%` literal's state: its delimiters, whether it interpolates, its token.
#[derive(Clone, Copy, PartialEq)]
struct Sigil {
    open: char,
    close: char,
    interp: bool,
    tok: Tok,
}

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    ExprStart,
    MethodCall,
    MethodCallSpaced,
    Funcname,
    Classname,
    Ternary,
    Defexpr,
    InInterp,
    /// `simple_string`, `simple_sym`, `simple_backtick`: the closing quote and the token.
    Simple(u8, Tok),
    SlashRegex,
    RegexFlags,
    HeredocQueue,
    ResolveHeredocs,
    TestHeredoc,
    EndPart,
    Sigil(Sigil),
}

/// The lexer with its state, which lives on between the pieces another lexer hands it (rouge's
/// `delegate`: ERB gives it the code between its tags).
pub(crate) struct Ruby {
    stack: States<St>,
    /// Heredocs whose bodies follow the line: whether the end may be indented, the end word.
    heredocs: VecDeque<(bool, String)>,
    begin_end: Finder,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    Ruby::new().continue_lex(code, e);
}

impl Ruby {
    pub(crate) fn new() -> Self {
        Ruby {
            stack: States::starting_in(St::Root, St::ExprStart),
            heredocs: VecDeque::new(),
            begin_end: Finder::default(),
        }
    }

    /// Lexes `code` from the state the last piece left: rouge scans each piece on its own.
    pub(crate) fn continue_lex(&mut self, code: &str, e: &mut Emitter<'_>) {
        self.begin_end = Finder::default();
        run_states(code, e, |s, e| self.step(s, e));
    }

    /// A token of `n` bytes, then a move of the state stack.
    fn tok(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, tok: Tok, n: usize) -> bool {
        e.tok(tok, s.take(n));
        true
    }

    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e),
            St::ExprStart => self.expr_start(s, e),
            St::MethodCall => {
                match s.at(0) {
                    Some(b'/' | b'%') => {
                        e.tok(Tok::Operator, s.take(1));
                        self.stack.goto(St::ExprStart);
                    }
                    Some(b'\n') => self.stack.pop(),
                    _ => self.stack.goto(St::MethodCallSpaced),
                }
                true
            }
            St::MethodCallSpaced => self.spaced(s, e),
            St::Funcname => self.funcname(s, e),
            St::Classname => self.classname(s, e),
            St::Ternary => self.ternary(s, e),
            St::Defexpr => self.defexpr(s, e),
            St::InInterp => {
                if s.at(0) == Some(b'}') {
                    e.tok(Tok::StrInterpol, s.take(1));
                    self.stack.pop();
                    return true;
                }
                self.root(s, e)
            }
            St::Simple(fin, tok) => self.simple(s, e, fin, tok),
            St::SlashRegex => self.slash_regex(s, e),
            St::RegexFlags => {
                let n = s.run(0, |c| b"mixounse".contains(&c));
                e.tok(Tok::StrRegex, s.take(n));
                self.stack.pop();
                true
            }
            St::HeredocQueue => {
                if s.at(0) == Some(b'\n') {
                    self.stack.goto(St::ResolveHeredocs);
                    return true;
                }
                self.root(s, e)
            }
            St::ResolveHeredocs => self.resolve_heredocs(s, e),
            St::TestHeredoc => self.test_heredoc(s, e),
            St::EndPart => {
                let n = s.rest().len();
                e.tok(Tok::CommentPreproc, s.take(n));
                self.stack.pop();
                true
            }
            St::Sigil(sigil) => self.sigil(s, e, sigil),
        }
    }

    /// `whitespace` (and `inline_whitespace`): blanks, line ends, comments, `=begin … =end`.
    fn whitespace(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.run(0, |c| matches!(c, b' ' | b'\t' | b'\r'));
        if n > 0 {
            return self.tok(s, e, Tok::Text, n);
        }
        match s.at(0) {
            Some(b'\n') => {
                let n = 1 + s.run(1, is_ruby_space);
                e.tok(Tok::Text, s.take(n));
                self.stack.push(St::ExprStart);
                true
            }
            Some(b'#') => {
                let n = s.to_eol(0);
                self.tok(s, e, Tok::CommentSingle, n)
            }
            Some(b'=') if s.starts("=begin") && s.boundary(s.pos + 6) => {
                let src = s.src;
                let end = self.begin_end.find_where(src, "\n=end", s.pos + 6, |at| {
                    Scan { src, pos: at }.boundary(at + 5)
                });
                match end {
                    Some(at) => {
                        let n = at + 5 - s.pos;
                        self.tok(s, e, Tok::CommentMultiline, n)
                    }
                    None => false,
                }
            }
            _ => false,
        }
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.whitespace(s, e) {
            return true;
        }
        if s.starts("__END__") {
            e.tok(Tok::CommentPreproc, s.take(7));
            self.stack.push(St::EndPart);
            return true;
        }
        if let Some((tok, n)) = number(s) {
            return self.tok(s, e, tok, n);
        }
        if let Some((tok, n)) = variable(s) {
            return self.tok(s, e, tok, n);
        }
        if s.starts("::") {
            return self.tok(s, e, Tok::Operator, 2);
        }
        self.strings(s, e) || self.keywords(s, e) || self.names(s, e) || self.operators(s, e)
    }

    /// Keywords, pseudo-keywords, `module`, `def`, `class`, builtins, heredocs.
    fn keywords(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let w = s.word(0);
        let n = w.len();
        // `(?=\W|$)`: an ASCII non-word character (or the end) follows.
        let ends = |k: usize| !s.at(k).is_some_and(is_ruby_word);
        if w == "defined" && s.at(n) == Some(b'?') && ends(n + 1) {
            e.tok(Tok::Keyword, s.take(n + 1));
            self.stack.push(St::ExprStart);
            return true;
        }
        if n > 0 && in_words(KEYWORDS, w) && ends(n) {
            e.tok(Tok::Keyword, s.take(n));
            self.stack.push(St::ExprStart);
            return true;
        }
        if n > 0 && in_words(PSEUDO, w) && s.boundary(s.pos + n) {
            e.tok(Tok::KeywordPseudo, s.take(n));
            self.stack.push(St::ExprStart);
            return true;
        }
        if w == "module" {
            let ws = s.run(6, is_ruby_space);
            let path = if ws > 0 { module_path(s, 6 + ws) } else { 0 };
            if path > 0 {
                e.tok(Tok::Keyword, s.take(6));
                e.tok(Tok::Text, s.take(ws));
                return self.tok(s, e, Tok::NameNamespace, path);
            }
        }
        for (word, next) in [("def", St::Funcname), ("class", St::Classname)] {
            if s.starts(word) && s.boundary(s.pos + word.len()) {
                let ws = s.run(word.len(), is_ruby_space);
                e.tok(Tok::Keyword, s.take(word.len()));
                e.tok(Tok::Text, s.take(ws));
                self.stack.push(next);
                return true;
            }
        }
        let mark = s.at(n);
        let q = mark == Some(b'?') && in_words(BUILTINS_Q, w);
        let b = mark == Some(b'!') && in_words(BUILTINS_B, w);
        if n > 0 && (q || b) {
            e.tok(Tok::NameBuiltin, s.take(n + 1));
            self.stack.push(St::ExprStart);
            return true;
        }
        if n > 0 && in_words(BUILTINS, w) && s.boundary(s.pos + n) {
            e.tok(Tok::NameBuiltin, s.take(n));
            self.stack.push(St::MethodCall);
            return true;
        }
        self.heredoc_start(s, e)
    }

    /// Ranges, constants, method calls after `.`, names.
    fn names(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("..") {
            let n = 2 + usize::from(s.at(2) == Some(b'.'));
            e.tok(Tok::Operator, s.take(n));
            self.stack.push(St::ExprStart);
            return true;
        }
        if s.at(0).is_some_and(|c| c.is_ascii_uppercase()) {
            let n = 1 + s.run(1, is_ruby_word);
            e.tok(Tok::NameConstant, s.take(n));
            self.stack.push(St::MethodCall);
            return true;
        }
        if s.at(0) == Some(b'.') {
            let ws = s.run(1, is_ruby_space);
            let m = match lower_name(s, 1 + ws) {
                0 => usize::from(
                    s.at(1 + ws)
                        .is_some_and(|c| b"*%&^`~+,-./[<>=".contains(&c)),
                ),
                w => w + usize::from(matches!(s.at(1 + ws + w), Some(b'!' | b'?'))),
            };
            if m > 0 {
                e.tok(Tok::Punctuation, s.take(1));
                e.tok(Tok::Text, s.take(ws));
                e.tok(Tok::NameFunction, s.take(m));
                self.stack.push(St::MethodCall);
                return true;
            }
        }
        let n = name(s, 0);
        if n == 0 {
            return false;
        }
        if matches!(s.at(n), Some(b'?' | b'!')) {
            e.tok(Tok::Name, s.take(n + 1));
            self.stack.push(St::ExprStart);
        } else {
            e.tok(Tok::Name, s.take(n));
            self.stack.push(St::MethodCall);
        }
        true
    }

    fn operators(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let Some(b) = s.at(0) else { return false };
        let n = [
            "**", "<<", "<", ">>", ">", "=~", "===", "!~", "&&", "&", "||", ".",
        ]
        .iter()
        .find(|o| s.starts(o))
        .map(|o| o.len())
        .or_else(|| {
            b"-+/*%=<>&!^|~"
                .contains(&b)
                .then(|| 1 + usize::from(s.at(1) == Some(b'=')))
        });
        if let Some(n) = n {
            e.tok(Tok::Operator, s.take(n));
            self.stack.push(St::ExprStart);
            return true;
        }
        match b {
            b'?' => {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.push(St::Ternary);
                self.stack.push(St::ExprStart);
            }
            b'[' | b'(' | b'{' | b',' | b':' | b'\\' | b';' | b'/' => {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.push(St::ExprStart);
            }
            b']' | b')' | b'}' => {
                e.tok(Tok::Punctuation, s.take(1));
            }
            _ => return false,
        }
        true
    }

    fn expr_start(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.run(0, |c| matches!(c, b' ' | b'\t' | b'\r'));
        if n > 0 {
            return self.tok(s, e, Tok::Text, n);
        }
        if s.at(0) == Some(b'/') {
            e.tok(Tok::StrRegex, s.take(1));
            self.stack.goto(St::SlashRegex);
            return true;
        }
        if let Some(n) = char_literal(s) {
            e.tok(Tok::StrChar, s.take(n));
            self.stack.pop();
            return true;
        }
        if let Some((ws, lit)) = spaced_literal(s) {
            e.tok(Tok::Text, s.take(ws));
            e.tok(Tok::StrOther, s.take(lit));
            self.stack.pop();
            return true;
        }
        if self.sigil_start(s, e) {
            return true;
        }
        self.stack.pop();
        true
    }

    fn spaced(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.whitespace(s, e) {
            return true;
        }
        if matches!(s.at(0), Some(b'%' | b'/')) && s.at(1) == Some(b'=') {
            e.tok(Tok::Operator, s.take(2));
            self.stack.goto(St::ExprStart);
            return true;
        }
        if s.at(0) == Some(b'/') {
            let ws = s.run(1, is_ruby_space);
            if s.at(1).is_some_and(|c| !is_ruby_space(c)) || s.at(1 + ws) == Some(b'/') {
                e.tok(Tok::StrRegex, s.take(1));
                self.stack.goto(St::SlashRegex);
                return true;
            }
        }
        if self.sigil_start(s, e) {
            return true;
        }
        let ws = s.run(0, is_ruby_space);
        if s.at(ws) == Some(b'/') || ws == 0 {
            self.stack.pop();
            return true;
        }
        e.tok(Tok::Text, s.take(ws));
        self.stack.goto(St::ExprStart);
        true
    }

    fn funcname(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            return self.tok(s, e, Tok::Text, ws);
        }
        if s.at(0) == Some(b'(') {
            e.tok(Tok::Punctuation, s.take(1));
            self.stack.push(St::Defexpr);
            return true;
        }
        let recv = name(s, 0);
        let with_recv = if recv > 0 && s.at(recv) == Some(b'.') {
            method_name(s, recv + 1).map(|m| (recv, m))
        } else {
            None
        };
        if let Some((recv, m)) = with_recv.or_else(|| method_name(s, 0).map(|m| (0, m))) {
            e.tok(Tok::NameClass, s.take(recv));
            e.tok(Tok::Operator, s.take(usize::from(recv > 0)));
            e.tok(Tok::NameFunction, s.take(m));
        }
        self.stack.pop();
        true
    }

    fn classname(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            return self.tok(s, e, Tok::Text, ws);
        }
        let path = scoped_words(s);
        if path > 0 {
            return self.tok(s, e, Tok::NameClass, path);
        }
        if s.at(0) == Some(b'(') {
            e.tok(Tok::Punctuation, s.take(1));
            self.stack.push(St::Defexpr);
            self.stack.push(St::ExprStart);
            return true;
        }
        if s.starts("<<") {
            e.tok(Tok::Operator, s.take(2));
            self.stack.goto(St::ExprStart);
            return true;
        }
        if s.at(0).is_some_and(|c| c.is_ascii_uppercase() || c == b'_') {
            let n = 1 + s.run(1, is_ruby_word);
            e.tok(Tok::NameClass, s.take(n));
        }
        self.stack.pop();
        true
    }

    fn ternary(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b':') {
            let ws = s.run(1, is_ruby_space);
            // `:(?![^#\n]*?[:\\])`: no `:` or `\` later on the line before a `#`.
            let later = s.rest()[1..]
                .bytes()
                .take_while(|&c| c != b'#' && c != b'\n')
                .any(|c| c == b':' || c == b'\\');
            if ws > 0 || !later {
                e.tok(Tok::Punctuation, s.take(1));
                e.tok(Tok::Text, s.take(ws));
                self.stack.goto(St::ExprStart);
                return true;
            }
        }
        self.root(s, e)
    }

    fn defexpr(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b')') => {
                e.tok(Tok::Punctuation, s.take(1));
                let op = if s.at(0) == Some(b'.') {
                    1
                } else if s.starts("::") {
                    2
                } else {
                    0
                };
                e.tok(Tok::Operator, s.take(op));
                self.stack.pop();
                true
            }
            Some(b'(') => {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.push(St::Defexpr);
                self.stack.push(St::ExprStart);
                true
            }
            _ => self.root(s, e),
        }
    }
}
