//! Ruby's `String#downcase` and `#upcase` (full Unicode case mapping, with no context rule: a
//! word's last `Σ` becomes `σ`, as Ruby writes it), one character at a time, for the filters
//! (`downcase`, `upcase`, `capitalize`), GFM's header ids, kramdown's element names and link
//! labels, and `strftime`'s `^` flag.
//!
//! The mappings are Rust's own (`char::to_lowercase`/`to_uppercase`, which equal Ruby's but for
//! the Unicode version), kept as runs of characters moved by the same distance
//! (`case_table.rs`, made from Rust's by the ignored test `print_case_table`): about 5 KB, where
//! core's tables and string functions made the body module 28 KB bigger, 12 KB gzipped
//! (docs/weight.md). The tests check every character against Rust's.

use super::case_table::{LOWER, LOWER_LONG, UPPER, UPPER_LONG};

/// One character's mapping: one to three characters.
#[derive(Clone)]
pub struct Mapped {
    chars: [char; 3],
    at: u8,
    len: u8,
}

impl Iterator for Mapped {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let c = self
            .chars
            .get(usize::from(self.at))
            .filter(|_| self.at < self.len)?;
        self.at += 1;
        Some(*c)
    }
}

/// `c` lower-cased, as `char::to_lowercase`.
#[inline]
pub fn lower(c: char) -> Mapped {
    // ASCII needs no table, and most text is ASCII.
    if c.is_ascii() {
        return one(c.to_ascii_lowercase());
    }
    map(c, LOWER, LOWER_LONG)
}

/// `c` upper-cased, as `char::to_uppercase`.
#[inline]
pub fn upper(c: char) -> Mapped {
    if c.is_ascii() {
        return one(c.to_ascii_uppercase());
    }
    map(c, UPPER, UPPER_LONG)
}

/// Ruby's `s.downcase`.
pub fn downcase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().flat_map(lower));
    out
}

/// Ruby's `s.upcase`.
pub fn upcase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().flat_map(upper));
    out
}

/// A run of the table in one word: its first character above bit 11, bit 10 set if it takes
/// every other character, its length (at most 1,023) below.
pub(super) const fn run(start: u32, len: u32, stride: u32) -> u32 {
    (start << 11) | ((stride - 1) << 10) | len
}

fn one(c: char) -> Mapped {
    Mapped {
        chars: [c, '\0', '\0'],
        at: 0,
        len: 1,
    }
}

/// `c` by the runs (sorted, none inside another) and the characters that map to several.
fn map(c: char, runs: &[(u32, i32)], long: &[(char, [char; 3])]) -> Mapped {
    let u = u32::from(c);
    let i = runs.partition_point(|&(run, _)| run >> 11 <= u);
    if let Some(&(run, delta)) = i.checked_sub(1).and_then(|i| runs.get(i)) {
        let step = 1 + ((run >> 10) & 1);
        let offset = u - (run >> 11);
        if offset % step == 0 && offset / step < run & 0x3ff {
            return one(u
                .checked_add_signed(delta)
                .and_then(char::from_u32)
                .unwrap_or(c));
        }
    }
    match long.binary_search_by(|(from, _)| from.cmp(&c)) {
        Ok(i) => {
            let chars = long.get(i).map_or([c, '\0', '\0'], |(_, m)| *m);
            Mapped {
                chars,
                at: 0,
                len: chars.iter().take_while(|&&m| m != '\0').count() as u8,
            }
        }
        Err(_) => one(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_should_map_as_rust_maps_it() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert!(
                lower(c).eq(c.to_lowercase()),
                "{c:?} should lower-case to {:?}, not {:?}",
                c.to_lowercase().collect::<String>(),
                lower(c).collect::<String>()
            );
            assert!(
                upper(c).eq(c.to_uppercase()),
                "{c:?} should upper-case to {:?}, not {:?}",
                c.to_uppercase().collect::<String>(),
                upper(c).collect::<String>()
            );
        }
    }

    #[test]
    fn strings_should_map_as_ruby_does() {
        // Values from Ruby 3.1: no final-sigma rule, `ß` and `İ` to two characters.
        assert_eq!(downcase("AΣ ΑΣ Ab"), "aσ ασ ab", "every Σ should become σ");
        assert_eq!(upcase("straße ﬃ"), "STRASSE FFI", "ß and ﬃ should widen");
        assert_eq!(
            downcase("İ"),
            "i\u{307}",
            "İ should keep its dot as a combining mark"
        );
        assert_eq!(upcase("ǅ"), "Ǆ", "a title-case letter should upper-case");
    }

    /// Prints `case_table.rs` from Rust's own mappings:
    /// `cargo test --lib ruby::case -- --ignored --nocapture print_case_table`, then `cargo fmt`.
    #[test]
    #[ignore = "a generator, run by hand when Rust's Unicode version changes"]
    fn print_case_table() {
        println!("{}", table_source());
    }

    fn table_source() -> String {
        let mut s = String::from(
            "//! Made by `print_case_table` in `case.rs` from Rust's `char::to_lowercase` and\n\
             //! `to_uppercase` (do not edit by hand): runs of characters moved by the same distance, and\n\
             //! the characters that map to several, sorted.\n\nuse super::case::run;\n\n",
        );
        for (name, f) in [
            ("LOWER", lower_of as fn(char) -> Vec<char>),
            ("UPPER", upper_of),
        ] {
            let (runs, long) = runs_of(f);
            s += &format!("pub const {name}: &[(u32, i32)] = &[\n");
            for (start, len, stride, delta) in runs {
                assert!(len < 1024, "a run should fit its 10 bits of length");
                s += &format!("    (run({start:#x}, {len}, {stride}), {delta}),\n");
            }
            s += &format!("];\n\npub const {name}_LONG: &[(char, [char; 3])] = &[\n");
            for (c, m) in long {
                let m: Vec<String> = (0..3)
                    .map(|i| format!("{:?}", m.get(i).copied().unwrap_or('\0')))
                    .collect();
                s += &format!("    ({c:?}, [{}]),\n", m.join(", "));
            }
            s += "];\n\n";
        }
        s.trim_end().to_owned() + "\n"
    }

    fn lower_of(c: char) -> Vec<char> {
        c.to_lowercase().collect()
    }

    fn upper_of(c: char) -> Vec<char> {
        c.to_uppercase().collect()
    }

    /// The non-ASCII characters `f` changes to one other, as runs `(start, length, stride,
    /// distance)`; those it maps to several, apart.
    #[allow(clippy::type_complexity)]
    fn runs_of(f: fn(char) -> Vec<char>) -> (Vec<(u32, u32, u32, i64)>, Vec<(char, Vec<char>)>) {
        let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new();
        let mut long = Vec::new();
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let m = f(c);
            if m.len() > 1 {
                long.push((c, m));
                continue;
            }
            if m[0] == c {
                continue;
            }
            let (u, delta) = (
                u32::from(c),
                i64::from(u32::from(m[0])) - i64::from(u32::from(c)),
            );
            if let Some(last) = runs.last_mut() {
                if last.3 == delta && last.0 + last.1 * last.2 == u {
                    last.1 += 1;
                    continue;
                }
                if last.3 == delta && last.1 == 1 && last.0 + 2 == u {
                    (last.1, last.2) = (2, 2);
                    continue;
                }
            }
            runs.push((u, 1, 1, delta));
        }
        (runs, long)
    }
}
