//! Protocol Buffers, as rouge 3.30's `Protobuf` lexer (`lexers/protobuf.rb`, tag `protobuf`,
//! alias `proto`). Its states: `root` (comments that a backslash continues, keywords, types,
//! strings to the line end, numbers, `name =` fields, names) and the one-word states after
//! `package`, `message`/`extend` and `enum`/`group`/`service`, which name what follows or give
//! way at once.

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{run_states, Finder, Scan, States},
    token::Tok,
};

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    /// After `package`, `message`/`extend`, `enum`/`group`/`service`: the token of the name.
    Named(Tok),
}

/// rouge's `kw`, in its order (an alternative is tried before the next, each then `\b`).
const KEYWORDS: [&str; 14] = [
    "ctype",
    "default",
    "extensions",
    "import",
    "max",
    "oneof",
    "option",
    "optional",
    "packed",
    "repeated",
    "required",
    "returns",
    "rpc",
    "to",
];

/// rouge's `datatype`.
const TYPES: [&str; 15] = [
    "bool", "bytes", "double", "fixed32", "fixed64", "float", "int32", "int64", "sfixed32",
    "sfixed64", "sint32", "sint64", "string", "uint32", "uint64",
];

/// The words that open a one-word state, with the token of the word and of the name after it.
const OPENERS: [(&str, Tok, Tok); 6] = [
    ("package", Tok::KeywordNamespace, Tok::NameNamespace),
    ("message", Tok::KeywordDeclaration, Tok::NameClass),
    ("extend", Tok::KeywordDeclaration, Tok::NameClass),
    ("enum", Tok::KeywordDeclaration, Tok::Name),
    ("group", Tok::KeywordDeclaration, Tok::Name),
    ("service", Tok::KeywordDeclaration, Tok::Name),
];

/// The forward searches of the comment rules, remembered so that unclosed ones stay linear.
#[derive(Default)]
struct Ahead {
    line_ends: Finder,
    stars: Finder,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut states = States::new(St::Root);
    let mut ahead = Ahead::default();
    run_states(code, e, |s, e| match states.top() {
        St::Root => root(s, e, &mut states, &mut ahead),
        St::Named(tok) => {
            // `[a-zA-Z_]\w*` names it; else the empty rule gives way; both pop.
            if s.at(0)
                .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
            {
                let n = s.run(0, is_ruby_word);
                e.tok(tok, s.take(n));
            }
            states.pop();
            true
        }
    })
}

fn root(s: &mut Scan<'_>, e: &mut Emitter<'_>, states: &mut States<St>, ahead: &mut Ahead) -> bool {
    let Some(c) = s.at(0) else { return false };
    if is_ruby_space(c) {
        let n = s.run(0, is_ruby_space);
        e.tok(Tok::Text, s.take(n));
        return true;
    }
    if b",;{}[]()".contains(&c) {
        e.tok(Tok::Punctuation, s.take(1));
        return true;
    }
    if c == b'/' && comment(s, e, ahead) {
        return true;
    }
    if let Some((tok, n)) = keyword(s) {
        e.tok(tok, s.take(n));
        return true;
    }
    for word in ["true", "false"] {
        if s.starts(word) {
            e.tok(Tok::KeywordConstant, s.take(word.len()));
            return true;
        }
    }
    for (word, tok, name) in OPENERS {
        let gap = s.run(word.len(), is_ruby_space);
        if s.starts(word) && gap > 0 {
            e.tok(tok, s.take(word.len()));
            e.tok(Tok::Text, s.take(gap));
            states.push(St::Named(name));
            return true;
        }
    }
    if c == b'"' || c == b'\'' {
        let close = s.rest()[1..]
            .find([c as char, '\n'])
            .filter(|&i| s.at(1 + i) == Some(c));
        return close.is_some_and(|i| {
            e.tok(Tok::Str, s.take(i + 2));
            true
        });
    }
    if let Some((tok, n)) = number(s) {
        e.tok(tok, s.take(n));
        return true;
    }
    if (b'+'..=b'=').contains(&c) {
        e.tok(Tok::Operator, s.take(1));
        return true;
    }
    if c.is_ascii_alphabetic() || c == b'_' {
        name(s, e);
        return true;
    }
    false
}

/// `kw` or `datatype`: a word of either list followed by `\b`; its token and length.
fn keyword(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let hit = |w: &&&str| s.starts(w) && s.boundary(s.pos + w.len());
    let kw = KEYWORDS.iter().find(hit).map(|w| (Tok::Keyword, w.len()));
    kw.or_else(|| TYPES.iter().find(hit).map(|w| (Tok::KeywordType, w.len())))
}

/// `([a-zA-Z_][\w.]*)([ \t]*)(=)` as a field, else `[a-zA-Z_][\w.]*` as a name.
fn name(s: &mut Scan<'_>, e: &mut Emitter<'_>) {
    let n = s.run(0, |c| is_ruby_word(c) || c == b'.');
    let gap = s.run(n, |c| c == b' ' || c == b'\t');
    if s.at(n + gap) == Some(b'=') {
        e.tok(Tok::NameAttribute, s.take(n));
        e.tok(Tok::Text, s.take(gap));
        e.tok(Tok::Operator, s.take(1));
    } else {
        e.tok(Tok::Name, s.take(n));
    }
}

/// The two comment rules at a `/`: `//` (a `\` and line end may split the slashes) to the first
/// line end not escaped by a `\`, and `/*` to `*/` (either may be split the same way).
fn comment(s: &mut Scan<'_>, e: &mut Emitter<'_>, ahead: &mut Ahead) -> bool {
    let split = if s.rest()[1..].starts_with("\\\n") {
        3
    } else {
        1
    };
    let src = s.src.as_bytes();
    match s.at(split) {
        Some(b'/') => {
            let a = s.pos + split + 1;
            let end = if src.get(a).is_none_or(|&b| b == b'\n') {
                Some(a)
            } else {
                ahead
                    .line_ends
                    .find_where(s.src, "\n", a + s.char_len(a - s.pos), |p| {
                        src[p - 1] != b'\\'
                    })
                    .or((src[src.len() - 1] != b'\\').then_some(src.len()))
            };
            end.is_some_and(|end| {
                e.tok(Tok::CommentSingle, s.take(end - s.pos));
                true
            })
        }
        Some(b'*') => {
            let from = s.pos + split + 1;
            let star = ahead.stars.find_where(s.src, "*", from, |q| {
                src.get(q + 1) == Some(&b'/') || src[q + 1..].starts_with(b"\\\n/")
            });
            star.is_some_and(|q| {
                let close = if src.get(q + 1) == Some(&b'/') { 2 } else { 4 };
                e.tok(Tok::CommentMultiline, s.take(q + close - s.pos));
                true
            })
        }
        _ => false,
    }
}

/// The number rules, in rouge's order: their token and length.
fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let digits = |k: usize| s.run(k, |c| c.is_ascii_digit());
    let suffix = |k: usize| s.run(k, |c| b"LlUu".contains(&c));
    let d = digits(0);
    // The mantissa `\d+\.\d*` or `\.\d+`, if there is one.
    let mantissa = if s.at(d) == Some(b'.') && (d > 0 || digits(1) > 0) {
        Some(d + 1 + digits(d + 1))
    } else {
        None
    };
    let exponent = |k: usize| {
        let sign = usize::from(matches!(s.at(k + 1), Some(b'+' | b'-')));
        let n = digits(k + 1 + sign);
        (matches!(s.at(k), Some(b'e' | b'E')) && n > 0).then(|| k + 1 + sign + n)
    };
    // `(\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+[LlUu]*`
    let with_exp = mantissa
        .and_then(exponent)
        .or_else(|| (d > 0).then(|| exponent(d)).flatten());
    if let Some(k) = with_exp {
        return Some((Tok::NumFloat, k + suffix(k)));
    }
    let is_f = |k: usize| usize::from(matches!(s.at(k), Some(b'f' | b'F')));
    // `(\d+\.\d*|\.\d+|\d+[fF])[fF]?`
    if let Some(k) = mantissa.or((d > 0 && is_f(d) == 1).then_some(d + 1)) {
        return Some((Tok::NumFloat, k + is_f(k)));
    }
    // `(\-?(inf|nan))\b`
    let minus = usize::from(s.at(0) == Some(b'-'));
    if ["inf", "nan"]
        .iter()
        .any(|w| s.rest()[minus..].starts_with(w))
        && s.boundary(s.pos + minus + 3)
    {
        return Some((Tok::NumFloat, minus + 3));
    }
    if d == 0 {
        return None;
    }
    let hex = s.run(2, |c| c.is_ascii_hexdigit());
    if s.starts("0x") && hex > 0 {
        return Some((Tok::NumHex, 2 + hex + suffix(2 + hex)));
    }
    let oct = s.run(1, |c| (b'0'..=b'7').contains(&c));
    if s.at(0) == Some(b'0') && oct > 0 {
        return Some((Tok::NumOct, 1 + oct + suffix(1 + oct)));
    }
    Some((Tok::NumInteger, d + suffix(d)))
}
