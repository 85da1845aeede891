//! `Site::render_page` on the shared site (`../shared/corpus/site`, with its `.forestry/`): each
//! post's diagnostics should be what `postview check` (`forestry::check_site`) says of it, images
//! aside (a `Site` holds text files only), so the page's site view and the CLI agree.

use postview::forestry::{check_site, SiteFile};
use postview::Site;
use std::path::{Path, PathBuf};

fn site_dir() -> PathBuf {
    let dir = std::env::var_os("POSTVIEW_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
        .join("corpus/site");
    assert!(
        dir.join(".forestry/settings.yml").is_file(),
        "site_checks: ../shared/corpus/site is not at {} — this test cannot run without it (set \
         POSTVIEW_SHARED to the shared folder)",
        dir.display()
    );
    dir
}

/// Every text file under `dir`, by its path from `root`.
fn text_files(root: &Path, dir: &Path, out: &mut Vec<SiteFile>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("site folder should be readable")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            text_files(root, &p, out);
        } else if let Ok(text) = std::fs::read_to_string(&p) {
            let rel = p.strip_prefix(root).expect("under the root");
            out.push(SiteFile {
                path: rel.to_string_lossy().replace('\\', "/"),
                text,
            });
        }
    }
}

#[test]
fn every_posts_page_should_report_what_postview_check_reports_images_aside() {
    let root = site_dir();
    let mut files = Vec::new();
    text_files(&root, &root, &mut files);
    let checked = check_site(&files, &[]);
    let site = Site::new(files.iter().map(|f| (f.path.clone(), f.text.clone())));
    let mut posts = 0;
    let mut reported = 0;
    for path in site.posts().iter().filter(|p| p.ends_with(".md")) {
        let page = site.render_page(path, None);
        let place = |d: &postview::Diagnostic| (d.line, d.column, d.message.clone());
        let got: Vec<_> = page.post.diagnostics.iter().map(place).collect();
        let want: Vec<_> = checked
            .files
            .iter()
            .find(|f| &f.path == path)
            .map(|f| {
                f.diagnostics
                    .iter()
                    .filter(|d| !d.message.starts_with("image `"))
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
