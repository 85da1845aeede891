//! The whole published pages of the shared site (`../shared/corpus/site`): every post page
//! `Site::render_page` makes should equal the one `jekyll build` wrote
//! (`../shared/corpus/pages/_site`), by `page_fidelity.py`'s rule: the `<body>` equal by
//! htmlnorm's rule and the first `<title>` with the same text (a page without `<body>` is
//! compared whole).
//!
//! Without `../shared` it is skipped, saying so (with `CI=true` it fails): see `common/shared.rs`.
//! Set `POSTVIEW_PAGES_OUT=dir` to also write the pages there (for `page_fidelity.py`).

#[path = "support/htmlnorm.rs"]
mod htmlnorm;
#[path = "common/shared.rs"]
mod shared;

use postview::Site;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The `<body>` (else the whole page) and the first `<title>`'s text, white space collapsed.
fn parts(html: &str) -> (&str, Option<String>) {
    let lower = html.to_ascii_lowercase();
    let body = lower
        .find("<body")
        .and_then(|s| Some((s, lower[s..].find('>')? + s + 1)))
        .and_then(|(_, open_end)| Some((open_end, lower.rfind("</body>")?)))
        .filter(|(a, b)| a <= b)
        .map_or(html, |(a, b)| &html[a..b]);
    let title = lower.find("<title").and_then(|s| {
        let open_end = lower[s..].find('>')? + s + 1;
        let close = lower[open_end..].find("</title>")? + open_end;
        Some(
            html[open_end..close]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        )
    });
    (body, title)
}

#[test]
fn every_post_page_should_equal_the_page_jekyll_built() {
    let Some(shared) = shared::shared("pages", "corpus/pages/map.tsv") else {
        return;
    };
    let root = shared.join("corpus/site");
    let files = shared::text_files(&root, &root);
    let site = Site::new(files);
    assert!(
        site.diagnostics().is_empty(),
        "the shared site should read without problems: {:?}",
        site.diagnostics()
    );
    let out_dir = std::env::var_os("POSTVIEW_PAGES_OUT").map(PathBuf::from);
    let map = std::fs::read_to_string(shared.join("corpus/pages/map.tsv")).expect("map.tsv");
    let mut per: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut diffs = Vec::new();
    for line in map.lines() {
        let Some((src, out)) = line.split_once('\t') else {
            continue;
        };
        if out == "-" {
            continue;
        }
        let lang = src.split('/').nth(1).unwrap_or("").to_owned();
        let expected = std::fs::read_to_string(shared.join("corpus/pages/_site").join(out))
            .expect("the expected page should be there");
        let page = site.render_page(src, None);
        if let Some(dir) = &out_dir {
            let p = dir.join(out);
            std::fs::create_dir_all(p.parent().expect("a folder")).expect("writable");
            std::fs::write(&p, &page.page).expect("writable");
        }
        let expected_url = format!(
            "/{}",
            out.trim_end_matches(".html").trim_end_matches("index")
        );
        let entry = per.entry(lang).or_default();
        entry.1 += 1;
        let ((eb, et), (ab, at)) = (parts(&expected), parts(&page.page));
        let why = if et != at {
            Some(format!("title {et:?} != {at:?}"))
        } else if page.url.replace("%", "") != expected_url.replace("%", "")
            && !url_matches(&page.url, &expected_url)
        {
            Some(format!("url {} should be {}", page.url, expected_url))
        } else {
            htmlnorm::difference(eb, ab)
        };
        match why {
            None => entry.0 += 1,
            Some(w) => diffs.push(format!("{src}: {w}")),
        }
    }
    for (lang, (eq, n)) in &per {
        println!("{lang:8} {eq}/{n}");
    }
    for d in diffs.iter().take(10) {
        println!("DIFF {d}");
    }
    let (eq, n) = per.values().fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
    println!("pages: {eq}/{n} equal");
    assert_eq!(
        n, 259,
        "map.tsv should list the site's 259 built post pages"
    );
    assert_eq!(
        eq,
        n,
        "every post page should equal Jekyll's: {} differ",
        diffs.len()
    );
}

/// The page's URL, percent-decoded, names the file Jekyll wrote.
fn url_matches(url: &str, expected: &str) -> bool {
    let bytes = url.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(url.get(i + 1..i + 3).unwrap_or(""), 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out) == expected
}
