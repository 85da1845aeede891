//! Makefiles, as rouge 3.30's `Make` lexer (`lexers/make.rb`, tag `make`, aliases `makefile`,
//! `mf`, `gnumake`, `bsdmake`). Its states: `root` (comments, includes, conditionals, exports,
//! assignments, strings, rule headers), `export`, `block_header` (a rule's prerequisites),
//! `block_body` (its recipe lines), `shell_line` and `shell_expr` (rouge's `shell` rules: make's
//! variables and functions; the rest goes to the shell lexer piece by piece, its state kept).
//!
//! Where a rule fails after reading ahead (a name never assigned, a line without `:`, a quote
//! never closed), what it read is remembered (`Ahead`), so no stretch of the code is read again
//! at every position in it.

use super::shell::Shell;
use crate::ctype::is_ruby_word;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{run_states, Finder, Scan, States},
    token::Tok,
};

/// rouge's `Make.functions`, in its order (the first followed by white space is taken).
const FUNCTIONS: &[&str] = &[
    "abspath",
    "addprefix",
    "addsuffix",
    "and",
    "basename",
    "call",
    "dir",
    "error",
    "eval",
    "file",
    "filter",
    "filter-out",
    "findstring",
    "firstword",
    "flavor",
    "foreach",
    "if",
    "join",
    "lastword",
    "notdir",
    "or",
    "origin",
    "patsubst",
    "realpath",
    "shell",
    "sort",
    "strip",
    "subst",
    "suffix",
    "value",
    "warning",
    "wildcard",
    "word",
    "wordlist",
    "words",
];

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Export,
    BlockHeader,
    BlockBody,
    ShellLine,
    ShellExpr,
}

/// What failed rules read ahead, kept while the scan is inside it.
#[derive(Default)]
struct Ahead {
    colons: Finder,
    lines: Finder,
    /// A run of name characters: where it ends, and whether an assignment follows it.
    name_run: (usize, usize, bool),
    /// A quoted string that never closed: where it opened, and where reading it failed.
    dq_failed: (usize, usize),
    sq_failed: (usize, usize),
}

struct Make {
    stack: States<St>,
    shell: Shell,
    ahead: Ahead,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut make = Make {
        stack: States::new(St::Root),
        shell: Shell::new(),
        ahead: Ahead::default(),
    };
    run_states(code, e, |s, e| make.step(s, e));
}

fn blank(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

fn name_char(c: u8) -> bool {
    is_ruby_word(c) || b"${}().-".contains(&c)
}

/// `ifn?def` or `ifn?eq` at `pos`: its length.
fn conditional(s: &Scan<'_>) -> Option<usize> {
    ["ifndef", "ifdef", "ifneq", "ifeq"]
        .into_iter()
        .find(|w| s.starts(w))
        .map(str::len)
}

/// `[!?:+]?=` at `pos + k`: its length.
fn assign_op(s: &Scan<'_>, k: usize) -> usize {
    match (s.at(k), s.at(k + 1)) {
        (Some(b'!' | b'?' | b':' | b'+'), Some(b'=')) => 2,
        (Some(b'='), _) => 1,
        _ => 0,
    }
}

impl Make {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e),
            St::Export => {
                let n = match s.at(0) {
                    Some(c) if is_ruby_word(c) || b"${}()-".contains(&c) => 1,
                    Some(b'\n') => {
                        e.tok(Tok::Text, s.take(1));
                        self.stack.pop();
                        return true;
                    }
                    _ => {
                        let n = s.run(0, blank);
                        e.tok(Tok::Text, s.take(n));
                        return n > 0;
                    }
                };
                e.tok(Tok::NameVariable, s.take(n));
                true
            }
            St::BlockHeader => self.block_header(s, e),
            St::BlockBody => self.block_body(s, e),
            St::ShellLine => {
                if s.at(0) == Some(b'\n') {
                    e.tok(Tok::Text, s.take(1));
                    self.stack.pop();
                    return true;
                }
                self.shell_rules(s, e)
            }
            St::ShellExpr => match s.at(0) {
                Some(b'(' | b'{') => {
                    self.shell.continue_lex(s.take(1), e);
                    self.stack.push(St::ShellExpr);
                    true
                }
                Some(b')' | b'}') => {
                    e.tok(Tok::NameFunction, s.take(1));
                    self.stack.pop();
                    true
                }
                _ => self.shell_rules(s, e),
            },
        }
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, crate::ctype::is_ruby_space);
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
            return true;
        }
        if s.at(0) == Some(b'#') {
            if let Some(nl) = self.ahead.lines.find(s.src, "\n", s.pos) {
                let n = nl + 1 - s.pos;
                e.tok(Tok::Comment, s.take(n));
                return true;
            }
        }
        if self.include(s, e) || self.conditional_line(s, e) || self.export(s, e) {
            return true;
        }
        if self.assignment(s, e) {
            return true;
        }
        if matches!(s.at(0), Some(b'"' | b'\'')) && self.string(s, e) {
            return true;
        }
        let colon = self.ahead.colons.find(s.src, ":", s.pos);
        let line = self.ahead.lines.find(s.src, "\n", s.pos);
        let Some(c) = colon.filter(|&c| c > s.pos && line.is_none_or(|l| c < l)) else {
            return false;
        };
        let n = c - s.pos;
        e.tok(Tok::NameLabel, s.take(n));
        let colons = s.run(0, |c| c == b':');
        e.tok(Tok::Operator, s.take(colons));
        let ws = s.run(0, blank);
        e.tok(Tok::Text, s.take(ws));
        self.stack.push(St::BlockHeader);
        true
    }

    /// `([-s]?include)((?:[\t ]+[^\t\n #]+)+)`.
    fn include(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let k = usize::from(matches!(s.at(0), Some(b'-' | b's')));
        if !s.rest()[k..].starts_with("include") {
            return false;
        }
        let head = k + 7;
        let mut n = head;
        loop {
            let ws = s.run(n, blank);
            let word = s.run(n + ws, |c| !matches!(c, b'\t' | b'\n' | b' ' | b'#'));
            if ws == 0 || word == 0 {
                break;
            }
            n += ws + word;
        }
        if n == head {
            return false;
        }
        e.tok(Tok::Keyword, s.take(head));
        e.tok(Tok::StrOther, s.take(n - head));
        true
    }

    /// `(ifn?def|ifn?eq)([\t ]+)([^#\n]+)` and `(?:else|endif)[\t ]*(?=[#\n])`.
    fn conditional_line(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if let Some(k) = conditional(s) {
            let ws = s.run(k, blank);
            let rest = s.run(k + ws, |c| c != b'#' && c != b'\n');
            if ws > 0 && rest > 0 {
                e.tok(Tok::Keyword, s.take(k));
                e.tok(Tok::Text, s.take(ws));
                e.tok(Tok::NameVariable, s.take(rest));
                return true;
            }
        }
        for word in ["else", "endif"] {
            if s.starts(word) {
                let n = word.len() + s.run(word.len(), blank);
                if matches!(s.at(n), Some(b'#' | b'\n')) {
                    e.tok(Tok::Keyword, s.take(n));
                    return true;
                }
            }
        }
        false
    }

    /// `(export)([\t ]+)(?=[\w\${}()\t -]+\n)`, else `export[\t ]+`.
    fn export(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(6, blank);
        if !s.starts("export") || ws == 0 {
            return false;
        }
        let names = s.run(6 + ws, |c| is_ruby_word(c) || b"${}()\t -".contains(&c));
        // The look-ahead needs one character before the line end: the white space gives up
        // its last one if no name follows it.
        let ws_taken = if names > 0 { ws } else { ws - 1 };
        if s.at(6 + ws + names) == Some(b'\n') && ws_taken > 0 {
            e.tok(Tok::Keyword, s.take(6));
            e.tok(Tok::Text, s.take(ws_taken));
            self.stack.push(St::Export);
        } else {
            e.tok(Tok::Keyword, s.take(6 + ws));
        }
        true
    }

    /// `([\w${}().-]+)([\t ]*)([!?:+]?=)`, then a shell line.
    fn assignment(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let (start, end, _) = self.ahead.name_run;
        if !(start <= s.pos && s.pos < end) {
            let n = s.run(0, name_char);
            let ws = s.run(n, blank);
            self.ahead.name_run = (s.pos, s.pos + n, n > 0 && assign_op(s, n + ws) > 0);
        }
        let (_, end, assigns) = self.ahead.name_run;
        if !assigns || end <= s.pos {
            return false;
        }
        let n = end - s.pos;
        let ws = s.run(n, blank);
        let op = assign_op(s, n + ws);
        e.tok(Tok::NameVariable, s.take(n));
        e.tok(Tok::Text, s.take(ws));
        e.tok(Tok::Operator, s.take(op));
        self.stack.push(St::ShellLine);
        true
    }

    /// `"(\\\\|\\.|[^"\\])*"` and the same with `'`: a backslash takes the character after it
    /// (not a line end), so a string fails at an escaped line end or the end of the code.
    fn string(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let q = s.at(0).unwrap_or(b'"');
        let failed = if q == b'"' {
            &mut self.ahead.dq_failed
        } else {
            &mut self.ahead.sq_failed
        };
        // A quote inside a string that failed was taken by a backslash: from it, reading
        // fails at the same place.
        if failed.0 < s.pos && s.pos < failed.1 {
            return false;
        }
        let mut k = 1;
        loop {
            match s.at(k) {
                Some(c) if c == q => break,
                Some(b'\\') if s.dot(k + 1) > 0 => k += 1 + s.dot(k + 1),
                Some(b'\\') | None => {
                    *failed = (s.pos, s.pos + k);
                    return false;
                }
                Some(_) => k += s.char_len(k),
            }
        }
        let tok = if q == b'"' {
            Tok::StrDouble
        } else {
            Tok::StrSingle
        };
        e.tok(tok, s.take(k + 1));
        true
    }

    fn block_header(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.run(0, |c| !matches!(c, b',' | b'\\' | b'\n' | b'#'));
        if n > 0 {
            e.tok(Tok::NameFunction, s.take(n));
            return true;
        }
        match s.at(0) {
            Some(b',') => e.tok(Tok::Punctuation, s.take(1)),
            Some(b'#') => e.tok(Tok::Comment, s.take(1)),
            Some(b'\\') if s.at(1).is_some() => {
                let n = 1 + s.char_len(1);
                e.tok(Tok::Text, s.take(n));
            }
            Some(b'\n') => {
                e.tok(Tok::Text, s.take(1));
                self.stack.goto(St::BlockBody);
            }
            _ => return false,
        }
        true
    }

    fn block_body(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if let Some(k) = conditional(s) {
            let ws = s.run(k, blank);
            let rest = s.run(k + ws, |c| c != b'#' && c != b'\n');
            if ws > 0 && rest > 0 && self.comment_then_line_end(s, e, k, ws, rest) {
                return true;
            }
        }
        for word in ["else", "endif"] {
            if s.starts(word) {
                let ws = s.run(word.len(), blank);
                if self.comment_then_line_end(s, e, word.len(), ws, 0) {
                    return true;
                }
            }
        }
        if s.at(0) == Some(b'\t') {
            let ws = s.run(0, blank);
            let mark = usize::from(matches!(s.at(ws), Some(b'@' | b'-')));
            e.tok(Tok::Text, s.take(ws));
            e.tok(Tok::Punctuation, s.take(mark));
            self.stack.push(St::ShellLine);
            return true;
        }
        self.shell.reset();
        self.stack.pop();
        true
    }

    /// A recipe's conditional line: the keyword (`k` bytes), white space, its argument
    /// (`rest` bytes), an optional comment, then the line end, which must be there.
    fn comment_then_line_end(
        &mut self,
        s: &mut Scan<'_>,
        e: &mut Emitter<'_>,
        k: usize,
        ws: usize,
        rest: usize,
    ) -> bool {
        let at = k + ws + rest;
        let comment = if s.at(at) == Some(b'#') {
            s.to_eol(at)
        } else {
            0
        };
        if s.at(at + comment) != Some(b'\n') {
            return false;
        }
        e.tok(Tok::Keyword, s.take(k));
        e.tok(Tok::Text, s.take(ws));
        e.tok(Tok::NameVariable, s.take(rest));
        e.tok(Tok::Comment, s.take(comment));
        e.tok(Tok::Text, s.take(1));
        true
    }

    /// rouge's `shell` rules: make's variables and function calls; the rest, up to the next
    /// place one could start, goes to the shell lexer.
    fn shell_rules(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if let Some(n) = variable(s) {
            e.tok(Tok::NameVariable, s.take(n));
            return true;
        }
        if let Some((ws, f, ws2)) = function_call(s) {
            e.tok(Tok::NameFunction, s.take(2));
            e.tok(Tok::Text, s.take(ws));
            e.tok(Tok::NameBuiltin, s.take(f));
            e.tok(Tok::Text, s.take(ws2));
            self.stack.push(St::ShellExpr);
            return true;
        }
        let n = if s.at(0) == Some(b'\\') && s.at(1).is_some() {
            1 + s.char_len(1)
        } else {
            // `.+?(?=stop)`: at least one character, then up to the next stop.
            let mut k = s.char_len(0);
            while !stops(s, k) {
                k += s.char_len(k);
            }
            k
        };
        self.shell.continue_lex(s.take(n), e);
        true
    }
}

/// rouge's `stop` at `pos + k`: `$(`, `${`, a parenthesis or brace, a backslash, a line end
/// or the end.
fn stops(s: &Scan<'_>, k: usize) -> bool {
    match s.at(k) {
        None | Some(b'\n' | b'(' | b')' | b'}' | b'\\') => true,
        Some(b'$') => matches!(s.at(k + 1), Some(b'(' | b'{')),
        _ => false,
    }
}

/// `\$[({][\t ]*\w[\w:=%.]*[\t ]*[)}]`: a variable's length.
fn variable(s: &Scan<'_>) -> Option<usize> {
    if s.at(0) != Some(b'$') || !matches!(s.at(1), Some(b'(' | b'{')) {
        return None;
    }
    let mut k = 2 + s.run(2, blank);
    if !s.at(k).is_some_and(is_ruby_word) {
        return None;
    }
    k += s.run(k, |c| is_ruby_word(c) || b":=%.".contains(&c));
    k += s.run(k, blank);
    matches!(s.at(k), Some(b')' | b'}')).then_some(k + 1)
}

/// `(\$[({])([\t ]*)(FUNCTIONS)([\t ]+)`: the lengths of the white space, the function and
/// the white space after it.
fn function_call(s: &Scan<'_>) -> Option<(usize, usize, usize)> {
    if s.at(0) != Some(b'$') || !matches!(s.at(1), Some(b'(' | b'{')) {
        return None;
    }
    let ws = s.run(2, blank);
    let at = 2 + ws;
    FUNCTIONS.iter().find_map(|f| {
        let after = s.run(at + f.len(), blank);
        (s.rest()[at..].starts_with(f) && after > 0).then_some((ws, f.len(), after))
    })
}
