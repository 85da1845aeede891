//! GraphQL, as rouge 3.30's `GraphQL` lexer (`lexers/graphql.rb`, tag `graphql`). Its states:
//! `root` (definitions by their keyword, and `"""` descriptions handed to the Markdown lexer),
//! `query_definition`, `fragment_definition`, `type_definition`, `type_definition_set`,
//! `union_definition` with `union_definition_variant` and `union_definition_pipe`,
//! `selection_set`, `arguments`, `variable_definitions`, `type_names`, `type_name_list`,
//! `value`, `list` and `object`, with `basic` (white space, comments, `!` and `,`) and
//! `has_directives` mixed in.

use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Finder, Scan, States},
    token::Tok,
};

const BUILTINS: &str = "Boolean Float ID Int String";

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    QueryDefinition,
    FragmentDefinition,
    TypeDefinition,
    TypeDefinitionSet,
    UnionDefinition,
    UnionVariant,
    UnionPipe,
    SelectionSet,
    Arguments,
    VariableDefinitions,
    TypeNames,
    TypeNameList,
    Value,
    List,
    Object,
}

struct GraphQl {
    stack: States<St>,
    descriptions: Finder,
    block_strings: Finder,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut g = GraphQl {
        stack: States::new(St::Root),
        descriptions: Finder::default(),
        block_strings: Finder::default(),
    };
    run_states(code, e, |s, e| g.step(s, e));
}

/// `name` (`[_A-Za-z][_0-9A-Za-z]*`) at `pos + k`: its length, 0 if none.
fn name(s: &Scan<'_>, k: usize) -> usize {
    match s.at(k) {
        Some(c) if c == b'_' || c.is_ascii_alphabetic() => {
            1 + s.run(k + 1, |c| c == b'_' || c.is_ascii_alphanumeric())
        }
        _ => 0,
    }
}

/// `\bname\b` at `pos + k`: its length, 0 if none.
fn bounded_name(s: &Scan<'_>, k: usize) -> usize {
    let n = name(s, k);
    if n > 0 && s.boundary(s.pos + k + n) {
        n
    } else {
        0
    }
}

/// `(name)(\s*)(c)`: the name's and the white space's lengths.
fn name_before(s: &Scan<'_>, c: u8) -> Option<(usize, usize)> {
    let n = name(s, 0);
    let ws = s.run(n, is_ruby_space);
    (n > 0 && s.at(n + ws) == Some(c)).then_some((n, ws))
}

impl GraphQl {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e),
            St::QueryDefinition | St::FragmentDefinition => {
                if self.stack.top() == St::FragmentDefinition && self.keyword(s, e, "on") {
                    return true;
                }
                self.directives(s, e) || self.query_definition(s, e)
            }
            St::TypeDefinition => self.type_definition(s, e),
            St::TypeDefinitionSet => self.type_definition_set(s, e),
            St::UnionDefinition => self.union_definition(s, e),
            St::UnionVariant => {
                let n = bounded_name(s, 0);
                if n > 0 {
                    e.tok(Tok::Name, s.take(n));
                    self.stack.goto(St::UnionPipe);
                    return true;
                }
                basic(s, e)
            }
            St::UnionPipe => self.union_pipe(s, e),
            St::SelectionSet => self.directives(s, e) || self.selection_set(s, e),
            St::Arguments => self.arguments(s, e),
            St::VariableDefinitions => self.variable_definitions(s, e),
            St::TypeNames | St::TypeNameList => self.type_names(s, e),
            St::Value | St::List => self.value(s, e),
            St::Object => self.object(s, e),
        }
    }

    /// `\bword\b` as a keyword.
    fn keyword(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, word: &str) -> bool {
        if !(s.starts(word) && s.boundary(s.pos) && s.boundary(s.pos + word.len())) {
            return false;
        }
        e.tok(Tok::Keyword, s.take(word.len()));
        true
    }

    fn punct(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, push: Option<St>) -> bool {
        e.tok(Tok::Punctuation, s.take(1));
        if let Some(st) = push {
            self.stack.push(st);
        }
        true
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let words: [(&[&str], St); 6] = [
            (&["query", "mutation", "subscription"], St::QueryDefinition),
            (&["fragment"], St::FragmentDefinition),
            (&["scalar"], St::Value),
            (&["type", "interface", "enum"], St::TypeDefinition),
            (&["input", "schema"], St::TypeDefinition),
            (&["union"], St::UnionDefinition),
        ];
        if s.at(0) == Some(b'{') {
            self.stack.push(St::QueryDefinition);
            return self.punct(s, e, Some(St::SelectionSet));
        }
        for (list, next) in words {
            if list.iter().any(|w| self.keyword(s, e, w)) {
                self.stack.push(next);
                return true;
            }
        }
        if self.keyword(s, e, "extend") || basic(s, e) {
            return true;
        }
        self.description(s, e)
    }

    /// `(""")(\n)(.*?)(\n)(""")`: a description, its text handed to the Markdown lexer.
    fn description(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if !s.starts("\"\"\"\n") {
            return false;
        }
        let Some(end) = self.descriptions.find(s.src, "\n\"\"\"", s.pos + 4) else {
            return false;
        };
        e.tok(Tok::StrDouble, s.take(3));
        e.tok(Tok::Whitespace, s.take(1));
        super::markdown::lex(s.take(end - s.pos), e);
        e.tok(Tok::Whitespace, s.take(1));
        e.tok(Tok::StrDouble, s.take(3));
        true
    }

    /// `has_directives`: `@name(` opens arguments; `@name` alone is a keyword.
    fn directives(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) != Some(b'@') {
            return false;
        }
        let n = name(s, 1);
        if n == 0 {
            return false;
        }
        let ws = s.run(1 + n, is_ruby_space);
        if s.at(1 + n + ws) == Some(b'(') {
            e.tok(Tok::Keyword, s.take(1 + n));
            e.tok(Tok::Whitespace, s.take(ws));
            return self.punct(s, e, Some(St::Arguments));
        }
        if !s.boundary(s.pos + 1 + n) {
            return false;
        }
        e.tok(Tok::Keyword, s.take(1 + n));
        true
    }

    fn query_definition(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = bounded_name(s, 0);
        if n > 0 {
            e.tok(Tok::Name, s.take(n));
            return true;
        }
        match s.at(0) {
            Some(b'(') => self.punct(s, e, Some(St::VariableDefinitions)),
            Some(b'{') => self.punct(s, e, Some(St::SelectionSet)),
            _ => basic(s, e),
        }
    }

    fn type_definition(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.keyword(s, e, "implements") {
            return true;
        }
        let n = bounded_name(s, 0);
        if n > 0 {
            e.tok(Tok::Name, s.take(n));
            return true;
        }
        match s.at(0) {
            Some(b'(') => self.punct(s, e, Some(St::VariableDefinitions)),
            Some(b'{') => self.punct(s, e, Some(St::TypeDefinitionSet)),
            _ => basic(s, e),
        }
    }

    fn type_definition_set(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'}') {
            self.stack.pop();
            self.stack.pop();
            return self.punct(s, e, None);
        }
        if self.name_then(s, e, b'(', Some(St::VariableDefinitions)) {
            return true;
        }
        let n = bounded_name(s, 0);
        if n > 0 {
            e.tok(Tok::Name, s.take(n));
            return true;
        }
        if s.at(0) == Some(b':') {
            return self.punct(s, e, Some(St::TypeNames));
        }
        basic(s, e)
    }

    /// `\b(name)(\s*)(c)`, then `push`.
    fn name_then(
        &mut self,
        s: &mut Scan<'_>,
        e: &mut Emitter<'_>,
        c: u8,
        push: Option<St>,
    ) -> bool {
        let Some((n, ws)) = name_before(s, c) else {
            return false;
        };
        e.tok(Tok::Name, s.take(n));
        e.tok(Tok::Whitespace, s.take(ws));
        self.punct(s, e, push)
    }

    fn union_definition(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = bounded_name(s, 0);
        if n > 0 {
            e.tok(Tok::Name, s.take(n));
            return true;
        }
        if s.at(0) == Some(b'=') {
            return self.punct(s, e, Some(St::UnionVariant));
        }
        basic(s, e)
    }

    fn union_pipe(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b'|') => {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.goto(St::UnionVariant);
                true
            }
            Some(c) if c == b'#' || is_ruby_space(c) => basic(s, e),
            _ => {
                self.stack.pop();
                self.stack.pop();
                true
            }
        }
    }

    fn selection_set(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'}') {
            self.stack.pop();
            if matches!(
                self.stack.top(),
                St::QueryDefinition | St::FragmentDefinition
            ) {
                self.stack.pop();
            }
            return self.punct(s, e, None);
        }
        if self.name_then(s, e, b'(', Some(St::Arguments)) || self.name_then(s, e, b':', None) {
            return true;
        }
        let n = bounded_name(s, 0);
        if n > 0 {
            e.tok(Tok::Name, s.take(n));
            return true;
        }
        if s.starts("...") {
            let ws = s.run(3, is_ruby_space);
            let on = ws > 0 && s.rest()[3 + ws..].starts_with("on") && s.boundary(s.pos + 5 + ws);
            e.tok(Tok::Punctuation, s.take(3));
            if on {
                e.tok(Tok::Whitespace, s.take(ws));
                e.tok(Tok::Keyword, s.take(2));
            }
            return true;
        }
        if s.at(0) == Some(b'{') {
            return self.punct(s, e, Some(St::SelectionSet));
        }
        basic(s, e)
    }

    fn arguments(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b')') {
            self.stack.pop();
            return self.punct(s, e, None);
        }
        let n = bounded_name(s, 0);
        if n > 0 {
            e.tok(Tok::Name, s.take(n));
            return true;
        }
        if s.at(0) == Some(b':') {
            return self.punct(s, e, Some(St::Value));
        }
        basic(s, e)
    }

    fn variable_definitions(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b')') {
            self.stack.pop();
            return self.punct(s, e, None);
        }
        if let Some(n) = variable(s) {
            e.tok(Tok::NameVariable, s.take(n));
            return true;
        }
        let n = bounded_name(s, 0);
        if n > 0 {
            e.tok(Tok::Name, s.take(n));
            return true;
        }
        match s.at(0) {
            Some(b':') => self.punct(s, e, Some(St::TypeNames)),
            Some(b'=') => self.punct(s, e, Some(St::Value)),
            _ => basic(s, e),
        }
    }

    /// `type_names` (a type, then back) and `type_name_list` (types up to `]`).
    fn type_names(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let list = self.stack.top() == St::TypeNameList;
        let n = bounded_name(s, 0);
        if n > 0 {
            let tok = if in_words(BUILTINS, &s.rest()[..n]) {
                Tok::NameBuiltin
            } else {
                Tok::Name
            };
            e.tok(tok, s.take(n));
            if !list {
                self.stack.pop();
            }
            return true;
        }
        match s.at(0) {
            Some(b'[') if !list => self.punct(s, e, Some(St::TypeNameList)),
            Some(b']') if list => {
                self.stack.pop();
                self.stack.pop();
                self.punct(s, e, None)
            }
            _ => basic(s, e),
        }
    }

    /// `value` (one value, then back) and `list` (values up to `]`).
    fn value(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.stack.top() == St::List && s.at(0) == Some(b']') {
            self.close(St::List);
            return self.punct(s, e, None);
        }
        if s.starts("\"\"\"") {
            if let Some(end) = self.block_strings.find(s.src, "\"\"\"", s.pos + 3) {
                e.tok(Tok::StrDouble, s.take(end + 3 - s.pos));
                return true;
            }
        }
        if let Some((tok, n)) = scalar(s) {
            e.tok(tok, s.take(n));
            if self.stack.top() != St::List {
                self.stack.pop();
            }
            return true;
        }
        match s.at(0) {
            Some(b'{') => self.punct(s, e, Some(St::Object)),
            Some(b'[') => self.punct(s, e, Some(St::List)),
            _ => basic(s, e),
        }
    }

    /// Pops `state`, and the value it was in, if any.
    fn close(&mut self, _state: St) {
        self.stack.pop();
        if self.stack.top() == St::Value {
            self.stack.pop();
        }
    }

    fn object(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'}') {
            self.close(St::Object);
            return self.punct(s, e, None);
        }
        if self.name_then(s, e, b':', Some(St::Value)) {
            return true;
        }
        basic(s, e)
    }
}

/// `\$name\b`: its length.
fn variable(s: &Scan<'_>) -> Option<usize> {
    if s.at(0) != Some(b'$') {
        return None;
    }
    let n = name(s, 1);
    (n > 0 && s.boundary(s.pos + 1 + n)).then_some(1 + n)
}

/// A variable, constant, number, string or name as a value: its token and length.
fn scalar(s: &Scan<'_>) -> Option<(Tok, usize)> {
    if let Some(n) = variable(s) {
        return Some((Tok::NameVariable, n));
    }
    let n = bounded_name(s, 0);
    if n > 0 && in_words("false null true", &s.rest()[..n]) {
        return Some((Tok::KeywordConstant, n));
    }
    if let Some(found) = number(s) {
        return Some(found);
    }
    if s.at(0) == Some(b'"') {
        if let Some(n) = string(s) {
            return Some((Tok::StrDouble, n));
        }
    }
    (n > 0).then_some((Tok::Name, n))
}

/// `[+-]?[0-9]+\.[0-9]+(?:[eE][+-]?[0-9]+)?` (a float) or `[+-]?[1-9][0-9]*(?:[eE][+-]?[0-9]+)?`.
fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let sign = usize::from(matches!(s.at(0), Some(b'+' | b'-')));
    let digits = |k: usize| s.run(k, |c| c.is_ascii_digit());
    let whole = digits(sign);
    if whole == 0 {
        return None;
    }
    let exponent = |k: usize| {
        if !matches!(s.at(k), Some(b'e' | b'E')) {
            return 0;
        }
        let sign = usize::from(matches!(s.at(k + 1), Some(b'+' | b'-')));
        match digits(k + 1 + sign) {
            0 => 0,
            n => 1 + sign + n,
        }
    };
    let mut n = sign + whole;
    if s.at(n) == Some(b'.') && digits(n + 1) > 0 {
        n += 1 + digits(n + 1);
        return Some((Tok::NumFloat, n + exponent(n)));
    }
    if s.at(sign) == Some(b'0') {
        return None;
    }
    n += exponent(n);
    Some((Tok::NumInteger, n))
}

/// `"(\\[\\"]|[^"])*"`: up to the first quote the greedy reading leaves unescaped, else (the
/// reading having reached the end) back to the last quote of the code.
fn string(s: &Scan<'_>) -> Option<usize> {
    let b = s.rest().as_bytes();
    let mut i = 1;
    while i < b.len() {
        match b[i] {
            b'"' => return Some(i + 1),
            b'\\' if matches!(b.get(i + 1), Some(b'\\' | b'"')) => i += 2,
            _ => i += 1,
        }
    }
    let last = b.iter().rposition(|&c| c == b'"')?;
    (last > 0).then_some(last + 1)
}

/// `basic`: white space, a comment, `!` or `,`.
fn basic(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    let ws = s.run(0, is_ruby_space);
    if ws > 0 {
        e.tok(Tok::Whitespace, s.take(ws));
        return true;
    }
    match s.at(0) {
        Some(b'#') => {
            let n = s.to_eol(0);
            e.tok(Tok::Comment, s.take(n));
            true
        }
        Some(b'!' | b',') => {
            e.tok(Tok::Punctuation, s.take(1));
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_builtins_should_be_sorted_for_binary_search() {
        assert!(
            crate::markdown::highlight::scan::is_word_table(super::BUILTINS),
            "the builtin type names should be sorted"
        );
    }
}
