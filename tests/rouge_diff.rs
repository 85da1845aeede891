//! A differential check of the lexers against the real rouge, on random code made by
//! `tests/support/rouge_diff.rb` (which says how to run it): each case's code, rendered by
//! postview's `{% highlight %}`, should hold exactly the HTML rouge made of it. Ignored by
//! default: it needs the cases file that script writes (`ROUGE_DIFF`).

use postview::{render_post, Options};

/// The HTML inside `<code …>` of the one `{% highlight %}` in `html`, if Liquid left it there.
fn code_of(html: &str) -> Option<&str> {
    let start = html.find("data-lang=")?;
    let start = start + html[start..].find('>')? + 1;
    let end = html.rfind("</code></pre></figure>")?;
    html.get(start..end)
}

#[test]
#[ignore]
fn every_random_case_should_be_coloured_as_rouge_colours_it() {
    let path = std::env::var("ROUGE_DIFF")
        .expect("ROUGE_DIFF should name a cases file from tests/support/rouge_diff.rb");
    let cases = std::fs::read_to_string(&path).expect("the cases file should be readable");
    let (mut checked, mut differ) = (0, Vec::new());
    for case in cases.split('\x01') {
        let mut parts = case.splitn(3, '\x02');
        let (Some(lang), Some(code), Some(want)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        // `raw` keeps Liquid markup in the code (the liquid lexer's cases) from being run.
        let src = format!(
            "---\n---\n{{% highlight {lang} %}}{{% raw %}}{code}{{% endraw %}}{{% endhighlight %}}\n"
        );
        let html = render_post(&src, &Options::default()).html;
        let Some(got) = code_of(&html) else { continue };
        checked += 1;
        if got != want.trim_end_matches('\n') {
            differ.push(format!(
                "{lang} {code:?}\n  rouge:    {want:?}\n  postview: {got:?}"
            ));
        }
    }
    assert!(checked > 0, "some cases should have been checked");
    assert!(
        differ.is_empty(),
        "{} of {checked} cases should be coloured as rouge colours them:\n{}",
        differ.len(),
        differ
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
