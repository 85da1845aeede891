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
