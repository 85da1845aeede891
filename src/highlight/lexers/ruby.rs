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
use crate::highlight::{
    emit::Emitter,
    scan::{in_table, Finder, Scan},
    token::Tok,
};
use std::collections::VecDeque;

/// rouge's `keywords` (`defined?` is handled with them), sorted.
#[rustfmt::skip]
const KEYWORDS: &[&str] = &[
    "BEGIN", "END", "alias", "begin", "break", "case", "do", "else", "elsif", "end", "ensure",
    "for", "if", "in", "next", "raise", "redo", "rescue", "retry", "return", "super", "then",
    "undef", "unless", "until", "when", "while", "yield",
];

#[rustfmt::skip]
const PSEUDO: &[&str] = &[
    "__FILE__", "__LINE__", "alias_method", "attr", "catch", "extend", "false", "include", "loop",
    "module_function", "nil", "private", "protected", "public", "raise", "throw", "true",
];

/// rouge's `builtins_g` (builtins that may take arguments), sorted.
#[rustfmt::skip]
const BUILTINS: &[&str] = &[
    "__id__", "__send__", "abort", "ancestors", "at_exit", "attr_accessor", "attr_reader",
    "attr_writer", "autoload", "binding", "callcc", "caller", "catch", "chomp", "chop",
    "class_eval", "class_variables", "clone", "const_get", "const_missing", "const_set",
    "constants", "display", "dup", "eval", "exec", "exit", "extend", "fail", "fork", "format",
    "freeze", "getc", "gets", "global_variables", "gsub", "hash", "id", "included_modules",
    "inspect", "instance_eval", "instance_method", "instance_methods", "instance_variable_get",
    "instance_variable_set", "instance_variables", "lambda", "load", "local_variables", "loop",
    "method", "method_missing", "methods", "module_eval", "name", "object_id", "open", "p",
    "print", "printf", "private_class_method", "private_instance_methods", "private_methods",
    "proc", "protected_instance_methods", "protected_methods", "public_class_method",
    "public_instance_methods", "public_methods", "putc", "puts", "raise", "rand", "readline",
    "readlines", "require", "require_relative", "scan", "select", "self", "send", "set_trace_func",
    "singleton_methods", "sleep", "split", "sprintf", "srand", "sub", "syscall", "system", "taint",
    "test", "throw", "to_a", "to_s", "trace_var", "trap", "untaint", "untrace_var", "warn",
];

/// rouge's `builtins_q` (predicates, written with `?`), sorted.
#[rustfmt::skip]
const BUILTINS_Q: &[&str] = &[
    "autoload", "block_given", "const_defined", "eql", "equal", "frozen", "include", "instance_of",
    "is_a", "iterator", "kind_of", "method_defined", "nil", "private_method_defined",
    "protected_method_defined", "public_method_defined", "respond_to", "tainted",
];

/// rouge's `builtins_b` (written with `!`), sorted.
const BUILTINS_B: &[&str] = &["chomp", "chop", "exit", "gsub", "sub"];

const MAX_NULL_SCANS: usize = 5;

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

struct Ruby {
    stack: Vec<St>,
    /// Heredocs whose bodies follow the line: whether the end may be indented, the end word.
    heredocs: VecDeque<(bool, String)>,
    begin_end: Finder,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut r = Ruby {
        stack: vec![St::Root, St::ExprStart],
        heredocs: VecDeque::new(),
        begin_end: Finder::default(),
    };
    let mut s = Scan::new(code);
    let mut null_steps = 0;
    while !s.eos() {
        let at = s.pos;
        let matched = r.step(&mut s, e);
        if matched && s.pos == at {
            null_steps += 1;
        } else if matched {
            null_steps = 0;
        }
        if !matched || null_steps > MAX_NULL_SCANS {
            let n = s.char_len(0);
            e.tok(Tok::Error, s.take(n));
        }
    }
}

/// `[a-zA-Z_]\w*` at `pos + k`: its length, 0 if none.
fn name(s: &Scan<'_>, k: usize) -> usize {
    match s.at(k) {
        Some(c) if c.is_ascii_alphabetic() || c == b'_' => 1 + s.run(k + 1, is_ruby_word),
        _ => 0,
    }
}

/// `[a-z_]\w*` (case-sensitive) at `pos + k`.
fn lower_name(s: &Scan<'_>, k: usize) -> usize {
    match s.at(k) {
        Some(c) if c.is_ascii_lowercase() || c == b'_' => 1 + s.run(k + 1, is_ruby_word),
        _ => 0,
    }
}

/// `'(\\\\|\\'|[^'])*'` from the quote at `pos + k`: up to the first quote no backslash
/// escapes, or (as the regexp backtracks) up to the last quote of the code.
fn single_quoted(s: &Scan<'_>, k: usize) -> Option<usize> {
    let b = s.src.as_bytes();
    let start = s.pos + k;
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\'' => return Some(i + 1 - start),
            b'\\' if matches!(b.get(i + 1), Some(b'\\' | b'\'')) => i += 2,
            _ => i += 1,
        }
    }
    let last = s.src.rfind('\'')?;
    (last > start).then(|| last + 1 - start)
}

impl Ruby {
    fn top(&self) -> St {
        *self.stack.last().unwrap_or(&St::Root)
    }

    fn push(&mut self, st: St) {
        self.stack.push(st);
    }

    fn goto(&mut self, st: St) {
        if let Some(top) = self.stack.last_mut() {
            *top = st;
        }
    }

    fn pop(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    /// A token of `n` bytes, then a move of the state stack.
    fn tok(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, tok: Tok, n: usize) -> bool {
        e.tok(tok, s.take(n));
        true
    }

    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.top() {
            St::Root => self.root(s, e),
            St::ExprStart => self.expr_start(s, e),
            St::MethodCall => {
                match s.at(0) {
                    Some(b'/' | b'%') => {
                        e.tok(Tok::Operator, s.take(1));
                        self.goto(St::ExprStart);
                    }
                    Some(b'\n') => self.pop(),
                    _ => self.goto(St::MethodCallSpaced),
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
                    self.pop();
                    return true;
                }
                self.root(s, e)
            }
            St::Simple(fin, tok) => self.simple(s, e, fin, tok),
            St::SlashRegex => self.slash_regex(s, e),
            St::RegexFlags => {
                let n = s.run(0, |c| b"mixounse".contains(&c));
                e.tok(Tok::StrRegex, s.take(n));
                self.pop();
                true
            }
            St::HeredocQueue => {
                if s.at(0) == Some(b'\n') {
                    self.goto(St::ResolveHeredocs);
                    return true;
                }
                self.root(s, e)
            }
            St::ResolveHeredocs => self.resolve_heredocs(s, e),
            St::TestHeredoc => self.test_heredoc(s, e),
            St::EndPart => {
                let n = s.rest().len();
                e.tok(Tok::CommentPreproc, s.take(n));
                self.pop();
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
                self.push(St::ExprStart);
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
            self.push(St::EndPart);
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

    /// `symbols` and `strings`.
    fn strings(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if let Some(n) = symbol(s) {
            return self.tok(s, e, Tok::StrSymbol, n);
        }
        if s.starts(":\"") {
            e.tok(Tok::StrSymbol, s.take(2));
            self.push(St::Simple(b'"', Tok::StrSymbol));
            return true;
        }
        let w = lower_name(s, 0);
        if w > 0 {
            let q = usize::from(matches!(s.at(w), Some(b'?' | b'!')));
            let ws = s.run(w + q + 1, is_ruby_space);
            if s.at(w + q) == Some(b':') && ws > 0 {
                e.tok(Tok::StrSymbol, s.take(w + q + 1 + ws));
                self.push(St::ExprStart);
                return true;
            }
        }
        match s.at(0) {
            Some(b'\'') => match single_quoted(s, 0) {
                Some(n) => self.tok(s, e, Tok::StrSingle, n),
                None => false,
            },
            Some(b'"') => {
                e.tok(Tok::StrDouble, s.take(1));
                self.push(St::Simple(b'"', Tok::StrDouble));
                true
            }
            Some(b'`') => {
                e.tok(Tok::StrBacktick, s.take(1));
                self.push(St::Simple(b'`', Tok::StrBacktick));
                true
            }
            _ => false,
        }
    }

    /// Keywords, pseudo-keywords, `module`, `def`, `class`, builtins, heredocs.
    fn keywords(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let w = s.word(0);
        let n = w.len();
        // `(?=\W|$)`: an ASCII non-word character (or the end) follows.
        let ends = |k: usize| !s.at(k).is_some_and(is_ruby_word);
        if w == "defined" && s.at(n) == Some(b'?') && ends(n + 1) {
            e.tok(Tok::Keyword, s.take(n + 1));
            self.push(St::ExprStart);
            return true;
        }
        if n > 0 && in_table(KEYWORDS, w) && ends(n) {
            e.tok(Tok::Keyword, s.take(n));
            self.push(St::ExprStart);
            return true;
        }
        if n > 0 && in_table(PSEUDO, w) && s.boundary(s.pos + n) {
            e.tok(Tok::KeywordPseudo, s.take(n));
            self.push(St::ExprStart);
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
                self.push(next);
                return true;
            }
        }
        let mark = s.at(n);
        let q = mark == Some(b'?') && in_table(BUILTINS_Q, w);
        let b = mark == Some(b'!') && in_table(BUILTINS_B, w);
        if n > 0 && (q || b) {
            e.tok(Tok::NameBuiltin, s.take(n + 1));
            self.push(St::ExprStart);
            return true;
        }
        if n > 0 && in_table(BUILTINS, w) && s.boundary(s.pos + n) {
            e.tok(Tok::NameBuiltin, s.take(n));
            self.push(St::MethodCall);
            return true;
        }
        self.heredoc_start(s, e)
    }

    /// `(<<[-~]?)(["`']?)([a-zA-Z_]\w*)(\2)` and `(<<[-~]?)(["'])(\2)`.
    fn heredoc_start(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if !s.starts("<<") {
            return false;
        }
        let op = 2 + usize::from(matches!(s.at(2), Some(b'-' | b'~')));
        let quote = s.at(op).filter(|q| b"\"`'".contains(q));
        let q = usize::from(quote.is_some());
        let word = name(s, op + q);
        let closed = quote.is_none() || s.at(op + q + word) == quote;
        let (body, end) = if word > 0 && closed {
            (
                op + q + word + q,
                s.rest()[op + q..op + q + word].to_owned(),
            )
        } else if quote.is_some_and(|c| c != b'`') && s.at(op + 1) == quote {
            (op + 2, String::new())
        } else {
            return false;
        };
        let tolerant = op == 3;
        e.tok(Tok::Operator, s.take(op));
        e.tok(Tok::NameConstant, s.take(body - op));
        self.heredocs.push_back((tolerant, end));
        if self.top() != St::HeredocQueue {
            self.push(St::HeredocQueue);
        }
        true
    }

    /// Ranges, constants, method calls after `.`, names.
    fn names(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("..") {
            let n = 2 + usize::from(s.at(2) == Some(b'.'));
            e.tok(Tok::Operator, s.take(n));
            self.push(St::ExprStart);
            return true;
        }
        if s.at(0).is_some_and(|c| c.is_ascii_uppercase()) {
            let n = 1 + s.run(1, is_ruby_word);
            e.tok(Tok::NameConstant, s.take(n));
            self.push(St::MethodCall);
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
                self.push(St::MethodCall);
                return true;
            }
        }
        let n = name(s, 0);
        if n == 0 {
            return false;
        }
        if matches!(s.at(n), Some(b'?' | b'!')) {
            e.tok(Tok::Name, s.take(n + 1));
            self.push(St::ExprStart);
        } else {
            e.tok(Tok::Name, s.take(n));
            self.push(St::MethodCall);
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
            self.push(St::ExprStart);
            return true;
        }
        match b {
            b'?' => {
                e.tok(Tok::Punctuation, s.take(1));
                self.push(St::Ternary);
                self.push(St::ExprStart);
            }
            b'[' | b'(' | b'{' | b',' | b':' | b'\\' | b';' | b'/' => {
                e.tok(Tok::Punctuation, s.take(1));
                self.push(St::ExprStart);
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
            self.goto(St::SlashRegex);
            return true;
        }
        if let Some(n) = char_literal(s) {
            e.tok(Tok::StrChar, s.take(n));
            self.pop();
            return true;
        }
        if let Some((ws, lit)) = spaced_literal(s) {
            e.tok(Tok::Text, s.take(ws));
            e.tok(Tok::StrOther, s.take(lit));
            self.pop();
            return true;
        }
        if self.sigil_start(s, e) {
            return true;
        }
        self.pop();
        true
    }

    fn spaced(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.whitespace(s, e) {
            return true;
        }
        if matches!(s.at(0), Some(b'%' | b'/')) && s.at(1) == Some(b'=') {
            e.tok(Tok::Operator, s.take(2));
            self.goto(St::ExprStart);
            return true;
        }
        if s.at(0) == Some(b'/') {
            let ws = s.run(1, is_ruby_space);
            if s.at(1).is_some_and(|c| !is_ruby_space(c)) || s.at(1 + ws) == Some(b'/') {
                e.tok(Tok::StrRegex, s.take(1));
                self.goto(St::SlashRegex);
                return true;
            }
        }
        if self.sigil_start(s, e) {
            return true;
        }
        let ws = s.run(0, is_ruby_space);
        if s.at(ws) == Some(b'/') || ws == 0 {
            self.pop();
            return true;
        }
        e.tok(Tok::Text, s.take(ws));
        self.goto(St::ExprStart);
        true
    }

    /// `%([rqswQWxiI])?([^\w\s])`: a `%` literal opens.
    fn sigil_start(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) != Some(b'%') {
            return false;
        }
        let kind = s.at(1).filter(|c| b"rqswQWxiI".contains(c));
        let at = 1 + usize::from(kind.is_some());
        let Some(open) = s.src[s.pos + at..].chars().next() else {
            return false;
        };
        if open.is_ascii() && (is_ruby_word(open as u8) || is_ruby_space(open as u8)) {
            return false;
        }
        let close = match open {
            '{' => '}',
            '[' => ']',
            '(' => ')',
            '<' => '>',
            c => c,
        };
        let regex = kind == Some(b'r');
        let tok = if regex { Tok::StrRegex } else { Tok::StrOther };
        let interp = kind.is_some_and(|k| b"rQWxI".contains(&k));
        e.tok(tok, s.take(at + open.len_utf8()));
        if regex {
            self.push(St::RegexFlags);
        }
        self.push(St::Sigil(Sigil {
            open,
            close,
            interp,
            tok,
        }));
        true
    }

    fn sigil(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, g: Sigil) -> bool {
        let special = |c: char| c == '#' || c == '\\' || c == g.open || c == g.close;
        let rest = s.rest();
        let mut chars = rest.chars();
        let first = chars.next();
        let second = chars.next();
        if first == Some('\\') && second.is_some_and(special) {
            let n = 1 + second.map_or(0, char::len_utf8);
            return self.tok(s, e, Tok::StrEscape, n);
        }
        if g.open != g.close && first == Some(g.open) {
            e.tok(g.tok, s.take(g.open.len_utf8()));
            self.push(St::Sigil(g));
            return true;
        }
        if first == Some(g.close) {
            e.tok(g.tok, s.take(g.close.len_utf8()));
            self.pop();
            return true;
        }
        if g.interp {
            if self.interp_escaped(s, e) {
                return true;
            }
            if first == Some('#') {
                return self.tok(s, e, g.tok, 1);
            }
        } else if matches!(first, Some('\\' | '#')) {
            return self.tok(s, e, g.tok, 1);
        }
        let n = rest.find(special).unwrap_or(rest.len());
        if n == 0 {
            return false;
        }
        self.tok(s, e, g.tok, n)
    }

    /// `string_intp`: `#{` and `#@x`, `#@@x`, `#$x`.
    fn interp(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("#{") {
            e.tok(Tok::StrInterpol, s.take(2));
            self.push(St::InInterp);
            return true;
        }
        if s.at(0) != Some(b'#') {
            return false;
        }
        let sigil = match (s.at(1), s.at(2)) {
            (Some(b'@'), Some(b'@')) => 2,
            (Some(b'@' | b'$'), _) => 1,
            _ => return false,
        };
        let n = match s.at(1 + sigil) {
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => 1 + s.run(2 + sigil, is_ruby_word),
            _ => return false,
        };
        self.tok(s, e, Tok::StrInterpol, 1 + sigil + n)
    }

    /// `string_intp_escaped`: interpolation and backslash escapes.
    fn interp_escaped(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.interp(s, e) {
            return true;
        }
        if s.at(0) != Some(b'\\') {
            return false;
        }
        let n = match escape_len(s, 1) {
            0 => s.dot(1),
            n => n,
        };
        n > 0 && self.tok(s, e, Tok::StrEscape, 1 + n)
    }

    fn simple(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, fin: u8, tok: Tok) -> bool {
        if self.interp_escaped(s, e) {
            return true;
        }
        let n = s.run(0, |c| c != b'\\' && c != fin && c != b'#');
        if n > 0 {
            return self.tok(s, e, tok, n);
        }
        match s.at(0) {
            Some(b'\\' | b'#') => self.tok(s, e, tok, 1),
            Some(c) if c == fin => {
                e.tok(tok, s.take(1));
                self.pop();
                true
            }
            _ => false,
        }
    }

    fn slash_regex(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.interp(s, e) {
            return true;
        }
        match s.at(0) {
            Some(b'\\') if matches!(s.at(1), Some(b'\\' | b'/')) => {
                self.tok(s, e, Tok::StrRegex, 2)
            }
            Some(b'\\' | b'#') => self.tok(s, e, Tok::StrRegex, 1),
            Some(b'/') => {
                e.tok(Tok::StrRegex, s.take(1));
                self.goto(St::RegexFlags);
                true
            }
            Some(_) => {
                let n = s.run(0, |c| !matches!(c, b'\\' | b'/' | b'#'));
                self.tok(s, e, Tok::StrRegex, n)
            }
            None => false,
        }
    }

    fn funcname(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            return self.tok(s, e, Tok::Text, ws);
        }
        if s.at(0) == Some(b'(') {
            e.tok(Tok::Punctuation, s.take(1));
            self.push(St::Defexpr);
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
        self.pop();
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
            self.push(St::Defexpr);
            self.push(St::ExprStart);
            return true;
        }
        if s.starts("<<") {
            e.tok(Tok::Operator, s.take(2));
            self.goto(St::ExprStart);
            return true;
        }
        if s.at(0).is_some_and(|c| c.is_ascii_uppercase() || c == b'_') {
            let n = 1 + s.run(1, is_ruby_word);
            e.tok(Tok::NameClass, s.take(n));
        }
        self.pop();
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
                self.goto(St::ExprStart);
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
                self.pop();
                true
            }
            Some(b'(') => {
                e.tok(Tok::Punctuation, s.take(1));
                self.push(St::Defexpr);
                self.push(St::ExprStart);
                true
            }
            _ => self.root(s, e),
        }
    }

    fn resolve_heredocs(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.interp_escaped(s, e) {
            return true;
        }
        match s.at(0) {
            Some(b'\n') => {
                e.tok(Tok::StrHeredoc, s.take(1));
                self.push(St::TestHeredoc);
                true
            }
            Some(b'#' | b'\\') => self.tok(s, e, Tok::StrHeredoc, 1),
            Some(_) => {
                let n = s.run(0, |c| !matches!(c, b'#' | b'\\' | b'\n'));
                self.tok(s, e, Tok::StrHeredoc, n)
            }
            None => false,
        }
    }

    /// `[^#\\\n]*$`: a whole line without `#` or `\` may end the first heredoc waiting.
    fn test_heredoc(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.to_eol(0);
        let line = &s.rest()[..n];
        self.pop();
        if line.contains(['#', '\\']) {
            return true;
        }
        let ends = self.heredocs.front().is_some_and(|(tolerant, word)| {
            let check = if *tolerant {
                ruby_strip(line)
            } else {
                ruby_rstrip(line)
            };
            check == word
        });
        if ends {
            self.heredocs.pop_front();
            if self.heredocs.is_empty() {
                self.pop();
            }
            e.tok(Tok::NameConstant, s.take(n));
        } else {
            e.tok(Tok::StrHeredoc, s.take(n));
        }
        true
    }
}

/// Ruby's `String#strip` white space: NUL and `\s`.
fn is_strip_space(c: char) -> bool {
    c == '\0' || (c.is_ascii() && is_ruby_space(c as u8))
}

fn ruby_strip(s: &str) -> &str {
    s.trim_matches(is_strip_space)
}

fn ruby_rstrip(s: &str) -> &str {
    s.trim_end_matches(is_strip_space)
}

/// `[a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*` at `pos + k`.
fn module_path(s: &Scan<'_>, k: usize) -> usize {
    let mut n = name(s, k);
    if n == 0 {
        return 0;
    }
    while s.rest()[k + n..].starts_with("::") && name(s, k + n + 2) > 0 {
        n += 2 + name(s, k + n + 2);
    }
    n
}

/// `\w+(::\w+)+`: a scoped class name.
fn scoped_words(s: &Scan<'_>) -> usize {
    let mut n = s.run(0, is_ruby_word);
    if n == 0 {
        return 0;
    }
    let mut parts = 1;
    while s.rest()[n..].starts_with("::") && s.run(n + 2, is_ruby_word) > 0 {
        n += 2 + s.run(n + 2, is_ruby_word);
        parts += 1;
    }
    if parts > 1 {
        n
    } else {
        0
    }
}

/// A method's name after `def` (rouge's alternatives in order), at `pos + k`.
fn method_name(s: &Scan<'_>, k: usize) -> Option<usize> {
    let n = name(s, k);
    if n > 0 {
        return Some(n + usize::from(matches!(s.at(k + n), Some(b'!' | b'?'))));
    }
    let rest = &s.rest()[k..];
    let ops = [
        "**", "*", "-@", "-", "+@", "+", "/", "%", "&", "|", "^", "`", "~", "[]=", "[]",
    ];
    let more = ["<<", "<", ">>", ">", "===", "=="];
    ops.iter()
        .chain(more.iter())
        .find(|o| rest.starts_with(*o))
        .map(|o| o.len())
}

/// The symbol rules with a fixed shape: `:name`, `:@name`, `:@@name` (with `!`/`?`), operator
/// symbols, and `:'…'`. Their length.
fn symbol(s: &Scan<'_>) -> Option<usize> {
    if s.at(0) != Some(b':') {
        return None;
    }
    let at = 1 + s.run(1, |c| c == b'@').min(2);
    let first_ok = s
        .at(at)
        .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_');
    if first_ok {
        let n = at + 1 + s.run(at + 1, is_ruby_word);
        return Some(n + usize::from(matches!(s.at(n), Some(b'!' | b'?'))));
    }
    let rest = &s.rest()[1..];
    let ops = [
        "**", "-@", "+@", "/", "%", "&", "|", "^", "`", "~", "[]=", "[]", "<<", ">>", "<=>", "<>",
        "<=", "<", "===", "==",
    ];
    if let Some(o) = ops.iter().find(|o| rest.starts_with(*o)) {
        return Some(1 + o.len());
    }
    if s.at(1) == Some(b'\'') {
        return single_quoted(s, 1).map(|n| 1 + n);
    }
    None
}

/// Ruby's escape after a backslash at `pos + k`: `[\\abefnrstv#"']`, `x` with one or two hex
/// digits, one to three octal digits; its length, 0 if none.
fn escape_len(s: &Scan<'_>, k: usize) -> usize {
    match s.at(k) {
        Some(b'\\' | b'a' | b'b' | b'e' | b'f' | b'n' | b'r' | b's' | b't' | b'v' | b'#')
        | Some(b'"' | b'\'') => 1,
        Some(b'x') => match s.run(k + 1, |c| c.is_ascii_hexdigit()).min(2) {
            0 => 0,
            h => 1 + h,
        },
        Some(b'0'..=b'7') => s.run(k, |c| (b'0'..=b'7').contains(&c)).min(3),
        _ => 0,
    }
}

/// `[?](\\[MC]-)*(escape|\S)(?!\w)`: a character literal, its length.
fn char_literal(s: &Scan<'_>) -> Option<usize> {
    if s.at(0) != Some(b'?') {
        return None;
    }
    let mut mods = 0;
    while s.at(1 + mods) == Some(b'\\')
        && matches!(s.at(2 + mods), Some(b'M' | b'C'))
        && s.at(3 + mods) == Some(b'-')
    {
        mods += 3;
    }
    let free = |k: usize| !s.at(k).is_some_and(is_ruby_word);
    // Fewer modifiers are tried when more fail, as the regexp backtracks.
    (0..=mods / 3).rev().map(|m| 1 + 3 * m).find_map(|k| {
        let esc = if s.at(k) == Some(b'\\') {
            escape_len(s, k + 1)
        } else {
            0
        };
        if esc > 0 && free(k + 1 + esc) {
            return Some(k + 1 + esc);
        }
        let c = s
            .at(k)
            .filter(|&c| !is_ruby_space(c))
            .map(|_| s.char_len(k))?;
        free(k + c).then_some(k + c)
    })
}

/// `(\s*)(%[rqswQWxiI]? \S* )`: a `%` literal delimited by spaces; the lengths of both parts.
fn spaced_literal(s: &Scan<'_>) -> Option<(usize, usize)> {
    let ws = s.run(0, is_ruby_space);
    if s.at(ws) != Some(b'%') {
        return None;
    }
    let mut k = ws + 1;
    if s.at(k).is_some_and(|c| b"rqswQWxiI".contains(&c)) {
        k += 1;
    }
    if s.at(k) != Some(b' ') {
        return None;
    }
    let body = s.run(k + 1, |c| !is_ruby_space(c));
    (s.at(k + 1 + body) == Some(b' ')).then_some((ws, k + 2 + body - ws))
}

/// Instance, class and global variables.
fn variable(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let named = |k: usize| match s.at(k) {
        Some(c) if c.is_ascii_alphabetic() || c == b'_' => Some(k + 1 + s.run(k + 1, is_ruby_word)),
        _ => None,
    };
    match (s.at(0)?, s.at(1)) {
        (b'@', Some(b'@')) => named(2).map(|n| (Tok::NameVariableClass, n)),
        (b'@', _) => named(1).map(|n| (Tok::NameVariableInstance, n)),
        (b'$', _) => {
            let w = s.run(1, is_ruby_word);
            let n = if w > 0 {
                1 + w
            } else if s
                .at(1)
                .is_some_and(|c| b"!@&`'+~=/\\,;.<>_*$?:\"".contains(&c))
            {
                2
            } else if s.at(1) == Some(b'-') && s.at(2).is_some_and(|c| b"0adFiIlpvw".contains(&c)) {
                3
            } else {
                return None;
            };
            Some((Tok::NameVariableGlobal, n))
        }
        _ => None,
    }
}

/// rouge's number rules: octal, hexadecimal, binary, float, integer.
fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let first = s.at(0)?;
    if !first.is_ascii_digit() {
        return None;
    }
    let groups = |k: usize, class: fn(u8) -> bool| {
        let mut n = s.run(k, class);
        if n == 0 {
            return 0;
        }
        while s.at(k + n) == Some(b'_') && s.at(k + n + 1).is_some_and(class) {
            n += 1 + s.run(k + n + 1, class);
        }
        n
    };
    let oct = |c: u8| (b'0'..=b'7').contains(&c);
    if first == b'0' {
        let u = usize::from(s.at(1) == Some(b'_'));
        let n = groups(1 + u, oct);
        if n > 0 {
            return Some((Tok::NumOct, 1 + u + n));
        }
        let n = if s.at(1) == Some(b'x') {
            groups(2, |c| c.is_ascii_hexdigit())
        } else {
            0
        };
        if n > 0 {
            return Some((Tok::NumHex, 2 + n));
        }
        let n = if s.at(1) == Some(b'b') {
            groups(2, |c| c == b'0' || c == b'1')
        } else {
            0
        };
        if n > 0 {
            return Some((Tok::NumBin, 2 + n));
        }
    }
    let dec = |k: usize| groups(k, |c| c.is_ascii_digit());
    let exp = |k: usize| {
        if !matches!(s.at(k), Some(b'e' | b'E')) {
            return 0;
        }
        let sign = usize::from(matches!(s.at(k + 1), Some(b'+' | b'-')));
        match s.run(k + 1 + sign, |c| c.is_ascii_digit()) {
            0 => 0,
            d => 1 + sign + d,
        }
    };
    let d = dec(0);
    if s.at(d) == Some(b'.') {
        let frac = dec(d + 1);
        if frac > 0 {
            let n = d + 1 + frac;
            return Some((Tok::NumFloat, n + exp(n)));
        }
    }
    match exp(d) {
        0 => Some((Tok::NumInteger, d)),
        x => Some((Tok::NumFloat, d + x)),
    }
}
