//! Writing a family's links into the front matter of each of its posts, the way the site's posts
//! name their translations (`ja: _i18n/ja/_posts/….md`), changing only the lines of those keys.
//!
//! A key already there gets its value replaced on its own line (with the lines of a block list
//! under it, if it had one); a key not there is added as the last line of the front matter. Every
//! other byte of the file stays as it was, line ends included.

#[cfg(target_arch = "wasm32")]
use super::TranslationFamily;
use crate::front_matter;
#[cfg(target_arch = "wasm32")]
use crate::language;
use serde::Serialize;

/// One line changed: its number in the file before the change (1-based; for an added line, the
/// line it is inserted before), what it held and what it holds after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LineChange {
    pub line: u32,
    /// `None` for an added line.
    pub before: Option<String>,
    pub after: String,
}

// Only the wasm exports plan a family's edits (the packaging tests run it).
#[cfg(target_arch = "wasm32")]
/// The new text of one post and what changed in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PostEdit {
    pub path: String,
    pub text: String,
    pub changes: Vec<LineChange>,
    /// Why the post cannot be changed (it has no closed front matter); `text` is then the
    /// original.
    pub error: Option<String>,
}

#[cfg(target_arch = "wasm32")]
/// The edits that write every link of `family` into each of its posts. `source` gives a post's
/// current text by its path (e.g. an editor buffer); posts it does not know are left out.
pub fn plan<'a>(
    family: &TranslationFamily,
    source: impl Fn(&str) -> Option<&'a str>,
) -> Vec<PostEdit> {
    family
        .posts
        .iter()
        .filter_map(|member| {
            let text = source(&member.path)?;
            let links: Vec<(String, String)> = family
                .posts
                .iter()
                .filter(|other| other.lang != member.lang)
                .map(|other| {
                    let path = language::site_path(&other.path).to_owned();
                    (other.lang.clone(), path)
                })
                .collect();
            Some(match write(text, &links) {
                Ok((text, changes)) => PostEdit {
                    path: member.path.clone(),
                    text,
                    changes,
                    error: None,
                },
                Err(error) => PostEdit {
                    path: member.path.clone(),
                    text: text.to_owned(),
                    changes: Vec::new(),
                    error: Some(error),
                },
            })
        })
        .collect()
}

/// `text` with each `(key, value)` of `links` written into its front matter.
pub fn write(text: &str, links: &[(String, String)]) -> Result<(String, Vec<LineChange>), String> {
    let yaml = front_matter_lines(text).ok_or_else(|| {
        "the post has no closed front matter (`---` lines at its top) to write into".to_owned()
    })?;
    let lines = lines_of(text, yaml.clone());
    let eol = if text[yaml.clone()].contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    // Edits as (byte range replaced, new text, change), applied from the end.
    let mut edits: Vec<(std::ops::Range<usize>, String, LineChange)> = Vec::new();
    let mut added = String::new();
    let mut added_changes = Vec::new();
    let closing_line = line_number(text, yaml.end);
    for (key, value) in links {
        let new_line = format!("{key}: {}", yaml_scalar(value));
        match find_key(text, &lines, key) {
            Some(k) => {
                let (start, end) = (lines[k].start, lines[lines[k].block_end].content_end);
                if &text[start..end] == new_line.as_str() {
                    continue;
                }
                let change = LineChange {
                    line: line_number(text, start),
                    before: Some(text[start..end].to_owned()),
                    after: new_line.clone(),
                };
                edits.push((start..end, new_line, change));
            }
            None => {
                added.push_str(&new_line);
                added.push_str(eol);
                added_changes.push(LineChange {
                    line: closing_line,
                    before: None,
                    after: new_line,
                });
            }
        }
    }
    crate::sort::by_key(&mut edits, |(range, _, _)| std::cmp::Reverse(range.start));
    let mut out = text.to_owned();
    if !added.is_empty() {
        out.insert_str(yaml.end, &added);
    }
    for (range, new, _) in &edits {
        out.replace_range(range.clone(), new);
    }
    let mut changes: Vec<LineChange> = edits.into_iter().map(|(_, _, c)| c).collect();
    crate::sort::by_key(&mut changes, |c| c.line);
    changes.extend(added_changes);
    Ok((out, changes))
}

/// A line of the front matter: where it starts, where its content ends (before the line end),
/// and the last line of the block it opens (itself, or the last indented or `- ` line under it).
struct Line {
    start: usize,
    content_end: usize,
    block_end: usize,
}

fn lines_of(text: &str, yaml: std::ops::Range<usize>) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut at = yaml.start;
    while at < yaml.end {
        let end = text[at..yaml.end].find('\n').map_or(yaml.end, |i| at + i);
        let content_end = if text[at..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        lines.push(Line {
            start: at,
            content_end,
            block_end: lines.len(),
        });
        at = end + 1;
    }
    for i in (0..lines.len()).rev() {
        let next_continues = lines.get(i + 1).is_some_and(|next| {
            let s = &text[next.start..next.content_end];
            s.starts_with([' ', '\t']) || s.starts_with("- ") || s == "-"
        });
        if next_continues {
            lines[i].block_end = lines[i + 1].block_end;
        }
    }
    lines
}

/// The byte range of the front matter's key lines in `text`: from after the opening `---` line
/// to the start of the closing one. Found as Jekyll finds them (`front_matter::split`), on a copy
/// whose CRLF line ends are LF, and mapped back by counting lines.
fn front_matter_lines(text: &str) -> Option<std::ops::Range<usize>> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let lf = text[bom..].replace("\r\n", "\n");
    let parts = front_matter::split(&lf);
    let yaml = parts.yaml.filter(|_| !parts.unclosed)?;
    let line_count = lf[..yaml.end].bytes().filter(|&b| b == b'\n').count();
    let after_line = |n: usize| -> usize {
        text.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(n - 1)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    Some(after_line(1)..after_line(line_count))
}

/// The top-level line whose key is `key`, written bare or quoted.
fn find_key(text: &str, lines: &[Line], key: &str) -> Option<usize> {
    lines.iter().position(|line| {
        let s = &text[line.start..line.content_end];
        if s.starts_with([' ', '\t', '-', '#']) {
            return false;
        }
        let Some((k, rest)) = s.split_once(':') else {
            return false;
        };
        let k = k.trim_end();
        let k = k
            .strip_prefix('"')
            .and_then(|k| k.strip_suffix('"'))
            .or_else(|| k.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')))
            .unwrap_or(k);
        k == key && (rest.is_empty() || rest.starts_with([' ', '\t']))
    })
}

fn line_number(text: &str, offset: usize) -> u32 {
    text[..offset].bytes().filter(|&b| b == b'\n').count() as u32 + 1
}

/// `value` as a YAML scalar: bare when YAML would read it back unchanged as a string, else in
/// double quotes.
fn yaml_scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && value.trim() == value
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.contains(['\n', '"', '\'', '\\'])
        && !value.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`',
        ])
        && !value.ends_with(':');
    if plain {
        value.to_owned()
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn only_the_key_lines_should_change() {
        let text =
            "---\nlayout: post\nzh-Hans: []\ntitle:  \"Hi\"   \nzh-Hant: []\n---\n\nBody: x\n";
        let (out, changes) = write(
            text,
            &links(&[
                ("zh-Hans", "_i18n/zh-Hans/_posts/2021-01-01-a.md"),
                ("ja", "_i18n/ja/_posts/b.md"),
            ]),
        )
        .unwrap();
        assert_eq!(
            out,
            "---\nlayout: post\nzh-Hans: _i18n/zh-Hans/_posts/2021-01-01-a.md\ntitle:  \"Hi\"   \nzh-Hant: []\nja: _i18n/ja/_posts/b.md\n---\n\nBody: x\n"
        );
        assert_eq!(changes.len(), 2);
        assert_eq!(changes[0].line, 3);
        assert_eq!(changes[0].before.as_deref(), Some("zh-Hans: []"));
        assert_eq!(
            changes[1].before, None,
            "an added line should say it is new"
        );
    }

    #[test]
    fn crlf_files_and_block_lists_should_keep_their_other_bytes() {
        let text = "---\r\nja:\r\n- a\r\n- b\r\ntitle: x\r\n---\r\nbody\r\n";
        let (out, _) = write(
            text,
            &links(&[("ja", "_i18n/ja/_posts/c.md"), ("ko", "k.md")]),
        )
        .unwrap();
        assert_eq!(
            out,
            "---\r\nja: _i18n/ja/_posts/c.md\r\ntitle: x\r\nko: k.md\r\n---\r\nbody\r\n"
        );
    }

    #[test]
    fn a_value_already_there_should_change_nothing() {
        let text = "---\nja: x.md\n---\n";
        let (out, changes) = write(text, &links(&[("ja", "x.md")])).unwrap();
        assert_eq!(out, text);
        assert!(changes.is_empty());
    }

    #[test]
    fn no_front_matter_should_be_an_error_not_a_change() {
        assert!(write("just text\n", &links(&[("ja", "x.md")])).is_err());
        assert!(write("---\nja: []\n", &links(&[("ja", "x.md")])).is_err());
    }

    #[test]
    fn values_yaml_would_misread_should_be_quoted() {
        assert_eq!(yaml_scalar("_i18n/ja/_posts/a.md"), "_i18n/ja/_posts/a.md");
        assert_eq!(yaml_scalar("a: b.md"), "\"a: b.md\"");
        assert_eq!(yaml_scalar("[x].md"), "\"[x].md\"");
    }
}
