//! Where a front matter key is written in a post's text, so that a check about a key points at
//! its line. Only top-level keys (at the start of a line, as every post and template writes
//! them) are found; a key written inside a flow mapping is reported at the front matter's end.

use std::ops::Range;

/// Byte offsets in the post's text of a top-level key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyPlace {
    /// The first byte of the key.
    pub key: usize,
    /// The first byte of its value on the key's line (past `: ` and spaces), or the line's end.
    pub value: usize,
    /// The end of the key's value: the start of the next line that is not indented, a list item
    /// or blank (a block list or a folded value ends there).
    pub end: usize,
}

/// The place of `key` in the front matter `yaml` (a range of `text`), if it is written at the
/// start of a line.
pub fn key_place(text: &str, yaml: &Range<usize>, key: &str) -> Option<KeyPlace> {
    let mut at = yaml.start;
    let mut found: Option<KeyPlace> = None;
    for line in text[yaml.clone()].split_inclusive('\n') {
        let line_start = at;
        at += line.len();
        if let Some(place) = &mut found {
            let continues = line.starts_with([' ', '\t', '-']) || line.trim().is_empty();
            if !continues {
                place.end = line_start;
                return found;
            }
            continue;
        }
        let Some(after) = strip_key(line, key) else {
            continue;
        };
        let Some(value) = after.strip_prefix(':') else {
            continue;
        };
        if !(value.is_empty() || value.starts_with([' ', '\t', '\n'])) {
            continue;
        }
        let spaces = value.len() - value.trim_start_matches([' ', '\t']).len();
        let value_at = line_start + (line.len() - value.len()) + spaces;
        found = Some(KeyPlace {
            key: line_start,
            value: value_at,
            end: at,
        });
    }
    if let Some(place) = &mut found {
        place.end = at;
    }
    found
}

/// The rest of `line` after `key`, written plain or quoted.
fn strip_key<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    line.strip_prefix(key).or_else(|| {
        ['"', '\'']
            .iter()
            .find_map(|q| line.strip_prefix(*q)?.strip_prefix(key)?.strip_prefix(*q))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_place_should_find_a_top_level_key_and_its_value() {
        let text = "---\ntitle: Hi\nlang:  ja\n---\nlang: body\n";
        let yaml = 0..text.find("---\nlang: body").unwrap();
        let place = key_place(text, &yaml, "lang").unwrap();
        assert_eq!(place.key, text.find("lang:").unwrap());
        assert_eq!(
            place.value,
            text.find("ja").unwrap(),
            "the value should start past the spaces"
        );
        assert_eq!(place.end, text.find("---\nlang: body").unwrap());
    }

    #[test]
    fn key_place_should_not_take_a_longer_key_or_a_nested_one() {
        let text = "---\nlanguage: x\nmeta:\n  lang: y\n\"lang\": z\n";
        let place = key_place(text, &(0..text.len()), "lang").unwrap();
        assert_eq!(
            place.key,
            text.find("\"lang\"").unwrap(),
            "only the quoted top-level key is `lang`"
        );
    }

    #[test]
    fn key_place_should_run_to_the_end_of_a_block_list() {
        let text = "---\ntags:\n- a\n- b\n\ntitle: x\n";
        let place = key_place(text, &(0..text.len()), "tags").unwrap();
        assert_eq!(&text[place.key..place.end], "tags:\n- a\n- b\n\n");
        assert_eq!(
            place.value,
            text.find("\n- a").unwrap(),
            "an empty value is at the line end"
        );
    }
}
