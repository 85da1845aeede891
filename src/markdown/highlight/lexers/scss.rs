//! SCSS, as rouge 3.30's `Scss` lexer (`lexers/scss.rb`, tag `scss`) and the states it shares
//! with Sass (`lexers/sass/common.rb`): `root` (comments, `@import`, rouge's `content_common`:
//! at-rules, `&`, `$variable:`; then a property or a selector), `value` (variables, URLs,
//! functions, literals, numbers, strings, operators, CSS keywords), `interpolation` (`#{…}`),
//! `selector` with its pieces (`pseudo_class`, `class`, `id`, `placeholder`), `dq`, `sq`,
//! `string_url`, `for` and `attribute`. SCSS's `end_section` ends a statement at `;`, `{` or
//! `}` by going back to `root`. (rouge's `value` also has rules for `/*` and `//` that never
//! match, its operator rule taking `/` first; they are left out.)

use super::css::{BUILTINS, CONSTANTS, PROPERTIES};
use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Finder, Scan, States},
    token::Tok,
};

#[derive(Clone, Copy, PartialEq)]
pub(super) enum St {
    Root,
    Value,
    Interpolation,
    Selector,
    Dq,
    Sq,
    StringUrl,
    PseudoClass,
    Class,
    Id,
    Placeholder,
    For,
    Attribute,
    // Sass's own states (`sass.rs`).
    Content,
    SingleComment,
    MultiComment,
    Import,
    OldStyleAttr,
}

/// The lexer of both syntaxes: SCSS, or Sass (indented, with its own `root`).
pub(crate) struct Scss {
    pub(super) stack: States<St>,
    comment_ends: Finder,
    indented: bool,
    /// Sass's indentation (rouge's `Indentation`): the state an indented block opens, the
    /// indentation that opened it, the last line's indentation.
    pub(super) block_state: Option<St>,
    pub(super) block_indentation: String,
    pub(super) last_indentation: String,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut scss = Scss::new(false);
    run_states(code, e, |s, e| scss.step(s, e));
}

/// `[\w-]+` at `pos + k`: an identifier's length, 0 if none.
pub(super) fn id(s: &Scan<'_>, k: usize) -> usize {
    s.run(k, |c| is_ruby_word(c) || c == b'-')
}

/// `at` then white space then an identifier: the three lengths, if all are there.
fn keyword_space_id(s: &Scan<'_>, at: &str) -> Option<(usize, usize, usize)> {
    if !s.starts(at) {
        return None;
    }
    let ws = s.run(at.len(), is_ruby_space);
    let n = id(s, at.len() + ws);
    (ws > 0 && n > 0).then_some((at.len(), ws, n))
}

/// The at-rules that open a value (`@(debug|warn|if|…)`, no word boundary after them).
const VALUE_AT_RULES: &[&str] = &[
    "@debug", "@warn", "@if", "@each", "@while", "@else", "@return", "@media",
];

impl Scss {
    pub(super) fn new(indented: bool) -> Self {
        Scss {
            stack: States::new(St::Root),
            comment_ends: Finder::default(),
            indented,
            block_state: None,
            block_indentation: String::new(),
            last_indentation: String::new(),
        }
    }

    pub(super) fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root if self.indented => self.sass_root(s, e),
            St::Root => self.root(s, e),
            St::Content => self.content(s, e),
            St::SingleComment => {
                let n = s.to_eol(0);
                e.tok(Tok::CommentSingle, s.take(n));
                self.stack.pop();
                true
            }
            St::MultiComment => {
                let n = s.to_eol(0);
                if s.at(n) != Some(b'\n') {
                    return false;
                }
                e.tok(Tok::CommentMultiline, s.take(n + 1));
                self.stack.pop();
                true
            }
            St::Import => self.import(s, e),
            St::OldStyleAttr => {
                if !self.attr_common(s, e) {
                    self.stack.pop();
                    self.stack.push(St::Value);
                }
                true
            }
            St::Value => self.value(s, e),
            St::Interpolation => {
                if s.at(0) == Some(b'}') {
                    e.tok(Tok::StrInterpol, s.take(1));
                    self.stack.pop();
                    return true;
                }
                self.value(s, e)
            }
            St::Selector => self.selector(s, e),
            St::Dq => self.quoted(s, e, b'"', Tok::StrDouble),
            St::Sq => self.quoted(s, e, b'\'', Tok::StrSingle),
            St::StringUrl => self.quoted(s, e, b')', Tok::StrOther),
            St::PseudoClass => self.piece(s, e, Tok::NameDecorator),
            St::Class => self.piece(s, e, Tok::NameClass),
            St::Id => self.piece(s, e, Tok::NameNamespace),
            St::Placeholder => self.piece(s, e, Tok::NameVariable),
            St::For => {
                if let Some(w) = ["from", "to", "through"].into_iter().find(|w| s.starts(w)) {
                    e.tok(Tok::OperatorWord, s.take(w.len()));
                    return true;
                }
                self.value(s, e)
            }
            St::Attribute => self.attribute(s, e),
        }
    }

    pub(super) fn push(
        &mut self,
        s: &mut Scan<'_>,
        e: &mut Emitter<'_>,
        tok: Tok,
        n: usize,
        next: St,
    ) {
        e.tok(tok, s.take(n));
        self.stack.push(next);
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
            return true;
        }
        if s.starts("//") {
            let n = s.to_eol(0);
            e.tok(Tok::CommentSingle, s.take(n));
            return true;
        }
        if s.starts("/*") {
            if let Some(end) = self.comment_ends.find(s.src, "*/", s.pos + 2) {
                let n = end + 2 - s.pos;
                e.tok(Tok::CommentMultiline, s.take(n));
                return true;
            }
        }
        if s.starts("@import") && s.boundary(s.pos + 7) {
            self.push(s, e, Tok::Keyword, 7, St::Value);
            return true;
        }
        if self.content_common(s, e) {
            return true;
        }
        let first = s.char_len(0);
        let plain = |c: Option<u8>| c.is_some_and(|c| !b";{}".contains(&c));
        let attribute = (plain(s.at(0)) && matches!(s.at(first), Some(b';' | b'}'))) || {
            let r = s.run(0, |c| !b";{}:[".contains(&c));
            r > 0 && s.at(r) == Some(b':') && s.at(r + 1).is_some_and(|c| !c.is_ascii_lowercase())
        };
        self.stack.push(if attribute {
            St::Attribute
        } else {
            St::Selector
        });
        true
    }

    /// rouge's `content_common`: at-rules, `&` and `$variable:`.
    pub(super) fn content_common(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b'@') => {}
            Some(b'&') => {
                self.push(s, e, Tok::Keyword, 1, St::Selector);
                return true;
            }
            Some(b'$') => {
                let n = id(s, 1);
                let ws = s.run(1 + n, |c| c == b' ' || c == b'\t');
                if n == 0 || s.at(1 + n + ws) != Some(b':') {
                    return false;
                }
                e.tok(Tok::NameVariable, s.take(1 + n));
                e.tok(Tok::Text, s.take(ws));
                self.push(s, e, Tok::Punctuation, 1, St::Value);
                return true;
            }
            _ => return false,
        }
        if s.starts("@for") && s.boundary(s.pos + 4) {
            self.push(s, e, Tok::Keyword, 4, St::For);
            return true;
        }
        if let Some(w) = VALUE_AT_RULES.iter().find(|w| s.starts(w)) {
            self.push(s, e, Tok::Keyword, w.len(), St::Value);
            return true;
        }
        for (at, tok) in [
            ("@mixin", Tok::NameFunction),
            ("@function", Tok::NameFunction),
            ("@include", Tok::NameDecorator),
        ] {
            if at == "@include" && s.starts("@extend") && s.boundary(s.pos + 7) {
                self.push(s, e, Tok::Keyword, 7, St::Selector);
                return true;
            }
            if let Some((k, ws, n)) = keyword_space_id(s, at) {
                e.tok(Tok::Keyword, s.take(k));
                e.tok(Tok::Text, s.take(ws));
                self.push(s, e, tok, n, St::Value);
                return true;
            }
        }
        let n = id(s, 1);
        if n == 0 {
            return false;
        }
        self.push(s, e, Tok::Keyword, 1 + n, St::Selector);
        true
    }

    /// `end_section`: SCSS's goes back to `root` at `;`, `{` or `}` (a line end is text), Sass's
    /// at a line end.
    fn end_section(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b'\n') if self.indented => {
                e.tok(Tok::Text, s.take(1));
                self.stack = States::new(St::Root);
            }
            Some(b'\n') => e.tok(Tok::Text, s.take(1)),
            Some(b';' | b'{' | b'}') if self.indented => return false,
            Some(b';' | b'{' | b'}') => {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack = States::new(St::Root);
            }
            _ => return false,
        }
        true
    }

    /// rouge's `has_strings` and `has_interp`.
    fn strings_and_interp(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b'"') => self.push(s, e, Tok::StrDouble, 1, St::Dq),
            Some(b'\'') => self.push(s, e, Tok::StrSingle, 1, St::Sq),
            _ => return self.interp(s, e),
        }
        true
    }

    pub(super) fn interp(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if !s.starts("#{") {
            return false;
        }
        self.push(s, e, Tok::StrInterpol, 2, St::Interpolation);
        true
    }

    fn value(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.end_section(s, e) {
            return true;
        }
        let Some(b) = s.at(0) else { return false };
        let blank = s.run(0, |c| c == b' ' || c == b'\t');
        if blank > 0 {
            e.tok(Tok::Text, s.take(blank));
            return true;
        }
        if b == b'$' && id(s, 1) > 0 {
            let n = 1 + id(s, 1);
            e.tok(Tok::NameVariable, s.take(n));
            return true;
        }
        if s.starts("url(") {
            self.push(s, e, Tok::StrOther, 4, St::StringUrl);
            return true;
        }
        let n = id(s, 0);
        if n > 0 && s.at(n + s.run(n, is_ruby_space)) == Some(b'(') {
            e.tok(Tok::NameFunction, s.take(n));
            return true;
        }
        if b == b'%' && id(s, 1) > 0 {
            let n = 1 + id(s, 1);
            e.tok(Tok::NameDecorator, s.take(n));
            return true;
        }
        for (words, tok) in [
            (&["true", "false"][..], Tok::NameBuiltinPseudo),
            (&["and", "or", "not"][..], Tok::OperatorWord),
        ] {
            if let Some(w) = words
                .iter()
                .find(|w| s.starts(w) && s.boundary(s.pos + w.len()))
            {
                e.tok(tok, s.take(w.len()));
                return true;
            }
        }
        if let Some((n, tok)) = number(s) {
            e.tok(tok, s.take(n));
            return true;
        }
        if self.strings_and_interp(s, e) {
            return true;
        }
        let ops = s.run(0, |c| b"~^*!&%<>|+=@:,./?-".contains(&c));
        if ops > 0 {
            e.tok(Tok::Operator, s.take(ops));
            return true;
        }
        let punct = s.run(0, |c| b"[]()".contains(&c));
        if punct > 0 {
            e.tok(Tok::Punctuation, s.take(punct));
            return true;
        }
        if n == 0 {
            return false;
        }
        let word = &s.rest()[..n];
        let tok = if in_words(BUILTINS, word) {
            Tok::NameBuiltin
        } else if in_words(CONSTANTS, word) {
            Tok::NameConstant
        } else {
            Tok::Name
        };
        e.tok(tok, s.take(n));
        true
    }

    fn selector(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.end_section(s, e) || self.strings_and_interp(s, e) {
            return true;
        }
        let Some(b) = s.at(0) else { return false };
        let blank = s.run(0, |c| c == b' ' || c == b'\t');
        if blank > 0 {
            e.tok(Tok::Text, s.take(blank));
            return true;
        }
        let piece = match b {
            b':' => Some((Tok::NameDecorator, St::PseudoClass)),
            b'.' => Some((Tok::NameClass, St::Class)),
            b'#' => Some((Tok::NameNamespace, St::Id)),
            b'%' => Some((Tok::NameVariable, St::Placeholder)),
            _ => None,
        };
        if let Some((tok, next)) = piece {
            self.push(s, e, tok, 1, next);
            return true;
        }
        let n = id(s, 0);
        let tok = if n > 0 {
            Tok::NameTag
        } else if b == b'&' {
            Tok::Keyword
        } else if b"~^*!&[]()<>|+=@:;,./?-".contains(&b) {
            Tok::Operator
        } else {
            return false;
        };
        e.tok(tok, s.take(n.max(1)));
        true
    }

    /// `dq`, `sq` and `string_url`: text up to `close`, with escapes and interpolation.
    fn quoted(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, close: u8, tok: Tok) -> bool {
        if s.at(0) == Some(close) {
            e.tok(tok, s.take(1));
            self.stack.pop();
            return true;
        }
        if close != b')' && self.interp(s, e) {
            return true;
        }
        let n = quoted_text(s, close);
        if n > 0 {
            e.tok(tok, s.take(n));
            return true;
        }
        self.interp(s, e)
    }

    /// A selector's piece after its mark (`:`, `.`, `#`, `%`): a name, or interpolation, or
    /// back to the selector.
    fn piece(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, tok: Tok) -> bool {
        let n = id(s, 0);
        if n > 0 {
            e.tok(tok, s.take(n));
        } else if !self.interp(s, e) {
            self.stack.pop();
        }
        true
    }

    /// rouge's `attr_common`: interpolation, or a property's name.
    fn attr_common(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.interp(s, e) {
            return true;
        }
        let n = id(s, 0);
        if n == 0 {
            return false;
        }
        let known = in_words(PROPERTIES, &s.rest()[..n]);
        let tok = if known {
            Tok::NameLabel
        } else {
            Tok::NameAttribute
        };
        e.tok(tok, s.take(n));
        true
    }

    fn attribute(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.attr_common(s, e) {
            return true;
        }
        let blank = s.run(0, |c| c == b' ' || c == b'\t');
        if s.at(blank) != Some(b':') {
            return false;
        }
        e.tok(Tok::Text, s.take(blank));
        self.push(s, e, Tok::Punctuation, 1, St::Value);
        true
    }
}

/// `(\\.|#(?![{])|[^\n<close>#])+` at `pos`: its length.
fn quoted_text(s: &Scan<'_>, close: u8) -> usize {
    let mut k = 0;
    loop {
        match s.at(k) {
            Some(b'\\') if s.dot(k + 1) > 0 => k += 1 + s.dot(k + 1),
            Some(b'#') if s.at(k + 1) != Some(b'{') => k += 1,
            Some(c) if c != b'\n' && c != close && c != b'#' => k += s.char_len(k),
            _ => return k,
        }
    }
}

/// `#[a-z0-9]{1,6}` (any case), `-?\d+(%|[a-z]+)?` and `-?\d*\.\d+(%|[a-z]+)?`: a colour or
/// number's length and token.
fn number(s: &Scan<'_>) -> Option<(usize, Tok)> {
    if s.at(0) == Some(b'#') {
        let n = s.run(1, |c| c.is_ascii_alphanumeric());
        return (n > 0).then_some((1 + n.min(6), Tok::NumHex));
    }
    let unit = |k: usize| {
        if s.at(k) == Some(b'%') {
            1
        } else {
            s.run(k, |c| c.is_ascii_lowercase())
        }
    };
    let sign = usize::from(s.at(0) == Some(b'-'));
    let d = s.run(sign, |c| c.is_ascii_digit());
    if d > 0 {
        return Some((sign + d + unit(sign + d), Tok::Number));
    }
    let f = s.run(sign + 1, |c| c.is_ascii_digit());
    (s.at(sign) == Some(b'.') && f > 0).then(|| {
        let n = sign + 1 + f;
        (n + unit(n), Tok::NumInteger)
    })
}
