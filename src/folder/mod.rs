//! A site folder as the page opens it: which of its files are read as text up front (what
//! [`crate::Site`] needs, and the stylesheets), where the site's root is among the paths the
//! browser gives, which file of the folder a URL of the published page names ([`urls`]), the
//! `url(…)`s of a stylesheet ([`css`]), and the layout around the post's body ([`shell`]).
//!
//! Plain Rust, so that it is tested natively; the page's DOM side is `src/page/site_view.rs`.
//! The folder layout is Jekyll 4.3's (its reader skips `_` and `.` entries; `_layouts`,
//! `_includes`, `_data`, `_posts`, `_drafts`) with jekyll-multiple-languages-plugin's `_i18n`.

pub mod css;
pub mod shell;
pub mod urls;

/// Extensions read as text in the site's own folders (`_layouts`, `_includes`, `_data`, …).
const TEXT: &[&str] = &[
    "html", "htm", "liquid", "md", "markdown", "yml", "yaml", "json", "csv", "tsv", "txt", "xml",
    "css", "scss", "js",
];

/// Whether the page reads the file at `path` (from the site root) as text when the folder is
/// opened; every other file is only kept, to be shown when the page names it.
pub fn read_up_front(path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').collect();
    let name = segments.last().copied().unwrap_or("");
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let is = |list: &[&str]| list.contains(&ext.as_str());
    if crate::reader::Reader::default().is_post(path) {
        return true;
    }
    match segments[0] {
        // `CNAME`: the host the site is served at, whose links are the site's own.
        _ if segments.len() == 1 => {
            (name.starts_with("_config") && is(&["yml", "yaml"])) || name == "CNAME"
        }
        "_layouts" | "_includes" | "_data" | ".forestry" => is(TEXT),
        "_i18n" => segments.len() == 2 && is(&["yml", "yaml"]),
        _ => ext == "css" && urls::published(path),
    }
}

/// The site root among the paths of an opened folder (each starting with the folder's name, as
/// `webkitRelativePath` and a drop's entries do): the shortest prefix, ending in `/`, under which
/// `_config.yml` or `_layouts/` is. `None` when the folder is not a site (its `_i18n` alone: the
/// page then shows its posts in its own style).
pub fn site_root<'a, I: IntoIterator<Item = &'a str>>(paths: I) -> Option<String> {
    let mut best: Option<&str> = None;
    for path in paths {
        let prefix = if let Some(p) = path.strip_suffix("_config.yml") {
            p
        } else if let Some(at) = path.find("_layouts/") {
            &path[..at]
        } else {
            continue;
        };
        if !(prefix.is_empty() || prefix.ends_with('/')) {
            continue;
        }
        if best.is_none_or(|b| prefix.len() < b.len()) {
            best = Some(prefix);
        }
    }
    best.map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_files_a_site_needs_should_be_read_and_its_images_not() {
        for path in [
            "_config.yml",
            "CNAME",
            "_layouts/post.html",
            "_includes/date.html",
            "_data/settings.yml",
            "_i18n/ja.yml",
            "_i18n/ja/_posts/2020-09-07-x.md",
            "_i18n/en/_drafts/2021-06-19-x.md",
            "_posts/2020-01-01-x.markdown",
            ".forestry/front_matter/templates/post.yml",
            "assets/css/main.css",
        ] {
            assert!(read_up_front(path), "{path} should be read up front");
        }
        for path in [
            "uploads/photo.png",
            "assets/img/logo.svg",
            "_i18n/ja/_posts/diagram.png",
            "_site/assets/css/main.css",
            "README.md",
            "index.html",
            "_i18n/ja/about.md",
        ] {
            assert!(!read_up_front(path), "{path} should be kept, not read");
        }
    }

    #[test]
    fn the_root_should_be_where_the_config_or_the_layouts_are() {
        let paths = [
            "site/_config.yml",
            "site/_i18n/en.yml",
            "site/uploads/x.png",
        ];
        assert_eq!(site_root(paths), Some("site/".into()));
        let nested = [
            "outer/site/_layouts/post.html",
            "outer/site/_layouts/x/_config.yml",
        ];
        assert_eq!(site_root(nested), Some("outer/site/".into()));
        assert_eq!(site_root(["_config.yml"]), Some(String::new()));
        assert_eq!(
            site_root(["_i18n/en/_posts/2020-01-01-x.md", "_i18n/en.yml"]),
            None,
            "an _i18n folder alone is not a site"
        );
        assert_eq!(site_root(["site/old_config.yml"]), None);
    }
}
