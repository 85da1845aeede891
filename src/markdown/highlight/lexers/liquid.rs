//! Liquid templates, as rouge 3.30's `Liquid` lexer (`lexers/liquid.rb`, tag `liquid`). Its
//! states: `root` (text, `{% … %}` and `{{ … }}`), `tag_or_block` (which tag it is), `output`,
//! `filters`, `condition`, `when`, `assign`, `include`, `output_embed`, the markup states
//! (`tag_markup`, `variable_tag_markup`, and the mixins `param_markup`, `default_param_markup`,
//! `variable_param_markup`, `generic`, `keyword`, `variable`, `string`, `number`,
//! `whitespace`), `comment` and `raw`. Ending a tag (`%}` or `}}`) goes back to `root`.

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{run_states, Finder, Scan, States},
    token::Tok,
};

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    TagOrBlock,
    Output,
    Filters,
    Condition,
    When,
    TagMarkup,
    VariableTagMarkup,
    Comment,
    Raw,
    Assign,
    Include,
    OutputEmbed,
}

/// A run of `[^\s=:]` and whether `\s*[=:]` follows it (a parameter's name), kept while the
/// scan is inside it.
#[derive(Default)]
struct ParamRun {
    start: usize,
    end: usize,
    named: bool,
}

struct Liquid {
    stack: States<St>,
    param: ParamRun,
    sq: Finder,
    dq: Finder,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut l = Liquid {
        stack: States::new(St::Root),
        param: ParamRun::default(),
        sq: Finder::default(),
        dq: Finder::default(),
    };
    run_states(code, e, |s, e| l.step(s, e));
}

fn ws(s: &Scan<'_>, k: usize) -> usize {
    s.run(k, is_ruby_space)
}

/// `word` at `pos + k` with a word boundary after it.
fn word_at(s: &Scan<'_>, k: usize, word: &str) -> bool {
    s.rest()[k..].starts_with(word) && s.boundary(s.pos + k + word.len())
}

/// The first of `words` at `pos` followed by a word boundary: its length.
fn first_word(s: &Scan<'_>, words: &[&str]) -> Option<usize> {
    words.iter().find(|w| word_at(s, 0, w)).map(|w| w.len())
}

/// `-?%\}` at `pos + k`: its length, 0 if none.
fn block_end(s: &Scan<'_>, k: usize) -> usize {
    let dash = usize::from(s.at(k) == Some(b'-'));
    if s.at(k + dash) == Some(b'%') && s.at(k + dash + 1) == Some(b'}') {
        dash + 2
    } else {
        0
    }
}

/// `-?\}\}` at `pos`: its length, 0 if none.
fn output_end(s: &Scan<'_>) -> usize {
    let dash = usize::from(s.at(0) == Some(b'-'));
    if s.at(dash) == Some(b'}') && s.at(dash + 1) == Some(b'}') {
        dash + 2
    } else {
        0
    }
}

/// `[^\s%]+` at `pos + k`: its length.
fn not_space_percent(s: &Scan<'_>, k: usize) -> usize {
    s.run(k, |c| c != b'%' && !is_ruby_space(c))
}

impl Liquid {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e),
            St::TagOrBlock => self.tag_or_block(s, e),
            St::Output => {
                self.filter(s, e, b"}", Some(St::Filters))
                    || self.end_of_tag(s, e)
                    || self.generic(s, e)
            }
            St::Filters => {
                self.filter(s, e, b"%}", None)
                    || self.end_of_tag(s, e)
                    || self.end_of_block(s, e)
                    || self.variable_param_markup(s, e)
            }
            St::Condition => {
                if let Some(n) = comparison(s) {
                    e.tok(Tok::Operator, s.take(n));
                    return true;
                }
                if let Some(n) = first_word(s, &["and", "or", "contains"]) {
                    e.tok(Tok::OperatorWord, s.take(n));
                    return true;
                }
                self.end_of_block(s, e) || self.generic(s, e)
            }
            St::When => self.end_of_block(s, e) || self.generic(s, e),
            St::TagMarkup => {
                if word_at(s, 0, "reversed") {
                    e.tok(Tok::NameAttribute, s.take(8));
                    return true;
                }
                self.end_of_block(s, e) || self.param_markup(s, e) || text_word(s, e)
            }
            St::VariableTagMarkup => self.end_of_block(s, e) || self.variable_param_markup(s, e),
            St::Comment => self.closed_by(s, e, "endcomment", Tok::Comment),
            St::Raw => self.closed_by(s, e, "endraw", Tok::Text),
            St::Assign => {
                if s.at(0) == Some(b'=') {
                    e.tok(Tok::Operator, s.take(1));
                    return true;
                }
                self.filter(s, e, b"%", Some(St::Filters))
                    || self.end_of_block(s, e)
                    || self.generic(s, e)
            }
            St::Include => self.include(s, e),
            St::OutputEmbed => {
                if self.filter(s, e, b"}", None) {
                    return true;
                }
                let n = output_end(s);
                if n > 0 {
                    e.tok(Tok::Punctuation, s.take(n));
                    self.stack.pop();
                    return true;
                }
                self.variable_param_markup(s, e)
            }
        }
    }

    fn reset(&mut self) {
        self.stack = States::new(St::Root);
    }

    /// `{%` or `{{`, with an optional `-` and white space after: the state they open.
    fn opening(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, inner: St) -> bool {
        let mark = match (s.at(0), s.at(1)) {
            (Some(b'{'), Some(b'%')) if inner == St::TagOrBlock => 2,
            (Some(b'{'), Some(b'{')) if inner != St::TagOrBlock => 2,
            _ => return false,
        };
        let mark = mark + usize::from(s.at(2) == Some(b'-'));
        e.tok(Tok::Punctuation, s.take(mark));
        let w = ws(s, 0);
        e.tok(Tok::Whitespace, s.take(w));
        self.stack.push(inner);
        true
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = s.run(0, |c| c != b'{');
        if n > 0 {
            e.tok(Tok::Text, s.take(n));
            return true;
        }
        if self.opening(s, e, St::TagOrBlock) || self.opening(s, e, St::Output) {
            return true;
        }
        e.tok(Tok::Text, s.take(1));
        true
    }

    /// Keyword, white space, end of block: the three tokens, then `then`.
    fn closing_tag(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, tok: Tok, k: usize) -> bool {
        let w = ws(s, k);
        let end = block_end(s, k + w);
        if end == 0 {
            return false;
        }
        e.tok(tok, s.take(k));
        e.tok(Tok::Whitespace, s.take(w));
        e.tok(Tok::Punctuation, s.take(end));
        true
    }

    fn tag_or_block(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if let Some(n) = first_word(s, &["if", "elsif", "unless", "case"]) {
            return self.push(s, e, Tok::KeywordReserved, n, St::Condition);
        }
        if word_at(s, 0, "when") {
            return self.push(s, e, Tok::KeywordReserved, 4, St::When);
        }
        if s.starts("else") && self.closing_tag(s, e, Tok::KeywordReserved, 4) {
            self.stack.pop();
            return true;
        }
        if self.counter(s, e) {
            return true;
        }
        for (word, next) in [("comment", St::Comment), ("raw", St::Raw)] {
            if s.starts(word) && self.closing_tag(s, e, Tok::NameTag, word.len()) {
                self.stack.push(next);
                return true;
            }
        }
        if s.starts("end") {
            let keyword = ["endif", "endunless", "endcase"]
                .into_iter()
                .find(|w| s.starts(w))
                .is_some_and(|w| self.closing_tag(s, e, Tok::KeywordReserved, w.len()));
            let n = not_space_percent(s, 3);
            if keyword || (n > 0 && self.closing_tag(s, e, Tok::NameTag, 3 + n)) {
                self.stack.pop();
                return true;
            }
        }
        if let Some(n) = first_word(s, &["assign", "echo"]) {
            return self.push(s, e, Tok::NameTag, n, St::Assign);
        }
        if let Some(n) = first_word(s, &["include", "render"]) {
            return self.push(s, e, Tok::NameTag, n, St::Include);
        }
        if self.cycle(s, e) || self.for_loop(s, e) {
            return true;
        }
        let n = not_space_percent(s, 0);
        if n == 0 {
            return false;
        }
        e.tok(Tok::NameTag, s.take(n));
        let w = ws(s, 0);
        e.tok(Tok::Whitespace, s.take(w));
        self.stack.push(St::TagMarkup);
        true
    }

    fn push(
        &mut self,
        s: &mut Scan<'_>,
        e: &mut Emitter<'_>,
        tok: Tok,
        n: usize,
        next: St,
    ) -> bool {
        e.tok(tok, s.take(n));
        self.stack.push(next);
        true
    }

    /// `(capture|(?:in|de)crement)(\s+)([^\s%]+)(\s*)(-?%\})`.
    fn counter(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let Some(k) = ["capture", "increment", "decrement"]
            .into_iter()
            .find(|w| s.starts(w))
            .map(str::len)
        else {
            return false;
        };
        let w1 = ws(s, k);
        let name = not_space_percent(s, k + w1);
        let w2 = ws(s, k + w1 + name);
        let end = block_end(s, k + w1 + name + w2);
        if w1 == 0 || name == 0 || end == 0 {
            return false;
        }
        e.tok(Tok::NameTag, s.take(k));
        e.tok(Tok::Whitespace, s.take(w1));
        e.tok(Tok::NameVariable, s.take(name));
        e.tok(Tok::Whitespace, s.take(w2));
        e.tok(Tok::Punctuation, s.take(end));
        self.stack.pop();
        true
    }

    /// `(cycle)(\s+)(?:([^\s:]*)(\s*)(:))?(\s*)`.
    fn cycle(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let w1 = ws(s, 5);
        if !s.starts("cycle") || w1 == 0 {
            return false;
        }
        e.tok(Tok::NameTag, s.take(5));
        e.tok(Tok::Whitespace, s.take(w1));
        let name = s.run(0, |c| c != b':' && !is_ruby_space(c));
        let w2 = ws(s, name);
        if s.at(name + w2) == Some(b':') {
            let text = s.take(name);
            e.tok(string_class(text, Tok::NameAttribute), text);
            e.tok(Tok::Whitespace, s.take(w2));
            e.tok(Tok::Punctuation, s.take(1));
            let w3 = ws(s, 0);
            e.tok(Tok::Whitespace, s.take(w3));
        }
        self.stack.push(St::VariableTagMarkup);
        true
    }

    /// `(for|tablerow)(\s+)([\w-]+)(\s+)(in)(\s+)(collection)(\s*)`.
    fn for_loop(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let Some(k) = ["for", "tablerow"]
            .into_iter()
            .find(|w| s.starts(w))
            .map(str::len)
        else {
            return false;
        };
        let w1 = ws(s, k);
        let var = s.run(k + w1, |c| is_ruby_word(c) || c == b'-');
        let w2 = ws(s, k + w1 + var);
        let at_in = k + w1 + var + w2;
        let w3 = ws(s, at_in + 2);
        if w1 == 0 || var == 0 || w2 == 0 || !s.rest()[at_in..].starts_with("in") || w3 == 0 {
            return false;
        }
        let collection = self.collection(s, at_in + 2 + w3);
        if collection == 0 {
            return false;
        }
        e.tok(Tok::NameTag, s.take(k));
        e.tok(Tok::Whitespace, s.take(w1));
        e.tok(Tok::NameVariable, s.take(var));
        e.tok(Tok::Whitespace, s.take(w2));
        e.tok(Tok::NameTag, s.take(2));
        e.tok(Tok::Whitespace, s.take(w3));
        let text = s.take(collection);
        e.tok(string_class(text, Tok::NameVariable), text);
        let w4 = ws(s, 0);
        e.tok(Tok::Whitespace, s.take(w4));
        self.stack.push(St::TagMarkup);
        true
    }

    /// `(?:[^\s%,\|'"]|"[^"]*"|'[^']*')+` at `pos + k`: its length.
    fn collection(&mut self, s: &Scan<'_>, k: usize) -> usize {
        let mut n = k;
        loop {
            match s.at(n) {
                Some(q @ (b'"' | b'\'')) => {
                    let finder = if q == b'"' {
                        &mut self.dq
                    } else {
                        &mut self.sq
                    };
                    let pat = if q == b'"' { "\"" } else { "'" };
                    match finder.find(s.src, pat, s.pos + n + 1) {
                        Some(close) => n = close + 1 - s.pos,
                        None => break,
                    }
                }
                Some(c) if !is_ruby_space(c) && !b"%,|".contains(&c) => n += 1,
                _ => break,
            }
        }
        n - k
    }

    /// A filter: `(\|)(\s*)([a-zA-Z_][^\s<stops>\|:]*)`, then `next` if any.
    fn filter(
        &mut self,
        s: &mut Scan<'_>,
        e: &mut Emitter<'_>,
        stops: &'static [u8],
        next: Option<St>,
    ) -> bool {
        if s.at(0) != Some(b'|') {
            return false;
        }
        let w = ws(s, 1);
        if !s
            .at(1 + w)
            .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
        {
            return false;
        }
        let mut n = 1;
        while let Some(c) = s.at(1 + w + n) {
            if is_ruby_space(c) || c == b'|' || c == b':' || stops.contains(&c) {
                break;
            }
            n += 1;
        }
        e.tok(Tok::Punctuation, s.take(1));
        e.tok(Tok::Whitespace, s.take(w));
        e.tok(Tok::NameFunction, s.take(n));
        if let Some(next) = next {
            self.stack.push(next);
        }
        true
    }

    fn end_of_tag(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = output_end(s);
        if n == 0 {
            return false;
        }
        e.tok(Tok::Punctuation, s.take(n));
        self.reset();
        true
    }

    fn end_of_block(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let n = block_end(s, 0);
        if n == 0 {
            return false;
        }
        e.tok(Tok::Punctuation, s.take(n));
        self.reset();
        true
    }

    /// rouge's `param_markup`: white space, keywords, strings, numbers, `name:` or `name=`,
    /// commas and colons.
    fn param_markup(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if whitespace(s, e) || keyword(s, e) || self.string(s, e) || number(s, e) {
            return true;
        }
        if !(self.param.start <= s.pos && s.pos < self.param.end) {
            let n = s.run(0, |c| c != b'=' && c != b':' && !is_ruby_space(c));
            let w = ws(s, n);
            self.param = ParamRun {
                start: s.pos,
                end: s.pos + n,
                named: n > 0 && matches!(s.at(n + w), Some(b'=' | b':')),
            };
        }
        if self.param.named && s.pos < self.param.end {
            let n = self.param.end - s.pos;
            let w = ws(s, n);
            e.tok(Tok::NameAttribute, s.take(n));
            e.tok(Tok::Whitespace, s.take(w));
            e.tok(Tok::Operator, s.take(1));
            return true;
        }
        if matches!(s.at(0), Some(b',' | b':')) {
            e.tok(Tok::Punctuation, s.take(1));
            return true;
        }
        false
    }

    /// rouge's `variable_param_markup`.
    fn variable_param_markup(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        self.param_markup(s, e) || variable(s, e) || text_word(s, e)
    }

    /// rouge's `generic`.
    fn generic(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        whitespace(s, e) || keyword(s, e) || self.string(s, e) || number(s, e) || variable(s, e)
    }

    /// `'[^']*'` and `"[^"]*"`.
    fn string(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let (finder, pat, tok) = match s.at(0) {
            Some(b'\'') => (&mut self.sq, "'", Tok::StrSingle),
            Some(b'"') => (&mut self.dq, "\"", Tok::StrDouble),
            _ => return false,
        };
        let Some(close) = finder.find(s.src, pat, s.pos + 1) else {
            return false;
        };
        let n = close + 1 - s.pos;
        e.tok(tok, s.take(n));
        true
    }

    fn include(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.opening(s, e, St::OutputEmbed) {
            return true;
        }
        if let Some(n) = first_word(s, &["with", "for"]) {
            e.tok(Tok::NameTag, s.take(n));
            return true;
        }
        if let Some(n) = file_name(s) {
            e.tok(Tok::Text, s.take(n));
            return true;
        }
        self.end_of_block(s, e) || self.variable_param_markup(s, e)
    }

    /// `comment` and `raw`: their text up to `{% end… %}`, which goes back to `root`.
    fn closed_by(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, end: &str, tok: Tok) -> bool {
        let n = s.run(0, |c| c != b'{');
        if n > 0 {
            e.tok(tok, s.take(n));
            return true;
        }
        if s.starts("{%") {
            let mark = 2 + usize::from(s.at(2) == Some(b'-'));
            let w1 = ws(s, mark);
            let w2 = ws(s, mark + w1 + end.len());
            let close = block_end(s, mark + w1 + end.len() + w2);
            if s.rest()[mark + w1..].starts_with(end) && close > 0 {
                e.tok(Tok::Punctuation, s.take(mark));
                e.tok(Tok::Whitespace, s.take(w1));
                e.tok(Tok::NameTag, s.take(end.len()));
                e.tok(Tok::Whitespace, s.take(w2));
                e.tok(Tok::Punctuation, s.take(close));
                self.reset();
                return true;
            }
        }
        e.tok(tok, s.take(1));
        true
    }
}

/// rouge's class for a quoted value: a single-quoted string anywhere in it, else a
/// double-quoted one, else `otherwise`.
fn string_class(text: &str, otherwise: Tok) -> Tok {
    let pair = |q: char| text.matches(q).count() >= 2;
    if pair('\'') {
        Tok::StrSingle
    } else if pair('"') {
        Tok::StrDouble
    } else {
        otherwise
    }
}

/// `[=!]=` or `[<>]=?`: its length.
fn comparison(s: &Scan<'_>) -> Option<usize> {
    match (s.at(0), s.at(1)) {
        (Some(b'=' | b'!'), Some(b'=')) => Some(2),
        (Some(b'<' | b'>'), Some(b'=')) => Some(2),
        (Some(b'<' | b'>'), _) => Some(1),
        _ => None,
    }
}

/// rouge's `whitespace`: `[ \t]+`.
fn whitespace(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    let n = s.run(0, |c| c == b' ' || c == b'\t');
    e.tok(Tok::Whitespace, s.take(n));
    n > 0
}

/// rouge's `keyword`: `(false|true|nil)\b`.
fn keyword(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    let Some(n) = first_word(s, &["false", "true", "nil"]) else {
        return false;
    };
    e.tok(Tok::KeywordConstant, s.take(n));
    true
}

/// rouge's `number`: `-`, `\d+\.\d+`, `\d+`.
fn number(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    if s.at(0) == Some(b'-') {
        e.tok(Tok::Operator, s.take(1));
        return true;
    }
    let d = s.run(0, |c| c.is_ascii_digit());
    if d == 0 {
        return false;
    }
    let f = s.run(d + 1, |c| c.is_ascii_digit());
    if s.at(d) == Some(b'.') && f > 0 {
        e.tok(Tok::NumFloat, s.take(d + 1 + f));
    } else {
        e.tok(Tok::NumInteger, s.take(d));
    }
    true
}

/// rouge's `variable`: `empty`, `blank`, `forloop.…`, `.`, brackets, `first`/`last`/`size`,
/// names.
fn variable(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    if let Some(n) = first_word(s, &["empty", "blank"]).or_else(|| forloop(s)) {
        e.tok(Tok::NameBuiltin, s.take(n));
        return true;
    }
    let punct = match s.at(0) {
        Some(b'.') => s.at(1).is_some_and(is_ruby_word),
        Some(b'[' | b']') => true,
        _ => false,
    };
    if punct {
        e.tok(Tok::Punctuation, s.take(1));
        return true;
    }
    if let Some(n) = first_word(s, &["first", "last", "size"]) {
        e.tok(Tok::NameFunction, s.take(n));
        return true;
    }
    if !s
        .at(0)
        .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
    {
        return false;
    }
    let n = 1 + s.run(1, |c| is_ruby_word(c) || c == b'-');
    let n = n + usize::from(s.at(n) == Some(b'?'));
    e.tok(Tok::NameVariable, s.take(n));
    true
}

/// `forloop\.[^\s%}\|:]+\b`: the longest such stretch that a word boundary ends.
fn forloop(s: &Scan<'_>) -> Option<usize> {
    if !s.starts("forloop.") {
        return None;
    }
    let run = s.run(8, |c| !is_ruby_space(c) && !b"%}|:".contains(&c));
    (9..=8 + run)
        .rev()
        .filter(|&n| s.rest().is_char_boundary(n))
        .find(|&n| s.boundary(s.pos + n))
}

/// `\S+` as text.
fn text_word(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    let n = s.run(0, |c| !is_ruby_space(c));
    e.tok(Tok::Text, s.take(n));
    n > 0
}

/// `[\/\w-]+(\.[\w-]+)+\b`: a file name, the longest such stretch that a word boundary ends.
fn file_name(s: &Scan<'_>) -> Option<usize> {
    let head = s.run(0, |c| is_ruby_word(c) || c == b'/' || c == b'-');
    if head == 0 || s.at(head) != Some(b'.') {
        return None;
    }
    let mut end = head;
    while s.at(end) == Some(b'.') {
        let part = s.run(end + 1, |c| is_ruby_word(c) || c == b'-');
        if part == 0 {
            break;
        }
        end += 1 + part;
    }
    (head + 2..=end)
        .rev()
        .filter(|&n| s.at(n - 1) != Some(b'.'))
        .find(|&n| s.boundary(s.pos + n))
}
