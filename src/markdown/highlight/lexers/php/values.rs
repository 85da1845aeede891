//! The literals of rouge 3.30's `PHP` lexer (its `values` state): heredocs and nowdocs, numbers
//! in every base, and the single-quoted and backtick strings, which it reads whole. Each closing
//! mark is found through a table made once per code block, so a literal never closed does not
//! send every later one to read to the end again.

use super::{id, Php};
use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{emit::Emitter, scan::Scan, token::Tok};
use std::collections::HashMap;

/// Where a quoted string whose text starts at each offset ends (its closing quote's offset), for
/// rouge's `Q([^Q\\]*(?:\\.[^Q\\]*)*)Q`: a backslash takes the next character but a line end.
/// `NONE` where none ends it. Worked out once from the end back.
pub(super) fn quoted_ends(src: &str, quote: u8) -> Vec<u32> {
    let b = src.as_bytes();
    let mut ends = vec![NONE; b.len() + 1];
    for i in (0..b.len()).rev() {
        if !src.is_char_boundary(i) {
            continue;
        }
        ends[i] = match b[i] {
            c if c == quote => i as u32,
            b'\\' => match b.get(i + 1) {
                None | Some(b'\n') => NONE,
                Some(_) => {
                    let n = src[i + 1..].chars().next().map_or(1, char::len_utf8);
                    ends[i + 1 + n]
                }
            },
            _ => ends[i + src[i..].chars().next().map_or(1, char::len_utf8)],
        };
    }
    ends
}

pub(super) const NONE: u32 = u32::MAX;

/// The places a heredoc may end: after a line end and the white space that follows it, by the
/// hash of each lowercased prefix of the word there (rouge's `\n\s*\2` with `i`: the end word is
/// matched as a prefix, in any case). Each entry: the last line end before the place, the place.
#[derive(Default)]
pub(super) struct HeredocEnds {
    by_prefix: Option<HashMap<u64, Vec<(usize, usize)>>>,
}

/// One step of the prefix hash (FNV-1a over characters).
fn hash_step(h: u64, c: char) -> u64 {
    (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
}

const HASH_START: u64 = 0xcbf2_9ce4_8422_2325;

fn lower(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().flat_map(char::to_lowercase)
}

impl HeredocEnds {
    /// The first place after a line end at or after `from` where `word` starts, in any case.
    fn find(&mut self, src: &str, from: usize, word: &str) -> Option<usize> {
        let table = self.by_prefix.get_or_insert_with(|| prefixes(src));
        let key = lower(word).fold(HASH_START, hash_step);
        let places = table.get(&key)?;
        let first = places.partition_point(|&(nl, _)| nl < from);
        places[first..]
            .iter()
            .map(|&(_, at)| at)
            .find(|&at| starts_with_lower(&src[at..], word))
    }
}

fn starts_with_lower(text: &str, word: &str) -> bool {
    let mut t = lower(text);
    lower(word).all(|c| t.next() == Some(c))
}

fn prefixes(src: &str) -> HashMap<u64, Vec<(usize, usize)>> {
    let b = src.as_bytes();
    let mut map: HashMap<u64, Vec<(usize, usize)>> = HashMap::new();
    let mut i = 0;
    while let Some(nl) = b[i..].iter().position(|&c| c == b'\n').map(|k| i + k) {
        // The white space after it, through later line ends, and the last line end in it.
        let mut at = nl + 1;
        let mut last_nl = nl;
        while at < b.len() && is_ruby_space(b[at]) {
            if b[at] == b'\n' {
                last_nl = at;
            }
            at += 1;
        }
        let mut h = HASH_START;
        for c in lower(&src[at..at + word_len(src, at)]) {
            h = hash_step(h, c);
            map.entry(h).or_default().push((last_nl, at));
        }
        i = at.max(last_nl + 1);
    }
    map
}

/// The run of identifier characters at `at` (`[\p{L}\p{N}_]*`).
fn word_len(src: &str, at: usize) -> usize {
    src[at..]
        .char_indices()
        .find(|&(_, c)| !is_id_char(c))
        .map_or(src.len() - at, |(i, _)| i)
}

pub(super) fn is_id_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

impl Php {
    /// rouge's `values`, but for the functions, constants and `new`, which `words` has.
    pub(super) fn literal(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if let Some(n) = self.heredoc(s) {
            e.tok(Tok::StrHeredoc, s.take(n));
            return true;
        }
        if let Some((tok, n)) = number(s) {
            e.tok(tok, s.take(n));
            return true;
        }
        let (tok, ends) = match s.at(0) {
            Some(b'\'') => (Tok::StrSingle, &mut self.single_ends),
            Some(b'`') => (Tok::StrBacktick, &mut self.backtick_ends),
            Some(b'"') => {
                e.tok(Tok::StrDouble, s.take(1));
                self.stack.push(super::St::Str);
                return true;
            }
            _ => return false,
        };
        let quote = s.at(0).unwrap_or(b'\'');
        let ends = ends.get_or_insert_with(|| quoted_ends(s.src, quote));
        match ends[s.pos + 1] {
            NONE => false,
            end => {
                e.tok(tok, s.take(end as usize + 1 - s.pos));
                true
            }
        }
    }

    /// `<<<(["']?)(id)\1\n.*?\n\s*\2;?` (with `i` and `m`): its length.
    fn heredoc(&mut self, s: &Scan<'_>) -> Option<usize> {
        if !s.starts("<<<") {
            return None;
        }
        let q = match s.at(3) {
            Some(c @ (b'"' | b'\'')) => Some(c),
            _ => None,
        };
        let k = 3 + usize::from(q.is_some());
        let n = id(s, k);
        if n == 0 {
            return None;
        }
        let mut body = k + n;
        if let Some(c) = q {
            if s.at(body) != Some(c) {
                return None;
            }
            body += 1;
        }
        if s.at(body) != Some(b'\n') {
            return None;
        }
        let word = &s.rest()[k..k + n];
        let end = self.heredoc_ends.find(s.src, s.pos + body + 1, word)?;
        let end = end + word.len();
        Some(end + usize::from(s.src.as_bytes().get(end) == Some(&b';')) - s.pos)
    }
}

/// rouge's numbers, in its order: float (a lone `.` is one), octal, binary, hex, integer.
fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let digits = |k: usize| {
        if s.at(k).is_some_and(|c| c.is_ascii_digit()) {
            1 + s.run(k + 1, |c| c.is_ascii_digit() || c == b'_')
        } else {
            0
        }
    };
    let whole = digits(0);
    if s.at(whole) == Some(b'.') {
        let mut n = whole + 1;
        n += digits(n);
        if matches!(s.at(n), Some(b'e' | b'E')) {
            let sign = usize::from(matches!(s.at(n + 1), Some(b'+' | b'-')));
            let exp = digits(n + 1 + sign);
            if exp > 0 {
                n += 1 + sign + exp;
            }
        }
        return Some((Tok::NumFloat, n));
    }
    if whole == 0 {
        return None;
    }
    let based = |first: fn(u8) -> bool, rest: fn(u8) -> bool, k: usize| {
        s.at(k)
            .is_some_and(first)
            .then(|| k + 1 + s.run(k + 1, rest))
    };
    if s.at(0) == Some(b'0') {
        if let Some(n) = based(
            |c| (b'0'..=b'7').contains(&c),
            |c| (b'0'..=b'7').contains(&c) || c == b'_',
            1,
        ) {
            return Some((Tok::NumOct, n));
        }
        let found = match s.at(1) {
            Some(b'b' | b'B') => based(
                |c| c == b'0' || c == b'1',
                |c| c == b'0' || c == b'1' || c == b'_',
                2,
            )
            .map(|n| (Tok::NumBin, n)),
            Some(b'x' | b'X') => based(
                |c| c.is_ascii_hexdigit(),
                |c| c.is_ascii_hexdigit() || c == b'_',
                2,
            )
            .map(|n| (Tok::NumHex, n)),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    Some((Tok::NumInteger, whole))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_ends_should_skip_escapes_but_not_an_escaped_line_end() {
        let ends = quoted_ends("a\\'b'c\\\n'", b'\'');
        assert_eq!(ends[0], 4, "an escaped quote should not end the string");
        assert_eq!(
            ends[5], NONE,
            "a backslash before a line end should stop it"
        );
    }

    #[test]
    fn a_heredoc_end_should_be_found_as_a_prefix_in_any_case() {
        let src = "x\n  eotx;\nEOT";
        let mut ends = HeredocEnds::default();
        assert_eq!(
            ends.find(src, 1, "EOT"),
            Some(4),
            "the first end should be found"
        );
        assert_eq!(
            ends.find(src, 2, "EOT"),
            Some(10),
            "an end needs a line end at or after the start"
        );
        assert_eq!(ends.find(src, 2, "EOTZ"), None, "no place has that word");
    }
}
