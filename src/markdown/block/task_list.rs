//! GFM task lists: an item whose first paragraph starts with `[ ]` or `[x]` gets a checkbox.
//!
//! Reference: kramdown-parser-gfm `parse_list`. The box replaces `\A\s*\[ \]\s+` (or `[x]`, either
//! case) in the raw text of the item's first paragraph, as HTML the span parser then reads; from
//! the first such item on, every item of the list gets the class `task-list-item` (items before
//! it do not), and the list gets `task-list`. kramdown's own parser (`input: kramdown`) has none
//! of this.

use crate::ctype::is_ruby_space_char;

const UNCHECKED: &str =
    "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />";
const CHECKED: &str = "<input type=\"checkbox\" class=\"task-list-item-checkbox\" \
                       disabled=\"disabled\" checked=\"checked\" />";

/// The paragraph's text with its box, if it starts with one.
pub(super) fn with_checkbox(text: &str) -> Option<String> {
    let rest = text.trim_start_matches(is_ruby_space_char);
    let (box_html, after) = if let Some(after) = rest.strip_prefix("[ ]") {
        (UNCHECKED, after)
    } else if let Some(after) = rest
        .strip_prefix("[x]")
        .or_else(|| rest.strip_prefix("[X]"))
    {
        (CHECKED, after)
    } else {
        return None;
    };
    let body = after.trim_start_matches(is_ruby_space_char);
    // `\s+`: at least one white-space character after the brackets.
    if body.len() == after.len() {
        return None;
    }
    Some(format!("{box_html}{body}"))
}

#[cfg(test)]
mod tests {
    use super::with_checkbox;

    #[test]
    fn a_box_needs_white_space_after_it() {
        assert!(with_checkbox("[ ] a").is_some_and(|t| t.ends_with("/>a")));
        assert!(with_checkbox("[X] a").is_some_and(|t| t.contains("checked")));
        assert!(with_checkbox("[ ]a").is_none(), "no space: no box");
        assert!(with_checkbox("[y] a").is_none());
    }
}
