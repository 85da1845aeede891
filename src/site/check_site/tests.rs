use super::*;
// The integration tests' rule for `../shared` (skipped without it, required with CI=true).
#[path = "../../../tests/common/shared.rs"]
mod shared;
use crate::diagnostic::Code;
use crate::forestry::check_post;
use crate::language::folder_language;

/// Every text file of a site folder, as the CLI reads it.
fn read_site(root: &std::path::Path) -> Vec<SiteFile> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(text) = std::fs::read_to_string(&p) {
                let path = p
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push(SiteFile { path, text });
            }
        }
    }
    out
}

#[test]
fn check_site_should_check_every_post_of_the_shared_site() {
    let Some(shared) = shared::shared("check_site", "corpus/site") else {
        return;
    };
    let root = shared.join("corpus/site");
    let files = read_site(&root);
    let posts = files
        .iter()
        .filter(|f| is_post(&Reader::default(), &f.path))
        .count();
    let report = check_site(&files, &[]);
    for f in &report.files {
        for d in &f.diagnostics {
            eprintln!("{}:{}", f.path, d.to_line());
        }
    }
    assert_eq!(report.posts, posts, "every post should be checked");
    assert!(
        posts > 250,
        "the shared site has some 260 posts, found {posts}"
    );
    let count = |code: Code| {
        report
            .files
            .iter()
            .filter(|f| f.diagnostics.iter().any(|d| d.code == code))
            .count()
    };
    let blank = files
        .iter()
        .filter(|f| is_post(&Reader::default(), &f.path) && f.text.trim().is_empty())
        .count();
    assert_eq!(
        count(Code::EmptyPost),
        blank,
        "every blank post should be an error"
    );
    let wrong_lang = files
        .iter()
        .filter(|f| is_post(&Reader::default(), &f.path))
        .filter(|f| {
            let folder = folder_language(&f.path).unwrap_or("");
            let text = f.text.replace("\r\n", "\n");
            let yaml = crate::front_matter::split(&text).yaml.unwrap_or(0..0);
            text[yaml].lines().any(|l| {
                l.strip_prefix("lang: ")
                    .is_some_and(|v| !folder.is_empty() && v.trim() != folder)
            })
        })
        .count();
    assert!(
        wrong_lang > 0,
        "the shared site has posts whose lang is not their folder's"
    );
    assert_eq!(
        count(Code::LangMismatch),
        wrong_lang,
        "every post whose lang is not its folder's should be reported"
    );
}

/// Each problem's `path:line:column` and severity, in the report's order.
fn places(report: &SiteCheck) -> Vec<(String, Code)> {
    report
        .files
        .iter()
        .flat_map(|f| {
            f.diagnostics
                .iter()
                .map(move |d| (format!("{}:{}:{}", f.path, d.line, d.column), d.code))
        })
        .collect()
}

fn file(path: &str, text: &str) -> SiteFile {
    SiteFile {
        path: path.into(),
        text: text.into(),
    }
}

const SETTINGS: &str =
    "---\nsections:\n- type: directory\n  path: _i18n/en/_posts\n  templates:\n  - en-post\n";
const TEMPLATE: &str =
    "---\nfields:\n- name: title\n  type: text\n  config:\n    required: true\n  label: Title\n";

#[test]
fn check_site_should_report_each_fault_at_its_line() {
    let files = [
        file(".forestry/settings.yml", SETTINGS),
        file(".forestry/front_matter/templates/en-post.yml", TEMPLATE),
        file("_config.yml", "languages: [\"en\", \"ja\"]\n"),
        file("_i18n/en.yml", "more: More\n"),
        file("_i18n/ja.yml", "more: もっと\n"),
        file(
            "_i18n/en/_posts/2021-01-01-a.md",
            "---\ntitle: A\nja: _i18n/ja/_posts/2021-01-01-a.md\n---\nText\n",
        ),
        file(
            "_i18n/ja/_posts/2021-01-01-a.md",
            "---\ntitle: A\nen: _i18n/en/_posts/2021-01-01-a.md\n---\nText\n",
        ),
        file("_i18n/en/_posts/2021-01-02-b.md", ""),
        file(
            "_i18n/en/_posts/2021-01-03-c.md",
            "---\nlayout: post\ntitle: [x\n---\n",
        ),
        file(
            "_i18n/en/_posts/2021-01-04-d.md",
            "---\nlang: en\n---\nNo title\n",
        ),
        file("_i18n/en/notes.md", "---\n---\n"),
    ];
    let report = check_site(&files, &[]);
    assert_eq!(report.posts, 5, "notes.md is not in a posts folder");
    let lines: Vec<String> = places(&report)
        .into_iter()
        .map(|(place, code)| format!("{place} {code}"))
        .collect();
    assert_eq!(
        lines,
        [
            "_i18n/en/_posts/2021-01-02-b.md:1:1 post/empty-file",
            "_i18n/en/_posts/2021-01-03-c.md:3:8 yaml/unclosed-flow",
            "_i18n/en/_posts/2021-01-04-d.md:3:1 template/required-field",
        ],
        "the empty post, the YAML error and the missing title should each be at their place: \
         {report:#?}"
    );
    assert_eq!(
        report.errors, 3,
        "a front matter that is not YAML should not also be reported as missing its fields"
    );
    assert_eq!(report.warnings, 0);
}

#[test]
fn an_empty_post_should_get_one_message_with_or_without_templates() {
    let posts = [
        file("_posts/2021-01-01-empty.md", ""),
        file("_posts/2021-01-02-dashes.md", "---\n---\n"),
    ];
    let forestry = [
        file(
            ".forestry/settings.yml",
            "---\nsections:\n- path: _posts\n  templates: [p]\n",
        ),
        file(
            ".forestry/front_matter/templates/p.yml",
            "---\nfields: []\n",
        ),
    ];
    for with_templates in [false, true] {
        let mut files = posts.to_vec();
        if with_templates {
            files.extend(forestry.iter().cloned());
        }
        let report = check_site(&files, &[]);
        assert_eq!(
            places(&report),
            [("_posts/2021-01-01-empty.md:1:1".to_owned(), Code::EmptyPost)],
            "the empty post should get exactly one message (templates: {with_templates}) and a \
             post of only `---` lines none, as Jekyll lays both out: {report:#?}"
        );
    }
}

#[test]
fn an_impossible_date_should_be_an_error_at_its_value_not_a_format_warning() {
    let template = "---\nfields:\n- name: date\n  type: datetime\n  label: Date\n  config:\n    \
                    date_format: YYYY-MM-DD\n";
    let forestry = [
        file(
            ".forestry/settings.yml",
            "---\nsections:\n- path: _posts\n  templates: [p]\n",
        ),
        file(".forestry/front_matter/templates/p.yml", template),
    ];
    let post = file(
        "_posts/2021-01-01-a.md",
        "---\ntitle: A\ndate: 2021-13-45\n---\nText\n",
    );
    for with_templates in [false, true] {
        let mut files = vec![post.clone()];
        if with_templates {
            files.extend(forestry.iter().cloned());
        }
        let report = check_site(&files, &[]);
        assert_eq!(
            places(&report),
            [("_posts/2021-01-01-a.md:3:7".to_owned(), Code::InvalidDate)],
            "`date: 2021-13-45` should be one error at its value (templates: {with_templates}): \
             {report:#?}"
        );
        assert_eq!(report.errors, 1, "an impossible date should be an error");
    }
}

#[test]
fn check_site_should_report_a_broken_settings_file() {
    let files = [file(".forestry/settings.yml", "---\nsections: [\n")];
    let report = check_site(&files, &[]);
    assert_eq!(report.files.len(), 1);
    assert_eq!(report.files[0].path, ".forestry/settings.yml");
    assert_eq!(report.posts, 0);
}

#[test]
fn check_site_should_report_what_stops_the_build_in_the_file_at_fault_once() {
    let post = |name: &str, layout: &str| {
        file(
            &format!("_posts/2021-01-0{name}.md"),
            &format!("---\nlayout: {layout}\ntitle: T\n---\nText\n"),
        )
    };
    let files = [
        file("_config.yml", "title: x\n"),
        file("_data/menu.yml", "items: [a, b\n"),
        file(
            "_layouts/post.html",
            "<main>{% include nav.html %}{{ content }}</main>",
        ),
        file("_layouts/broken.html", "{% if page.title %}{{ content }}"),
        post("1-a", "post"),
        post("2-b", "post"),
        post("3-c", "broken"),
        post("4-d", "nosuch"),
    ];
    let report = check_site(&files, &[]);
    let lines: Vec<String> = places(&report)
        .into_iter()
        .map(|(place, code)| format!("{place} {code}"))
        .collect();
    assert_eq!(
        lines,
        [
            "_data/menu.yml:1:8 yaml/unclosed-flow",
            "_layouts/broken.html:1:1 liquid/unclosed-block",
            "_layouts/post.html:1:7 liquid/missing-include",
            "_posts/2021-01-04-d.md:2:1 site/missing-layout",
        ],
        "an unreadable data file, a layout's unclosed `if`, the missing include (once, though two \
         posts use the layout) and the missing layout (at the post's `layout:` line) should each \
         be reported where they are: {report:#?}"
    );
    assert_eq!(report.posts, 4);
    let data = &report.files[0].diagnostics[0].message;
    assert!(
        data.starts_with("this file is not valid YAML") && data.contains("Jekyll stops the build"),
        "a data file's YAML error should speak of the file, not of a front matter: {data}"
    );
}

#[test]
fn check_site_should_not_ask_for_layouts_a_theme_brings() {
    let files = [
        file("_config.yml", "theme: minima\n"),
        file(
            "_posts/2021-01-01-a.md",
            "---\nlayout: post\ntitle: A\n---\nText\n",
        ),
    ];
    let report = check_site(&files, &[]);
    assert_eq!(
        report.files,
        [],
        "a site without `_layouts/` has its layouts in its theme"
    );
}

#[test]
fn check_site_should_read_the_text_of_what_a_build_reads() {
    for path in [
        "_config.yml",
        "_layouts/post.html",
        "_includes/nav.html",
        "_data/menu.yml",
        "_i18n/ja.yml",
        ".forestry/settings.yml",
        "_i18n/ja/_posts/2021-01-01-a.md",
        "_drafts/x.markdown",
    ] {
        assert!(reads_text(path), "{path} should be read as text");
    }
    for path in [
        "uploads/a.png",
        "assets/css/main.css",
        "index.html",
        "_site/x.html",
    ] {
        assert!(!reads_text(path), "{path} should go by name only");
    }
}

#[test]
fn check_post_should_check_one_post_against_its_template_and_folder() {
    let (forestry, _) = Forestry::read([
        (".forestry/settings.yml", SETTINGS),
        (".forestry/front_matter/templates/en-post.yml", TEMPLATE),
    ]);
    let path = "_i18n/en/_posts/2021-01-01-a.md";
    let found = check_post(&forestry, path, "---\nlang: ja\n---\nText\n");
    let places: Vec<_> = found.iter().map(|d| (d.line, d.column, d.code)).collect();
    assert_eq!(
        places,
        [(2, 7, Code::LangMismatch), (3, 1, Code::RequiredField)],
        "the wrong `lang` and the missing title should be at their places: {found:?}"
    );
    assert!(check_post(&forestry, path, "---\ntitle: A\n---\n").is_empty());
    assert!(
        check_post(&forestry, path, "---\ntitle: [A\n---\n").is_empty(),
        "a YAML error is the renderer's to report"
    );
}

#[test]
fn site_checker_should_give_each_post_the_same_problems_in_any_order() {
    let files = [
        file(".forestry/settings.yml", SETTINGS),
        file(".forestry/front_matter/templates/en-post.yml", TEMPLATE),
        file("_config.yml", "languages: [\"en\", \"ja\"]\n"),
        file(
            "_layouts/post.html",
            "{% include nowhere.html %}{{ content }}",
        ),
        file(
            "_i18n/en/_posts/2021-01-01-a.md",
            "---\nlayout: post\ntitle: A\nja: _i18n/ja/_posts/2021-01-01-a.md\n---\nText\n",
        ),
        file(
            "_i18n/ja/_posts/2021-01-01-a.md",
            "---\nlayout: post\ntitle: A\n---\nText\n",
        ),
        file("_i18n/en/_posts/2021-01-04-d.md", "---\nlang: ja\n---\n"),
    ];
    let checker = SiteChecker::new(&files, &[]);
    let posts: Vec<&str> = checker.posts().collect();
    assert_eq!(posts.len(), 3, "every post should be listed once");
    let forward: Vec<_> = (0..posts.len())
        .map(|n| checker.check_post(n).unwrap())
        .collect();
    let fresh = SiteChecker::new(&files, &[]);
    for n in (0..posts.len()).rev() {
        let again = fresh.check_post(n).unwrap();
        assert_eq!(
            again.diagnostics, forward[n].diagnostics,
            "{}: a post's problems should not depend on the posts checked before it",
            posts[n]
        );
        assert_eq!(again.site_files, forward[n].site_files);
    }
    assert!(
        checker.check_post(posts.len()).is_none(),
        "past the last post there should be nothing to check"
    );
    let en = &forward[0].diagnostics;
    assert!(
        en.iter().any(|d| d.code == Code::OneWayTranslation),
        "the translation that does not name the post back should be found from the other post's front matter: {en:?}"
    );
    assert!(
        forward[0]
            .site_files
            .iter()
            .any(|d| d.path == "_layouts/post.html"),
        "the layout's missing include should be in the layout"
    );

    let report = check_site(&files, &[]);
    let per_post: usize = forward.iter().map(|c| c.diagnostics.len()).sum();
    let in_posts: usize = report
        .files
        .iter()
        .filter(|f| is_post(&Reader::default(), &f.path))
        .map(|f| f.diagnostics.len())
        .sum();
    assert_eq!(
        in_posts, per_post,
        "check_site should report what check_post finds, post by post"
    );
}
