//! What a build says besides its files: a site without `languages:`, a tag it cannot run, an
//! error Jekyll stops on. (Its files are compared with the real Jekyll's in `tests/site_build.rs`.)

use super::*;
use crate::diagnostic::Code;

fn site(files: &[(&str, &str)]) -> Site {
    Site::new(
        files
            .iter()
            .map(|(p, t)| ((*p).to_owned(), (*t).to_owned())),
    )
}

fn build(s: &Site) -> SiteBuild {
    s.build(&BuildOptions {
        time: Some("2026-01-01 00:00:00 +0000".into()),
        ..BuildOptions::default()
    })
}

const CONFIG: (&str, &str) = ("_config.yml", "languages: [en]\n");
const STRINGS: (&str, &str) = ("_i18n/en.yml", "");

#[test]
fn a_site_without_languages_should_be_said_and_every_file_marked_inexact() {
    let b = build(&site(&[("index.html", "---\n---\nhi\n")]));
    let codes: Vec<Code> = b.diagnostics.iter().map(|d| d.diagnostic.code).collect();
    assert_eq!(
        codes,
        [Code::NoLanguages],
        "the missing list should be said once"
    );
    assert!(
        !b.inexact.is_empty() && b.inexact.len() == b.files.len(),
        "every file should be marked as possibly not Jekyll's: {:?}",
        b.inexact
    );
}

#[test]
fn a_tag_the_build_cannot_run_should_be_named_and_its_file_listed() {
    let b = build(&site(&[
        CONFIG,
        STRINGS,
        ("a.html", "---\n---\n{% fancy %}\n"),
        ("b.html", "---\n---\nok\n"),
    ]));
    let d = &b.diagnostics[0];
    assert_eq!(
        (d.path.as_str(), d.diagnostic.code, d.diagnostic.line),
        ("a.html", Code::UnknownTag, 3),
        "the unknown tag should be said at its file and line"
    );
    assert_eq!(
        b.inexact,
        ["a.html"],
        "only the page with the tag should be listed as inexact"
    );
    assert!(
        !b.stops(),
        "an unknown tag alone should not be taken as stopping the build"
    );
}

#[test]
fn an_error_jekyll_stops_on_should_make_the_build_stop() {
    let b = build(&site(&[
        CONFIG,
        STRINGS,
        ("a.html", "---\n---\n{% if x %}open\n"),
    ]));
    assert!(
        b.stops(),
        "an unclosed block should stop the build: {:?}",
        b.diagnostics
    );
    assert!(
        b.files.iter().any(|f| f.path == "a.html"),
        "the page should still be written, as far as it renders"
    );
}

#[test]
fn site_time_should_come_from_the_option_else_the_config() {
    let page = ("t.html", "---\n---\n{{ site.time }}\n");
    let configured = site(&[
        ("_config.yml", "languages: [en]\ntime: 2020-05-06\n"),
        STRINGS,
        page,
    ]);
    let text = |b: SiteBuild| match b.files.iter().find(|f| f.path == "t.html") {
        Some(BuiltFile {
            content: BuiltContent::Text(t),
            ..
        }) => t.clone(),
        other => panic!("the page should be rendered, not {other:?}"),
    };
    assert_eq!(
        text(configured.build(&BuildOptions::default())),
        "2020-05-06 00:00:00 +0000\n",
        "`time:` should be site.time, printed as a Ruby Time"
    );
    assert_eq!(
        text(build(&configured)),
        "2026-01-01 00:00:00 +0000\n",
        "the option should win over `time:`"
    );
}

#[test]
fn a_page_should_be_written_only_by_its_languages_and_unless_unpublished() {
    let s = site(&[
        ("_config.yml", "languages: [en, de]\n"),
        STRINGS,
        ("_i18n/de.yml", ""),
        ("de.html", "---\nlanguages: [de]\n---\nx\n"),
        ("hidden.html", "---\npublished: false\n---\nx\n"),
    ]);
    let paths: Vec<String> = build(&s)
        .files
        .into_iter()
        .map(|f| f.path)
        .filter(|p| p.ends_with(".html"))
        .collect();
    assert_eq!(
        paths,
        ["de/de.html"],
        "only the German build should write de.html, and nothing hidden.html"
    );
}

#[test]
fn defaults_should_apply_to_pages_and_posts() {
    let s = site(&[
        (
            "_config.yml",
            "languages: [en]\ndefaults:\n  - scope: {path: ''}\n    values: {note: hi}\n  - scope: {type: posts}\n    values: {layout: p, permalink: '/n/:title/'}\n",
        ),
        STRINGS,
        ("_layouts/p.html", "[{{ page.note }}|{{ content }}]"),
        ("a.html", "---\n---\n{{ page.note }}\n"),
        ("_i18n/en/_posts/2020-01-01-p.md", "---\n---\n{{ page.note }}\n"),
    ]);
    let b = build(&s);
    let text = |path: &str| {
        b.files
            .iter()
            .find(|f| f.path == path)
            .map(|f| f.content.clone())
    };
    assert_eq!(
        text("a.html"),
        Some(BuiltContent::Text("hi\n".into())),
        "the page should see the default"
    );
    assert_eq!(
        text("n/p/index.html"),
        Some(BuiltContent::Text("[hi|<p>hi</p>\n]".into())),
        "the post should get its layout and permalink from the defaults, and its body see them"
    );
    assert!(
        b.diagnostics.is_empty() && b.inexact.is_empty(),
        "nothing should be said or listed inexact: {:?}",
        b.diagnostics
    );
}

#[test]
fn feeds_of_other_collections_should_be_said_where_they_are_asked_for() {
    let s = site(&[
        (
            "_config.yml",
            "languages: [en]\nfeed:\n  collections: [posts, recipes]\n",
        ),
        STRINGS,
    ]);
    let said: Vec<(String, Code, u32)> = build(&s)
        .diagnostics
        .iter()
        .map(|d| (d.path.clone(), d.diagnostic.code, d.diagnostic.line))
        .collect();
    assert_eq!(
        said,
        [("_config.yml".to_owned(), Code::FeedCollections, 3)],
        "the collections key should be named, at its line"
    );
}

#[test]
fn tf_should_include_the_language_s_file_else_the_default_one_s_converted() {
    let s = site(&[
        ("_config.yml", "languages: [en, fr]\n"),
        STRINGS,
        ("_i18n/fr.yml", ""),
        ("_i18n/en/a.md", "*{{ site.lang }}*\n"),
        ("_i18n/fr/a.md", "_fr_ {{ include.x }}\n"),
        ("_i18n/en/b.html", "<b>{{ site.lang }}</b>"),
        (
            "p.html",
            "---\n---\n{% tf a.md x=1 %}|{% tf b.html %}|{% tf c.md %}",
        ),
    ]);
    let b = build(&s);
    let text = |path: &str| match b.files.iter().find(|f| f.path == path) {
        Some(f) => f.content.clone(),
        None => BuiltContent::Text(String::new()),
    };
    assert_eq!(
        text("p.html"),
        BuiltContent::Text("<p><em>en</em></p>\n|<b>en</b>|".into()),
        "the default build should include its own files, Markdown converted"
    );
    assert_eq!(
        text("fr/p.html"),
        BuiltContent::Text("<p><em>fr</em> 1</p>\n|<b>fr</b>|".into()),
        "the French build should include its file with the parameter, else the default language's"
    );
    assert!(
        b.stops()
            && b.diagnostics
                .iter()
                .any(|d| d.diagnostic.code == Code::MissingInclude),
        "a file neither language has should stop the build, as Jekyll does"
    );
}

#[test]
fn a_string_neither_language_has_should_stop_the_build_as_the_plugin_does() {
    let s = site(&[
        ("_config.yml", "languages: [en, fr]\n"),
        ("_i18n/en.yml", "a: A\nb: B\nn: 5\n"),
        ("_i18n/fr.yml", "a: Á\nb: ''\n"),
        ("p.html", "---\n---\n{% t a %}{% t b %}"),
        (
            "q.html",
            "---\nlanguages: [en]\n---\n{% t missing %}{% t n %}",
        ),
    ]);
    let b = build(&s);
    let text = |path: &str| {
        b.files
            .iter()
            .find(|f| f.path == path)
            .map(|f| f.content.clone())
    };
    assert_eq!(
        text("fr/p.html"),
        Some(BuiltContent::Text("ÁB".into())),
        "an empty string of the language should fall back to the default language's"
    );
    let said: Vec<(&str, Code, u32)> = b
        .diagnostics
        .iter()
        .map(|d| (d.path.as_str(), d.diagnostic.code, d.diagnostic.column))
        .collect();
    assert_eq!(
        said,
        [
            ("q.html", Code::MissingString, 1),
            ("q.html", Code::MissingString, 16)
        ],
        "a missing key and a number should each be said where they are"
    );
    assert!(b.stops(), "the build should stop, as Jekyll's does");
}
