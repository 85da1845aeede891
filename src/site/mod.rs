//! A whole Jekyll site made from its text files, and the published page of one of its posts, as
//! Jekyll 4.3.1 builds it with jekyll-multiple-languages-plugin (the site's own plugin; its
//! Ruby is in `../shared/tools/vendor/`):
//!
//! - the site is built once per language of `_config.yml` `languages:`; each build reads the posts
//!   of `_i18n/<lang>/_posts`, sets `site.lang`, and (except for the first, default, language)
//!   writes under `/<lang>` with `site.baseurl` = `baseurl` + `/<lang>`; `site.baseurl_root` is
//!   the configured `baseurl`;
//! - the post body is rendered as `render_post` renders it, then placed in its layout, the layout
//!   in its own layout, and so on (Jekyll's `Renderer#place_in_layouts`);
//! - `page` is the front matter with what Jekyll adds (`url`, `date`, `id`, `slug`, `tags`, …),
//!   `site` the configuration with `data`, `tags`, `posts` and the plugin's keys.
//!
//! The modules: `post_info` (each post's URL, date, title and tags, `site.tags`), `excerpt`
//! (`page.excerpt`), `plugins` (`{% feed_meta %}`, `{% t %}` strings, Jekyll's site tags),
//! `seo` (`{% seo %}`), `build` (every file of `jekyll build`: `Site::build`). Layouts run on
//! `liquid::layout`.

mod build;
mod check_site;
mod checks;
mod excerpt;
mod generated;
mod links;
mod plugins;
mod post_info;
mod post_options;
mod published;
mod seo;

use crate::diagnostic::{Code, Diagnostic, LineIndex};
use crate::language;
use crate::liquid::layout::Renderer;
use crate::liquid::template_cache::TemplateCache;
use crate::liquid::url_memo::UrlMemo;
use crate::reader::Reader;
use crate::value::{Map, Value};
use crate::{front_matter, render_post_in_site, KramdownOptions, Options, Rendered};
use post_info::PostInfo;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

pub use crate::liquid::layout::FileDiagnostic as SiteDiagnostic;
pub use build::{
    BuildOptions, BuiltContent, BuiltFile, Edited, FeedEntry, PageKind, ShownPage, SiteBuild,
    SitePage,
};
#[cfg(target_arch = "wasm32")]
pub use check_site::reads_text;
#[cfg(target_arch = "wasm32")]
pub(crate) use check_site::SiteChecker;
pub use check_site::{check_site, SiteCheck, SiteFile};

/// Layouts placed in layouts deeper than this stop (Jekyll stops at a repeated layout).
const MAX_LAYOUTS: usize = 16;

/// A site: its files by path from the site root.
///
/// ```
/// use postview::Site;
/// let site = Site::new([
///     ("_config.yml", "title: News\nlanguages: [en, ja]\n"),
///     ("_i18n/en.yml", "hi: Hello\n"),
///     ("_i18n/ja.yml", "hi: こんにちは\n"),
///     ("_layouts/post.html", "<h1>{{ page.title }}</h1>{{ content }}"),
///     ("_i18n/ja/_posts/2021-01-20-a.md", "---\nlayout: post\ntitle: A\n---\n*a*\n"),
/// ].map(|(p, t)| (p.to_owned(), t.to_owned())));
/// assert_eq!(site.posts(), ["_i18n/ja/_posts/2021-01-20-a.md"]);
/// let page = site.render_page("_i18n/ja/_posts/2021-01-20-a.md", None);
/// assert_eq!(page.page, "<h1>A</h1><p><em>a</em></p>\n");
/// assert_eq!(page.url, "/ja/2021/01/20/a.html");
/// assert!(site.diagnostics().is_empty());
/// ```
pub struct Site {
    files: BTreeMap<String, String>,
    /// The paths of the folder's other files (images, …), by name only: for the image check.
    assets: Vec<String>,
    derived: Derived,
}

/// What is read from the files once, and again when one changes.
struct Derived {
    config: Map,
    /// Which file is what, by the site's `include`, `exclude` and `markdown_ext`.
    reader: Reader,
    /// The site's kramdown options (`KramdownOptions::from_site`), with their problems.
    kramdown: (KramdownOptions, Vec<crate::diagnostic::Issue>),
    languages: Vec<String>,
    data: Map,
    translations: Map,
    posts: Vec<PostInfo>,
    diagnostics: Vec<SiteDiagnostic>,
    /// Each language build's `site` and `relative_url`/`absolute_url` memo, made on first use:
    /// they only change with the files.
    builds: Mutex<BTreeMap<String, Arc<Build>>>,
    /// The Forestry templates, the posts' front matter and the site's paths, for `check_post`,
    /// made on first use.
    checks: OnceLock<checks::Checks>,
    /// The addresses the site publishes, for the check of links, made on first use.
    published: OnceLock<published::Published>,
    /// The ids of the posts' pages links point into, by address, made on first use.
    anchors: Mutex<BTreeMap<String, Arc<std::collections::HashSet<String>>>>,
    /// What the renders of one page of the build keep, per language (`build/on_demand.rs`).
    on_demand: build::OnDemandCache,
    /// The site's title, description and tagline as `{% seo %}` formats them, on first use.
    seo_texts: seo::Formatted,
}

/// What every page of one language build shares.
struct Build {
    site: Value,
    url_memo: UrlMemo,
}

/// The published page of a post.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RenderedPage {
    /// The post's body and fields, as `render_post` gives them.
    #[serde(flatten)]
    pub post: Rendered,
    /// The whole HTML document, as `jekyll build` writes it.
    pub page: String,
    /// The page's URL path, e.g. `/ja/2020/09/07/mask-network`.
    pub url: String,
    /// Problems in the layouts and includes this page went through, each in its file.
    pub layout_diagnostics: Vec<SiteDiagnostic>,
}

impl Site {
    /// A site from `(path, text)` pairs. Never fails: problems are in `diagnostics()`.
    pub fn new<I: IntoIterator<Item = (String, String)>>(files: I) -> Site {
        let files: BTreeMap<String, String> = files
            .into_iter()
            .map(|(p, t)| (normalize_path(&p), t))
            .collect();
        let derived = derive(&files);
        Site {
            files,
            assets: Vec::new(),
            derived,
        }
    }

    /// The site with the paths of its other files (images, …; their contents are never read),
    /// so that `check_post` finds the images a post shows that the folder lacks.
    pub fn with_assets(mut self, assets: impl IntoIterator<Item = String>) -> Site {
        self.assets = assets.into_iter().map(|p| normalize_path(&p)).collect();
        self.derived.checks = std::sync::OnceLock::new();
        self.derived.published = std::sync::OnceLock::new();
        self
    }

    /// Replaces or adds one file.
    pub fn set_file(&mut self, path: &str, text: &str) {
        self.files.insert(normalize_path(path), text.to_owned());
        self.derived = derive(&self.files);
    }

    /// The post paths (`_i18n/<lang>/_posts/*`, `_posts/*`, drafts too, as Jekyll's reader tells
    /// them), sorted.
    pub fn posts(&self) -> Vec<String> {
        self.files
            .keys()
            .filter(|p| self.derived.reader.is_post(p))
            .cloned()
            .collect()
    }

    /// Whether Jekyll's reader would read a file at `path` as a post (whether or not the site
    /// has one there yet: a new post).
    pub fn reads_as_post(&self, path: &str) -> bool {
        self.derived.reader.is_post(&normalize_path(path))
    }

    /// Whether the folder has layouts of its own (`_layouts/`): a site whose layouts come from a
    /// theme gem has none, and its pages can only be shown without them.
    pub fn has_layouts(&self) -> bool {
        self.files.keys().any(|p| p.starts_with("_layouts/"))
    }

    /// `_config.yml` `languages:` in order, else the default languages.
    pub fn languages(&self) -> Vec<String> {
        self.derived.languages.clone()
    }

    /// Site-level problems (an unreadable `_config.yml`, …).
    pub fn diagnostics(&self) -> Vec<SiteDiagnostic> {
        self.derived.diagnostics.clone()
    }

    /// The page of the post at `path`; `source` replaces that file's text. Its diagnostics are
    /// the renderer's and `check_post`'s, by line and column.
    pub fn render_page(&self, path: &str, source: Option<&str>) -> RenderedPage {
        let mut page = self.render_page_unchecked(path, source);
        let text = source
            .or_else(|| self.files.get(&normalize_path(path)).map(String::as_str))
            .unwrap_or("");
        let rendered = std::mem::take(&mut page.post.diagnostics);
        let mut checks = self.check_post(path, text);
        checks.extend(self.check_links(path, text, &page.post));
        page.post.diagnostics = crate::forestry::with_checks(rendered, checks);
        page
    }

    /// `render_page` without `check_post`'s diagnostics, for a caller that shows them apart
    /// (the page tells a broken front matter by the renderer's errors alone).
    pub fn render_page_unchecked(&self, path: &str, source: Option<&str>) -> RenderedPage {
        let path = normalize_path(path);
        let lang = language::build_language(&path, &self.derived.languages);
        self.render_post_page(&path, source, &self.language_build(&lang), None)
    }

    /// The page of the post at `path` (normalized) in `build`, its language's build, with the
    /// layouts and includes `templates` holds already read (a whole build's).
    fn render_post_page(
        &self,
        path: &str,
        source: Option<&str>,
        build: &Build,
        templates: Option<&dyn TemplateCache>,
    ) -> RenderedPage {
        let text = source
            .or_else(|| self.files.get(path).map(String::as_str))
            .unwrap_or("");
        let d = &self.derived;
        let lang = language::build_language(path, &d.languages);
        let site = &build.site;
        let host = self.host(&lang);
        let mut post =
            render_post_in_site(text, &self.body_options(path), site, &d.kramdown, &host);
        // The file's own text was read with the site: what is known of it stands.
        let known = d
            .posts
            .iter()
            .find(|p| source.is_none() && p.path == path && p.lang == lang);
        let read;
        let info = match known {
            Some(p) => p,
            None => {
                read = PostInfo::read(path, text, &d.config, &lang, &d.languages, None);
                &read
            }
        };
        let mut page = info.page_value(&post.front_matter, &post.html);
        let excerpt = known
            .and_then(|_| built_excerpt(site, path))
            .or_else(|| self.excerpt(path, text, site, &lang));
        if let (Value::Map(m), Some(e)) = (&mut page, excerpt) {
            m.insert("excerpt".into(), e);
        }
        let url = format!(
            "{}{}",
            site.get("baseurl").and_then(Value::as_str).unwrap_or(""),
            info.url
        );
        let (html, layout_diagnostics) =
            self.place_in_layouts(&mut post, text, (build, templates), &page, &host);
        RenderedPage {
            post,
            page: html,
            url,
            layout_diagnostics,
        }
    }

    /// The address of the page of the post at `path` (from `text`), with `baseurl` and its
    /// language build's prefix.
    fn page_url(&self, path: &str, text: &str) -> String {
        let d = &self.derived;
        let lang = language::build_language(path, &d.languages);
        let url = match d.posts.iter().find(|p| p.path == path) {
            Some(post) => post.url.clone(),
            None => PostInfo::read(path, text, &d.config, &lang, &d.languages, None).url,
        };
        format!(
            "{}{url}",
            self.language_build(&lang)
                .site
                .get("baseurl")
                .and_then(Value::as_str)
                .unwrap_or("")
        )
    }

    /// The body of the post at `path` from `source`, rendered as `render_page` renders it (the
    /// site's includes and posts for its Liquid), without its layouts: what an edit of the body
    /// needs, ten times cheaper than the page.
    pub fn render_body(&self, path: &str, source: &str) -> Rendered {
        let path = normalize_path(path);
        let lang = language::build_language(&path, &self.derived.languages);
        let build = self.language_build(&lang);
        render_post_in_site(
            source,
            &self.body_options(&path),
            &build.site,
            &self.derived.kramdown,
            &self.host(&lang),
        )
    }

    /// The options of a post's body but its `site`, which the build shares (see
    /// `render_post_in_site`).
    fn body_options(&self, path: &str) -> Options {
        Options {
            site: Map::new(),
            languages: self.derived.languages.clone(),
            path: Some(path.to_owned()),
        }
    }

    /// What the site's files give the Liquid of a page of the `lang` build.
    fn host<'s>(&'s self, lang: &'s str) -> plugins::Host<'s> {
        let d = &self.derived;
        plugins::Host {
            files: &self.files,
            translations: &d.translations,
            lang,
            default_lang: d.languages.first().map_or("", String::as_str),
            posts: &d.posts,
            kramdown: &d.kramdown.0,
            config: &d.config,
            seo_texts: &d.seo_texts,
        }
    }

    /// Jekyll's `place_in_layouts`: the post's layout, then that layout's layout, and so on.
    fn place_in_layouts(
        &self,
        post: &mut Rendered,
        text: &str,
        (build, templates): (&Build, Option<&dyn TemplateCache>),
        page: &Value,
        host: &plugins::Host<'_>,
    ) -> (String, Vec<SiteDiagnostic>) {
        let name = post.front_matter.get("layout").map(layout_name);
        let mut renderer = Renderer::new(&build.site, page, host, post.html.len());
        renderer.url_memo = Some(&build.url_memo);
        renderer.templates = templates;
        let (content, missing) = self.lay_out(post.html.clone(), name, &mut renderer);
        if let Some(n) = missing {
            post.diagnostics.push(missing_layout(text, &n));
        }
        (content, renderer.finish())
    }

    /// `content` placed in the layout `name`, that layout in its own, and so on, by `renderer`
    /// (its `locals` may hold more variables, e.g. `paginator`). Gives the result and the name
    /// of the first layout when the site lacks it.
    fn lay_out(
        &self,
        mut content: String,
        mut name: Option<String>,
        renderer: &mut Renderer<'_>,
    ) -> (String, Option<String>) {
        let mut layout_data = Map::new();
        let mut used: Vec<String> = Vec::new();
        while let Some(n) = name.take().filter(|n| !n.is_empty() && n != "none") {
            let Some((path, file)) = self.layout_file(&n) else {
                if used.is_empty() {
                    return (content, Some(n));
                }
                break;
            };
            if used.contains(&n) || used.len() >= MAX_LAYOUTS {
                break;
            }
            used.push(n);
            let (data, body_start) = read_front_matter(file);
            for (k, v) in data.iter() {
                if layout_data.get(k).is_none() {
                    layout_data.insert(k.to_owned(), v.clone());
                }
            }
            renderer
                .locals
                .insert("content".into(), Value::String(content));
            renderer
                .locals
                .insert("layout".into(), Value::Map(layout_data.clone()));
            content = renderer.render(&path, file, body_start);
            name = data.get("layout").map(layout_name);
        }
        (content, None)
    }

    /// Jekyll keeps `relative_url` and `absolute_url` results in `site.filter_cache`, which
    /// outlives each of the plugin's language builds: a post URL an earlier language's build
    /// already turned into an address keeps that build's `/<lang>` prefix (or none) in later
    /// builds. The earlier builds' post URLs, with their results.
    fn url_memo(&self, site: &Value) -> Map {
        let d = &self.derived;
        let lang = site.get("lang").and_then(Value::as_str).unwrap_or("");
        let root = site
            .get("baseurl_root")
            .and_then(Value::as_str)
            .unwrap_or("");
        let url = d
            .config
            .get("url")
            .map(crate::liquid::layout::to_text)
            .unwrap_or_default();
        let mut memo = Map::new();
        for (i, earlier) in d.languages.iter().take_while(|l| *l != lang).enumerate() {
            let base = if i == 0 {
                root.to_owned()
            } else {
                format!("{root}/{earlier}")
            };
            for post in d.posts.iter().filter(|p| &p.lang == earlier && p.published) {
                let relative = format!("{base}{}", post.url);
                for (filter, value) in [
                    ("relative_url", relative.clone()),
                    ("absolute_url", format!("{url}{relative}")),
                ] {
                    let key = format!("{filter}:{}", post.url);
                    if memo.get(&key).is_none() {
                        memo.insert(key, Value::String(value));
                    }
                }
            }
        }
        memo
    }

    /// `_layouts/<name>.<any extension>`, as Jekyll finds layouts by their base name.
    fn layout_file(&self, name: &str) -> Option<(String, &str)> {
        let exact = format!("_layouts/{name}.html");
        if let Some(t) = self.files.get(&exact) {
            return Some((exact, t));
        }
        let prefix = format!("_layouts/{name}.");
        self.files
            .range(prefix.clone()..)
            .take_while(|(p, _)| p.starts_with(&prefix))
            .find(|(p, _)| !p[prefix.len()..].contains('/'))
            .map(|(p, t)| (p.clone(), t.as_str()))
    }

    /// The build of `lang`, made on first use.
    fn language_build(&self, lang: &str) -> Arc<Build> {
        let cached = |builds: &Mutex<BTreeMap<String, Arc<Build>>>| {
            let builds = builds.lock().unwrap_or_else(|e| e.into_inner());
            builds.get(lang).map(Arc::clone)
        };
        if let Some(b) = cached(&self.derived.builds) {
            return b;
        }
        let site = self.site_value(lang);
        let url_memo = UrlMemo::new(self.url_memo(&site));
        let build = Arc::new(Build { site, url_memo });
        self.derived
            .builds
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(lang.to_owned(), Arc::clone(&build));
        build
    }

    /// The Liquid `site` of the build of `lang`.
    fn site_value(&self, lang: &str) -> Value {
        let d = &self.derived;
        let mut site = d.config.clone();
        let base = d
            .config
            .get("baseurl")
            .map(crate::liquid::layout::to_text)
            .unwrap_or_default();
        let default_lang = d.languages.first().cloned().unwrap_or_default();
        let baseurl = if lang == default_lang {
            base.clone()
        } else {
            format!("{base}/{lang}")
        };
        site.insert("baseurl".into(), Value::String(baseurl));
        site.insert("baseurl_root".into(), Value::String(base));
        site.insert("lang".into(), Value::from(lang));
        site.insert("default_lang".into(), Value::String(default_lang));
        site.insert(
            "languages".into(),
            Value::List(
                d.languages
                    .iter()
                    .map(|l| Value::from(l.as_str()))
                    .collect(),
            ),
        );
        site.insert("data".into(), Value::Map(d.data.clone()));
        site.insert("translations".into(), Value::Map(d.translations.clone()));
        let (posts, tags, categories) = post_info::collections(&d.posts, lang);
        site.insert("posts".into(), posts);
        site.insert("tags".into(), tags);
        site.insert("categories".into(), categories);
        Value::Map(site)
    }
}

/// The excerpt a whole build already put in `site.posts` for the post at `path`.
fn built_excerpt(site: &Value, path: &str) -> Option<Value> {
    let Some(Value::List(posts)) = site.get("posts") else {
        return None;
    };
    posts
        .iter()
        .find(|p| p.get("path").and_then(Value::as_str) == Some(path))?
        .get("excerpt")
        .cloned()
}

/// Paths as Jekyll sees them from the site root: `/` separators, no leading `./` or `/`.
fn normalize_path(p: &str) -> String {
    let p = p.replace('\\', "/");
    p.trim_start_matches("./")
        .trim_start_matches('/')
        .to_owned()
}

fn layout_name(v: &Value) -> String {
    crate::liquid::layout::to_text(v)
}

/// A file's front matter (if it has one) and where its body starts.
fn read_front_matter(file: &str) -> (Map, usize) {
    let parts = front_matter::split(file);
    match &parts.yaml {
        Some(range) if !parts.unclosed => (
            front_matter::parse(&file[range.clone()]).0,
            parts.body.start,
        ),
        _ => (Map::new(), 0),
    }
}

/// "Layout 'x' requested in … does not exist", at the post's `layout:` line.
fn missing_layout(text: &str, name: &str) -> Diagnostic {
    let offset = text.find("\nlayout:").map_or(0, |i| i + 1).min(text.len());
    LineIndex::new(text).locate(crate::diagnostic::Issue::new(
        Code::MissingLayout,
        offset,
        format!(
            "the layout `{name}` is not in the site (no `_layouts/{name}.html`): Jekyll warns and publishes the body alone, as shown here"
        ),
    ))
}

/// A language of `_config.yml`'s `languages:` without its strings file: the multiple-languages
/// plugin loads `_i18n/<lang>.yml` for every language it lists, and a missing one stops the
/// build (`No such file or directory`). Placed at the language in the list.
fn missing_strings(config: &str, lang: &str) -> SiteDiagnostic {
    let key = config
        .find("\nlanguages:")
        .map_or(0, |i| i + 1)
        .min(config.len());
    let is_edge = |c: Option<char>| c.is_none_or(|c| " \t\n[],'\"".contains(c));
    let offset = config[key..]
        .match_indices(lang)
        .map(|(i, _)| key + i)
        .find(|&i| {
            is_edge(config[..i].chars().next_back())
                && is_edge(config[i + lang.len()..].chars().next())
        })
        .unwrap_or(key);
    SiteDiagnostic {
        path: "_config.yml".to_owned(),
        diagnostic: LineIndex::new(config).locate(crate::diagnostic::Issue::new(
            Code::MissingStrings,
            offset,
            format!(
                "`{lang}` is in `languages:` but the site has no `_i18n/{lang}.yml`: the \
                 multiple-languages plugin stops the build (No such file or directory); add the \
                 file with the `{{% t %}}` strings in {lang} (a copy of another language's to \
                 start), or take `{lang}` out of the list"
            ),
        )),
    }
}

/// Reads everything the pages share.
fn derive(files: &BTreeMap<String, String>) -> Derived {
    derive_at(files, None)
}

/// Reads everything the pages share, for a build at `build_time` (`site.time`) if given: the
/// posts that build reads (see `build::posts::read_at`).
fn derive_at(files: &BTreeMap<String, String>, build_time: Option<&str>) -> Derived {
    let mut diagnostics = Vec::new();
    let mut yaml = |path: &str, text: &str| -> Value {
        let (value, issues) = front_matter::parse_value(text);
        let lines = LineIndex::new(text);
        for issue in issues {
            diagnostics.push(SiteDiagnostic {
                path: path.to_owned(),
                diagnostic: lines.locate(issue),
            });
        }
        value
    };
    let config = match files
        .get("_config.yml")
        .map(|text| yaml("_config.yml", text))
    {
        Some(Value::Map(m)) => m,
        _ => Map::new(),
    };
    let reader = Reader::new(&config);
    let listed = language::configured_languages(&config).is_some();
    let languages = language::build_languages(&config);
    let mut data = Map::new();
    for (path, text) in files.range("_data/".to_owned()..) {
        let Some(name) = path.strip_prefix("_data/") else {
            break;
        };
        if let Some(key) = name
            .strip_suffix(".yml")
            .or_else(|| name.strip_suffix(".yaml"))
            .or_else(|| name.strip_suffix(".json"))
        {
            let value = yaml(path, text);
            insert_nested(&mut data, key, value);
        }
    }
    let mut translations = Map::new();
    let mut missing = Vec::new();
    for lang in &languages {
        let path = format!("_i18n/{lang}.yml");
        if let Some(text) = files.get(&path) {
            translations.insert(lang.clone(), yaml(&path, text));
        } else if let Some(config) = files.get("_config.yml").filter(|_| listed) {
            missing.push(missing_strings(config, lang));
        }
    }
    diagnostics.extend(missing);
    let posts = files
        .iter()
        .filter(|(p, _)| post_info::is_built_post_path(&reader, p))
        .map(|(p, t)| {
            let lang = language::build_language(p, &languages);
            PostInfo::read(p, t, &config, &lang, &languages, build_time)
        })
        .filter(|post| build::reads_post(&config, post, build_time))
        .collect();
    Derived {
        reader,
        kramdown: KramdownOptions::from_site(&config),
        config,
        languages,
        data,
        translations,
        posts,
        diagnostics,
        builds: Mutex::default(),
        checks: OnceLock::new(),
        published: OnceLock::new(),
        anchors: Mutex::default(),
        on_demand: build::OnDemandCache::default(),
        seo_texts: Mutex::default(),
    }
}

/// `_data/a/b.yml` is `site.data.a.b`.
fn insert_nested(data: &mut Map, key: &str, value: Value) {
    match key.split_once('/') {
        None => data.insert(key.to_owned(), value),
        Some((dir, rest)) => {
            let mut inner = match data.remove(dir) {
                Some(Value::Map(m)) => m,
                _ => Map::new(),
            };
            insert_nested(&mut inner, rest, value);
            data.insert(dir.to_owned(), Value::Map(inner));
        }
    }
}

#[cfg(test)]
mod tests;
