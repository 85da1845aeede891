//! A new post, or a new translation of a post, from its section's template, as Forestry made
//! them: the template's fields in order with their defaults (hidden ones too), `date` now in the
//! template's format, the title given, and the file at `_i18n/<lang>/_posts/YYYY-MM-DD-<slug>.md`.

use super::date_format::{self, Moment};
use super::template::{FieldKind, Template};
use crate::front_matter::{split, yaml_flow};
use crate::value::Value;

/// A file name part from a title, safe in every language: letters and digits of any script are
/// kept (lowercased where the script has case), every run of anything else becomes one `-`, and
/// it is at most 80 characters. A title with no letter or digit gives `post`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut slug: String = out.trim_end_matches('-').chars().take(80).collect();
    slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        "post".to_owned()
    } else {
        slug
    }
}

/// The path of a new post: `<posts folder>/YYYY-MM-DD-<slug>.md`.
pub fn post_path(posts_folder: &str, moment: &Moment, title: &str) -> String {
    let date = date_format::format("YYYY-MM-DD", moment);
    format!(
        "{}/{date}-{}.md",
        posts_folder.trim_end_matches('/'),
        slug(title)
    )
}

/// The front matter of a new post: every field of the template in order, with its default; the
/// `title` given; a datetime whose default is `now` (or that is required and has none) at
/// `moment` in its format. `links` are set after (translation keys: `(lang, path)`).
pub fn front_matter(
    template: &Template,
    title: &str,
    moment: &Moment,
    links: &[(&str, &str)],
) -> String {
    let mut out = String::from("---\n");
    for field in &template.fields {
        let value = if field.name == "title" {
            Value::from(title)
        } else if let Some((_, path)) = links.iter().find(|(l, _)| *l == field.name) {
            Value::from(*path)
        } else if field.kind == FieldKind::Datetime {
            let now = matches!(&field.default, Value::String(s) if s == "now")
                || (field.required && field.default == Value::Null);
            match (&field.date_format, now) {
                (Some(format), true) => Value::from(date_format::format(format, moment)),
                (None, true) => Value::from(date_format::format("YYYY-MM-DD", moment)),
                (_, false) => field.default.clone(),
            }
        } else {
            field.default.clone()
        };
        out.push_str(&line(&field.name, &value));
    }
    for (lang, path) in links {
        if template.field(lang).is_none() {
            out.push_str(&line(lang, &Value::from(*path)));
        }
    }
    out.push_str("---\n");
    out
}

fn line(key: &str, value: &Value) -> String {
    match yaml_flow(value) {
        v if v.is_empty() => format!("{key}:\n"),
        v => format!("{key}: {v}\n"),
    }
}

/// A translation of `source` (its whole text): the target template's front matter with
/// `title` the source's, a link back to the source under `source_lang`, and the source's body to
/// translate over.
pub fn translation(
    source: &str,
    source_path: &str,
    source_lang: &str,
    template: &Template,
    title: &str,
    moment: &Moment,
) -> String {
    let parts = split(source);
    let body = &source[parts.body];
    let fm = front_matter(template, title, moment, &[(source_lang, source_path)]);
    format!("{fm}{body}")
}

/// Whether `text` has a top-level `key` written in its front matter.
#[cfg(test)]
pub fn has_key(text: &str, key: &str) -> bool {
    split(text)
        .yaml
        .is_some_and(|yaml| super::locate::key_place(text, &yaml, key).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter::parse;

    const MOMENT: Moment = Moment {
        year: 2026,
        month: 12,
        day: 1,
        hour: 9,
        minute: 5,
        second: 0,
        offset_minutes: 480,
    };

    fn template() -> Template {
        let yaml = "---\nfields:\n- name: layout\n  type: text\n  hidden: true\n  default: post\n- name: lang\n  type: text\n  hidden: true\n  default: ja\n- name: title\n  type: text\n- name: date\n  type: datetime\n  config:\n    date_format: YYYY-MM-DD\n  default: now\n- name: type\n  type: select\n  default: ''\n- name: tags\n  type: tag_list\n  default: []\n- name: en\n  type: select\n  default: []\n";
        Template::from_map("ja-post", &parse(yaml).0)
    }

    #[test]
    fn slug_should_be_safe_for_every_language() {
        assert_eq!(
            slug("Mask Network: the Future (2021)!"),
            "mask-network-the-future-2021"
        );
        assert_eq!(slug("中间件改变世界"), "中间件改变世界");
        assert_eq!(
            slug("ミドルウェアが世界を変える"),
            "ミドルウェアが世界を変える"
        );
        assert_eq!(
            slug("미들웨어가 이 세상을 바꾼다"),
            "미들웨어가-이-세상을-바꾼다"
        );
        assert_eq!(slug("转载｜开源是自由的，永远"), "转载-开源是自由的-永远");
        assert_eq!(
            slug("Über/../../etc?"),
            "über-etc",
            "no path separator or dot should survive"
        );
        assert_eq!(slug("!!!"), "post");
        assert_eq!(slug(&"a".repeat(200)).chars().count(), 80);
    }

    #[test]
    fn post_path_should_date_the_file() {
        assert_eq!(
            post_path("_i18n/ja/_posts", &MOMENT, "Hello World"),
            "_i18n/ja/_posts/2026-12-01-hello-world.md"
        );
    }

    #[test]
    fn front_matter_should_follow_the_template_with_its_defaults() {
        let fm = front_matter(&template(), "yes: a title", &MOMENT, &[]);
        assert_eq!(
            fm,
            "---\nlayout: post\nlang: ja\ntitle: \"yes: a title\"\ndate: 2026-12-01\ntype: ''\ntags: []\nen: []\n---\n"
        );
        let (map, issues) = parse(&fm[split(&fm).yaml.unwrap()]);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(map.get("title"), Some(&Value::from("yes: a title")));
    }

    #[test]
    fn translation_should_link_back_and_keep_the_body() {
        let source = "---\ntitle: Hello\nlang: en\n---\nThe body.\n";
        let text = translation(
            source,
            "_i18n/en/_posts/2026-12-01-hello.md",
            "en",
            &template(),
            "Hello",
            &MOMENT,
        );
        assert!(text.ends_with("---\nThe body.\n"), "{text}");
        let fm = parse(&text[split(&text).yaml.unwrap()]).0;
        assert_eq!(
            fm.get("en"),
            Some(&Value::from("_i18n/en/_posts/2026-12-01-hello.md"))
        );
        assert_eq!(fm.get("lang"), Some(&Value::from("ja")));
        assert!(has_key(&text, "en"));
        assert!(!has_key(&text, "ko"));
    }
}
