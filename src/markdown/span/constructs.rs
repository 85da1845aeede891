//! The span constructs, registered once: each one's name, the bytes it can start with, how the
//! scanner finds it, and its parse function, in kramdown's order. The scanner's lookup tables (where
//! to stop, which constructs to offer a place to) are derived from this table at compile time.
//!
//! Reference: kramdown 2.4 `Parser::Kramdown` `@span_parsers` as kramdown-parser-gfm sets them
//! (emphasis, codespan, autolink, span HTML, footnote marker, link, smart quotes, inline math,
//! span extensions, HTML entity, typographic symbols, line break, escaped characters,
//! strikethrough), and each parser's `span_start` pattern.
//!
//! Adding a construct is one entry in `TABLE` (and a module with its `parse`).

use super::{
    autolink, codespan, emphasis, entity, escape, extensions, footnote, html_span, line_break,
    link, math, smart_quotes, strikethrough, typographic, Spans,
};
use crate::byte_set::ByteSet;

/// One span parser.
pub(super) struct Construct {
    /// kramdown's name for it (`define_parser`), which parser sets name it by.
    name: &'static str,
    /// The bytes its start pattern can begin with; `None`: any character.
    first: Option<&'static [u8]>,
    /// Whether its start pattern matches at a byte among `first`; `None`: that byte is enough.
    starts: Option<fn(&Spans<'_, '_>, usize) -> bool>,
    /// The bytes the scanner stops on for it: its first bytes, except where it looks back.
    triggers: &'static [u8],
    /// A start the scanner finds by looking back from a trigger byte.
    looks_back: LookBack,
    /// Parses at the scanner's position; false (having changed nothing) when it does not match.
    parse: fn(&mut Spans<'_, '_>) -> bool,
}

/// Starts that begin before the byte that announces them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum LookBack {
    No,
    /// `[^\\]?["']`: the character before a straight quote.
    CharBeforeQuote,
    /// ` >>`: the space before `>>`.
    SpaceBeforeGuillemets,
    /// `  \n`: the two spaces before a newline.
    SpacesBeforeNewline,
}

/// The span parsers of kramdown's GFM parser, in the order it offers a place to them.
const TABLE: [Construct; 14] = [
    Construct {
        name: "emphasis",
        first: Some(b"*_"),
        starts: None,
        triggers: b"*_",
        looks_back: LookBack::No,
        parse: emphasis::parse,
    },
    Construct {
        name: "codespan",
        first: Some(b"`"),
        starts: None,
        triggers: b"`",
        looks_back: LookBack::No,
        parse: codespan::parse,
    },
    Construct {
        name: "autolink",
        first: Some(b"<"),
        starts: None,
        triggers: b"<",
        looks_back: LookBack::No,
        parse: autolink::parse,
    },
    Construct {
        name: "span_html",
        first: Some(b"<"),
        starts: None,
        triggers: b"<",
        looks_back: LookBack::No,
        parse: html_span::parse,
    },
    Construct {
        name: "footnote_marker",
        first: Some(b"["),
        starts: Some(|s, i| s.byte(i + 1) == Some(b'^')),
        triggers: b"[",
        looks_back: LookBack::No,
        parse: footnote::parse,
    },
    Construct {
        name: "link",
        first: Some(b"[!"),
        starts: Some(|s, i| s.byte(i) == Some(b'[') || s.byte(i + 1) == Some(b'[')),
        triggers: b"[!",
        looks_back: LookBack::No,
        parse: link::parse,
    },
    Construct {
        name: "smart_quotes",
        first: None,
        // `[^\\]?["']`: a quote, or any other character right before one.
        starts: Some(|s, i| {
            let c = s.src.as_bytes()[i];
            c == b'"' || c == b'\'' || (c != b'\\' && s.quote_follows(i))
        }),
        triggers: b"\"'",
        looks_back: LookBack::CharBeforeQuote,
        parse: smart_quotes::parse,
    },
    Construct {
        name: "inline_math",
        first: Some(b"$"),
        starts: None,
        triggers: b"$",
        looks_back: LookBack::No,
        parse: math::parse,
    },
    Construct {
        name: "span_extensions",
        first: Some(b"{"),
        starts: Some(|s, i| s.byte(i + 1) == Some(b':')),
        triggers: b"{",
        looks_back: LookBack::No,
        parse: extensions::parse,
    },
    Construct {
        name: "html_entity",
        first: Some(b"&"),
        starts: None,
        triggers: b"&",
        looks_back: LookBack::No,
        parse: entity::parse,
    },
    Construct {
        name: "typographic_syms",
        first: Some(b"-.<>\\ "),
        // `--|\.\.\.|(?:\\| )?(?:<<|>>)`
        starts: Some(|s, i| {
            let r = &s.src[i..];
            let guillemets = |r: &str| r.starts_with("<<") || r.starts_with(">>");
            r.starts_with("--")
                || r.starts_with("...")
                || guillemets(r)
                || (matches!(r.as_bytes()[0], b'\\' | b' ') && guillemets(&r[1..]))
        }),
        // A space starts ` >>` only before `>>`: looked at from there.
        triggers: b"-.<>\\",
        looks_back: LookBack::SpaceBeforeGuillemets,
        parse: typographic::parse,
    },
    Construct {
        name: "line_break",
        first: Some(b" \\"),
        // `(  |\\\\)(?=\n)`
        starts: Some(|s, i| {
            let r = &s.src[i..];
            r.starts_with("  \n") || r.starts_with("\\\\\n")
        }),
        triggers: b"\\\n",
        looks_back: LookBack::SpacesBeforeNewline,
        parse: line_break::parse,
    },
    Construct {
        name: "escaped_chars",
        first: Some(b"\\"),
        starts: None,
        triggers: b"\\",
        looks_back: LookBack::No,
        parse: escape::parse,
    },
    Construct {
        name: "strikethrough_gfm",
        first: Some(b"~"),
        starts: Some(|s, i| s.byte(i + 1) == Some(b'~')),
        triggers: b"~",
        looks_back: LookBack::No,
        parse: strikethrough::parse,
    },
];

/// Members of a parser set: bit `k` is `TABLE[k]`.
type Members = u32;
const _: () = assert!(TABLE.len() <= Members::BITS as usize);

/// The table where the scanner reads it at run time (a `const` may be copied at each use).
static PARSERS: [Construct; TABLE.len()] = TABLE;

/// A set of span parsers (kramdown swaps `@span_parsers` for some content) with the scanner's
/// tables for it.
pub(super) struct Constructs {
    /// Where the scanner stops, without and with `]` (while a link's text is parsed).
    triggers: [ByteSet; 2],
    /// For each byte, the members whose start pattern can begin with it.
    candidates: [Members; 256],
    /// For each byte, whether a member starts wherever that byte is.
    sure: ByteSet,
    looks_back: [bool; 4],
}

/// Every span parser.
pub(super) static ALL: Constructs = Constructs::of(&[]);
/// Inside raw HTML only nested HTML is recognised.
pub(super) static HTML_ONLY: Constructs = Constructs::of(&["span_html"]);
/// Table rows are first split at `|` outside code spans (and HTML, when `parse_span_html`).
pub(super) static CODESPAN_ONLY: Constructs = Constructs::of(&["codespan"]);
pub(super) static CODESPAN_AND_HTML: Constructs = Constructs::of(&["codespan", "span_html"]);

impl Constructs {
    /// The set of the named parsers (`TABLE`'s order stays theirs); none named: all of them.
    const fn of(names: &[&str]) -> Constructs {
        let mut members: Members = 0;
        let mut n = 0;
        while n < names.len() {
            members |= 1 << index_of(names[n]);
            n += 1;
        }
        if names.is_empty() {
            members = Members::MAX >> (Members::BITS as usize - TABLE.len());
        }
        let mut set = Constructs {
            triggers: [[false; 256]; 2],
            candidates: [0; 256],
            sure: [false; 256],
            looks_back: [false; 4],
        };
        let mut k = 0;
        while k < TABLE.len() {
            if members & (1 << k) != 0 {
                set.add(k);
            }
            k += 1;
        }
        set.triggers[1] = set.triggers[0];
        set.triggers[1][b']' as usize] = true;
        set
    }

    const fn add(&mut self, k: usize) {
        let c = &TABLE[k];
        let mut j = 0;
        while j < c.triggers.len() {
            self.triggers[0][c.triggers[j] as usize] = true;
            j += 1;
        }
        let mut b = 0;
        while b < 256 {
            let first = match c.first {
                None => true,
                Some(bytes) => contains(bytes, b as u8),
            };
            if first {
                self.candidates[b] |= 1 << k;
                if c.starts.is_none() {
                    self.sure[b] = true;
                }
            }
            b += 1;
        }
        self.looks_back[c.looks_back as usize] = true;
    }

    /// Where the scanner stops; `bracket`: also at `]`.
    #[inline]
    pub(super) fn triggers(&self, bracket: bool) -> &ByteSet {
        &self.triggers[bracket as usize]
    }

    /// Whether a member finds its start by looking back this way.
    #[inline]
    pub(super) fn looks_back(&self, how: LookBack) -> bool {
        self.looks_back[how as usize]
    }

    /// Whether a member's start pattern (kramdown's `span_start`) matches at byte `i`.
    #[inline]
    pub(super) fn could_start(&self, s: &Spans<'_, '_>, i: usize) -> bool {
        let c = s.src.as_bytes()[i] as usize;
        if self.sure[c] {
            return true;
        }
        let mut members = self.candidates[c];
        while members != 0 {
            let k = members.trailing_zeros() as usize;
            if PARSERS[k].starts.is_none_or(|starts| starts(s, i)) {
                return true;
            }
            members &= members - 1;
        }
        false
    }

    /// Offers the position to the members in order; the first whose pattern matches consumes
    /// it. Only those that can start with the byte there are asked.
    #[inline]
    pub(super) fn run(&self, s: &mut Spans<'_, '_>) -> bool {
        let mut members = self.candidates[s.src.as_bytes()[s.pos] as usize];
        while members != 0 {
            let k = members.trailing_zeros() as usize;
            if (PARSERS[k].parse)(s) {
                return true;
            }
            members &= members - 1;
        }
        false
    }
}

const fn contains(bytes: &[u8], b: u8) -> bool {
    let mut j = 0;
    while j < bytes.len() {
        if bytes[j] == b {
            return true;
        }
        j += 1;
    }
    false
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut j = 0;
    while j < a.len() {
        if a[j] != b[j] {
            return false;
        }
        j += 1;
    }
    true
}

/// The position of the named parser in `TABLE`; an unknown name fails the build.
const fn index_of(name: &str) -> usize {
    let mut k = 0;
    while k < TABLE.len() {
        if same(TABLE[k].name, name) {
            return k;
        }
        k += 1;
    }
    panic!("no span parser of that name")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parser_should_be_asked_about_each_of_its_first_bytes() {
        for (k, c) in TABLE.iter().enumerate() {
            for b in c.first.unwrap_or(&[]) {
                assert!(
                    ALL.candidates[*b as usize] & (1 << k) != 0,
                    "{} should be offered places starting with {:?}",
                    c.name,
                    *b as char
                );
            }
        }
    }

    #[test]
    fn a_subset_should_stop_only_on_its_own_triggers() {
        let html = HTML_ONLY.triggers(false);
        assert!(html[b'<' as usize], "span HTML should stop the scan at `<`");
        assert!(!html[b'*' as usize], "inside raw HTML `*` should be text");
        assert!(HTML_ONLY.triggers(true)[b']' as usize]);
        assert!(!CODESPAN_ONLY.triggers(false)[b'<' as usize]);
        assert!(CODESPAN_AND_HTML.triggers(false)[b'<' as usize]);
        assert!(
            !ALL.triggers(false)[b' ' as usize],
            "a space is looked at from `>>` or a newline"
        );
        assert!(ALL.looks_back(LookBack::CharBeforeQuote));
        assert!(!HTML_ONLY.looks_back(LookBack::CharBeforeQuote));
    }

    #[test]
    fn names_should_be_unique() {
        for (k, c) in TABLE.iter().enumerate() {
            assert_eq!(index_of(c.name), k, "{} is registered twice", c.name);
        }
    }
}
