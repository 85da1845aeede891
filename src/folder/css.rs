//! The URLs of a stylesheet, rewritten: every `url(…)` (CSS Syntax Level 3's url token and the
//! `url("…")` function) and every `@import "…"`, so that a stylesheet shown from a `blob:` URL
//! still finds the fonts and images it names relative to where the site publishes it.

/// `css` with each URL that `map` maps replaced (written `url("…")`); others as written.
pub fn rewrite_urls(css: &str, mut map: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some((start, value, end)) = next_url(rest) {
        out.push_str(&rest[..start]);
        match map(value) {
            Some(url) => {
                out.push_str("url(\"");
                out.push_str(&url.replace('"', "%22"));
                out.push_str("\")");
            }
            None => out.push_str(&rest[start..end]),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The next `url(…)` or `@import "…"` in `css`: (its start, the URL, its end).
fn next_url(css: &str) -> Option<(usize, &str, usize)> {
    let lower = css.to_ascii_lowercase();
    let mut from = 0;
    loop {
        let url = lower[from..].find("url(").map(|i| i + from);
        let import = lower[from..].find("@import").map(|i| i + from);
        let at = match (url, import) {
            (Some(u), Some(i)) => u.min(i),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => return None,
        };
        let found = if Some(at) == url {
            let word_before = css[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
            (!word_before).then(|| url_function(css, at)).flatten()
        } else {
            import_string(css, at)
        };
        match found {
            Some((value, end)) => return Some((at, value, end)),
            None => from = at + 1,
        }
    }
}

/// `url(  "x" )` or `url(x)` starting at `at`: the URL and the end.
fn url_function(css: &str, at: usize) -> Option<(&str, usize)> {
    let inner = at + 4;
    let body = &css[inner..];
    let lead = body.len() - body.trim_start().len();
    let body = &body[lead..];
    let (value, after) = match body.chars().next()? {
        q @ ('"' | '\'') => {
            let close = body[1..].find(q)? + 1;
            (&body[1..close], close + 1)
        }
        _ => {
            let close = body.find(')')?;
            (body[..close].trim_end(), close)
        }
    };
    let tail = &body[after..];
    let close = tail.len() - tail.trim_start().len();
    tail[close..]
        .starts_with(')')
        .then_some((value, inner + lead + after + close + 1))
}

/// `@import "x.css"` starting at `at` (the `url(…)` form is a url function): the URL and the end.
fn import_string(css: &str, at: usize) -> Option<(&str, usize)> {
    let after = at + "@import".len();
    let body = css[after..].trim_start();
    let start = css.len() - body.len();
    let q = body.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let close = body[1..].find(q)? + 1;
    Some((&body[1..close], start + close + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blob(url: &str) -> Option<String> {
        (!url.starts_with("http")).then(|| format!("blob:{url}"))
    }

    #[test]
    fn each_url_form_should_be_rewritten() {
        let css = "a{background:url(../img/a.png)} b{background:URL( \"b c.png\" )} @font-face{src:url('f.woff2') format('woff2')}";
        assert_eq!(
            rewrite_urls(css, blob),
            "a{background:url(\"blob:../img/a.png\")} b{background:url(\"blob:b c.png\")} @font-face{src:url(\"blob:f.woff2\") format('woff2')}"
        );
    }

    #[test]
    fn imports_should_be_rewritten_and_remote_urls_kept() {
        let css = "@import \"x.css\";\n@import url(https://fonts.example/y.css);\n.a{b:url(https://x/y.png)}";
        assert_eq!(
            rewrite_urls(css, blob),
            "url(\"blob:x.css\");\n@import url(https://fonts.example/y.css);\n.a{b:url(https://x/y.png)}"
        );
    }

    #[test]
    fn what_is_not_a_url_should_stay_as_written() {
        for css in [
            "a{b:myurl(x)}",
            "a{b:url(x}",
            "@import;",
            "a{content:\"url(\"}",
        ] {
            let out = rewrite_urls(css, |_| None);
            assert_eq!(out, css);
        }
        assert_eq!(rewrite_urls("a{b:myurl(x)}", blob), "a{b:myurl(x)}");
    }
}
