//! One file of `Site::build` at a time, with the post being edited in it: one of the site's
//! pages rendered on demand (`Site::render_built_page`); the list of them is `listing`'s, the
//! post's entry in its language's feeds `feeds`'.
//!
//! The edited post stands where Jekyll 4.3.1 would read it: its current text in place of its
//! saved file, or added when the site has no file at its path yet, in `site.posts` and
//! `site.tags` (sorted by date, then path, as `Site#post_attr_hash`), jekyll-paginate's
//! `paginator.posts` and the plugins' feeds. The rest is `Site::build`'s own machinery (`files`,
//! `pages`, `posts`, `generated`), run for the language build that writes the file asked for and
//! for that file alone. What does not change as the post is typed is kept per language: the other
//! posts' excerpts and bodies, and the URLs the earlier language builds left in Jekyll's filter
//! cache (see `UrlMemo`), which only those whole builds know.

use super::super::post_info::{self, PostInfo};
use super::super::{Build, Site, SiteDiagnostic};
use super::{files, generated, pages, posts, BuildOptions, Language, Output};
use crate::language;
use crate::liquid::template_cache::Templates;
use crate::liquid::url_memo::UrlMemo;
use crate::value::{Map, Value};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

mod feeds;
mod listing;
#[cfg(test)]
mod tests;

pub use feeds::FeedEntry;
#[cfg(test)]
use feeds::{entry_of, feed_element};
use listing::Source;
pub use listing::{PageKind, SitePage};

/// The post being edited: its path in the site and its text as typed.
#[derive(Clone, Copy, Debug)]
pub struct Edited<'a> {
    /// From the site root, e.g. `_i18n/en/_posts/2026-01-01-a.md` (a path the site may lack).
    pub path: &'a str,
    /// Its whole text, front matter included.
    pub source: &'a str,
}

/// A file of the build, rendered on demand.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownPage {
    /// The file, as listed by `site_pages`.
    pub page: SitePage,
    /// What the build writes there.
    pub text: String,
    /// The part of `text` its layouts got as `{{ content }}` (the page's own; empty for a
    /// plugin's file): what changes as a post is typed, on a home page.
    pub body: String,
    /// Problems met rendering it, each in its file.
    pub diagnostics: Vec<SiteDiagnostic>,
}

/// What the on-demand renders of one language keep: it changes only with the site's files.
#[derive(Default)]
pub struct Cache(Mutex<BTreeMap<String, Arc<Kept>>>);

#[derive(Default)]
struct Kept {
    /// Each saved post's excerpt, by path.
    excerpts: OnceLock<BTreeMap<String, Option<Value>>>,
    /// Each saved post's rendered body, by path (what the feeds carry).
    bodies: OnceLock<BTreeMap<String, String>>,
    /// The filter cache the earlier language builds leave.
    earlier_urls: OnceLock<Map>,
}

impl Site {
    /// The file at `target` (a path under `_site/`, or an address: `/ja/` is `ja/index.html`)
    /// as the build writes it with `edited` in place of its saved file (added, if the site has
    /// none at its path yet); `None` when the build writes no such page (`site_pages`).
    ///
    /// ```
    /// use postview::{BuildOptions, Edited, Site};
    /// let site = Site::new([
    ///     ("_config.yml", "languages: [en]\n"),
    ///     ("_i18n/en.yml", ""),
    ///     ("index.html", "---\n---\n{% for p in site.posts %}{{ p.title }};{% endfor %}"),
    ///     ("_i18n/en/_posts/2020-01-01-a.md", "---\ntitle: A\n---\n"),
    /// ].map(|(p, t)| (p.to_owned(), t.to_owned())));
    /// let new = Edited { path: "_i18n/en/_posts/2021-01-01-b.md", source: "---\ntitle: B\n---\n" };
    /// let home = site.render_built_page("/", Some(&new), &BuildOptions::default()).unwrap();
    /// assert_eq!(home.text, "B;A;");
    /// ```
    pub fn render_built_page(
        &self,
        target: &str,
        edited: Option<&Edited<'_>>,
        options: &BuildOptions,
    ) -> Option<ShownPage> {
        let target = destination_of(target);
        let time = self.build_time(options);
        let (index, lang) = self.language_of(&target)?;
        let earlier = self.earlier_urls(index, &time, options);
        let mut build = self.edited_build(lang, &time, edited);
        build.url_memo = UrlMemo::recording(earlier);
        let (page, source) = self
            .pages_of(lang, index == 0, &build)
            .into_iter()
            .find(|(p, _)| p.path == target)?;
        let (text, body, diagnostics) = match source {
            Source::Page(path, target) => {
                let built = pages::render_target(self, &path, &build, &target)?;
                (built.text, built.content, built.diagnostics)
            }
            Source::Generated(name) => {
                let made = self.generated(lang, index == 0, &build, edited, options, &time);
                let made = made.into_iter().find(|m| m.path == name)?;
                let found = made
                    .problems
                    .into_iter()
                    .map(|m| super::generated_problem(&name, m))
                    .collect();
                (made.text, String::new(), found)
            }
        };
        Some(ShownPage {
            page,
            text,
            body,
            diagnostics,
        })
    }

    /// `site.time` of a build with `options` (see `BuildOptions::time`).
    fn build_time(&self, options: &BuildOptions) -> String {
        options
            .time
            .clone()
            .or_else(|| self.configured_time())
            .map_or_else(super::now, |t| super::as_ruby_time(&t))
    }

    /// The language build that writes `target`, with its place in `languages:`: the one whose
    /// folder it is in, else the default one.
    fn language_of(&self, target: &str) -> Option<(usize, &String)> {
        let languages = &self.derived.languages;
        languages
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, l)| target.starts_with(&format!("{l}/")))
            .or_else(|| languages.first().map(|l| (0, l)))
    }

    /// What is kept for the on-demand renders of `lang`.
    fn kept(&self, lang: &str) -> Arc<Kept> {
        let mut all = self
            .derived
            .on_demand
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        Arc::clone(all.entry(lang.to_owned()).or_default())
    }

    /// The filter cache the builds before the `index`th language's leave (their whole builds,
    /// once: only they know every address they computed).
    fn earlier_urls(&self, index: usize, time: &str, options: &BuildOptions) -> Map {
        let Some(lang) = self.derived.languages.get(index) else {
            return Map::new();
        };
        if index == 0 {
            return Map::new();
        }
        let kept = self.kept(lang);
        kept.earlier_urls
            .get_or_init(|| {
                let mut urls = Map::new();
                let mut out = Output::default();
                let templates = Templates::new(&self.files);
                for (i, lang) in self.derived.languages[..index].iter().enumerate() {
                    let build = Language {
                        lang,
                        default: i == 0,
                        time,
                        templates: &templates,
                    };
                    urls = self.build_language(&build, urls, options, &mut out);
                }
                urls
            })
            .clone()
    }

    /// The build of `lang` at `time` (`site` with `posts`, `tags`, excerpts and neighbours), with
    /// `edited` in it when its language build is this one; its filter cache is empty.
    fn edited_build(&self, lang: &str, time: &str, edited: Option<&Edited<'_>>) -> Build {
        let d = &self.derived;
        let base = self.site_value(lang);
        let kept = self.kept(lang);
        let excerpts = kept.excerpts.get_or_init(|| {
            let Some(Value::List(list)) = base.get("posts") else {
                return BTreeMap::new();
            };
            list.iter()
                .filter_map(|p| {
                    let path = p.get("path").and_then(Value::as_str)?;
                    Some((path.to_owned(), posts::excerpt(self, p, &base, lang)))
                })
                .collect()
        });
        let saved = |p: &Value| {
            let path = p.get("path").and_then(Value::as_str)?;
            excerpts.get(path).cloned().flatten()
        };
        let edit = edited
            .map(|e| (super::super::normalize_path(e.path), e.source))
            .filter(|(path, _)| post_info::is_built_post_path(&d.reader, path))
            .filter(|(path, _)| language::build_language(path, &d.languages) == lang);
        let site = match edit {
            None => {
                let excerpts = posts::excerpts(&base, saved);
                posts::with_posts(base, time, excerpts)
            }
            Some((path, source)) => {
                let info = PostInfo::read(&path, source, &d.config, lang, &d.languages, Some(time));
                let others = d.posts.iter().filter(|p| p.path != path);
                let (list, tags, categories) = post_info::collections(others.chain([&info]), lang);
                let mut map = base.as_map().cloned().unwrap_or_default();
                map.insert("posts".into(), list);
                map.insert("tags".into(), tags);
                map.insert("categories".into(), categories);
                let with_edit = Value::Map(map);
                let excerpts = posts::excerpts(&with_edit, |p| {
                    if p.get("path").and_then(Value::as_str) == Some(path.as_str()) {
                        self.excerpt(&path, source, &with_edit, lang)
                    } else {
                        saved(p)
                    }
                });
                posts::with_posts(with_edit, time, excerpts)
            }
        };
        Build {
            site,
            url_memo: UrlMemo::new(Map::new()),
        }
    }

    /// The plugins' files of the build of `lang`, fed as `Site::build_language` feeds them, with
    /// `edited`'s body in place of its saved one.
    fn generated(
        &self,
        lang: &str,
        default: bool,
        build: &Build,
        edited: Option<&Edited<'_>>,
        options: &BuildOptions,
        time: &str,
    ) -> Vec<generated::Made> {
        let d = &self.derived;
        let plan = files::plan(self, lang, default);
        let host = self.host(lang);
        let body = |path: &str, text: &str| {
            let options = self.body_options(path);
            crate::render_post_in_site(text, &options, &build.site, &d.kramdown, &host).html
        };
        let kept = self.kept(lang);
        let saved = kept.bodies.get_or_init(|| {
            plan.posts
                .iter()
                .map(|(path, _)| (path.clone(), body(path, &self.files[path])))
                .collect()
        });
        let mut bodies = saved.clone();
        if let Some(e) = edited {
            let path = super::super::normalize_path(e.path);
            bodies.insert(path.clone(), body(&path, e.source));
        }
        let mut listed = Vec::new();
        for path in &plan.pages {
            let (front, _) = super::super::read_front_matter(&self.files[path]);
            let name = path.rsplit('/').next().unwrap_or(path).to_owned();
            for target in pages::targets(self, path, build, &plan) {
                let html = super::html(&target.at.destination);
                listed.push((
                    target.paginated,
                    name.clone(),
                    target.at.url,
                    html,
                    front.clone(),
                ));
            }
        }
        let pages = generated::plugin_pages(listed);
        let statics = generated::dated_statics(&plan.statics, &options.modified, time);
        let rendered = generated::Rendered {
            posts: &bodies,
            pages: &pages,
            statics: &statics,
        };
        generated::files(self, build, &rendered)
    }
}

/// A path under `_site/` from a path or an address: no leading `/`, `index.html` for a folder.
fn destination_of(target: &str) -> String {
    let mut path = crate::ruby::addressable::unencode(target.trim_start_matches('/'));
    if path.is_empty() || path.ends_with('/') {
        path.push_str("index.html");
    }
    path
}
