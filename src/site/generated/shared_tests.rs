//! The shared site's own `feed.xml`, `sitemap.xml` and `robots.txt`, of each language build,
//! against what the real plugins wrote (`tests/fixtures/generated/expected/shared/digests.tsv`:
//! each file's FNV-1a digest and size, filled by `oracle.py --shared`, which keeps no text of the
//! corpus). The inputs are made by hand from what [`Site`] knows of the corpus's site (its posts'
//! URLs, dates and front matter; their excerpts rendered by `Site::render_body`), the bodies
//! Jekyll made of them (`corpus/expected/<lang>/<name>.html`: the feed holds them byte for byte,
//! and `tests/corpus.rs` holds the renderer to them), and what the oracle pins (the build's time,
//! every file's mtime). `POSTVIEW_GENERATED_OUT=dir`
//! writes the files there, for `site_fidelity.py` against `GENERATED_KEEP`'s.

// The integration tests' rule for finding `../shared`; `check_site`'s tests load it too, each
// module for its own tests.
#[allow(clippy::duplicate_mod)]
#[path = "../../../tests/common/shared.rs"]
mod shared;

use super::{feed_xml, robots_txt, sitemap_xml, BuildInfo, Document, Page, StaticFile};
use crate::reader::{Kind, Reader};
use crate::site::Site;
use crate::value::{Map, Value};
use std::path::Path;

/// `oracle.py`'s `TIME` and `MTIME`.
const TIME: &str = "2026-01-01 00:00:00 +0000";
const MTIME: &str = "2024-03-01 12:34:56 +0000";

fn fnv1a64(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn files_of(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("a readable folder").flatten() {
        let p = entry.path();
        if p.is_dir() {
            files_of(&p, root, out);
        } else if let Ok(text) = std::fs::read_to_string(&p) {
            let rel = p.strip_prefix(root).expect("under the root");
            out.push((rel.to_string_lossy().replace('\\', "/"), text));
        }
    }
}

fn get(v: &Value, key: &str) -> Value {
    v.get(key).cloned().unwrap_or(Value::Null)
}

/// Jekyll's excerpt of a post: its body up to the first blank line, rendered as the post is.
fn excerpt(site: &Site, path: &str, text: &str) -> Value {
    let parts = crate::front_matter::split(text);
    let body_start = parts.body.start;
    let body = &text[body_start..];
    let head = body.split("\n\n").next().unwrap_or_default();
    let source = format!("{}{head}\n", &text[..body_start]);
    Value::String(site.render_body(path, &source).html)
}

/// The body Jekyll made of the post at `path` (`_i18n/<lang>/_posts/<name>.md`).
fn jekyll_body(corpus: &Path, path: &str) -> String {
    let mut parts = path.split('/');
    let lang = parts.nth(1).unwrap_or_default();
    let name = path.rsplit('/').next().unwrap_or_default();
    let name = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    std::fs::read_to_string(corpus.join(format!("expected/{lang}/{name}.html")))
        .unwrap_or_else(|_| panic!("the corpus should have the body of {path}"))
}

/// The posts of one language build, oldest first, as the feed and the sitemap read them.
fn documents(site: &Site, corpus: &Path, posts: &Value, texts: &Map) -> Vec<Document> {
    let Value::List(drops) = posts else {
        return Vec::new();
    };
    drops
        .iter()
        .rev()
        .map(|drop| {
            let path = get(drop, "path").as_str().unwrap_or_default().to_owned();
            let text = texts.get(&path).and_then(Value::as_str).unwrap_or_default();
            Document {
                url: get(drop, "url").as_str().unwrap_or_default().to_owned(),
                id: get(drop, "id").as_str().unwrap_or_default().to_owned(),
                date: get(drop, "date"),
                title: get(drop, "title"),
                content: jekyll_body(corpus, &path),
                excerpt: excerpt(site, &path, text),
                description: get(drop, "description"),
                author: get(drop, "author"),
                authors: get(drop, "authors"),
                category: get(drop, "category"),
                categories: get(drop, "categories"),
                tags: get(drop, "tags"),
                image: get(drop, "image"),
                lang: get(drop, "lang"),
                sitemap: get(drop, "sitemap"),
                feed: get(drop, "feed"),
                ..Document::default()
            }
        })
        .collect()
}

/// The site's pages (`index.html` and the like, then jekyll-paginate's `/pageN/`) and its
/// static files, by Jekyll's reader.
fn pages_and_files(
    files: &[(String, String)],
    config: &Map,
    posts: usize,
) -> (Vec<Page>, Vec<StaticFile>) {
    let reader = Reader::new(config);
    let mut pages = Vec::new();
    let mut statics = Vec::new();
    for (path, text) in files {
        match reader.kind(path, text.starts_with("---\n")) {
            Kind::Page => {
                let url = format!("/{}", path.strip_suffix("index.html").unwrap_or(path));
                let html = path.ends_with(".html");
                pages.push(Page {
                    url,
                    html,
                    ..Page::default()
                });
            }
            Kind::Static => statics.push(StaticFile {
                path: format!("/{path}"),
                modified_time: Value::from(MTIME),
                ..StaticFile::default()
            }),
            _ => {}
        }
    }
    let per_page = config.get("paginate").map_or(0, crate::ruby::to_i).max(1) as usize;
    for n in 2..=posts.div_ceil(per_page) {
        pages.push(Page {
            url: format!("/page{n}/"),
            html: true,
            ..Page::default()
        });
    }
    (pages, statics)
}

#[test]
fn the_shared_sites_feeds_and_sitemaps_should_be_what_the_plugins_wrote() {
    let Some(dir) = shared::shared("generated::shared_tests", "corpus/site/_config.yml") else {
        return;
    };
    let root = dir.join("corpus/site");
    let mut files = Vec::new();
    files_of(&root, &root, &mut files);
    files.sort();
    let site = Site::new(files.clone());
    let d = &site.derived;
    let mut texts = Map::new();
    for (p, t) in &files {
        texts.insert(p.clone(), Value::String(t.clone()));
    }
    let digests = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/generated/expected/shared/digests.tsv"),
    )
    .expect("digests.tsv");
    let out = std::env::var_os("POSTVIEW_GENERATED_OUT").map(std::path::PathBuf::from);
    let mut memo = Map::new();
    let mut compared = 0;
    let mut differ = Vec::new();
    for (i, lang) in d.languages.iter().enumerate() {
        let build = site.language_build(lang);
        let s = &build.site;
        let info = BuildInfo {
            url: get(s, "url"),
            baseurl: get(s, "baseurl"),
            title: get(s, "title"),
            name: get(s, "name"),
            description: get(s, "description"),
            author: get(s, "author"),
            lang: get(s, "lang"),
            time: Value::from(TIME),
            feed: get(s, "feed"),
            data_authors: get(&get(s, "data"), "authors"),
            show_drafts: false,
        };
        let docs = documents(&site, &dir.join("corpus"), &get(s, "posts"), &texts);
        let (pages, statics) = pages_and_files(&files, &d.config, docs.len());
        let folder = if i == 0 {
            String::new()
        } else {
            format!("{lang}/")
        };
        let made = [
            (
                "feed.xml",
                feed_xml(&info, &mut memo, "/feed.xml", false, &docs),
            ),
            (
                "sitemap.xml",
                sitemap_xml(&info, &mut memo, false, &docs, &pages, &statics),
            ),
            ("robots.txt", robots_txt(&info, &mut memo)),
        ];
        // jekyll-seo-tag made each post's image an address in its page of this build: later
        // builds get those from Jekyll's filter cache.
        let mut w = super::text::Writer::new(&info, &mut memo);
        for doc in &docs {
            w.absolute_url(&doc.image);
        }
        for (name, generated) in made {
            let path = format!("{folder}{name}");
            if let Some(out) = &out {
                let file = out.join(&path);
                std::fs::create_dir_all(file.parent().expect("a folder")).expect("writable");
                std::fs::write(&file, &generated.text).expect("writable");
            }
            let want = digests
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{path}\t")))
                .unwrap_or_else(|| panic!("digests.tsv should have {path}"));
            let have = format!(
                "{}\t{}",
                fnv1a64(generated.text.as_bytes()),
                generated.text.len()
            );
            compared += 1;
            if have != want {
                differ.push(path);
            }
        }
    }
    assert_eq!(
        compared,
        digests.lines().count(),
        "every file the plugins wrote should be compared"
    );
    assert!(
        differ.is_empty(),
        "these files should be byte for byte what the plugins wrote: {differ:?} (POSTVIEW_GENERATED_OUT=dir writes them)"
    );
}
