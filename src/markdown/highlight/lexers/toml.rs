//! TOML, as rouge 3.30's `TOML` lexer (`lexers/toml.rb`, tag `toml`). Its states: `root` (rouge's
//! `basic` rules: white space, comments, booleans, inline-table keys, table headers, dates and
//! numbers; then `key =`), `value` (to the line end), `content` (keys, strings, commas, arrays),
//! `array`, `inline`, and the strings `dq`, `mdq`, `sq`, `msq` (with `esc_str`).
//!
//! rouge's key is `\S+|"[^"]+"|'[^']+'` followed by `\s*=`: the regexp backtracks through the
//! non-space run, so the key is the whole run if `=` follows it, else the run up to its last
//! `=`. What a run holds is worked out once (`Run`), so that a long run is not read again at
//! every position in it.

use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{run_states, Finder, Scan, States},
    token::Tok,
};

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Value,
    Array,
    Inline,
    Dq,
    Mdq,
    Sq,
    Msq,
}

/// A run of non-space characters and what follows it, as the key rules see it.
#[derive(Default, Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
    /// Where `\s*=` after the run puts its `=`, and whether `\s*{` follows that.
    eq_after: Option<usize>,
    inline_after: bool,
    /// The last `=` in the run, and the last one that `\s*{` follows.
    last_eq: Option<usize>,
    last_inline_eq: Option<usize>,
    /// The last `]` in the run.
    last_bracket: Option<usize>,
}

#[derive(Default)]
struct Ahead {
    run: Run,
    dq: Finder,
    sq: Finder,
}

struct Toml {
    stack: States<St>,
    ahead: Ahead,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut toml = Toml {
        stack: States::new(St::Root),
        ahead: Ahead::default(),
    };
    run_states(code, e, |s, e| toml.step(s, e));
}

/// The offset of `=` after `\s*` at absolute offset `at`, if there is one.
fn eq_at(src: &str, at: usize) -> Option<usize> {
    let ws = src.as_bytes()[at..]
        .iter()
        .take_while(|&&c| is_ruby_space(c))
        .count();
    (src.as_bytes().get(at + ws) == Some(&b'=')).then_some(at + ws)
}

/// Whether `\s*{` follows absolute offset `at`.
fn brace_at(src: &str, at: usize) -> bool {
    let ws = src.as_bytes()[at..]
        .iter()
        .take_while(|&&c| is_ruby_space(c))
        .count();
    src.as_bytes().get(at + ws) == Some(&b'{')
}

impl Ahead {
    /// The run of non-space characters at `pos` (worked out again only for a new run).
    fn run(&mut self, s: &Scan<'_>) -> Run {
        if !(self.run.start <= s.pos && s.pos < self.run.end) {
            let end = s.pos + s.run(0, |c| !is_ruby_space(c));
            let bytes = &s.src.as_bytes()[s.pos..end];
            let eq_after = eq_at(s.src, end);
            let last = |pred: &dyn Fn(usize) -> bool| {
                bytes.iter().rposition(|&c| c == b'=').and_then(|_| {
                    (0..bytes.len())
                        .rev()
                        .find(|&i| bytes[i] == b'=' && pred(s.pos + i))
                        .map(|i| s.pos + i)
                })
            };
            self.run = Run {
                start: s.pos,
                end,
                eq_after,
                inline_after: eq_after.is_some_and(|q| brace_at(s.src, q + 1)),
                last_eq: last(&|_| true),
                last_inline_eq: last(&|q| brace_at(s.src, q + 1)),
                last_bracket: bytes.iter().rposition(|&c| c == b']').map(|i| s.pos + i),
            };
        }
        self.run
    }

    /// A key at `pos` followed by `\s*=` (and `\s*{` after that when `inline`): the key's
    /// length and the offset of its `=`.
    fn key(&mut self, s: &Scan<'_>, inline: bool) -> Option<(usize, usize)> {
        let run = self.run(s);
        let whole = run.eq_after.filter(|_| !inline || run.inline_after);
        if let Some(eq) = whole {
            return Some((run.end - s.pos, eq));
        }
        let inner = if inline {
            run.last_inline_eq
        } else {
            run.last_eq
        };
        if let Some(eq) = inner.filter(|&q| q > s.pos) {
            return Some((eq - s.pos, eq));
        }
        let q = s.at(0).filter(|&c| c == b'"' || c == b'\'')?;
        let finder = if q == b'"' {
            &mut self.dq
        } else {
            &mut self.sq
        };
        let close = finder.find(s.src, if q == b'"' { "\"" } else { "'" }, s.pos + 1)?;
        if close == s.pos + 1 {
            return None;
        }
        let eq = eq_at(s.src, close + 1)?;
        (!inline || brace_at(s.src, eq + 1)).then_some((close + 1 - s.pos, eq))
    }
}

impl Toml {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => {
                if self.basic(s, e) {
                    return true;
                }
                self.key_eq(s, e, Tok::Punctuation, Some(St::Value))
            }
            St::Value => {
                if s.at(0) == Some(b'\n') {
                    e.tok(Tok::Text, s.take(1));
                    self.stack.pop();
                    return true;
                }
                self.content(s, e)
            }
            St::Array | St::Inline => {
                if self.content(s, e) {
                    return true;
                }
                let close = if self.stack.top() == St::Array {
                    b']'
                } else {
                    b'}'
                };
                if s.at(0) != Some(close) {
                    return false;
                }
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.pop();
                true
            }
            St::Dq | St::Sq => self.line_string(s, e),
            St::Mdq | St::Msq => self.multiline_string(s, e),
        }
    }

    /// `(key)(\s*)(=)`: the key as a property, then `=` as `eq_tok`, then `next` if any.
    fn key_eq(
        &mut self,
        s: &mut Scan<'_>,
        e: &mut Emitter<'_>,
        eq_tok: Tok,
        next: Option<St>,
    ) -> bool {
        let Some((n, eq)) = self.ahead.key(s, false) else {
            return false;
        };
        e.tok(Tok::NameProperty, s.take(n));
        let ws = eq - s.pos;
        e.tok(Tok::Text, s.take(ws));
        e.tok(eq_tok, s.take(1));
        if let Some(next) = next {
            self.stack.push(next);
        }
        true
    }

    /// rouge's `basic`.
    fn basic(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
            return true;
        }
        if s.at(0) == Some(b'#') {
            let n = s.to_eol(0);
            e.tok(Tok::Comment, s.take(n));
            return true;
        }
        if let Some(w) = ["true", "false"].into_iter().find(|w| s.starts(w)) {
            e.tok(Tok::KeywordConstant, s.take(w.len()));
            return true;
        }
        if let Some((n, eq)) = self.ahead.key(s, true) {
            e.tok(Tok::NameNamespace, s.take(n));
            let ws = eq - s.pos;
            e.tok(Tok::Text, s.take(ws));
            e.tok(Tok::Operator, s.take(1));
            let ws = s.run(0, is_ruby_space);
            e.tok(Tok::Text, s.take(ws));
            e.tok(Tok::Punctuation, s.take(1));
            self.stack.push(St::Inline);
            return true;
        }
        if s.at(0) == Some(b'[') && s.run(1, |c| !is_ruby_space(c)) > 0 {
            let run = self.ahead.run(s);
            if let Some(close) = run.last_bracket.filter(|&b| b > s.pos + 1) {
                let n = close + 1 - s.pos;
                e.tok(Tok::NameNamespace, s.take(n));
                return true;
            }
        }
        if let Some((n, tok)) = number(s) {
            e.tok(tok, s.take(n));
            return true;
        }
        false
    }

    /// rouge's `content`: `basic`, keys, strings, escapes, commas and arrays.
    fn content(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.basic(s, e) || self.key_eq(s, e, Tok::Punctuation, None) {
            return true;
        }
        let (n, next) = if s.starts("\"\"\"") {
            (3, St::Mdq)
        } else if s.starts("'''") {
            (3, St::Msq)
        } else {
            match s.at(0) {
                Some(b'"') => (1, St::Dq),
                Some(b'\'') => (1, St::Sq),
                Some(b'\\') => return escape(s, e),
                Some(b',') => {
                    e.tok(Tok::Punctuation, s.take(1));
                    return true;
                }
                Some(b'[') => {
                    e.tok(Tok::Punctuation, s.take(1));
                    self.stack.push(St::Array);
                    return true;
                }
                _ => return false,
            }
        };
        e.tok(Tok::Str, s.take(n));
        self.stack.push(next);
        true
    }

    /// `dq` and `sq`: strings that end at their quote or, in error, at the line end.
    fn line_string(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let dq = self.stack.top() == St::Dq;
        let q = if dq { b'"' } else { b'\'' };
        match s.at(0) {
            Some(c) if c == q => {
                e.tok(Tok::Str, s.take(1));
                self.stack.pop();
                true
            }
            Some(b'\n') => {
                e.tok(Tok::Error, s.take(1));
                self.stack.pop();
                true
            }
            Some(b'\\') if dq => escape(s, e),
            _ => {
                let n = if dq {
                    s.run(0, |c| c != b'"' && c != b'\\' && c != b'\n')
                } else {
                    s.run(0, |c| c != b'\'' && c != b'\n')
                };
                e.tok(Tok::Str, s.take(n));
                n > 0
            }
        }
    }

    /// `mdq` and `msq`: strings that end at three quotes.
    fn multiline_string(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let dq = self.stack.top() == St::Mdq;
        let (q, close) = if dq { (b'"', "\"\"\"") } else { (b'\'', "'''") };
        if s.starts(close) {
            e.tok(Tok::Str, s.take(3));
            self.stack.pop();
            return true;
        }
        if dq && s.at(0) == Some(b'\\') {
            return escape(s, e);
        }
        let n = if s.at(0) == Some(q) {
            s.run(0, if dq { is_dq } else { is_sq })
        } else if dq {
            s.run(0, |c| c != b'"' && c != b'\\')
        } else {
            s.run(0, |c| c != b'\'')
        };
        e.tok(Tok::Str, s.take(n));
        true
    }
}

fn is_dq(c: u8) -> bool {
    c == b'"'
}

fn is_sq(c: u8) -> bool {
    c == b'\''
}

/// rouge's `esc_str`: `\\[0t\tn\n "\\r]`.
fn escape(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    if s.at(0) == Some(b'\\') && s.at(1).is_some_and(|c| b"0t\tn\n \"\\r".contains(&c)) {
        e.tok(Tok::StrEscape, s.take(2));
        return true;
    }
    false
}

/// `\d+(?:_\d+)*` at `pos + k`: its length (0 if no digit).
fn digits(s: &Scan<'_>, k: usize, class: fn(u8) -> bool) -> usize {
    let mut n = s.run(k, class);
    if n == 0 {
        return 0;
    }
    while s.at(k + n) == Some(b'_') {
        let more = s.run(k + n + 1, class);
        if more == 0 {
            break;
        }
        n += 1 + more;
    }
    n
}

fn dec(c: u8) -> bool {
    c.is_ascii_digit()
}

/// A date (`YYYY-MM-DDTHH:MM:SSZ`) or a number, in rouge's order: its length and token.
fn number(s: &Scan<'_>) -> Option<(usize, Tok)> {
    let shape = b"dddd-dd-ddTdd:dd:ddZ";
    let date = shape.iter().enumerate().all(|(i, &c)| match c {
        b'd' => s.at(i).is_some_and(|b| b.is_ascii_digit()),
        _ => s.at(i) == Some(c),
    });
    if date {
        return Some((shape.len(), Tok::LiteralDate));
    }
    let sign = usize::from(matches!(s.at(0), Some(b'+' | b'-')));
    let int = digits(s, sign, dec);
    let exponent = |k: usize| {
        if !matches!(s.at(k), Some(b'e' | b'E')) {
            return 0;
        }
        let sign = usize::from(matches!(s.at(k + 1), Some(b'+' | b'-')));
        match digits(s, k + 1 + sign, dec) {
            0 => 0,
            d => 1 + sign + d,
        }
    };
    if int > 0 && s.at(sign + int) == Some(b'.') {
        let frac = digits(s, sign + int + 1, dec);
        if frac > 0 {
            let n = sign + int + 1 + frac;
            return Some((n + exponent(n), Tok::NumFloat));
        }
    }
    if int > 0 && exponent(sign + int) > 0 {
        return Some((sign + int + exponent(sign + int), Tok::NumFloat));
    }
    if s.rest()[sign..].starts_with("nan") || s.rest()[sign..].starts_with("inf") {
        return Some((sign + 3, Tok::NumFloat));
    }
    for (prefix, class, tok) in [
        (
            "0x",
            (|c: u8| c.is_ascii_hexdigit()) as fn(u8) -> bool,
            Tok::NumHex,
        ),
        ("0o", |c: u8| (b'0'..=b'7').contains(&c), Tok::NumOct),
        ("0b", |c: u8| c == b'0' || c == b'1', Tok::NumBin),
    ] {
        if s.starts(prefix) {
            let n = digits(s, 2, class);
            if n > 0 {
                return Some((2 + n, tok));
            }
        }
    }
    (int > 0).then_some((sign + int, Tok::NumInteger))
}
