//! R, as rouge 3.30's `R` lexer (`lexers/r.rb`, tag `r`, aliases `R`, `s`, `S`). One state:
//! comments (roxygen's `#'` as doc), white space, backquoted names, quoted strings across
//! lines, `%op%`, numbers with their sign, `.Primitive` functions where `(` follows, names
//! (keywords, constants, builtin constants), punctuation and operators.

use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, lazy_quoted_ends, run_states, Finder, Scan},
    token::Tok,
};
use crate::markdown::unicode::is_alnum;

const KEYWORDS: &str = "break else for function if in next repeat while";

const CONSTANTS: &str = "FALSE Inf NA NA_character_ NA_complex_ NA_integer_ NA_real_ NULL NaN TRUE";

const BUILTINS: &str = "F LETTERS T letters month.abb month.name pi";

const PRIMITIVES: &str =
    "Arg Conj Im Mod Re UseMethod abs acos acosh all any anyNA as.call as.character \
    as.complex as.double as.environment as.integer as.logical as.null.default as.numeric \
    as.raw asin asinh atan atanh attr attributes baseenv browser c call ceiling class cos \
    cosh cospi cummax cummin cumprod cumsum digamma dim dimnames emptyenv exp expression \
    floor forceAndCall gamma gc.time globalenv interactive invisible is.array is.atomic \
    is.call is.character is.complex is.double is.environment is.expression is.finite \
    is.function is.infinite is.integer is.language is.list is.logical is.matrix is.na \
    is.name is.nan is.null is.numeric is.object is.pairlist is.raw is.recursive is.single \
    is.symbol lazyLoadDBfetch length lgamma list log max min missing names nargs nzchar \
    oldClass on.exit pos.to.env proc.time prod quote range rep retracemem return round \
    seq.int seq_along seq_len sign signif sin sinh sinpi sqrt standardGeneric substitute \
    sum switch tan tanh tanpi tracemem trigamma trunc unclass untracemem xtfrm";
pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut r = R::default();
    run_states(code, e, |s, e| r.step(s, e));
}

#[derive(Default)]
struct R {
    backquotes: Finder,
    percents: Finder,
    /// For strings no plain reading closes: the place their tail starts, its quote, and where
    /// rouge's backtracking ends one from each place of it.
    tails: Option<(usize, u8, Vec<Option<usize>>)>,
}

/// `(?:(?:[[:alpha:]]|[.][._[:alpha:]])[._[:alnum:]]*)|[.]` at `pos`: its length.
fn name(s: &Scan<'_>) -> usize {
    let rest = s.rest();
    let mut chars = rest.char_indices();
    let start = match chars.next() {
        Some((_, c)) if c.is_alphabetic() => c.len_utf8(),
        Some((_, '.')) => match chars.next() {
            Some((_, c)) if c.is_alphabetic() || c == '.' || c == '_' => 1 + c.len_utf8(),
            _ => return 1,
        },
        _ => return 0,
    };
    start
        + rest[start..]
            .char_indices()
            .find(|&(_, c)| !(is_alnum(c) || c == '.' || c == '_'))
            .map_or(rest.len() - start, |(i, _)| i)
}

impl R {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'#') {
            let tok = if s.at(1) == Some(b'\'') {
                Tok::CommentDoc
            } else {
                Tok::CommentSingle
            };
            let n = s.to_eol(0);
            e.tok(tok, s.take(n));
            return true;
        }
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            e.tok(Tok::Whitespace, s.take(ws));
            return true;
        }
        if let Some((tok, n)) = self.quoted(s) {
            e.tok(tok, s.take(n));
            return true;
        }
        if let Some((tok, n)) = number(s) {
            e.tok(tok, s.take(n));
            return true;
        }
        let n = name(s);
        if n > 0 {
            let w = &s.rest()[..n];
            let tok = if s.at(n) == Some(b'(') && in_words(PRIMITIVES, w) {
                Tok::NameFunction
            } else if in_words(KEYWORDS, w) {
                Tok::Keyword
            } else if in_words(CONSTANTS, w) {
                Tok::KeywordConstant
            } else if in_words(BUILTINS, w) {
                Tok::NameBuiltin
            } else {
                Tok::Name
            };
            e.tok(tok, s.take(n));
            return true;
        }
        let Some(b) = s.at(0) else { return false };
        let tok = if b"[]{}();,".contains(&b) {
            Tok::Punctuation
        } else if b"-<>?*+^/!=~$@:%&|".contains(&b) {
            Tok::Operator
        } else {
            return false;
        };
        e.tok(tok, s.take(1));
        true
    }

    /// Backquoted names, quoted strings and `%op%`: the token and length.
    fn quoted(&mut self, s: &Scan<'_>) -> Option<(Tok, usize)> {
        match s.at(0)? {
            b'`' if s.at(1).is_some_and(|c| c != b'`') => {
                let end = self.backquotes.find(s.src, "`", s.pos + 1)?;
                Some((Tok::Name, end + 1 - s.pos))
            }
            b'%' => {
                let end = self.percents.find(s.src, "%", s.pos + 1)?;
                Some((Tok::Operator, end + 1 - s.pos))
            }
            q @ (b'\'' | b'"') => {
                let end = self.string_end(s, q)?;
                let tok = if q == b'"' {
                    Tok::StrDouble
                } else {
                    Tok::StrSingle
                };
                Some((tok, end + 1 - s.pos))
            }
            _ => None,
        }
    }

    /// `Q(\\.|.)*?Q` across lines: the closing quote's place. The first quote no backslash
    /// escapes closes it; with none, rouge backtracks (`scan::lazy_quoted_ends`).
    fn string_end(&mut self, s: &Scan<'_>, quote: u8) -> Option<usize> {
        let b = s.src.as_bytes();
        let mut i = s.pos + 1;
        while i < b.len() {
            match b[i] {
                c if c == quote => return Some(i),
                b'\\' if i + 1 < b.len() => {
                    i += 1 + s.src[i + 1..].chars().next().map_or(1, char::len_utf8);
                }
                _ => i += 1,
            }
        }
        let from = s.pos + 1;
        let stale = self
            .tails
            .as_ref()
            .is_none_or(|(start, q, _)| from < *start || *q != quote);
        if stale {
            self.tails = Some((from, quote, lazy_quoted_ends(&s.src[from..], quote)));
        }
        let (start, _, answers) = self.tails.as_ref()?;
        answers
            .get(from - start)
            .copied()
            .flatten()
            .map(|q| start + q)
    }
}

/// `0[xX][a-fA-F0-9]+([pP][0-9]+)?[Li]?`, then
/// `[+-]?(\d+([.]\d+)?|[.]\d+)([eE][+-]?\d+)?[Li]?`: the token and length.
fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let digits = |k: usize| s.run(k, |c| c.is_ascii_digit());
    let suffix = |k: usize| usize::from(matches!(s.at(k), Some(b'L' | b'i')));
    if s.at(0) == Some(b'0') && matches!(s.at(1), Some(b'x' | b'X')) {
        let h = s.run(2, |c| c.is_ascii_hexdigit());
        if h > 0 {
            let mut n = 2 + h;
            if matches!(s.at(n), Some(b'p' | b'P')) && digits(n + 1) > 0 {
                n += 1 + digits(n + 1);
            }
            return Some((Tok::NumHex, n + suffix(n)));
        }
    }
    let sign = usize::from(matches!(s.at(0), Some(b'+' | b'-')));
    let d = digits(sign);
    let mut n = if d > 0 {
        let frac = if s.at(sign + d) == Some(b'.') {
            digits(sign + d + 1)
        } else {
            0
        };
        sign + d + if frac > 0 { 1 + frac } else { 0 }
    } else if s.at(sign) == Some(b'.') && digits(sign + 1) > 0 {
        sign + 1 + digits(sign + 1)
    } else {
        return None;
    };
    if matches!(s.at(n), Some(b'e' | b'E')) {
        let es = usize::from(matches!(s.at(n + 1), Some(b'+' | b'-')));
        if digits(n + 1 + es) > 0 {
            n += 1 + es + digits(n + 1 + es);
        }
    }
    Some((Tok::Number, n + suffix(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [KEYWORDS, CONSTANTS, BUILTINS, PRIMITIVES] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
