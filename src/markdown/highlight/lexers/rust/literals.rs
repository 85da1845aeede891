//! rouge 3.30's Rust `has_literals` pieces: characters and bytes with their escapes, raw
//! strings, and numbers (floats by their point, exponent or `f32`/`f64`; integers in four bases
//! with their type suffixes), and the identifiers of `XID_Start`/`XID_Continue`.

use super::xid_tables::{CONTINUE_TOO, NOT_CONTINUE, NOT_START, START_TOO};
use crate::markdown::highlight::{scan::Scan, token::Tok};
use crate::markdown::unicode::is_word;

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    let i = table.partition_point(|&(_, hi)| hi < c);
    table.get(i).is_some_and(|&(lo, _)| lo <= c)
}

/// `\p{XID_Start}`.
pub(super) fn xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    (c.is_alphabetic() && !in_ranges(NOT_START, c)) || in_ranges(START_TOO, c)
}

/// `\p{XID_Continue}`.
fn xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    (is_word(c) && !in_ranges(NOT_CONTINUE, c)) || in_ranges(CONTINUE_TOO, c)
}

/// `[\p{XID_Start}_]\p{XID_Continue}*` at `pos + k`: its length, 0 if none.
pub(super) fn ident(s: &Scan<'_>, k: usize) -> usize {
    let rest = &s.src[(s.pos + k).min(s.src.len())..];
    match rest.chars().next() {
        Some(c) if xid_start(c) || c == '_' => rest
            .char_indices()
            .skip(1)
            .find(|&(_, c)| !xid_continue(c))
            .map_or(rest.len(), |(i, _)| i),
        _ => 0,
    }
}

fn is_hex(c: u8) -> bool {
    c.is_ascii_hexdigit()
}

/// `\\([nrt'"\\0]|x\h{2}|u\{(\h_*){1,6}\})` at `pos + k`: its length, 0 if none.
pub(super) fn escape(s: &Scan<'_>, k: usize) -> usize {
    if s.at(k) != Some(b'\\') {
        return 0;
    }
    match s.at(k + 1) {
        Some(b'n' | b'r' | b't' | b'\'' | b'"' | b'\\' | b'0') => 2,
        Some(b'x') if s.run(k + 2, is_hex) >= 2 => 4,
        Some(b'u') if s.at(k + 2) == Some(b'{') => {
            let (mut n, mut groups) = (k + 3, 0);
            while groups < 6 && s.at(n).is_some_and(is_hex) {
                n += 1 + s.run(n + 1, |c| c == b'_');
                groups += 1;
            }
            if groups > 0 && s.at(n) == Some(b'}') {
                n + 1 - k
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// `b?'(?:escape|[^\\])'`: its length.
pub(super) fn char_literal(s: &Scan<'_>) -> Option<usize> {
    let k = usize::from(s.at(0) == Some(b'b')) + 1;
    if s.at(k - 1) != Some(b'\'') {
        return None;
    }
    let inner = match s.at(k) {
        Some(b'\\') => escape(s, k),
        _ => s.char_len(k),
    };
    (inner > 0 && s.at(k + inner) == Some(b'\'')).then_some(k + inner + 1)
}

/// The ends of raw strings: every `"` of the code with the count of `#` after it, in a tree
/// of maxima, made once, so that the first `"` followed by enough `#` is found in a few steps
/// whatever counts the raw strings before asked for.
#[derive(Default)]
pub(super) struct RawEnds {
    quotes: Option<(Vec<usize>, Vec<usize>)>,
}

impl RawEnds {
    /// `b?r(#*)".*?"\1` at `pos`, across lines: its length.
    pub(super) fn at(&mut self, s: &Scan<'_>) -> Option<usize> {
        let r = usize::from(s.at(0) == Some(b'b'));
        if s.at(r) != Some(b'r') {
            return None;
        }
        let hashes = s.run(r + 1, |c| c == b'#');
        let open = r + 1 + hashes;
        if s.at(open) != Some(b'"') {
            return None;
        }
        let (places, tree) = self.quotes.get_or_insert_with(|| quotes(s.src));
        let from = places.partition_point(|&q| q < s.pos + open + 1);
        let leaves = tree.len() / 2;
        let i = first_at_least(tree, 1, 0, leaves, from, hashes)?;
        Some(places[i] + 1 + hashes - s.pos)
    }
}

/// The places of `"` in `src`, and a tree of maxima over the count of `#` after each (node
/// `k` has children `2k` and `2k + 1`; the leaves start at the tree's half).
fn quotes(src: &str) -> (Vec<usize>, Vec<usize>) {
    let b = src.as_bytes();
    let places: Vec<usize> = (0..b.len()).filter(|&i| b[i] == b'"').collect();
    let leaves = places.len().next_power_of_two();
    let mut tree = vec![0; 2 * leaves];
    for (i, &q) in places.iter().enumerate() {
        tree[leaves + i] = 1 + b[q + 1..].iter().take_while(|&&c| c == b'#').count();
    }
    for k in (1..leaves).rev() {
        tree[k] = tree[2 * k].max(tree[2 * k + 1]);
    }
    (places, tree)
}

/// The first leaf at or after `from` under node `k` (covering leaves `lo..hi`) whose count of
/// `#` is at least `hashes` (stored plus one, so that empty leaves never qualify).
fn first_at_least(
    tree: &[usize],
    k: usize,
    lo: usize,
    hi: usize,
    from: usize,
    hashes: usize,
) -> Option<usize> {
    if hi <= from || tree[k] < hashes + 1 {
        return None;
    }
    if hi - lo == 1 {
        return Some(lo);
    }
    let mid = (lo + hi) / 2;
    first_at_least(tree, 2 * k, lo, mid, from, hashes)
        .or_else(|| first_at_least(tree, 2 * k + 1, mid, hi, from, hashes))
}

fn digits_(c: u8) -> bool {
    c.is_ascii_digit() || c == b'_'
}

/// The number at `pos`: rouge's float rule, then its integer rule.
pub(super) fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    if !s.at(0).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let d = 1 + s.run(1, digits_);
    let dot = |k: usize| {
        if s.at(k) == Some(b'.') && s.at(k + 1).is_some_and(|c| c.is_ascii_digit()) {
            2 + s.run(k + 2, digits_)
        } else {
            0
        }
    };
    let exp = |k: usize| {
        if !matches!(s.at(k), Some(b'e' | b'E')) {
            return 0;
        }
        let sign = usize::from(matches!(s.at(k + 1), Some(b'+' | b'-')));
        match s.run(k + 1 + sign, digits_) {
            0 => 0,
            m => 1 + sign + m,
        }
    };
    let flt = |k: usize| {
        let rest = &s.rest()[k..];
        3 * usize::from(rest.starts_with("f32") || rest.starts_with("f64"))
    };
    let point = dot(d);
    if point > 0 {
        let x = exp(d + point);
        return Some((Tok::NumFloat, d + point + x + flt(d + point + x)));
    }
    let x = exp(d);
    if x > 0 {
        return Some((Tok::NumFloat, d + x + flt(d + x)));
    }
    if flt(d) > 0 {
        return Some((Tok::NumFloat, d + 3));
    }
    if s.at(d) == Some(b'.') {
        let next = s.rest()[d + 1..].chars().next();
        if next.is_none_or(|c| c != '.' && c != '_' && !xid_start(c)) {
            return Some((Tok::NumFloat, d + 1));
        }
    }
    let based = match (s.at(0), s.at(1)) {
        (Some(b'0'), Some(b'b')) => s.run(2, |c| matches!(c, b'0' | b'1' | b'_')),
        (Some(b'0'), Some(b'x')) => s.run(2, |c| is_hex(c) || c == b'_'),
        (Some(b'0'), Some(b'o')) => s.run(2, |c| matches!(c, b'0'..=b'7' | b'_')),
        _ => 0,
    };
    let n = if based > 0 { 2 + based } else { d };
    Some((Tok::NumInteger, n + int_suffix(s, n)))
}

/// `(u(size)?|i(size))?` at `pos + k`, where size is `8|16|32|64|128|size`.
fn int_suffix(s: &Scan<'_>, k: usize) -> usize {
    let rest = &s.rest()[k..];
    let size = |r: &str| {
        ["8", "16", "32", "64", "128", "size"]
            .iter()
            .find(|x| r.starts_with(**x))
            .map_or(0, |x| x.len())
    };
    match rest.as_bytes().first() {
        Some(b'u') => 1 + size(&rest[1..]),
        Some(b'i') => match size(&rest[1..]) {
            0 => 0,
            n => 1 + n,
        },
        _ => 0,
    }
}
