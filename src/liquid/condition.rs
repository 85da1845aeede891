//! Conditions of `if`/`elsif`/`unless`/`when` and the markup of `for`, after Liquid 4's
//! `Condition`, `If` (its `ExpressionsAndOperators` and `Syntax` patterns) and `For`.
//!
//! - `a op b` with `==`, `!=`, `<>`, `<`, `>`, `<=`, `>=`, `contains`; a lone value is its truth
//!   (only nil and false are false);
//! - `and`/`or` bind from the right: `a or b and c` is `a or (b and c)`;
//! - `empty` equals an empty string, list or map; `blank` equals nothing: Liquid asks the value
//!   for Rails' `blank?`, which plain Ruby (and so Jekyll) does not define;
//! - `<` and friends compare numbers with numbers and strings with strings; nil or a map on either
//!   side is simply false; a string against a number is an error that stops Jekyll's build.

use crate::ruby;
use crate::value::Value;
use std::borrow::Cow;

/// One side of a comparison: a value borrowed where it is (`site`, `page`, a variable) or made.
#[derive(Debug)]
pub enum Operand<'v> {
    Value(Cow<'v, Value>),
    /// The literal `empty`.
    Empty,
    /// The literal `blank`.
    Blank,
}

impl Operand<'_> {
    /// The operand owning its value, to outlive what it was borrowed from.
    pub fn owned(self) -> Operand<'static> {
        match self {
            Operand::Value(v) => Operand::Value(Cow::Owned(v.into_owned())),
            Operand::Empty => Operand::Empty,
            Operand::Blank => Operand::Blank,
        }
    }

    fn truthy(&self) -> bool {
        match self {
            Operand::Value(v) => v.is_truthy(),
            // `empty` and `blank` are Ruby objects, hence true.
            _ => true,
        }
    }
}

/// Cuts markup into words, a quoted string being one word.
fn words(markup: &str) -> Vec<&str> {
    let b = markup.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if ruby::is_space(b[i] as char) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !ruby::is_space(b[i] as char) {
            if b[i] == b'"' || b[i] == b'\'' {
                let q = b[i];
                i += 1;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
            }
            i = (i + 1).min(b.len());
        }
        out.push(&markup[start..i]);
    }
    out
}

/// Evaluates a condition; `operand` finds the value of one side.
pub fn evaluate<'v>(
    markup: &str,
    mut operand: impl FnMut(&str) -> Operand<'v>,
) -> Result<bool, String> {
    let words = words(markup);
    // Split into comparisons joined by `and`/`or`.
    let mut groups: Vec<&[&str]> = Vec::new();
    let mut ops: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        if *w == "and" || *w == "or" {
            groups.push(&words[start..i]);
            ops.push(w);
            start = i + 1;
        }
    }
    groups.push(&words[start..]);
    // Right to left, as Liquid nests them.
    let mut result = compare(groups[groups.len() - 1], &mut operand)?;
    for k in (0..ops.len()).rev() {
        let left = compare(groups[k], &mut operand)?;
        result = if ops[k] == "and" {
            left && result
        } else {
            left || result
        };
    }
    Ok(result)
}

fn compare<'v>(
    words: &[&str],
    operand: &mut impl FnMut(&str) -> Operand<'v>,
) -> Result<bool, String> {
    let Some(first) = words.first() else {
        return Err(
            "an `if` needs a condition: Jekyll stops the build (Syntax Error in tag 'if')".into(),
        );
    };
    let left = operand(first);
    let (Some(op), Some(right)) = (words.get(1), words.get(2)) else {
        return Ok(left.truthy());
    };
    let right = operand(right);
    apply(op, &left, &right)
}

/// `left op right`.
pub fn apply(op: &str, left: &Operand<'_>, right: &Operand<'_>) -> Result<bool, String> {
    Ok(match op {
        "==" => equal(left, right),
        "!=" | "<>" => !equal(left, right),
        "contains" => contains(left, right),
        "<" | ">" | "<=" | ">=" => return order(op, left, right),
        _ => {
            return Err(format!(
            "unknown operator `{op}`: Jekyll stops the build (Liquid error: Unknown operator {op})"
        ))
        }
    })
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::String(s) => s.is_empty(),
        Value::List(l) => l.is_empty(),
        Value::Map(m) => m.is_empty(),
        _ => false,
    }
}

fn equal(left: &Operand<'_>, right: &Operand<'_>) -> bool {
    match (left, right) {
        (Operand::Value(v), Operand::Empty) | (Operand::Empty, Operand::Value(v)) => is_empty(v),
        (Operand::Value(_), Operand::Blank) | (Operand::Blank, Operand::Value(_)) => false,
        (Operand::Value(a), Operand::Value(b)) => values_equal(a, b),
        _ => false,
    }
}

/// Ruby's `==` between Liquid values: 1 == 1.0, but 1 != "1".
pub fn values_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => *x as f64 == *y,
        _ => a == b,
    }
}

fn contains(left: &Operand<'_>, right: &Operand<'_>) -> bool {
    let (Operand::Value(l), Operand::Value(r)) = (left, right) else {
        return false;
    };
    match (l.as_ref(), r.as_ref()) {
        (_, Value::Null) => false,
        (Value::String(s), r) => s.contains(ruby::to_string(r).as_str()),
        (Value::List(items), r) => items.iter().any(|i| values_equal(i, r)),
        (Value::Map(m), Value::String(k)) => m.get(k).is_some(),
        _ => false,
    }
}

fn order(op: &str, left: &Operand<'_>, right: &Operand<'_>) -> Result<bool, String> {
    let (Operand::Value(l), Operand::Value(r)) = (left, right) else {
        return Ok(false);
    };
    let (l, r) = (l.as_ref(), r.as_ref());
    let ordering = match (l, r) {
        (Value::Int(a), Value::Int(b)) => a.cmp(b),
        (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
            let (a, b) = (as_f64(l), as_f64(r));
            match a.partial_cmp(&b) {
                Some(o) => o,
                None => return Ok(false),
            }
        }
        (Value::String(a), Value::String(b)) => a.cmp(b),
        (Value::Null, _) | (_, Value::Null) | (Value::Map(_), _) | (_, Value::Map(_)) => return Ok(false),
        _ => {
            return Err(format!(
                "`{op}` compares {} with {}: Jekyll stops the build (Liquid error: comparison failed); compare numbers with numbers and text with text",
                kind(l),
                kind(r)
            ))
        }
    };
    use std::cmp::Ordering::*;
    Ok(match op {
        "<" => ordering == Less,
        ">" => ordering == Greater,
        "<=" => ordering != Greater,
        _ => ordering != Less,
    })
}

fn as_f64(v: &Value) -> f64 {
    match v {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        _ => 0.0,
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::String(_) => "text",
        Value::Int(_) | Value::Float(_) => "a number",
        Value::Bool(_) => "true or false",
        Value::List(_) => "a list",
        _ => "a value",
    }
}

/// `{% when a, b or c %}`: whether `subject` equals one of the values.
pub fn when_matches<'v>(
    subject: &Operand<'_>,
    markup: &str,
    mut operand: impl FnMut(&str) -> Operand<'v>,
) -> bool {
    markup
        .split(',')
        .flat_map(words)
        .filter(|w| *w != "or")
        .any(|w| equal(subject, &operand(w)))
}

/// The parts of `{% for variable in collection limit: n offset: m reversed %}`.
pub struct ForSpec<'m> {
    pub variable: &'m str,
    pub collection: &'m str,
    pub reversed: bool,
    pub limit: Option<&'m str>,
    pub offset: Option<&'m str>,
}

pub fn for_spec(markup: &str) -> Option<ForSpec<'_>> {
    let markup = ruby::strip(markup);
    let var_end = markup.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))?;
    let variable = &markup[..var_end];
    let rest = ruby::lstrip(&markup[var_end..]).strip_prefix("in")?;
    if !rest.starts_with(ruby::is_space) {
        return None;
    }
    let rest = ruby::lstrip(rest);
    // A range may hold spaces: `(1 .. 3)` runs to its `)`.
    let coll_end = if rest.starts_with('(') {
        rest.find(')').map_or(rest.len(), |i| i + 1)
    } else {
        rest.find(ruby::is_space).unwrap_or(rest.len())
    };
    let collection = &rest[..coll_end];
    let mut spec = ForSpec {
        variable,
        collection,
        reversed: false,
        limit: None,
        offset: None,
    };
    let attributes = &rest[coll_end..];
    let ws = words(attributes);
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i];
        // Liquid's pattern takes `reversed` only right after the collection.
        if w == "reversed" && i == 0 {
            spec.reversed = true;
        } else if let Some((key, value)) = w.split_once(':') {
            let value = if value.is_empty() {
                i += 1;
                ws.get(i).copied().unwrap_or("")
            } else {
                value
            };
            match key {
                "limit" => spec.limit = Some(value),
                "offset" => spec.offset = Some(value),
                _ => {}
            }
        }
        i += 1;
    }
    (!variable.is_empty() && !collection.is_empty()).then_some(spec)
}
