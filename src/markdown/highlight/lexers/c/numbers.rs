//! Numbers of rouge 3.30's `C` lexer (floats need an exponent; hexadecimal, octal, decimal, each
//! with `[lu]*` suffixes) and the ones `Cpp` puts before them (digits with inner quotes, user
//! suffixes such as `ms` as `Num::Other`, floats with a point alone, binary).

use crate::markdown::highlight::{scan::Scan, token::Tok};

fn digits(s: &Scan<'_>, k: usize) -> usize {
    s.run(k, |c| c.is_ascii_digit())
}

/// `[lu]*` case-insensitively at `pos + k`.
fn suffix(s: &Scan<'_>, k: usize) -> usize {
    s.run(k, |c| matches!(c, b'l' | b'L' | b'u' | b'U'))
}

/// `[eE][+-]?` followed by digits as `run` reads them, at `pos + k`: its length, 0 if none.
fn exponent(s: &Scan<'_>, k: usize, run: fn(&Scan<'_>, usize) -> usize) -> usize {
    if !matches!(s.at(k), Some(b'e' | b'E')) {
        return 0;
    }
    let sign = usize::from(matches!(s.at(k + 1), Some(b'+' | b'-')));
    match run(s, k + 1 + sign) {
        0 => 0,
        d => 1 + sign + d,
    }
}

/// The C lexer's number rules in order: the token and length of the number at `pos`.
pub(super) fn c_number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let d = digits(s, 0);
    // `(\d+[.]\d*|[.]?\d+)e[+-]?\d+[lu]*`: the first alternative, then the second.
    let dot = usize::from(s.at(0) == Some(b'.'));
    let mantissas = [
        (d > 0 && s.at(d) == Some(b'.')).then(|| d + 1 + digits(s, d + 1)),
        (digits(s, dot) > 0).then(|| dot + digits(s, dot)),
    ];
    for m in mantissas.into_iter().flatten() {
        let e = exponent(s, m, digits);
        if e > 0 {
            return Some((Tok::NumFloat, m + e + suffix(s, m + e)));
        }
    }
    if s.at(0) == Some(b'0') && matches!(s.at(1), Some(b'x' | b'X')) {
        let h = s.run(2, |c| c.is_ascii_hexdigit());
        if h > 0 {
            return Some((Tok::NumHex, 2 + h + suffix(s, 2 + h)));
        }
    }
    if s.at(0) == Some(b'0') {
        let o = s.run(1, is_octal);
        if o > 0 {
            return Some((Tok::NumOct, 1 + o + suffix(s, 1 + o)));
        }
    }
    (d > 0).then(|| (Tok::NumInteger, d + suffix(s, d)))
}

fn is_octal(c: u8) -> bool {
    (b'0'..=b'7').contains(&c)
}

/// `C('?C)*` for the class `class` at `pos + k`: its length, 0 if none.
fn quoted_run(s: &Scan<'_>, k: usize, class: fn(u8) -> bool) -> usize {
    let mut n = s.run(k, class);
    if n == 0 {
        return 0;
    }
    while s.at(k + n) == Some(b'\'') && s.at(k + n + 1).is_some_and(class) {
        n += 1 + s.run(k + n + 1, class);
    }
    n
}

/// C++'s `dq`: digits with single inner quotes.
fn dq(s: &Scan<'_>, k: usize) -> usize {
    quoted_run(s, k, |c| c.is_ascii_digit())
}

/// The literal suffixes of C++'s `Num::Other` rule, in rouge's order.
const USER_SUFFIXES: [&str; 11] = ["y", "d", "h", "min", "s", "ms", "us", "ns", "i", "if", "il"];

/// The number rules `Cpp` puts first, in order: the token and length of the number at `pos`.
pub(super) fn cpp_number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let d = dq(s, 0);
    if d > 0 {
        let frac = if s.at(d) == Some(b'.') {
            dq(s, d + 1)
        } else {
            0
        };
        let n = if frac > 0 { d + 1 + frac } else { d };
        let rest = &s.rest()[n..];
        let user = USER_SUFFIXES
            .iter()
            .find(|x| rest.starts_with(**x) && s.boundary(s.pos + n + x.len()));
        if let Some(x) = user {
            return Some((Tok::NumOther, n + x.len()));
        }
    }
    // `(dq[.]dq?|[.]dq)(e[+-]?dq[lu]*)?`
    let mantissa = if d > 0 && s.at(d) == Some(b'.') {
        d + 1 + dq(s, d + 1)
    } else if d == 0 && s.at(0) == Some(b'.') && dq(s, 1) > 0 {
        1 + dq(s, 1)
    } else {
        0
    };
    if mantissa > 0 {
        let e = exponent(s, mantissa, dq);
        let n = mantissa + e;
        return Some((Tok::NumFloat, if e > 0 { n + suffix(s, n) } else { n }));
    }
    let e = if d > 0 { exponent(s, d, dq) } else { 0 };
    if e > 0 {
        return Some((Tok::NumFloat, d + e + suffix(s, d + e)));
    }
    if s.at(0) == Some(b'0') {
        let based = match s.at(1) {
            Some(b'x' | b'X') => {
                Some((Tok::NumHex, 2, quoted_run(s, 2, |c| c.is_ascii_hexdigit())))
            }
            Some(b'b') => Some((Tok::NumBin, 2, quoted_run(s, 2, |c| c == b'0' || c == b'1'))),
            _ => None,
        };
        match based {
            Some((Tok::NumBin, k, n)) if n > 0 => return Some((Tok::NumBin, k + n)),
            Some((tok, k, n)) if n > 0 => return Some((tok, k + n + suffix(s, k + n))),
            _ => {}
        }
        let o = quoted_run(s, 1, is_octal);
        if o > 0 {
            return Some((Tok::NumOct, 1 + o + suffix(s, 1 + o)));
        }
    }
    (d > 0).then(|| (Tok::NumInteger, d + suffix(s, d)))
}
