//! The names of rouge 3.30's `PHP` lexer: its `names` state (a call's name, a keyword, a
//! constant, a class, as the name's case says) and `in_use` (what `use` imports).

use super::{builtins::BUILTINS, id, word_of, Php, St};
use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{emit::Emitter, scan::in_words, scan::Scan, token::Tok};
use crate::markdown::unicode::is_alnum;

/// rouge's keywords, lower case.
const KEYWORDS: &str = "__class__ __dir__ __file__ __function__ __halt_compiler __line__ \
    __method__ __namespace__ __trait__ abstract and array as break case catch cfunction clone \
    continue declare default die do echo else elseif empty enddeclare endfor endforeach endif \
    endswitch endwhile eval exit extends final finally fn for foreach global goto if implements \
    include include_once instanceof insteadof isset list match new old_function or parent print \
    private protected public readonly require require_once return self static switch throw try \
    unset var while xor yield";

/// The segments of `id_with_ns` (`(?:(?:id\\)+)?id`) at `pos + k`: where each ends.
fn segments(s: &Scan<'_>, k: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut at = k;
    loop {
        let n = id(s, at);
        if n == 0 {
            break;
        }
        ends.push(at + n);
        if s.at(at + n) != Some(b'\\') {
            break;
        }
        at += n + 1;
    }
    ends
}

/// `id_with_ns` at `pos + k`: its length (from `k`), 0 if none.
pub(super) fn id_with_ns(s: &Scan<'_>, k: usize) -> usize {
    segments(s, k).last().map_or(0, |end| end - k)
}

/// `^(E|PHP)(_[[:upper:]]+)+$`: PHP's own constants.
fn is_php_constant(w: &str) -> bool {
    let rest = w
        .strip_prefix("PHP")
        .or_else(|| w.strip_prefix('E'))
        .unwrap_or("");
    rest.strip_prefix('_').is_some_and(|r| {
        r.split('_')
            .all(|p| !p.is_empty() && p.chars().all(char::is_uppercase))
    })
}

/// The name's last segment is `[[:upper:]][[[:upper:]][[:digit:]]_]+` (a constant) or
/// `[[:upper:]][[:alnum:]]*` (a class).
fn case_kind(w: &str) -> Option<Tok> {
    let last = w.rsplit('\\').next().unwrap_or(w);
    let mut chars = last.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return None;
    }
    let rest = chars.as_str();
    if !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_uppercase() || c.is_numeric() || c == '_')
    {
        Some(Tok::NameConstant)
    } else if rest.chars().all(is_alnum) {
        Some(Tok::NameClass)
    } else {
        None
    }
}

impl Php {
    /// `names`: a name before `(` is a keyword, a builtin or a function; any other is
    /// told by its spelling, and a few keywords lead to states of their own.
    pub(super) fn names(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = id_with_ns(s, 0);
        if n == 0 {
            return false;
        }
        let w = &s.rest()[..n];
        let name = w.to_lowercase();
        let ws = s.run(n, is_ruby_space);
        if s.at(n + ws) == Some(b'(') {
            let tok = if in_words(KEYWORDS, &name) {
                Tok::Keyword
            } else if in_words(BUILTINS, &name) {
                Tok::NameBuiltin
            } else {
                Tok::NameFunction
            };
            e.tok(tok, s.take(n));
            return true;
        }
        let (tok, next) = match name.as_str() {
            "use" => (Tok::KeywordNamespace, Some(St::InUse)),
            "const" => (Tok::Keyword, Some(St::InConst)),
            "catch" => (Tok::Keyword, Some(St::InCatch)),
            "public" | "protected" | "private" => (Tok::Keyword, Some(St::InVisibility)),
            _ if in_words(KEYWORDS, &name) => (Tok::Keyword, None),
            _ if w.len() >= 4 && w.starts_with("__") && w.ends_with("__") => {
                (Tok::NameBuiltin, None)
            }
            _ if is_php_constant(w) => (Tok::KeywordConstant, None),
            _ => (case_kind(w).unwrap_or(Tok::Name), None),
        };
        e.tok(tok, s.take(n));
        if let Some(st) = next {
            self.stack.push(st);
        }
        true
    }

    /// `in_use`: its own rules, then `escape`, `whitespace`, `names`, `return`.
    pub(super) fn in_use(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if matches!(s.at(0), Some(b',' | b'}')) {
            e.tok(Tok::Punctuation, s.take(1));
            return true;
        }
        let n = word_of(s, &["function", "const"]);
        if n > 0 {
            e.tok(Tok::Keyword, s.take(n));
            return true;
        }
        let ends = segments(s, 0);
        // `(ns)(\{)`: the namespace's segments, each with its `\`, then `{`.
        if let Some(&last) = ends.last() {
            if s.at(last) == Some(b'\\') && s.at(last + 1) == Some(b'{') {
                e.tok(Tok::NameNamespace, s.take(last + 1));
                e.tok(Tok::Punctuation, s.take(1));
                return true;
            }
        }
        let n = imported_function(s, &ends);
        if n > 0 {
            e.tok(Tok::NameFunction, s.take(n));
            return true;
        }
        if self.escape(s, e) || self.whitespace(s, e) || self.names(s, e) {
            return true;
        }
        self.stack.pop();
        true
    }
}

/// `id_with_ns(_id)+` over the segments `ends` (where each ends): the longest prefix of them
/// whose last segment has a `_` past its first character followed by a letter or `_`.
fn imported_function(s: &Scan<'_>, ends: &[usize]) -> usize {
    (0..ends.len())
        .rev()
        .find(|&j| {
            let start = if j == 0 { 0 } else { ends[j - 1] + 1 };
            let seg = &s.rest()[start..ends[j]];
            seg.char_indices().skip(1).any(|(i, c)| {
                c == '_'
                    && seg[i + 1..]
                        .chars()
                        .next()
                        .is_some_and(|d| d == '_' || d.is_alphabetic())
            })
        })
        .map_or(0, |j| ends[j])
}
