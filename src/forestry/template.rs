//! A Forestry front matter template (`.forestry/front_matter/templates/NAME.yml`): the fields a
//! post of a section has, as Forestry's editor showed them.
//!
//! Follows the files Forestry wrote: a mapping with `label` and `fields`, each field a mapping
//! with `name`, `type` (text, textarea, datetime, select, tag_list, file, boolean, number, …),
//! `label`, `hidden`, `default`, and a `config` holding `required`, `options` (for a select) and
//! `date_format` / `time_format` (for a datetime, in moment.js tokens).

use crate::value::{Map, Value};
use serde::Serialize;

/// What a field holds, by Forestry's `type`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    Textarea,
    Datetime,
    Select,
    TagList,
    File,
    Boolean,
    Number,
    /// A type postview does not know (`list`, `field_group`, …): shown and kept, never checked.
    Other(String),
}

impl FieldKind {
    fn from_name(name: &str) -> Self {
        match name {
            "text" => FieldKind::Text,
            "textarea" => FieldKind::Textarea,
            "datetime" => FieldKind::Datetime,
            "select" => FieldKind::Select,
            "tag_list" => FieldKind::TagList,
            "file" | "image_gallery" => FieldKind::File,
            "boolean" => FieldKind::Boolean,
            "number" => FieldKind::Number,
            other => FieldKind::Other(other.to_owned()),
        }
    }
}

/// One field of a template.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    /// The front matter key.
    pub name: String,
    pub label: String,
    pub kind: FieldKind,
    pub required: bool,
    pub hidden: bool,
    /// The value a new post starts with (`Null` when the template gives none). For a datetime,
    /// `now` means the moment the post is made.
    pub default: Value,
    /// A select's choices; empty for a select whose choices come from pages (a translation key).
    pub options: Vec<String>,
    /// A datetime's format in moment.js tokens: `date_format`, then `time_format` if not empty.
    pub date_format: Option<String>,
}

/// A template: its name (the file name without `.yml`) and its fields in order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Template {
    pub name: String,
    pub label: String,
    pub fields: Vec<Field>,
}

impl Template {
    /// Reads a template from its YAML, already read into a map. Fields without a `name` are
    /// skipped: Forestry never wrote one, and it could not be a front matter key.
    pub fn from_map(name: &str, map: &Map) -> Self {
        let fields = match map.get("fields") {
            Some(Value::List(items)) => items
                .iter()
                .filter_map(Value::as_map)
                .filter_map(field)
                .collect(),
            _ => Vec::new(),
        };
        Template {
            name: name.to_owned(),
            label: string(map.get("label")).unwrap_or_else(|| name.to_owned()),
            fields,
        }
    }

    #[cfg(any(all(feature = "page", target_arch = "wasm32"), test))]
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

fn field(map: &Map) -> Option<Field> {
    let name = string(map.get("name")).filter(|n| !n.is_empty())?;
    let config = map.get("config").and_then(Value::as_map);
    let setting = |key: &str| config.and_then(|c| c.get(key));
    let kind = FieldKind::from_name(&string(map.get("type")).unwrap_or_default());
    let options = match setting("options") {
        Some(Value::List(items)) => items.iter().filter_map(|v| string(Some(v))).collect(),
        _ => Vec::new(),
    };
    let date_format = (kind == FieldKind::Datetime).then(|| {
        let date = string(setting("date_format")).unwrap_or_default();
        let time = string(setting("time_format")).unwrap_or_default();
        match (date.trim(), time.trim()) {
            ("", "") => String::new(),
            (d, "") => d.to_owned(),
            ("", t) => t.to_owned(),
            (d, t) => format!("{d} {t}"),
        }
    });
    Some(Field {
        label: string(map.get("label")).unwrap_or_else(|| name.clone()),
        required: setting("required").is_some_and(truthy),
        hidden: map.get("hidden").is_some_and(truthy),
        default: map.get("default").cloned().unwrap_or(Value::Null),
        options,
        date_format: date_format.filter(|f| !f.is_empty()),
        kind,
        name,
    })
}

fn truthy(v: &Value) -> bool {
    matches!(v, Value::Bool(true)) || v.as_str() == Some("true")
}

/// A scalar as text (numbers and booleans as YAML wrote them); `None` for null, lists, maps.
fn string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Null | Value::List(_) | Value::Map(_) => None,
        other => Some(other.to_liquid_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter::parse;

    const TEMPLATE: &str = "---\nlabel: English Post\nfields:\n- name: layout\n  type: text\n  config:\n    required: true\n  label: Layout\n  hidden: true\n  default: post\n- name: date\n  type: datetime\n  label: Date\n  config:\n    required: true\n    date_format: YYYY-MM-DD\n    time_format: ''\n  default: now\n- name: type\n  type: select\n  default: ''\n  config:\n    required: false\n    options:\n    - 活动\n    - 预告\n  label: Type\n- name: tags\n  type: tag_list\n  default: []\n  label: Tags\n- type: text\n  label: nameless\n- name: gallery\n  type: field_group\n";

    fn template() -> Template {
        let (map, issues) = parse(TEMPLATE);
        assert!(issues.is_empty(), "{issues:?}");
        Template::from_map("en-post", &map)
    }

    #[test]
    fn from_map_should_read_every_named_field_in_order() {
        let t = template();
        assert_eq!(t.label, "English Post");
        let names: Vec<_> = t.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            ["layout", "date", "type", "tags", "gallery"],
            "a field without a name should be skipped"
        );
    }

    #[test]
    fn from_map_should_read_kind_required_hidden_and_default() {
        let t = template();
        let layout = t.field("layout").unwrap();
        assert_eq!(layout.kind, FieldKind::Text);
        assert!(layout.required && layout.hidden);
        assert_eq!(layout.default, Value::from("post"));
        let tags = t.field("tags").unwrap();
        assert_eq!(tags.kind, FieldKind::TagList);
        assert!(!tags.required && !tags.hidden);
        assert_eq!(tags.default, Value::List(vec![]));
        assert_eq!(
            t.field("gallery").unwrap().kind,
            FieldKind::Other("field_group".into()),
            "an unknown type should be kept by name"
        );
    }

    #[test]
    fn from_map_should_read_select_options_and_date_format() {
        let t = template();
        assert_eq!(t.field("type").unwrap().options, ["活动", "预告"]);
        let date = t.field("date").unwrap();
        assert_eq!(date.kind, FieldKind::Datetime);
        assert_eq!(
            date.date_format.as_deref(),
            Some("YYYY-MM-DD"),
            "an empty time format should add nothing"
        );
        assert_eq!(date.default, Value::from("now"));
    }

    #[test]
    fn from_map_should_join_date_and_time_formats() {
        let (map, _) = parse("---\nfields:\n- name: d\n  type: datetime\n  config:\n    date_format: DD/MM/YYYY\n    time_format: HH:mm\n");
        let t = Template::from_map("x", &map);
        assert_eq!(
            t.label, "x",
            "a template without a label should be named by its file"
        );
        assert_eq!(t.fields[0].date_format.as_deref(), Some("DD/MM/YYYY HH:mm"));
    }
}
