//! `renderPost` as JavaScript sees it, in headless Chromium: the exported function is called
//! through wasm-bindgen's own JS glue, so strings cross as JS strings, options are real JS objects
//! and the result is what a page gets back.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! cargo test --target wasm32-unknown-unknown --test web` (or `bash .ci/test wasm`).

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use postview::{render_post, Options};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// wasm-bindgen-test-runner serves this test binary's JS glue as `./wasm-bindgen-test`, and the glue
// exports `renderPost`, the crate's `#[wasm_bindgen]` export, once the binary links the crate (a
// test calling `postview::render_post` does that). Importing the glue from itself gives the very
// function a page calls, not a Rust shortcut around it.
#[wasm_bindgen(raw_module = "./wasm-bindgen-test")]
extern "C" {
    #[wasm_bindgen(js_name = renderPost, catch)]
    fn render_post_from_js(source: &JsValue, options: &JsValue) -> Result<JsValue, JsValue>;
}

/// `renderPost(source, options)` as a page calls it.
fn render(source: &str, options: JsValue) -> Result<JsValue, JsValue> {
    render_post_from_js(&JsValue::from_str(source), &options)
}

/// `renderPost(source)`, which must not throw.
fn render_ok(source: &str) -> JsValue {
    render(source, JsValue::UNDEFINED).expect("renderPost should not throw for any source text")
}

/// The value of a JS expression, written as a caller would write it (e.g. `{ languages: 3 }`).
fn js(expression: &str) -> JsValue {
    js_sys::Function::new_no_args(&format!("return ({expression});"))
        .call0(&JsValue::NULL)
        .expect("the test's JS expression should evaluate")
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).expect("property read")
}

fn js_type(value: &JsValue) -> String {
    value.js_typeof().as_string().unwrap()
}

fn is_plain_object(value: &JsValue) -> bool {
    value.is_object()
        && !Array::is_array(value)
        && JsValue::from(Object::get_prototype_of(value)) == js("Object.prototype")
}

fn keys(object: &JsValue) -> Vec<String> {
    Object::keys(object.unchecked_ref::<Object>())
        .iter()
        .map(|k| k.as_string().unwrap())
        .collect()
}

fn json(value: &JsValue) -> String {
    String::from(js_sys::JSON::stringify(value).unwrap())
}

const FULL_POST: &str = "---
title: Mask Network
lang: en
date: 2021-01-20 10:00:00 +0800
image: /img/mask.png
count: 3
ratio: 1.5
draft: false
nothing:
tags: [privacy, web3]
author:
  name: Ann
ja: _i18n/ja/_posts/2021-01-20-masknetwork.md
ko: []
---
# Hello

Some **bold** text.
";

#[wasm_bindgen_test]
fn result_should_be_a_plain_object_with_every_documented_field() {
    let post = render_ok(FULL_POST);
    assert!(
        is_plain_object(&post),
        "the result should be a plain object, not a class or a Map"
    );
    let mut fields = keys(&post);
    fields.sort();
    assert_eq!(
        fields,
        [
            "blockLines",
            "date",
            "diagnostics",
            "frontMatter",
            "headings",
            "html",
            "image",
            "lang",
            "needsLexers",
            "title",
            "translations"
        ]
    );
    assert_eq!(
        get(&post, "title").as_string().as_deref(),
        Some("Mask Network")
    );
    assert_eq!(get(&post, "lang").as_string().as_deref(), Some("en"));
    assert_eq!(
        get(&post, "date").as_string().as_deref(),
        Some("2021-01-20")
    );
    assert_eq!(
        get(&post, "image").as_string().as_deref(),
        Some("/img/mask.png")
    );
    let html = get(&post, "html")
        .as_string()
        .expect("html should be a string");
    assert!(
        html.contains("<strong>bold</strong>"),
        "the body should be rendered: {html}"
    );
    for list in [
        "translations",
        "headings",
        "diagnostics",
        "blockLines",
        "needsLexers",
    ] {
        assert!(
            Array::is_array(&get(&post, list)),
            "{list} should be an array"
        );
    }
}

#[wasm_bindgen_test]
fn front_matter_should_be_a_plain_object_with_every_key_and_its_js_type() {
    let front_matter = get(&render_ok(FULL_POST), "frontMatter");
    assert!(
        is_plain_object(&front_matter),
        "frontMatter should be a plain object"
    );
    assert_eq!(
        keys(&front_matter),
        [
            "title", "lang", "date", "image", "count", "ratio", "draft", "nothing", "tags",
            "author", "ja", "ko"
        ],
        "every key should be there, in the order of the file"
    );
    assert_eq!(
        get(&front_matter, "count").as_f64(),
        Some(3.0),
        "an integer should be a JS number"
    );
    assert_eq!(get(&front_matter, "ratio").as_f64(), Some(1.5));
    assert_eq!(get(&front_matter, "draft").as_bool(), Some(false));
    assert!(
        get(&front_matter, "nothing").is_null(),
        "an empty value should be null"
    );
    assert_eq!(json(&get(&front_matter, "tags")), r#"["privacy","web3"]"#);
    assert_eq!(json(&get(&front_matter, "ko")), "[]");
    let author = get(&front_matter, "author");
    assert!(
        is_plain_object(&author),
        "a nested mapping should be a plain object"
    );
    assert_eq!(json(&author), r#"{"name":"Ann"}"#);
}

#[wasm_bindgen_test]
fn translations_should_be_an_array_of_plain_objects() {
    let translations: Array = get(&render_ok(FULL_POST), "translations").unchecked_into();
    assert_eq!(
        translations.length(),
        1,
        "only `ja` names a translation (`ko: []` does not)"
    );
    let ja = translations.get(0);
    assert!(is_plain_object(&ja));
    assert_eq!(
        json(&ja),
        r#"{"lang":"ja","path":"_i18n/ja/_posts/2021-01-20-masknetwork.md","slug":"masknetwork"}"#
    );
}

#[wasm_bindgen_test]
fn absent_fields_should_be_null_not_undefined() {
    let post = render_ok("---\nfoo: 1\n---\nText\n");
    for field in ["title", "lang", "date", "image"] {
        assert!(
            get(&post, field).is_null(),
            "{field} should be null when the post has none"
        );
    }
}

#[wasm_bindgen_test]
fn diagnostics_should_have_a_severity_a_code_a_message_and_numeric_line_and_column() {
    let diagnostics: Array =
        get(&render_ok("No front matter here.\n"), "diagnostics").unchecked_into();
    assert_eq!(
        diagnostics.length(),
        1,
        "a post without front matter should get one warning"
    );
    let warning = diagnostics.get(0);
    assert!(is_plain_object(&warning));
    assert_eq!(
        get(&warning, "severity").as_string().as_deref(),
        Some("warning")
    );
    assert_eq!(
        get(&warning, "code").as_string().as_deref(),
        Some("front-matter/missing"),
        "the warning should carry its code"
    );
    assert_eq!(js_type(&get(&warning, "message")), "string");
    assert_eq!(js_type(&get(&warning, "line")), "number");
    assert_eq!(js_type(&get(&warning, "column")), "number");
    assert_eq!(
        (
            get(&warning, "line").as_f64(),
            get(&warning, "column").as_f64()
        ),
        (Some(1.0), Some(1.0))
    );
}

#[wasm_bindgen_test]
fn a_yaml_error_should_be_an_error_at_its_place_in_the_whole_file_and_the_body_should_still_render()
{
    // Line 3 of the file (line 2 of the YAML); the second `:` is at column 9.
    let post = render_ok("---\ntitle: Hi\nfoo: bar: baz\n---\nBody **bold**\n");
    let diagnostics: Array = get(&post, "diagnostics").unchecked_into();
    let error = diagnostics
        .iter()
        .find(|d| get(d, "code").as_string().as_deref() == Some("yaml/syntax"))
        .expect("a YAML error should give a yaml/syntax diagnostic");
    assert_eq!(
        get(&error, "line").as_f64(),
        Some(3.0),
        "the line should count from the top of the file"
    );
    assert_eq!(get(&error, "column").as_f64(), Some(9.0));
    let html = get(&post, "html").as_string().unwrap();
    assert!(
        html.contains("<strong>bold</strong>"),
        "the body should render despite the YAML error: {html}"
    );
}

#[wasm_bindgen_test]
fn omitted_options_should_be_the_defaults() {
    let source = "---\ntitle: T\nzh-Hant: _i18n/zh-Hant/_posts/2021-01-20-t.md\n---\nx\n";
    let defaults = render_ok(source);
    let omitted = json(&defaults);
    for empty in [
        "null",
        "undefined",
        "{}",
        "{ site: undefined, languages: null, path: undefined }",
    ] {
        let post = render(source, js(empty)).expect("empty options should be accepted");
        assert_eq!(
            json(&post),
            omitted,
            "options {empty} should mean the defaults"
        );
    }
    let translations: Array = get(&defaults, "translations").unchecked_into();
    assert_eq!(
        translations.length(),
        1,
        "zh-Hant should be one of the default languages"
    );
    let english_only = render(source, js(r#"{ languages: ["en"] }"#)).unwrap();
    let translations: Array = get(&english_only, "translations").unchecked_into();
    assert_eq!(
        translations.length(),
        1,
        "a language key naming a post should name a translation beyond options.languages too"
    );
    let both = "---\nja: _i18n/ja/_posts/a.md\nzh-Hant: _i18n/zh-Hant/_posts/a.md\n---\nx\n";
    let ordered = render(both, js(r#"{ languages: ["zh-Hant", "ja"] }"#)).unwrap();
    let translations: Array = get(&ordered, "translations").unchecked_into();
    let langs: Vec<String> = translations
        .iter()
        .map(|t| get(&t, "lang").as_string().unwrap_or_default())
        .collect();
    assert_eq!(
        langs,
        ["zh-Hant", "ja"],
        "options.languages should give the translations' order"
    );
}

#[wasm_bindgen_test]
fn options_path_should_give_the_language_and_date_the_front_matter_lacks() {
    let post = render(
        "---\ntitle: T\n---\nx\n",
        js(r#"{ path: "_i18n/ja/_posts/2021-01-20-x.md" }"#),
    )
    .unwrap();
    assert_eq!(get(&post, "lang").as_string().as_deref(), Some("ja"));
    assert_eq!(
        get(&post, "date").as_string().as_deref(),
        Some("2021-01-20")
    );
}

#[wasm_bindgen_test]
fn site_kramdown_options_should_reach_the_markdown_stage() {
    let source = "---\n---\n# Hi\n\n    code\n";
    let options = r#"{ site: { kramdown: { auto_id_prefix: "h-", syntax_highlighter_opts: { block: { line_numbers: true } } } } }"#;
    let post = render(source, js(options)).unwrap();
    let html = get(&post, "html").as_string().unwrap_or_default();
    assert!(
        html.contains(r#"id="h-hi""#),
        "the id prefix should be used: {html}"
    );
    assert!(
        html.contains(r#"class="rouge-table""#),
        "code should get rouge's line-number table: {html}"
    );
}

#[wasm_bindgen_test]
fn site_keys_should_be_laid_over_the_default_site() {
    // `cdn` is given; `baseurl_root` is the default's (""), so both must reach Liquid.
    let source = "---\ntitle: T\nimage: \"{{ site.cdn }}{{ site.baseurl_root }}/a.png\"\n---\nx\n";
    let post = render(source, js(r#"{ site: { cdn: "https://cdn.example" } }"#)).unwrap();
    assert_eq!(
        get(&post, "image").as_string().as_deref(),
        Some("https://cdn.example/a.png")
    );
    let post = render(source, js(r#"{ site: { baseurl_root: "/news" } }"#)).unwrap();
    assert_eq!(
        get(&post, "image").as_string().as_deref(),
        Some("/news/a.png"),
        "a given key should win"
    );
}

#[wasm_bindgen_test]
fn malformed_options_should_throw_a_type_error() {
    let malformed = [
        r#""x""#,
        "42",
        "true",
        "[]",
        "{ languages: 3 }",
        r#"{ languages: ["en", 1] }"#,
        "{ site: [] }",
        r#"{ site: "x" }"#,
        "{ path: 5 }",
        r#"{ sanitize: "yes" }"#,
        "{ sanitize: 1 }",
    ];
    for options in malformed {
        let error = render("---\ntitle: T\n---\nx\n", js(options))
            .expect_err(&format!("options {options} should throw"));
        let error = error
            .dyn_ref::<js_sys::TypeError>()
            .unwrap_or_else(|| panic!("{options}: not a TypeError"));
        let message = String::from(error.message());
        assert!(
            message.starts_with("renderPost: "),
            "{options}: the message should name renderPost: {message}"
        );
    }
}

// This build has no sanitiser (feature `sanitize`, the "postview/sanitize" entry): asking for it
// must fail loudly, never hand back raw HTML as if it were sanitized.
#[wasm_bindgen_test]
fn sanitize_true_should_throw_a_type_error_naming_the_sanitize_entry() {
    let error = render("<script>x</script>\n", js("{ sanitize: true }"))
        .expect_err("sanitize: true should throw without the sanitiser");
    let error = error
        .dyn_ref::<js_sys::TypeError>()
        .expect("sanitize: true should be a TypeError");
    let message = String::from(error.message());
    assert!(
        message.contains(r#"import { renderPost } from "postview/sanitize""#),
        "the message should say where the sanitiser is: {message}"
    );
}

#[wasm_bindgen_test]
fn sanitize_false_or_absent_should_render_the_raw_html_jekyll_would() {
    for options in [
        "{ sanitize: false }",
        "{ sanitize: null }",
        "{}",
        "undefined",
    ] {
        let post = render("<script>x</script>\n", js(options))
            .unwrap_or_else(|e| panic!("{options} should render: {e:?}"));
        assert_eq!(
            get(&post, "html").as_string().unwrap().trim(),
            "<script>x</script>",
            "{options}"
        );
    }
}

#[wasm_bindgen_test]
fn odd_source_text_should_never_throw() {
    let odd = [
        "",
        "---",
        "---\n",
        "---\n---",
        "---\n---\n",
        "---\ntitle: [\n",
        "\0",
        "a\0b\n---\0\n",
        "\u{FEFF}",
        "\u{FFFD}\u{FFFD}",
        "\r",
        "\r\n---\r\ntitle: x\r\n---\r\n",
        "{{",
        "{% if %}",
        "<script>alert(1)</script>",
        "\u{2028}\u{2029}\u{1F600}",
        "---\n: : :\n---\n",
    ];
    for source in odd {
        let post =
            render(source, JsValue::UNDEFINED).unwrap_or_else(|e| panic!("{source:?} threw {e:?}"));
        assert_eq!(js_type(&get(&post, "html")), "string", "{source:?}");
    }
    let long_line = "x".repeat(200_000);
    render_ok(&long_line);
}

#[wasm_bindgen_test]
fn lone_surrogates_from_js_should_render_as_replacement_characters() {
    // A JS string can hold a lone surrogate (Rust's &str cannot): the glue turns it into U+FFFD.
    let source = JsString::from_char_code(&[0xD800, 0x61, 0xDC00]);
    let post = render_post_from_js(&source, &JsValue::UNDEFINED)
        .expect("a lone surrogate should not throw");
    let html = get(&post, "html").as_string().unwrap();
    assert!(html.contains("\u{FFFD}a\u{FFFD}"), "{html:?}");
}

#[wasm_bindgen_test]
fn the_js_result_should_equal_the_rust_result() {
    let from_js = render_ok(FULL_POST);
    let from_rust = render_post(FULL_POST, &Options::default());
    assert_eq!(get(&from_js, "html").as_string(), Some(from_rust.html));
    assert_eq!(get(&from_js, "title").as_string(), from_rust.title);
    let codes: Vec<String> = Array::from(&get(&from_js, "diagnostics"))
        .iter()
        .map(|d| get(&d, "code").as_string().unwrap_or_default())
        .collect();
    let rust_codes: Vec<&str> = from_rust
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(
        codes, rust_codes,
        "JS should get the same diagnostics, code for code"
    );
}
