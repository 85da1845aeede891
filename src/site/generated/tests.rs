//! The generated files against what the real plugins wrote (`tests/fixtures/generated/`, filled
//! by its `oracle.py`): each fixture site's language builds, with the inputs Jekyll had when the
//! plugins' templates ran (`inputs.json`), fed to the generators in the builds' order (one
//! `absolute_url` memo for the whole site, as Jekyll's filter cache), and each file compared
//! with the one Jekyll wrote: as XML by `site_fidelity.py`'s rule, and byte for byte.

use super::xml_form::xml_form;
use super::{doctor, feed_xml, robots_txt, sitemap_xml, Written};
use super::{BuildInfo, Document, Page, StaticFile};
use crate::diagnostic::Code;
use crate::liquid::smartify;
use crate::value::{Map, Value};
use std::path::PathBuf;

fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/generated/expected")
        .join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(fixture(path)).expect("a fixture file of tests/fixtures/generated")
}

/// JSON (read as YAML, of which it is a part) as the crate's values.
fn value(v: &serde_yaml::Value) -> Value {
    use serde_yaml::Value as Y;
    match v {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(*b),
        Y::Number(n) => n
            .as_i64()
            .map_or_else(|| Value::Float(n.as_f64().unwrap_or(0.0)), Value::Int),
        Y::String(s) => Value::String(s.clone()),
        Y::Sequence(items) => Value::List(items.iter().map(value).collect()),
        Y::Mapping(m) => {
            let mut out = Map::new();
            for (k, v) in m {
                out.insert(k.as_str().unwrap_or_default().to_owned(), value(v));
            }
            Value::Map(out)
        }
        Y::Tagged(t) => value(&t.value),
    }
}

fn get(v: &Value, key: &str) -> Value {
    v.get(key).cloned().unwrap_or(Value::Null)
}

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn list(v: &Value, key: &str) -> Vec<Value> {
    match v.get(key) {
        Some(Value::List(items)) => items.clone(),
        _ => Vec::new(),
    }
}

/// One language build as `inputs.json` holds it.
struct Build {
    dest: String,
    info: BuildInfo,
    posts: Vec<Document>,
    pages: Vec<Page>,
    files: Vec<StaticFile>,
    feed_url: String,
}

fn build_of(b: &Value) -> Build {
    let s = get(b, "site");
    let info = BuildInfo {
        url: get(&s, "url"),
        baseurl: get(&s, "baseurl"),
        title: get(&s, "title"),
        name: get(&s, "name"),
        description: get(&s, "description"),
        author: get(&s, "author"),
        lang: get(&s, "lang"),
        time: get(&s, "time"),
        feed: get(&s, "feed"),
        data_authors: get(&s, "data_authors"),
        show_drafts: get(&s, "show_drafts") == Value::Bool(true),
    };
    let posts = list(b, "posts")
        .iter()
        .map(|p| Document {
            url: text(p, "url"),
            id: text(p, "id"),
            date: get(p, "date"),
            last_modified_at: get(p, "last_modified_at"),
            title: get(p, "title"),
            content: text(p, "content"),
            excerpt: get(p, "excerpt"),
            description: get(p, "description"),
            author: get(p, "author"),
            authors: get(p, "authors"),
            category: get(p, "category"),
            categories: get(p, "categories"),
            tags: get(p, "tags"),
            image: get(p, "image"),
            lang: get(p, "lang"),
            draft: get(p, "draft") == Value::Bool(true),
            sitemap: get(p, "sitemap"),
            feed: get(p, "feed"),
        })
        .collect();
    let raw_pages = list(b, "pages");
    let feed_url = raw_pages
        .iter()
        .find(|p| text(p, "path") == "feed.xml")
        .map_or_else(|| "/feed.xml".to_owned(), |p| text(p, "url"));
    let pages = raw_pages
        .iter()
        .map(|p| Page {
            url: text(p, "url"),
            html: get(p, "html") == Value::Bool(true),
            sitemap: get(p, "sitemap"),
            last_modified_at: get(p, "last_modified_at"),
        })
        .collect();
    let files = list(b, "static_files")
        .iter()
        .map(|f| StaticFile {
            path: text(f, "path"),
            modified_time: get(f, "modified_time"),
            sitemap: get(f, "sitemap"),
        })
        .collect();
    Build {
        dest: text(b, "dest"),
        info,
        posts,
        pages,
        files,
        feed_url,
    }
}

fn builds(inputs: &str) -> Vec<Build> {
    let json: serde_yaml::Value = serde_yaml::from_str(inputs).expect("inputs.json reads");
    match value(&json) {
        Value::List(items) => items.iter().map(build_of).collect(),
        _ => panic!("inputs.json should hold a list of builds"),
    }
}

/// Every generated file of a fixture site: (its path under `_site`, what the generators wrote).
fn generate(site: &str) -> Vec<(String, String)> {
    generate_builds(site, builds(&read(&format!("{site}/inputs.json"))))
}

fn generate_builds(site: &str, builds: Vec<Build>) -> Vec<(String, String)> {
    let mut memo = Map::new();
    let mut out = Vec::new();
    for b in builds {
        let at = |name: &str| {
            if b.dest == "." {
                name.to_owned()
            } else {
                format!("{}/{name}", b.dest)
            }
        };
        let feed = feed_xml(&b.info, &mut memo, &b.feed_url, false, &b.posts);
        let map = sitemap_xml(&b.info, &mut memo, false, &b.posts, &b.pages, &b.files);
        let robots = robots_txt(&b.info, &mut memo);
        for (name, made) in [
            ("feed.xml", feed),
            ("sitemap.xml", map),
            ("robots.txt", robots),
        ] {
            assert!(
                made.problems.is_empty(),
                "{name} of {site} should raise nothing: {:?}",
                made.problems
            );
            out.push((at(name), made.text));
        }
    }
    out
}

fn compare_site(site: &str) {
    let made = generate(site);
    assert!(made.len() >= 3, "{site} should have at least one build");
    for (path, text) in made {
        let expected = read(&format!("{site}/{path}"));
        if path.ends_with(".xml") {
            assert_eq!(
                xml_form(&text),
                xml_form(&expected),
                "{site}/{path} should be the XML the plugin wrote (site_fidelity's rule)"
            );
        }
        assert_eq!(
            text, expected,
            "{site}/{path} should be byte for byte what the plugin wrote"
        );
    }
}

#[test]
fn a_site_with_url_baseurl_author_and_two_languages_should_get_the_plugins_files() {
    compare_site("basic");
}

#[test]
fn a_plain_site_without_url_lang_or_title_should_get_the_plugins_files() {
    compare_site("plain");
}

#[test]
fn the_comparison_should_see_a_changed_entry() {
    let made = generate("basic");
    let (_, feed) = made.iter().find(|(p, _)| p == "feed.xml").expect("a feed");
    let changed = feed.replacen("The newest post", "The newest posts", 1);
    assert_ne!(
        xml_form(&changed),
        xml_form(feed),
        "a changed title should make the XML differ"
    );
    let spaced = feed.replacen("<entry>", "<entry>\n  ", 1);
    assert_eq!(
        xml_form(&spaced),
        xml_form(feed),
        "white space between elements should not count, as in site_fidelity.py"
    );
}

/// The expected texts are Jekyll 4.3.1's: `Jekyll::Site.new(Jekyll.configuration({}))
/// .find_converter_instance(Jekyll::Converters::SmartyPants).convert(text)`, the `smartify`
/// filter's work.
#[test]
fn smartify_should_curl_quotes_and_dashes_as_kramdown_does() {
    let cases = [
        (
            "Don't panic -- it's \"only\" a test...",
            "Don\u{2019}t panic \u{2013} it\u{2019}s \u{201c}only\u{201d} a test\u{2026}",
        ),
        (
            "Hello <<world>> --- again",
            "Hello \u{ab}world\u{bb} \u{2014} again",
        ),
        (
            "She said \"hi\" and left",
            "She said \u{201c}hi\u{201d} and left",
        ),
        ("Plain 'name' site", "Plain \u{2018}name\u{2019} site"),
        ("A & B <b>c</b> &amp; d", "A &amp; B <b>c</b> &amp; d"),
        (
            "'80s \"'quoted'\"",
            "\u{2019}80s \u{201c}\u{2018}quoted\u{2019}\u{201d}",
        ),
        ("\"Hello,\" she said", "\u{201c}Hello,\u{201d} she said"),
        (
            "it's 'a' \"b\"",
            "it\u{2019}s \u{2018}a\u{2019} \u{201c}b\u{201d}",
        ),
        (
            "x \\<< y \\>> z << a >> b",
            "x &lt;&lt; y &gt;&gt; z \u{ab}\u{a0}a\u{a0}\u{bb} b",
        ),
        ("&#233; &#x26; &#60; &quot;", "\u{e9} &#x26; &#60; \""),
        ("rock'n'roll", "rock\u{2019}n\u{2019}roll"),
        ("\"'", "\u{201d}\u{2019}"),
        ("a -- b", "a \u{2013} b"),
    ];
    for (input, want) in cases {
        assert_eq!(
            smartify(&Value::from(input)),
            Value::from(want),
            "smartify of {input:?} should be what Jekyll's smartify gives"
        );
    }
    assert_eq!(smartify(&Value::Null), Value::Null, "nil should stay nil");
}

fn written(destination: &str, source: &str, page: bool) -> Written {
    Written {
        destination: destination.into(),
        source: source.into(),
        page,
    }
}

#[test]
fn doctor_should_report_a_shared_destination_in_each_file() {
    let found = doctor(&[
        written("about/index.html", "about.md", true),
        written("about/index.html", "about.html", true),
        written("index.html", "index.html", true),
    ]);
    let codes: Vec<(&str, Code)> = found
        .iter()
        .map(|d| (d.path.as_str(), d.diagnostic.code))
        .collect();
    assert_eq!(
        codes,
        [
            ("about.md", Code::SharedDestination),
            ("about.html", Code::SharedDestination)
        ],
        "both files writing about/index.html should be told, once each"
    );
    assert!(
        found[0].diagnostic.message.contains("`about.html`")
            && found[0]
                .diagnostic
                .message
                .contains("_site/about/index.html"),
        "the message should name the other file and the destination: {}",
        found[0].diagnostic.message
    );
}

#[test]
fn doctor_should_compare_the_case_of_pages_only() {
    let found = doctor(&[
        written("About.html", "About.md", true),
        written("about.html", "about.md", true),
        written("Logo.PDF", "Logo.PDF", false),
        written("logo.pdf", "logo.pdf", false),
    ]);
    let paths: Vec<&str> = found.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        ["About.md", "about.md"],
        "the two pages should be reported, the static files not (as doctor)"
    );
    assert!(found
        .iter()
        .all(|d| d.diagnostic.code == Code::UrlsDifferByCase
            && d.diagnostic.message.contains("only differ by case")));
}

#[test]
fn doctor_should_tell_apart_names_that_differ_only_by_normalisation() {
    let nfc = "ja/2021/05/07/\u{30d6}\u{30ed}\u{30b0}.html";
    let nfd = "ja/2021/05/07/\u{30d5}\u{3099}\u{30ed}\u{30b0}.html";
    let found = doctor(&[
        written(
            nfc,
            "_i18n/ja/_posts/2021-05-07-\u{30d6}\u{30ed}\u{30b0}.md",
            true,
        ),
        written(
            nfd,
            "_i18n/ja/_posts/2021-05-07-\u{30d5}\u{3099}\u{30ed}\u{30b0}.md",
            true,
        ),
        written(
            "ja/2021/05/08/other.html",
            "_i18n/ja/_posts/2021-05-08-other.md",
            true,
        ),
    ]);
    assert_eq!(
        found.len(),
        2,
        "each of the two posts should be told once: {found:?}"
    );
    assert_ne!(
        found[0].path, found[1].path,
        "each finding should be under its own file's name"
    );
    assert!(found
        .iter()
        .all(|d| d.diagnostic.code == Code::UrlsDifferByNormalization));
    assert!(
        found[0]
            .diagnostic
            .message
            .contains("This file's is composed, NFC")
            && found[1]
                .diagnostic
                .message
                .contains("This file's is decomposed, NFD"),
        "each message should say which form its own file's name has: {found:?}"
    );
    let decomposed =
        "`_site/ja/2021/05/07/\u{30d5}\\u{3099}\u{30ed}\u{30b0}.html` (decomposed, NFD)";
    assert!(
        found[0].diagnostic.message.contains(decomposed),
        "the decomposed name should show its combining mark, so the two read apart: {}",
        found[0].diagnostic.message
    );
}

#[test]
fn doctor_should_say_nothing_of_distinct_urls() {
    let found = doctor(&[
        written("a.html", "a.md", true),
        written("b.html", "b.md", true),
        written("ja/a.html", "a.md", true),
    ]);
    assert!(
        found.is_empty(),
        "distinct URLs should raise nothing: {found:?}"
    );
}

fn post(url: &str, date: &str) -> Document {
    Document {
        url: url.into(),
        id: url.into(),
        date: Value::from(date),
        title: Value::from(url),
        ..Document::default()
    }
}

#[test]
fn drafts_should_be_in_the_feed_only_with_show_drafts() {
    let mut draft = post("/draft", "2024-02-01");
    draft.draft = true;
    let posts = [post("/a", "2024-01-01"), draft];
    for (show, want) in [(false, 1), (true, 2)] {
        let build = BuildInfo {
            show_drafts: show,
            ..BuildInfo::default()
        };
        let feed = feed_xml(&build, &mut Map::new(), "/feed.xml", false, &posts);
        assert_eq!(
            feed.text.matches("<entry>").count(),
            want,
            "show_drafts {show} should give {want} entries: {}",
            feed.text
        );
    }
}

#[test]
fn a_date_jekyll_cannot_read_should_be_a_problem_that_names_it() {
    let build = BuildInfo::default();
    let feed = feed_xml(
        &build,
        &mut Map::new(),
        "/feed.xml",
        false,
        &[post("/a", "someday")],
    );
    assert!(
        feed.problems.iter().any(|p| p.contains("someday")),
        "an unreadable post date should be named among the problems: {:?}",
        feed.problems
    );
    assert!(
        feed.text.contains("<published>someday</published>"),
        "the date should be written as it is: {}",
        feed.text
    );
}
