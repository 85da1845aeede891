//! C#, as rouge 3.30's `CSharp` lexer (`lexers/csharp.rb`, tag `csharp`, aliases `c#`, `cs`).
//! Its states: `root`, `class` and `namespace` (the name after those keywords), the
//! interpolated strings `splice_string` (`$"…"`) and `splice_literal` (`$@"…"`), and `nest`
//! (an interpolation's braces). Numbers are one digit at a time (merged into one token).

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, lazy_quoted_ends, run_states, Finder, Scan, States},
    token::Tok,
};

const KEYWORDS: &str = "abstract add alias as ascending async await base break by case catch \
    checked const continue default delegate descending do else enum equals event explicit extern \
    false finally fixed for foreach from get global goto group if implicit in interface internal \
    into is join let lock nameof new null on operator orderby out override params partial private \
    protected public readonly ref remove return sealed select set sizeof stackalloc static switch \
    this throw true try typeof unchecked unsafe value virtual void volatile where while yield";

const TYPES: &str = "bool byte char decimal double dynamic float int long object sbyte short \
    string uint ulong ushort var";

const PREPROCESSOR: &str =
    "define elif else endif endregion error if line pragma region undef warning";

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Class,
    Namespace,
    Splice,
    SpliceLiteral,
    Nest,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut cs = CSharp {
        stack: States::new(St::Root),
        comments: Finder::default(),
        strings: None,
    };
    run_states(code, e, |s, e| cs.step(s, e));
}

struct CSharp {
    stack: States<St>,
    comments: Finder,
    /// Where a string whose plain reading finds no end ends, from each place of the code's
    /// last line (see `string_end`): the offset of that line's part, and the answers.
    strings: Option<(usize, Vec<Option<usize>>)>,
}

/// `@?[_a-z]\w*` case-insensitively (where Ruby also folds `K` and `ſ` into `[a-z]`): its
/// length at `pos`.
fn ident(s: &Scan<'_>) -> usize {
    let at = usize::from(s.at(0) == Some(b'@'));
    let rest = &s.rest()[at..];
    match rest.chars().next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' || c == '\u{212A}' || c == '\u{17F}' => {
            let first = c.len_utf8();
            at + first + s.run(at + first, is_ruby_word)
        }
        _ => 0,
    }
}

impl CSharp {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e),
            St::Class => {
                if self.whitespace(s, e) {
                    return true;
                }
                match ident(s) {
                    0 => false,
                    n => {
                        e.tok(Tok::NameClass, s.take(n));
                        self.stack.pop();
                        true
                    }
                }
            }
            St::Namespace => {
                if self.whitespace(s, e) {
                    return true;
                }
                if s.at(0) == Some(b'(') {
                    self.stack.pop();
                    return true;
                }
                let mut n = 0;
                loop {
                    let mut t = Scan::new(s.src);
                    t.pos = s.pos + n;
                    let m = if t.at(0) == Some(b'.') { 1 } else { ident(&t) };
                    if m == 0 {
                        break;
                    }
                    n += m;
                }
                if n == 0 {
                    return false;
                }
                e.tok(Tok::NameNamespace, s.take(n));
                self.stack.pop();
                true
            }
            St::Splice | St::SpliceLiteral => self.splice(s, e),
            St::Nest => {
                match s.at(0) {
                    Some(b'{') => self.stack.push(St::Nest),
                    Some(b'}') => self.stack.pop(),
                    _ => return self.root(s, e),
                }
                e.tok(Tok::Punctuation, s.take(1));
                true
            }
        }
    }

    fn whitespace(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.run(0, is_ruby_space);
        if n > 0 {
            e.tok(Tok::Text, s.take(n));
        } else if s.starts("//") {
            let n = s.to_eol(0);
            e.tok(Tok::CommentSingle, s.take(n));
        } else if let Some(end) = s
            .starts("/*")
            .then(|| self.comments.find(s.src, "*/", s.pos + 2))
            .flatten()
        {
            e.tok(Tok::CommentMultiline, s.take(end + 2 - s.pos));
        } else {
            return false;
        }
        true
    }

    fn splice(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let literal = self.stack.top() == St::SpliceLiteral;
        let n = match s.at(0) {
            Some(b'{') => {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.push(St::Nest);
                return true;
            }
            Some(b'"') if literal && s.at(1) == Some(b'"') => 2,
            Some(b'"') => {
                self.stack.pop();
                1
            }
            Some(b'\n') if !literal => {
                self.stack.pop();
                1
            }
            Some(b'\\') if !literal && s.dot(1) > 0 => 1 + s.dot(1),
            _ => s.dot(0),
        };
        if n == 0 {
            return false;
        }
        e.tok(Tok::Str, s.take(n));
        true
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.whitespace(s, e) {
            return true;
        }
        let opened = if s.at(0) != Some(b'$') {
            None
        } else if s.at(1) == Some(b'@') {
            Some((2, St::SpliceLiteral))
        } else {
            Some((1, St::Splice))
        };
        if let Some((k, st)) = opened {
            let ws = s.run(k, is_ruby_space);
            if s.at(k + ws) == Some(b'"') {
                e.tok(Tok::Str, s.take(k + ws + 1));
                self.stack.push(st);
                return true;
            }
        }
        if s.starts("<[") {
            let ws = s.run(2, is_ruby_space);
            let mut t = Scan::new(s.src);
            t.pos = s.pos + 2 + ws;
            let id = ident(&t);
            let label = if id > 0 && t.at(id) == Some(b':') {
                id + 1
            } else {
                0
            };
            e.tok(Tok::Keyword, s.take(2 + ws + label));
            return true;
        }
        if s.starts("]>") {
            e.tok(Tok::Keyword, s.take(2));
            return true;
        }
        let Some(b) = s.at(0) else { return false };
        if b"~!%^&*()+=|[]{}:;,.<>/?-".contains(&b) {
            e.tok(Tok::Punctuation, s.take(1));
            return true;
        }
        if let Some(n) = self.literal(s) {
            let tok = if b == b'\'' { Tok::StrChar } else { Tok::Str };
            e.tok(tok, s.take(n));
            return true;
        }
        if let Some(n) = number(s) {
            e.tok(Tok::Number, s.take(n));
            return true;
        }
        self.words(s, e)
    }

    /// Verbatim and plain strings and characters: their length.
    fn literal(&mut self, s: &Scan<'_>) -> Option<usize> {
        if s.starts("@\"") {
            return verbatim(s);
        }
        match s.at(0)? {
            b'"' => self.string_end(s).map(|end| end + 1 - s.pos),
            b'\'' => {
                // `'(\\.|.)'`: a backslash with the next character, else any one character.
                let escaped = (s.at(1) == Some(b'\\') && s.dot(2) > 0).then(|| 1 + s.dot(2));
                [escaped, Some(s.dot(1))]
                    .into_iter()
                    .flatten()
                    .find(|&n| n > 0 && s.at(1 + n) == Some(b'\''))
                    .map(|n| 2 + n)
            }
            _ => None,
        }
    }

    /// `"(\\.|.)*?["\n]`: the place of the `"` or line end that ends the string at `pos`.
    /// Read plainly (each `\\.` a pair), the first `"` or line end ends it; where the code's
    /// last line has none, rouge backtracks, reading a backslash alone, and the answer from
    /// each place of that line is worked out once, from its end back.
    fn string_end(&mut self, s: &Scan<'_>) -> Option<usize> {
        let b = s.src.as_bytes();
        let mut i = s.pos + 1;
        while i < b.len() {
            match b[i] {
                b'"' | b'\n' => return Some(i),
                b'\\' if i + 1 < b.len() && b[i + 1] != b'\n' => {
                    i += 1 + s.src[i + 1..].chars().next().map_or(1, char::len_utf8);
                }
                _ => i += 1,
            }
        }
        let from = s.pos + 1;
        let stale = self.strings.as_ref().is_none_or(|(start, _)| from < *start);
        if stale {
            self.strings = Some((from, lazy_quoted_ends(&s.src[from..], b'"')));
        }
        let (start, answers) = self.strings.as_ref()?;
        answers
            .get(from - start)
            .copied()
            .flatten()
            .map(|q| start + q)
    }

    fn words(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let w = s.unicode_word(0);
        if w == "class" || w == "struct" || w == "interface" {
            e.tok(Tok::Keyword, s.take(w.len()));
            self.stack.push(St::Class);
            return true;
        }
        if w == "namespace" || w == "using" {
            e.tok(Tok::Keyword, s.take(w.len()));
            self.stack.push(St::Namespace);
            return true;
        }
        if s.bol() && s.at(0) == Some(b'#') {
            let ws = s.run(1, |c| c == b' ' || c == b'\t');
            let mut t = Scan::new(s.src);
            t.pos = s.pos + 1 + ws;
            let directive = t.unicode_word(0);
            let eol = s.to_eol(0);
            if in_words(PREPROCESSOR, directive) && s.at(eol) == Some(b'\n') {
                e.tok(Tok::CommentPreproc, s.take(eol + 1));
                return true;
            }
        }
        if !w.is_empty() && in_words(KEYWORDS, w) {
            e.tok(Tok::Keyword, s.take(w.len()));
            return true;
        }
        if !w.is_empty() && in_words(TYPES, w) {
            e.tok(Tok::KeywordType, s.take(w.len()));
            return true;
        }
        let n = ident(s);
        if n == 0 {
            return false;
        }
        let call = s.at(n + s.run(n, is_ruby_space)) == Some(b'(');
        let tok = if call { Tok::NameFunction } else { Tok::Name };
        e.tok(tok, s.take(n));
        true
    }
}

/// `@"(""|[^"])*"`: up to the first lone quote, else up to the first quote of the last
/// doubled one.
fn verbatim(s: &Scan<'_>) -> Option<usize> {
    let b = s.rest().as_bytes();
    let (mut i, mut last_pair) = (2, None);
    while i < b.len() {
        if b[i] == b'"' {
            if b.get(i + 1) != Some(&b'"') {
                return Some(i + 1);
            }
            last_pair = Some(i);
            i += 2;
        } else {
            i += 1;
        }
    }
    last_pair.map(|q| q + 1)
}

/// `0x[0-9a-f]+[lu]?` and `[0-9]([.][0-9]*)?(e[+-][0-9]+)?[fldu]?`, case-insensitively.
fn number(s: &Scan<'_>) -> Option<usize> {
    let digits = |k: usize| s.run(k, |c| c.is_ascii_digit());
    let suffix = |k: usize, set: &[u8]| usize::from(s.at(k).is_some_and(|c| set.contains(&c)));
    if s.at(0) == Some(b'0') && matches!(s.at(1), Some(b'x' | b'X')) {
        let h = s.run(2, |c| c.is_ascii_hexdigit());
        if h > 0 {
            return Some(2 + h + suffix(2 + h, b"lLuU"));
        }
    }
    if !s.at(0)?.is_ascii_digit() {
        return None;
    }
    let mut n = 1;
    if s.at(1) == Some(b'.') {
        n += 1 + digits(2);
    }
    if matches!(s.at(n), Some(b'e' | b'E'))
        && matches!(s.at(n + 1), Some(b'+' | b'-'))
        && digits(n + 2) > 0
    {
        n += 2 + digits(n + 2);
    }
    Some(n + suffix(n, b"fFlLdDuU"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [KEYWORDS, TYPES, PREPROCESSOR] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
