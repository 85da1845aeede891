//! C++'s raw strings in rouge 3.30's `Cpp` lexer: `(?:u8|u|U|L)?R"delim(…)delim"`, the
//! delimiter up to 16 characters of its class. Each closing `)delim"` is found by a table of
//! every such place in the code, made once, so a raw string never closed does not send each
//! later one to read to the end again.

use std::collections::HashMap;

/// The class of a raw string's delimiter.
fn is_delimiter(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"_{}[]#<>%:;.?*+-/^&|~!=,\"'".contains(&c)
}

const MAX_DELIMITER: usize = 16;

/// Every `)delim"` of a code block, by its delimiter: where each `)` is, in order.
#[derive(Default)]
pub(super) struct RawEnds<'c> {
    closers: Option<HashMap<&'c str, Vec<usize>>>,
}

impl<'c> RawEnds<'c> {
    /// The length of the raw string at `pos` of `src`, if one starts and ends there.
    pub(super) fn at(&mut self, src: &'c str, pos: usize) -> Option<usize> {
        let b = src.as_bytes();
        let rest = &src[pos..];
        let k = ["u8R\"", "uR\"", "UR\"", "LR\"", "R\""]
            .iter()
            .find(|p| rest.starts_with(**p))?
            .len();
        let n = b[pos + k..]
            .iter()
            .take_while(|&&c| is_delimiter(c))
            .count();
        if n > MAX_DELIMITER || b.get(pos + k + n) != Some(&b'(') {
            return None;
        }
        let delimiter = &src[pos + k..pos + k + n];
        let open = pos + k + n + 1;
        let closers = self.closers.get_or_insert_with(|| closers(src));
        let places = closers.get(delimiter)?;
        let close = *places.get(places.partition_point(|&c| c < open))?;
        Some(close + n + 2 - pos)
    }
}

fn closers(src: &str) -> HashMap<&str, Vec<usize>> {
    let b = src.as_bytes();
    let mut map: HashMap<&str, Vec<usize>> = HashMap::new();
    for c in (0..b.len()).filter(|&i| b[i] == b')') {
        for len in 0..=MAX_DELIMITER {
            match b.get(c + 1 + len) {
                Some(b'"') => map.entry(&src[c + 1..c + 1 + len]).or_default().push(c),
                _ if len == MAX_DELIMITER => break,
                _ => {}
            }
            if !b.get(c + 1 + len).is_some_and(|&x| is_delimiter(x)) {
                break;
            }
        }
    }
    map
}
