//! Writes a value as a one-line YAML flow value, for the front matter lines the page writes (a new
//! post, a form field): plain where YAML reads the plain text back as the same string, quoted
//! otherwise, so that every value reads back as written (the tests parse each one back).

use super::plain;
use crate::value::Value;

/// `value` as it follows `key: ` on one line; `""` for null (written `key:`).
pub fn flow(value: &Value) -> String {
    write(value, false)
}

fn write(value: &Value, in_flow: bool) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => format!("{f:?}"),
        Value::String(s) => string(s, in_flow),
        Value::List(items) => {
            let items: Vec<String> = items.iter().map(|v| write(v, true)).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Map(map) => {
            let entries: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", string(k, true), write(v, true)))
                .collect();
            format!("{{{}}}", entries.join(", "))
        }
    }
}

fn string(s: &str, in_flow: bool) -> String {
    if s.is_empty() {
        return "''".to_owned();
    }
    let flow_safe = !in_flow || !s.contains([',', '[', ']', '{', '}']);
    if flow_safe && plain::reads_as_string(s) {
        return s.to_owned();
    }
    quoted(s)
}

/// A double-quoted scalar: `\` and `"` escaped, control characters as escapes.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            '\u{80}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter::parse;

    fn round_trip(value: Value) {
        let line = format!("---\nkey: {}\n", flow(&value));
        let (map, issues) = parse(&line);
        assert!(issues.is_empty(), "{line:?}: {issues:?}");
        assert_eq!(
            map.get("key"),
            Some(&value),
            "{line:?} should read back as written"
        );
    }

    #[test]
    fn flow_should_write_plain_text_plain() {
        assert_eq!(flow(&Value::from("Hello world")), "Hello world");
        assert_eq!(flow(&Value::from("中间件改变世界")), "中间件改变世界");
        assert_eq!(flow(&Value::from("")), "''");
        assert_eq!(flow(&Value::List(vec![])), "[]");
        assert_eq!(flow(&Value::Null), "");
    }

    #[test]
    fn flow_should_quote_what_yaml_would_read_otherwise() {
        assert_eq!(
            flow(&Value::from("yes")),
            "\"yes\"",
            "a YAML word should stay a string"
        );
        assert_eq!(flow(&Value::from("12")), "\"12\"");
        assert_eq!(flow(&Value::from("a: b")), "\"a: b\"");
        assert_eq!(flow(&Value::from("[x")), "\"[x\"");
        assert_eq!(
            flow(&Value::from("\"hi\" \\o/")),
            "\"\\\"hi\\\" \\\\o/\"",
            "a leading quote should make it quoted, with quotes and backslashes escaped"
        );
    }

    #[test]
    fn every_written_value_should_read_back_the_same() {
        for s in [
            "Hello",
            "yes",
            "No",
            "null",
            "~",
            "12",
            "1.5",
            "2021-01-01",
            "a: b",
            "a #b",
            "#x",
            "- x",
            "[x",
            "{x",
            "x, y",
            "'q'",
            "\"q\"",
            "back\\slash",
            "tab\there",
            "line\nbreak",
            " lead",
            "trail ",
            "@at",
            "%p",
            "!t",
            "&a",
            "*a",
            "|",
            ">",
            "?",
            ":",
            "-",
            "ｘ｜ｙ",
            "\u{2028}",
        ] {
            round_trip(Value::from(s));
        }
        round_trip(Value::List(vec![
            Value::from("a, b"),
            Value::from("c"),
            Value::from("]"),
        ]));
        round_trip(Value::Int(7));
        round_trip(Value::Bool(true));
    }
}
