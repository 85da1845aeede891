//! Jekyll's `{% highlight lang [linenos] %}…{% endhighlight %}` (`Jekyll::Tags::HighlightBlock`,
//! jekyll-4.3.1/lib/jekyll/tags/highlight.rb, with rouge 3's `Formatters::HTML` and
//! `HTMLTable`): the markup is a language (`[\w.+#-]+`) and options; the body, rendered as
//! Liquid, loses its leading and trailing line ends, and is written escaped (`&`, `<`, `>`) in
//! `<figure class="highlight"><pre><code class="language-x" data-lang="x">`, or with `linenos`
//! in rouge's two-column table, coloured by `crate::markdown::highlight` (plain for a language it has no
//! lexer for, as rouge's `PlainText`).

use crate::markdown::highlight::highlight;

/// The tag's markup, read.
pub struct Markup<'t> {
    pub lang: &'t str,
    pub linenos: bool,
}

/// Reads `lang opt opt=value …`; `None` where Jekyll stops the build (no language, or one with
/// characters its `SYNTAX` refuses).
pub fn parse(markup: &str) -> Option<Markup<'_>> {
    let mut words = markup.split_ascii_whitespace();
    let lang = words.next()?;
    let lang_ok = lang
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'+' | b'#' | b'_' | b'-'));
    if !lang_ok {
        return None;
    }
    let linenos = words.any(|w| w == "linenos" || w.starts_with("linenos="));
    Some(Markup { lang, linenos })
}

/// The HTML Jekyll writes for `body` (the block's rendered text).
pub fn render(markup: &Markup<'_>, body: &str) -> String {
    // Jekyll's LEADING_OR_TRAILING_LINE_TERMINATORS.
    let code = body.trim_matches(|c| c == '\n' || c == '\r');
    // Jekyll downcases the language (its characters are ASCII) before anything uses it.
    let lang = markup.lang.to_ascii_lowercase();
    let lang = lang.as_str();
    let mut out = String::with_capacity(code.len() + 128);
    out.push_str("<figure class=\"highlight\"><pre><code class=\"language-");
    out.push_str(&lang.replace('+', "-"));
    out.push_str("\" data-lang=\"");
    out.push_str(lang);
    out.push_str("\">");
    // Rouge's lexers end the text with a line end; Jekyll `chomp`s the result.
    let lines = code.matches('\n').count() + 1;
    if markup.linenos {
        out.push_str("<table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">");
        for n in 1..=lines {
            out.push_str(&n.to_string());
            out.push('\n');
        }
        out.push_str("</pre></td><td class=\"code\"><pre>");
        highlight(Some(lang), code, &mut out);
        out.push_str("\n</pre></td></tr></tbody></table>");
    } else {
        highlight(Some(lang), code, &mut out);
    }
    out.push_str("</code></pre></figure>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_should_need_a_language_of_jekylls_characters() {
        assert!(parse("").is_none());
        assert!(parse("c{x}").is_none());
        let m = parse(" c++  linenos ").unwrap();
        assert_eq!((m.lang, m.linenos), ("c++", true));
        assert!(!parse("ruby hl_lines=\"1\"").unwrap().linenos);
    }

    #[test]
    fn the_language_should_be_downcased_as_jekyll_does() {
        let m = parse("Bash shell scripts").unwrap();
        let html = render(&m, "echo x");
        assert!(
            html.starts_with("<figure class=\"highlight\"><pre><code class=\"language-bash\" data-lang=\"bash\">"),
            "the class and data-lang should carry the language in lower case: {html}"
        );
        assert!(
            html.contains("<span class=\"nb\">echo"),
            "the code should be coloured by the lower-case language's lexer: {html}"
        );
    }

    #[test]
    fn code_should_lose_its_outer_line_ends_and_be_escaped() {
        let m = parse("text").unwrap();
        assert_eq!(
            render(&m, "\n\na < b & \"c\"\n\n"),
            "<figure class=\"highlight\"><pre><code class=\"language-text\" data-lang=\"text\">a &lt; b &amp; \"c\"</code></pre></figure>"
        );
    }
}
