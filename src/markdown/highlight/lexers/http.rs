//! HTTP requests and responses, as rouge 3.30's `HTTP` lexer (`lexers/http.rb`, tag `http`).
//! Its states: `root` (a request line `METHOD path HTTP/1.1` or a status line `HTTP/1.1 200
//! OK`), `headers` (`Name: value` lines, other lines as strings, an empty line ending them) and
//! `content` (the rest, handed whole to the lexer rouge guesses from the last `Content-Type`
//! header's type, plain text when rouge would find none or several).
//!
//! A content type whose rouge lexer postview lacks is written plain (rouge would colour it).

use crate::markdown::highlight::{emit::Emitter, lexers, registry, scan::Scan, token::Tok};

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Headers,
}

/// rouge's `HTTP.http_methods`.
const METHODS: [&str; 8] = [
    "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "TRACE", "PATCH",
];

/// Where the next `\r` or `\n` is, remembered so that the rules which fail at a lone `\r` do not
/// search the same line again from each of its characters.
#[derive(Default)]
struct Breaks {
    from: usize,
    at: Option<usize>,
}

impl Breaks {
    fn next(&mut self, src: &[u8], from: usize) -> usize {
        if let Some(at) = self.at.filter(|&at| from >= self.from && from <= at) {
            return at;
        }
        let at = src[from..]
            .iter()
            .position(|&b| b == b'\r' || b == b'\n')
            .map_or(src.len(), |i| from + i);
        self.from = from;
        self.at = Some(at);
        at
    }
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut st = St::Root;
    let mut breaks = Breaks::default();
    // rouge's `start`: the type before any `Content-Type` header.
    let mut content_type = String::from("text/plain");
    let mut s = Scan::new(code);
    while !s.eos() {
        let matched = match st {
            St::Root => request(&mut s, e) || response(&mut s, e, &mut breaks),
            St::Headers => match header_line(&mut s, e, &mut breaks, &mut content_type) {
                Some(true) => true,
                Some(false) => {
                    content(s.rest(), &content_type, e);
                    return;
                }
                None => false,
            },
        };
        if matched {
            st = St::Headers;
        } else {
            let n = s.char_len(0);
            e.tok(Tok::Error, s.take(n));
        }
    }
}

/// The length of `(\r?\n|$)` at `pos + k`.
fn eol(s: &Scan<'_>, k: usize) -> Option<usize> {
    match (s.at(k), s.at(k + 1)) {
        (None, _) => Some(0),
        (Some(b'\n'), _) => Some(1),
        (Some(b'\r'), Some(b'\n')) => Some(2),
        _ => None,
    }
}

/// `\d(?:\.\d)?` (`optional_minor`) or `\d\.\d` at `pos + k`: its length.
fn version(s: &Scan<'_>, k: usize, optional_minor: bool) -> Option<usize> {
    let digit = |i: usize| s.at(i).is_some_and(|c| c.is_ascii_digit());
    if !digit(k) {
        return None;
    }
    if s.at(k + 1) == Some(b'.') && digit(k + 2) {
        Some(3)
    } else {
        optional_minor.then_some(1)
    }
}

/// `HTTPS?` followed by `/` at `pos + k`: the length of the keyword.
fn protocol(s: &Scan<'_>, k: usize) -> Option<usize> {
    let rest = &s.rest()[k..];
    if rest.starts_with("HTTPS/") {
        Some(5)
    } else {
        rest.starts_with("HTTP/").then_some(4)
    }
}

/// The request line: `(METHOD)( +)([^ ]+)( +)(HTTPS?)(/)(\d(?:\.\d)?)(\r?\n|$)`.
fn request(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    let Some(method) = METHODS.iter().find(|m| s.starts(m)).map(|m| m.len()) else {
        return false;
    };
    let gap = s.run(method, |c| c == b' ');
    let path = s.run(method + gap, |c| c != b' ');
    let at = method + gap + path;
    let gap2 = s.run(at, |c| c == b' ');
    if gap == 0 || path == 0 || gap2 == 0 {
        return false;
    }
    let Some(proto) = protocol(s, at + gap2) else {
        return false;
    };
    let ver_at = at + gap2 + proto + 1;
    let Some(ver) = version(s, ver_at, true) else {
        return false;
    };
    let Some(end) = eol(s, ver_at + ver) else {
        return false;
    };
    e.tok(Tok::NameFunction, s.take(method));
    e.tok(Tok::Text, s.take(gap));
    e.tok(Tok::NameNamespace, s.take(path));
    e.tok(Tok::Text, s.take(gap2));
    e.tok(Tok::Keyword, s.take(proto));
    e.tok(Tok::Operator, s.take(1));
    e.tok(Tok::Number, s.take(ver));
    e.tok(Tok::Text, s.take(end));
    true
}

/// The status line: `(HTTPS?)(/)(\d\.\d)( +)(\d{3})( +)?([^\r\n]*)?(\r?\n|$)`.
fn response(s: &mut Scan<'_>, e: &mut Emitter<'_>, breaks: &mut Breaks) -> bool {
    let Some(proto) = protocol(s, 0) else {
        return false;
    };
    let Some(ver) = version(s, proto + 1, false) else {
        return false;
    };
    let at = proto + 1 + ver;
    let gap = s.run(at, |c| c == b' ');
    let code = s.run(at + gap, |c| c.is_ascii_digit()).min(3);
    if gap == 0 || code < 3 {
        return false;
    }
    let gap2 = s.run(at + gap + 3, |c| c == b' ');
    let msg_at = at + gap + 3 + gap2;
    let msg = breaks.next(s.src.as_bytes(), s.pos + msg_at) - s.pos - msg_at;
    let Some(end) = eol(s, msg_at + msg) else {
        return false;
    };
    e.tok(Tok::Keyword, s.take(proto));
    e.tok(Tok::Operator, s.take(1));
    e.tok(Tok::Number, s.take(ver));
    e.tok(Tok::Text, s.take(gap));
    e.tok(Tok::Number, s.take(3));
    e.tok(Tok::Text, s.take(gap2));
    e.tok(Tok::NameException, s.take(msg));
    e.tok(Tok::Text, s.take(end));
    true
}

/// Ruby's `\s`.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// One rule of `headers`: `Some(true)` for a header or another line, `Some(false)` for the empty
/// line that starts the content, `None` where none matches (a line ended by a lone `\r`).
fn header_line(
    s: &mut Scan<'_>,
    e: &mut Emitter<'_>,
    breaks: &mut Breaks,
    content_type: &mut String,
) -> Option<bool> {
    let line = breaks.next(s.src.as_bytes(), s.pos) - s.pos;
    let end = eol(s, line)?;
    if line == 0 {
        // `\r?\n`: the end of the headers (`end` is not 0 here: the code goes on).
        e.tok(Tok::Text, s.take(end));
        return Some(false);
    }
    if !header(s, e, line, content_type) {
        e.tok(Tok::Str, s.take(line));
    }
    e.tok(Tok::Text, s.take(end));
    Some(true)
}

/// `([^\s:]+)( *)(:)( *)([^\r\n]+)` over the `line` bytes at `pos`, noting a content type.
fn header(s: &mut Scan<'_>, e: &mut Emitter<'_>, line: usize, content_type: &mut String) -> bool {
    let key = s.run(0, |c| !is_space(c) && c != b':');
    let gap = s.run(key, |c| c == b' ');
    if key == 0 || s.at(key + gap) != Some(b':') {
        return false;
    }
    let mut gap2 = s.run(key + gap + 1, |c| c == b' ');
    // The value takes at least one character: a last space if nothing else follows.
    if key + gap + 1 + gap2 == line {
        if gap2 == 0 {
            return false;
        }
        gap2 -= 1;
    }
    let value = line - (key + gap + 1 + gap2);
    let name = s.take(key);
    if name.trim_matches('\0').eq_ignore_ascii_case("content-type") {
        let v = &s.rest()[gap + 1 + gap2..][..value];
        *content_type = downcase(v.split(';').next().unwrap_or(""));
    }
    e.tok(Tok::NameAttribute, name);
    e.tok(Tok::Text, s.take(gap));
    e.tok(Tok::Punctuation, s.take(1));
    e.tok(Tok::Text, s.take(gap2));
    e.tok(Tok::Str, s.take(value));
    true
}

/// Ruby's `downcase` as far as a mime type can tell: ASCII letters, and the Kelvin sign, which
/// lowers to an ASCII `k`; no other character lowers to ASCII.
fn downcase(v: &str) -> String {
    v.chars()
        .map(|c| match c {
            '\u{212a}' => 'k',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// rouge's mime types of the lexers postview has, each given by exactly one rouge lexer (a type
/// no rouge lexer or several give is plain text), sorted for binary search.
const MIME_TAGS: &[(&str, &str)] = &[
    ("application/atom+xml", "xml"),
    ("application/hal+json", "json"),
    ("application/javascript", "javascript"),
    ("application/json", "json"),
    ("application/problem+json", "json"),
    ("application/rss+xml", "xml"),
    ("application/schema+json", "json"),
    ("application/vnd.api+json", "json"),
    ("application/x-clojure", "clojure"),
    ("application/x-erlang", "erlang"),
    ("application/x-go", "go"),
    ("application/x-javascript", "javascript"),
    ("application/x-lua", "lua"),
    ("application/x-python", "python"),
    ("application/x-r", "r"),
    ("application/x-ruby", "ruby"),
    ("application/x-scala", "scala"),
    ("application/x-sh", "shell"),
    ("application/x-shellscript", "shell"),
    ("application/xhtml+xml", "html"),
    ("application/xml", "xml"),
    ("image/svg+xml", "xml"),
    ("text/css", "css"),
    ("text/html", "html"),
    ("text/javascript", "javascript"),
    ("text/typescript", "typescript"),
    ("text/x-c++hdr", "cpp"),
    ("text/x-c++src", "cpp"),
    ("text/x-chdr", "c"),
    ("text/x-clojure", "clojure"),
    ("text/x-coq", "coq"),
    ("text/x-csharp", "csharp"),
    ("text/x-csrc", "c"),
    ("text/x-diff", "diff"),
    ("text/x-dockerfile-config", "docker"),
    ("text/x-erlang", "erlang"),
    ("text/x-go", "go"),
    ("text/x-haskell", "haskell"),
    ("text/x-ini", "ini"),
    ("text/x-java", "java"),
    ("text/x-javascript", "javascript"),
    ("text/x-kotlin", "kotlin"),
    ("text/x-latex", "tex"),
    ("text/x-lua", "lua"),
    ("text/x-makefile", "make"),
    ("text/x-nginx-conf", "nginx"),
    ("text/x-ocaml", "ocaml"),
    ("text/x-patch", "diff"),
    ("text/x-powershell", "powershell"),
    ("text/x-python", "python"),
    ("text/x-r", "r"),
    ("text/x-r-source", "r"),
    ("text/x-ruby", "ruby"),
    ("text/x-rust", "rust"),
    ("text/x-sass", "sass"),
    ("text/x-scala", "scala"),
    ("text/x-scss", "scss"),
    ("text/x-sh", "shell"),
    ("text/x-shellscript", "shell"),
    ("text/x-sql", "sql"),
    ("text/x-tex", "tex"),
    ("text/x-toml", "toml"),
    ("text/x-vim", "viml"),
    ("text/x-yaml", "yaml"),
    ("text/xml", "xml"),
];

/// `content`: the rest of the code, through the lexer of `content_type`.
fn content(rest: &str, content_type: &str, e: &mut Emitter<'_>) {
    let lex = MIME_TAGS
        .binary_search_by(|&(mime, _)| mime.cmp(content_type))
        .ok()
        .and_then(|i| registry::find(MIME_TAGS[i].1))
        .unwrap_or(lexers::plain);
    lex(rest, e);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mime_table_should_be_sorted_for_binary_search() {
        assert!(
            MIME_TAGS.windows(2).all(|w| w[0].0 < w[1].0),
            "the mime types should be sorted and unique"
        );
    }

    #[cfg(feature = "all-lexers")]
    #[test]
    fn every_mime_type_should_reach_a_lexer() {
        for (mime, tag) in MIME_TAGS {
            assert!(
                registry::find(tag).is_some(),
                "{mime} should name a lexer this build has ({tag})"
            );
        }
    }
}
