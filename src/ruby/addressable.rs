//! Jekyll 4.3's `relative_url` and `absolute_url` filters, with the URL normalization they get
//! from the Addressable gem (2.8): `parse(url).normalize.to_s`.
//!
//! The rules, as Jekyll applies them:
//! - nil stays nil; anything else is read as text;
//! - a URL with a scheme (`https:`, `mailto:`) is returned as it is; text before a `:` that is
//!   not a valid scheme (`12:30`) makes Addressable raise, which stops Jekyll's build;
//! - `relative_url` joins `site.baseurl` (one trailing `/` removed) and the input, each given a
//!   leading `/` unless empty, and normalizes the result;
//! - `absolute_url` puts `site.url` in front of that, when `site.url` is set.
//!
//! Normalizing percent-encodes what each part of a URL may not hold (a space becomes `%20`,
//! `é` becomes `%C3%A9`), decodes what it need not encode (`%41` becomes `A`), upper-cases the
//! rest (`%2f` becomes `%2F`), removes `.` and `..` segments, drops an empty `?` or `#`,
//! lower-cases the scheme and host and drops a default port; with the `site` feature, the
//! decoded text of each part is folded by Unicode NFKC first (`Ａ` → `A`, NFD → NFC: `nfkc.rs`).
//! Not done: that folding in the body module, whose size has no room for the tables, and IDNA
//! for non-ASCII host names; such URLs are rare in posts.

use super as ruby;
use crate::value::Value;

/// The parts of a URL, as Addressable splits it with RFC 3986's pattern.
struct Parts<'u> {
    scheme: Option<&'u str>,
    authority: Option<&'u str>,
    path: &'u str,
    query: Option<&'u str>,
    fragment: Option<&'u str>,
}

/// Splits `url` like `^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?$` and checks the
/// scheme as Addressable does. The error is Addressable's message.
fn split(url: &str) -> Result<Parts<'_>, String> {
    let mut rest = url;
    let mut scheme = None;
    if let Some(colon) = rest.find([':', '/', '?', '#']) {
        if colon > 0 && rest.as_bytes()[colon] == b':' {
            scheme = Some(&rest[..colon]);
            rest = &rest[colon + 1..];
        }
    }
    let mut authority = None;
    if let Some(after) = rest.strip_prefix("//") {
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        authority = Some(&after[..end]);
        rest = &after[end..];
    }
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    let path = &rest[..path_end];
    rest = &rest[path_end..];
    let mut query = None;
    if let Some(after) = rest.strip_prefix('?') {
        let end = after.find('#').unwrap_or(after.len());
        query = Some(&after[..end]);
        rest = &after[end..];
    }
    // The pattern's `.` does not match a newline: the fragment stops at one.
    let fragment = rest
        .strip_prefix('#')
        .map(|f| f.split('\n').next().unwrap_or(""));
    if let Some(s) = scheme {
        let b = s.as_bytes();
        let valid = b[0].is_ascii_alphabetic()
            && b.iter()
                .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'+' | b'-'));
        if !valid {
            return Err(format!("Invalid scheme format: '{s}'"));
        }
    }
    Ok(Parts {
        scheme,
        authority,
        path,
        query,
        fragment,
    })
}

/// Whether `url` has a scheme; an error where Addressable raises.
pub fn is_absolute(url: &str) -> Result<bool, String> {
    split(url).map(|p| p.scheme.is_some())
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

fn is_sub_delim(b: u8) -> bool {
    matches!(
        b,
        b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
    )
}

fn is_pchar(b: u8) -> bool {
    is_unreserved(b) || is_sub_delim(b) || b == b':' || b == b'@'
}

fn is_fragment_char(b: u8) -> bool {
    is_pchar(b) || b == b'/' || b == b'?'
}

/// Addressable's query class: pchar without `&` and `;`, plus `/` and `?`.
fn is_query_char(b: u8) -> bool {
    (is_pchar(b) && b != b'&' && b != b';') || b == b'/' || b == b'?'
}

fn is_host_char(b: u8) -> bool {
    is_unreserved(b) || is_sub_delim(b) || matches!(b, b'[' | b':' | b']')
}

fn is_reserved_or_unreserved(b: u8) -> bool {
    is_unreserved(b)
        || is_sub_delim(b)
        || matches!(b, b':' | b'/' | b'?' | b'#' | b'[' | b']' | b'@')
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// `Addressable::URI.unencode`, which Jekyll's `URL.unescape_path` is: each `%XX` as the byte
/// it stands for, a `%` without two hex digits kept. The one percent-decoder of the crate: where
/// a URL names a file (a post's destination, a link, an image in the folder). Bytes that are not
/// UTF-8 leave the text as written (Ruby would keep a broken string).
#[cfg(feature = "site")]
pub fn unencode(url: &str) -> String {
    if !url.contains('%') {
        return url.to_owned();
    }
    let b = url.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push(h * 16 + l);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| url.to_owned())
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn push_encoded(out: &mut String, b: u8) {
    out.push('%');
    out.push(HEX[(b >> 4) as usize] as char);
    out.push(HEX[(b & 15) as usize] as char);
}

/// Addressable's `normalize_component`: decode every `%XX` (except `keep`, which stays encoded,
/// upper-cased), then encode each byte outside `allowed`. Decoded bytes that are not UTF-8 fall
/// back to encoding only what is neither reserved nor unreserved, as Addressable does.
fn normalize_component(
    component: &str,
    allowed: fn(u8) -> bool,
    keep: Option<u8>,
    out: &mut String,
) {
    let b = component.as_bytes();
    let mut decoded: Vec<u8> = Vec::with_capacity(b.len());
    // Bytes of `decoded` that stand for a kept `%XX` and must come out as it.
    let mut kept: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                let byte = h * 16 + l;
                if keep == Some(byte) {
                    kept.push(decoded.len());
                }
                decoded.push(byte);
                i += 3;
                continue;
            }
        }
        decoded.push(b[i]);
        i += 1;
    }
    let allowed: fn(u8) -> bool = match std::str::from_utf8(&decoded) {
        Ok(text) => {
            if let Some(folded) = fold(text, &mut kept) {
                decoded = folded.into_bytes();
            }
            allowed
        }
        Err(_) => is_reserved_or_unreserved,
    };
    let mut kept = kept.into_iter().peekable();
    for (j, &byte) in decoded.iter().enumerate() {
        if kept.peek() == Some(&j) {
            kept.next();
            push_encoded(out, byte);
        } else if allowed(byte) {
            out.push(byte as char);
        } else {
            push_encoded(out, byte);
        }
    }
}

/// Addressable's NFKC folding of a component's decoded text, each run between the bytes of kept
/// `%XX` (ASCII, which folding leaves alone) folded apart so that `kept` follows them.
fn fold(text: &str, kept: &mut [usize]) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut start = 0;
    for at in kept.iter_mut() {
        let run = &text[start..*at];
        match ruby::nfkc::fold(run) {
            Some(f) => {
                changed = true;
                out.push_str(&f);
            }
            None => out.push_str(run),
        }
        let kept_byte = &text[*at..*at + 1];
        start = *at + 1;
        *at = out.len();
        out.push_str(kept_byte);
    }
    match ruby::nfkc::fold(&text[start..]) {
        Some(f) => {
            changed = true;
            out.push_str(&f);
        }
        None => out.push_str(&text[start..]),
    }
    changed.then_some(out)
}

/// RFC 3986's remove_dot_segments, in one pass.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let absolute = path.starts_with('/');
    let body = if absolute { &path[1..] } else { path };
    let segments: Vec<&str> = body.split('/').collect();
    let last = segments.len().saturating_sub(1);
    let mut trailing_slash = false;
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => trailing_slash = i == last,
            ".." => {
                out.pop();
                trailing_slash = i == last;
            }
            s => {
                out.push(s);
                trailing_slash = false;
            }
        }
    }
    let mut result = String::with_capacity(path.len());
    if absolute {
        result.push('/');
    }
    result.push_str(&out.join("/"));
    if trailing_slash && !result.ends_with('/') {
        result.push('/');
    }
    result
}

fn default_port(scheme: &str) -> Option<&'static str> {
    match scheme {
        "http" | "ws" => Some("80"),
        "https" | "wss" => Some("443"),
        "ftp" => Some("21"),
        "tftp" => Some("69"),
        "sftp" | "ssh" => Some("22"),
        "svn+ssh" => Some("22"),
        "telnet" => Some("23"),
        "nntp" => Some("119"),
        "gopher" => Some("70"),
        "wais" => Some("210"),
        "ldap" => Some("389"),
        "prospero" => Some("1525"),
        _ => None,
    }
}

/// Addressable's `parse(url).normalize.to_s`.
pub fn normalize(url: &str) -> Result<String, String> {
    let parts = split(url)?;
    let mut out = String::with_capacity(url.len() + 8);
    let scheme = parts.scheme.map(|s| s.to_ascii_lowercase());
    if let Some(s) = &scheme {
        out.push_str(s);
        out.push(':');
    }
    if let Some(authority) = parts.authority {
        out.push_str("//");
        normalize_authority(authority, scheme.as_deref(), &mut out)?;
    }
    let mut path = String::with_capacity(parts.path.len());
    for (i, segment) in ruby::strip(parts.path).split('/').enumerate() {
        if i > 0 {
            path.push('/');
        }
        normalize_component(segment, is_pchar, None, &mut path);
    }
    let mut path = remove_dot_segments(&path);
    if path.is_empty() && matches!(scheme.as_deref(), Some("http" | "https" | "ftp" | "tftp")) {
        path.push('/');
    }
    if parts.authority.is_some() && !path.is_empty() && !path.starts_with('/') {
        path.insert(0, '/');
    }
    if parts.authority.is_none() && path.starts_with("//") {
        return Err(format!(
            "Cannot have a path with two leading slashes without an authority set: '{url}'"
        ));
    }
    out.push_str(&path);
    if let Some(query) = parts.query {
        let mut q = String::new();
        for (i, pair) in query.split('&').enumerate() {
            if i > 0 {
                q.push('&');
            }
            normalize_component(pair, is_query_char, Some(b'+'), &mut q);
        }
        if !q.is_empty() {
            out.push('?');
            out.push_str(&q);
        }
    }
    if let Some(fragment) = parts.fragment {
        let mut f = String::new();
        normalize_component(fragment, is_fragment_char, None, &mut f);
        if !f.is_empty() {
            out.push('#');
            out.push_str(&f);
        }
    }
    Ok(out)
}

fn normalize_authority(
    authority: &str,
    scheme: Option<&str>,
    out: &mut String,
) -> Result<(), String> {
    // userinfo@host:port, with Addressable's patterns: the userinfo runs to the last `@` before
    // any bracket; the port is the digits after the last `:` outside brackets.
    let (userinfo, host_port) = match authority.rfind('@') {
        Some(at) if !authority[..at].contains(['[', ']']) => {
            (Some(&authority[..at]), &authority[at + 1..])
        }
        _ => (None, authority),
    };
    let (host, port) = match host_port.rfind(':') {
        Some(c) if !host_port[c + 1..].contains(['@', '[', ']']) => {
            (&host_port[..c], Some(&host_port[c + 1..]))
        }
        _ => (host_port, None),
    };
    if host.contains(['<', '>', '{', '}', '/', '\\', '?', '#', '@', '"'])
        || host.chars().any(char::is_whitespace)
    {
        return Err(format!("Invalid character in host: '{host}'"));
    }
    if let Some(u) = userinfo {
        out.push_str(u);
        out.push('@');
    }
    let host = ruby::strip(host).to_ascii_lowercase();
    let host = if host.len() > 1 && host.ends_with('.') && !host.ends_with("..") {
        &host[..host.len() - 1]
    } else {
        &host
    };
    normalize_component(host, is_host_char, None, out);
    if let Some(port) = port.filter(|p| !p.is_empty()) {
        if !port.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("Invalid port number: '{port}'"));
        }
        if scheme.and_then(default_port) != Some(port) {
            out.push(':');
            out.push_str(port);
        }
    }
    Ok(())
}

/// Why a URL filter could not do its work.
pub struct UrlError {
    pub message: String,
}

fn text_of(value: &Value) -> String {
    ruby::to_string(value)
}

fn with_leading_slash(s: &str) -> String {
    if s.is_empty() || s.starts_with('/') {
        s.to_owned()
    } else {
        format!("/{s}")
    }
}

/// `relative_url`: `None` when the input is returned unchanged (nil, or a URL with a scheme).
pub fn relative_url(input: &Value, site: &Value) -> Result<Option<String>, UrlError> {
    if matches!(input, Value::Null) {
        return Ok(None);
    }
    let text = text_of(input);
    if is_absolute(&text).map_err(|message| UrlError { message })? {
        return Ok(None);
    }
    let baseurl = match site.get("baseurl") {
        None | Some(Value::Null) => String::new(),
        Some(v) => {
            let s = text_of(v);
            s.strip_suffix('/').map(str::to_owned).unwrap_or(s)
        }
    };
    let joined = with_leading_slash(&baseurl) + &with_leading_slash(&text);
    normalize(&joined)
        .map(Some)
        .map_err(|message| UrlError { message })
}

/// `absolute_url`: `None` when the input is returned unchanged.
pub fn absolute_url(input: &Value, site: &Value) -> Result<Option<String>, UrlError> {
    if matches!(input, Value::Null) {
        return Ok(None);
    }
    let text = text_of(input);
    if is_absolute(&text).map_err(|message| UrlError { message })? {
        return Ok(None);
    }
    let site_url = match site.get("url") {
        None | Some(Value::Null) => String::new(),
        Some(v) => text_of(v),
    };
    let relative = relative_url(input, site)?.unwrap_or(text);
    if site_url.is_empty() {
        return Ok(Some(relative));
    }
    normalize(&(site_url + &relative))
        .map(Some)
        .map_err(|message| UrlError { message })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Map;

    /// Expected output from Ruby: `Addressable::URI.parse(url).normalize.to_s` (2.8.1).
    #[cfg(feature = "site")]
    #[test]
    fn text_should_be_folded_by_nfkc_as_addressable_folds_it() {
        assert_eq!(
            normalize("/a/%EF%BC%A1%E2%84%AB%E3%82%AB%E3%82%99").as_deref(),
            Ok("/a/A%C3%85%E3%82%AC"),
            "a fullwidth letter, the angstrom sign and a decomposed kana should fold"
        );
        assert_eq!(
            normalize("/a/%E3%82%AB%E3%82%99?x=%EF%BC%A1+%2B%E3%82%AB%E3%82%99#%E2%84%AB")
                .as_deref(),
            Ok("/a/%E3%82%AC?x=A+%2B%E3%82%AC#%C3%85"),
            "every part should fold, a kept `%2B` staying in its place"
        );
    }

    fn site(baseurl: Option<&str>, url: Option<&str>) -> Value {
        let mut m = Map::new();
        if let Some(b) = baseurl {
            m.insert("baseurl".into(), Value::from(b));
        }
        if let Some(u) = url {
            m.insert("url".into(), Value::from(u));
        }
        Value::Map(m)
    }

    fn rel(input: &str, site: &Value) -> String {
        match relative_url(&Value::from(input), site) {
            Ok(Some(s)) => s,
            Ok(None) => input.to_owned(),
            Err(e) => format!("ERROR {}", e.message),
        }
    }

    fn abs(input: &str, site: &Value) -> String {
        match absolute_url(&Value::from(input), site) {
            Ok(Some(s)) => s,
            Ok(None) => input.to_owned(),
            Err(e) => format!("ERROR {}", e.message),
        }
    }

    // Expected values from Jekyll 4.3.1 with baseurl "/blog", url "https://example.com":
    // the "ruby oracle" of `liquid/tests.rs` on '{{ "a b" | relative_url }}|…'.

    #[test]
    fn relative_url_should_prefix_baseurl_with_one_slash() {
        let s = site(Some("/blog"), Some("https://example.com"));
        assert_eq!(
            rel("a b", &s),
            "/blog/a%20b",
            "a space should be encoded and a slash added"
        );
        assert_eq!(
            rel("", &s),
            "/blog",
            "an empty input should give the baseurl"
        );
        assert_eq!(rel("/", &s), "/blog/", "a lone slash should stay");
        assert_eq!(rel("x/", &s), "/blog/x/", "a trailing slash should stay");
        assert_eq!(
            rel("/x", &s),
            "/blog/x",
            "a leading slash should not double"
        );
        let trailing = site(Some("/blog/"), None);
        assert_eq!(
            rel("x", &trailing),
            "/blog/x",
            "a baseurl's trailing slash should be dropped"
        );
        let bare = site(Some("blog"), None);
        assert_eq!(
            rel("x", &bare),
            "/blog/x",
            "a baseurl without a leading slash should get one"
        );
        let none = site(None, None);
        assert_eq!(
            rel("", &none),
            "",
            "no baseurl and no input should be empty"
        );
        assert_eq!(
            rel("x", &none),
            "/x",
            "no baseurl should still add a leading slash"
        );
    }

    #[test]
    fn relative_url_should_normalize_like_addressable() {
        let s = site(Some("/blog"), None);
        assert_eq!(
            rel("a/./b/../c", &s),
            "/blog/a/c",
            "dot segments should be removed"
        );
        assert_eq!(
            rel("../../a", &s),
            "/a",
            "`..` should not climb above the root"
        );
        assert_eq!(
            rel("/a/b/..", &s),
            "/blog/a/",
            "a final `..` should leave a slash"
        );
        assert_eq!(
            rel("ü é", &s),
            "/blog/%C3%BC%20%C3%A9",
            "non-ASCII should be percent-encoded as UTF-8"
        );
        assert_eq!(
            rel("%7e%41%2f%zz", &s),
            "/blog/~A%2F%25zz",
            "needless escapes decoded, others upper-cased, stray % encoded"
        );
        assert_eq!(
            rel("a?x=1 2&y=ü;z#h g/?", &s),
            "/blog/a?x=1%202&y=%C3%BC%3Bz#h%20g/?",
            "query and fragment should be encoded by their own rules"
        );
        assert_eq!(rel("a?", &s), "/blog/a", "an empty query should be dropped");
        assert_eq!(
            rel("a#", &s),
            "/blog/a",
            "an empty fragment should be dropped"
        );
        assert_eq!(
            rel("a?%2b+%20", &s),
            "/blog/a?%2B+%20",
            "an encoded plus should stay encoded in a query"
        );
        assert_eq!(
            rel("[x]", &s),
            "/blog/%5Bx%5D",
            "brackets should be encoded in a path"
        );
        assert_eq!(
            rel("a|b\\c^d`e{f", &s),
            "/blog/a%7Cb%5Cc%5Ed%60e%7Bf",
            "unsafe characters should be encoded"
        );
        assert_eq!(
            rel("%ff", &s),
            "/blog/%FF",
            "a byte that is not UTF-8 should stay encoded"
        );
        assert_eq!(
            rel(" a ", &s),
            "/blog/%20a",
            "the path should be stripped after joining"
        );
        assert_eq!(
            rel("/a:b", &s),
            "/blog/a:b",
            "a colon inside the path should stay"
        );
    }

    #[test]
    fn urls_with_a_scheme_should_pass_unchanged_and_bad_schemes_should_fail() {
        let s = site(Some("/blog"), Some("https://example.com"));
        assert_eq!(
            rel("mailto:x@y", &s),
            "mailto:x@y",
            "a mailto URL should be left alone"
        );
        assert_eq!(
            rel("HTTP://X.COM/A", &s),
            "HTTP://X.COM/A",
            "an absolute URL should be left alone"
        );
        assert_eq!(rel("a:b", &s), "a:b", "`a:` is a valid scheme");
        assert_eq!(
            rel("12:30", &s),
            "ERROR Invalid scheme format: '12'",
            "Addressable refuses a scheme starting with a digit"
        );
        assert_eq!(
            abs("hello world: x", &s),
            "ERROR Invalid scheme format: 'hello world'",
            "a space in a scheme is refused"
        );
    }

    #[test]
    fn absolute_url_should_prefix_site_url() {
        let s = site(Some("/blog"), Some("https://example.com"));
        assert_eq!(
            abs("a b", &s),
            "https://example.com/blog/a%20b",
            "site.url and baseurl should lead"
        );
        assert_eq!(
            abs("", &s),
            "https://example.com/blog",
            "an empty input should give the base"
        );
        assert_eq!(
            abs("http://y.com", &s),
            "http://y.com",
            "an absolute URL should be left alone"
        );
        let odd = site(Some("/blog/"), Some("HTTPS://Example.COM:443/"));
        assert_eq!(
            abs("/x", &odd),
            "https://example.com//blog/x",
            "scheme and host lower-cased, default port dropped, slashes kept"
        );
        let root = site(Some(""), Some("https://example.com"));
        assert_eq!(
            abs("", &root),
            "https://example.com/",
            "an http URL with no path should get `/`"
        );
        let no_url = site(Some("/blog"), None);
        assert_eq!(
            abs("x", &no_url),
            "/blog/x",
            "without site.url it should be relative_url"
        );
    }

    #[test]
    fn a_protocol_relative_result_should_get_its_host_normalized() {
        let s = site(Some(""), None);
        assert_eq!(
            rel("//cdn.COM/x y", &s),
            "//cdn.com/x%20y",
            "the host should be lower-cased"
        );
    }

    #[test]
    fn other_values_should_be_read_as_text_and_nil_should_stay_nil() {
        let s = site(Some("/blog"), Some("https://example.com"));
        assert!(
            matches!(relative_url(&Value::Null, &s), Ok(None)),
            "nil should stay nil"
        );
        let seven = relative_url(&Value::Int(7), &s).ok().flatten();
        assert_eq!(
            seven.as_deref(),
            Some("/blog/7"),
            "a number should be read as text"
        );
        let list = Value::List(vec![Value::Int(1), Value::Int(2)]);
        let listed = relative_url(&list, &s).ok().flatten();
        assert_eq!(
            listed.as_deref(),
            Some("/blog/%5B1,%202%5D"),
            "a list should be read as Ruby prints it"
        );
    }
}
