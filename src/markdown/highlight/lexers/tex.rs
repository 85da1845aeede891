//! TeX and LaTeX, as rouge 3.30's `TeX` lexer (`lexers/tex.rb`, tag `tex`, aliases `TeX`,
//! `LaTeX`, `latex`). Its states: `root` (math openers, `\begin{…}`/`\end{…}`, `\verb`,
//! commands, rouge's `general` rules: comments and special characters; text), `command` (a
//! command's `[options]` and `*`), `inlinemath` and `displaymath` (rouge's `math` rules:
//! commands as variables, numbers, operators, the rest as builtins).

use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{run_states, Finder, Scan, States},
    token::Tok,
};
use crate::markdown::unicode::is_word;

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Command,
    InlineMath,
    DisplayMath,
}

/// The forward searches of the rules that must close on their line, remembered so that lines
/// of unclosed ones stay linear (one finder for each `\verb` delimiter met).
#[derive(Default)]
struct Ahead {
    lines: Finder,
    braces: Finder,
    brackets: Finder,
    delimiters: Vec<(char, Finder)>,
}

impl Ahead {
    /// Where `pat` next occurs from `from` on, if before the end of the line.
    fn on_line(
        finder: &mut Finder,
        lines: &mut Finder,
        src: &str,
        pat: &str,
        from: usize,
    ) -> Option<usize> {
        let at = finder.find(src, pat, from)?;
        let eol = lines.find(src, "\n", from);
        eol.is_none_or(|l| at < l).then_some(at)
    }
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut stack = States::new(St::Root);
    let mut ahead = Ahead::default();
    run_states(code, e, |s, e| match stack.top() {
        St::Root => root(s, e, &mut stack, &mut ahead),
        St::Command => command(s, e, &mut stack, &mut ahead),
        St::InlineMath | St::DisplayMath => math(s, e, &mut stack),
    });
}

/// rouge's `command`, `\\([a-z]+|\s+|.)` in any case, at `pos`: its length.
fn command_len(s: &Scan<'_>) -> Option<usize> {
    if s.at(0) != Some(b'\\') {
        return None;
    }
    let letters = s.run(1, |c| c.is_ascii_alphabetic());
    let spaces = s.run(1, is_ruby_space);
    let n = if letters > 0 {
        letters
    } else if spaces > 0 {
        spaces
    } else {
        s.dot(1)
    };
    (n > 0).then_some(1 + n)
}

/// rouge's `general`: `%` comments and the characters `{}&_^`.
fn general(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    match s.at(0) {
        Some(b'%') => {
            let n = s.to_eol(0);
            e.tok(Tok::Comment, s.take(n));
        }
        Some(b'{' | b'}' | b'&' | b'_' | b'^') => e.tok(Tok::Punctuation, s.take(1)),
        _ => return false,
    }
    true
}

fn root(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>, ahead: &mut Ahead) -> bool {
    let math = if s.starts("\\[") || s.starts("$$") {
        Some((2, St::DisplayMath))
    } else if s.starts("\\(") {
        Some((2, St::InlineMath))
    } else if s.starts("$") {
        Some((1, St::InlineMath))
    } else {
        None
    };
    if let Some((n, next)) = math {
        e.tok(Tok::Punctuation, s.take(n));
        stack.push(next);
        return true;
    }
    for word in ["\\begin{", "\\end{"] {
        if s.starts(word) {
            let from = s.pos + word.len();
            if let Some(close) =
                Ahead::on_line(&mut ahead.braces, &mut ahead.lines, s.src, "}", from)
            {
                let n = close + 1 - s.pos;
                e.tok(Tok::NameTag, s.take(n));
                return true;
            }
        }
    }
    if verb(s, e, ahead) {
        return true;
    }
    if let Some(n) = command_len(s) {
        e.tok(Tok::Keyword, s.take(n));
        stack.push(St::Command);
        return true;
    }
    if general(s, e) {
        return true;
    }
    let n = s.run(0, |c| !b"\\$%&_^{}".contains(&c));
    e.tok(Tok::Text, s.take(n));
    n > 0
}

/// `(\\verb)\b(\S)(.*?)(\2)`: `\verb`, a delimiter, text on the same line, the delimiter again.
fn verb(s: &mut Scan<'_>, e: &mut Emitter<'_>, ahead: &mut Ahead) -> bool {
    if !s.starts("\\verb") || !s.boundary(s.pos + 5) {
        return false;
    }
    let Some(d) = s.rest()[5..]
        .chars()
        .next()
        .filter(|c| !(c.is_ascii() && is_ruby_space(*c as u8)))
    else {
        return false;
    };
    if is_word(d) {
        return false;
    }
    let i = match ahead.delimiters.iter().position(|(c, _)| *c == d) {
        Some(i) => i,
        None => {
            ahead.delimiters.push((d, Finder::default()));
            ahead.delimiters.len() - 1
        }
    };
    let from = s.pos + 5 + d.len_utf8();
    let mut buf = [0; 4];
    let pat: &str = d.encode_utf8(&mut buf);
    let Some(close) = Ahead::on_line(
        &mut ahead.delimiters[i].1,
        &mut ahead.lines,
        s.src,
        pat,
        from,
    ) else {
        return false;
    };
    e.tok(Tok::NameBuiltin, s.take(5));
    e.tok(Tok::KeywordPseudo, s.take(d.len_utf8()));
    let n = close - s.pos;
    e.tok(Tok::StrOther, s.take(n));
    e.tok(Tok::KeywordPseudo, s.take(d.len_utf8()));
    true
}

fn command(
    s: &mut Scan<'_>,
    e: &mut Emitter<'_>,
    stack: &mut States<St>,
    ahead: &mut Ahead,
) -> bool {
    if s.at(0) == Some(b'[') {
        if let Some(close) =
            Ahead::on_line(&mut ahead.brackets, &mut ahead.lines, s.src, "]", s.pos + 1)
        {
            let n = close + 1 - s.pos;
            e.tok(Tok::NameAttribute, s.take(n));
            return true;
        }
    }
    if s.at(0) == Some(b'*') {
        e.tok(Tok::Keyword, s.take(1));
        return true;
    }
    stack.pop();
    true
}

fn math(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    let display = stack.top() == St::DisplayMath;
    let close = if display {
        ["\\]", "$$"].into_iter().find(|c| s.starts(c))
    } else {
        ["\\)", "$"].into_iter().find(|c| s.starts(c))
    };
    if let Some(c) = close {
        e.tok(Tok::Punctuation, s.take(c.len()));
        stack.pop();
        return true;
    }
    if display && s.at(0) == Some(b'$') {
        e.tok(Tok::NameBuiltin, s.take(1));
        return true;
    }
    if let Some(n) = command_len(s) {
        e.tok(Tok::NameVariable, s.take(n));
        return true;
    }
    if general(s, e) {
        return true;
    }
    let Some(b) = s.at(0) else { return false };
    let (tok, n) = if b.is_ascii_digit() {
        (Tok::Number, s.run(0, |c| c.is_ascii_digit()))
    } else if b"-=!+*/()[]".contains(&b) {
        (Tok::Operator, 1)
    } else {
        (
            Tok::NameBuiltin,
            s.run(0, |c| {
                !b"=!+*/()[]\\$%&_^{}-".contains(&c) && !c.is_ascii_digit()
            }),
        )
    };
    e.tok(tok, s.take(n));
    n > 0
}
