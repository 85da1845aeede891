//! nginx configuration, as rouge 3.30's `Nginx` lexer (`lexers/nginx.rb`, tag `nginx`). Its
//! states: `root` (`include`, directives), `block` (inside `{ … }`: directives), `statement`
//! (a directive's arguments, to `;` or a block's `{`), and the rules of `base` they share:
//! comments, `on`/`off`, variables, `host:port`, MIME types, sizes, `~ regex`, paths, text.

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{run_states, Scan, States},
    token::Tok,
};

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Block,
    Statement,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut stack = States::new(St::Root);
    run_states(code, e, |s, e| step(s, e, &mut stack));
}

/// rouge's `id`, `[^\s$;{}()#]+`, at `pos + k`: its length.
fn id(s: &Scan<'_>, k: usize) -> usize {
    s.run(k, |c| !is_ruby_space(c) && !b"$;{}()#".contains(&c))
}

fn step(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    match stack.top() {
        St::Root => {
            let ws = s.run(7, is_ruby_space);
            let name = s.run(7 + ws, |c| c != b';' && !is_ruby_space(c));
            if s.starts("include") && ws > 0 && name > 0 {
                e.tok(Tok::Keyword, s.take(7));
                e.tok(Tok::Text, s.take(ws));
                e.tok(Tok::Name, s.take(name));
                return true;
            }
            directive(s, e, stack, Tok::Keyword) || base(s, e)
        }
        St::Block => {
            if s.at(0) == Some(b'}') {
                e.tok(Tok::Punctuation, s.take(1));
                stack.pop();
                return true;
            }
            directive(s, e, stack, Tok::KeywordNamespace) || base(s, e)
        }
        St::Statement => match s.at(0) {
            Some(b'{') => {
                e.tok(Tok::Punctuation, s.take(1));
                stack.goto(St::Block);
                true
            }
            Some(b';') => {
                e.tok(Tok::Punctuation, s.take(1));
                stack.pop();
                true
            }
            _ => base(s, e),
        },
    }
}

fn directive(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>, tok: Tok) -> bool {
    let n = id(s, 0);
    if n == 0 {
        return false;
    }
    e.tok(tok, s.take(n));
    stack.push(St::Statement);
    true
}

/// rouge's `base`.
fn base(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    let Some(b) = s.at(0) else { return false };
    let (tok, n) = if is_ruby_space(b) {
        (Tok::Text, s.run(0, is_ruby_space))
    } else if b == b'#' {
        (Tok::CommentSingle, s.to_eol(0))
    } else if let Some(n) = ["on", "off"]
        .into_iter()
        .find(|w| s.starts(w) && s.boundary(s.pos + w.len()))
        .map(str::len)
    {
        (Tok::NameConstant, n)
    } else if b == b'$' && s.run(1, |c| is_ruby_word(c) || c == b'-') > 0 {
        (
            Tok::NameVariable,
            1 + s.run(1, |c| is_ruby_word(c) || c == b'-'),
        )
    } else if host_port(s, e) {
        return true;
    } else if let Some(n) = mime_type(s) {
        (Tok::NameClass, n)
    } else if let Some(n) = size(s) {
        (Tok::NumInteger, n)
    } else if b == b'~'
        && s.run(1 + s.run(1, is_ruby_space), |c| {
            c != b'{' && !is_ruby_space(c)
        }) > 0
    {
        let ws = s.run(1, is_ruby_space);
        let n = s.run(1 + ws, |c| c != b'{' && !is_ruby_space(c));
        e.tok(Tok::Punctuation, s.take(1));
        e.tok(Tok::Text, s.take(ws));
        e.tok(Tok::StrRegex, s.take(n));
        return true;
    } else if b":=~".contains(&b) {
        (Tok::Punctuation, 1)
    } else if b == b'/' {
        (Tok::Name, 1 + id(s, 1))
    } else if !b"#;{}$\\".contains(&b) {
        (
            Tok::Str,
            s.run(0, |c| !is_ruby_space(c) && !b"#;{}$\\".contains(&c)),
        )
    } else if b == b'$' || b == b';' {
        (Tok::Text, 1)
    } else {
        return false;
    };
    e.tok(tok, s.take(n));
    true
}

/// `([a-z0-9.-]+)(:)([0-9]+)` in any case.
fn host_port(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    let host = s.run(0, |c| c.is_ascii_alphanumeric() || c == b'.' || c == b'-');
    let port = s.run(host + 1, |c| c.is_ascii_digit());
    if host == 0 || s.at(host) != Some(b':') || port == 0 {
        return false;
    }
    e.tok(Tok::NameFunction, s.take(host));
    e.tok(Tok::Punctuation, s.take(1));
    e.tok(Tok::NumInteger, s.take(port));
    true
}

/// `[a-z-]+/[a-z-]+` in any case: its length.
fn mime_type(s: &Scan<'_>) -> Option<usize> {
    let kind = |c: u8| c.is_ascii_alphabetic() || c == b'-';
    let a = s.run(0, kind);
    let b = s.run(a + 1, kind);
    (a > 0 && s.at(a) == Some(b'/') && b > 0).then_some(a + 1 + b)
}

/// `[0-9]+[kmg]?\b` in any case: its length.
fn size(s: &Scan<'_>) -> Option<usize> {
    let d = s.run(0, |c| c.is_ascii_digit());
    if d == 0 {
        return None;
    }
    if matches!(s.at(d), Some(b'k' | b'm' | b'g' | b'K' | b'M' | b'G')) && s.boundary(s.pos + d + 1)
    {
        return Some(d + 1);
    }
    s.boundary(s.pos + d).then_some(d)
}
