//! What the plugins' templates do to a value, as Jekyll's and Liquid's filters do it
//! (`absolute_url`, `date_to_xmlschema`, `xml_escape`, `default`, Liquid's truthiness and
//! printing), for the generators that write the templates' output in Rust. The filters
//! themselves live in `liquid`; this only calls them and collects where Jekyll would raise.

use super::BuildInfo;
use crate::liquid;
use crate::ruby;
use crate::ruby::addressable;
use crate::value::{Map, Value};

/// Writes the values of one template run, with the problems Jekyll would stop on.
pub struct Writer<'m> {
    pub out: String,
    pub problems: Vec<String>,
    /// `url` and `baseurl`, as `absolute_url` reads them from `site`.
    site: Value,
    memo: &'m mut Map,
}

impl<'m> Writer<'m> {
    pub fn new(build: &BuildInfo, memo: &'m mut Map) -> Writer<'m> {
        let mut site = Map::new();
        site.insert("url".into(), build.url.clone());
        site.insert("baseurl".into(), build.baseurl.clone());
        Writer {
            out: String::new(),
            problems: Vec::new(),
            site: Value::Map(site),
            memo,
        }
    }

    pub fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// `{{ value }}`: the value as Liquid prints it.
    pub fn print(&mut self, value: &Value) {
        ruby::print(value, &mut self.out);
    }

    /// `value | absolute_url` (unchanged when Jekyll's filter returns its input). Jekyll keeps
    /// each text's result in `site.filter_cache` for the rest of the site's builds, so a later
    /// language build gets an earlier build's address for the same text: `memo` holds them,
    /// by `absolute_url:<text>` as `Site` keeps its own.
    pub fn absolute_url(&mut self, value: &Value) -> Value {
        let key = match value {
            Value::String(s) => Some(format!("absolute_url:{s}")),
            _ => None,
        };
        if let Some(known) = key.as_deref().and_then(|k| self.memo.get(k)) {
            return known.clone();
        }
        match addressable::absolute_url(value, &self.site) {
            Ok(Some(url)) => {
                if let Some(key) = key {
                    self.memo.insert(key, Value::String(url.clone()));
                }
                Value::String(url)
            }
            Ok(None) => value.clone(),
            Err(e) => {
                self.problems.push(format!(
                    "`absolute_url` cannot read `{}` ({}): Jekyll stops the build here",
                    text(value),
                    e.message
                ));
                value.clone()
            }
        }
    }

    /// `value | date_to_xmlschema`.
    pub fn xmlschema(&mut self, value: &Value) -> Value {
        if text(value).is_empty() {
            return value.clone();
        }
        match liquid::local_time(value, liquid::XMLSCHEMA) {
            Ok(s) => Value::String(s),
            Err((_, why)) => {
                self.problems.push(format!("`date_to_xmlschema`: {why}"));
                value.clone()
            }
        }
    }
}

/// The value as Liquid prints it.
pub fn text(value: &Value) -> String {
    ruby::to_string(value)
}

/// `value | xml_escape`.
pub fn xml_escape(value: &Value) -> String {
    liquid::xml_escape(&text(value))
}

/// Liquid's truthiness: everything but nil and false.
pub fn truthy(value: &Value) -> bool {
    value.is_truthy()
}

/// `value | default: fallback`: the fallback for nil, false and empty strings, lists and maps.
pub fn default<'a>(value: &'a Value, fallback: &'a Value) -> &'a Value {
    let empty = match value {
        Value::String(s) => s.is_empty(),
        Value::List(l) => l.is_empty(),
        Value::Map(m) => m.is_empty(),
        other => !other.is_truthy(),
    };
    if empty {
        fallback
    } else {
        value
    }
}

/// `value.key` in Liquid: a map's entry, nothing for anything else.
pub fn field<'a>(value: &'a Value, key: &str) -> &'a Value {
    static NIL: Value = Value::Null;
    match value {
        Value::Map(m) => m.get(key).unwrap_or(&NIL),
        _ => &NIL,
    }
}

/// `value[0]` in Liquid: a list's first item.
pub fn first(value: &Value) -> &Value {
    static NIL: Value = Value::Null;
    match value {
        Value::List(items) => items.first().unwrap_or(&NIL),
        _ => &NIL,
    }
}

/// `value | strip_html | normalize_whitespace`.
pub fn plain(value: &Value) -> String {
    liquid::normalize_whitespace(&liquid::strip_html(&text(value)))
}
