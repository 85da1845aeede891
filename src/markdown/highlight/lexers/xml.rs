//! XML, as rouge 3.30's `XML` lexer (`lexers/xml.rb`, tag `xml`). Its states: `root` (text,
//! entities, CDATA, comments, processing instructions, declarations, opening and closing tags),
//! `comment`, `tag` (attribute names) and `attr` (a value, quoted or bare). Unlike rouge's HTML
//! lexer, CDATA and `<? … ?>` must close on their own line.

use super::css::is_format;
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
    Comment,
    Tag,
    Attr,
}

/// The forward searches of the rules that run to a closing mark, remembered so that unclosed
/// ones stay linear.
#[derive(Default)]
struct Ahead {
    lines: Finder,
    cdata_end: Finder,
    pi_end: Finder,
    gt: Finder,
    dq: Finder,
    sq: Finder,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut stack = States::new(St::Root);
    let mut ahead = Ahead::default();
    run_states(code, e, |s, e| match stack.top() {
        St::Root => root(s, e, &mut stack, &mut ahead),
        St::Comment => comment(s, e, &mut stack),
        St::Tag => tag(s, e, &mut stack),
        St::Attr => attr(s, e, &mut stack, &mut ahead),
    });
}

/// `[\p{L}:_][\p{Word}\p{Cf}:.·-]*` at `pos + k`: a name's length, 0 if none.
fn name(s: &Scan<'_>, k: usize) -> usize {
    let text = &s.src[s.pos + k..];
    match text.chars().next() {
        Some(c) if c.is_alphabetic() || c == ':' || c == '_' => text
            .char_indices()
            .skip(1)
            .find(|&(_, c)| !(is_word(c) || is_format(c) || ":.·-".contains(c)))
            .map_or(text.len(), |(i, _)| i),
        _ => 0,
    }
}

fn root(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>, ahead: &mut Ahead) -> bool {
    if let Some(done) = text_or_entity(s, e) {
        return done;
    }
    let eol = ahead.lines.find(s.src, "\n", s.pos);
    let on_line = |at: Option<usize>| at.filter(|&a| eol.is_none_or(|l| a < l));
    let closed = if s.starts("<![CDATA[") {
        on_line(ahead.cdata_end.find(s.src, "]]>", s.pos + 9)).map(|a| a + 3)
    } else if s.starts("<!--") {
        e.tok(Tok::Comment, s.take(4));
        stack.push(St::Comment);
        return true;
    } else if s.starts("<?") {
        on_line(ahead.pi_end.find(s.src, "?>", s.pos + 2)).map(|a| a + 2)
    } else {
        None
    };
    let closed = closed.or_else(|| {
        s.starts("<!")
            .then(|| ahead.gt.find(s.src, ">", s.pos + 2).map(|a| a + 1))
            .flatten()
    });
    if let Some(end) = closed {
        let n = end - s.pos;
        e.tok(Tok::CommentPreproc, s.take(n));
        return true;
    }
    let ws = s.run(1, is_ruby_space);
    let n = name(s, 1 + ws);
    if n > 0 {
        e.tok(Tok::NameTag, s.take(1 + ws + n));
        stack.push(St::Tag);
        return true;
    }
    if s.at(1 + ws) != Some(b'/') {
        return false;
    }
    let mut k = 2 + ws;
    k += s.run(k, is_ruby_space);
    let n = name(s, k);
    if n == 0 {
        return false;
    }
    k += n;
    k += s.run(k, is_ruby_space);
    if s.at(k) != Some(b'>') {
        return false;
    }
    e.tok(Tok::NameTag, s.take(k + 1));
    true
}

fn comment(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    let n = s.run(0, |c| c != b'-');
    if n > 0 {
        e.tok(Tok::Comment, s.take(n));
    } else if s.starts("-->") {
        e.tok(Tok::Comment, s.take(3));
        stack.pop();
    } else {
        e.tok(Tok::Comment, s.take(1));
    }
    true
}

fn tag(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    let ws = s.run(0, is_ruby_space);
    if ws > 0 {
        e.tok(Tok::Text, s.take(ws));
        return true;
    }
    let n = name(s, 0);
    let before = s.run(n, is_ruby_space);
    if n > 0 && s.at(n + before) == Some(b'=') {
        e.tok(Tok::NameAttribute, s.take(n + before + 1));
        stack.push(St::Attr);
        return true;
    }
    let slash = usize::from(s.at(0) == Some(b'/'));
    let ws = s.run(slash, is_ruby_space);
    if s.at(slash + ws) != Some(b'>') {
        return false;
    }
    e.tok(Tok::NameTag, s.take(slash + ws + 1));
    stack.pop();
    true
}

/// A value: `".*?"`, `'.*?'` (across lines) or `[^\s>]+`.
fn attr(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>, ahead: &mut Ahead) -> bool {
    let ws = s.run(0, is_ruby_space);
    if ws > 0 {
        e.tok(Tok::Text, s.take(ws));
        return true;
    }
    let quoted = match s.at(0) {
        Some(b'"') => ahead.dq.find(s.src, "\"", s.pos + 1),
        Some(b'\'') => ahead.sq.find(s.src, "'", s.pos + 1),
        _ => None,
    };
    let n = quoted.map_or_else(
        || s.run(0, |c| c != b'>' && !is_ruby_space(c)),
        |q| q + 1 - s.pos,
    );
    if n == 0 {
        return false;
    }
    e.tok(Tok::Str, s.take(n));
    stack.pop();
    true
}

/// Text up to the next tag or entity, or an entity `&…;` — the first rules of rouge's XML and
/// HTML lexers alike: `Some(whether it matched)`, `None` when neither starts here.
pub(super) fn text_or_entity(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> Option<bool> {
    let text = s.run(0, |c| c != b'<' && c != b'&');
    if text > 0 {
        e.tok(Tok::Text, s.take(text));
        return Some(true);
    }
    if s.at(0) != Some(b'&') {
        return None;
    }
    let n = s.run(1, |c| c != b';' && !is_ruby_space(c));
    if s.at(1 + n) != Some(b';') {
        return Some(false);
    }
    e.tok(Tok::NameEntity, s.take(n + 2));
    Some(true)
}
