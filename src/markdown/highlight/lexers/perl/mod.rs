//! Perl, as rouge 3.30's `Perl` lexer (`lexers/perl.rb`, tag `perl`, alias `pl`). Its states:
//! `root`, `balanced_regex` (after `m{`, `s{…}`: one delimited part and its flags), `format`
//! (a `format NAME =` body up to its `.` line), `fat_comma` (a word before `=>`), `varname`
//! and `name` (with `name_common`), `modulename`, `funcname` (after `sub`), the strings `sq`,
//! `dq` and `bq` (with `string_intp` and `in_interp`), the bracketed `q…` strings
//! (`cb_string`, `rb_string`, `sb_string`, `lt_string`, nesting), and `end_part` after
//! `__END__`. Some of rouge's rules never match, an earlier one always taking their text (the
//! look-behind regex after `=~` or `(`, which rouge's scanner cannot see behind; `<…>`,
//! `package` (a builtin first) and so `modulename`, `Name::Constant`, most two-character
//! operators); they are left out.

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Finder, Scan, States},
    token::Tok,
};
use quote::Delimiters;
use words::*;

mod quote;
mod strings;
mod words;

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    BalancedRegex,
    Format,
    FatComma,
    Varname,
    Name,
    Funcname,
    Sq,
    Dq,
    Bq,
    InInterp,
    /// A bracketed `q…` string: its opening and closing bracket.
    Bracketed(u8, u8),
    EndPart,
}

struct Perl<'c> {
    code: &'c str,
    delimiters: Delimiters,
    /// The lines that end in `\n`, by a hash of their text, with where each starts, sorted:
    /// where a heredoc's end is.
    lines: Option<Vec<(u32, u32)>>,
    pod_ends: Finder,
    /// Where a `\N{` escape's `}` is.
    name_ends: Finder,
    braces: Finder,
    line_ends: Finder,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut stack = States::new(St::Root);
    let mut p = Perl {
        code,
        delimiters: Delimiters::default(),
        lines: None,
        pod_ends: Finder::default(),
        name_ends: Finder::default(),
        braces: Finder::default(),
        line_ends: Finder::default(),
    };
    run_states(code, e, |s, e| match stack.top() {
        St::Root => p.root(s, e, &mut stack),
        St::BalancedRegex => p.balanced_regex(s, e, &mut stack),
        St::Format => format_line(s, e, &mut stack),
        St::FatComma => fat_comma(s, e, &mut stack),
        St::Varname => varname(s, e, &mut stack),
        St::Name => name(s, e, &mut stack),
        St::Funcname => p.funcname(s, e, &mut stack),
        St::Sq => strings::sq(s, e, &mut stack),
        St::Dq => strings::dq(s, e, &mut stack, &mut p.name_ends),
        St::Bq => strings::bq(s, e, &mut stack),
        St::InInterp => strings::in_interp(s, e, &mut stack),
        St::Bracketed(open, close) => strings::bracketed(s, e, &mut stack, open, close),
        St::EndPart => {
            let n = s.rest().len();
            e.tok(Tok::CommentPreproc, s.take(n));
            stack.pop();
            true
        }
    });
}

/// The character at `pos + k`, if any.
fn char_at(s: &Scan<'_>, k: usize) -> Option<char> {
    s.src.get(s.pos + k..).and_then(|r| r.chars().next())
}

/// `[^\w\s]` (ASCII `\w` and `\s`, as Ruby's): a character that may delimit a quote-like.
fn is_delimiter(c: char) -> bool {
    !(c.is_ascii() && (is_ruby_word(c as u8) || is_ruby_space(c as u8)))
}

/// A run of flags from `flags` at `pos + k`: its length.
fn flags(s: &Scan<'_>, k: usize, flags: &[u8]) -> usize {
    s.src.as_bytes()[s.pos + k..]
        .iter()
        .take_while(|c| flags.contains(c))
        .count()
}

const M_FLAGS: &[u8] = b"msixpodualngc";
const S_FLAGS: &[u8] = b"msixpodualngcr";
const BALANCED_FLAGS: &[u8] = b"egimosx";

impl<'c> Perl<'c> {
    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
        let Some(b) = s.at(0) else { return false };
        if b == b'#' {
            let n = s.to_eol(0);
            e.tok(Tok::CommentSingle, s.take(n));
            return true;
        }
        if b == b'=' && s.bol() && self.pod(s, e) {
            return true;
        }
        let word = s.unicode_word(0);
        if in_words(KEYWORDS, word) {
            e.tok(Tok::Keyword, s.take(word.len()));
            return true;
        }
        if word.starts_with("format") && format_header(s, e) {
            stack.push(St::Format);
            return true;
        }
        if in_words(WORD_OPERATORS, word) {
            e.tok(Tok::OperatorWord, s.take(word.len()));
            return true;
        }
        if self.substitution(s, e, stack) || self.matching(s, e, stack) {
            return true;
        }
        let n = s.run(0, is_ruby_space);
        if n > 0 {
            e.tok(Tok::Text, s.take(n));
            return true;
        }
        if fat_comma_ahead(s) {
            stack.push(St::FatComma);
            return true;
        }
        if in_words(BUILTINS, word) {
            e.tok(Tok::NameBuiltin, s.take(word.len()));
            return true;
        }
        if in_words(PSEUDO, word) {
            e.tok(Tok::NameBuiltinPseudo, s.take(word.len()));
            return true;
        }
        if b == b'<' && self.heredoc(s, e) {
            return true;
        }
        if word == "__END__" || word == "__DATA__" {
            e.tok(Tok::CommentPreproc, s.take(word.len()));
            stack.push(St::EndPart);
            return true;
        }
        self.symbols(s, e, stack)
    }

    /// `^=[a-zA-Z0-9]+\s+.*?\n=cut`: POD up to its `=cut`.
    fn pod(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let w = s.run(1, |c| c.is_ascii_alphanumeric());
        let ws = s.run(1 + w, is_ruby_space);
        if w == 0 || ws == 0 {
            return false;
        }
        // `\s+` takes all the spaces first, giving back their last (a `\n` before `=cut`) only
        // when no `\n=cut` follows them.
        let after = s.pos + 1 + w + ws;
        let found = self.pod_ends.find(s.src, "\n=cut", after);
        let given_back = (ws > 1 && s.src[after - 1..].starts_with("\n=cut")).then_some(after - 1);
        let Some(at) = found.or(given_back) else {
            return false;
        };
        let n = at + 5 - s.pos;
        e.tok(Tok::CommentMultiline, s.take(n));
        true
    }

    /// `s`, `tr`, `y`: with brackets (then `balanced_regex`), with any other delimiter, or
    /// with a word character after spaces.
    fn substitution(
        &mut self,
        s: &mut Scan<'_>,
        e: &mut Emitter<'_>,
        stack: &mut States<St>,
    ) -> bool {
        let pre = match s.at(0) {
            Some(b's' | b'y') => 1,
            Some(b't') if s.at(1) == Some(b'r') => 2,
            _ => return false,
        };
        let close = match s.at(pre) {
            Some(b'{') => Some('}'),
            Some(b'<') => Some('>'),
            Some(b'[') => Some(']'),
            Some(b'(') => Some(')'),
            _ => None,
        };
        if let Some(close) = close {
            if let Some(at) = self
                .delimiters
                .close(s.src, s.pos + pre + 1, close, s.src.len())
            {
                let k = at + 1 - s.pos;
                let n = k + s.run(k, is_ruby_space);
                e.tok(Tok::StrRegex, s.take(n));
                stack.push(St::BalancedRegex);
                return true;
            }
        }
        let ws = s.run(pre, is_ruby_space);
        let Some(delim) = char_at(s, pre + ws) else {
            return false;
        };
        let usable = if is_delimiter(delim) {
            true
        } else {
            ws > 0 && is_ruby_word(delim as u8)
        };
        if !usable {
            return false;
        }
        let from = s.pos + pre + ws + delim.len_utf8();
        let Some(at) = self.delimiters.two_parts(s.src, from, delim) else {
            return false;
        };
        let k = at + delim.len_utf8() - s.pos;
        let n = k + flags(s, k, S_FLAGS);
        e.tok(Tok::StrRegex, s.take(n));
        true
    }

    /// `m?/…/` on one line, `m` before a bracket or `/!\@%$` (then `balanced_regex`), `m` with
    /// any other delimiter, or with a word character after spaces.
    fn matching(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
        let m = usize::from(s.at(0) == Some(b'm'));
        if s.at(m) == Some(b'/') {
            let eol = s.pos + m + 1 + s.to_eol(m + 1);
            if let Some(at) = self.delimiters.close(s.src, s.pos + m + 1, '/', eol) {
                let k = at + 1 - s.pos;
                let n = k + flags(s, k, M_FLAGS);
                e.tok(Tok::StrRegex, s.take(n));
                return true;
            }
        }
        if m == 0 {
            return false;
        }
        if s.at(1).is_some_and(|c| b"/!\\{<[(@%$".contains(&c)) {
            e.tok(Tok::StrRegex, s.take(1));
            stack.push(St::BalancedRegex);
            return true;
        }
        let ws = s.run(1, is_ruby_space);
        let Some(delim) = char_at(s, 1 + ws) else {
            return false;
        };
        if !(is_delimiter(delim) || (ws > 0 && is_ruby_word(delim as u8))) {
            return false;
        }
        let from = s.pos + 1 + ws + delim.len_utf8();
        let Some(at) = self.delimiters.lazy_close(s.src, from, delim) else {
            return false;
        };
        let k = at + delim.len_utf8() - s.pos;
        let n = k + flags(s, k, M_FLAGS);
        e.tok(Tok::StrRegex, s.take(n));
        true
    }

    /// `<<([\'"]?)([a-zA-Z_][a-zA-Z0-9_]*)\1;?\n.*?\n\2\n`: a heredoc, body and end word and
    /// all, one string.
    fn heredoc(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(1) != Some(b'<') {
            return false;
        }
        let quote = usize::from(matches!(s.at(2), Some(b'\'' | b'"')));
        let k = 2 + quote;
        if !s
            .at(k)
            .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
        {
            return false;
        }
        let tag_len = s.run(k, is_ruby_word);
        let mut after = k + tag_len;
        if quote == 1 {
            if s.at(after) != s.at(2) {
                return false;
            }
            after += 1;
        }
        after += usize::from(s.at(after) == Some(b';'));
        if s.at(after) != Some(b'\n') {
            return false;
        }
        let tag = &s.rest()[k..k + tag_len];
        let body = s.pos + after + 1;
        let Some(end) = self.line_at_or_after(tag, body + 1) else {
            return false;
        };
        let n = end + tag_len + 1 - s.pos;
        e.tok(Tok::Str, s.take(n));
        true
    }

    /// Where the first line that is exactly `text` (and ends in `\n`) starts, at or after
    /// `from`.
    fn line_at_or_after(&mut self, text: &str, from: usize) -> Option<usize> {
        let code = self.code;
        let lines = self.lines.get_or_insert_with(|| {
            let mut lines: Vec<(u32, u32)> = Vec::new();
            let mut start = 0;
            for (i, b) in code.bytes().enumerate() {
                if b == b'\n' {
                    lines.push((line_hash(&code[start..i]), quote::offset(start)));
                    start = i + 1;
                }
            }
            lines.sort_unstable();
            lines
        });
        let hash = line_hash(text);
        let first = lines.partition_point(|&l| l < (hash, quote::offset(from)));
        lines[first..]
            .iter()
            .take_while(|&&(h, _)| h == hash)
            .map(|&(_, at)| at as usize)
            .find(|&at| {
                code[at..]
                    .strip_prefix(text)
                    .is_some_and(|r| r.starts_with('\n'))
            })
    }

    /// Variables, operators, numbers, strings, `q…` strings, `sub`, punctuation, names.
    fn symbols(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
        if variable(s, e, stack) {
            return true;
        }
        let b = s.at(0).unwrap_or(0);
        if b"-+/*%=<>&^|!\\~".contains(&b) {
            let n = 1 + usize::from(s.at(1) == Some(b'='));
            e.tok(Tok::Operator, s.take(n));
            return true;
        }
        if let Some((tok, n)) = number(s) {
            e.tok(tok, s.take(n));
            return true;
        }
        let quote = match b {
            b'\'' => Some(St::Sq),
            b'"' => Some(St::Dq),
            b'`' => Some(St::Bq),
            _ => None,
        };
        if let Some(state) = quote {
            e.tok(Tok::Punctuation, s.take(1));
            stack.push(state);
            return true;
        }
        if b == b'q' && self.q_string(s, e, stack) {
            return true;
        }
        if s.starts("sub") {
            let ws = s.run(3, is_ruby_space);
            if ws > 0 {
                e.tok(Tok::Keyword, s.take(3 + ws));
                stack.push(St::Funcname);
                return true;
            }
        }
        let n = if s.starts("[]") || s.starts("::") {
            2
        } else if b == b'.' {
            s.run(0, |c| c == b'.').min(3)
        } else {
            0
        };
        if n > 0 {
            e.tok(Tok::Operator, s.take(n));
            return true;
        }
        if b"()[]:;,<>/?{}".contains(&b) {
            e.tok(Tok::Punctuation, s.take(1));
            return true;
        }
        if is_ruby_word(b) {
            stack.push(St::Name);
            return true;
        }
        false
    }

    /// `(q|qq|qw|qr|qx)` before a bracket (a nesting string) or any other non-word character
    /// (up to its next one).
    fn q_string(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
        // `\W`: not an ASCII word character.
        let non_word =
            |k: usize| char_at(s, k).is_some_and(|c| !(c.is_ascii() && is_ruby_word(c as u8)));
        let pre = if non_word(1) {
            1
        } else if matches!(s.at(1), Some(b'q' | b'w' | b'r' | b'x')) && non_word(2) {
            2
        } else {
            return false;
        };
        let bracket = match s.at(pre) {
            Some(b'{') => Some((b'{', b'}')),
            Some(b'(') => Some((b'(', b')')),
            Some(b'[') => Some((b'[', b']')),
            Some(b'<') => Some((b'<', b'>')),
            _ => None,
        };
        if let Some((open, close)) = bracket {
            e.tok(Tok::StrOther, s.take(pre + 1));
            stack.push(St::Bracketed(open, close));
            return true;
        }
        let Some(delim) = char_at(s, pre) else {
            return false;
        };
        let from = s.pos + pre + delim.len_utf8();
        let Some(at) = self.delimiters.next(s.src, delim, from) else {
            return false;
        };
        let n = at + delim.len_utf8() - s.pos;
        e.tok(Tok::StrOther, s.take(n));
        true
    }

    fn balanced_regex(
        &mut self,
        s: &mut Scan<'_>,
        e: &mut Emitter<'_>,
        stack: &mut States<St>,
    ) -> bool {
        let Some(open) = s.at(0) else { return false };
        let from = s.pos + 1;
        let end = match open {
            b'/' | b'!' | b'@' | b'%' | b'$' => {
                self.delimiters
                    .close(s.src, from, open as char, s.src.len())
            }
            b'\\' => self.delimiters.backslash_close(s.src, from),
            b'{' => self.delimiters.close(s.src, from, '}', s.src.len()),
            b'<' => self.delimiters.close(s.src, from, '>', s.src.len()),
            b'[' => self.delimiters.close(s.src, from, ']', s.src.len()),
            b'(' => self.delimiters.close(s.src, from, ')', s.src.len()),
            _ => None,
        };
        let Some(at) = end else { return false };
        let k = at + 1 - s.pos;
        let n = k + flags(s, k, BALANCED_FLAGS);
        e.tok(Tok::StrRegex, s.take(n));
        stack.pop();
        true
    }

    fn funcname(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
        let b = s.at(0).unwrap_or(0);
        if b.is_ascii_alphabetic() || b == b'_' {
            let n = 1 + s.run(1, is_ruby_word);
            let n = n + usize::from(matches!(s.at(n), Some(b'!' | b'?')));
            e.tok(Tok::NameFunction, s.take(n));
            return true;
        }
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
            return true;
        }
        if b == b'(' {
            let sig = s.run(1, |c| matches!(c, b'$' | b'@' | b'%'));
            if s.at(1 + sig) == Some(b')') {
                e.tok(Tok::Punctuation, s.take(2 + sig));
                let ws = s.run(0, is_ruby_space);
                e.tok(Tok::Text, s.take(ws));
                return true;
            }
        }
        let brace = self.braces.find(s.src, "{", s.pos);
        let eol = self.line_ends.find(s.src, "\n", s.pos);
        if let Some(at) = brace.filter(|&at| eol.is_none_or(|l| at < l)) {
            let n = at + 1 - s.pos;
            e.tok(Tok::Punctuation, s.take(n));
            stack.pop();
            return true;
        }
        if b == b';' {
            e.tok(Tok::Punctuation, s.take(1));
            stack.pop();
            return true;
        }
        false
    }
}

/// FNV-1a of a line's text: the heredoc index's key (lines with equal keys are compared whole).
fn line_hash(line: &str) -> u32 {
    line.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// `(format)(\s+)([a-zA-Z0-9_]+)(\s*)(=)(\s*\n)`: a format's first line.
fn format_header(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    let ws1 = s.run(6, is_ruby_space);
    let name = s.run(6 + ws1, is_ruby_word);
    if ws1 == 0 || name == 0 {
        return false;
    }
    let k = 6 + ws1 + name;
    let ws2 = s.run(k, is_ruby_space);
    if s.at(k + ws2) != Some(b'=') {
        return false;
    }
    let tail = &s.rest()[k + ws2 + 1..];
    let run = tail.bytes().take_while(|&c| is_ruby_space(c)).count();
    let Some(nl) = tail[..run].rfind('\n') else {
        return false;
    };
    e.tok(Tok::Keyword, s.take(6));
    e.tok(Tok::Text, s.take(ws1));
    e.tok(Tok::Name, s.take(name));
    e.tok(Tok::Text, s.take(ws2));
    e.tok(Tok::Punctuation, s.take(1));
    e.tok(Tok::Text, s.take(nl + 1));
    true
}

/// `format`: each line is interpolation, up to a line that is a lone `.`.
fn format_line(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    if s.starts(".\n") {
        e.tok(Tok::StrInterpol, s.take(2));
        stack.pop();
        return true;
    }
    let n = s.to_eol(0);
    if s.at(n) != Some(b'\n') {
        return false;
    }
    e.tok(Tok::StrInterpol, s.take(n + 1));
    true
}

/// `(?=[a-z_]\w*(\s*#.*\n)*\s*=>)`, case-insensitive: a word, comments, then `=>`.
fn fat_comma_ahead(s: &Scan<'_>) -> bool {
    if !s
        .at(0)
        .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
    {
        return false;
    }
    let mut k = s.run(0, is_ruby_word);
    loop {
        let ws = s.run(k, is_ruby_space);
        if s.at(k + ws) == Some(b'#') {
            let line = s.to_eol(k + ws);
            if s.at(k + ws + line) == Some(b'\n') {
                k += ws + line + 1;
                continue;
            }
        }
        return s.rest()[k + ws..].starts_with("=>");
    }
}

fn fat_comma(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    let (tok, n) = match s.at(0) {
        Some(b'#') => (Tok::CommentSingle, s.to_eol(0)),
        Some(c) if is_ruby_word(c) => (Tok::Str, s.run(0, is_ruby_word)),
        Some(c) if is_ruby_space(c) => (Tok::Text, s.run(0, is_ruby_space)),
        Some(b'=') if s.at(1) == Some(b'>') => {
            stack.pop();
            (Tok::Operator, 2)
        }
        _ => return false,
    };
    e.tok(tok, s.take(n));
    true
}

/// `$^X`, `$` and a punctuation character, and `[$@%&*]` sigils before a name or bracket.
fn variable(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    let Some(b) = s.at(0) else { return false };
    if b == b'$' {
        if s.at(1) == Some(b'^') && s.at(2).is_some_and(|c| b"ADEFHILMOPSTWX".contains(&c)) {
            e.tok(Tok::NameVariableGlobal, s.take(3));
            return true;
        }
        let special = s
            .at(1)
            .is_some_and(|c| b"\\\"'[]&`+*.,;=%~?@$!<>(^|/_-".contains(&c));
        if special && !s.at(2).is_some_and(is_ruby_word) {
            e.tok(Tok::NameVariableGlobal, s.take(2));
            return true;
        }
    }
    if !b"$@%&*".contains(&b) {
        return false;
    }
    let n = 1 + s.run(1, |c| b"$@%&*#_".contains(&c));
    if !s
        .at(n)
        .is_some_and(|c| c.is_ascii_alphabetic() || b"{[;".contains(&c))
    {
        return false;
    }
    e.tok(Tok::NameVariable, s.take(n));
    stack.push(St::Varname);
    true
}

/// `\w+::` (stays) or `[\w:]+` (pops): the rules `varname` and `name` share.
fn name_common(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    let w = s.run(0, is_ruby_word);
    if w > 0 && s.rest()[w..].starts_with("::") {
        e.tok(Tok::NameNamespace, s.take(w + 2));
        return true;
    }
    let n = s.run(0, |c| is_ruby_word(c) || c == b':');
    if n == 0 {
        return false;
    }
    e.tok(Tok::NameVariable, s.take(n));
    stack.pop();
    true
}

fn varname(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    let ws = s.run(0, is_ruby_space);
    if ws > 0 {
        e.tok(Tok::Text, s.take(ws));
        return true;
    }
    if s.at(0).is_some_and(|c| b"{[),;".contains(&c)) {
        e.tok(Tok::Punctuation, s.take(1));
        stack.pop();
        return true;
    }
    name_common(s, e, stack)
}

fn name(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    if !name_common(s, e, stack) {
        stack.pop();
    }
    true
}

/// `[\d_]*` then `\.\d[\d_]*` at `pos`, with an optional exponent: rouge's first float rule.
fn fraction_float(s: &Scan<'_>) -> Option<usize> {
    let lead = s.run(0, |c| c.is_ascii_digit() || c == b'_');
    if s.at(lead) != Some(b'.') || !s.at(lead + 1).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let n = lead + 1 + s.run(lead + 1, |c| c.is_ascii_digit() || c == b'_');
    Some(n + exponent(s, n).unwrap_or(0))
}

/// `e[+-]?\d+` (either case) at `pos + k`.
fn exponent(s: &Scan<'_>, k: usize) -> Option<usize> {
    if !matches!(s.at(k), Some(b'e' | b'E')) {
        return None;
    }
    let sign = usize::from(matches!(s.at(k + 1), Some(b'+' | b'-')));
    match s.run(k + 1 + sign, |c| c.is_ascii_digit()) {
        0 => None,
        d => Some(1 + sign + d),
    }
}

/// `[class]+(_[class]+)*` at `pos + k`: its length, 0 if none.
fn grouped(s: &Scan<'_>, k: usize, class: fn(u8) -> bool) -> usize {
    let mut n = s.run(k, class);
    if n == 0 {
        return 0;
    }
    while s.at(k + n) == Some(b'_') && s.at(k + n + 1).is_some_and(class) {
        n += 1 + s.run(k + n + 1, class);
    }
    n
}

/// rouge's number rules in order: octal, hexadecimal, binary, the two floats, integers.
fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let oct = |c: u8| (b'0'..=b'7').contains(&c);
    if s.at(0) == Some(b'0') {
        let u = usize::from(s.at(1) == Some(b'_'));
        let n = grouped(s, 1 + u, oct);
        if n > 0 {
            return Some((Tok::NumOct, 1 + u + n));
        }
        for (mark, tok, class) in [
            (
                b'x',
                Tok::NumHex,
                (|c: u8| c.is_ascii_hexdigit()) as fn(u8) -> bool,
            ),
            (b'b', Tok::NumBin, |c: u8| c == b'0' || c == b'1'),
        ] {
            let n = if s.at(1) == Some(mark) {
                grouped(s, 2, class)
            } else {
                0
            };
            if n > 0 {
                return Some((tok, 2 + n));
            }
        }
    }
    if let Some(n) = fraction_float(s) {
        return Some((Tok::NumFloat, n));
    }
    let d = s.run(0, |c| c.is_ascii_digit());
    if d == 0 {
        return None;
    }
    let mantissa = d + s.run(d, |c| c.is_ascii_digit() || c == b'_');
    if let Some(x) = exponent(s, mantissa) {
        let n = mantissa + x;
        return Some((
            Tok::NumFloat,
            n + s.run(n, |c| c.is_ascii_digit() || c == b'_'),
        ));
    }
    Some((Tok::NumInteger, grouped(s, 0, |c| c.is_ascii_digit())))
}
