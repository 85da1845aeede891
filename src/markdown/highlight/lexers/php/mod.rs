//! PHP, as rouge 3.30's `PHP` lexer (`lexers/php.rb`, tag `php`, aliases `php3`, `php4`,
//! `php5`) with its options as a fence or `{% highlight %}` leaves them: `start_inline` guessed
//! (`start`: text before a first `<?php` or `<` is HTML, else the code is PHP from its start),
//! builtins coloured. Its states: `root` (HTML, handed to the HTML lexer, up to `<?`), `start`,
//! `php` (with `escape`, `whitespace`, `variables`, `values`, `names`, `operators` mixed in),
//! `string` with `string_interp_double` and `string_interp_single`, and the states after a
//! keyword: `in_assign`, `in_assign_function`, `in_catch`, `in_const`, `in_function_name`,
//! `in_function_params`, `in_function_return`, `in_function_use`, `in_function_body`, `in_new`,
//! `in_new_class`, `in_use`, `in_visibility`. Literals are in `values.rs`, names in `names.rs`, double-quoted strings in
//! `string.rs`.

mod builtins;
mod names;
mod string;
mod values;

use super::html::Html;
use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{run_states, starts_ignore_case, Finder, RunLast, Scan, States},
    token::Tok,
};
use values::HeredocEnds;

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Start,
    Php,
    Str,
    InterpDouble,
    InterpSingle,
    InAssign,
    InAssignFunction,
    InCatch,
    InConst,
    InFunctionBody,
    InFunctionName,
    InFunctionParams,
    InFunctionReturn,
    InFunctionUse,
    InNew,
    InNewClass,
    InUse,
    InVisibility,
}

struct Php {
    stack: States<St>,
    html: Html,
    single_ends: Option<Vec<u32>>,
    backtick_ends: Option<Vec<u32>>,
    heredoc_ends: HeredocEnds,
    opens: Finder,
    comment_ends: Finder,
    doc_ends: Finder,
    brackets: RunLast,
    braces: RunLast,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut php = Php {
        stack: States::starting_in(St::Root, St::Start),
        html: Html::new(),
        single_ends: None,
        backtick_ends: None,
        heredoc_ends: HeredocEnds::default(),
        opens: Finder::default(),
        comment_ends: Finder::default(),
        doc_ends: Finder::default(),
        brackets: RunLast::default(),
        braces: RunLast::default(),
    };
    run_states(code, e, |s, e| php.step(s, e));
}

/// rouge's `id` at `pos + k` (`[\p{L}_][\p{L}\p{N}_]*`): its length, 0 if none.
fn id(s: &Scan<'_>, k: usize) -> usize {
    let rest = &s.src[s.pos + k..];
    match rest.chars().next() {
        Some(c) if c == '_' || c.is_alphabetic() => rest
            .char_indices()
            .find(|&(_, c)| !values::is_id_char(c))
            .map_or(rest.len(), |(i, _)| i),
        _ => 0,
    }
}

/// `\??id` at `pos`: its length, 0 if none.
fn type_name(s: &Scan<'_>) -> usize {
    let q = usize::from(s.at(0) == Some(b'?'));
    match id(s, q) {
        0 => 0,
        n => q + n,
    }
}

/// The first of `words` at `pos` (in any case) with a word boundary after it: its length.
fn word_of(s: &Scan<'_>, words: &[&str]) -> usize {
    words
        .iter()
        .find(|w| starts_ignore_case(s, 0, w) && s.boundary(s.pos + w.len()))
        .map_or(0, |w| w.len())
}

fn is_operator(c: u8) -> bool {
    b"~!%^&*+|:.<>/@-".contains(&c)
}

impl Php {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e),
            St::Start => self.start(s, e),
            St::Php => self.php(s, e),
            St::Str => self.string(s, e),
            St::InterpDouble | St::InterpSingle => {
                let close = if self.stack.top() == St::InterpDouble {
                    "}}"
                } else {
                    "}"
                };
                if s.starts(close) {
                    e.tok(Tok::StrInterpol, s.take(close.len()));
                    self.stack.pop();
                    return true;
                }
                self.php(s, e)
            }
            St::InAssign => self.in_assign(s, e),
            St::InAssignFunction => match s.at(0) {
                Some(b')') => self.punct(s, e, Pop),
                Some(b',') => self.punct(s, e, Stay),
                _ => self.in_assign(s, e),
            },
            St::InFunctionBody | St::InNewClass => match s.at(0) {
                Some(b'{') if self.stack.top() == St::InFunctionBody => {
                    self.punct(s, e, Push(St::InFunctionBody))
                }
                Some(b'{') => self.punct(s, e, Stay),
                Some(b'}') => self.punct(s, e, Pop),
                _ => self.php(s, e),
            },
            _ => self.after_keyword(s, e),
        }
    }

    /// `<?`, `<?php` or `<?=` starts PHP; text up to the next `<?` is HTML.
    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("<?") {
            let n = if starts_ignore_case(s, 2, "php") {
                5
            } else {
                2 + usize::from(s.at(2) == Some(b'='))
            };
            e.tok(Tok::CommentPreproc, s.take(n));
            self.stack.push(St::Php);
            return true;
        }
        let end = self.opens.find(s.src, "<?", s.pos);
        let n = end.map_or(s.rest().len(), |at| at - s.pos);
        self.html.continue_lex(s.take(n), e);
        true
    }

    /// rouge's guess, at the start only: white space before a `<`, or text without `$` before
    /// the last `<?php` or `<?=` it reaches, is HTML; otherwise the code is PHP from the start.
    fn start(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        let html = if s.at(ws) == Some(b'<') {
            Some(ws)
        } else {
            let rest = s.rest();
            let dollar = rest.find('$').unwrap_or(rest.len());
            rest[..dollar]
                .match_indices("<?")
                .map(|(i, _)| i)
                .filter(|&i| {
                    i > 0 && (starts_ignore_case(s, i + 2, "php") || s.at(i + 2) == Some(b'='))
                })
                .last()
        };
        match html {
            Some(n) => {
                self.html.continue_lex(s.take(n), e);
                self.stack.pop();
            }
            None => self.stack.goto(St::Php),
        }
        true
    }

    /// `escape`: `?>` ends PHP, whatever the states.
    fn escape(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if !s.starts("?>") {
            return false;
        }
        e.tok(Tok::CommentPreproc, s.take(2));
        self.stack = States::new(St::Root);
        true
    }

    /// `whitespace`: white space and comments.
    fn whitespace(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
            return true;
        }
        if s.at(0) == Some(b'#') || s.starts("//") {
            let n = s.to_eol(0);
            e.tok(Tok::CommentSingle, s.take(n));
            return true;
        }
        if s.starts("/**") && s.at(3) != Some(b'/') {
            if let Some(end) = self.doc_ends.find(s.src, "*/", s.pos + 3) {
                e.tok(Tok::CommentDoc, s.take(end + 2 - s.pos));
                return true;
            }
        }
        if s.starts("/*") {
            if let Some(end) = self.comment_ends.find(s.src, "*/", s.pos + 2) {
                e.tok(Tok::CommentMultiline, s.take(end + 2 - s.pos));
                return true;
            }
        }
        false
    }

    /// `variables`: `${$…name}` and `$…name`.
    fn variables(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("${") {
            let dollars = s.run(2, |c| c == b'$');
            let n = if dollars > 0 { id(s, 2 + dollars) } else { 0 };
            if n > 0 && s.at(2 + dollars + n) == Some(b'}') {
                e.tok(Tok::NameVariable, s.take(3 + dollars + n));
                return true;
            }
        }
        let dollars = s.run(0, |c| c == b'$');
        let n = if dollars > 0 { id(s, dollars) } else { 0 };
        if n == 0 {
            return false;
        }
        e.tok(Tok::NameVariable, s.take(dollars + n));
        true
    }

    /// `values`: literals, then `function`/`fn`, the constants and `new`.
    fn values(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.literal(s, e) {
            return true;
        }
        let n = word_of(s, &["function", "fn"]);
        if n > 0 {
            e.tok(Tok::Keyword, s.take(n));
            for st in [
                St::InFunctionReturn,
                St::InFunctionParams,
                St::InFunctionName,
            ] {
                self.stack.push(st);
            }
            return true;
        }
        let n = word_of(s, &["true", "false", "null"]);
        if n > 0 {
            e.tok(Tok::KeywordConstant, s.take(n));
            return true;
        }
        let n = word_of(s, &["new"]);
        if n > 0 {
            e.tok(Tok::Keyword, s.take(n));
            self.stack.push(St::InNew);
            return true;
        }
        false
    }

    /// `operators`: a run of operator characters.
    fn operators(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.run(0, is_operator);
        e.tok(Tok::Operator, s.take(n));
        n > 0
    }

    fn php(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.escape(s, e) || self.whitespace(s, e) || self.variables(s, e) || self.values(s, e) {
            return true;
        }
        if self.declaration(s, e) || self.names(s, e) {
            return true;
        }
        match s.at(0) {
            Some(b';' | b',' | b'(' | b')' | b'{' | b'}' | b'[' | b']') => self.punct(s, e, Stay),
            Some(b'=' | b'?') => {
                e.tok(Tok::Operator, s.take(1));
                true
            }
            _ => Self::operators(s, e),
        }
    }

    /// `(namespace)(\s+)(name)` and `(class|interface|trait|extends|implements)(\s+)(name)`.
    fn declaration(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let words = [
            "namespace",
            "class",
            "interface",
            "trait",
            "extends",
            "implements",
        ];
        let Some(word) = words.iter().find(|w| starts_ignore_case(s, 0, w)) else {
            return false;
        };
        let ws = s.run(word.len(), is_ruby_space);
        let n = if ws > 0 {
            names::id_with_ns(s, word.len() + ws)
        } else {
            0
        };
        if n == 0 {
            return false;
        }
        let (kw, name) = if *word == "namespace" {
            (Tok::KeywordNamespace, Tok::NameNamespace)
        } else {
            (Tok::KeywordDeclaration, Tok::NameClass)
        };
        e.tok(kw, s.take(word.len()));
        e.tok(Tok::Text, s.take(ws));
        e.tok(name, s.take(n));
        true
    }

    fn punct(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, then: Then) -> bool {
        e.tok(Tok::Punctuation, s.take(1));
        match then {
            Stay => {}
            Pop => self.stack.pop(),
            Push(st) => self.stack.push(st),
        }
        true
    }

    fn in_assign(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b',') => return self.punct(s, e, Pop),
            Some(b'[' | b']') => return self.punct(s, e, Stay),
            Some(b'(') => return self.punct(s, e, Push(St::InAssignFunction)),
            _ => {}
        }
        if self.escape(s, e)
            || self.whitespace(s, e)
            || self.values(s, e)
            || self.variables(s, e)
            || self.names(s, e)
            || Self::operators(s, e)
        {
            return true;
        }
        self.stack.pop();
        true
    }

    /// The states a keyword leads to that end, as rouge's `return`, at anything else.
    fn after_keyword(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let top = self.stack.top();
        let own = match top {
            St::InCatch => self.in_catch(s, e),
            St::InConst => self.in_const(s, e),
            St::InFunctionName => self.in_function_name(s, e),
            St::InFunctionParams => self.in_function_params(s, e),
            St::InFunctionReturn => self.in_function_return(s, e),
            St::InFunctionUse => self.in_function_use(s, e),
            St::InNew => self.in_new(s, e),
            St::InUse => return self.in_use(s, e),
            _ => self.in_visibility(s, e),
        };
        if own || self.escape(s, e) || self.whitespace(s, e) {
            return true;
        }
        if matches!(top, St::InFunctionParams | St::InFunctionUse) && self.variables(s, e) {
            return true;
        }
        self.stack.pop();
        true
    }

    fn in_catch(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b'(') => self.punct(s, e, Stay),
            Some(b'|') => {
                e.tok(Tok::Operator, s.take(1));
                true
            }
            _ => {
                let n = id(s, 0);
                e.tok(Tok::NameClass, s.take(n));
                n > 0
            }
        }
    }

    fn in_const(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = id(s, 0);
        if n > 0 {
            e.tok(Tok::NameConstant, s.take(n));
            return true;
        }
        if s.at(0) != Some(b'=') {
            return false;
        }
        e.tok(Tok::Operator, s.take(1));
        self.stack.push(St::InAssign);
        true
    }

    fn in_function_name(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b'&') => {
                e.tok(Tok::Operator, s.take(1));
                true
            }
            Some(b'(') => self.punct(s, e, Pop),
            _ => {
                let n = id(s, 0);
                e.tok(Tok::Name, s.take(n));
                n > 0
            }
        }
    }

    fn in_function_params(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b')') => return self.punct(s, e, Pop),
            Some(b',') => return self.punct(s, e, Stay),
            Some(b'=') => {
                e.tok(Tok::Operator, s.take(1));
                self.stack.push(St::InAssign);
                return true;
            }
            _ => {}
        }
        if s.starts("...") {
            e.tok(Tok::Punctuation, s.take(3));
            return true;
        }
        let n = word_of(s, &["public", "protected", "private", "readonly"]);
        if n > 0 {
            e.tok(Tok::Keyword, s.take(n));
            return true;
        }
        self.type_then(s, e, Push(St::InAssign))
    }

    /// `\??id` as a type, then `then`.
    fn type_then(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, then: Then) -> bool {
        let n = type_name(s);
        if n == 0 {
            return false;
        }
        e.tok(Tok::KeywordType, s.take(n));
        match then {
            Push(st) => self.stack.push(st),
            Pop => self.stack.pop(),
            Stay => {}
        }
        true
    }

    fn in_function_return(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b':') => return self.punct(s, e, Stay),
            Some(b'{') => {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.goto(St::InFunctionBody);
                return true;
            }
            _ => {}
        }
        let n = word_of(s, &["use"]);
        if n > 0 {
            e.tok(Tok::Keyword, s.take(n));
            self.stack.push(St::InFunctionUse);
            return true;
        }
        self.type_then(s, e, Push(St::InAssign))
    }

    fn in_function_use(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b',' | b'(') => self.punct(s, e, Stay),
            Some(b'&') => {
                e.tok(Tok::Operator, s.take(1));
                true
            }
            Some(b')') => self.punct(s, e, Pop),
            _ => false,
        }
    }

    fn in_new(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = word_of(s, &["class"]);
        if n > 0 {
            e.tok(Tok::KeywordDeclaration, s.take(n));
            self.stack.goto(St::InNewClass);
            return true;
        }
        let n = names::id_with_ns(s, 0);
        if n == 0 {
            return false;
        }
        e.tok(Tok::NameClass, s.take(n));
        self.stack.pop();
        true
    }

    fn in_visibility(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = word_of(s, &["readonly", "static"]);
        if n > 0 {
            e.tok(Tok::Keyword, s.take(n));
            return true;
        }
        if word_of(s, &["abstract", "const", "function"]) > 0 {
            self.stack.pop();
            return true;
        }
        self.type_then(s, e, Pop)
    }
}

/// What a punctuation rule does to the stack.
#[derive(Clone, Copy)]
enum Then {
    Stay,
    Pop,
    Push(St),
}
use Then::{Pop, Push, Stay};
