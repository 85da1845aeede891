//! A YAML/JSON-like value: what front matter holds and what the Liquid `site` object is.
//!
//! Maps keep the order their keys were written in, so `frontMatter` comes out in the order of the
//! file. The type knows nothing about YAML (that lives in `front_matter::yaml`) and nothing about
//! JavaScript (serde does the crossing).

use serde::de::{
    Deserialize, Deserializer, EnumAccess, IgnoredAny, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::collections::HashMap;
use std::fmt;

/// One value of front matter or of the Liquid `site` object.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Value {
    /// YAML's `null`, `~` or nothing: Liquid's `nil`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A floating-point number.
    Float(f64),
    /// Text.
    String(String),
    /// A sequence.
    List(Vec<Value>),
    /// A mapping, its keys in order.
    Map(Map),
}

/// A map that keeps insertion order; a repeated key replaces the earlier value in place.
#[derive(Clone, Debug, Default)]
pub struct Map {
    entries: Vec<(String, Value)>,
    /// Positions by key, built once the map outgrows a linear search: a front matter of
    /// thousands of keys must not take quadratic time to read.
    index: Option<HashMap<String, usize>>,
}

/// Up to this many entries a linear search is cheaper than hashing.
const LINEAR: usize = 16;

impl Map {
    /// An empty map.
    pub fn new() -> Self {
        Map::default()
    }

    fn position(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self.entries.iter().position(|(k, _)| k == key),
        }
    }

    /// The value of `key`, if there is one.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.position(key).map(|i| &self.entries[i].1)
    }

    /// The value of `key`, to change it.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.position(key).map(|i| &mut self.entries[i].1)
    }

    /// Sets `key`: a new key goes last, a known one keeps its place.
    pub fn insert(&mut self, key: String, value: Value) {
        if let Some(i) = self.position(&key) {
            self.entries[i].1 = value;
            return;
        }
        if let Some(index) = &mut self.index {
            index.insert(key.clone(), self.entries.len());
        } else if self.entries.len() == LINEAR {
            let mut index: HashMap<String, usize> = self
                .entries
                .iter()
                .enumerate()
                .map(|(i, (k, _))| (k.clone(), i))
                .collect();
            index.insert(key.clone(), self.entries.len());
            self.index = Some(index);
        }
        self.entries.push((key, value));
    }

    /// Removes `key`, keeping the order of the others.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let i = self.position(key)?;
        let (_, value) = self.entries.remove(i);
        if self.index.is_some() {
            self.index = Some(
                self.entries
                    .iter()
                    .enumerate()
                    .map(|(i, (k, _))| (k.clone(), i))
                    .collect(),
            );
        }
        Some(value)
    }

    /// The keys and values, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// How many keys.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Equal when the same keys hold equal values in the same order.
impl PartialEq for Map {
    fn eq(&self, other: &Map) -> bool {
        self.entries == other.entries
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        let mut map = Map::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl Value {
    /// The string inside, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The map, if this is one.
    pub fn as_map(&self) -> Option<&Map> {
        match self {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    /// Follows a key of a map; anything else has no keys.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_map().and_then(|m| m.get(key))
    }

    /// Liquid truthiness: only `nil` and `false` are false.
    pub fn is_truthy(&self) -> bool {
        !matches!(self, Value::Null | Value::Bool(false))
    }

    /// How Liquid prints a value with `{{ }}`: nil is empty, lists are joined without separator.
    pub fn to_liquid_string(&self) -> String {
        let mut out = String::new();
        self.write_liquid(&mut out);
        out
    }

    fn write_liquid(&self, out: &mut String) {
        use std::fmt::Write;
        match self {
            Value::Null => {}
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Value::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 1e16 {
                    let _ = write!(out, "{f:.1}");
                } else {
                    let _ = write!(out, "{f}");
                }
            }
            Value::String(s) => out.push_str(s),
            Value::List(items) => items.iter().for_each(|v| v.write_liquid(out)),
            Value::Map(m) => {
                // Ruby prints a Hash as {"k"=>"v"}; nobody wants that in a post, but it is what
                // Jekyll would show, so keep its shape.
                out.push('{');
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    let _ = write!(out, "\"{k}\"=>");
                    match v {
                        Value::String(s) => {
                            let _ = write!(out, "\"{s}\"");
                        }
                        Value::Null => out.push_str("nil"),
                        other => other.write_liquid(out),
                    }
                }
                out.push('}');
            }
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Int(i) => serializer.serialize_i64(*i),
            Value::Float(f) => serializer.serialize_f64(*f),
            Value::String(s) => serializer.serialize_str(s),
            Value::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Map(map) => map.serialize(serializer),
        }
    }
}

impl Serialize for Map {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_map(Some(self.len()))?;
        for (k, v) in self.iter() {
            out.serialize_entry(k, v)?;
        }
        out.end()
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, number, boolean, null, array or plain object")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // JavaScript has only doubles: a whole number should read back as one.
        if v.fract() == 0.0 && v.abs() < 9.007e15 {
            Ok(Value::Int(v as i64))
        } else {
            Ok(Value::Float(v))
        }
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        // YAML keys may be numbers or booleans (`2021: …`): they become their printed form.
        while let Some((k, v)) = access.next_entry::<Value, Value>()? {
            let key = match k {
                Value::String(s) => s,
                other => other.to_liquid_string(),
            };
            map.insert(key, v);
        }
        Ok(Value::Map(map))
    }

    /// A YAML value with a tag (`!foo x`): the tag is dropped, the value kept.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        let (_tag, variant) = data.variant::<IgnoredAny>()?;
        variant.newtype_variant::<Value>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_should_keep_insertion_order_and_replace_in_place() {
        let mut m = Map::new();
        m.insert("b".into(), Value::Int(1));
        m.insert("a".into(), Value::Int(2));
        m.insert("b".into(), Value::Int(3));
        let keys: Vec<_> = m.iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys,
            ["b", "a"],
            "a repeated key should keep its first place"
        );
        assert_eq!(
            m.get("b"),
            Some(&Value::Int(3)),
            "a repeated key should take the last value"
        );
    }

    #[test]
    fn a_large_map_should_behave_as_a_small_one() {
        let mut m = Map::new();
        for i in 0..100 {
            m.insert(format!("k{i}"), Value::Int(i));
        }
        m.insert("k3".into(), Value::Int(-3));
        m.insert("k99".into(), Value::Int(-99));
        assert_eq!(m.len(), 100, "replacing should not add keys");
        assert_eq!(
            m.get("k3"),
            Some(&Value::Int(-3)),
            "an early key should be replaced"
        );
        assert_eq!(
            m.get("k99"),
            Some(&Value::Int(-99)),
            "a late key should be replaced"
        );
        assert_eq!(m.get("k100"), None);
        assert_eq!(
            m.iter().nth(50).map(|(k, _)| k),
            Some("k50"),
            "order should be kept"
        );
    }

    #[test]
    fn liquid_string_should_print_nil_empty_and_join_lists() {
        assert_eq!(Value::Null.to_liquid_string(), "");
        let list = Value::List(vec!["a".into(), Value::Int(1), Value::Bool(true)]);
        assert_eq!(list.to_liquid_string(), "a1true");
        assert_eq!(Value::Float(2.0).to_liquid_string(), "2.0");
    }
}
