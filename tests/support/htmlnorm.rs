//! DOM equality by the rules of `../shared/tools/htmlnorm.py`: same elements, same attributes in
//! any order, same decoded text, white space folded (but in `<pre>`) and dropped between blocks.
//! Only what our tests need of HTML parsing: tags, attributes, comments, character references.

#![allow(dead_code)]

const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "iframe",
    "video",
    "audio",
    "source",
    "br",
];
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    Start(String, Vec<(String, String)>),
    End(String),
    Text(String),
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "copy" => '©',
        "reg" => '®',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        _ => return None,
    })
}

/// Decodes character references.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e < 12);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                entity(name)
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn raw_tokens(html: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    let mut text = String::new();
    while i < b.len() {
        if b[i] == b'<' {
            if html[i..].starts_with("<!--") {
                let end = html[i + 4..].find("-->").map_or(b.len(), |e| i + 4 + e + 3);
                i = end;
                continue;
            }
            let closing = b.get(i + 1) == Some(&b'/');
            let name_start = if closing { i + 2 } else { i + 1 };
            if b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                let Some(gt) = tag_end(html, name_start) else {
                    text.push_str(&html[i..]);
                    break;
                };
                if !text.is_empty() {
                    out.push(Token::Text(unescape(&std::mem::take(&mut text))));
                }
                let inner = &html[name_start..gt];
                let name_len = inner
                    .find(|c: char| c.is_ascii_whitespace() || c == '/')
                    .unwrap_or(inner.len());
                let name = inner[..name_len].to_ascii_lowercase();
                if closing {
                    out.push(Token::End(name));
                } else {
                    let self_closing = inner.ends_with('/');
                    let attrs = attributes(inner[name_len..].trim_end_matches('/'));
                    out.push(Token::Start(name.clone(), attrs));
                    if self_closing && !VOID.contains(&name.as_str()) {
                        out.push(Token::End(name));
                    }
                }
                i = gt + 1;
                continue;
            }
        }
        let c = html[i..].chars().next().expect("a character");
        text.push(c);
        i += c.len_utf8();
    }
    if !text.is_empty() {
        out.push(Token::Text(unescape(&text)));
    }
    out
}

/// The `>` that ends a tag, outside quoted attribute values.
fn tag_end(html: &str, from: usize) -> Option<usize> {
    let mut quote = None;
    for (j, c) in html[from..].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(from + j),
            _ => {}
        }
    }
    None
}

fn attributes(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        let name_len = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=')
            .unwrap_or(rest.len());
        let name = rest[..name_len].to_ascii_lowercase();
        rest = rest[name_len..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = after[1..].find(q).map_or(after.len(), |e| e + 1);
                    value = unescape(&after[1..end]);
                    rest = after.get(end + 1..).unwrap_or("");
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_ascii_whitespace())
                        .unwrap_or(after.len());
                    value = unescape(&after[..end]);
                    rest = &after[end..];
                }
            }
        }
        if !name.is_empty() {
            out.push((name, value));
        }
        rest = rest.trim_start();
    }
    out.sort();
    out
}

/// The canonical token list of a fragment.
pub fn tokens(html: &str) -> Vec<Token> {
    let mut raw = Vec::new();
    let mut pre = 0usize;
    // Fold white space outside <pre>, as htmlnorm does while parsing.
    for t in raw_tokens(html) {
        match &t {
            Token::Start(n, _) if n == "pre" => pre += 1,
            Token::End(n) if n == "pre" => pre = pre.saturating_sub(1),
            _ => {}
        }
        match t {
            Token::Start(n, a) => {
                let void = VOID.contains(&n.as_str());
                raw.push((Token::Start(n.clone(), a), false));
                if void {
                    raw.push((Token::End(n), false));
                }
            }
            Token::End(n) if VOID.contains(&n.as_str()) => {}
            Token::Text(s) if pre == 0 => raw.push((Token::Text(fold(&s)), false)),
            other => raw.push((other, true)),
        }
    }
    let is_block = |t: &Token| match t {
        Token::Start(n, _) | Token::End(n) => BLOCK.contains(&n.as_str()),
        Token::Text(_) => false,
    };
    let mut out: Vec<Token> = Vec::new();
    for i in 0..raw.len() {
        let (tok, in_pre) = &raw[i];
        let Token::Text(text) = tok else {
            out.push(tok.clone());
            continue;
        };
        let mut text = text.as_str();
        if !in_pre {
            if i == 0 || is_block(&raw[i - 1].0) {
                text = text.trim_start_matches(' ');
            }
            if i + 1 == raw.len() || is_block(&raw[i + 1].0) {
                text = text.trim_end_matches(' ');
            }
        }
        if text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(Token::Text(prev)) => prev.push_str(text),
            _ => out.push(Token::Text(text.to_owned())),
        }
    }
    out
}

fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// `None` when equal, else the first differing tokens.
pub fn difference(a: &str, b: &str) -> Option<String> {
    let (ta, tb) = (tokens(a), tokens(b));
    if ta == tb {
        return None;
    }
    let i = ta
        .iter()
        .zip(&tb)
        .position(|(x, y)| x != y)
        .unwrap_or(ta.len().min(tb.len()));
    Some(format!(
        "at token {i}: {:?}  <->  {:?}",
        ta.get(i..(i + 3).min(ta.len())),
        tb.get(i..(i + 3).min(tb.len()))
    ))
}
