//! What the site's plugins give its layouts: `{% t key %}` from `_i18n/<lang>.yml`
//! (jekyll-multiple-languages-plugin's `LocalizeTag`: the key's dotted path in the language being
//! built, else in the default language), `{% seo %}` (jekyll-seo-tag, in `seo.rs`) and
//! `{% feed_meta %}` (jekyll-feed's `<link>` to its feed); `{% tf name %}`'s file and
//! converter.
//!
//! Jekyll's own tags that need the site, for post bodies and layouts: `{% post_url %}`
//! (`Jekyll::Tags::PostUrl`, its `PostComparer`) and `{% link %}` (`Jekyll::Tags::Link`), among
//! the posts of the language build (the plugin's `site.posts`) and the site's static files.

use super::post_info::PostInfo;
use crate::liquid::layout::{self, to_text};
use crate::value::{Map, Value};
use std::collections::BTreeMap;

pub struct Host<'a> {
    pub files: &'a BTreeMap<String, String>,
    pub translations: &'a Map,
    pub lang: &'a str,
    pub default_lang: &'a str,
    /// Every post of the site; the build's are those of `lang`.
    pub posts: &'a [PostInfo],
    /// The site's kramdown options, for the plugins that convert Markdown.
    pub kramdown: &'a crate::markdown::KramdownOptions,
    /// `_config.yml`, for its front matter `defaults:`.
    pub config: &'a Map,
    /// The site's texts as jekyll-seo-tag formats them, kept across pages.
    pub seo_texts: &'a super::seo::Formatted,
}

impl layout::Host for Host<'_> {
    fn include(&self, name: &str) -> Option<&str> {
        self.files
            .get(&format!("_includes/{name}"))
            .map(String::as_str)
    }

    /// `LocalizeTag`: the language's text if it is text and not empty; else, when it is nothing
    /// or empty, the default language's if that is text (even empty). Anything else makes the
    /// plugin raise (`String.new` of nil or of a map, `empty?` of a number): `None`.
    fn translate(&self, key: &str) -> Option<String> {
        let found = |lang: &str| -> Option<&Value> {
            let mut v = self.translations.get(lang)?;
            for part in key.split('.') {
                v = match v {
                    Value::List(items) => items.get(part.parse::<usize>().ok()?)?,
                    other => other.get(part)?,
                };
            }
            Some(v)
        };
        let empty = |v: &Value| match v {
            Value::Null => true,
            Value::String(s) => s.is_empty(),
            Value::List(items) => items.is_empty(),
            Value::Map(m) => m.is_empty(),
            _ => false,
        };
        let chosen = match found(self.lang) {
            Some(v) if !empty(v) => v,
            _ => found(self.default_lang)?,
        };
        match chosen {
            Value::String(s) => Some(s.clone()),
            _ => None,
        }
    }

    fn plugin_tag(&self, name: &str, scope: &layout::TagScope<'_>) -> Option<String> {
        match name {
            "seo" => Some(super::seo::seo(scope, self.kramdown, self.seo_texts)),
            "feed_meta" => Some(feed_meta(scope.site)),
            _ => None,
        }
    }

    fn has_site(&self) -> bool {
        true
    }

    /// `LocalizeInclude`: `_i18n/<lang>/<name>`, else (no such file there, or no such folder)
    /// the default language's. `Dir['**/*']` lists no hidden name, so none is found.
    fn translated_file(&self, name: &str) -> Option<(String, &str)> {
        if name.split('/').any(|part| part.starts_with('.')) {
            return None;
        }
        [self.lang, self.default_lang].iter().find_map(|lang| {
            let path = format!("_i18n/{lang}/{name}");
            let text = self.files.get(&path)?;
            Some((path, text.as_str()))
        })
    }

    fn convert(&self, name: &str, text: String) -> String {
        if crate::reader::Reader::new(self.config).is_markdown(name) {
            crate::markdown::render(&text, self.kramdown).html
        } else {
            text
        }
    }

    fn with_defaults(&self, path: &str, front: Map) -> Map {
        super::build::post_front(self.config, path, front)
    }

    /// A post of the build whose file name (less its extension) is `name`'s last part; the
    /// plugin's posts are under `_i18n/<lang>/_posts`, so Jekyll finds them by its fallback
    /// (date and slug), as here.
    fn post_url(&self, name: &str) -> Option<String> {
        let wanted = name.trim_start_matches('/').rsplit('/').next()?;
        let (date, slug) = split_date(wanted)?;
        self.build_posts()
            .find(|p| {
                let stem = file_stem(&p.path);
                stem == wanted
                    || (p.slug == slug && split_date(stem).is_some_and(|(d, _)| d == date))
            })
            .map(|p| p.url.clone())
    }

    fn link(&self, path: &str) -> Result<String, layout::LinkMiss> {
        let path = path.trim_start_matches('/');
        if let Some(post) = self.build_posts().find(|p| p.path == path) {
            return Ok(post.url.clone());
        }
        let hidden = path
            .split('/')
            .any(|part| part.starts_with('_') || part.starts_with('.'));
        match self.files.get(path) {
            // Another build's post, a layout, …: not a file of this build.
            _ if hidden => Err(layout::LinkMiss::NotFound),
            // Binary files (images, …) may not have been read into the site.
            None => Err(layout::LinkMiss::Unknown),
            Some(text) if text.starts_with("---\n") || text.starts_with("---\r\n") => {
                Err(layout::LinkMiss::Unresolved)
            }
            Some(_) => Ok(format!("/{path}")),
        }
    }
}

impl Host<'_> {
    /// The posts of the language build being rendered (the plugin's `site.posts`: `posts` holds
    /// the builds' posts only, drafts left out as Jekyll leaves them).
    fn build_posts(&self) -> impl Iterator<Item = &PostInfo> {
        self.posts
            .iter()
            .filter(|p| p.lang == self.lang && p.published)
    }
}

/// `YYYY-MM-DD-slug` split into its date and slug (`PostComparer::MATCHER`).
fn split_date(name: &str) -> Option<(&str, &str)> {
    let mut dashes = name.match_indices('-').map(|(i, _)| i);
    let (_, _, third) = (dashes.next()?, dashes.next()?, dashes.next()?);
    let date = &name[..third];
    let digits = date
        .split('-')
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    digits.then(|| (date, &name[third + 1..]))
}

fn file_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

fn text(v: Option<&Value>) -> String {
    v.filter(|v| !matches!(v, Value::Null))
        .map(to_text)
        .unwrap_or_default()
}

/// HTML attribute and text escaping.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// jekyll-feed's `<link>` to the Atom feed.
fn feed_meta(site: &Value) -> String {
    let title = text(site.get("title")).trim().to_owned();
    let title = if title.is_empty() {
        text(site.get("name"))
    } else {
        title
    };
    format!(
        "<link type=\"application/atom+xml\" rel=\"alternate\" href=\"{}\" title=\"{}\" />",
        // jekyll-feed makes the address with `absolute_url`, whose memo outlives the language
        // builds: every build gets the first (default language) build's address.
        esc(&format!(
            "{}{}/feed.xml",
            text(site.get("url")),
            text(site.get("baseurl_root"))
        )),
        esc(&title)
    )
}
