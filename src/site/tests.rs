//! Unit tests of `Site` on tiny sites; the whole shared site is `tests/pages.rs`.

use super::*;

fn site(files: &[(&str, &str)]) -> Site {
    Site::new(files.iter().map(|(p, t)| (p.to_string(), t.to_string())))
}

#[test]
fn a_missing_layout_should_render_the_body_alone_and_say_so() {
    let s = site(&[(
        "_i18n/en/_posts/2020-01-02-x.md",
        "---\nlayout: nope\n---\nHi\n",
    )]);
    let page = s.render_page("_i18n/en/_posts/2020-01-02-x.md", None);
    assert_eq!(
        page.page.trim(),
        "<p>Hi</p>",
        "the page should be the body alone"
    );
    assert!(
        page.post
            .diagnostics
            .iter()
            .any(|d| d.message.contains("`nope`") && d.line == 2),
        "a diagnostic should name the layout at its line: {:?}",
        page.post.diagnostics
    );
}
