//! Abbreviations: with `*[HTML]: Hyper Text Markup Language` defined anywhere, every `HTML` in
//! text becomes an abbreviation event (the writer writes
//! `<abbr title="Hyper Text Markup Language">HTML</abbr>`).
//!
//! Reference: kramdown 2.4 `parser/kramdown/abbreviation.rb` (`replace_abbreviations`): longer
//! abbreviations first; an occurrence counts at the start of a line or after a character that is
//! not an ASCII word character, and not before one.
//!
//! kramdown tries one alternation of every abbreviation at each such place; here the
//! abbreviations are a trie, walked once per place, so that thousands of them cost what the text
//! costs. A walk follows the text only while it matches some abbreviation, but abbreviations
//! with spaces can make every walk long (`*[A A A … A]` over `A A A …`): the walks of a text
//! share a budget proportional to it, and past it the rest of the text is left as it is.

use crate::ctype::is_ruby_word_char;
use crate::markdown::budget::{Budget, Use};
use crate::markdown::event::Event;
use pulldown_cmark::{CowStr, Event as Md};
use std::cell::OnceCell;
use std::collections::HashMap;

/// Trie steps a text's walks may take, per byte of the text (and a constant for short texts).
const STEPS_PER_BYTE: usize = 8;
const STEPS_MIN: usize = 4096;

/// The document's abbreviations: each defined once (a later definition's title wins), and the
/// trie to find them, built on first use (after every definition is read).
#[derive(Default, Debug)]
pub struct Abbreviations {
    /// The abbreviation and its title, in order of first definition.
    defs: Vec<(String, String)>,
    /// Where each abbreviation is in `defs`.
    index: HashMap<String, usize>,
    trie: OnceCell<Trie>,
}

/// A byte trie: node 0 is the root; each node's edges sorted by byte.
#[derive(Default, Debug)]
struct Trie {
    edges: Vec<Vec<(u8, u32)>>,
    /// The abbreviation that ends at each node, as an index of `defs`.
    ends: Vec<Option<u32>>,
}

impl Trie {
    fn new(defs: &[(String, String)]) -> Trie {
        let mut trie = Trie {
            edges: vec![Vec::new()],
            ends: vec![None],
        };
        for (i, (abbr, _)) in defs.iter().enumerate() {
            let mut node = 0usize;
            for &b in abbr.as_bytes() {
                node = match trie.edges[node].binary_search_by_key(&b, |e| e.0) {
                    Ok(k) => trie.edges[node][k].1 as usize,
                    Err(k) => {
                        let next = trie.edges.len();
                        trie.edges[node].insert(k, (b, next as u32));
                        trie.edges.push(Vec::new());
                        trie.ends.push(None);
                        next
                    }
                };
            }
            if !abbr.is_empty() {
                trie.ends[node] = Some(i as u32);
            }
        }
        trie
    }

    fn child(&self, node: usize, b: u8) -> Option<usize> {
        let edges = &self.edges[node];
        let k = edges.binary_search_by_key(&b, |e| e.0).ok()?;
        Some(edges[k].1 as usize)
    }
}

impl Abbreviations {
    /// Defines (or redefines) an abbreviation.
    pub fn define(&mut self, abbr: String, title: String) {
        match self.index.get(&abbr) {
            Some(&i) => self.defs[i].1 = title,
            None => {
                self.index.insert(abbr.clone(), self.defs.len());
                self.defs.push((abbr, title));
            }
        }
        self.trie = OnceCell::new();
    }

    pub fn is_empty(&self) -> bool {
        self.defs.is_empty()
    }

    /// The longest abbreviation at `at` of `s` that no word character follows, and its end;
    /// each step of the walk is taken from `steps`.
    fn longest_at(&self, s: &str, at: usize, steps: &mut usize) -> Option<(usize, usize)> {
        let trie = self.trie.get_or_init(|| Trie::new(&self.defs));
        let mut node = 0;
        let mut found = None;
        for (k, &b) in s.as_bytes()[at..].iter().enumerate() {
            if *steps == 0 {
                break;
            }
            *steps -= 1;
            let Some(next) = trie.child(node, b) else {
                break;
            };
            node = next;
            let end = at + k + 1;
            if let Some(i) = trie.ends[node] {
                if !s[end..].chars().next().is_some_and(is_ruby_word_char) {
                    found = Some((i as usize, end));
                }
            }
        }
        found
    }
}

/// Steps the walks of a text of `len` bytes may take.
pub(super) fn steps_for(len: usize) -> usize {
    STEPS_PER_BYTE * len + STEPS_MIN
}

/// Splits `text` into text and abbreviation events, or gives it back. `steps`: what the walks
/// may still take; once it is spent the text is left as it is (the caller warns).
pub(super) fn split<'s>(
    text: CowStr<'s>,
    abbrs: &Abbreviations,
    steps: &mut usize,
    budget: &Budget,
    out: &mut Vec<Event<'s>>,
) -> Option<CowStr<'s>> {
    if abbrs.is_empty() {
        return Some(text);
    }
    let s: &str = &text;
    let mut pieces: Vec<Event<'s>> = Vec::new();
    let mut last = 0;
    let mut i = 0;
    while i < s.len() && *steps > 0 {
        let line_start = i == 0 || s.as_bytes()[i - 1] == b'\n';
        let c = s[i..].chars().next().unwrap_or(' ');
        let hit = match line_start {
            true => abbrs.longest_at(s, i, steps).map(|hit| (i, hit)),
            false => None,
        };
        let hit = hit.or_else(|| {
            let after = i + c.len_utf8();
            let looks = !is_ruby_word_char(c) && after <= s.len();
            looks
                .then(|| abbrs.longest_at(s, after, steps).map(|hit| (after, hit)))
                .flatten()
        });
        // Each use writes the title again: charged to the render's budget, text past it.
        let hit =
            hit.filter(|(_, (def, _))| budget.charge(Use::Abbreviation, abbrs.defs[*def].1.len()));
        match hit {
            Some((at, (def, end))) => {
                let (abbr, title) = &abbrs.defs[def];
                if at > last {
                    pieces.push(Md::Text(CowStr::from(s[last..at].to_owned())).into());
                }
                pieces.push(Event::Abbreviation {
                    abbr: CowStr::from(abbr.clone()),
                    title: CowStr::from(title.clone()),
                });
                last = end;
                i = last;
            }
            None => i += c.len_utf8(),
        }
    }
    if pieces.is_empty() {
        return Some(text);
    }
    out.extend(pieces);
    (last < s.len()).then(|| CowStr::from(s[last..].to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(defs: &[(&str, &str)], text: &str, steps: &mut usize) -> Vec<String> {
        let mut abbrs = Abbreviations::default();
        for (a, t) in defs {
            abbrs.define(a.to_string(), t.to_string());
        }
        let mut out = Vec::new();
        split(
            CowStr::Borrowed(text),
            &abbrs,
            steps,
            &Budget::default(),
            &mut out,
        );
        out.into_iter()
            .filter_map(|e| match e {
                Event::Abbreviation { abbr, title } => Some(format!("{abbr}={title}")),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_longest_abbreviation_not_followed_by_a_word_character_should_win() {
        let defs = [("AB", "short"), ("ABC", "long"), ("B", "b")];
        let mut steps = usize::MAX;
        assert_eq!(
            found(&defs, "ABC AB ABCD xB", &mut steps),
            ["ABC=long", "AB=short"],
            "ABC should win over AB, ABCD and xB should not match"
        );
    }

    #[test]
    fn a_redefinition_should_replace_the_title() {
        let mut steps = usize::MAX;
        assert_eq!(
            found(&[("A", "1"), ("A", "2")], "A", &mut steps),
            ["A=2"],
            "the later title should win"
        );
    }

    #[test]
    fn long_overlapping_walks_should_stop_at_the_budget() {
        let long = "A ".repeat(5_000) + "B";
        let text = "A ".repeat(5_000);
        let mut steps = steps_for(text.len());
        let start = steps;
        let hits = found(&[(long.as_str(), "t"), ("A", "a")], &text, &mut steps);
        assert_eq!(steps, 0, "the walks should have spent the budget");
        assert!(
            !hits.is_empty() && hits.len() < 5_000,
            "some abbreviations should be found before the budget ends, got {}",
            hits.len()
        );
        assert!(
            start < 10 * text.len(),
            "the budget should be linear in the text"
        );
    }
}
