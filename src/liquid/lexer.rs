//! The strict tokenizer of the markup inside `{{ … }}`, after Liquid's `Lexer`: comparison
//! operators, quoted strings, numbers, identifiers, `..` and the one-character specials, with
//! ASCII white space between them. Any other character is a syntax error, which in Jekyll's
//! default `error_mode: warn` means a warning and a lenient second reading (see `variable`).

use crate::ctype::{is_ruby_space, is_ruby_word};

/// A kind of token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    Comparison,
    String,
    Number,
    Id,
    DotDot,
    Pipe,
    Dot,
    Colon,
    Comma,
    OpenSquare,
    CloseSquare,
    OpenRound,
    CloseRound,
    Question,
    Dash,
    End,
}

/// A token: its kind and its byte range in the markup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Tok,
    pub start: usize,
    pub end: usize,
}

/// A character the strict lexer does not know, and where it is.
#[derive(Debug, PartialEq, Eq)]
pub struct Unexpected {
    pub at: usize,
    pub ch: char,
}

/// Tokenizes `markup`; the list always ends with an `End` token at `markup.len()`.
pub fn tokenize(markup: &str) -> Result<Vec<Token>, Unexpected> {
    let b = markup.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while i < b.len() && is_ruby_space(b[i]) {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let start = i;
        let kind = if let Some(len) = comparison(&b[i..]) {
            i += len;
            Tok::Comparison
        } else if b[i] == b'\'' || b[i] == b'"' {
            match b[i + 1..].iter().position(|&c| c == b[i]) {
                Some(n) => {
                    i += n + 2;
                    Tok::String
                }
                // An unclosed quote is not a string; the quote itself is unexpected.
                None => {
                    return Err(Unexpected {
                        at: i,
                        ch: b[i] as char,
                    })
                }
            }
        } else if let Some(len) = number(&b[i..]) {
            i += len;
            Tok::Number
        } else if b[i].is_ascii_alphabetic() || b[i] == b'_' {
            i += 1;
            while i < b.len() && (is_ruby_word(b[i]) || b[i] == b'-') {
                i += 1;
            }
            if b.get(i) == Some(&b'?') {
                i += 1;
            }
            Tok::Id
        } else if b[i..].starts_with(b"..") {
            i += 2;
            Tok::DotDot
        } else {
            let kind = match b[i] {
                b'|' => Tok::Pipe,
                b'.' => Tok::Dot,
                b':' => Tok::Colon,
                b',' => Tok::Comma,
                b'[' => Tok::OpenSquare,
                b']' => Tok::CloseSquare,
                b'(' => Tok::OpenRound,
                b')' => Tok::CloseRound,
                b'?' => Tok::Question,
                b'-' => Tok::Dash,
                _ => {
                    let ch = markup[i..].chars().next().unwrap_or('?');
                    return Err(Unexpected { at: i, ch });
                }
            };
            i += 1;
            kind
        };
        out.push(Token {
            kind,
            start,
            end: i,
        });
    }
    out.push(Token {
        kind: Tok::End,
        start: b.len(),
        end: b.len(),
    });
    Ok(out)
}

/// `==|!=|<>|<=?|>=?|contains(?=\s)`
fn comparison(b: &[u8]) -> Option<usize> {
    for op in [&b"=="[..], b"!=", b"<>", b"<=", b"<", b">=", b">"] {
        if b.starts_with(op) {
            return Some(op.len());
        }
    }
    if b.starts_with(b"contains") && b.get(8).is_some_and(|&c| is_ruby_space(c)) {
        return Some(8);
    }
    None
}

/// `-?\d+(\.\d+)?`
fn number(b: &[u8]) -> Option<usize> {
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return None;
    }
    i += digits;
    if b.get(i) == Some(&b'.') {
        let frac = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if frac > 0 {
            i += 1 + frac;
        }
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<Tok> {
        tokenize(s)
            .map(|t| t.into_iter().map(|t| t.kind).collect())
            .unwrap_or_default()
    }

    #[test]
    fn lexer_should_read_a_filtered_variable() {
        assert_eq!(
            kinds(r#" page.title | append: "x", 'y' | slice: -1.5 "#),
            [
                Tok::Id,
                Tok::Dot,
                Tok::Id,
                Tok::Pipe,
                Tok::Id,
                Tok::Colon,
                Tok::String,
                Tok::Comma,
                Tok::String,
                Tok::Pipe,
                Tok::Id,
                Tok::Colon,
                Tok::Number,
                Tok::End
            ],
            "each piece should be one token"
        );
    }

    #[test]
    fn identifiers_should_take_dashes_and_a_question_mark() {
        let toks = tokenize("zh-Hans x? _a").unwrap_or_default();
        let texts: Vec<_> = toks
            .iter()
            .map(|t| &"zh-Hans x? _a"[t.start..t.end])
            .collect();
        assert_eq!(
            texts,
            ["zh-Hans", "x?", "_a", ""],
            "identifiers should be read as Liquid reads them"
        );
    }

    #[test]
    fn numbers_and_ranges_should_split_as_in_liquid() {
        assert_eq!(
            kinds("(1..3)"),
            [
                Tok::OpenRound,
                Tok::Number,
                Tok::DotDot,
                Tok::Number,
                Tok::CloseRound,
                Tok::End
            ],
            "`1..3` should be number, dotdot, number"
        );
        assert_eq!(
            kinds("1.2.3"),
            [Tok::Number, Tok::Dot, Tok::Number, Tok::End],
            "`1.2.3` should be 1.2 . 3"
        );
    }

    #[test]
    fn contains_should_be_an_operator_only_before_white_space() {
        assert_eq!(
            kinds("contains x"),
            [Tok::Comparison, Tok::Id, Tok::End],
            "`contains ` should be an operator"
        );
        assert_eq!(
            kinds("containsx"),
            [Tok::Id, Tok::End],
            "`containsx` should be an identifier"
        );
    }

    #[test]
    fn unknown_characters_and_unclosed_quotes_should_be_refused_with_their_place() {
        assert_eq!(
            tokenize("a !"),
            Err(Unexpected { at: 2, ch: '!' }),
            "`!` should be unexpected"
        );
        assert_eq!(
            tokenize("a é"),
            Err(Unexpected { at: 2, ch: 'é' }),
            "non-ASCII should be unexpected"
        );
        assert_eq!(
            tokenize("'abc"),
            Err(Unexpected { at: 0, ch: '\'' }),
            "an unclosed quote should be unexpected"
        );
    }
}
