//! Elixir, as rouge 3.30's `Elixir` lexer (`lexers/elixir.rb`, tag `elixir`, alias `exs`).
//! Its states: `root`, the strings `dqs` and `sqs` (with `escapes` and `interpoling`),
//! `interpoling_string` (`#{…}`: `root` until `}`), `interpoling_symbol` (`:"…"`), one state per
//! sigil (its delimiters, whether it interpolates, its token), and `regex_flags` and
//! `list_flags` after `~r`/`~w` sigils. rouge's look-behinds see nothing in its scanner (the
//! `(?<=\s)!+` operator and `?` before a space never match; the others always pass), a `\b`
//! at the start of a rule only asks that a word character follows, and `%"""` docs come after
//! `%` is punctuation: those are left as rouge has them. A sigil without a letter (`~(…)`)
//! makes rouge fail; here it is an uninterpolated string.

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Finder, Scan, States},
    token::Tok,
};

/// The words of rouge's first keyword alternative, sorted (`(?![?!])` after them).
const KEYWORDS: &str =
    "after bc case catch cond def defdelegate defexception defguard defguardp defimpl defmacro \
    defmacrop defmodule defp defprotocol defrecord defstruct else end exit fn if lc loop raise \
    receive rescue throw try unless";

const NAMESPACE: &str = "import quote recur refer require super unquote use";

const WORD_OPERATORS: &str = "and in not or when xor";

const PSEUDO: &str = "__FILE__ __FUNCTION__ __LINE__ __MAIN__ __MODULE__";

/// A sigil's body: its delimiters, whether `#{…}` interpolates, whether it is a regex.
#[derive(Clone, Copy, PartialEq)]
struct Sigil {
    open: u8,
    close: u8,
    interp: bool,
    regex: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Dqs,
    Sqs,
    Interp,
    Symbol,
    Sigil(Sigil),
    RegexFlags,
    ListFlags,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut stack = States::new(St::Root);
    let mut docs = [Finder::default(), Finder::default()];
    run_states(code, e, |s, e| match stack.top() {
        St::Root => root(s, e, &mut stack, &mut docs),
        St::Interp if s.at(0) == Some(b'}') => {
            e.tok(Tok::StrInterpol, s.take(1));
            stack.pop();
            true
        }
        St::Interp => root(s, e, &mut stack, &mut docs),
        St::Dqs => quoted(s, e, &mut stack, b'"', Tok::StrDouble),
        St::Sqs => quoted(s, e, &mut stack, b'\'', Tok::StrSingle),
        St::Symbol => symbol_string(s, e, &mut stack),
        St::Sigil(sigil) => sigil_body(s, e, &mut stack, sigil),
        St::RegexFlags => {
            let n = s.run(0, |c| b"fgimrsux".contains(&c));
            e.tok(Tok::StrRegex, s.take(n));
            stack.pop();
            true
        }
        St::ListFlags => {
            let n = usize::from(s.at(0).is_some_and(|c| b"csa".contains(&c)));
            e.tok(Tok::StrOther, s.take(n));
            stack.pop();
            true
        }
    });
}

/// Whether the character at `pos + k` is `?` or `!` (rouge's `(?![?!])`).
fn bang_at(s: &Scan<'_>, k: usize) -> bool {
    matches!(s.at(k), Some(b'?' | b'!'))
}

fn root(
    s: &mut Scan<'_>,
    e: &mut Emitter<'_>,
    stack: &mut States<St>,
    docs: &mut [Finder; 2],
) -> bool {
    let ws = s.run(0, is_ruby_space);
    if ws > 0 {
        e.tok(Tok::Text, s.take(ws));
        return true;
    }
    if s.at(0) == Some(b'#') {
        let n = s.to_eol(0);
        e.tok(Tok::CommentSingle, s.take(n));
        return true;
    }
    if words(s, e) {
        return true;
    }
    let n = operator(s);
    if n > 0 {
        e.tok(Tok::Operator, s.take(n));
        return true;
    }
    let n = symbol(s);
    if n > 0 {
        e.tok(Tok::StrSymbol, s.take(n));
        return true;
    }
    if s.starts(":\"") {
        e.tok(Tok::StrSymbol, s.take(2));
        stack.push(St::Symbol);
        return true;
    }
    names(s, e) || literal(s, e, stack, docs)
}

/// Keywords, namespace words and word operators: whole words (Ruby's `\b` sees Unicode).
fn words(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    let w = s.unicode_word(0);
    if w.is_empty() {
        return false;
    }
    let bang = bang_at(s, w.len());
    let tok = if (in_words(KEYWORDS, w) && !bang) || w == "do" {
        Tok::Keyword
    } else if in_words(NAMESPACE, w) && !bang {
        Tok::KeywordNamespace
    } else if in_words(WORD_OPERATORS, w) {
        Tok::OperatorWord
    } else {
        return false;
    };
    e.tok(tok, s.take(w.len()));
    true
}

/// rouge's operator alternatives in order (lookaheads and all): the length of the first that
/// matches.
fn operator(s: &Scan<'_>) -> usize {
    let at = |k: usize| s.at(k).unwrap_or(0);
    for op in ["%=", "*=", "**=", "+=", "-=", "^=", "||=", "<=>"] {
        if s.starts(op) {
            return op.len();
        }
    }
    match at(0) {
        b'<' if !matches!(at(1), b'<' | b'=') => return 1,
        b'>' if !matches!(at(1), b'<' | b'=' | b'>') => return 1,
        _ => {}
    }
    for op in ["<=", ">=", "===", "==", "=~", "!=", "!~"] {
        if s.starts(op) {
            return op.len();
        }
    }
    if at(0) == b'&' {
        return match (at(1), at(2)) {
            (b'&', b'&') => 3,
            (b'&', _) => 2,
            (d, _) if d.is_ascii_digit() => 0,
            _ => 1,
        };
    }
    if s.starts("||") {
        return 2;
    }
    if b"^*+-/|".contains(&at(0)) {
        return 1;
    }
    for op in ["<-", "<>", "<<", ">>", "=", ".", "~~~"] {
        if s.starts(op) {
            return op.len();
        }
    }
    0
}

/// `[a-zA-Z_]\w*` at `pos + k`: its length, 0 if none.
fn ident(s: &Scan<'_>, k: usize) -> usize {
    match s.at(k) {
        Some(c) if c.is_ascii_alphabetic() || c == b'_' => 1 + s.run(k + 1, is_ruby_word),
        _ => 0,
    }
}

/// A symbol: `:` and a name or an operator, or a keyword-list key (`name:` not before `:`).
fn symbol(s: &Scan<'_>) -> usize {
    if s.at(0) == Some(b':') {
        let n = ident(s, 1);
        if n > 0 {
            let tail = match s.at(1 + n) {
                Some(b'?' | b'!') => 1,
                Some(b'=') if !matches!(s.at(2 + n), Some(b'>' | b'=')) => 1,
                _ => 0,
            };
            return 1 + n + tail;
        }
        let rest = &s.rest()[1..];
        let two = |a: &str, b: &str| {
            if rest.starts_with(b) {
                b.len()
            } else if rest.starts_with(a) {
                a.len()
            } else {
                0
            }
        };
        // rouge's pattern is written over three lines without `x`: two alternatives begin
        // with its line break and indentation.
        let broken = |op: &str| {
            let lead = "\n             ";
            if rest.starts_with(lead) && rest[lead.len()..].starts_with(op) {
                lead.len() + op.len()
            } else {
                0
            }
        };
        let n = [
            if rest.starts_with("<>") { 2 } else { 0 },
            two("==", "==="),
            two(">", ">="),
            two("<", "<="),
            broken("<=>"),
            two("&", "&&"),
            ["%()", "%[]", "%{}"]
                .iter()
                .find(|o| rest.starts_with(*o))
                .map_or(0, |_| 3),
            two("+", "++"),
            two("-", "--"),
            two("|", "||"),
            usize::from(rest.starts_with('!')),
            if rest.starts_with("//") { 2 } else { 0 },
            usize::from(rest.starts_with(['%', '&', '`', '/', '|'])),
            match broken("**") {
                0 => broken("*"),
                n => n,
            },
            two("~", "=~"),
        ]
        .into_iter()
        .find(|&n| n > 0)
        .unwrap_or(0);
        if n > 0 {
            return 1 + n;
        }
        return 0;
    }
    let n = ident(s, 0);
    if n == 0 {
        return 0;
    }
    let n = n + usize::from(bang_at(s, n));
    if s.at(n) == Some(b':') && s.at(n + 1) != Some(b':') {
        n + 1
    } else {
        0
    }
}

/// Constants, pseudo-builtins, names, punctuation, `@attributes`, `&1` and numbers.
fn names(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    let w = s.unicode_word(0);
    let b = s.at(0).unwrap_or(0);
    let constant = (matches!(w, "nil" | "true" | "false") && !bang_at(s, w.len()))
        || (b.is_ascii_uppercase() && s.run(0, is_ruby_word) == w.len());
    if constant {
        e.tok(Tok::NameConstant, s.take(w.len()));
        return true;
    }
    if in_words(PSEUDO, w) && !bang_at(s, w.len()) {
        e.tok(Tok::NameBuiltinPseudo, s.take(w.len()));
        return true;
    }
    if b.is_ascii_alphabetic() || b == b'_' || b == b'!' {
        let n = 1 + s.run(1, is_ruby_word);
        e.tok(Tok::Name, s.take(n + usize::from(bang_at(s, n))));
        return true;
    }
    if s.starts("::") || b"%(){};,/|:\\[]".contains(&b) {
        let n = if s.starts("::") { 2 } else { 1 };
        e.tok(Tok::Punctuation, s.take(n));
        return true;
    }
    let var = match b {
        b'@' if ident(s, 1) > 0 => 1 + ident(s, 1),
        b'&' if s.at(1).is_some_and(|c| c.is_ascii_digit()) => 2,
        _ => 0,
    };
    if var > 0 {
        e.tok(Tok::NameVariable, s.take(var));
        return true;
    }
    match number(s) {
        Some((tok, n)) => {
            e.tok(tok, s.take(n));
            true
        }
        None => false,
    }
}

/// `\d(_?\d)*`-style runs of `class` at `pos + k`: their length, 0 if none.
fn digits(s: &Scan<'_>, k: usize, class: fn(u8) -> bool) -> usize {
    if !s.at(k).is_some_and(class) {
        return 0;
    }
    let mut n = 1;
    loop {
        match (s.at(k + n), s.at(k + n + 1)) {
            (Some(c), _) if class(c) => n += 1,
            (Some(b'_'), Some(c)) if class(c) => n += 2,
            _ => return n,
        }
    }
}

/// rouge's number rules in order (float, hex, octal, binary, integer), each ending at `\b`.
fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let digit = |c: u8| c.is_ascii_digit();
    let int = digits(s, 0, digit);
    if int == 0 {
        return None;
    }
    let ends_word = |n: usize| s.boundary(s.pos + n);
    if s.at(int) == Some(b'.') && s.at(int + 1).is_some_and(digit) {
        let mut n = int + 1 + digits(s, int + 1, digit);
        if matches!(s.at(n), Some(b'e' | b'E')) {
            let sign = usize::from(matches!(s.at(n + 1), Some(b'+' | b'-')));
            let d = digits(s, n + 1 + sign, digit);
            if d > 0 {
                n += 1 + sign + d;
            }
        }
        if ends_word(n) {
            return Some((Tok::NumFloat, n));
        }
    }
    if s.at(0) == Some(b'0') {
        for (mark, tok, class) in [
            (
                b'x',
                Tok::NumHex,
                (|c: u8| c.is_ascii_hexdigit()) as fn(u8) -> bool,
            ),
            (b'o', Tok::NumOct, |c: u8| (b'0'..=b'7').contains(&c)),
            (b'b', Tok::NumBin, |c: u8| c == b'0' || c == b'1'),
        ] {
            let d = if s.at(1) == Some(mark) {
                digits(s, 2, class)
            } else {
                0
            };
            if d > 0 && ends_word(2 + d) {
                return Some((tok, 2 + d));
            }
        }
    }
    ends_word(int).then_some((Tok::NumInteger, int))
}

/// The strings, `?` character literals and sigils.
fn literal(
    s: &mut Scan<'_>,
    e: &mut Emitter<'_>,
    stack: &mut States<St>,
    docs: &mut [Finder; 2],
) -> bool {
    for (quote, finder) in ["\"\"\"", "'''"].into_iter().zip(docs.iter_mut()) {
        if s.starts(quote) {
            if let Some(at) = finder.find(s.src, quote, s.pos + 3) {
                let n = at + 3 - s.pos;
                e.tok(Tok::StrDoc, s.take(n));
                return true;
            }
        }
    }
    match s.at(0) {
        Some(b'"') => {
            e.tok(Tok::StrDouble, s.take(1));
            stack.push(St::Dqs);
            true
        }
        Some(b'\'') => {
            e.tok(Tok::StrSingle, s.take(1));
            stack.push(St::Sqs);
            true
        }
        Some(b'?') => {
            let n = char_literal(s);
            e.tok(Tok::StrOther, s.take(n));
            n > 0
        }
        Some(b'~') => sigil(s, e, stack),
        _ => false,
    }
}

/// `?` and a character, an escape or `\M-`/`\C-` prefixes: its length, 0 if none.
fn char_literal(s: &Scan<'_>) -> usize {
    let hex = |c: u8| c.is_ascii_hexdigit();
    let oct = |c: u8| (b'0'..=b'7').contains(&c);
    if s.at(1) != Some(b'\\') {
        return match s.at(1) {
            Some(c) if is_ruby_space(c) => 0,
            Some(_) => 1 + s.char_len(1),
            None => 0,
        };
    }
    if s.at(2) == Some(b'x') && s.at(3).is_some_and(|c| c.is_ascii_digit()) {
        return 4 + usize::from(s.at(4).is_some_and(|c| c.is_ascii_digit()));
    }
    let h = s.run(2, hex);
    if (1..=2).contains(&h) && s.boundary(s.pos + 2 + h) {
        return 2 + h;
    }
    if s.at(2) == Some(b'0') {
        let o = s.run(3, oct).min(2);
        let end = 3 + o;
        if !s.at(end).is_some_and(oct) && s.boundary(s.pos + end) {
            let next = s.char_len(end);
            if next > 0 && !matches!(s.at(end), Some(b'x' | b'0' | b'M' | b'C')) {
                return end + next;
            }
        }
    }
    let mut k = 1;
    while s.at(k) == Some(b'\\')
        && matches!(s.at(k + 1), Some(b'M' | b'C'))
        && s.at(k + 2) == Some(b'-')
    {
        k += 3;
    }
    if k > 1 && s.at(k).is_some_and(is_ruby_word) {
        return k + 1;
    }
    0
}

/// `~` with an optional letter and an opening delimiter: the sigil's states are pushed.
fn sigil(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    let letter = s.at(1).filter(|c| c.is_ascii_alphabetic());
    let k = 1 + usize::from(letter.is_some());
    let close = match s.at(k) {
        Some(b'{') => b'}',
        Some(b'[') => b']',
        Some(b'(') => b')',
        Some(b'<') => b'>',
        Some(c @ (b'|' | b'/' | b'\'' | b'"')) => c,
        _ => return false,
    };
    let letter = letter.unwrap_or(0);
    let sigil = Sigil {
        open: s.at(k).unwrap_or(0),
        close,
        interp: b"SRCW".contains(&letter),
        regex: matches!(letter, b'R' | b'r'),
    };
    e.tok(sigil_tok(sigil), s.take(k + 1));
    if sigil.regex {
        stack.push(St::RegexFlags);
    }
    if matches!(letter, b'W' | b'w') {
        stack.push(St::ListFlags);
    }
    stack.push(St::Sigil(sigil));
    true
}

fn sigil_tok(sigil: Sigil) -> Tok {
    if sigil.regex {
        Tok::StrRegex
    } else {
        Tok::StrOther
    }
}

fn sigil_body(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>, sigil: Sigil) -> bool {
    let tok = sigil_tok(sigil);
    let Some(b) = s.at(0) else { return false };
    if b == sigil.close {
        e.tok(tok, s.take(1));
        stack.pop();
        return true;
    }
    if sigil.interp && s.starts("#{") {
        e.tok(Tok::StrInterpol, s.take(2));
        stack.push(St::Interp);
        return true;
    }
    if b == b'#' || (b == b'\\' && !sigil.interp) {
        e.tok(tok, s.take(1));
        return true;
    }
    let n = s
        .rest()
        .bytes()
        .take_while(|&c| !(c == b'#' || c == b'\\' || c == sigil.open || c == sigil.close))
        .count();
    if n == 0 {
        return false;
    }
    e.tok(tok, s.take(n));
    true
}

/// `escapes`: `\xHH`, `\u{…}`-ish, and one-character escapes; their length.
fn escape(s: &Scan<'_>) -> usize {
    if s.at(0) != Some(b'\\') {
        return 0;
    }
    match s.at(1) {
        Some(b'x') if s.run(2, |c| c.is_ascii_hexdigit()) >= 2 => 4,
        Some(b'u') => {
            let brace = usize::from(s.at(2) == Some(b'{'));
            let d = s.run(2 + brace, |c| c.is_ascii_digit());
            if d == 0 {
                0
            } else {
                2 + brace + d + usize::from(s.at(2 + brace + d) == Some(b'}'))
            }
        }
        Some(c) if b"\\abdefnrstv0\"'".contains(&c) => 2,
        _ => 0,
    }
}

/// `dqs` and `sqs`: escapes, `#{…}`, text, the closing quote.
fn quoted(
    s: &mut Scan<'_>,
    e: &mut Emitter<'_>,
    stack: &mut States<St>,
    quote: u8,
    tok: Tok,
) -> bool {
    let n = escape(s);
    if n > 0 {
        e.tok(Tok::StrEscape, s.take(n));
        return true;
    }
    if s.starts("#{") {
        e.tok(Tok::StrInterpol, s.take(2));
        stack.push(St::Interp);
        return true;
    }
    let n = s
        .rest()
        .bytes()
        .take_while(|&c| !(c == b'#' || c == b'\\' || c == quote))
        .count();
    let n = if n > 0 {
        n
    } else if s.at(0) == Some(quote) {
        stack.pop();
        1
    } else {
        1
    };
    e.tok(tok, s.take(n));
    true
}

/// `interpoling_symbol`: up to the closing `"`, with `#{…}`; a lone `#` is an error.
fn symbol_string(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    match s.at(0) {
        Some(b'"') => {
            e.tok(Tok::StrSymbol, s.take(1));
            stack.pop();
        }
        Some(b'#') if s.at(1) == Some(b'{') => {
            e.tok(Tok::StrInterpol, s.take(2));
            stack.push(St::Interp);
        }
        Some(b'#') | None => return false,
        Some(_) => {
            let n = s.run(0, |c| c != b'#' && c != b'"');
            e.tok(Tok::StrSymbol, s.take(n));
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [KEYWORDS, NAMESPACE, WORD_OPERATORS, PSEUDO] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
