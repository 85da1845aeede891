//! Jekyll 4.3's `jsonify` filter (`Jekyll::Filters#jsonify`: `as_liquid(input).to_json`), as
//! Ruby's `json` 2.x generator writes a value: no spaces, text escaped only where JSON needs it
//! (`"`, `\`, control characters; `/` and non-ASCII as they are), floats as Ruby prints them.
//!
//! Jekyll writes a post or page drop as every key of its drop (`content`, `output`, `excerpt`,
//! …), which the preview's values do not all hold: such a value is written with the keys it
//! has, and the filter says so (`is_document`).

use crate::value::Value;

/// `value | jsonify`.
pub fn jsonify(value: &Value) -> String {
    let mut out = String::new();
    write(value, &mut out);
    out
}

/// Whether `value` holds a post's drop (`site.posts`, `page` of a post) anywhere.
pub fn holds_document(value: &Value) -> bool {
    match value {
        Value::List(items) => items.iter().any(holds_document),
        Value::Map(m) => {
            m.get("collection").is_some() && m.get("relative_path").is_some()
                || m.iter().any(|(_, v)| holds_document(v))
        }
        _ => false,
    }
}

fn write(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(n) => out.push_str(&n.to_string()),
        // Ruby's generator refuses NaN and the infinities; `null` keeps the output JSON.
        Value::Float(f) if !f.is_finite() => out.push_str("null"),
        Value::Float(f) => crate::ruby::float(*f, out),
        Value::String(s) => string(s, out),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        Value::Map(m) => {
            out.push('{');
            for (i, (k, v)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(k, out);
                out.push(':');
                write(v, out);
            }
            out.push('}');
        }
    }
}

/// `s` as Ruby's `to_json` writes a string: quotes, backslashes and control characters escaped.
pub fn string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected output from Ruby: `ruby -rjson -e 'puts VALUE.to_json'`.
    #[test]
    fn values_should_be_written_as_ruby_s_json_writes_them() {
        let mut inner = crate::value::Map::new();
        inner.insert("d".into(), Value::Float(1.0));
        let mut map = crate::value::Map::new();
        let list = [
            Value::Int(1),
            Value::Float(2.5),
            Value::Bool(true),
            Value::Null,
        ];
        map.insert("a".into(), Value::List(list.to_vec()));
        map.insert("b".into(), Value::from("q\"/\\\n\t\u{1}é"));
        map.insert("c".into(), Value::Map(inner));
        let map = Value::Map(map);
        assert_eq!(
            jsonify(&map),
            r#"{"a":[1,2.5,true,null],"b":"q\"/\\\n\t\u0001é","c":{"d":1.0}}"#,
            "a map should be written without spaces, text escaped as JSON needs only"
        );
        assert_eq!(jsonify(&Value::Null), "null", "nil should be null");
    }
}
