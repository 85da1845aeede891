//! YAML, as rouge 3.30's `YAML` lexer (`lexers/yaml.rb`, tag `yaml`, alias `yml`). Its states:
//! `root` (line starts: directives, document markers, indentation), `indentation` (block
//! indicators `- ? :`), `block_line` (rouge's `descriptors`, `block_nodes` and `flow_nodes`
//! mixins: tags, anchors, aliases, implicit keys, block scalars, flow collections, quotes),
//! `flow_sequence` / `flow_mapping` (`flow_collection`), `block_scalar_header` and
//! `block_scalar_content`, `ignored_line`, `single_quoted_scalar` / `double_quoted_scalar`
//! (`quoted_scalar_whitespaces`), plain scalars in block and flow context (and the block one's
//! `new_line`), `yaml_directive` and `tag_directive`. Like rouge it keeps a stack of indentation
//! levels, the next level, and a block scalar's indentation, and reads them as it does (a
//! negative `|-2` included).

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{run_states, Scan, States},
    token::Tok,
};
use crate::markdown::unicode::is_alnum;

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Indentation,
    BlockLine,
    FlowSequence,
    FlowMapping,
    ScalarHeader,
    ScalarContent,
    IgnoredLine,
    SingleQuoted,
    DoubleQuoted,
    PlainBlock,
    PlainBlockNewLine,
    PlainFlow,
    YamlDirective,
    TagDirective,
}

struct Yaml {
    stack: States<St>,
    /// rouge's `@indent_stack`, `@next_indent` and `@block_scalar_indent`.
    indents: Vec<i64>,
    next: i64,
    scalar_indent: Option<i64>,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut y = Yaml {
        stack: States::new(St::Root),
        indents: vec![0],
        next: 0,
        scalar_indent: None,
    };
    run_states(code, e, |s, e| y.step(s, e));
}

fn spaces(s: &Scan<'_>, k: usize) -> usize {
    s.run(k, |c| c == b' ')
}

/// Ruby's `$` at `pos + k`: the end of the code or before a `\n`.
fn eol(s: &Scan<'_>, k: usize) -> bool {
    matches!(s.at(k), None | Some(b'\n'))
}

/// `\s` or `$` at `pos + k`.
fn space_or_eol(s: &Scan<'_>, k: usize) -> bool {
    s.at(k).is_none_or(is_ruby_space)
}

/// rouge's `plain_scalar_start`: a character that may begin a plain scalar.
fn plain_start(s: &Scan<'_>, k: usize) -> bool {
    s.at(k)
        .is_some_and(|c| !is_ruby_space(c) && !b"?:,[]{}#&*!|>'\"%@`".contains(&c))
}

/// A character that ends a plain scalar in a flow collection.
fn flow_end(c: u8) -> bool {
    b",:?[]{}".contains(&c)
}

/// A tag's suffix character (`[\w;/?:@&=+$,.!~*'()\[\]%-]`).
fn tag_char(c: u8) -> bool {
    is_ruby_word(c) || b";/?:@&=+$,.!~*'()[]%-".contains(&c)
}

/// `[\p{L}\p{Nl}\p{Nd}_-]+` at `pos + k` (anchor and alias names): its length.
fn anchor_name(s: &Scan<'_>, k: usize) -> usize {
    let rest = &s.src[s.pos + k..];
    rest.char_indices()
        .find(|&(_, c)| !(is_alnum(c) || c == '_' || c == '-'))
        .map_or(rest.len(), |(i, _)| i)
}

impl Yaml {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e),
            St::Indentation => self.indentation(s, e),
            St::BlockLine => self.block_line(s, e),
            St::FlowSequence => self.flow(s, e, b']'),
            St::FlowMapping => self.flow(s, e, b'}'),
            St::ScalarHeader => self.scalar_header(s, e),
            St::ScalarContent => self.scalar_content(s, e),
            St::IgnoredLine => self.ignored_line(s, e),
            St::SingleQuoted => self.single_quoted(s, e),
            St::DoubleQuoted => self.double_quoted(s, e),
            St::PlainBlock => self.plain_block(s, e),
            St::PlainBlockNewLine => self.plain_block_new_line(s, e),
            St::PlainFlow => self.plain_flow(s, e),
            St::YamlDirective => self.yaml_directive(s, e),
            St::TagDirective => self.tag_directive(s, e),
        }
    }

    fn indent(&self) -> i64 {
        *self.indents.last().unwrap_or(&0)
    }

    fn reset_indent(&mut self) {
        self.indents = vec![0];
        self.next = 0;
        self.scalar_indent = None;
    }

    /// rouge's `save_indent`: the next level is `n`; levels above it are closed. Gives how many
    /// of the `n` spaces are indentation (the rest, past a level never opened, are an error).
    fn save_indent(&mut self, n: usize) -> usize {
        self.next = n as i64;
        if self.next < self.indent() {
            while self.next < self.indent() {
                self.indents.pop();
            }
            return (self.indent().max(0) as usize).min(n);
        }
        n
    }

    /// rouge's `set_indent`: opens the next level, then moves past the indicator (unless
    /// `implicit`, an implicit key).
    fn set_indent(&mut self, n: usize, implicit: bool) {
        if self.indent() < self.next {
            self.indents.push(self.next);
        }
        if !implicit {
            self.next += n as i64;
        }
    }

    /// rouge's `basic`: `#.*$`.
    fn comment(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) != Some(b'#') {
            return false;
        }
        let n = s.to_eol(0);
        e.tok(Tok::CommentSingle, s.take(n));
        true
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if Self::comment(s, e) {
            return true;
        }
        let nl = s.run(0, |c| c == b'\n');
        if nl > 0 {
            e.tok(Tok::Text, s.take(nl));
            return true;
        }
        let sp = spaces(s, 0);
        if sp > 0 && (s.at(sp) == Some(b'#') || eol(s, sp)) {
            e.tok(Tok::Text, s.take(sp));
            return true;
        }
        if s.bol() {
            for (word, next) in [("%YAML", St::YamlDirective), ("%TAG", St::TagDirective)] {
                if s.starts(word) && s.boundary(s.pos + word.len()) {
                    e.tok(Tok::NameTag, s.take(word.len()));
                    self.reset_indent();
                    self.stack.push(next);
                    return true;
                }
            }
            if (s.starts("---") || s.starts("...")) && (s.at(3) == Some(b' ') || eol(s, 3)) {
                e.tok(Tok::NameNamespace, s.take(3));
                self.reset_indent();
                self.stack.push(St::BlockLine);
                return true;
            }
        }
        if space_or_eol(s, sp) {
            return false;
        }
        let text = self.save_indent(sp);
        e.tok(Tok::Text, s.take(text));
        e.tok(Tok::Error, s.take(sp - text));
        self.stack.push(St::BlockLine);
        self.stack.push(St::Indentation);
        true
    }

    fn indentation(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, |c| c != b'\n' && is_ruby_space(c));
        if s.at(ws) == Some(b'\n') {
            e.tok(Tok::Text, s.take(ws + 1));
            self.stack.pop();
            self.stack.pop();
            return true;
        }
        let indicator = |k: usize| {
            matches!(s.at(k), Some(b'-' | b':' | b'?'))
                && (s.at(k + 1) == Some(b' ') || eol(s, k + 1))
        };
        let sp = spaces(s, 0);
        if sp > 0 && indicator(sp) {
            e.tok(Tok::Text, s.take(sp));
            self.next += sp as i64;
            return true;
        }
        if indicator(0) {
            self.set_indent(1, false);
            e.tok(Tok::PunctIndicator, s.take(1));
            return true;
        }
        e.tok(Tok::Text, s.take(sp));
        self.next += sp as i64;
        self.stack.pop();
        true
    }

    fn block_line(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let sp = spaces(s, 0);
        if s.at(sp) == Some(b'#') || eol(s, sp) {
            e.tok(Tok::Text, s.take(sp));
            self.stack.pop();
            return true;
        }
        if sp > 0 {
            e.tok(Tok::Text, s.take(sp));
            return true;
        }
        if Self::descriptor(s, e) || self.block_node(s, e) || self.flow_node(s, e) {
            return true;
        }
        let indicator_then_text = matches!(s.at(0), Some(b'?' | b':' | b'-'))
            && s.at(1).is_some_and(|c| !is_ruby_space(c));
        if plain_start(s, 0) || indicator_then_text {
            self.stack.push(St::PlainBlock);
            return true;
        }
        false
    }

    /// rouge's `descriptors`: tags, anchors and aliases.
    fn descriptor(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b'!') => {
                let full = s.run(2, |c| {
                    c.is_ascii_alphanumeric() || b";/?:@&=+$,_.!~*'()[]%-".contains(&c)
                });
                let n = if s.at(1) == Some(b'<') && full > 0 && s.at(2 + full) == Some(b'>') {
                    3 + full
                } else {
                    1 + s.run(1, tag_char)
                };
                e.tok(Tok::KeywordType, s.take(n));
                true
            }
            Some(c @ (b'&' | b'*')) => {
                let n = anchor_name(s, 1);
                if n == 0 {
                    return false;
                }
                let tok = if c == b'&' {
                    Tok::NameLabel
                } else {
                    Tok::NameVariable
                };
                e.tok(tok, s.take(1 + n));
                true
            }
            _ => false,
        }
    }

    /// rouge's `block_nodes`: an implicit key, or a literal or folded scalar.
    fn block_node(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let key = s.run(0, |c| !b"#,:?[]{}\"'\n".contains(&c));
        if key > 0 && s.at(key) == Some(b':') && space_or_eol(s, key + 1) {
            e.tok(Tok::NameAttribute, s.take(key));
            e.tok(Tok::PunctIndicator, s.take(1));
            self.set_indent(key + 1, true);
            return true;
        }
        if matches!(s.at(0), Some(b'|' | b'>')) {
            let n = 1 + usize::from(matches!(s.at(1), Some(b'+' | b'-')));
            e.tok(Tok::PunctIndicator, s.take(n));
            self.stack.push(St::ScalarContent);
            self.stack.push(St::ScalarHeader);
            return true;
        }
        false
    }

    /// rouge's `flow_nodes`: flow collections and quoted scalars.
    fn flow_node(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let (tok, next) = match s.at(0) {
            Some(b'[') => (Tok::PunctIndicator, St::FlowSequence),
            Some(b'{') => (Tok::PunctIndicator, St::FlowMapping),
            Some(b'\'') => (Tok::StrSingle, St::SingleQuoted),
            Some(b'"') => (Tok::StrDouble, St::DoubleQuoted),
            _ => return false,
        };
        e.tok(tok, s.take(1));
        self.stack.push(next);
        true
    }

    /// `flow_sequence` and `flow_mapping`: their closing bracket, then `flow_collection`.
    fn flow(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, close: u8) -> bool {
        let Some(c) = s.at(0) else { return false };
        if c == close {
            e.tok(Tok::PunctIndicator, s.take(1));
            self.stack.pop();
            return true;
        }
        if is_ruby_space(c) {
            let n = s.run(0, is_ruby_space);
            e.tok(Tok::Text, s.take(n));
            return true;
        }
        if Self::comment(s, e) {
            return true;
        }
        if b"?:,".contains(&c) {
            e.tok(Tok::PunctIndicator, s.take(1));
            return true;
        }
        if Self::descriptor(s, e) || self.flow_node(s, e) {
            return true;
        }
        if plain_start(s, 0) {
            self.stack.push(St::PlainFlow);
            return true;
        }
        false
    }

    fn scalar_header(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let digit = |k: usize| matches!(s.at(k), Some(b'1'..=b'9'));
        let sign = |k: usize| matches!(s.at(k), Some(b'+' | b'-'));
        let ends = |k: usize| s.at(k) == Some(b' ') || eol(s, k);
        // The alternatives `[1-9][+-]?` then `[+-]?[1-9]?`, each longest first, as the regexp
        // backtracks through them.
        let mut candidates = [None; 6];
        if digit(0) {
            candidates[0] = sign(1).then_some(2);
            candidates[1] = Some(1);
        }
        if sign(0) {
            candidates[2] = digit(1).then_some(2);
            candidates[3] = Some(1);
        }
        candidates[4] = digit(0).then_some(1);
        candidates[5] = Some(0);
        let Some(n) = candidates.into_iter().flatten().find(|&n| ends(n)) else {
            return false;
        };
        self.scalar_indent = None;
        self.stack.goto(St::IgnoredLine);
        if n == 0 {
            return true;
        }
        let text = s.take(n);
        self.scalar_indent = Some(self.indent() + ruby_to_i(text));
        e.tok(Tok::PunctIndicator, text);
        true
    }

    fn scalar_content(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let nl = s.run(0, |c| c == b'\n');
        if nl > 0 {
            e.tok(Tok::Text, s.take(nl));
            return true;
        }
        if s.bol() {
            let sp = spaces(s, 0);
            if sp > 0 && eol(s, sp) {
                let text = s.take(sp);
                let (indent, rest) = ruby_split(text, self.scalar_indent.unwrap_or(sp as i64));
                e.tok(Tok::Text, indent);
                e.tok(Tok::NameConstant, rest);
                return true;
            }
            e.tok(Tok::Text, s.take(sp));
            let dedent = self.scalar_indent.unwrap_or(self.indent());
            self.scalar_indent.get_or_insert(sp as i64);
            if (sp as i64) < dedent {
                self.save_indent(sp);
                self.stack.pop();
                self.stack.push(St::Indentation);
            }
            return true;
        }
        let n = s.run(0, |c| !matches!(c, b'\n' | b'\r' | b'\x0b' | b'\x0c'));
        e.tok(Tok::Str, s.take(n));
        n > 0
    }

    fn ignored_line(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if Self::comment(s, e) {
            return true;
        }
        let sp = spaces(s, 0);
        if sp > 0 {
            e.tok(Tok::Text, s.take(sp));
            return true;
        }
        if s.at(0) == Some(b'\n') {
            e.tok(Tok::Text, s.take(1));
            self.stack.pop();
            return true;
        }
        false
    }

    /// rouge's `quoted_scalar_whitespaces`.
    fn quoted_space(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let sp = spaces(s, 0);
        if sp > 0 {
            let tok = if s.bol() || eol(s, sp) {
                Tok::Text
            } else {
                Tok::NameVariable
            };
            e.tok(tok, s.take(sp));
            return true;
        }
        let nl = s.run(0, |c| c == b'\n');
        e.tok(Tok::Text, s.take(nl));
        nl > 0
    }

    fn single_quoted(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if Self::quoted_space(s, e) {
            return true;
        }
        if s.starts("\\'") {
            e.tok(Tok::StrEscape, s.take(2));
            return true;
        }
        if s.at(0) == Some(b'\'') {
            e.tok(Tok::Str, s.take(1));
            self.stack.pop();
            return true;
        }
        let n = s.run(0, |c| c != b'\'' && !is_ruby_space(c));
        e.tok(Tok::Str, s.take(n));
        n > 0
    }

    fn double_quoted(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'"') {
            e.tok(Tok::Str, s.take(1));
            self.stack.pop();
            return true;
        }
        if Self::quoted_space(s, e) {
            return true;
        }
        if s.at(0) == Some(b'\\') {
            let hex = |n: usize| s.run(2, |c| c.is_ascii_hexdigit()) >= n;
            let n = match s.at(1) {
                Some(c) if b"0abt\tn\nvfre \"\\N_LP".contains(&c) => 2,
                Some(b'x') if hex(2) => 4,
                Some(b'u') if hex(4) => 6,
                Some(b'U') if hex(8) => 10,
                _ => return false,
            };
            e.tok(Tok::StrEscape, s.take(n));
            return true;
        }
        let n = s.run(0, |c| c != b'"' && c != b'\\' && !is_ruby_space(c));
        e.tok(Tok::Str, s.take(n));
        n > 0
    }

    fn plain_block_new_line(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let bol = s.bol();
        let sp = spaces(s, 0);
        if bol && sp > 0 && s.at(sp) == Some(b'\n') {
            e.tok(Tok::Text, s.take(sp + 1));
            return true;
        }
        let nl = s.run(0, |c| c == b'\n');
        if nl > 0 {
            e.tok(Tok::Text, s.take(nl));
            return true;
        }
        if !bol {
            return false;
        }
        if s.starts("---") || s.starts("...") {
            for _ in 0..3 {
                self.stack.pop();
            }
            return true;
        }
        e.tok(Tok::Text, s.take(sp));
        self.stack.pop();
        if (sp as i64) <= self.indent() {
            self.stack.pop();
            self.save_indent(sp);
            self.stack.push(St::Indentation);
        }
        true
    }

    fn plain_block(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let sp = spaces(s, 0);
        if s.at(sp) == Some(b':') && matches!(s.at(sp + 1), None | Some(b' ' | b'\n')) {
            e.tok(Tok::Text, s.take(sp));
            self.stack.pop();
            return true;
        }
        if s.at(sp) == Some(b':') {
            let word = s.run(sp + 1, |c| !is_ruby_space(c));
            if word > 0 {
                e.tok(Tok::Str, s.take(sp + 1 + word));
                return true;
            }
        }
        if sp > 0 && s.at(sp) == Some(b'#') {
            e.tok(Tok::Text, s.take(sp));
            self.stack.pop();
            return true;
        }
        if sp > 0 {
            let tok = if eol(s, sp) { Tok::Text } else { Tok::Str };
            e.tok(tok, s.take(sp));
            return true;
        }
        let nl = s.run(0, |c| c == b'\n');
        if nl > 0 {
            e.tok(Tok::Text, s.take(nl));
            self.stack.push(St::PlainBlockNewLine);
            return true;
        }
        if let Some(word) = ["true", "false", "null"].into_iter().find(|w| s.starts(w)) {
            e.tok(Tok::NameConstant, s.take(word.len()));
            return true;
        }
        if let Some(n) = plain_number(s) {
            e.tok(Tok::Number, s.take(n));
            self.stack.pop();
            return true;
        }
        let n = s.run(0, |c| c != b':' && !is_ruby_space(c));
        e.tok(Tok::Str, s.take(n));
        n > 0
    }

    fn plain_flow(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let sp = spaces(s, 0);
        if s.at(sp).is_some_and(flow_end) || (sp > 0 && s.at(sp) == Some(b'#')) {
            e.tok(Tok::Text, s.take(sp));
            self.stack.pop();
            return true;
        }
        if sp > 0 {
            let tok = if s.bol() || eol(s, sp) {
                Tok::Text
            } else {
                Tok::NameVariable
            };
            e.tok(tok, s.take(sp));
            return true;
        }
        let nl = s.run(0, |c| c == b'\n');
        if nl > 0 {
            e.tok(Tok::Text, s.take(nl));
            return true;
        }
        let n = s.run(0, |c| !flow_end(c) && !is_ruby_space(c));
        e.tok(Tok::NameVariable, s.take(n));
        n > 0
    }

    fn yaml_directive(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let sp = spaces(s, 0);
        let major = s.run(sp, |c| c.is_ascii_digit());
        let minor = s.run(sp + major + 1, |c| c.is_ascii_digit());
        if sp == 0 || major == 0 || s.at(sp + major) != Some(b'.') || minor == 0 {
            return false;
        }
        e.tok(Tok::Text, s.take(sp));
        e.tok(Tok::Number, s.take(major + 1 + minor));
        self.stack.goto(St::IgnoredLine);
        true
    }

    fn tag_directive(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let sp1 = spaces(s, 0);
        if sp1 == 0 || s.at(sp1) != Some(b'!') {
            return false;
        }
        // The handle: `!` if spaces follow it, else `![\w-]*!`.
        let handle = if s.at(sp1 + 1) == Some(b' ') {
            1
        } else {
            let w = s.run(sp1 + 1, |c| is_ruby_word(c) || c == b'-');
            if s.at(sp1 + 1 + w) != Some(b'!') {
                return false;
            }
            w + 2
        };
        let sp2 = spaces(s, sp1 + handle);
        let at = sp1 + handle + sp2;
        let prefix = if s.at(at) == Some(b'!') {
            1
        } else {
            s.run(at, tag_char)
        };
        if sp2 == 0 || prefix == 0 {
            return false;
        }
        e.tok(Tok::Text, s.take(sp1));
        e.tok(Tok::KeywordType, s.take(handle));
        e.tok(Tok::Text, s.take(sp2));
        e.tok(Tok::KeywordType, s.take(prefix));
        self.stack.goto(St::IgnoredLine);
        true
    }
}

/// `\d+(?:\.\d+)?(?=(\r?\n)| +#)` at `pos`: a number that ends a plain scalar, its length.
fn plain_number(s: &Scan<'_>) -> Option<usize> {
    let d = s.run(0, |c| c.is_ascii_digit());
    if d == 0 {
        return None;
    }
    let ends = |k: usize| {
        s.at(k) == Some(b'\n')
            || (s.at(k) == Some(b'\r') && s.at(k + 1) == Some(b'\n'))
            || (s.at(k) == Some(b' ') && s.at(k + spaces(s, k)) == Some(b'#'))
    };
    let f = s.run(d + 1, |c| c.is_ascii_digit());
    if s.at(d) == Some(b'.') && f > 0 && ends(d + 1 + f) {
        return Some(d + 1 + f);
    }
    ends(d).then_some(d)
}

/// Ruby's `String#to_i` of a block scalar's indicator (`2`, `-3`, `+`, `4-`).
fn ruby_to_i(text: &str) -> i64 {
    let (sign, digits) = match text.as_bytes()[0] {
        b'-' => (-1, &text[1..]),
        b'+' => (1, &text[1..]),
        _ => (1, text),
    };
    let d = digits.bytes().take_while(u8::is_ascii_digit).count();
    sign * digits[..d].parse::<i64>().unwrap_or(0)
}

/// Ruby's `text[0...mark]` and `text[mark..-1]` (a negative `mark` counts from the end; past
/// either end the pieces are empty).
fn ruby_split(text: &str, mark: i64) -> (&str, &str) {
    let len = text.len() as i64;
    let at = if mark < 0 { len + mark } else { mark };
    if at < 0 {
        return ("", "");
    }
    let at = at.min(len) as usize;
    (&text[..at], &text[at..])
}
