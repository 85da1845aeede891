//! Code coloured as rouge 3.30 colours it (the highlighter Jekyll 4.3 and kramdown 2.4 use):
//! one hand-written lexer per language (`lexers/`, each following its rouge lexer's states and
//! rules), registered in `registry.rs` with rouge's tag and aliases, yielding rouge's token
//! types (`token.rs`) to an emitter that writes them as rouge's HTML formatter does
//! (`emit.rs`). A language without a lexer here, or with lexer options (`ruby?opt=x`), is
//! written escaped and uncoloured.
//!
//! A build without `all-lexers` notes each language it lacks a lexer for, which a build with them
//! would colour ([`take_lacking`]): the caller may render again with the site module.

mod emit;
mod lexers;
mod registry;
mod scan;
mod token;

use emit::Emitter;
use std::cell::RefCell;

thread_local! {
    /// The languages a render met that this build lacks a lexer for, in the order met, once
    /// each. Kept aside rather than returned: the highlighter is reached from Markdown's writer
    /// and from Liquid's `{% highlight %}`, several calls deep, and the answer is the render's.
    static LACKING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// The languages met since the last call that this build lacks a lexer for (see the module's
/// header); empty with `all-lexers`.
pub(crate) fn take_lacking() -> Vec<String> {
    LACKING.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

fn note_lacking(name: &str) {
    LACKING.with(|l| {
        let mut list = l.borrow_mut();
        if !list.iter().any(|n| n == name) {
            list.push(name.to_owned());
        }
    });
}

/// Writes `code` as rouge's HTML formatter writes the lexer `lang`'s tokens for it: coloured
/// spans where postview has that lexer, else the code escaped (rouge's `PlainText`).
pub(crate) fn highlight(lang: Option<&str>, code: &str, out: &mut String) {
    let name = lang.filter(|l| !name_has_options(l)).map(name_of);
    let lexer = name.and_then(registry::find);
    if let Some(name) = name.filter(|&n| lexer.is_none() && registry::lacks(n)) {
        note_lacking(name);
    }
    let mut e = Emitter::new(out);
    match lexer {
        Some(lex) => lex(code, &mut e),
        None => e.tok(token::Tok::Text, code),
    }
    e.finish();
}

/// The lexer's name in `name?options`.
fn name_of(spec: &str) -> &str {
    spec.split_once('?').map_or(spec, |(n, _)| n)
}

/// Whether `name?options` carries options (which change what some lexers yield).
fn name_has_options(spec: &str) -> bool {
    spec.split_once('?').is_some_and(|(_, o)| !o.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(lang: &str, code: &str) -> String {
        let mut out = String::new();
        highlight(Some(lang), code, &mut out);
        out
    }

    #[test]
    fn an_unknown_language_should_be_written_escaped_without_spans() {
        assert_eq!(
            html("nosuch", "a < b\n"),
            "a &lt; b\n",
            "no lexer: plain text"
        );
        assert_eq!(
            html("plaintext", "<&>"),
            "&lt;&amp;&gt;",
            "plaintext: no spans"
        );
        assert_eq!(
            html("json?x=1", "1"),
            "1",
            "lexer options should leave the code uncoloured"
        );
    }

    #[test]
    fn a_second_tier_language_should_be_noted_only_by_a_build_without_it() {
        take_lacking();
        let ruby = html("rb", "def x; end\n");
        let lacking = take_lacking();
        if cfg!(feature = "all-lexers") {
            assert!(
                ruby.contains("class=\"k\""),
                "with every lexer, Ruby should be coloured"
            );
            assert!(
                lacking.is_empty(),
                "with every lexer, nothing should be lacking"
            );
        } else {
            assert_eq!(
                ruby, "def x; end\n",
                "without it, Ruby should be written plain"
            );
            assert_eq!(
                lacking,
                ["rb"],
                "without it, the name as written should be noted"
            );
        }
        html("nosuch", "x");
        html("json", "1");
        html("ruby?x=1", "1");
        assert!(
            take_lacking().is_empty(),
            "a language no build colours, a core one, or one with options should not be noted"
        );
    }

    #[test]
    fn a_post_should_name_the_lexers_its_build_lacks_once_each() {
        let post = crate::render_post(
            "```ruby\na\n```\n\n{% highlight ruby %}b{% endhighlight %}\n\n```go\nc\n```\n",
            &crate::Options::default(),
        );
        let expected: &[&str] = if cfg!(feature = "all-lexers") {
            &[]
        } else {
            &["ruby", "go"]
        };
        assert_eq!(
            post.needs_lexers, expected,
            "needs_lexers should list each lacking language once, in the order met"
        );
        let again = crate::render_post("plain\n", &crate::Options::default());
        assert!(
            again.needs_lexers.is_empty(),
            "a render should not inherit the last one's languages"
        );
    }

    #[test]
    fn aliases_should_reach_their_lexer() {
        assert_eq!(html("sh", "ls"), html("shell", "ls"));
        assert!(
            html("bash", "ls").contains("class=\"nb\""),
            "bash should colour builtins"
        );
        assert!(
            html("json?", "1").contains("class=\"mi\""),
            "an empty option list is no option"
        );
    }
}
