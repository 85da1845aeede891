//! The page's access to the site's Forestry templates (`forestry`): the sections to make a post
//! in, a new post or translation from a section's template, the template of a post for the front
//! matter form, and the form's one-key edits. The rules are the core's; this only crosses into JS.

use crate::forestry::date_format::Moment;
use crate::forestry::{edit, new_post, Forestry};
use crate::front_matter;
use crate::value::{Map, Value};
use crate::wasm::to_js;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// The templates of the site folder the page opened.
#[wasm_bindgen]
pub struct SiteTemplates {
    forestry: Forestry,
}

#[derive(Deserialize)]
struct InFile {
    path: String,
    text: String,
}

/// The clock as the page reads it (`offsetMinutes`: east of UTC).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsMoment {
    year: i32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    offset_minutes: i32,
}

impl From<JsMoment> for Moment {
    fn from(m: JsMoment) -> Self {
        Moment {
            year: m.year,
            month: m.month,
            day: m.day,
            hour: m.hour,
            minute: m.minute,
            second: m.second,
            offset_minutes: m.offset_minutes,
        }
    }
}

#[derive(Serialize)]
struct SectionOut<'a> {
    path: &'a str,
    label: &'a str,
    lang: Option<&'a str>,
    template: Option<&'a str>,
}

#[derive(Serialize)]
struct NewFile {
    path: String,
    text: String,
}

fn from_js<T: for<'de> Deserialize<'de>>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| js_sys::TypeError::new(&format!("{what}: {e}")).into())
}

#[wasm_bindgen]
impl SiteTemplates {
    /// Reads `.forestry/settings.yml` and the templates among `files` (`[{ path, text }]`, paths
    /// from the site root).
    #[wasm_bindgen(constructor)]
    pub fn new(files: JsValue) -> Result<SiteTemplates, JsValue> {
        let files: Vec<InFile> = from_js(files, "SiteTemplates")?;
        let (forestry, _) =
            Forestry::read(files.iter().map(|f| (f.path.as_str(), f.text.as_str())));
        Ok(SiteTemplates { forestry })
    }

    /// The sections that have a template: `[{ path, label, lang, template }]`.
    pub fn sections(&self) -> Result<JsValue, JsValue> {
        let list: Vec<SectionOut> = self
            .forestry
            .sections
            .iter()
            .map(|s| SectionOut {
                path: &s.path,
                label: &s.label,
                lang: s
                    .path
                    .strip_prefix("_i18n/")
                    .and_then(|r| r.split_once('/'))
                    .map(|(lang, _)| lang),
                template: self
                    .forestry
                    .template_of(&format!("{}/x.md", s.path))
                    .map(|t| t.name.as_str()),
            })
            .filter(|s| s.template.is_some())
            .collect();
        to_js(&list)
    }

    /// The template of the post at `path` (its fields), or null.
    #[wasm_bindgen(js_name = templateFor)]
    pub fn template_for(&self, path: &str) -> Result<JsValue, JsValue> {
        match self.forestry.template_of(path) {
            Some(t) => to_js(t),
            None => Ok(JsValue::NULL),
        }
    }

    /// A new post in section `section` (its folder): `{ path, text }`.
    #[wasm_bindgen(js_name = newPost)]
    pub fn new_post(
        &self,
        section: &str,
        title: &str,
        moment: JsValue,
    ) -> Result<JsValue, JsValue> {
        let moment: Moment = from_js::<JsMoment>(moment, "newPost: moment")?.into();
        let template = self.section_template(section)?;
        let text = new_post::front_matter(template, title, &moment, &[]);
        to_js(&NewFile {
            path: new_post::post_path(section, &moment, title),
            text,
        })
    }

    /// A translation of `source` (at `source_path`, in `source_lang`) into section `section`:
    /// `{ path, text }`, linking back to the source and keeping its body.
    pub fn translate(
        &self,
        source: &str,
        source_path: &str,
        source_lang: &str,
        section: &str,
        title: &str,
        moment: JsValue,
    ) -> Result<JsValue, JsValue> {
        let moment: Moment = from_js::<JsMoment>(moment, "translate: moment")?.into();
        let template = self.section_template(section)?;
        let text =
            new_post::translation(source, source_path, source_lang, template, title, &moment);
        to_js(&NewFile {
            path: new_post::post_path(section, &moment, title),
            text,
        })
    }

    /// The template checks of the post at `path` (see `forestry::check_post`): diagnostics
    /// `[{ severity, message, line, column }]` for the page's problems list.
    #[wasm_bindgen(js_name = checkPost)]
    pub fn check_post(&self, path: &str, text: &str) -> Result<JsValue, JsValue> {
        let text = crate::source_text(text);
        to_js(&crate::forestry::check_post(&self.forestry, path, &text))
    }

    /// `text` with front matter key `key` set to `value` (only that key's lines change).
    #[wasm_bindgen(js_name = setKey)]
    pub fn set_key(text: &str, key: &str, value: JsValue) -> Result<String, JsValue> {
        let value: Value = from_js(value, "setKey: value")?;
        Ok(edit::set_key(text, key, &value))
    }

    /// The front matter of `text` as an object (empty when it is missing or not valid YAML).
    #[wasm_bindgen(js_name = frontMatterOf)]
    pub fn front_matter_of(text: &str) -> Result<JsValue, JsValue> {
        let parts = front_matter::split(text);
        let map = match parts.yaml {
            Some(range) => front_matter::parse(&text[range]).0,
            None => Map::new(),
        };
        to_js(&Value::Map(map))
    }
}

impl SiteTemplates {
    fn section_template(&self, section: &str) -> Result<&crate::forestry::Template, JsValue> {
        self.forestry
            .template_of(&format!("{}/new.md", section.trim_end_matches('/')))
            .ok_or_else(|| js_sys::Error::new(&format!("no template for section {section}")).into())
    }
}
