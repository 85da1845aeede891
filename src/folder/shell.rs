//! The published page split in two: the post's body, which the preview patches block by block
//! on every keystroke, and the rest (the layout around it, the `<head>`), which it rebuilds only
//! when it changes. The body is where the layouts put `{{ content }}`: the rendered post's HTML,
//! found in the page as it is; a comment marks its place in the rest.

/// The comment that stands for the body in the shell (`<!--postview:body-->`).
pub const BODY_MARK: &str = "postview:body";

/// The page without the body (the marker in its place) and the body; when the body is empty or
/// the layouts do not show it, the page whole and `None`.
pub fn split<'a>(page: &'a str, body: &'a str) -> (String, Option<&'a str>) {
    if body.trim().is_empty() {
        return (page.to_owned(), None);
    }
    match page.find(body) {
        Some(at) => {
            let shell = format!(
                "{}<!--{BODY_MARK}-->{}",
                &page[..at],
                &page[at + body.len()..]
            );
            (shell, Some(&page[at..at + body.len()]))
        }
        None => (page.to_owned(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_should_be_taken_out_and_marked() {
        let page = "<html><body><h1>T</h1>\n<p>x</p>\n<footer>f</footer></body></html>";
        let (shell, body) = split(page, "<p>x</p>\n");
        assert_eq!(body, Some("<p>x</p>\n"));
        assert_eq!(
            shell,
            "<html><body><h1>T</h1>\n<!--postview:body--><footer>f</footer></body></html>"
        );
    }

    #[test]
    fn a_page_without_the_body_should_stay_whole() {
        assert_eq!(split("<p>a</p>", ""), ("<p>a</p>".to_owned(), None));
        assert_eq!(split("<p>a</p>", "<p>b</p>"), ("<p>a</p>".to_owned(), None));
    }
}
