//! Line-level edits of a post's front matter, for the page's form: setting one key rewrites only
//! that key's line(s) (the key line and, for a block list or folded value, its continuation
//! lines); every other byte of the text stays as it was.

use super::locate::key_place;
use crate::front_matter::{split, yaml_flow};
use crate::value::Value;

/// `text` with top-level `key` set to `value`: its line(s) replaced by `key: value`, or, for a key
/// not written, a line added before the closing `---`. A text without front matter gets one.
pub fn set_key(text: &str, key: &str, value: &Value) -> String {
    let line = match yaml_flow(value) {
        v if v.is_empty() => format!("{key}:\n"),
        v => format!("{key}: {v}\n"),
    };
    let parts = split(text);
    let Some(yaml) = parts.yaml else {
        return format!("---\n{line}---\n{text}");
    };
    match key_place(text, &yaml, key) {
        Some(place) => {
            // Blank lines after the value belong to the text around it, not to the key.
            let value_end = text[place.key..place.end].trim_end_matches('\n').len() + place.key;
            let end = text[value_end..place.end]
                .find('\n')
                .map_or(place.end, |i| value_end + i + 1);
            let line = if end == value_end {
                line.trim_end_matches('\n')
            } else {
                &line
            };
            format!("{}{line}{}", &text[..place.key], &text[end..])
        }
        None => {
            // At the end of the front matter; a last line without its line break gets one.
            let at = yaml.end;
            let sep = if text[..at].ends_with('\n') { "" } else { "\n" };
            format!("{}{sep}{line}{}", &text[..at], &text[at..])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_key_should_rewrite_only_that_line() {
        let text = "---\nlayout: post\ntitle: Old  # note\ntype: ''\n---\nBody: title: x\n";
        assert_eq!(
            set_key(text, "title", &Value::from("New: one")),
            "---\nlayout: post\ntitle: \"New: one\"\ntype: ''\n---\nBody: title: x\n"
        );
    }

    #[test]
    fn set_key_should_replace_a_block_list_with_one_line() {
        let text = "---\ntags:\n- a\n- b\n\ntitle: x\n---\n";
        assert_eq!(
            set_key(
                text,
                "tags",
                &Value::List(vec![Value::from("c"), Value::from("d")])
            ),
            "---\ntags: [c, d]\n\ntitle: x\n---\n"
        );
    }

    #[test]
    fn set_key_should_add_a_missing_key_before_the_closing_line() {
        let text = "---\r\ntitle: x\r\n---\r\nBody\r\n";
        let text = text.replace("\r\n", "\n");
        assert_eq!(
            set_key(&text, "lang", &Value::from("ja")),
            "---\ntitle: x\nlang: ja\n---\nBody\n"
        );
        assert_eq!(
            set_key("Just text\n", "title", &Value::from("T")),
            "---\ntitle: T\n---\nJust text\n"
        );
    }

    #[test]
    fn set_key_should_keep_a_last_line_without_a_break_as_it_was() {
        let text = "---\ntitle: x\n---\nBody";
        assert_eq!(
            set_key(text, "title", &Value::from("z")),
            "---\ntitle: z\n---\nBody"
        );
    }
}
