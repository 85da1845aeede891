//! Scala, as rouge 3.30's `Scala` lexer (`lexers/scala.rb`, tag `scala`). Its states: `root`
//! (declarations, symbols, comments, decorators, `def` and `val` names, member access, classes,
//! calls, keywords and reserved symbols, strings, characters, names, operators, numbers),
//! `class` (the name after `class`, `trait` or `object`), `type` (after `:` or `type`),
//! `typeparam` (nested `[…]`), `comment` (nested `/* … */`) and `import`. Its names
//! (`idrest`: a letter, letters and digits, and operator characters after a final `_`) and
//! operator characters are Unicode classes (`unicode_classes.rs`).

use super::java;
use super::unicode_classes::{in_class, SCALA_LETTER, SCALA_OP, UNICODE_SPACE, UPPER_LETTER};
use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, nested_comment, run_states, space_text, Finder, Nesting, Scan, States},
    token::Tok,
};

const KEYWORDS: &str = "abstract case catch def do else extends final finally for forSome if \
    implicit lazy match new override private protected requires return sealed super this throw \
    try val var while with yield";

/// The reserved symbols rouge colours as keywords where a word, white space or a line end
/// follows, in its order.
const SYMBOLS: &[&str] = &["<%", "<:", "<-", "=>", ">:", "#", "=", "@", "_", "⇒", "←"];

/// The keywords of the `type` state, in rouge's order (`typeparam` adds `=>`).
const TYPE_WORDS: &[&str] = &["<%", "<:", ">:", "#", "_", "⇒", "forSome", "type"];

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Class,
    Type,
    TypeParam,
    Comment,
    Import,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut scala = Scala {
        stack: States::new(St::Root),
        triple: Finder::default(),
        backtick: Finder::default(),
    };
    run_states(code, e, |s, e| scala.step(s, e));
}

struct Scala {
    stack: States<St>,
    /// The closing `"""` of a triple-quoted string.
    triple: Finder,
    /// The closing backtick of a quoted name.
    backtick: Finder,
}

fn is_letter(c: char) -> bool {
    in_class(SCALA_LETTER, c)
}

fn is_op(c: char) -> bool {
    in_class(SCALA_OP, c)
}

fn first_char(s: &Scan<'_>, k: usize) -> Option<char> {
    s.src[s.pos + k..].chars().next()
}

/// The length of the run of characters `class` accepts at `pos + k`.
fn run_of(s: &Scan<'_>, k: usize, class: impl Fn(char) -> bool) -> usize {
    let rest = &s.src[s.pos + k..];
    rest.char_indices()
        .find(|&(_, c)| !class(c))
        .map_or(rest.len(), |(i, _)| i)
}

/// rouge's `idrest` at `pos + k`: where its letters and digits end and where it ends (after the
/// operator characters a final `_` takes), as lengths; `None` without a letter first.
fn idrest_parts(s: &Scan<'_>, k: usize) -> Option<(usize, usize)> {
    let c = first_char(s, k).filter(|&c| is_letter(c))?;
    let word = c.len_utf8() + run_of(s, k + c.len_utf8(), |c| is_letter(c) || c.is_ascii_digit());
    let ops = match s.src[..s.pos + k + word].ends_with('_') {
        true => run_of(s, k + word, is_op),
        false => 0,
    };
    Some((word, word + ops))
}

/// `idrest` at `pos + k`, greedy: its length, 0 if none.
fn idrest(s: &Scan<'_>, k: usize) -> usize {
    idrest_parts(s, k).map_or(0, |(_, n)| n)
}

/// The lengths `idrest` at `pos + k` may take as the regexp engine tries them: the longest
/// first, giving back its operator characters, then its letters and digits (at least one).
fn idrest_lengths(s: &Scan<'_>, k: usize) -> Vec<usize> {
    let Some((_, full)) = idrest_parts(s, k) else {
        return Vec::new();
    };
    let first = first_char(s, k).map_or(0, char::len_utf8);
    let text = &s.src[s.pos + k..s.pos + k + full];
    let mut out: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .filter(|&i| i >= first)
        .collect();
    out.push(full);
    out.reverse();
    out
}

fn ops(s: &Scan<'_>, k: usize) -> usize {
    run_of(s, k, is_op)
}

/// `` `[^`]+` `` at `pos + k`: its length, 0 if none.
fn quoted_name(s: &Scan<'_>, k: usize, finder: &mut Finder) -> usize {
    let from = s.pos + k;
    if s.at(k) != Some(b'`') {
        return 0;
    }
    match finder.find(s.src, "`", from + 1) {
        Some(end) if end > from + 1 => end + 1 - from,
        _ => 0,
    }
}

/// The lengths of the alternatives `idrest`, `OP+` and `` `[^`]+` `` at `pos + k`, in rouge's
/// order (0 where one does not match).
fn name_or_op(s: &Scan<'_>, k: usize, finder: &mut Finder) -> [usize; 3] {
    [idrest(s, k), ops(s, k), quoted_name(s, k, finder)]
}

/// rouge's `typechunk` at `pos + k`: `idrest`, or operator characters followed by a name in
/// backticks (as rouge writes it, without a `|` between them).
fn typechunk(s: &Scan<'_>, k: usize) -> usize {
    let n = idrest(s, k);
    if n > 0 {
        return n;
    }
    let run = ops(s, k);
    let b = s.src.as_bytes();
    let at = s.pos + k;
    // The operator characters give back until a backtick after them opens a quoted name.
    (1..run)
        .rev()
        .filter(|&j| b[at + j] == b'`' && b.get(at + j + 1).is_some_and(|&c| c != b'`'))
        .find_map(|j| {
            b[at + j + 1..]
                .iter()
                .position(|&c| c == b'`')
                .map(|i| j + 1 + i + 1)
        })
        .unwrap_or(0)
}

/// `typechunk(\.typechunk)*` at `pos`: its length, 0 if none.
fn type_chain(s: &Scan<'_>) -> usize {
    let mut n = typechunk(s, 0);
    if n == 0 {
        return 0;
    }
    while s.at(n) == Some(b'.') {
        match typechunk(s, n + 1) {
            0 => break,
            c => n += 1 + c,
        }
    }
    n
}

/// `'\\.'|'[^\\]'|'\\u[0-9a-fA-F]{4}'`: a character literal's length.
fn char_literal(s: &Scan<'_>) -> Option<usize> {
    if s.at(0) != Some(b'\'') {
        return None;
    }
    let quote_at = |k: usize| (s.at(k) == Some(b'\'')).then_some(k + 1);
    if s.at(1) == Some(b'\\') {
        let any = s.dot(2);
        let escaped = (any > 0).then(|| quote_at(2 + any)).flatten();
        let unicode = (s.at(2) == Some(b'u') && s.run(3, |c| c.is_ascii_hexdigit()) >= 4)
            .then(|| quote_at(7))
            .flatten();
        return escaped.or(unicode);
    }
    match s.char_len(1) {
        0 => None,
        n => quote_at(1 + n),
    }
}

/// `([0-9]+\.[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?[fFdD]?`, `[0-9]+[fFdD]`, `0x` hex digits,
/// `[0-9]+L?`.
fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let d = s.run(0, |c| c.is_ascii_digit());
    let suffix = |n: usize| n + usize::from(matches!(s.at(n), Some(b'f' | b'F' | b'd' | b'D')));
    let dot = s.at(d) == Some(b'.');
    if (d > 0 && dot) || (d == 0 && dot && s.at(1).is_some_and(|c| c.is_ascii_digit())) {
        let mut n = d + 1 + s.run(d + 1, |c| c.is_ascii_digit());
        if matches!(s.at(n), Some(b'e' | b'E')) {
            let sign = usize::from(matches!(s.at(n + 1), Some(b'+' | b'-')));
            let x = s.run(n + 1 + sign, |c| c.is_ascii_digit());
            if x > 0 {
                n += 1 + sign + x;
            }
        }
        return Some((Tok::NumFloat, suffix(n)));
    }
    if d == 0 {
        return None;
    }
    if suffix(d) > d {
        return Some((Tok::NumFloat, d + 1));
    }
    if s.starts("0x") {
        let h = s.run(2, |c| c.is_ascii_hexdigit());
        if h > 0 {
            return Some((Tok::NumHex, 2 + h));
        }
    }
    Some((Tok::NumInteger, d + usize::from(s.at(d) == Some(b'L'))))
}

impl Scala {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e),
            St::Class => self.class(s, e),
            St::Type => self.type_state(s, e),
            St::TypeParam => self.typeparam(s, e),
            St::Comment => {
                match nested_comment(s, e) {
                    Nesting::Deeper => self.stack.push(St::Comment),
                    Nesting::Shallower => self.stack.pop(),
                    Nesting::Same => {}
                }
                true
            }
            St::Import => {
                let mut n = 0;
                loop {
                    let part = match s.at(n) {
                        Some(b'.') => 1,
                        _ => idrest(s, n),
                    };
                    if part == 0 {
                        break;
                    }
                    n += part;
                }
                self.stack.emit_pop(s, e, Tok::NameNamespace, n)
            }
        }
    }

    fn class(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let alts = name_or_op(s, 0, &mut self.backtick);
        for n in alts.into_iter().filter(|&n| n > 0) {
            let ws = s.run(n, is_ruby_space);
            if s.at(n + ws) == Some(b'[') {
                e.tok(Tok::NameClass, s.take(n));
                e.tok(Tok::Text, s.take(ws));
                e.tok(Tok::Operator, s.take(1));
                self.stack.push(St::TypeParam);
                return true;
            }
        }
        if space_text(s, e) {
            return true;
        }
        if matches!(s.at(0), Some(b'{' | b'(')) {
            return self.stack.emit_pop(s, e, Tok::Operator, 1);
        }
        if s.starts("//") {
            return self.stack.emit_pop(s, e, Tok::CommentSingle, s.to_eol(0));
        }
        let n = alts.into_iter().find(|&n| n > 0).unwrap_or(0);
        self.stack.emit_pop(s, e, Tok::NameClass, n)
    }

    fn type_state(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if space_text(s, e) {
            return true;
        }
        if let Some(w) = TYPE_WORDS.iter().find(|w| s.starts(w)) {
            e.tok(Tok::Keyword, s.take(w.len()));
            return true;
        }
        let closer = match s.at(0) {
            Some(b',' | b')' | b';' | b'}') => 1,
            Some(b'=') => 1 + usize::from(s.at(1) == Some(b'>')),
            _ => 0,
        };
        if closer > 0 {
            e.tok(Tok::Operator, s.take(closer));
            space_text(s, e);
            self.stack.pop();
            return true;
        }
        if matches!(s.at(0), Some(b'(' | b'{')) {
            e.tok(Tok::Operator, s.take(1));
            self.stack.push(St::Type);
            return true;
        }
        if self.type_chain_rules(s, e) {
            return true;
        }
        if s.starts("//") {
            return self.stack.emit_pop(s, e, Tok::CommentSingle, s.to_eol(0));
        }
        self.type_word(s, e)
    }

    /// A chain of type names followed by `[` (its parameters follow) or by the line's end.
    fn type_chain_rules(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = type_chain(s);
        if n == 0 {
            return false;
        }
        let ws = s.run(n, is_ruby_space);
        if s.at(n + ws) == Some(b'[') {
            e.tok(Tok::KeywordType, s.take(n));
            e.tok(Tok::Text, s.take(ws));
            e.tok(Tok::Operator, s.take(1));
            self.stack.goto(St::TypeParam);
            return true;
        }
        // `\s*$`: the white space up to the end, else up to its last line end.
        let to_end = s.pos + n + ws == s.src.len();
        let text = match to_end {
            true => Some(ws),
            false => s.rest()[n..n + ws].rfind('\n'),
        };
        let Some(text) = text else { return false };
        e.tok(Tok::KeywordType, s.take(n));
        e.tok(Tok::Text, s.take(text));
        self.stack.pop();
        true
    }

    /// `\.|idrest|OP+|`[^`]+``, as a type.
    fn type_word(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = match s.at(0) {
            Some(b'.') => 1,
            _ => name_or_op(s, 0, &mut self.backtick)
                .into_iter()
                .find(|&n| n > 0)
                .unwrap_or(0),
        };
        e.tok(Tok::KeywordType, s.take(n));
        n > 0
    }

    fn typeparam(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.run(0, |c| is_ruby_space(c) || c == b',');
        if n > 0 {
            e.tok(Tok::Text, s.take(n));
            return true;
        }
        let word = TYPE_WORDS
            .iter()
            .take(2)
            .chain(&["=>"])
            .chain(&TYPE_WORDS[2..])
            .find(|w| s.starts(w));
        if let Some(w) = word {
            e.tok(Tok::Keyword, s.take(w.len()));
            return true;
        }
        match s.at(0) {
            Some(b']' | b')' | b'}') => self.stack.emit_pop(s, e, Tok::Operator, 1),
            Some(b'(' | b'[' | b'{') => {
                e.tok(Tok::Operator, s.take(1));
                self.stack.push(St::TypeParam);
                true
            }
            _ => self.type_word(s, e),
        }
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        self.declaration(s, e)
            || self.space_or_comment(s, e)
            || self.definition(s, e)
            || self.member_or_class(s, e)
            || self.keyword(s, e)
            || self.literal(s, e)
            || self.name_or_operator(s, e)
    }

    fn declaration(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let word = ["class", "trait", "object"]
            .into_iter()
            .find(|w| s.starts(w));
        if let Some(w) = word {
            let ws = s.run(w.len(), is_ruby_space);
            if ws > 0 {
                e.tok(Tok::Keyword, s.take(w.len()));
                e.tok(Tok::Text, s.take(ws));
                self.stack.push(St::Class);
                return true;
            }
        }
        if s.at(0) == Some(b'\'') {
            let n = idrest_lengths(s, 1)
                .into_iter()
                .find(|&n| s.at(1 + n) != Some(b'\''));
            if let Some(n) = n {
                e.tok(Tok::StrSymbol, s.take(1 + n));
                return true;
            }
        }
        false
    }

    fn space_or_comment(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, |c| is_ruby_space(c) && c != b'\n');
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
            return true;
        }
        if s.starts("//") {
            let n = s.to_eol(0);
            e.tok(Tok::CommentSingle, s.take(n));
            return true;
        }
        if s.starts("/*") {
            e.tok(Tok::CommentMultiline, s.take(2));
            self.stack.push(St::Comment);
            return true;
        }
        false
    }

    /// Decorators, and the names after `def` and `val`.
    fn definition(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'@') {
            let n = idrest(s, 1);
            if n > 0 {
                e.tok(Tok::NameDecorator, s.take(1 + n));
                return true;
            }
        }
        for (word, tok) in [("def", Tok::NameFunction), ("val", Tok::NameVariable)] {
            if !s.starts(word) {
                continue;
            }
            let ws = s.run(3, is_ruby_space);
            let alts = name_or_op(s, 3 + ws, &mut self.backtick);
            let name = alts.into_iter().find(|&n| n > 0).unwrap_or(0);
            if ws == 0 || name == 0 {
                continue;
            }
            e.tok(Tok::Keyword, s.take(3));
            e.tok(Tok::Text, s.take(ws));
            e.tok(tok, s.take(name));
            let after = s.run(0, is_ruby_space);
            e.tok(Tok::Text, s.take(after));
            return true;
        }
        false
    }

    /// `this.x` and `a.x` (with line ends before the dot), classes, calls, `.x`.
    fn member_or_class(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let this = if s.starts("this") { 4 } else { 0 };
        for (n, tok) in [(this, Tok::Keyword), (idrest(s, 0), Tok::NameVariable)] {
            if n == 0 {
                continue;
            }
            let nl = s.run(n, |c| c == b'\n');
            let prop = if s.at(n + nl) == Some(b'.') {
                idrest(s, n + nl + 1)
            } else {
                0
            };
            if prop > 0 {
                e.tok(tok, s.take(n));
                e.tok(Tok::Text, s.take(nl));
                e.tok(Tok::Operator, s.take(1));
                e.tok(Tok::NameProperty, s.take(prop));
                return true;
            }
        }
        let upper = first_char(s, 0).filter(|&c| c == '$' || c == '_' || in_class(UPPER_LETTER, c));
        if let Some(c) = upper {
            let k = c.len_utf8();
            let n = idrest_lengths(s, k)
                .into_iter()
                .find(|&n| s.boundary(s.pos + k + n));
            if let Some(n) = n {
                e.tok(Tok::NameClass, s.take(k + n));
                return true;
            }
        }
        let n = idrest(s, 0);
        if n > 0 {
            let ws = run_of(s, n, |c| in_class(UNICODE_SPACE, c));
            if s.at(n + ws) == Some(b'(') {
                e.tok(Tok::NameFunction, s.take(n));
                e.tok(Tok::Text, s.take(ws));
                e.tok(Tok::Operator, s.take(1));
                return true;
            }
        }
        if s.at(0) == Some(b'.') {
            let n = idrest(s, 1);
            if n > 0 {
                e.tok(Tok::Operator, s.take(1));
                e.tok(Tok::NameProperty, s.take(n));
                return true;
            }
        }
        false
    }

    /// Keywords and reserved symbols, `:` (a type follows), constants, `import`, `type`.
    fn keyword(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let w = s.unicode_word(0);
        if !w.is_empty() && in_words(KEYWORDS, w) {
            e.tok(Tok::Keyword, s.take(w.len()));
            return true;
        }
        let follows = |k: usize| {
            s.boundary(s.pos + k)
                || matches!(s.at(k), None | Some(b'\n'))
                || s.at(k).is_some_and(is_ruby_space)
        };
        if let Some(sym) = SYMBOLS.iter().find(|w| s.starts(w) && follows(w.len())) {
            e.tok(Tok::Keyword, s.take(sym.len()));
            return true;
        }
        if s.at(0) == Some(b':') && !first_char(s, 1).is_some_and(is_op) {
            e.tok(Tok::Keyword, s.take(1));
            self.stack.push(St::Type);
            return true;
        }
        if !w.is_empty() && in_words("false null true", w) {
            e.tok(Tok::KeywordConstant, s.take(w.len()));
            return true;
        }
        for (word, st) in [
            ("import", St::Import),
            ("package", St::Import),
            ("type", St::Type),
        ] {
            if s.starts(word) {
                let ws = s.run(word.len(), is_ruby_space);
                if ws > 0 {
                    e.tok(Tok::Keyword, s.take(word.len()));
                    e.tok(Tok::Text, s.take(ws));
                    self.stack.push(st);
                    return true;
                }
            }
        }
        false
    }

    fn literal(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("\"\"\"") {
            let b = s.src.as_bytes();
            let end = self
                .triple
                .find_where(s.src, "\"\"\"", s.pos + 3, |i| b.get(i + 3) != Some(&b'"'));
            if let Some(end) = end {
                e.tok(Tok::Str, s.take(end + 3 - s.pos));
                return true;
            }
        }
        if let Some(n) = java::string(s) {
            e.tok(Tok::Str, s.take(n));
            return true;
        }
        if let Some(n) = char_literal(s) {
            e.tok(Tok::StrChar, s.take(n));
            return true;
        }
        false
    }

    fn name_or_operator(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = idrest(s, 0);
        if n > 0 {
            e.tok(Tok::Name, s.take(n));
            return true;
        }
        let q = quoted_name(s, 0, &mut self.backtick);
        if q > 0 {
            e.tok(Tok::Name, s.take(q));
            return true;
        }
        if s.at(0) == Some(b'[') {
            e.tok(Tok::Operator, s.take(1));
            self.stack.push(St::TypeParam);
            return true;
        }
        if s.at(0).is_some_and(|b| b"(){};,.#".contains(&b)) {
            e.tok(Tok::Operator, s.take(1));
            return true;
        }
        let o = ops(s, 0);
        if o > 0 {
            e.tok(Tok::Operator, s.take(o));
            return true;
        }
        if let Some((tok, n)) = number(s) {
            e.tok(tok, s.take(n));
            return true;
        }
        if s.at(0) == Some(b'\n') {
            e.tok(Tok::Text, s.take(1));
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keyword_table_should_be_sorted_for_binary_search() {
        assert!(
            crate::markdown::highlight::scan::is_word_table(KEYWORDS),
            "the keyword table should be sorted"
        );
    }
}
