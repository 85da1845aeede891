//! Where the posts of a [`Site`] are written under `_site/` (Jekyll's `Document#destination`:
//! the URL unescaped, `index.html` after a final `/`, the output extension when the URL has
//! none; each language build but the first under `<lang>/`, as jekyll-multiple-languages-plugin
//! writes it), for `jekyll doctor`'s checks in `postview check`, which knows the posts without
//! building the site.

use super::doctor::{doctor, Written};
use crate::site::{Site, SiteDiagnostic};

/// doctor's findings among the published posts of `site`, each in its post.
pub fn post_findings(site: &Site) -> Vec<SiteDiagnostic> {
    let d = &site.derived;
    let first = d.languages.first().map_or("", String::as_str);
    let written: Vec<Written> = d
        .posts
        .iter()
        .filter(|p| p.published)
        .map(|p| {
            let folder = if p.lang == first {
                String::new()
            } else {
                format!("{}/", p.lang)
            };
            Written {
                destination: folder + &destination(&p.url),
                source: p.path.clone(),
                page: true,
            }
        })
        .collect();
    doctor(&written)
}

/// The file a URL of a Markdown post is written to, from `_site/` (of its language build).
fn destination(url: &str) -> String {
    let mut path = crate::ruby::addressable::unencode(url.trim_start_matches('/'));
    if path.is_empty() || path.ends_with('/') {
        path.push_str("index");
    }
    if !path.ends_with(".html") {
        path.push_str(".html");
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_url_should_be_written_where_jekyll_writes_it() {
        assert_eq!(
            destination("/2021/05/07/%E3%83%96%E3%83%AD%E3%82%B0"),
            "2021/05/07/\u{30d6}\u{30ed}\u{30b0}.html",
            "a URL without extension should get .html, unescaped"
        );
        assert_eq!(
            destination("/news/"),
            "news/index.html",
            "a URL ending in / should be its folder's index.html"
        );
        assert_eq!(
            destination("/a/b.html"),
            "a/b.html",
            "a URL with .html should stay as it is"
        );
    }

    #[test]
    fn posts_whose_names_differ_only_by_normalisation_should_each_be_told_once() {
        let nfc = "_i18n/ja/_posts/2021-05-07-\u{30d6}\u{30ed}\u{30b0}.md";
        let nfd = "_i18n/ja/_posts/2021-05-07-\u{30d5}\u{3099}\u{30ed}\u{30af}\u{3099}.md";
        let site = Site::new(
            [
                ("_config.yml", "languages: [en, ja]\n"),
                ("_i18n/en.yml", "a: b\n"),
                ("_i18n/ja.yml", "a: b\n"),
                (nfc, "---\ntitle: A\n---\nA\n"),
                (nfd, "---\ntitle: A\n---\nA\n"),
                (
                    "_i18n/ja/_posts/2021-05-08-other.md",
                    "---\ntitle: B\n---\nB\n",
                ),
            ]
            .map(|(p, t)| (p.to_owned(), t.to_owned())),
        );
        let found = post_findings(&site);
        let mut paths: Vec<&str> = found.iter().map(|f| f.path.as_str()).collect();
        paths.sort_unstable();
        assert_eq!(
            paths,
            [nfd, nfc],
            "each of the two posts should be told, once, under its own name"
        );
        assert!(
            found[0].diagnostic.message.contains("_site/ja/2021/05/07/"),
            "the message should name the written files: {}",
            found[0].diagnostic.message
        );
    }
}
