//! The filters of the site's Liquid feeds (`rss-feed.xml`: `xml_escape`, `date_to_rfc822`,
//! `date_to_xmlschema`, `replace`, `normalize_whitespace`, `for … limit:`) in a layout, against
//! the page the real Jekyll 4.3.1 wrote for it: the fixture site `tests/fixtures/generated/
//! sites/basic`, whose post `2023-06-01-filters.md` has the layout `filters`, built by
//! `tests/fixtures/generated/oracle.py` into `expected/basic/2023/06/02/filters.html`.

use postview::Site;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/generated")
}

/// Every file of the folder, by its path from the folder.
fn files(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir)
        .expect("a readable fixture folder")
        .flatten()
    {
        let p = entry.path();
        if p.is_dir() {
            files(&p, root, out);
        } else if let Ok(text) = std::fs::read_to_string(&p) {
            let rel = p.strip_prefix(root).expect("under the root");
            out.push((rel.to_string_lossy().replace('\\', "/"), text));
        }
    }
}

#[test]
fn the_feed_filters_should_write_what_jekyll_wrote() {
    let root = fixtures().join("sites/basic");
    let mut all = Vec::new();
    files(&root, &root, &mut all);
    let site = Site::new(all);
    let page = site.render_page("_i18n/en/_posts/2023-06-01-filters.md", None);
    let expected =
        std::fs::read_to_string(fixtures().join("expected/basic/2023/06/02/filters.html"))
            .expect("the page Jekyll wrote");
    assert_eq!(
        page.page, expected,
        "the layout's filters should write the page Jekyll wrote"
    );
    assert!(
        page.layout_diagnostics.is_empty(),
        "the layout's filters should all be ones the preview applies: {:?}",
        page.layout_diagnostics
    );
}

#[test]
fn a_date_jekyll_cannot_read_should_be_the_error_that_stops_its_build() {
    // Jekyll 4.3.1 raises `Invalid Date: '"someday"' is not a valid datetime.` here.
    let post = postview::render_post(
        "---\nnone:\n---\n{{ \"someday\" | date_to_xmlschema }}{{ page.none | date_to_rfc822 }}\n",
        &postview::Options::default(),
    );
    let codes: Vec<_> = post
        .diagnostics
        .iter()
        .map(|d| (d.code, d.column))
        .collect();
    assert_eq!(
        codes,
        [(postview::Code::FilterError, 16)],
        "the unreadable date should be one error at the filter; nil passes unchanged: {:?}",
        post.diagnostics
    );
    assert!(
        post.diagnostics[0].message.contains("Invalid Date"),
        "the message should say what Jekyll says: {}",
        post.diagnostics[0].message
    );
    assert_eq!(
        post.html, "<p>someday</p>\n",
        "the value should be shown unchanged"
    );
}
