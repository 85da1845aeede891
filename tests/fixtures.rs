//! The spec-style fixtures in `tests/fixtures/*.md`: each example's Markdown, rendered by postview,
//! should be DOM-equal to the HTML the real Jekyll made of it (filled in by
//! `tests/fixtures/oracle.rb`, never by hand). A `config` block in a file gives the examples after
//! it a site configuration (e.g. `kramdown:` options), as the oracle's Jekyll had.

#[path = "support/examples.rs"]
mod examples;
#[path = "support/htmlnorm.rs"]
mod htmlnorm;

use postview::{render_post, Options};
use std::path::Path;

use examples::{example_body, FENCE};

struct Example {
    file: String,
    line: usize,
    heading: String,
    input: String,
    expected: String,
    /// The site's `_config.yml` keys the example is rendered with (a `config` block before it).
    config: String,
}

fn examples() -> Vec<Example> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures should exist")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a fixture file should be UTF-8");
        let mut heading = String::new();
        let mut config = String::new();
        let mut lines = text.lines().enumerate();
        while let Some((n, line)) = lines.next() {
            if let Some(h) = line.strip_prefix("## ") {
                heading = h.to_owned();
            }
            // A `config` block: the site's configuration for the examples after it in the file.
            if line == format!("{FENCE} config") {
                config.clear();
                for (_, l) in lines.by_ref() {
                    if l == FENCE {
                        break;
                    }
                    config.push_str(l);
                    config.push('\n');
                }
                continue;
            }
            if line != format!("{FENCE} example") {
                continue;
            }
            let (input, expected) = example_body(lines.by_ref().map(|(_, l)| l));
            out.push(Example {
                file: path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                line: n + 1,
                heading: heading.clone(),
                input,
                expected,
                config: config.clone(),
            });
        }
    }
    out
}

#[test]
fn every_fixture_should_render_as_jekyll_does() {
    let all = examples();
    assert!(
        all.len() >= 80,
        "the fixtures should cover kramdown's behaviours, found {}",
        all.len()
    );
    let mut failures = Vec::new();
    for ex in &all {
        assert!(
            !ex.expected.trim().is_empty() || ex.input.trim().is_empty(),
            "{}:{} has no expected HTML: run tests/fixtures/oracle.rb",
            ex.file,
            ex.line
        );
        let source = format!("---\nlayout: post\n---\n{}", ex.input);
        let (options, problems) = Options::from_config(&ex.config);
        assert!(
            problems.is_empty(),
            "{}:{}: the example's config should read: {problems:?}",
            ex.file,
            ex.line
        );
        let html = render_post(&source, &options).html;
        if let Some(diff) = htmlnorm::difference(&ex.expected, &html) {
            failures.push(format!(
                "{}:{} ({}): {diff}\n  input:    {:?}\n  expected: {:?}\n  actual:   {:?}",
                ex.file, ex.line, ex.heading, ex.input, ex.expected, html
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ from Jekyll:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

#[test]
fn htmlnorm_should_forgive_only_white_space_between_blocks() {
    assert!(htmlnorm::difference("<p>a</p>\n\n<p>b</p>", "<p>a</p><p>b</p>").is_none());
    assert!(
        htmlnorm::difference("<p>a  b</p>", "<p>a b</p>").is_none(),
        "runs of white space fold"
    );
    assert!(htmlnorm::difference(
        "<a href=\"x\" id=\"y\">t</a>",
        "<a id=\"y\" href=\"x\">t</a>"
    )
    .is_none());
    assert!(
        htmlnorm::difference("<p>&amp;</p>", "<p>&#38;</p>").is_none(),
        "references decode"
    );
    assert!(
        htmlnorm::difference("<p>a</p>", "<p>b</p>").is_some(),
        "text should matter"
    );
    assert!(
        htmlnorm::difference("<em>a</em>", "<strong>a</strong>").is_some(),
        "elements should matter"
    );
    assert!(
        htmlnorm::difference("<pre>a  b</pre>", "<pre>a b</pre>").is_some(),
        "white space in pre should matter"
    );
}
