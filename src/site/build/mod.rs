//! `Site::build`: every file `jekyll build` (Jekyll 4.3.1 with jekyll-multiple-languages-plugin
//! and jekyll-paginate) writes for a site, with its path under `_site/` and its content.
//!
//! The plugin runs Jekyll's whole `Site#process` once per language of `languages:`; each run
//! reads the posts of `_i18n/<lang>/_posts`, renders the posts first and the pages after (so a
//! page sees every post's excerpt), and writes under `/<lang>` for every language but the first.
//! The modules: `files` (which files a language build writes and where: page URLs and
//! permalinks, `exclude_from_localizations`, a page's `languages:`), `pages` (a page's Liquid,
//! Markdown and layouts), `paginate` (jekyll-paginate's `paginator` and its pages), `posts`
//! (`site.posts` as the pages of a build see it: excerpts, `next`, `previous`).

mod clean;
mod defaults;
mod files;
mod generated;
mod on_demand;
mod pages;
mod paginate;
mod posts;

pub(super) use on_demand::Cache as OnDemandCache;
pub use on_demand::{Edited, FeedEntry, PageKind, ShownPage, SitePage};

use super::{Site, SiteDiagnostic};
use crate::diagnostic::{Diagnostic, Jekyll};
use crate::liquid::template_cache::Templates;
use crate::value::Value;
pub(super) use defaults::post_front;
pub(super) use posts::reads_post;
use std::collections::BTreeMap;

/// What a build depends on beyond the site's files.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// `site.time` (Jekyll's `time:` option), as a Ruby Time prints (`2026-01-01 00:00:00
    /// +0000`) or any date Jekyll reads; `None` is `_config.yml`'s `time:`, else now (on wasm32
    /// the caller must give now: the module has no clock, and takes 1970 without it).
    pub time: Option<String>,
    /// Each source file's modification time, in seconds since 1970, by path: jekyll-sitemap
    /// dates a static file by it. A file without one is dated `time`.
    pub modified: BTreeMap<String, i64>,
}

/// Every file a build writes, in path order, and what went wrong on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteBuild {
    /// The files, in path order.
    pub files: Vec<BuiltFile>,
    /// Problems of the files the build rendered, each in its file, each said once.
    pub diagnostics: Vec<SiteDiagnostic>,
    /// The built files the preview could not write exactly as Jekyll does (a tag, filter or
    /// plugin it does not run was on their way: their diagnostics say where).
    pub inexact: Vec<String>,
}

impl SiteBuild {
    /// Whether Jekyll would stop this build (a diagnostic whose code stops it).
    pub fn stops(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.diagnostic.code.jekyll() == Jekyll::StopsBuild)
    }
}

/// Whether a file with these diagnostics is written other than Jekyll writes it.
fn inexact<'d>(mut diagnostics: impl Iterator<Item = &'d Diagnostic>) -> bool {
    diagnostics.any(|d| d.code.jekyll() == Jekyll::PreviewDiffers)
}

/// One file of `_site/`.
#[derive(Clone, Debug, PartialEq)]
pub struct BuiltFile {
    /// Its path under `_site/`, `/` between folders, e.g. `ja/index.html`.
    pub path: String,
    /// What it holds.
    pub content: BuiltContent,
}

/// What a built file holds.
#[derive(Clone, Debug, PartialEq)]
pub enum BuiltContent {
    /// A rendered page or post.
    Text(String),
    /// A static file, copied byte for byte from this path of the site (`Site` holds text only:
    /// the caller copies the bytes).
    Copy(String),
}

impl Site {
    /// Every file `jekyll build` writes for this site, rendered with the same Liquid engine,
    /// Markdown and layouts as `render_page`.
    ///
    /// ```
    /// use postview::{BuildOptions, BuiltContent, Site};
    /// let site = Site::new([
    ///     ("_config.yml", "languages: [en, ja]\n"),
    ///     ("_i18n/en.yml", ""),
    ///     ("_i18n/ja.yml", ""),
    ///     ("about.md", "---\ntitle: About\n---\n*{{ page.title }}* at {{ site.time }}\n"),
    ///     ("logo.txt", "no front matter: copied"),
    /// ].map(|(p, t)| (p.to_owned(), t.to_owned())));
    /// let time = Some("2026-01-01 00:00:00 +0000".to_owned());
    /// let build = site.build(&BuildOptions { time, ..BuildOptions::default() });
    /// let paths: Vec<&str> = build.files.iter().map(|f| f.path.as_str()).collect();
    /// assert_eq!(paths, [
    ///     "about.html", "feed.xml", "ja/about.html", "ja/feed.xml", "ja/logo.txt",
    ///     "ja/robots.txt", "ja/sitemap.xml", "logo.txt", "robots.txt", "sitemap.xml",
    /// ]);
    /// assert_eq!(
    ///     build.files[0].content,
    ///     BuiltContent::Text("<p><em>About</em> at 2026-01-01 00:00:00 +0000</p>\n".into())
    /// );
    /// assert_eq!(build.files[7].content, BuiltContent::Copy("logo.txt".into()));
    /// ```
    pub fn build(&self, options: &BuildOptions) -> SiteBuild {
        let time = options
            .time
            .clone()
            .or_else(|| self.configured_time())
            .map_or_else(now, |t| as_ruby_time(&t));
        let dated = posts::dated(self, &time);
        let site = dated.as_ref().unwrap_or(self);
        let mut out = Output::default();
        let languages = site.derived.languages.clone();
        let mut urls = crate::value::Map::new();
        // Every layout and include read once for the whole build.
        let templates = Templates::new(&site.files);
        for (i, lang) in languages.iter().enumerate() {
            let build = Language {
                lang,
                default: i == 0,
                time: &time,
                templates: &templates,
            };
            urls = site.build_language(&build, urls, options, &mut out);
        }
        out.diagnostics.extend(generated::feed_collections(site));
        if crate::language::configured_languages(&self.derived.config).is_none() {
            out.diagnostics.push(no_languages(&languages));
            out.inexact = out.files.keys().cloned().collect();
        }
        out.finish()
    }

    /// One language build, after builds that computed the URLs of `urls`; gives those and
    /// this build's.
    fn build_language(
        &self,
        &Language {
            lang,
            default,
            time,
            templates,
        }: &Language<'_>,
        urls: crate::value::Map,
        options: &BuildOptions,
        out: &mut Output,
    ) -> crate::value::Map {
        let prefix = if default {
            String::new()
        } else {
            format!("{lang}/")
        };
        let build = posts::language_build(self, lang, time, urls);
        let plan = files::plan(self, lang, default);
        let mut bodies = BTreeMap::new();
        for (post, dest) in &plan.posts {
            let page = self.render_post_page(post, None, &build, Some(templates));
            let mut found: Vec<SiteDiagnostic> = page
                .post
                .diagnostics
                .iter()
                .map(|d| SiteDiagnostic {
                    path: post.clone(),
                    diagnostic: d.clone(),
                })
                .collect();
            found.extend(page.layout_diagnostics);
            out.text(format!("{prefix}{dest}"), post, page.page, found);
            bodies.insert(post.clone(), page.post.html);
        }
        let mut listed = Vec::new();
        for page in &plan.pages {
            for built in pages::render(self, page, (&build, templates), &plan) {
                let (front, _) = super::read_front_matter(&self.files[page]);
                let name = page.rsplit('/').next().unwrap_or(page).to_owned();
                listed.push((
                    built.paginated,
                    name,
                    built.url.clone(),
                    html(&built.path),
                    front,
                ));
                out.text(
                    format!("{prefix}{}", built.path),
                    page,
                    built.text,
                    built.diagnostics,
                );
            }
        }
        for path in plan.statics.iter().filter(|p| plan.copies(p)) {
            let dest = format!("{prefix}{}", files::static_destination(path));
            out.written.push((dest.clone(), path.clone(), false));
            out.files.insert(dest, BuiltContent::Copy(path.clone()));
        }
        let pages = generated::plugin_pages(listed);
        let statics = generated::dated_statics(&plan.statics, &options.modified, time);
        let rendered = generated::Rendered {
            posts: &bodies,
            pages: &pages,
            statics: &statics,
        };
        for made in generated::files(self, &build, &rendered) {
            let found = made
                .problems
                .into_iter()
                .map(|message| generated_problem(&made.path, message))
                .collect();
            out.text(
                format!("{prefix}{}", made.path),
                &made.path,
                made.text,
                found,
            );
        }
        build.url_memo.into_all()
    }
}

/// Whether a page written at `path` is HTML (jekyll-sitemap lists those).
fn html(path: &str) -> bool {
    [".html", ".htm", ".xhtml"]
        .iter()
        .any(|e| path.ends_with(e))
}

/// Where a plugin's template would have raised (an unreadable date or URL), said at the
/// generated file: Jekyll stops the build there.
fn generated_problem(path: &str, message: String) -> SiteDiagnostic {
    SiteDiagnostic {
        path: path.to_owned(),
        diagnostic: Diagnostic {
            severity: crate::diagnostic::Code::FilterError.severity(),
            code: crate::diagnostic::Code::FilterError,
            message,
            line: 0,
            column: 0,
        },
    }
}

/// What the language builds have written so far.
#[derive(Default)]
struct Output {
    files: BTreeMap<String, BuiltContent>,
    diagnostics: Vec<SiteDiagnostic>,
    inexact: Vec<String>,
    /// Every file written, for `jekyll doctor`'s checks: its path, its source (or the generated
    /// file's name) and whether it is a page or post.
    written: Vec<(String, String, bool)>,
}

impl Output {
    /// A rendered file at `dest` made from `source`, with the problems met on its way.
    fn text(&mut self, dest: String, source: &str, text: String, found: Vec<SiteDiagnostic>) {
        if inexact(found.iter().map(|d| &d.diagnostic)) {
            self.inexact.push(dest.clone());
        }
        self.written.push((dest.clone(), source.to_owned(), true));
        self.diagnostics.extend(found);
        self.files.insert(dest, BuiltContent::Text(text));
    }

    /// The build, with `jekyll doctor`'s findings, each diagnostic said once.
    fn finish(mut self) -> SiteBuild {
        self.diagnostics.extend(generated::findings(&self.written));
        let mut seen = std::collections::BTreeSet::new();
        self.diagnostics.retain(|d: &SiteDiagnostic| {
            seen.insert((
                d.path.clone(),
                d.diagnostic.line,
                d.diagnostic.column,
                d.diagnostic.message.clone(),
            ))
        });
        SiteBuild {
            files: self
                .files
                .into_iter()
                .map(|(path, content)| BuiltFile { path, content })
                .collect(),
            diagnostics: self.diagnostics,
            inexact: self.inexact,
        }
    }
}

/// A site without `languages:`, built with the default list, said at `_config.yml`'s start.
fn no_languages(languages: &[String]) -> SiteDiagnostic {
    SiteDiagnostic {
        path: "_config.yml".to_owned(),
        diagnostic: Diagnostic {
            severity: crate::diagnostic::Code::NoLanguages.severity(),
            code: crate::diagnostic::Code::NoLanguages,
            message: format!(
                "the site lists no `languages:`: postview builds it as jekyll-multiple-languages-plugin \
                 does, with its default list ({}), which may not be the site Jekyll publishes; add \
                 `languages: [..]` with the site's languages, the first the default one",
                languages.join(", ")
            ),
            line: 1,
            column: 1,
        },
    }
}

/// `_config.yml`'s `time:`, which Jekyll makes `site.time`.
impl Site {
    pub(crate) fn configured_time(&self) -> Option<String> {
        let t = self.derived.config.get("time")?;
        Some(text(Some(t))).filter(|t| !t.trim().is_empty())
    }
}

/// A time as Liquid prints a Ruby Time (`2026-01-01 00:00:00 +0000`), if it reads as one.
fn as_ruby_time(t: &str) -> String {
    let format = Value::from("%Y-%m-%d %H:%M:%S %z");
    match crate::ruby::time::filter(&Value::from(t), &format, 64) {
        crate::ruby::time::Outcome::Formatted(s) => s,
        _ => t.to_owned(),
    }
}

/// The time now, as `site.time` prints.
fn now() -> String {
    #[cfg(not(target_arch = "wasm32"))]
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    #[cfg(target_arch = "wasm32")]
    let secs = 0;
    crate::ruby::time::utc_string(secs)
}

/// `v` as text, `""` for nothing.
fn text(v: Option<&Value>) -> String {
    v.map(crate::liquid::layout::to_text).unwrap_or_default()
}

#[cfg(test)]
mod tests;

/// One language build of `Site::build`.
struct Language<'b> {
    lang: &'b str,
    /// The first language's, written at the root of `_site/`.
    default: bool,
    /// `site.time`.
    time: &'b str,
    /// The layouts and includes of the whole build, each read once.
    templates: &'b Templates<'b>,
}
