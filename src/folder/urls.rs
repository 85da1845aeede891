//! Which file of the site folder a URL of the published page names, as the built site would
//! serve it: the site lives under `baseurl` (`site.baseurl_root`); each language but the default
//! is built again under `/<lang>/`, with the folder's files copied there except those named in
//! `exclude_from_localizations` (jekyll-multiple-languages-plugin); Jekyll publishes no file or
//! folder whose name starts with `_` or `.`. Remote URLs (`https:`, `//host`), `data:` and
//! fragments name no file.

use crate::liquid::layout::to_text;
use crate::value::Value;

/// What the URLs of a built site depend on, from its `_config.yml`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Published {
    /// `baseurl` without its trailing `/` ("" or "/news").
    pub baseurl: String,
    /// The languages built under `/<lang>/`: all of `languages:` but the first.
    pub localized: Vec<String>,
    /// `exclude_from_localizations`: top-level entries not copied under `/<lang>/`.
    pub not_localized: Vec<String>,
}

impl Published {
    /// From the text of `_config.yml` (empty or broken: the defaults).
    pub fn from_config(text: &str) -> Published {
        let (config, _) = crate::front_matter::parse(text);
        let list = |key| match config.get(key) {
            Some(Value::List(items)) => items.iter().map(to_text).collect(),
            _ => Vec::new(),
        };
        let baseurl = config.get("baseurl").map(to_text).unwrap_or_default();
        Published {
            baseurl: baseurl.trim_end_matches('/').to_owned(),
            localized: list("languages").into_iter().skip(1).collect(),
            not_localized: list("exclude_from_localizations"),
        }
    }

    /// The URL path a file of the folder is published at (`assets/css/main.css` →
    /// `/news/assets/css/main.css`).
    pub fn url_of(&self, path: &str) -> String {
        format!("{}/{path}", self.baseurl)
    }

    /// The path (from the site root) of the folder's file that `url`, written in the document
    /// published at URL path `from`, names; `exists` says whether the folder has a file.
    pub fn file_for(&self, url: &str, from: &str, exists: impl Fn(&str) -> bool) -> Option<String> {
        let url = url.trim();
        if !names_site(url) {
            return None;
        }
        let url = &url[..url.find(['?', '#']).unwrap_or(url.len())];
        let joined = if url.starts_with('/') {
            url.to_owned()
        } else {
            format!("{}{url}", &from[..from.rfind('/').map_or(0, |i| i + 1)])
        };
        let path = crate::ruby::addressable::unencode(&normalize(&joined));
        let path = if self.baseurl.is_empty() {
            path.as_str()
        } else {
            path.strip_prefix(&self.baseurl)
                .filter(|rest| rest.starts_with('/'))?
        };
        let path = path.trim_start_matches('/');
        if !published(path) {
            return None;
        }
        if exists(path) {
            return Some(path.to_owned());
        }
        // `/ja/uploads/x.png` is the copy of `uploads/x.png` in the Japanese build.
        let (lang, rest) = path.split_once('/')?;
        let top = rest.split('/').next().unwrap_or("");
        (self.localized.iter().any(|l| l == lang)
            && !self.not_localized.iter().any(|x| x == top)
            && exists(rest))
        .then(|| rest.to_owned())
    }
}

/// Whether Jekyll publishes a file at `path`: no part of it starts with `_` or `.`.
pub fn published(path: &str) -> bool {
    !path.is_empty()
        && path
            .split('/')
            .all(|s| !s.is_empty() && !s.starts_with(['_', '.']))
}

/// Whether `url` names something of the site itself (a path, absolute or relative), not
/// another site, a scheme (`data:`, `mailto:`) or a place in the same page.
pub fn names_site(url: &str) -> bool {
    let url = url.trim();
    !(url.is_empty() || url.starts_with('#') || url.starts_with("//") || has_scheme(url))
}

/// `https:`, `data:`, `mailto:`, … (RFC 3986's scheme, then `:`).
fn has_scheme(url: &str) -> bool {
    let Some(colon) = url.find(':') else {
        return false;
    };
    let scheme = &url[..colon];
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `/a/./b/../c` → `/a/c`.
fn normalize(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
    }
    format!("/{}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILES: &[&str] = &[
        "uploads/x.png",
        "assets/css/main.css",
        "图/a b.png",
        "ja/only.png",
    ];
    fn exists(path: &str) -> bool {
        FILES.contains(&path)
    }
    fn site(baseurl: &str) -> Published {
        Published::from_config(&format!(
            "baseurl: \"{baseurl}\"\nlanguages: [\"en\", \"ja\"]\nexclude_from_localizations: [\"assets\"]\n"
        ))
    }

    #[test]
    fn root_relative_urls_should_name_the_folder_files() {
        let s = site("");
        let page = "/2020/09/07/post";
        assert_eq!(
            s.file_for("/uploads/x.png", page, exists).as_deref(),
            Some("uploads/x.png")
        );
        assert_eq!(
            s.file_for(" /uploads/x.png?v=2#top ", page, exists)
                .as_deref(),
            Some("uploads/x.png")
        );
        assert_eq!(
            s.file_for("/%E5%9B%BE/a%20b.png", page, exists).as_deref(),
            Some("图/a b.png")
        );
        assert_eq!(
            s.file_for("../../../uploads/x.png", page, exists)
                .as_deref(),
            Some("uploads/x.png")
        );
        assert_eq!(s.file_for("/uploads/missing.png", page, exists), None);
    }

    #[test]
    fn remote_urls_and_fragments_should_name_no_file() {
        let s = site("");
        for url in [
            "https://x.org/uploads/x.png",
            "//x.org/uploads/x.png",
            "data:image/png;base64,AA",
            "#x",
            "",
        ] {
            assert_eq!(s.file_for(url, "/a", exists), None, "{url}");
        }
    }

    #[test]
    fn urls_should_be_read_under_the_baseurl() {
        let s = site("/news/");
        assert_eq!(s.baseurl, "/news");
        assert_eq!(
            s.file_for("/news/uploads/x.png", "/news/a", exists)
                .as_deref(),
            Some("uploads/x.png")
        );
        assert_eq!(
            s.file_for("/uploads/x.png", "/news/a", exists),
            None,
            "outside the baseurl"
        );
        assert_eq!(s.file_for("/newsuploads/x.png", "/news/a", exists), None);
        assert_eq!(s.url_of("assets/css/main.css"), "/news/assets/css/main.css");
    }

    #[test]
    fn a_language_build_should_have_its_copy_of_the_files_not_excluded() {
        let s = site("");
        assert_eq!(
            s.file_for("/ja/uploads/x.png", "/ja/a", exists).as_deref(),
            Some("uploads/x.png")
        );
        assert_eq!(
            s.file_for("/ja/assets/css/main.css", "/ja/a", exists),
            None,
            "assets is excluded"
        );
        assert_eq!(
            s.file_for("/ja/only.png", "/ja/a", exists).as_deref(),
            Some("ja/only.png")
        );
        assert_eq!(
            s.file_for("/en/uploads/x.png", "/a", exists),
            None,
            "the default language is at the root"
        );
    }

    #[test]
    fn files_jekyll_does_not_publish_should_not_be_named() {
        assert!(published("uploads/x.png"));
        for path in [
            "_config.yml",
            "_i18n/ja.yml",
            ".git/config",
            "a/_b/c.png",
            "",
        ] {
            assert!(!published(path), "{path}");
        }
    }
}
