//! Shell scripts, as rouge 3.30's `Shell` lexer (`lexers/shell.rb`, tag `shell`, aliases `bash`,
//! `zsh`, `ksh`, `sh`). Its states: `root` (rouge's `basic` then `data` rules), `heredoc` and
//! `heredoc_nl`, `double_quotes`, `ansi_string` (`$'…'`), `single_quotes`, `curly` (`${…}`),
//! `paren_interp` (`$(…)`) and `paren_inner`, `math` (`$((…))`), `case` and `case_stanza`,
//! `backticks`; `interp` is mixed into several. The lexer keeps its state between calls, as
//! the console lexer continues it line after line.

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, Scan},
    token::Tok,
};

/// rouge's `KEYWORDS`, sorted.
const KEYWORDS: &str =
    "continue do done elif else esac fi for function if in return select then until while";

/// rouge's `BUILTINS` (shell builtins and coreutils), sorted.
const BUILTINS: &str =
    "alias arch awk b2sum base32 base64 basename bg bind break builtin caller cat cd chcon \
    chgrp chmod chown chroot cksum comm command compgen complete cp csplit cut date dd \
    declare df dir dircolors dirname dirs disown du echo enable env eval exec exit expand \
    export expr factor false fc fg fmt fold getopts grep groups gunzip gzip hash head help \
    history hostid hostname id install jobs join kill let link ln local logname logout ls \
    mapfile md5sum mkdir mkfifo mknod mktemp mv nice nl nohup nproc numfmt od paste pathchk \
    popd pr printenv printf ptx pushd pwd read readlink readonly realpath rm rmdir runcon \
    sed seq set sha1sum sha224sum sha256sum sha384sum sha512sum shift shopt shred shuf sleep \
    sort source split stat stdbuf stty sudo sum suspend sync tac tail tar tee test time \
    timeout times touch tr trap true truncate tsort tty type typeset ulimit umask unalias \
    uname unexpand uniq unlink unset uptime users vdir wait wc who whoami yes";

#[derive(Clone, Copy, PartialEq, Debug)]
enum St {
    Root,
    Heredoc,
    HeredocNl,
    Double,
    Ansi,
    Single,
    Curly,
    ParenInterp,
    ParenInner,
    Math,
    Case,
    CaseStanza,
    Backticks,
}

/// The lexer: its state stack and the open heredoc's terminator.
pub(crate) struct Shell {
    stack: Vec<St>,
    heredoc: String,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    Shell::new().continue_lex(code, e);
}

impl Shell {
    pub(crate) fn new() -> Self {
        Shell {
            stack: vec![St::Root],
            heredoc: String::new(),
        }
    }

    /// rouge's `reset!`: back to `root`.
    pub(crate) fn reset(&mut self) {
        self.stack.clear();
        self.stack.push(St::Root);
    }

    /// Lexes `code` from the state the last call left (rouge's `continue_lex`).
    pub(crate) fn continue_lex(&mut self, code: &str, e: &mut Emitter<'_>) {
        let mut s = Scan::new(code);
        while !s.eos() {
            if !self.step(&mut s, e) {
                let n = s.char_len(0);
                e.tok(Tok::Error, s.take(n));
            }
        }
    }

    fn state(&self) -> St {
        *self.stack.last().unwrap_or(&St::Root)
    }

    /// One rule of the current state: whether one matched.
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.state() {
            St::Root => self.root(s, e),
            St::Heredoc => self.heredoc(s, e),
            St::HeredocNl => self.heredoc_nl(s, e),
            St::Double => self.double(s, e),
            St::Ansi | St::Single => self.quoted(s, e),
            St::Curly => self.curly(s, e),
            St::ParenInterp | St::ParenInner | St::Math | St::Case | St::CaseStanza => {
                self.nested(s, e)
            }
            St::Backticks => {
                if s.at(0) == Some(b'`') {
                    return self.pop(s, e, Tok::StrBacktick, 1);
                }
                self.root(s, e)
            }
        }
    }

    fn push(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, tok: Tok, n: usize, to: St) -> bool {
        e.tok(tok, s.take(n));
        self.stack.push(to);
        true
    }

    fn pop(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, tok: Tok, n: usize) -> bool {
        e.tok(tok, s.take(n));
        self.stack.pop();
        true
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        self.basic(s, e) || self.data(s, e)
    }

    /// rouge's `basic` rules: comments, keywords, builtins, assignments, operators, heredocs.
    fn basic(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let b = match s.at(0) {
            Some(b) => b,
            None => return false,
        };
        if b == b'#' {
            let n = s.to_eol(0);
            e.tok(Tok::Comment, s.take(n));
            return true;
        }
        if let Some(n) = word_then_space(s, KEYWORDS, false) {
            e.tok(Tok::Keyword, s.take(n));
            return true;
        }
        if s.boundary(s.pos) && s.starts("case") && s.boundary(s.pos + 4) {
            return self.push(s, e, Tok::Keyword, 4, St::Case);
        }
        if let Some(n) = word_then_space(s, BUILTINS, true) {
            e.tok(Tok::NameBuiltin, s.take(n));
            return true;
        }
        if b == b'.' && s.at(1).is_some_and(is_ruby_space) {
            e.tok(Tok::NameBuiltin, s.take(1));
            return true;
        }
        let w = s.word(0).len();
        if w > 0 && s.boundary(s.pos) && s.at(w) == Some(b'=') {
            e.tok(Tok::NameVariable, s.take(w));
            e.tok(Tok::Operator, s.take(1));
            return true;
        }
        if b"[]{}()!=>".contains(&b) {
            e.tok(Tok::Operator, s.take(1));
            return true;
        }
        for op in ["&&", "||", "<<<"] {
            if s.starts(op) {
                e.tok(Tok::Operator, s.take(op.len()));
                return true;
            }
        }
        self.heredoc_start(s, e)
    }

    /// `(<<-?)(\s*)(['"]?)(\\?)(\w+)(\3)`: a heredoc's start, its word remembered.
    fn heredoc_start(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if !s.starts("<<") {
            return false;
        }
        let op = 2 + usize::from(s.at(2) == Some(b'-'));
        let ws = s.run(op, is_ruby_space);
        let mut k = op + ws;
        let quote = match s.at(k) {
            Some(q @ (b'\'' | b'"')) => {
                k += 1;
                Some(q)
            }
            _ => None,
        };
        let slash = usize::from(s.at(k) == Some(b'\\'));
        let word = s.word(k + slash);
        if word.is_empty() || (quote.is_some() && s.at(k + slash + word.len()) != quote) {
            return false;
        }
        let q = usize::from(quote.is_some());
        e.tok(Tok::Operator, s.take(op));
        e.tok(Tok::Text, s.take(ws));
        e.tok(Tok::StrHeredoc, s.take(q + slash));
        self.heredoc = word.to_owned();
        e.tok(Tok::NameConstant, s.take(word.len()));
        e.tok(Tok::StrHeredoc, s.take(q));
        self.stack.push(St::Heredoc);
        true
    }

    /// rouge's `data` rules: white space, escapes, quotes, words, options, then `interp`.
    fn data(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
            return true;
        }
        let b = match s.at(0) {
            Some(b) => b,
            None => return false,
        };
        if b == b'\\' && s.dot(1) > 0 {
            let n = 1 + s.dot(1);
            e.tok(Tok::StrEscape, s.take(n));
            return true;
        }
        match (b, s.at(1)) {
            (b'"', _) => return self.push(s, e, Tok::StrDouble, 1, St::Double),
            (b'$', Some(b'"')) => return self.push(s, e, Tok::StrDouble, 2, St::Double),
            (b'$', Some(b'\'')) => return self.push(s, e, Tok::StrSingle, 2, St::Ansi),
            (b'\'', _) => return self.push(s, e, Tok::StrSingle, 1, St::Single),
            (b'*', _) => return self.one(s, e, Tok::Keyword),
            (b';', _) => return self.one(s, e, Tok::Punctuation),
            _ => {}
        }
        if b == b'-' {
            let n = s.run(1, |c| is_ruby_word(c) || c == b'-');
            if n > 0 {
                e.tok(Tok::NameTag, s.take(1 + n));
                return true;
            }
        }
        let n = s.run(0, |c| !b"=*{}()$\"'`;\\<".contains(&c) && !is_ruby_space(c));
        if n > 0 {
            e.tok(Tok::Text, s.take(n));
            return true;
        }
        if b == b'<' {
            return self.one(s, e, Tok::Text);
        }
        self.interp(s, e)
    }

    fn one(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, tok: Tok) -> bool {
        e.tok(tok, s.take(1));
        true
    }

    /// rouge's `interp` rules: escapes, `$((`, `$(`, `${`, backticks, `$name`.
    fn interp(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b'\\') => {
                let n = 1 + s.dot(1);
                e.tok(Tok::StrEscape, s.take(n));
                return true;
            }
            Some(b'`') => return self.push(s, e, Tok::StrBacktick, 1, St::Backticks),
            Some(b'$') => {}
            _ => return false,
        }
        if s.starts("$((") {
            return self.push(s, e, Tok::Keyword, 3, St::Math);
        }
        if s.starts("$(") {
            return self.push(s, e, Tok::StrInterpol, 2, St::ParenInterp);
        }
        if s.starts("${") {
            let n = 2 + usize::from(s.at(2) == Some(b'#'));
            return self.push(s, e, Tok::Keyword, n, St::Curly);
        }
        let name = |k: usize| match s.word(k).len() {
            0 => s.dot(k),
            w => w,
        };
        let n = match (s.at(1) == Some(b'#')).then(|| name(2)) {
            Some(w) if w > 0 => 2 + w,
            _ => match name(1) {
                0 => return false,
                w => 1 + w,
            },
        };
        e.tok(Tok::NameVariable, s.take(n));
        true
    }

    fn heredoc(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b'\n') => self.push(s, e, Tok::StrHeredoc, 1, St::HeredocNl),
            Some(b'$') if self.interp(s, e) => true,
            Some(b'$') => self.one(s, e, Tok::StrHeredoc),
            Some(b'\\') => self.interp(s, e),
            _ => {
                let n = s.run(0, |c| !matches!(c, b'$' | b'\n' | b'\\'));
                e.tok(Tok::StrHeredoc, s.take(n));
                true
            }
        }
    }

    /// `\s*(\w+)\s*\n`: a line that may end the heredoc (its word alone), else leave the state.
    fn heredoc_nl(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let lead = s.run(0, is_ruby_space);
        let word = s.word(lead);
        let after = lead + word.len();
        let trail = &s.src[s.pos + after..s.pos + after + s.run(after, is_ruby_space)];
        match trail.rfind('\n') {
            Some(nl) if !word.is_empty() => {
                let ends = word == self.heredoc;
                let tok = if ends {
                    Tok::NameConstant
                } else {
                    Tok::StrHeredoc
                };
                e.tok(tok, s.take(after + nl + 1));
                if ends {
                    self.stack
                        .truncate(self.stack.len().saturating_sub(2).max(1));
                }
            }
            _ => {
                self.stack.pop();
            }
        }
        true
    }

    fn double(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let close = match (s.at(0), s.at(1), s.at(2)) {
            (Some(b'"'), _, _) => 1,
            (Some(b'$'), Some(b'"'), _) => 2,
            (Some(b'$'), Some(b'#'), Some(b'"')) => 3,
            _ => 0,
        };
        if close > 0 {
            return self.pop(s, e, Tok::StrDouble, close);
        }
        if self.interp(s, e) {
            return true;
        }
        let n = s.run(0, |c| !matches!(c, b'"' | b'`' | b'\\' | b'$'));
        if n == 0 {
            return false;
        }
        e.tok(Tok::StrDouble, s.take(n));
        true
    }

    /// `ansi_string` (escapes, then `single_quotes`) and `single_quotes`.
    fn quoted(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.state() == St::Ansi {
            if s.at(0) == Some(b'\\') && s.dot(1) > 0 {
                let n = 1 + s.dot(1);
                e.tok(Tok::StrEscape, s.take(n));
                return true;
            }
            let n = s.run(0, |c| c != b'\\' && c != b'\'');
            if n > 0 {
                e.tok(Tok::StrSingle, s.take(n));
                return true;
            }
        }
        if s.at(0) == Some(b'\'') {
            return self.pop(s, e, Tok::StrSingle, 1);
        }
        let n = s.run(0, |c| c != b'\'');
        e.tok(Tok::StrSingle, s.take(n));
        true
    }

    fn curly(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'}') {
            return self.pop(s, e, Tok::Keyword, 1);
        }
        if s.starts(":-") {
            e.tok(Tok::Keyword, s.take(2));
            return true;
        }
        let n = s.run(0, |c| c.is_ascii_alphanumeric() || c == b'_');
        if n > 0 {
            e.tok(Tok::NameVariable, s.take(n));
            return true;
        }
        let n = s.run(0, |c| {
            !matches!(c, b'}' | b':' | b'"' | b'`' | b'\'' | b'$')
        });
        if n > 0 {
            e.tok(Tok::Punctuation, s.take(n));
            return true;
        }
        self.root(s, e)
    }

    /// `paren_interp`, `paren_inner`, `math`, `case` and `case_stanza`: their own rules, then
    /// `root`'s.
    fn nested(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let b = s.at(0);
        match (self.state(), b) {
            (St::ParenInterp, Some(b')')) => return self.pop(s, e, Tok::StrInterpol, 1),
            (St::ParenInterp | St::ParenInner, Some(b'(')) => {
                return self.push(s, e, Tok::Operator, 1, St::ParenInner)
            }
            (St::ParenInner, Some(b')')) => return self.pop(s, e, Tok::Operator, 1),
            (St::Math, _) if s.starts("))") => return self.pop(s, e, Tok::Keyword, 2),
            (St::Math, Some(c)) if b"-+*/%^|&!".contains(&c) => {
                return self.one(s, e, Tok::Operator)
            }
            (St::Math, Some(c)) if c.is_ascii_digit() => {
                let mut n = s.run(0, |c| c.is_ascii_digit());
                if s.at(n) == Some(b'#') && !s.word(n + 1).is_empty() {
                    n += 1 + s.word(n + 1).len();
                }
                e.tok(Tok::Number, s.take(n));
                return true;
            }
            (St::Case, _) if s.boundary(s.pos) && s.starts("esac") && s.boundary(s.pos + 4) => {
                return self.pop(s, e, Tok::Keyword, 4)
            }
            (St::Case, Some(b'|')) => return self.one(s, e, Tok::Punctuation),
            (St::Case, Some(b')')) => return self.push(s, e, Tok::Punctuation, 1, St::CaseStanza),
            (St::CaseStanza, _) if s.starts(";;") => return self.pop(s, e, Tok::Punctuation, 2),
            _ => {}
        }
        self.root(s, e)
    }
}

/// `\b(WORDS)\s*\b`, and for builtins `(?!(\.|-))` after it: a whole word of `table`, with the
/// white space after it when a word follows that space. The length matched, if any.
fn word_then_space(s: &Scan<'_>, table: &str, builtin: bool) -> Option<usize> {
    let word = s.word(0);
    if word.is_empty() || !s.boundary(s.pos) || !in_words(table, word) {
        return None;
    }
    let w = word.len();
    let ws = s.run(w, is_ruby_space);
    if ws > 0 && s.boundary(s.pos + w + ws) {
        return Some(w + ws);
    }
    let refused = builtin && matches!(s.at(w), Some(b'.' | b'-'));
    (s.boundary(s.pos + w) && !refused).then_some(w)
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
