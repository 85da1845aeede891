//! Unit tests of `Site` on tiny sites; the whole shared site is `tests/pages.rs`.

use super::*;
use crate::diagnostic::{Code, Severity};

fn site(files: &[(&str, &str)]) -> Site {
    Site::new(files.iter().map(|(p, t)| (p.to_string(), t.to_string())))
}

#[test]
fn a_missing_layout_should_render_the_body_alone_and_say_so() {
    let s = site(&[(
        "_i18n/en/_posts/2020-01-02-x.md",
        "---\nlayout: nope\n---\nHi\n",
    )]);
    let page = s.render_page("_i18n/en/_posts/2020-01-02-x.md", None);
    assert_eq!(
        page.page.trim(),
        "<p>Hi</p>",
        "the page should be the body alone"
    );
    assert!(
        page.post
            .diagnostics
            .iter()
            .any(|d| d.code == Code::MissingLayout && d.message.contains("`nope`") && d.line == 2),
        "a diagnostic should name the missing layout at its line: {:?}",
        page.post.diagnostics
    );
}

#[test]
fn the_readme_example_should_give_what_the_readme_says() {
    let s = site(&[
        (
            "_config.yml",
            "languages: [\"en\", \"ja\"]\npermalink: /:year/:month/:day/:title\n",
        ),
        (
            "_layouts/post.html",
            "<h1>{{ page.title }}</h1>\n{{ content }}",
        ),
        ("_i18n/en.yml", "more: More\n"),
        ("_i18n/ja.yml", "more: もっと\n"),
        (
            "_i18n/ja/_posts/2021-01-20-hello.md",
            "---\nlayout: post\ntitle: Hello\n---\n*Hi*\n",
        ),
    ]);
    assert_eq!(
        s.diagnostics(),
        [],
        "the example site should have no problem"
    );
    assert_eq!(s.posts(), ["_i18n/ja/_posts/2021-01-20-hello.md"]);
    assert_eq!(s.languages(), ["en", "ja"]);
    let page = s.render_page("_i18n/ja/_posts/2021-01-20-hello.md", None);
    assert_eq!(
        page.url, "/ja/2021/01/20/hello",
        "a second language's page should be under /ja"
    );
    assert_eq!(page.page, "<h1>Hello</h1>\n<p><em>Hi</em></p>\n");
}

#[test]
fn a_listed_language_without_its_strings_should_be_an_error_at_its_place_in_the_list() {
    let s = site(&[
        (
            "_config.yml",
            "title: x\nlanguages: [\"en\", \"ja\", \"fr\"]\n",
        ),
        ("_i18n/en.yml", "more: More\n"),
        ("_i18n/ja.yml", "more: もっと\n"),
    ]);
    let d = s.diagnostics();
    assert_eq!(d.len(), 1, "only `fr` lacks its strings: {d:?}");
    assert_eq!(d[0].path, "_config.yml");
    assert_eq!(
        (d[0].diagnostic.line, d[0].diagnostic.column),
        (2, 26),
        "the error should point at `fr` in the list"
    );
    assert_eq!(
        d[0].diagnostic.code,
        Code::MissingStrings,
        "`fr` should lack its strings file"
    );
    assert!(
        d[0].diagnostic.message.contains("_i18n/fr.yml"),
        "the error should name the file to add"
    );

    let block = site(&[("_config.yml", "languages:\n  - zh-Hans\n  - zh\n")]);
    let places: Vec<_> = block
        .diagnostics()
        .iter()
        .map(|d| (d.diagnostic.line, d.diagnostic.column))
        .collect();
    assert_eq!(
        places,
        [(2, 5), (3, 5)],
        "a block list's items should be found too, `zh` not inside `zh-Hans`"
    );
}

#[test]
fn an_unreadable_config_should_be_a_site_diagnostic_with_its_place() {
    let s = site(&[("_config.yml", "title: [unclosed\n")]);
    let d = s.diagnostics();
    assert_eq!(d.len(), 1, "one problem should be reported: {d:?}");
    assert_eq!(d[0].path, "_config.yml");
    assert!(d[0].diagnostic.line >= 1, "it should have a line");
    assert_eq!(
        s.languages(),
        crate::Options::default().languages,
        "the default languages should stand in"
    );
}

#[test]
fn a_missing_include_should_be_a_layout_diagnostic_and_not_stop_the_page() {
    let s = site(&[
        (
            "_layouts/post.html",
            "<main>\n{% include nowhere.html %}{{ content }}</main>",
        ),
        ("_posts/2020-01-02-x.md", "---\nlayout: post\n---\nHi\n"),
    ]);
    let page = s.render_page("_posts/2020-01-02-x.md", None);
    assert_eq!(
        page.page, "<main>\n<p>Hi</p>\n</main>",
        "the rest of the layout should render"
    );
    let d = &page.layout_diagnostics;
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(
        (d[0].path.as_str(), d[0].diagnostic.line),
        ("_layouts/post.html", 2)
    );
}

#[test]
fn a_layout_that_includes_itself_should_stop_with_a_diagnostic() {
    let s = site(&[
        ("_includes/loop.html", "x{% include loop.html %}"),
        ("_layouts/post.html", "{% include loop.html %}"),
        ("_posts/2020-01-02-x.md", "---\nlayout: post\n---\nHi\n"),
    ]);
    let page = s.render_page("_posts/2020-01-02-x.md", None);
    assert!(page.page.starts_with("xxx"), "{}", page.page);
    assert!(
        page.layout_diagnostics
            .iter()
            .any(|d| d.diagnostic.code == Code::IncludeTooDeep),
        "the include's loop should be stopped and said: {:?}",
        page.layout_diagnostics
    );
}

#[test]
fn a_huge_range_in_a_layout_should_stop_within_the_budget() {
    let s = site(&[
        (
            "_layouts/post.html",
            "{% for i in (1..1000000000) %}{{ i }}{% endfor %}",
        ),
        ("_posts/2020-01-02-x.md", "---\nlayout: post\n---\nHi\n"),
    ]);
    let page = s.render_page("_posts/2020-01-02-x.md", None);
    assert!(
        page.page.len() < 4 << 20,
        "the output should stay bounded: {}",
        page.page.len()
    );
}

#[test]
fn set_file_should_reach_pages_already_rendered_once() {
    let mut s = site(&[
        ("_config.yml", "title: Old\n"),
        ("_layouts/post.html", "{{ site.title }}"),
        ("_posts/2020-01-02-x.md", "---\nlayout: post\n---\nHi\n"),
    ]);
    assert_eq!(s.render_page("_posts/2020-01-02-x.md", None).page, "Old");
    s.set_file("_config.yml", "title: New\n");
    assert_eq!(
        s.render_page("_posts/2020-01-02-x.md", None).page,
        "New",
        "a changed _config.yml should not be hidden by the language build made before"
    );
}

#[test]
fn a_site_should_be_shareable_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Site>();
}

#[test]
fn body_tags_should_use_the_sites_posts_and_includes_and_report_misses_at_their_place() {
    let body = "[a]({% post_url 2020-01-01-a %}) {% include_cached i.html v=\"1\" %}\n\
                {% post_url 2020-01-09-gone %} {% link _drafts/nope.md %} {% include bad.html %}\n";
    let s = site(&[
        (
            "_config.yml",
            "languages: [\"en\"]\npermalink: /:year/:month/:day/:title\n",
        ),
        ("_includes/i.html", "<i>{{ include.v }}</i>"),
        ("_includes/bad.html", "{% if x %}\n"),
        ("_i18n/en/_posts/2020-01-01-a.md", "---\n---\nA\n"),
        (
            "_i18n/en/_posts/2020-01-02-b.md",
            &format!("---\n---\n{body}"),
        ),
    ]);
    let page = s.render_page("_i18n/en/_posts/2020-01-02-b.md", None);
    assert!(
        page.post
            .html
            .contains("<a href=\"/2020/01/01/a\">a</a> <i>1</i>"),
        "post_url and include_cached should render: {}",
        page.post.html
    );
    let path = "_i18n/en/_posts/2020-01-02-b.md";
    let body_only = s.render_body(path, &format!("---\n---\n{body}"));
    assert_eq!(
        body_only.html, page.post.html,
        "the body alone (an edit in the site view) should render as in the page"
    );
    let errors: Vec<_> = page
        .post
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    for (needle, code) in [
        ("{% post_url 2020-01-09", Code::UnknownPost),
        ("{% link", Code::LinkNotFound),
        ("{% include bad", Code::UnclosedBlock),
    ] {
        let col = body.lines().nth(1).unwrap().find(needle).unwrap() as u32 + 1;
        assert!(
            errors
                .iter()
                .any(|d| d.line == 4 && d.column == col && d.code == code),
            "`{needle}` should be an error {code} at 4:{col}: {errors:?}"
        );
    }
    assert!(
        errors
            .iter()
            .any(|d| d.message.starts_with("in `_includes/bad.html:1:1`")),
        "the include's own problem should name its place in the include: {errors:?}"
    );
}

#[test]
fn link_to_a_page_or_an_unread_file_should_warn_not_stop() {
    let s = site(&[
        ("about.md", "---\ntitle: About\n---\nHi\n"),
        (
            "_i18n/en/_posts/2020-01-02-b.md",
            "---\n---\n{% link about.md %} {% link img/a.png %}\n",
        ),
    ]);
    let page = s.render_page("_i18n/en/_posts/2020-01-02-b.md", None);
    let d = &page.post.diagnostics;
    assert_eq!(
        d.iter().map(|d| d.code).collect::<Vec<_>>(),
        [Code::LinkUnresolved, Code::LinkUnresolved],
        "a page and a file the preview was not given should each be one warning: {d:?}"
    );
    assert!(
        d[0].message.contains("names a page") && d[1].message.contains("no file at this path"),
        "each warning should say why the link is not resolved: {d:?}"
    );
}

/// A site with a Forestry section for `_i18n/en/_posts` whose template requires `title`.
fn forestry_site(post: &str) -> Site {
    site(&[
        ("_config.yml", "languages: [\"en\", \"ja\"]\n"),
        (
            ".forestry/settings.yml",
            "---\nsections:\n- type: directory\n  path: _i18n/en/_posts\n  label: English\n  templates:\n  - en-post\n",
        ),
        (
            ".forestry/front_matter/templates/en-post.yml",
            "---\nlabel: English post\nfields:\n- name: title\n  type: text\n  label: Title\n  config:\n    required: true\n",
        ),
        ("_i18n/en/_posts/2020-01-02-x.md", post),
        ("_i18n/ja/_posts/2020-01-02-y.md", "---\ntitle: Y\n---\nY\n"),
    ])
}

#[test]
fn render_page_should_report_the_templates_checks_at_their_line_sorted_with_the_renderers() {
    let path = "_i18n/en/_posts/2020-01-02-x.md";
    let s = forestry_site("---\nlayout: nope\nja: _i18n/ja/_posts/2020-01-02-y.md\n---\nHi\n");
    let d = &s.render_page(path, None).post.diagnostics;
    let missing = d
        .iter()
        .find(|d| d.code == Code::RequiredField)
        .unwrap_or_else(|| panic!("a missing required field should be reported: {d:?}"));
    assert_eq!(
        (missing.line, missing.column),
        (4, 1),
        "a missing field should point at the closing `---`, where it would go"
    );
    assert!(
        d.iter()
            .any(|d| d.line == 3 && d.code == Code::OneWayTranslation),
        "a translation that does not name the post back should be reported: {d:?}"
    );
    let places: Vec<_> = d.iter().map(|d| (d.line, d.column)).collect();
    let mut sorted = places.clone();
    sorted.sort();
    assert_eq!(
        places, sorted,
        "the diagnostics should be by line and column"
    );
    assert!(
        d.iter()
            .any(|d| d.line == 2 && d.code == Code::MissingLayout),
        "the renderer's own diagnostics should stay: {d:?}"
    );
}

#[test]
fn render_page_should_check_the_source_given_and_leave_the_page_as_it_was() {
    let path = "_i18n/en/_posts/2020-01-02-x.md";
    let s = forestry_site("---\ntitle: X\n---\nHi\n");
    let saved = s.render_page(path, None);
    assert!(
        saved.post.diagnostics.is_empty(),
        "a post with its required fields should have no problem: {:?}",
        saved.post.diagnostics
    );
    let typed = s.render_page(path, Some("---\r\ntitle: ''\r\n---\r\nHi\r\n"));
    let empty = &typed.post.diagnostics;
    assert!(
        empty
            .iter()
            .any(|d| d.line == 2 && d.code == Code::RequiredField),
        "the text typed should be checked, at its own lines: {empty:?}"
    );
    assert_eq!(
        s.render_page_unchecked(path, Some("---\r\ntitle: ''\r\n---\r\nHi\r\n"))
            .page,
        typed.page,
        "the checks should not change the page"
    );
}

#[test]
fn a_site_without_forestry_should_not_be_checked() {
    let s = site(&[(
        "_i18n/en/_posts/2020-01-02-x.md",
        "---\nlang: ja\n---\nHi\n",
    )]);
    let page = s.render_page("_i18n/en/_posts/2020-01-02-x.md", None);
    assert!(
        page.post.diagnostics.is_empty(),
        "nothing says what this site's posts need: {:?}",
        page.post.diagnostics
    );
}

/// The layout diagnostics of the one post of a site whose only layout is `layout`.
fn layout_problems(layout: String) -> Vec<Code> {
    let s = site(&[
        ("_layouts/l.html", &layout),
        ("_posts/2021-01-01-a.md", "---\nlayout: l\n---\nHi\n"),
    ]);
    let page = s.render_page("_posts/2021-01-01-a.md", None);
    page.layout_diagnostics
        .iter()
        .map(|d| d.diagnostic.code)
        .collect()
}

#[test]
fn thousands_of_unclosed_blocks_should_still_be_reported_as_never_closed() {
    let problems = layout_problems("{% if true %}".repeat(5000));
    let deep = problems.iter().filter(|&&c| c == Code::TooDeep).count();
    assert_eq!(deep, 1, "the depth limit should be said once: {problems:?}");
    assert!(
        problems.contains(&Code::UnclosedBlock),
        "the blocks Jekyll stops at should not be crowded out: {problems:?}"
    );
}

#[test]
fn a_layout_that_makes_too_much_text_should_say_the_preview_stopped() {
    let loop_ = "{% for i in (1..100000000) %}{{ i }}{% endfor %}{{ content }}".to_owned();
    let problems = layout_problems(loop_);
    assert!(
        problems.contains(&Code::OutputBudget),
        "a page cut short should say so: {problems:?}"
    );
}

#[test]
fn render_page_should_say_which_images_the_folder_lacks_as_check_site_does() {
    let path = "_posts/2020-01-02-x.md";
    let text = "---\nimage: /uploads/here.png\n---\n![a](/uploads/gone.png)\n\n\
                <img src=\"/uploads/also-gone.jpg\">\n\n![b](https://example.com/uploads/x.png)\n";
    let assets = ["uploads/here.png".to_owned()];
    let s = site(&[(path, text)]).with_assets(assets.iter().cloned());
    let places = |d: &[crate::diagnostic::Diagnostic]| -> Vec<String> {
        d.iter()
            .filter(|d| d.code == Code::MissingImage)
            .map(|d| format!("{}:{}", d.line, d.column))
            .collect()
    };
    let page = places(&s.render_page(path, None).post.diagnostics);
    assert_eq!(
        page,
        ["4:6", "6:11"],
        "the two images the folder lacks should be problems at their place, the image it has and \
         the other site's image not"
    );
    let files = [SiteFile {
        path: path.into(),
        text: text.into(),
    }];
    let report = check_site(&files, &assets);
    assert_eq!(
        places(&report.files[0].diagnostics),
        page,
        "`postview check` should say the same as the page"
    );
}
