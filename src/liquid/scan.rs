//! Splits a template into text, `{{ … }}` and `{% … %}` tokens the way Liquid 4's tokenizer does
//! (its `TemplateParser` pattern), so that a stray `{{` or `}` cuts the text where Jekyll cuts it:
//!
//! - at the first `{{` or `{%` of the remaining text a token starts;
//! - `{%` runs to the nearest `%}`; without one, the token is the bare `{%` (never closed);
//! - `{{` runs to the nearest `}`, taking a second `}` if one follows; without any `}`, the token
//!   is the bare `{{`. A token ending in a single `}` is not properly terminated.
//!
//! Searches for a closing delimiter remember what they found, so a text full of unclosed
//! openers is still scanned in linear time.

use crate::byte_set;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// `{{ … }}`.
    Output,
    /// `{{ … }` (one brace): Liquid's "Variable was not properly terminated".
    OutputOneBrace,
    /// `{% … %}`.
    Tag,
    /// A bare `{{` with no `}` after it.
    UnclosedOutput,
    /// A bare `{%` with no `%}` after it.
    UnclosedTag,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

/// Iterates over the tokens of a template, in order; together they cover it exactly.
pub struct Scanner<'t> {
    bytes: &'t [u8],
    pos: usize,
    /// A delimiter start waiting to be returned after the text before it.
    pending: Option<Token>,
    /// Where the last search for `%}` ended: `(from, found)`; a search from at least `from`
    /// and at most `found` gets the same answer.
    tag_end: Finder,
    brace: Finder,
}

/// A memo for "where is the next occurrence of this needle at or after `from`", for callers
/// whose `from` only grows: each byte is then searched about once.
#[derive(Default)]
pub struct Finder {
    searched_from: usize,
    found: Option<usize>,
    valid: bool,
}

impl Finder {
    pub fn find(&mut self, bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
        if self.valid && from >= self.searched_from {
            match self.found {
                None => return None,
                Some(at) if at >= from => return Some(at),
                Some(_) => {}
            }
        }
        let found = find(bytes, from, needle);
        *self = Finder {
            searched_from: from,
            found,
            valid: true,
        };
        found
    }
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut i = from;
    while i + needle.len() <= bytes.len() {
        let at = byte_set::find_byte(bytes, i, needle[0]);
        if at == bytes.len() {
            return None;
        }
        if bytes.get(at..at + needle.len()) == Some(needle) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

impl<'t> Scanner<'t> {
    pub fn new(template: &'t str) -> Self {
        Scanner {
            bytes: template.as_bytes(),
            pos: 0,
            pending: None,
            tag_end: Finder::default(),
            brace: Finder::default(),
        }
    }

    /// The token starting at `at`, which holds `{{` or `{%`.
    fn delimited(&mut self, at: usize) -> Token {
        let bytes = self.bytes;
        if bytes[at + 1] == b'%' {
            match self.tag_end.find(bytes, at + 2, b"%}") {
                Some(close) => Token {
                    kind: Kind::Tag,
                    start: at,
                    end: close + 2,
                },
                None => Token {
                    kind: Kind::UnclosedTag,
                    start: at,
                    end: at + 2,
                },
            }
        } else {
            match self.brace.find(bytes, at + 2, b"}") {
                Some(close) if bytes.get(close + 1) == Some(&b'}') => Token {
                    kind: Kind::Output,
                    start: at,
                    end: close + 2,
                },
                Some(close) => Token {
                    kind: Kind::OutputOneBrace,
                    start: at,
                    end: close + 1,
                },
                None => Token {
                    kind: Kind::UnclosedOutput,
                    start: at,
                    end: at + 2,
                },
            }
        }
    }
}

/// Where the next `{{` or `{%` starts, from `from` on.
pub fn next_opener(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i < bytes.len() {
        let at = byte_set::find_byte(bytes, i, b'{');
        if at == bytes.len() {
            return None;
        }
        if matches!(bytes.get(at + 1), Some(b'{' | b'%')) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

impl Iterator for Scanner<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        if let Some(token) = self.pending.take() {
            self.pos = token.end;
            return Some(token);
        }
        if self.pos >= self.bytes.len() {
            return None;
        }
        match next_opener(self.bytes, self.pos) {
            Some(at) if at == self.pos => {
                let token = self.delimited(at);
                self.pos = token.end;
                Some(token)
            }
            Some(at) => {
                let text = Token {
                    kind: Kind::Text,
                    start: self.pos,
                    end: at,
                };
                self.pending = Some(self.delimited(at));
                self.pos = at;
                Some(text)
            }
            None => {
                let text = Token {
                    kind: Kind::Text,
                    start: self.pos,
                    end: self.bytes.len(),
                };
                self.pos = self.bytes.len();
                Some(text)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<(Kind, &str)> {
        Scanner::new(s)
            .map(|t| (t.kind, &s[t.start..t.end]))
            .collect()
    }

    #[test]
    fn scanner_should_split_text_output_and_tags() {
        assert_eq!(
            tokens("a {{ b }} c {% d %}e"),
            [
                (Kind::Text, "a "),
                (Kind::Output, "{{ b }}"),
                (Kind::Text, " c "),
                (Kind::Tag, "{% d %}"),
                (Kind::Text, "e"),
            ],
            "text, output and tags should come out in order"
        );
    }

    #[test]
    fn scanner_should_return_text_without_liquid_as_one_token() {
        assert_eq!(
            tokens("plain { text } %}"),
            [(Kind::Text, "plain { text } %}")],
            "no opener should mean one text token"
        );
        assert!(
            tokens("").is_empty(),
            "an empty template should have no tokens"
        );
    }

    #[test]
    fn output_should_end_at_the_first_closing_brace_as_in_liquid() {
        // Liquid: `{{ a } b }}` is "Variable '{{ a }' was not properly terminated".
        assert_eq!(
            tokens("{{ a } b }}"),
            [(Kind::OutputOneBrace, "{{ a }"), (Kind::Text, " b }}")],
            "a single `}}` should end the output token"
        );
        assert_eq!(
            tokens("{{{ a }}}"),
            [(Kind::Output, "{{{ a }}"), (Kind::Text, "}")],
            "a third brace should stay text"
        );
    }

    #[test]
    fn unclosed_openers_should_be_bare_two_byte_tokens() {
        assert_eq!(
            tokens("a {{ b"),
            [
                (Kind::Text, "a "),
                (Kind::UnclosedOutput, "{{"),
                (Kind::Text, " b")
            ],
            "an unclosed `{{` should be a bare token followed by text"
        );
        assert_eq!(
            tokens("{% b {{ c }}"),
            [
                (Kind::UnclosedTag, "{%"),
                (Kind::Text, " b "),
                (Kind::Output, "{{ c }}")
            ],
            "an unclosed `{{%` should not swallow later output"
        );
    }

    #[test]
    fn a_tag_should_run_to_the_nearest_close_even_across_output() {
        assert_eq!(
            tokens("{% a {{ b }} %}"),
            [(Kind::Tag, "{% a {{ b }} %}")],
            "`{{%` should take everything up to `%}}`"
        );
        assert_eq!(
            tokens("{%}"),
            [(Kind::UnclosedTag, "{%"), (Kind::Text, "}")],
            "`{{%}}` has no separate `%}}`"
        );
    }

    #[test]
    fn tokens_should_cover_the_template_exactly() {
        let s = "x{{{{ {%{% }} %} {{ é }}}}ü{%";
        let mut at = 0;
        for t in Scanner::new(s) {
            assert_eq!(t.start, at, "tokens should be contiguous");
            assert!(
                s.is_char_boundary(t.end),
                "tokens should end on character boundaries"
            );
            at = t.end;
        }
        assert_eq!(at, s.len(), "tokens should reach the end");
    }

    #[test]
    fn many_unclosed_openers_should_scan_in_linear_time() {
        // 16× the input should be about 16× the work; without the memo it would be 256×.
        for n in [1_000, 16_000] {
            let s = "{{".repeat(n) + &"{%".repeat(n);
            assert_eq!(
                Scanner::new(&s).count(),
                2 * n,
                "every opener should be a bare token"
            );
        }
    }
}
