//! The files of the build a site's pages list shows (`Site::site_pages`): each language's pages
//! at the places `files` and `pages` write them, jekyll-paginate's copies among them, and the
//! plugins' files; and the folder's files that may be pages, read after the folder opened
//! (`Site::page_files`, `Site::add_pages`).

use super::super::super::{Build, Site};
use super::super::{files, generated, pages, BuildOptions};
use serde::Serialize;

/// What kind of file a page of the build is, for listing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageKind {
    /// A language's home page (`index.html` at the root of its build).
    Home,
    /// Another HTML page (404, a Markdown page, a pagination page).
    Html,
    /// Anything else (feeds, the sitemap, `robots.txt`): shown as text.
    Text,
}

/// A file of the build that is not a post's page or a copied file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SitePage {
    /// Its path under `_site/`, e.g. `ja/index.html`.
    pub path: String,
    /// Its address from the site's host (`baseurl` and the language folder included).
    pub url: String,
    /// The language build that writes it.
    pub lang: String,
    /// The file it is made from, or the plugin's file name for a generated one.
    pub source: String,
    /// How it is listed and shown.
    pub kind: PageKind,
}

/// The extensions of the files a site writes as pages besides Markdown: what `page_files` reads.
const PAGE_TYPES: &[&str] = &["html", "htm", "xhtml", "xml", "txt", "json", "rss", "atom"];

impl Site {
    /// Every file the build writes that is neither a post's page nor a copied file: each
    /// language's home page first (in the order of `languages:`), then the other HTML pages,
    /// then the rest, each group in path order.
    ///
    /// ```
    /// use postview::{BuildOptions, Site};
    /// let site = Site::new([
    ///     ("_config.yml", "languages: [en, ja]\n"),
    ///     ("_i18n/en.yml", ""),
    ///     ("_i18n/ja.yml", ""),
    ///     ("index.html", "---\n---\nhome\n"),
    ///     ("404.md", "---\n---\nlost\n"),
    /// ].map(|(p, t)| (p.to_owned(), t.to_owned())));
    /// let paths: Vec<String> = site.site_pages(&BuildOptions::default()).into_iter().map(|p| p.path).collect();
    /// assert_eq!(&paths[..4], ["index.html", "ja/index.html", "404.html", "ja/404.html"]);
    /// ```
    pub fn site_pages(&self, options: &BuildOptions) -> Vec<SitePage> {
        let time = self.build_time(options);
        let mut out = Vec::new();
        for (i, lang) in self.derived.languages.iter().enumerate() {
            let build = self.edited_build(lang, &time, None);
            out.extend(
                self.pages_of(lang, i == 0, &build)
                    .into_iter()
                    .map(|(p, _)| p),
            );
        }
        crate::sort::by(&mut out, |a, b| (a.kind, &a.path).cmp(&(b.kind, &b.path)));
        let order = |p: &SitePage| {
            let i = self.derived.languages.iter().position(|l| *l == p.lang);
            (
                p.kind != PageKind::Home,
                i.filter(|_| p.kind == PageKind::Home),
            )
        };
        crate::sort::by(&mut out, |a, b| order(a).cmp(&order(b)));
        out
    }

    /// Which of `paths` (the folder's files not read yet, from the site root) the build would
    /// write as pages if they open with front matter, and so are worth reading for
    /// `site_pages`: outside the folders Jekyll skips, of a text type a page is written in.
    pub fn page_files<'p>(&self, paths: impl IntoIterator<Item = &'p str>) -> Vec<String> {
        let reader = &self.derived.reader;
        paths
            .into_iter()
            .map(crate::site::normalize_path)
            .filter(|p| reader.kind(p, true) == crate::reader::Kind::Page)
            .filter(|p| {
                let ext = p
                    .rsplit_once('.')
                    .map_or("", |(_, e)| e)
                    .to_ascii_lowercase();
                reader.is_markdown(p) || PAGE_TYPES.contains(&ext.as_str())
            })
            .collect()
    }

    /// Adds the files of `texts` that open with front matter (pages read after the folder was
    /// opened; see `page_files`); the others stay the static files they were.
    pub fn add_pages(&mut self, texts: impl IntoIterator<Item = (String, String)>) {
        let mut added = false;
        for (path, text) in texts {
            if crate::reader::has_front_matter(&text) {
                self.files.insert(crate::site::normalize_path(&path), text);
                added = true;
            }
        }
        if added {
            self.derived = crate::site::derive(&self.files);
        }
    }

    /// The pages the build of `lang` (`default`: the first language's) writes, as `build`
    /// paginates them, and the plugins' files, each with what makes it.
    pub(super) fn pages_of(
        &self,
        lang: &str,
        default: bool,
        build: &Build,
    ) -> Vec<(SitePage, Source)> {
        let prefix = if default {
            String::new()
        } else {
            format!("{lang}/")
        };
        let baseurl = super::super::text(build.site.get("baseurl"));
        let page = |path: String, url: &str, source: &str| {
            let kind = if path == format!("{prefix}index.html") {
                PageKind::Home
            } else if super::super::html(&path) {
                PageKind::Html
            } else {
                PageKind::Text
            };
            SitePage {
                url: format!("{baseurl}{url}"),
                path,
                lang: lang.to_owned(),
                source: source.to_owned(),
                kind,
            }
        };
        let plan = files::plan(self, lang, default);
        let mut out = Vec::new();
        for path in &plan.pages {
            for target in pages::targets(self, path, build, &plan) {
                let written = format!("{prefix}{}", target.at.destination);
                let url = target.at.url.clone();
                out.push((
                    page(written, &url, path),
                    Source::Page(path.clone(), target),
                ));
            }
        }
        for name in self.generated_names() {
            let written = format!("{prefix}{name}");
            let url = format!("/{name}");
            out.push((page(written, &url, &name), Source::Generated(name)));
        }
        out
    }

    /// The files the plugins write in each language build (see `generated::files`): none where
    /// the site has a file of its own at that path.
    fn generated_names(&self) -> Vec<String> {
        let own =
            |path: &str| self.files.contains_key(path) || self.assets.iter().any(|a| a == path);
        [
            generated::feed_path(self),
            "sitemap.xml".into(),
            "robots.txt".into(),
        ]
        .into_iter()
        .filter(|p| !own(p))
        .collect()
    }
}

/// What makes a page of the build: a page of the site at one of its places, or a plugin.
pub(super) enum Source {
    Page(String, pages::Target),
    Generated(String),
}
