//! `Site::render_page` on the shared site (`../shared/corpus/site`, with its `.forestry/`): each
//! post's diagnostics should be what `postview check` (`check_site`) says of it, images
//! aside (a `Site` holds text files only), so the page's site view and the CLI agree.

#[path = "common/shared.rs"]
mod shared;

use postview::{check_site, Site, SiteFile};

#[test]
fn every_posts_page_should_report_what_postview_check_reports_images_aside() {
    let Some(shared) = shared::shared("site_checks", "corpus/site/.forestry/settings.yml") else {
        return;
    };
    let root = shared.join("corpus/site");
    let files: Vec<SiteFile> = shared::text_files(&root, &root)
        .into_iter()
        .map(|(path, text)| SiteFile { path, text })
        .collect();
    let checked = check_site(&files, &[]);
    let site = Site::new(files.iter().map(|f| (f.path.clone(), f.text.clone())));
    let mut posts = 0;
    let mut reported = 0;
    for path in site.posts().iter().filter(|p| p.ends_with(".md")) {
        let page = site.render_page(path, None);
        let place = |d: &postview::Diagnostic| (d.line, d.column, d.code, d.message.clone());
        let got: Vec<_> = page.post.diagnostics.iter().map(place).collect();
        let want: Vec<_> = checked
            .files
            .iter()
            .find(|f| &f.path == path)
            .map(|f| {
                f.diagnostics
                    .iter()
                    .filter(|d| d.code != postview::Code::MissingImage)
                    .map(place)
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(
            got, want,
            "{path}: the page should say what `postview check` says"
        );
        posts += 1;
        reported += got.len();
    }
    assert!(
        posts > 250,
        "the shared site's posts should all be seen: {posts}"
    );
    assert!(
        reported > 0,
        "the shared site's known problems (`lang: zh-Hans` in English posts) should be reported"
    );
}

/// The links of `tests/fixtures/links_site/site`'s posts, each as `expected.tsv` says the site
/// Jekyll built has it (filled by its `oracle.py` from a real build): the dead ones, and only
/// they, should be reported, each at the line where its address is written.
#[test]
fn links_that_lead_nowhere_should_be_what_the_built_site_lacks() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/links_site");
    let root = std::path::Path::new(dir).join("site");
    let files: Vec<SiteFile> = shared::text_files(&root, &root)
        .into_iter()
        .map(|(path, text)| SiteFile { path, text })
        .collect();
    let expected = std::fs::read_to_string(format!("{dir}/expected.tsv"))
        .expect("tests/fixtures/links_site/expected.tsv should be there (run its oracle.py)");
    let mut want = Vec::new();
    let mut alive = 0;
    for line in expected.lines().filter(|l| !l.starts_with('#')) {
        let [post, href, what] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("expected.tsv lines should have three columns: {line}");
        };
        match what {
            "dead" => want.push((post.to_owned(), href.to_owned())),
            _ => alive += 1,
        }
    }
    let report = check_site(&files, &[]);
    let mut got = Vec::new();
    for file in &report.files {
        let text = &files
            .iter()
            .find(|f| f.path == file.path)
            .expect("a file of the site")
            .text;
        for d in file
            .diagnostics
            .iter()
            .filter(|d| d.code == postview::Code::DeadLink)
        {
            let href = d.message.split('`').nth(1).unwrap_or("").to_owned();
            let line = text.lines().nth(d.line as usize - 1).unwrap_or("");
            let written = line.chars().skip(d.column as usize - 1).collect::<String>();
            assert!(
                written.starts_with(&href) || written.starts_with("{{"),
                "{}:{}:{}: the warning should point at where `{href}` is written, not at `{written}`",
                file.path, d.line, d.column
            );
            got.push((file.path.clone(), href));
        }
    }
    want.sort();
    got.sort();
    assert_eq!(
        got, want,
        "exactly the links the built site lacks should be reported"
    );
    assert!(
        alive > 15,
        "the fixture's live links should be seen too: {alive}"
    );
}
