//! Sets of bytes as 256-entry tables, and a scan for the next byte of a set.
//!
//! The span parser, the HTML escaper and the Liquid scanner spend most of their time skipping
//! text that holds nothing for them (letters, CJK, spaces). A byte-at-a-time loop costs a branch
//! per byte; `find` looks at eight bytes per branch instead, with the same table, so it stays
//! exact for any set and needs no SIMD (which the wasm build does not enable).

/// A set of bytes.
pub type ByteSet = [bool; 256];

/// The set of the given bytes (the tests' sets; the span parser builds its own).
#[cfg(test)]
pub const fn of(bytes: &[u8]) -> ByteSet {
    let mut t = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    t
}

/// The first index at or after `from` whose byte is in `set`, or `b.len()`.
#[inline]
pub fn find(b: &[u8], from: usize, set: &ByteSet) -> usize {
    let Some(rest) = b.get(from..) else {
        return b.len();
    };
    let mut chunks = rest.chunks_exact(8);
    let mut i = from;
    for chunk in &mut chunks {
        let hit = set[chunk[0] as usize] as u8
            | set[chunk[1] as usize] as u8
            | set[chunk[2] as usize] as u8
            | set[chunk[3] as usize] as u8
            | set[chunk[4] as usize] as u8
            | set[chunk[5] as usize] as u8
            | set[chunk[6] as usize] as u8
            | set[chunk[7] as usize] as u8;
        if hit != 0 {
            break;
        }
        i += 8;
    }
    while i < b.len() && !set[b[i] as usize] {
        i += 1;
    }
    i
}

/// The first index at or after `from` holding `needle`, or `b.len()`: `find` for a set of one
/// byte, which compares eight bytes in one 64-bit word (wasm has 64-bit integers; core's
/// `memchr` works on `usize`, 32 bits there) where the table needs eight lookups. Two words per
/// step: the Liquid scanner and the block pass's line ends mostly cross plain text.
#[inline]
pub fn find_byte(b: &[u8], from: usize, needle: u8) -> usize {
    let Some(rest) = b.get(from..) else {
        return b.len();
    };
    let pattern = ONES * u64::from(needle);
    let mut chunks = rest.chunks_exact(16);
    let mut i = from;
    for chunk in &mut chunks {
        let (lo, hi) = chunk.split_at(8);
        let lo = zero_bytes(word(lo) ^ pattern);
        let hi = zero_bytes(word(hi) ^ pattern);
        if lo | hi != 0 {
            // The low word's first zero byte comes first; its marks are exact up to it.
            return if lo != 0 {
                i + (lo.trailing_zeros() / 8) as usize
            } else {
                i + 8 + (hi.trailing_zeros() / 8) as usize
            };
        }
        i += 16;
    }
    let tail = chunks.remainder();
    tail.iter()
        .position(|&c| c == needle)
        .map_or(b.len(), |k| i + k)
}

/// The first index at or after `from` of `<`, `>`, `&` or `"` (what an HTML escape may
/// replace), or `b.len()`: `find` for that set, a word at a time. Two tests cover the four
/// bytes exactly: `c | 2 == b'>'` holds for `<` and `>` only, `c | 4 == b'&'` for `"` and `&`.
#[inline]
pub fn find_html_special(b: &[u8], from: usize) -> usize {
    let Some(rest) = b.get(from..) else {
        return b.len();
    };
    let mut chunks = rest.chunks_exact(8);
    let mut i = from;
    for chunk in &mut chunks {
        let w = word(chunk);
        // Each mask's first mark is exact, so the lower of the two is the first match.
        let hits = zero_bytes((w | (ONES * 2)) ^ (ONES * u64::from(b'>')))
            | zero_bytes((w | (ONES * 4)) ^ (ONES * u64::from(b'&')));
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    let tail = chunks.remainder();
    tail.iter()
        .position(|c| matches!(c, b'<' | b'>' | b'&' | b'"'))
        .map_or(b.len(), |k| i + k)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

fn word(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes.try_into().unwrap_or([0; 8]))
}

/// The high bit of the first zero byte of `x` set (and possibly of bytes after it, after a
/// borrow, which `trailing_zeros` never reaches); 0 when no byte is zero.
#[inline]
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & HIGHS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_should_return_the_first_member_at_or_after_from() {
        let set = of(b"<&");
        let s = b"plain text, then <b> & more";
        assert_eq!(find(s, 0, &set), 17);
        assert_eq!(find(s, 18, &set), 21);
        assert_eq!(
            find(s, 17, &set),
            17,
            "a member at `from` itself should be found"
        );
    }

    #[test]
    fn find_should_return_the_length_when_no_member_follows() {
        let set = of(b"<");
        assert_eq!(find(b"", 0, &set), 0);
        assert_eq!(find(b"abc", 0, &set), 3);
        assert_eq!(find(b"abcdefghijklmnopq", 3, &set), 17);
        assert_eq!(
            find(b"ab", 5, &set),
            2,
            "a start past the end should give the length"
        );
    }

    #[test]
    fn find_should_agree_with_a_plain_search_at_every_offset() {
        let set = of(b"*_`\n");
        let s = "ünïcode *text* with_some `code`\nand more text after it, long enough".as_bytes();
        for from in 0..=s.len() {
            let expected = (from..s.len())
                .find(|&i| set[s[i] as usize])
                .unwrap_or(s.len());
            assert_eq!(find(s, from, &set), expected, "from {from}");
        }
    }

    #[test]
    fn find_byte_should_agree_with_a_plain_search_at_every_offset() {
        // Bytes just above and below the needle, and 0x80 and 0xff, next to it, in every
        // position of a word.
        let s = "a\n\u{80}\u{ff}\x0b\t\n\nxyz\u{3042}\u{10a}\n{{%{ abcdefgh{\n}".as_bytes();
        for needle in [b'\n', b'{', b'a', b'}', 0x80, 0xff, b'|'] {
            for from in 0..=s.len() + 2 {
                let expected = (from..s.len()).find(|&i| s[i] == needle).unwrap_or(s.len());
                assert_eq!(find_byte(s, from, needle), expected, "{needle} from {from}");
            }
        }
    }

    #[test]
    fn find_html_special_should_agree_with_the_table_at_every_offset() {
        let set = of(b"<>&\"");
        // Neighbours of the four bytes under `| 2` and `| 4` (`:`, `$`, `?`, ` `, `!`, `'`).
        let s = "a<b>c&d\"e:$?! '\u{3042}<<&&\"\">>...........<x\u{10a}?>:>".as_bytes();
        for from in 0..=s.len() + 2 {
            assert_eq!(
                find_html_special(s, from),
                find(s, from, &set),
                "from {from}"
            );
        }
        assert_eq!(
            find_html_special(b"::::$$$$????''''  !!", 0),
            20,
            "bytes one bit away from the four should not match"
        );
    }
}
