//! The whole shared site (`../shared/corpus/site`) built by `Site::build` against the `_site`
//! `jekyll build` writes for it: every file compared by `../shared/tools/site_fidelity.py`
//! (HTML as documents, XML element by element, the rest byte for byte), extras counted.
//!
//! The expected `_site` is the oracle's (`../shared/tools/build_site.sh`, with `SITE_TIME`
//! pinned), built once into `target/site-oracle/` and kept there while the site's files stay
//! the same. Without `../shared` it is skipped, saying so (with `CI=true` it fails): see
//! `common/shared.rs`; so is it without Jekyll or Python, which the oracle needs.

#[path = "common/shared.rs"]
mod shared;

use postview::{BuildOptions, BuiltContent, Site};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The build time both builds use, so that feeds compare file by file.
const TIME: &str = "2026-01-01 00:00:00 +0000";

/// Every file of the folder with its metadata (its size and time key the oracle's build; the time
/// is what jekyll-sitemap dates a static file by), by path.
fn all_files(root: &Path) -> Vec<(String, std::fs::Metadata)> {
    shared::files(root, root, |p| std::fs::metadata(p).ok())
}

/// The oracle's `_site` of `site`, built unless the one in `target/` was built from the same
/// files.
fn oracle(shared: &Path, site: &Path) -> Option<PathBuf> {
    // Size and modified time: jekyll-sitemap writes a static file's time into the sitemap.
    let files: Vec<(String, u64, Option<u64>)> = all_files(site)
        .into_iter()
        .map(|(path, meta)| {
            let modified = meta.modified().ok().and_then(|t| {
                t.duration_since(std::time::UNIX_EPOCH)
                    .ok()
                    .map(|d| d.as_secs())
            });
            (path, meta.len(), modified)
        })
        .collect();
    let key = format!("{TIME}\n{files:?}");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/site-oracle");
    let stamp = out.join("stamp.txt");
    if std::fs::read_to_string(&stamp).is_ok_and(|s| s == key) && out.join("_site").is_dir() {
        return Some(out.join("_site"));
    }
    let built = Command::new("bash")
        .arg(shared.join("tools/build_site.sh"))
        .arg(site)
        .arg(&out)
        .env("SITE_TIME", TIME)
        .status();
    if !built.is_ok_and(|s| s.success()) {
        eprintln!(
            "site_build: SKIPPED: the oracle (build_site.sh: Jekyll) could not build the site"
        );
        return None;
    }
    std::fs::write(&stamp, key).expect("target/ should be writable");
    Some(out.join("_site"))
}

/// Builds the site at `root` into `target/<name>/_site` and compares it with `expected` by
/// `site_fidelity.py`: its report, and whether every file is equal with no extra.
fn build_and_compare(shared: &Path, root: &Path, expected: &Path, name: &str) -> (String, bool) {
    let texts = shared::text_files(root, root);
    let listing = all_files(root);
    // The files that are not text (images, …) are the site's by name only, copied as they are.
    let text_paths: std::collections::HashSet<&str> =
        texts.iter().map(|(p, _)| p.as_str()).collect();
    let others: Vec<String> = listing
        .iter()
        .map(|(path, _)| path.clone())
        .filter(|path| !text_paths.contains(path.as_str()))
        .collect();
    let site = Site::new(texts).with_assets(others);
    // jekyll-sitemap dates a static file by its modification time, which the oracle read too.
    let modified = listing
        .iter()
        .filter_map(|(path, meta)| {
            let secs = meta
                .modified()
                .ok()?
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?
                .as_secs();
            Some((path.clone(), secs as i64))
        })
        .collect();
    let build = site.build(&BuildOptions {
        time: Some(TIME.to_owned()),
        modified,
    });
    // What the build said, for reading beside the comparison (tests print it on failure).
    for d in build.diagnostics.iter().take(20) {
        println!(
            "diagnostic: {}:{}:{} {:?} {}",
            d.path, d.diagnostic.line, d.diagnostic.column, d.diagnostic.code, d.diagnostic.message
        );
    }
    println!(
        "{} diagnostics, {} files said inexact, stops: {}",
        build.diagnostics.len(),
        build.inexact.len(),
        build.stops()
    );
    let actual = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join(name)
        .join("_site");
    let _ = std::fs::remove_dir_all(&actual);
    for file in &build.files {
        let to = actual.join(&file.path);
        std::fs::create_dir_all(to.parent().expect("a folder")).expect("writable");
        match &file.content {
            BuiltContent::Text(t) => std::fs::write(&to, t).expect("writable"),
            BuiltContent::Copy(from) => {
                std::fs::copy(root.join(from), &to).expect("the static file should be copied");
            }
        }
    }
    let report = Command::new("python3")
        .arg(shared.join("tools/site_fidelity.py"))
        .arg(expected)
        .arg(&actual)
        .args(["--list", "20"])
        .output()
        .expect("python3 should run site_fidelity.py");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&report.stdout),
        String::from_utf8_lossy(&report.stderr)
    );
    (text, report.status.success())
}

#[test]
fn every_file_of_the_shared_site_should_equal_the_one_jekyll_wrote() {
    let Some(shared) = shared::shared("site_build", "corpus/site/_config.yml") else {
        return;
    };
    let root = shared.join("corpus/site");
    let Some(expected) = oracle(&shared, &root) else {
        return;
    };
    let (report, equal) = build_and_compare(&shared, &root, &expected, "site-build");
    println!("{report}");
    let last = report
        .lines()
        .rfind(|l| l.starts_with("site: "))
        .unwrap_or("");
    assert!(
        equal,
        "every file of the built site should equal Jekyll's, with no extra: {last}"
    );
}

/// A small site of our own (`tests/fixtures/build_site/site`: pagination over three pages, a
/// second language with a page of its own and a folder kept out of it, Markdown pages with and
/// without a permalink, an XML page of Liquid, excluded and static files) against the `_site`
/// the real Jekyll wrote for it (`oracle.sh` beside it).
#[test]
fn every_file_of_the_fixture_site_should_equal_the_one_jekyll_wrote() {
    fixture_site_should_equal_jekyll_s("build_site");
}

/// A second site of our own (`tests/fixtures/build_site_more/site`) for what a later version of
/// a site like the shared one uses: front matter defaults on posts (type and path scopes,
/// layout and values), categories and tags (`site.categories`, `:categories` in the permalink,
/// a category named like the language, which the language plugin drops), jekyll-feed's
/// category and tag feeds, a post dated after `site.time` (`future` false), an unpublished
/// post, a post whose YAML Jekyll cannot read, `excerpt_separator`, `{% tf %}` with the default
/// language's file as fallback, `smartify` and `jsonify` in pages.
#[test]
fn every_file_of_the_second_fixture_site_should_equal_the_one_jekyll_wrote() {
    fixture_site_should_equal_jekyll_s("build_site_more");
}

/// The fixture site `tests/fixtures/<name>` built and compared with its stored `_site`.
fn fixture_site_should_equal_jekyll_s(name: &str) {
    let Some(shared) = shared::shared("site_build", "tools/site_fidelity.py") else {
        return;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let (report, equal) = build_and_compare(
        &shared,
        &dir.join("site"),
        &dir.join("_site"),
        &format!("site-build-{name}"),
    );
    println!("{report}");
    let last = report
        .lines()
        .rfind(|l| l.starts_with("site: "))
        .unwrap_or("");
    assert!(
        equal,
        "every file of the fixture site {name} should equal Jekyll's, with no extra: {last}"
    );
}

/// Any site folder against an oracle `_site` of it, both named by the environment
/// (`POSTVIEW_SITE` and `POSTVIEW_EXPECTED`): for trying variants of a site by hand, e.g.
/// `POSTVIEW_SITE=dir POSTVIEW_EXPECTED=out/_site cargo test --release --test site_build -- --ignored --nocapture`.
#[test]
#[ignore = "needs POSTVIEW_SITE and POSTVIEW_EXPECTED"]
fn a_site_named_by_the_environment_should_equal_its_oracle() {
    let (Some(site), Some(expected)) = (
        std::env::var_os("POSTVIEW_SITE"),
        std::env::var_os("POSTVIEW_EXPECTED"),
    ) else {
        panic!("POSTVIEW_SITE and POSTVIEW_EXPECTED should name a site and its oracle _site");
    };
    let Some(shared) = shared::shared("site_build", "tools/site_fidelity.py") else {
        return;
    };
    let (report, equal) = build_and_compare(
        &shared,
        Path::new(&site),
        Path::new(&expected),
        "site-build-named",
    );
    println!("{report}");
    assert!(
        equal,
        "every file of the named site should equal its oracle's"
    );
}
