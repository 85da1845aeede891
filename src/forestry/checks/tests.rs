use super::*;
use crate::front_matter::{parse, split};
use crate::value::Map;

const TEMPLATE: &str = "---\nfields:\n- name: layout\n  type: text\n  config:\n    required: true\n  label: Layout\n  hidden: true\n- name: title\n  type: text\n  config:\n    required: true\n  label: Title\n- name: date\n  type: datetime\n  label: Date\n  config:\n    required: true\n    date_format: YYYY-MM-DD\n- name: type\n  type: select\n  config:\n    options:\n    - 活动\n    - 预告\n  label: Type\n- name: ja\n  type: select\n  config:\n    options: []\n  label: Japanese\n";

fn template() -> Template {
    Template::from_map("en-post", &parse(TEMPLATE).0)
}

/// The issues `check` finds in `text` (a post at `path`), each as (line:column, message).
fn run(path: &str, text: &str, check: impl Fn(&Post) -> Vec<Issue>) -> Vec<(String, String)> {
    let yaml = split(text).yaml;
    let fm: Map = yaml
        .as_ref()
        .map(|y| parse(&text[y.clone()]).0)
        .unwrap_or_default();
    let post = Post {
        path,
        text,
        yaml,
        front_matter: &fm,
        readable: true,
    };
    let lines = crate::diagnostic::LineIndex::new(text);
    check(&post)
        .into_iter()
        .map(|i| {
            let d = lines.locate(i);
            (format!("{}:{}", d.line, d.column), d.message)
        })
        .collect()
}

const P: &str = "_i18n/en/_posts/2021-01-01-a.md";

#[test]
fn required_should_flag_missing_and_empty_fields_where_to_fix_them() {
    let text = "---\nlayout: post\ntitle: ''\n---\nBody\n";
    let found = run(P, text, |p| required(p, &template()));
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        found[0].0, "3:8",
        "an empty field should point at its value"
    );
    assert!(
        found[0].1.contains("`title` (Title) is empty"),
        "{}",
        found[0].1
    );
    assert_eq!(
        found[1].0, "4:1",
        "a missing field should point at the closing line"
    );
    assert!(
        found[1].1.contains("`date` (Date) is missing"),
        "{}",
        found[1].1
    );
}

#[test]
fn required_should_accept_a_complete_post() {
    let text = "---\nlayout: post\ntitle: Hi\ndate: 2021-01-01\n---\n";
    assert!(run(P, text, |p| required(p, &template())).is_empty());
}

#[test]
fn selects_should_flag_a_value_not_among_the_options() {
    let text = "---\ntitle: Hi\ntype: 新闻\nja: _i18n/ja/_posts/x.md\n---\n";
    let found = run(P, text, |p| selects(p, &template()));
    assert_eq!(
        found.len(),
        1,
        "a select without options (ja) is not checked: {found:?}"
    );
    assert_eq!(found[0].0, "3:7");
    assert!(
        found[0].1.contains("活动, 预告"),
        "the message should list the choices: {}",
        found[0].1
    );
    let ok = "---\ntype: 预告\n---\n";
    assert!(run(P, ok, |p| selects(p, &template())).is_empty());
    let blank = "---\ntype: ''\n---\n";
    assert!(
        run(P, blank, |p| selects(p, &template())).is_empty(),
        "an empty optional select is fine"
    );
}

#[test]
fn dates_should_flag_a_date_in_another_format() {
    let text = "---\ntitle: Hi\ndate: 2021-1-5 10:00\n---\n";
    let found = run(P, text, |p| dates(p, &template()));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "3:7");
    assert!(found[0].1.contains("YYYY-MM-DD"), "{}", found[0].1);
    let ok = "---\ndate: 2021-01-05\n---\n";
    assert!(run(P, ok, |p| dates(p, &template())).is_empty());
}

#[test]
fn lang_should_flag_a_language_other_than_the_folder() {
    let text = "---\ntitle: Hi\nlang: zh-Hans\n---\n";
    let found = run(P, text, |p| lang(p, "en").into_iter().collect());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "3:7");
    assert!(found[0].1.contains("lang: en"), "{}", found[0].1);
    assert!(run(P, "---\nlang: en\n---\n", |p| lang(p, "en")
        .into_iter()
        .collect())
    .is_empty());
}

fn site_with(posts: &[(&str, &str)], assets: &[&str]) -> SiteIndex {
    let mut site = SiteIndex::new(
        vec!["en".into(), "ja".into()],
        assets.iter().map(|a| a.to_string()),
    );
    for (path, text) in posts {
        let yaml = split(text).yaml.unwrap();
        site.add_post(path, parse(&text[yaml]).0);
    }
    site
}

#[test]
fn translations_should_flag_a_missing_target_and_one_without_a_link_back() {
    let ja = "_i18n/ja/_posts/2021-01-01-a.md";
    let site = site_with(&[(ja, "---\nen: _i18n/en/_posts/other.md\n---\n")], &[]);
    let text = format!("---\nja: {ja}\n---\n");
    let found = run(P, &text, |p| translations(p, "en", &site));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "2:5");
    assert!(found[0].1.contains("does not link back"), "{}", found[0].1);

    let missing = "---\nja: _i18n/ja/_posts/gone.md\n---\n";
    let found = run(P, missing, |p| translations(p, "en", &site));
    assert!(found[0].1.contains("does not exist"), "{}", found[0].1);

    let site = site_with(&[(ja, &format!("---\nen: {P}\n---\n"))], &[]);
    assert!(
        run(P, &text, |p| translations(p, "en", &site)).is_empty(),
        "a pair naming each other is fine"
    );
    assert!(run(P, "---\nja: []\n---\n", |p| translations(p, "en", &site)).is_empty());
}

#[test]
fn images_should_flag_a_missing_file_only_where_the_folder_exists() {
    let text = "---\nimage: \"{{ site.baseurl_root }}/uploads/hero.png\"\n---\n![a](/uploads/there.jpg) ![b](/assets/x.png) ![c](https://e.com/uploads/y.png)\n";
    let site = site_with(&[], &["uploads/there.jpg", "uploads/other.png"]);
    let found = run(P, text, |p| images(p, &site));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].0, "2:9",
        "the diagnostic should point at the image's path"
    );
    assert!(found[0].1.contains("/uploads/hero.png"), "{}", found[0].1);
    let bare = site_with(&[], &[]);
    assert!(
        run(P, text, |p| images(p, &bare)).is_empty(),
        "without an uploads folder nothing is known"
    );
}

#[test]
fn images_should_find_a_file_named_with_percent_escapes() {
    let site = site_with(&[], &["uploads/文件 1.jpg"]);
    let text = "---\n---\n![a](/uploads/%E6%96%87%E4%BB%B6%201.jpg) ![b](/uploads/%zz.png)\n";
    let found = run(P, text, |p| images(p, &site));
    assert_eq!(
        found.len(),
        1,
        "the escaped name should be found, the malformed one not: {found:?}"
    );
    assert!(found[0].1.contains("%zz.png"));
}
