//! Helpers for the unit tests that compare the HTML of a small text with kramdown's.

use super::{render, KramdownOptions};

/// The HTML of `markdown` with Jekyll's default options, white space between tags removed.
pub(crate) fn squeezed_html(markdown: &str) -> String {
    squeezed(&render(markdown, &KramdownOptions::default()).html)
}

/// `html` without line breaks, the indentation after them, and spaces between a `>` and a `<`:
/// kramdown indents nested blocks, the writer does not, and neither shows in a browser.
pub(crate) fn squeezed(html: &str) -> String {
    let joined: String = html.split('\n').map(str::trim).collect();
    let mut out = String::with_capacity(joined.len());
    let mut spaces = 0;
    for c in joined.chars() {
        if c == ' ' && (spaces > 0 || out.ends_with('>')) {
            spaces += 1;
            continue;
        }
        if c != '<' {
            out.extend(std::iter::repeat_n(' ', spaces));
        }
        spaces = 0;
        out.push(c);
    }
    out.extend(std::iter::repeat_n(' ', spaces));
    out
}

#[test]
fn squeezed_should_drop_only_the_white_space_between_tags() {
    assert_eq!(
        squeezed("<ul>\n  <li>a b</li>    <li> c</li>\n</ul>\n"),
        "<ul><li>a b</li><li> c</li></ul>"
    );
}
