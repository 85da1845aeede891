//! What a caller can tell `render_post` about the site a post belongs to.

use crate::diagnostic::{Diagnostic, LineIndex};
use crate::value::{Map, Value};

/// Options of `render_post`.
///
/// ```
/// use postview::{render_post, Options, Value};
/// let mut options = Options::default();
/// options.set_site_value("baseurl_root", Value::from("/news"));
/// let post = render_post("---\ntitle: Hi\n---\n![]({{ site.baseurl_root }}/a.png)\n", &options);
/// assert!(post.html.contains(r#"src="/news/a.png""#));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// The Liquid `site` object. `baseurl_root` is `""` unless given, as the site's
    /// multiple-languages plugin sets it for a site served from its root.
    pub site: Map,
    /// The site's language codes, in its order: the front matter keys that name a translation
    /// (a key beyond them that looks like a language code and names a post counts too, after
    /// them; see `Rendered::translations`).
    pub languages: Vec<String>,
    /// The post's path in the site (e.g. `_i18n/ja/_posts/2021-01-20-masknetwork.md`), if known:
    /// it supplies the language and the date when the front matter lacks them, as Jekyll does.
    pub path: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        let mut site = Map::new();
        site.insert("baseurl_root".into(), Value::from(""));
        Options {
            site,
            languages: crate::language::default_languages(),
            path: None,
        }
    }
}

impl Options {
    /// Sets one key of `site`, keeping the others.
    pub fn set_site_value(&mut self, key: &str, value: Value) {
        self.site.insert(key.to_owned(), value);
    }

    /// Options for the posts of a site, from the text of its `_config.yml`: `site` is the
    /// configuration laid over the default `site`, `languages` its `languages:` list (else the
    /// default one). The YAML's problems come back as diagnostics of that file; whatever reads
    /// is kept.
    ///
    /// ```
    /// use postview::{render_post, Options};
    /// let (options, problems) = Options::from_config("kramdown:\n  auto_ids: false\nlanguages: [en, de]\n");
    /// assert!(problems.is_empty());
    /// assert_eq!(options.languages, ["en", "de"]);
    /// assert_eq!(render_post("# Hi\n", &options).html, "<h1>Hi</h1>\n");
    /// ```
    pub fn from_config(config_yml: &str) -> (Options, Vec<Diagnostic>) {
        let text = crate::source_text(config_yml);
        let (config, issues) = crate::front_matter::parse(&text);
        let lines = LineIndex::new(&text);
        let mut options = Options::with_site(config);
        options.languages = crate::language::build_languages(&options.site);
        (
            options,
            issues.into_iter().map(|i| lines.locate(i)).collect(),
        )
    }

    /// Options whose `site` is `site` laid over the default `site`.
    pub fn with_site(site: Map) -> Self {
        let mut options = Options::default();
        for (k, v) in site.iter() {
            options.site.insert(k.to_owned(), v.clone());
        }
        options
    }
}
