//! The layout fixtures (`tests/fixtures/layout_site/layouts.md`): each example is a layout of a
//! post of that folder's site, and `Site::render_page` should write the page exactly as the real
//! Jekyll 4.3.1 wrote it (filled in by `tests/fixtures/layout_site/oracle.py`, never by hand).
//! The site and the posts are made here as `oracle.py` makes them. `bodies.md` holds post bodies
//! with the Liquid tags that need the site (`include`, `post_url`, `link`), each the body of a post
//! without a layout in a site of its own.

#[path = "support/examples.rs"]
mod examples;
#[path = "support/htmlnorm.rs"]
mod htmlnorm;

use postview::Site;
use std::path::{Path, PathBuf};

use examples::{example_body, FENCE};

/// One example of a fixture file: its heading, its input (a layout, or a post body) and the
/// page Jekyll wrote.
struct Example {
    heading: String,
    input: String,
    expected: String,
}

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layout_site")
}

/// The examples of a fixture file of `layout_site/` (`layouts.md`, `bodies.md`).
fn examples(file: &str) -> Vec<Example> {
    let text = std::fs::read_to_string(folder().join(file)).expect("a fixture file of layout_site");
    let mut out = Vec::new();
    let mut heading = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if let Some(h) = line.strip_prefix("## ") {
            heading = h.to_owned();
        }
        if line != format!("{FENCE} example") {
            continue;
        }
        let (input, expected) = example_body(lines.by_ref());
        out.push(Example {
            heading: heading.clone(),
            input,
            expected,
        });
    }
    out
}

fn site_files(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("readable").flatten() {
        let p = entry.path();
        if p.is_dir() {
            site_files(&p, root, out);
            continue;
        }
        let rel = p
            .strip_prefix(root)
            .expect("under root")
            .to_string_lossy()
            .replace('\\', "/");
        if rel != "layouts.md" && rel != "bodies.md" && rel != "oracle.py" {
            out.push((rel, std::fs::read_to_string(&p).expect("UTF-8")));
        }
    }
}

fn post(nn: &str) -> String {
    format!(
        "---\nlayout: example-{nn}\ntitle: Example {nn}\ntags: [a, b]\nn: 7\nf: 2.5\ns: \"Some <b>text</b> here\"\nlist: [3, 1, 2, 1]\nempty_list: []\nspaces: \"  \"\nnone:\n---\nBody *{nn}*.\n"
    )
}

#[test]
fn every_layout_example_should_render_as_jekyll_wrote_it() {
    let examples = examples("layouts.md");
    assert!(examples.len() >= 9, "layouts.md should hold the examples");
    let mut files = Vec::new();
    site_files(&folder(), &folder(), &mut files);
    let mut paths = Vec::new();
    for (i, e) in examples.iter().enumerate() {
        let nn = format!("{:02}", i + 1);
        let lang = if e.heading.trim_end().ends_with("(ja)") {
            "ja"
        } else {
            "en"
        };
        let path = format!("_i18n/{lang}/_posts/2020-01-{nn}-example-{nn}.md");
        files.push((format!("_layouts/example-{nn}.html"), e.input.clone()));
        files.push((path.clone(), post(&nn)));
        paths.push(path);
    }
    let site = Site::new(files);
    let mut failures = Vec::new();
    for (e, path) in examples.iter().zip(&paths) {
        let page = site.render_page(path, None);
        let mut actual = page.page.clone();
        if !actual.ends_with('\n') {
            actual.push('\n');
        }
        if actual != e.expected {
            failures.push(format!(
                "## {}\nexpected:\n{}\nactual:\n{}",
                e.heading, e.expected, actual
            ));
        }
        assert!(
            page.layout_diagnostics.is_empty(),
            "{}: no layout problems expected: {:?}",
            e.heading,
            page.layout_diagnostics
        );
    }
    assert!(
        failures.is_empty(),
        "these examples should render as Jekyll wrote them:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_body_example_should_render_as_jekyll_wrote_it() {
    let examples = examples("bodies.md");
    assert!(examples.len() >= 5, "bodies.md should hold the examples");
    let mut files = Vec::new();
    site_files(&folder(), &folder(), &mut files);
    files.retain(|(p, _)| p != "bodies.md");
    let mut paths = Vec::new();
    for (i, e) in examples.iter().enumerate() {
        let nn = format!("{:02}", i + 1);
        let lang = if e.heading.trim_end().ends_with("(ja)") {
            "ja"
        } else {
            "en"
        };
        let path = format!("_i18n/{lang}/_posts/2020-02-{nn}-body-{nn}.md");
        files.push((
            path.clone(),
            format!("---\ntitle: Body {nn}\n---\n{}", e.input),
        ));
        paths.push(path);
    }
    let site = Site::new(files);
    let mut failures = Vec::new();
    for (
        Example {
            heading, expected, ..
        },
        path,
    ) in examples.iter().zip(&paths)
    {
        // Without a layout the page is the body, whose Markdown is compared as the fixtures
        // compare it (DOM-equal: kramdown indents tables, the preview does not).
        let actual = site.render_page(path, None).page;
        if let Some(diff) = htmlnorm::difference(expected, &actual) {
            failures.push(format!(
                "## {heading}: {diff}\nexpected:\n{expected}\nactual:\n{actual}"
            ));
        }
        let page = site.render_page(path, None);
        let errors: Vec<_> = page
            .post
            .diagnostics
            .iter()
            .filter(|d| d.severity == postview::Severity::Error)
            .collect();
        assert!(
            errors.is_empty(),
            "{heading}: no errors expected: {errors:?}"
        );
    }
    assert!(
        failures.is_empty(),
        "these bodies should render as Jekyll wrote them:\n{}",
        failures.join("\n")
    );
}
