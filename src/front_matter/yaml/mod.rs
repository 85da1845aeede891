//! Reads front matter YAML into a `Map`: the one module that knows about YAML.
//!
//! Jekyll loads front matter with Psych (YAML 1.1); serde_yaml reads YAML 1.2, which agrees on
//! everything posts use (strings, numbers, lists, `[]`, `''`). Dates: YAML 1.2 has no timestamp
//! type, so `date: 2019-02-06` stays the string `"2019-02-06"`, which is how a date should come
//! out anyway. A YAML error becomes one diagnostic at its place in the front matter.

mod plain;
#[cfg(any(all(feature = "page", target_arch = "wasm32"), test))]
mod write;

#[cfg(any(all(feature = "page", target_arch = "wasm32"), test))]
pub use write::flow;

use crate::diagnostic::{Code, Issue};
use crate::value::{Map, Value};

/// Flow collections nested deeper than this are refused before parsing: libyaml's time grows
/// faster than their size, and no front matter needs more than two or three.
const MAX_NESTING: usize = 64;
/// Aliases (`*name`) beyond this are refused: they can expand exponentially ("billion laughs").
const MAX_ALIASES: usize = 64;

/// What the YAML read is, for the words of its diagnostics.
#[derive(Clone, Copy)]
enum Subject {
    /// A post's front matter.
    FrontMatter,
    /// A whole file of the site (`_config.yml`, `_data/*.yml`, `_i18n/<lang>.yml`).
    File,
}

impl Subject {
    fn name(self) -> &'static str {
        match self {
            Subject::FrontMatter => "front matter",
            Subject::File => "this file",
        }
    }

    fn consequence(self) -> &'static str {
        match self {
            Subject::FrontMatter => "fix it to get the title, date and translations",
            Subject::File => "Jekyll stops the build until it is fixed",
        }
    }
}

/// Parses the front matter text. Offsets of issues are relative to `yaml`.
pub fn parse(yaml: &str) -> (Map, Vec<Issue>) {
    if let Some(map) = plain::parse(yaml) {
        return (map, Vec::new());
    }
    if let Some(issue) = refuse_hostile(yaml, Subject::FrontMatter) {
        return (Map::new(), vec![issue]);
    }
    // Straight into our `Value`: no `serde_yaml::Value` tree in between.
    match serde_yaml::from_str::<Value>(yaml) {
        Ok(Value::Map(m)) => (m, Vec::new()),
        Ok(Value::Null) => (Map::new(), Vec::new()),
        Ok(_) => (
            Map::new(),
            vec![Issue::new(
                Code::FrontMatterNotMap,
                first_content_offset(yaml),
                "front matter should be `key: value` lines; this is not a mapping, so the post \
                 has no title, date or language",
            )],
        ),
        Err(e) => (
            Map::new(),
            vec![error_issue(yaml, &e, Subject::FrontMatter)],
        ),
    }
}

/// Parses a whole YAML file of any shape (a site's `_data/*.yml` may be a list). Offsets of
/// issues are relative to `yaml`.
pub fn parse_value(yaml: &str) -> (Value, Vec<Issue>) {
    if let Some(issue) = refuse_hostile(yaml, Subject::File) {
        return (Value::Null, vec![issue]);
    }
    match serde_yaml::from_str::<Value>(yaml) {
        Ok(v) => (v, Vec::new()),
        Err(e) => (Value::Null, vec![error_issue(yaml, &e, Subject::File)]),
    }
}

fn error_issue(yaml: &str, e: &serde_yaml::Error, subject: Subject) -> Issue {
    let problem = e.location().map_or(0, |loc| loc.index().min(yaml.len()));
    // serde_yaml writes "what at line L column C, while doing what at line L column C"; the
    // places become the diagnostic's own.
    let text = e.to_string();
    let (main, context) = match text.split_once(", while ") {
        Some((m, c)) => (m, Some(c)),
        None => (text.as_str(), None),
    };
    let strip = |s: &str| s.split(" at line ").next().unwrap_or(s).to_owned();
    let mut message = strip(main);
    if let Some(c) = context {
        message.push_str(&format!(" (while {})", strip(c)));
    }
    // libyaml notices an unclosed quote only where the next quote happens to be; the line that
    // opens a quote and never closes it is where the mistake is.
    let flow_start = context.and_then(|c| unclosed_flow_start(yaml, c));
    let (code, offset, hint) = match (flow_start, unclosed_quote_before(yaml, problem)) {
        (Some(at), _) => (
            Code::YamlUnclosedFlow,
            at,
            "; this `[` or `{` is not closed",
        ),
        (None, Some(at)) => (
            Code::YamlUnclosedQuote,
            at,
            "; this quoted value is not closed on its line",
        ),
        (None, None) => (Code::YamlSyntax, problem, ""),
    };
    let (name, consequence) = (subject.name(), subject.consequence());
    Issue::new(
        code,
        offset,
        format!("{name} is not valid YAML: {message}{hint}; {consequence}"),
    )
}

/// Where a flow collection that libyaml could not finish opens, read from its context ("parsing a
/// flow sequence at line L column C"): the `[` or `{` the author must close, which is also the
/// place Psych's message names. libyaml's own problem mark is where it gave up, often a line later.
fn unclosed_flow_start(yaml: &str, context: &str) -> Option<usize> {
    let rest = context
        .strip_prefix("parsing a flow sequence at line ")
        .or_else(|| context.strip_prefix("parsing a flow mapping at line "))?;
    let (line, column) = rest.split_once(" column ")?;
    let line: usize = line.trim().parse().ok()?;
    let column: usize = column.trim().parse().ok()?;
    let line_text = yaml.split_inclusive('\n').nth(line.checked_sub(1)?)?;
    let line_start = yaml
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum::<usize>();
    // libyaml counts columns in characters.
    let (byte, _) = line_text.char_indices().nth(column.checked_sub(1)?)?;
    Some(line_start + byte)
}

/// The start of the first value before `limit` that opens a `"` or `'` and does not close it on
/// its line.
fn unclosed_quote_before(yaml: &str, limit: usize) -> Option<usize> {
    let mut line_start = 0;
    for line in yaml.split_inclusive('\n') {
        if line_start >= limit {
            break;
        }
        let body = line.trim_end();
        // The value after `key:` or `- `.
        let value_at = body.find(": ").map(|i| i + 2).or_else(|| {
            body.trim_start()
                .starts_with("- ")
                .then(|| body.len() - body.trim_start().len() + 2)
        });
        if let Some(v) = value_at {
            let value = body[v..].trim_start();
            let at = line_start + v + (body[v..].len() - value.len());
            let closed = match value.as_bytes().first() {
                Some(b'"') => {
                    value.len() > 1
                        && value[1..]
                            .replace("\\\\", "")
                            .replace("\\\"", "")
                            .contains('"')
                }
                Some(b'\'') => value.len() > 1 && value[1..].contains('\''),
                _ => true,
            };
            if !closed {
                return Some(at);
            }
        }
        line_start += line.len();
    }
    None
}

/// A front matter whose nesting or aliases would make YAML parsing slow gets an error instead.
fn refuse_hostile(yaml: &str, subject: Subject) -> Option<Issue> {
    let name = subject.name();
    let mut depth = 0usize;
    let mut aliases = 0usize;
    let mut quote: Option<u8> = None;
    let b = yaml.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'')
                if i == 0 || matches!(b[i - 1], b' ' | b':' | b'[' | b'{' | b',' | b'\n') =>
            {
                quote = Some(c)
            }
            (None, b'[' | b'{') => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(Issue::new(Code::YamlTooDeep, i, format!("{name} is nested more than {MAX_NESTING} levels deep: postview does not read it; flatten it")));
                }
            }
            (None, b']' | b'}') => depth = depth.saturating_sub(1),
            (None, b'*')
                if i > 0
                    && matches!(b[i - 1], b' ' | b'[' | b',')
                    && b.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric()) =>
            {
                aliases += 1;
                if aliases > MAX_ALIASES {
                    return Some(Issue::new(Code::YamlTooManyAliases, i, format!("{name} uses more than {MAX_ALIASES} YAML aliases (`*name`): postview does not expand them; write the values out")));
                }
            }
            (None, b'\n') => {}
            _ => {}
        }
    }
    None
}

fn first_content_offset(yaml: &str) -> usize {
    // Skip the opening `---` line.
    yaml.find('\n').map_or(0, |i| i + 1)
}

/// Whether the fast path, where it reads `yaml` at all, reads it exactly as serde_yaml does.
/// For the `front_matter` fuzz target, which checks this on any input.
#[doc(hidden)]
pub fn fast_path_agrees(yaml: &str) -> bool {
    plain::parse(yaml).is_none_or(|fast| Some(fast) == parse_with_serde(yaml))
}

/// serde_yaml's reading, without the fast path (for tests that compare the two).
fn parse_with_serde(yaml: &str) -> Option<Map> {
    match serde_yaml::from_str::<Value>(yaml) {
        Ok(Value::Map(m)) => Some(m),
        Ok(Value::Null) => Some(Map::new()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path should read every front matter of the real posts exactly as serde_yaml does
    /// (where it reads one at all).
    #[test]
    fn plain_reading_should_equal_serde_yaml_on_the_real_posts() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/posts");
        let Ok(langs) = std::fs::read_dir(&dir) else {
            eprintln!("skipped: ../shared/corpus is not there");
            return;
        };
        let mut read = 0;
        let mut files: Vec<_> = langs
            .flatten()
            .flat_map(|l| std::fs::read_dir(l.path()).into_iter().flatten().flatten())
            .collect();
        files.retain(|f| f.path().extension().is_some_and(|x| x == "md"));
        for f in files {
            let text = std::fs::read_to_string(f.path()).expect("a post should be UTF-8");
            let text = text.replace("\r\n", "\n");
            let parts = crate::front_matter::split(&text);
            let Some(range) = parts.yaml else { continue };
            let yaml = &text[range];
            if let Some(fast) = plain::parse(yaml) {
                assert_eq!(
                    Some(fast),
                    parse_with_serde(yaml),
                    "{:?}: the fast path should read as serde_yaml does",
                    f.path()
                );
                read += 1;
            }
        }
        assert!(
            read > 100,
            "the fast path should read most real front matters, read {read}"
        );
    }

    #[test]
    fn parse_should_keep_every_key_in_order() {
        let (m, issues) =
            parse("---\nlayout: post\ndate: 2019-02-06\nja: []\nko: ''\ntags: [a, b]\n");
        assert!(issues.is_empty());
        let keys: Vec<_> = m.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["layout", "date", "ja", "ko", "tags"]);
        assert_eq!(
            m.get("date"),
            Some(&Value::from("2019-02-06")),
            "a date should stay YYYY-MM-DD"
        );
        assert_eq!(m.get("ja"), Some(&Value::List(vec![])));
        assert_eq!(m.get("ko"), Some(&Value::from("")));
    }

    #[test]
    fn parse_should_place_a_yaml_error() {
        let yaml = "---\ntitle: a\nbad: x: y\n";
        let (_, issues) = parse(yaml);
        assert_eq!(issues.len(), 1, "a YAML error should give one diagnostic");
        assert_eq!(
            issues[0].code,
            Code::YamlSyntax,
            "a stray `:` should be a YAML syntax error"
        );
        assert!(
            issues[0].offset > 4,
            "the error should point into the front matter, not at its start"
        );
    }

    #[test]
    fn parse_should_point_at_a_quote_that_is_never_closed() {
        let yaml = "---\ntitle: \"unclosed\nx: 1\ny: \"z\"\n";
        let (_, issues) = parse(yaml);
        assert_eq!(issues.len(), 1);
        assert_eq!(
            issues[0].offset,
            yaml.find("\"unclosed").unwrap(),
            "the error should point at the opening quote"
        );
        assert_eq!(
            issues[0].code,
            Code::YamlUnclosedQuote,
            "the quote should be reported as unclosed"
        );
    }

    #[test]
    fn parse_should_point_at_an_unclosed_bracket_where_it_opens() {
        for (yaml, open) in [
            ("---\nlayout: post\ntitle: [x\ndate: 2020-01-01\n", "[x"),
            ("---\nlayout: post\ntitle: {a: x\ndate: 2020-01-01\n", "{a"),
            ("---\nt: ぷ [\nx: [1, [2, 3]\ny: 1\n", "[1"),
        ] {
            let (_, issues) = parse(yaml);
            assert_eq!(issues.len(), 1, "{yaml:?} should give one diagnostic");
            assert_eq!(
                issues[0].offset,
                yaml.find(open).unwrap(),
                "{yaml:?}: the error should point at the bracket that is never closed, as Psych does"
            );
            assert_eq!(
                issues[0].code,
                Code::YamlUnclosedFlow,
                "{yaml:?}: the bracket should be reported as unclosed"
            );
        }
    }

    #[test]
    fn parse_should_say_what_libyaml_was_reading() {
        let (_, issues) = parse("---\na: [1, 2\nb: 3\n");
        assert!(
            issues[0].message.contains("flow sequence"),
            "the message should name what libyaml was reading: {}",
            issues[0].message
        );
    }

    #[test]
    fn parse_should_refuse_a_front_matter_that_is_not_a_mapping() {
        let (m, issues) = parse("---\n- a\n- b\n");
        assert!(m.is_empty());
        assert_eq!(
            issues
                .iter()
                .map(|i| (i.code, i.offset))
                .collect::<Vec<_>>(),
            [(Code::FrontMatterNotMap, 4)],
            "the diagnostic should say it is not a mapping, at the first YAML line"
        );
    }
}
