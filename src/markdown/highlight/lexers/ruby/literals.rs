//! The Ruby lexer's fixed-shape rules: names, numbers, variables, symbols, character literals,
//! escapes, quoted strings; each gives the length it matches at the scan position.

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{scan::Scan, token::Tok};

/// `[a-zA-Z_]\w*` at `pos + k`: its length, 0 if none.
pub(super) fn name(s: &Scan<'_>, k: usize) -> usize {
    match s.at(k) {
        Some(c) if c.is_ascii_alphabetic() || c == b'_' => 1 + s.run(k + 1, is_ruby_word),
        _ => 0,
    }
}

/// `[a-z_]\w*` (case-sensitive) at `pos + k`.
pub(super) fn lower_name(s: &Scan<'_>, k: usize) -> usize {
    match s.at(k) {
        Some(c) if c.is_ascii_lowercase() || c == b'_' => 1 + s.run(k + 1, is_ruby_word),
        _ => 0,
    }
}

/// `'(\\\\|\\'|[^'])*'` from the quote at `pos + k`: up to the first quote no backslash
/// escapes, or (as the regexp backtracks) up to the last quote of the code.
pub(super) fn single_quoted(s: &Scan<'_>, k: usize) -> Option<usize> {
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

/// Ruby's `String#strip` white space: NUL and `\s`.
pub(super) fn is_strip_space(c: char) -> bool {
    c == '\0' || (c.is_ascii() && is_ruby_space(c as u8))
}

pub(super) fn ruby_strip(s: &str) -> &str {
    s.trim_matches(is_strip_space)
}

pub(super) fn ruby_rstrip(s: &str) -> &str {
    s.trim_end_matches(is_strip_space)
}

/// `[a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*` at `pos + k`.
pub(super) fn module_path(s: &Scan<'_>, k: usize) -> usize {
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
pub(super) fn scoped_words(s: &Scan<'_>) -> usize {
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
pub(super) fn method_name(s: &Scan<'_>, k: usize) -> Option<usize> {
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
pub(super) fn symbol(s: &Scan<'_>) -> Option<usize> {
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
pub(super) fn escape_len(s: &Scan<'_>, k: usize) -> usize {
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
pub(super) fn char_literal(s: &Scan<'_>) -> Option<usize> {
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
pub(super) fn spaced_literal(s: &Scan<'_>) -> Option<(usize, usize)> {
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
pub(super) fn variable(s: &Scan<'_>) -> Option<(Tok, usize)> {
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
pub(super) fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
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
