//! `{% … %}` tags, after Liquid 4's `BlockBody` and its `raw` and `comment` tags:
//!
//! - a tag token is `{%`, an optional `-`, white space, a name (`\w+`, or `#` in Liquid 5.4),
//!   white space, the markup, an optional `-` and `%}`; anything else is a syntax error;
//! - `{% raw %}` keeps everything up to the first token that ends in `{% endraw %}` (the text
//!   of that token before its `{%` included), as written; its `-` controls trim the text before
//!   it and the text after `endraw`, never the body;
//! - `{% comment %}` drops everything up to its `{% endcomment %}`; comments nest, and a `raw`
//!   inside one is skipped whole;
//! - every other tag is looked up in `registry`.

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::ruby;

/// A well-formed tag token.
#[derive(Debug, PartialEq, Eq)]
pub struct Tag<'t> {
    pub name: &'t str,
    pub markup: &'t str,
    /// `{%-`: trims white space before the tag.
    pub trim_before: bool,
    /// `-%}`: trims white space after the tag.
    pub trim_after: bool,
}

/// Reads a `{% … %}` token; `None` where Liquid's `FullToken` pattern fails (no tag name), which
/// is a syntax error.
pub fn parse(token: &str) -> Option<Tag<'_>> {
    let b = token.as_bytes();
    if b.len() < 4 || !token.starts_with("{%") || !token.ends_with("%}") {
        return None;
    }
    let end = b.len() - 2;
    let trim_before = b[2] == b'-';
    let trim_after = b[b.len() - 3] == b'-';
    let mut i = 2 + usize::from(trim_before);
    while i < end && is_ruby_space(b[i]) {
        i += 1;
    }
    let name_start = i;
    if i < end && b[i] == b'#' {
        i += 1;
    } else {
        while i < end && is_ruby_word(b[i]) {
            i += 1;
        }
    }
    if i == name_start {
        return None;
    }
    let name = &token[name_start..i];
    while i < end && is_ruby_space(b[i]) {
        i += 1;
    }
    let mut markup_end = end;
    if markup_end > i && b[markup_end - 1] == b'-' {
        markup_end -= 1;
    }
    Some(Tag {
        name,
        markup: &token[i.min(markup_end)..markup_end],
        trim_before,
        trim_after,
    })
}

/// If `token` ends the raw body (Liquid's `\A(.*){%\s*(\w+)\s*(.*)?%}\z` with the name
/// `endraw`), how many of its bytes still belong to the body.
pub fn raw_end(token: &str) -> Option<usize> {
    let b = token.as_bytes();
    if !token.ends_with("%}") {
        return None;
    }
    let limit = b.len() - 2;
    // `(.*)` is greedy: the last `{%` followed by a name decides.
    let mut search_end = limit;
    while let Some(at) = token[..search_end].rfind("{%") {
        let mut i = at + 2;
        while i < limit && is_ruby_space(b[i]) {
            i += 1;
        }
        let name_start = i;
        while i < limit && is_ruby_word(b[i]) {
            i += 1;
        }
        if i > name_start {
            return (&token[name_start..i] == "endraw").then_some(at);
        }
        search_end = at;
    }
    None
}

/// The variable name a tag's markup starts with (`counter` in `{% increment counter %}`, `row`
/// in `{% tablerow row in list %}`).
pub fn first_name(markup: &str) -> Option<&str> {
    let markup = ruby::lstrip(markup);
    let end = markup
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(markup.len());
    (end > 0).then(|| &markup[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_should_give_its_name_markup_and_trim_flags() {
        assert_eq!(
            parse("{%- include a.html x=1 -%}"),
            Some(Tag {
                name: "include",
                markup: "a.html x=1 ",
                trim_before: true,
                trim_after: true
            }),
            "name, markup and both trims should be read"
        );
        assert_eq!(
            parse("{% raw-%}"),
            Some(Tag {
                name: "raw",
                markup: "",
                trim_before: false,
                trim_after: true
            }),
            "a dash right after the name should be a trim"
        );
        assert_eq!(
            parse("{%comment%}").map(|t| t.name),
            Some("comment"),
            "no spaces should be needed"
        );
        assert_eq!(
            parse("{% # note %}").map(|t| t.name),
            Some("#"),
            "`#` should be a tag name (Liquid 5.4)"
        );
    }

    #[test]
    fn a_tag_without_a_name_should_not_parse() {
        for token in ["{% %}", "{%%}", "{%- -%}", "{% 'x' %}", "{% é %}"] {
            assert_eq!(
                parse(token),
                None,
                "`{token}` has no tag name, a Liquid syntax error"
            );
        }
    }

    #[test]
    fn raw_should_end_at_a_token_ending_in_endraw() {
        assert_eq!(
            raw_end("{% endraw %}"),
            Some(0),
            "a plain endraw should close with nothing kept"
        );
        assert_eq!(
            raw_end("{%endraw x%}"),
            Some(0),
            "markup after endraw should not matter"
        );
        assert_eq!(
            raw_end("{{ x {% endraw %}"),
            Some(5),
            "the text before `{{%` should stay in the body"
        );
        assert_eq!(
            raw_end("{%- endraw -%}"),
            None,
            "Liquid's raw does not know `{{%-`: the raw stays open"
        );
        assert_eq!(
            raw_end("{% endif %}"),
            None,
            "another tag should not close raw"
        );
        assert_eq!(
            raw_end("{% endraw {%- %}"),
            Some(0),
            "an earlier `{{%` should be tried when the last one has no name"
        );
        assert_eq!(
            raw_end("{{ endraw }}"),
            None,
            "an output token should not close raw"
        );
    }

    #[test]
    fn a_markup_should_give_the_name_it_starts_with() {
        assert_eq!(
            first_name(" counter "),
            Some("counter"),
            "the counter's name should be read"
        );
        assert_eq!(
            first_name("row in site.posts"),
            Some("row"),
            "the loop's item should be read"
        );
        assert_eq!(first_name(" 'x'"), None, "a string should name nothing");
    }

    #[test]
    fn raw_end_should_stay_linear_on_many_openers() {
        for n in [1_000, 16_000] {
            let token = "{%-".repeat(n) + "%}";
            assert_eq!(raw_end(&token), None, "no opener has a name");
        }
    }
}
