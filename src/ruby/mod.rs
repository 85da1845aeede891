//! Ruby, and the gems Jekyll's filters lean on, as far as the preview must reproduce them: Liquid
//! and Jekyll are Ruby, and what a template prints is what Ruby prints. Nothing here is Liquid.
//!
//! - this module: how Ruby turns values into text — `to_s` and `inspect` (Ruby 3.1), the Float
//!   format (`2.0`, `1.0e+16`), Array#join as `{{ }}` prints lists, the white space of
//!   `strip`/`lstrip`/`rstrip`, and `Integer()` as Liquid uses it to read integer arguments;
//! - [`case`]: `downcase` and `upcase`, from compact tables;
//! - [`time`]: `Time.parse` and `Time#strftime`, for the `date` filter;
//! - [`addressable`]: the Addressable gem's URL normalisation, for `relative_url`/`absolute_url`.

pub mod addressable;
pub mod case;
mod case_table;
#[cfg(feature = "site")]
mod nfkc;
#[cfg(not(feature = "site"))]
#[path = "nfkc_none.rs"]
mod nfkc;
pub mod time;

use crate::value::Value;

/// Printing stops descending below this depth (`…`): front matter never nests this deep, and it
/// keeps a hostile value from exhausting the stack.
const MAX_DEPTH: usize = 64;

/// White space as Ruby's `strip` family sees it: ASCII space, \t \n \v \f \r, and NUL. Not
/// Unicode spaces: `"　a".strip` keeps the ideographic space.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{0b}' | '\u{0c}' | '\r' | '\0')
}

pub fn strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

pub fn lstrip(s: &str) -> &str {
    s.trim_start_matches(is_space)
}

pub fn rstrip(s: &str) -> &str {
    s.trim_end_matches(is_space)
}

/// What `{{ value }}` prints: nil is empty, a list is joined (nested lists flattened), anything
/// else is `to_s`.
pub fn print(value: &Value, out: &mut String) {
    print_at(value, out, 0);
}

fn print_at(value: &Value, out: &mut String, depth: usize) {
    match value {
        Value::List(items) if depth < MAX_DEPTH => {
            items.iter().for_each(|v| print_at(v, out, depth + 1));
        }
        Value::List(_) => out.push('…'),
        other => to_s_at(other, out, depth),
    }
}

/// Ruby's `to_s`: what filters such as `append` see. Lists and maps come out as `inspect`.
pub fn to_s(value: &Value, out: &mut String) {
    to_s_at(value, out, 0);
}

/// `to_s` into a new string.
pub fn to_string(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => {
            let mut out = String::new();
            to_s(other, &mut out);
            out
        }
    }
}

fn to_s_at(value: &Value, out: &mut String, depth: usize) {
    match value {
        Value::Null => {}
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Float(f) => float(*f, out),
        Value::String(s) => out.push_str(s),
        Value::List(_) | Value::Map(_) => inspect_at(value, out, depth),
    }
}

fn inspect_at(value: &Value, out: &mut String, depth: usize) {
    if depth >= MAX_DEPTH {
        out.push('…');
        return;
    }
    match value {
        Value::Null => out.push_str("nil"),
        Value::String(s) => inspect_str(s, out),
        Value::List(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                inspect_at(v, out, depth + 1);
            }
            out.push(']');
        }
        Value::Map(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                inspect_str(k, out);
                out.push_str("=>");
                inspect_at(v, out, depth + 1);
            }
            out.push('}');
        }
        other => to_s_at(other, out, depth),
    }
}

/// Ruby's `String#inspect`: double quotes, backslash escapes, and `#{`/`#$`/`#@` escaped so the
/// text could not interpolate.
fn inspect_str(s: &str, out: &mut String) {
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{1b}' => out.push_str("\\e"),
            '\u{07}' => out.push_str("\\a"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            '\u{0b}' => out.push_str("\\v"),
            '#' if matches!(chars.peek(), Some('{' | '$' | '@')) => out.push_str("\\#"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Ruby's `Float#to_s`: the shortest digits that read back the same, in plain notation when the
/// decimal point falls within 16 digits and 4 leading zeros, else as `1.0e+16`.
pub fn float(f: f64, out: &mut String) {
    if f.is_nan() {
        out.push_str("NaN");
        return;
    }
    if f.is_infinite() {
        out.push_str(if f > 0.0 { "Infinity" } else { "-Infinity" });
        return;
    }
    if f == 0.0 {
        out.push_str(if f.is_sign_negative() { "-0.0" } else { "0.0" });
        return;
    }
    if f < 0.0 {
        out.push('-');
    }
    // Rust's `{:e}` gives the shortest round-trip digits, e.g. "1.2345e-5".
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    let decpt = exp + 1;
    if decpt > -4 && decpt <= 15 {
        if decpt <= 0 {
            out.push_str("0.");
            (0..-decpt).for_each(|_| out.push('0'));
            out.push_str(&digits);
        } else {
            let point = decpt as usize;
            if digits.len() <= point {
                out.push_str(&digits);
                (digits.len()..point).for_each(|_| out.push('0'));
                out.push_str(".0");
            } else {
                out.push_str(&digits[..point]);
                out.push('.');
                out.push_str(&digits[point..]);
            }
        }
    } else {
        out.push_str(&digits[..1]);
        out.push('.');
        out.push_str(if digits.len() > 1 { &digits[1..] } else { "0" });
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
}

/// Ruby's `to_i`, as a range's ends (`(a..b)`) are read: a number's integer part, a string's
/// leading digits after white space and a sign (`"12abc"` is 12), anything else 0.
pub fn to_i(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        Value::Float(f) => *f as i64,
        Value::String(s) => {
            let t = lstrip(s);
            let sign = usize::from(t.starts_with(['-', '+']));
            let end = sign + t[sign..].bytes().take_while(u8::is_ascii_digit).count();
            t[..end].parse().unwrap_or(0)
        }
        _ => 0,
    }
}

/// Ruby's `Integer(string)`, which Liquid uses to read `slice` arguments: surrounding white space,
/// a sign, `0x`/`0b`/`0o`/leading-`0` prefixes and `_` between digits. `None` where Ruby raises;
/// a number too big for i64 saturates (Ruby would make a Bignum, which is out of range anyway).
pub fn integer(s: &str) -> Option<i64> {
    let s = s.trim_matches(|c: char| is_space(c) && c != '\0');
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.get(..2).map(|p| p.to_ascii_lowercase());
    let (radix, digits) = match lower.as_deref() {
        Some("0x") => (16, &s[2..]),
        Some("0b") => (2, &s[2..]),
        Some("0o") => (8, &s[2..]),
        Some("0d") => (10, &s[2..]),
        _ if s.len() > 1 && s.starts_with('0') => (8, &s[1..]),
        _ => (10, s),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let mut value: i64 = 0;
    for c in digits.chars().filter(|&c| c != '_') {
        let d = c.to_digit(radix)? as i64;
        value = value.saturating_mul(radix as i64).saturating_add(d);
    }
    Some(if negative { -value } else { value })
}

/// Ruby's `String#to_f` on text Liquid has already matched as `-?\d[\d.]+`: the longest
/// `-?digits(.digits)?` prefix.
pub fn leading_float(s: &str) -> f64 {
    let bytes = s.as_bytes();
    let mut end = usize::from(bytes.first() == Some(&b'-'));
    while end < bytes.len() && bytes[end].is_ascii_digit() {
        end += 1;
    }
    if end + 1 < bytes.len() && bytes[end] == b'.' && bytes[end + 1].is_ascii_digit() {
        end += 1;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
    }
    s[..end].parse().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Map;

    fn float_str(f: f64) -> String {
        let mut s = String::new();
        float(f, &mut s);
        s
    }

    #[test]
    fn floats_should_print_like_ruby() {
        // ruby -e 'p [2.0, 1e15, 1e16, 123456789012345.0, 0.0001, 9.9e-5, -0.0, 2.5e-10].map(&:to_s)'
        let cases = [
            (2.0, "2.0"),
            (2.5, "2.5"),
            (100.0, "100.0"),
            (1e15, "1.0e+15"),
            (1.5e15, "1.5e+15"),
            (1e16, "1.0e+16"),
            (123456789012345.0, "123456789012345.0"),
            (123_456_789.123_456_79, "123456789.12345679"),
            (0.0001, "0.0001"),
            (0.00012, "0.00012"),
            (9.9e-5, "9.9e-05"),
            (0.00001, "1.0e-05"),
            (-0.0, "-0.0"),
            (-1.5, "-1.5"),
            (2.5e-10, "2.5e-10"),
            (1e100, "1.0e+100"),
            (f64::INFINITY, "Infinity"),
        ];
        for (f, want) in cases {
            assert_eq!(float_str(f), want, "{f:e} should print as Ruby prints it");
        }
    }

    #[test]
    fn to_s_should_inspect_lists_and_maps_like_ruby() {
        // ruby -e 'p({"a"=>[1,nil,2.0,{"b"=>"c\"d"}]}.to_s)'
        let inner: Map = [("b".to_string(), Value::from("c\"d"))]
            .into_iter()
            .collect();
        let list = Value::List(vec![
            Value::Int(1),
            Value::Null,
            Value::Float(2.0),
            Value::Map(inner),
        ]);
        let map: Map = [("a".to_string(), list)].into_iter().collect();
        let mut out = String::new();
        to_s(&Value::Map(map), &mut out);
        assert_eq!(
            out, r#"{"a"=>[1, nil, 2.0, {"b"=>"c\"d"}]}"#,
            "a map should print as Ruby's Hash#inspect"
        );
    }

    #[test]
    fn inspect_should_escape_like_ruby() {
        // ruby -e 'p "a#b\#{c\#$d\e\0\x7f".inspect'
        let mut out = String::new();
        inspect_str("a#b#{c#$d\u{1b}\0\u{7f}\n", &mut out);
        assert_eq!(
            out, r#""a#b\#{c\#$d\e\u0000\u007F\n""#,
            "control characters and interpolation should be escaped"
        );
    }

    #[test]
    fn print_should_join_nested_lists_and_skip_nil() {
        let list = Value::List(vec![
            Value::Int(1),
            Value::List(vec![Value::Int(2), Value::Null, Value::from("x")]),
            Value::Bool(true),
        ]);
        let mut out = String::new();
        print(&list, &mut out);
        assert_eq!(
            out, "12xtrue",
            "a list should print joined and flattened, nil as nothing"
        );
    }

    #[test]
    fn print_should_stop_at_the_depth_cap_instead_of_overflowing() {
        let mut v = Value::Int(1);
        for _ in 0..10_000 {
            v = Value::List(vec![v]);
        }
        let mut out = String::new();
        print(&v, &mut out);
        assert_eq!(
            out, "…",
            "a list nested past the cap should print as an ellipsis"
        );
        // Dropping a deeply nested value recurses too; leak it as the test's concern is printing.
        std::mem::forget(v);
    }

    #[test]
    fn strip_should_remove_ascii_space_and_nul_but_not_unicode_space() {
        assert_eq!(
            strip(" \t\n\u{0b}\u{0c}\r\0a b\0 "),
            "a b",
            "ASCII white space and NUL should go"
        );
        assert_eq!(
            strip("\u{3000}a\u{a0}"),
            "\u{3000}a\u{a0}",
            "Unicode spaces should stay, as in Ruby"
        );
        assert_eq!(lstrip("  a  "), "a  ", "lstrip should keep the right side");
        assert_eq!(rstrip("  a  "), "  a", "rstrip should keep the left side");
    }

    #[test]
    fn integer_should_read_what_ruby_integer_reads() {
        assert_eq!(
            integer(" 12 "),
            Some(12),
            "surrounding white space should be allowed"
        );
        assert_eq!(integer("-3"), Some(-3), "a sign should be read");
        assert_eq!(integer("0x1A"), Some(26), "0x should be hexadecimal");
        assert_eq!(integer("010"), Some(8), "a leading zero should be octal");
        assert_eq!(
            integer("1_000"),
            Some(1000),
            "underscores between digits should be allowed"
        );
        assert_eq!(integer("08"), None, "8 is not an octal digit");
        assert_eq!(integer("1.5"), None, "a float should be refused");
        assert_eq!(integer(""), None, "an empty string should be refused");
        assert_eq!(integer("x"), None, "a word should be refused");
        assert_eq!(
            integer("99999999999999999999999"),
            Some(i64::MAX),
            "a huge number should saturate"
        );
    }

    #[test]
    fn leading_float_should_read_the_longest_number_prefix() {
        assert_eq!(
            leading_float("1.2.3"),
            1.2,
            "Ruby's to_f should stop at the second dot"
        );
        assert_eq!(
            leading_float("1..2"),
            1.0,
            "a dot without digits should end the number"
        );
        assert_eq!(
            leading_float("-12.5"),
            -12.5,
            "a negative number should be read"
        );
    }
}
