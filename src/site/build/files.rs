//! Which files one language build writes, and where (Jekyll 4.3.1's `Reader`, `Page#template`,
//! `Page#destination`, `Document#destination` and `Jekyll::URL`; the multiple-languages plugin's
//! `permalink_<lang>`, its `languages:` front matter filter of pages, and its removal of the
//! static files under `exclude_from_localizations` from every build but the default one).

use super::super::post_info::escape_path;
use super::super::Site;
use crate::reader::{has_front_matter, Kind};
use crate::value::{Map, Value};

/// The sources of one language build.
pub struct Plan {
    /// The posts it publishes (`_i18n/<lang>/_posts`, `published` not false), oldest first:
    /// each path and where it is written (without the language folder).
    pub posts: Vec<(String, String)>,
    /// The files with front matter outside the underscore folders.
    pub pages: Vec<String>,
    /// Every static file of the site (the plugins see them all).
    pub statics: Vec<String>,
    /// `exclude_from_localizations` in a build but the default one: the paths it does not copy.
    excluded: Vec<String>,
}

impl Plan {
    /// Whether the build copies the static file at `path`.
    pub fn copies(&self, path: &str) -> bool {
        !self.excluded.iter().any(|e| under(path, e))
    }
}

/// What the build of `lang` reads; `default` is the first language, which keeps every static
/// file.
pub fn plan(site: &Site, lang: &str, default: bool) -> Plan {
    let d = &site.derived;
    // Written oldest first, as the collection is sorted: of two posts at one URL the newer stays.
    let mut built: Vec<_> = d
        .posts
        .iter()
        .filter(|p| p.lang == lang && p.published)
        .collect();
    crate::sort::by(&mut built, |a, b| {
        (a.time_key(), &a.path).cmp(&(b.time_key(), &b.path))
    });
    let posts = built
        .into_iter()
        .map(|p| (p.path.clone(), post_destination(&p.url)))
        .collect();
    let mut pages = Vec::new();
    let mut statics = Vec::new();
    for (path, text) in &site.files {
        match d.reader.kind(path, has_front_matter(text)) {
            Kind::Page if in_language(&d.config, path, text, lang) => pages.push(path.clone()),
            Kind::Static => statics.push(path.clone()),
            _ => {}
        }
    }
    for path in &site.assets {
        if !site.files.contains_key(path) && d.reader.kind(path, false) == Kind::Static {
            statics.push(path.clone());
        }
    }
    let excluded = if default {
        Vec::new()
    } else {
        excluded_from_localizations(&d.config)
    };
    statics.sort();
    Plan {
        posts,
        pages,
        statics,
        excluded,
    }
}

/// Whether the build of `lang` writes the page: not `published: false`, and when its front
/// matter lists `languages:`, only those languages' builds.
fn in_language(config: &Map, path: &str, text: &str, lang: &str) -> bool {
    let (front, _) = super::defaults::page_front(config, path, text);
    if matches!(front.get("published"), Some(Value::Bool(false))) {
        return false;
    }
    match front.get("languages") {
        Some(Value::List(list)) => list.iter().any(|l| super::text(Some(l)) == lang),
        Some(Value::Null) | None => true,
        Some(other) => super::text(Some(other)).contains(lang),
    }
}

/// `exclude_from_localizations:` as a list of paths.
fn excluded_from_localizations(config: &Map) -> Vec<String> {
    match config.get("exclude_from_localizations") {
        Some(Value::List(list)) => list
            .iter()
            .map(|v| super::text(Some(v)).trim_matches('/').to_owned())
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether `path` is `prefix` or in it (the plugin compares each of the path's ancestors).
fn under(path: &str, prefix: &str) -> bool {
    path == prefix
        || path
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Where a static file is written: its own path.
pub fn static_destination(path: &str) -> String {
    path.to_owned()
}

/// Where a post whose URL is `url` is written (`Document#destination`, without the language
/// folder).
fn post_destination(url: &str) -> String {
    let mut dest = crate::ruby::addressable::unencode(url);
    if url.ends_with('/') {
        dest.push_str("index.html");
    } else if !dest.ends_with(".html") {
        dest.push_str(".html");
    }
    in_destination(&dest)
}

/// `Jekyll.sanitized_path` under `_site/`: the path expanded from the root, so that `..` (an
/// escaped `%2E%2E` in a URL, say) never leads out of it; without a leading `/`.
fn in_destination(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// A page's URL and where it is written, from its folder (`""` at the root, `/page2/` for a
/// page jekyll-paginate made), file name and front matter.
pub struct PageUrl {
    pub url: String,
    pub destination: String,
}

/// `Page#url` and `Page#destination`.
pub fn page_url(site: &Site, dir: &str, name: &str, front: &Map, lang: &str) -> PageUrl {
    let d = &site.derived;
    let ext = name.rfind('.').map_or("", |i| &name[i..]);
    let basename = name[..name.len() - ext.len()].trim_end_matches('.');
    let output_ext = if d.reader.is_markdown(name) {
        ".html".to_owned()
    } else {
        ext.to_owned()
    };
    let html = [".html", ".xhtml", ".htm"].contains(&output_ext.as_str());
    let template = if !html {
        "/:path/:basename:output_ext".to_owned()
    } else if basename == "index" {
        "/:path/".to_owned()
    } else {
        with_permalink_suffix("/:path/:basename", &super::text(d.config.get("permalink")))
    };
    let permalink = front
        .get(&format!("permalink_{lang}"))
        .or_else(|| front.get("permalink"))
        .filter(|v| !matches!(v, Value::Null))
        .map(|v| super::text(Some(v)));
    let placeholders = [
        ("path", dir),
        ("basename", basename),
        ("output_ext", &output_ext),
    ];
    let url = sanitize(&fill(
        permalink.as_deref().unwrap_or(&template),
        &placeholders,
    ));
    let mut destination = crate::ruby::addressable::unencode(&url);
    if url.ends_with('/') {
        destination.push_str("index");
    }
    if !destination.ends_with(&output_ext) {
        destination.push_str(&output_ext);
    }
    PageUrl {
        url,
        destination: in_destination(&destination),
    }
}

/// `Utils.add_permalink_suffix`: how the site's `permalink` style ends a page's URL.
fn with_permalink_suffix(template: &str, style: &str) -> String {
    let style = if style.is_empty() { "date" } else { style };
    let mut t = template.to_owned();
    match style {
        "pretty" => t.push('/'),
        "date" | "ordinal" | "none" => t.push_str(":output_ext"),
        _ => {
            if style.ends_with('/') {
                t.push('/');
            }
            if style.ends_with(":output_ext") {
                t.push_str(":output_ext");
            }
        }
    }
    t
}

/// `URL#generate_url_from_hash`: each placeholder in turn replaced by its escaped value.
fn fill(template: &str, placeholders: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (key, value) in placeholders {
        if !out.contains(':') {
            break;
        }
        out = out.replace(&format!(":{key}"), &escape_path(value));
    }
    out
}

/// `URL#sanitize_url`: a leading `/`, `..` made `/`, `./` taken out, runs of `/` squeezed.
fn sanitize(url: &str) -> String {
    let s = format!("/{url}").replace("..", "/").replace("./", "");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !(c == '/' && out.ends_with('/')) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_should_follow_jekyll_s_page_templates() {
        assert_eq!(
            sanitize("//page2//"),
            "/page2/",
            "runs of / should be squeezed"
        );
        assert_eq!(
            sanitize("404.html"),
            "/404.html",
            "a leading / should be added"
        );
        assert_eq!(
            with_permalink_suffix("/:path/:basename", "/:year/:month/:day/:title"),
            "/:path/:basename",
            "a custom style without / or :output_ext should add nothing"
        );
        assert_eq!(
            with_permalink_suffix("/:path/:basename", "pretty"),
            "/:path/:basename/",
            "the pretty style should end in /"
        );
        assert_eq!(
            fill(
                "/:path/:basename:output_ext",
                &[("path", ""), ("basename", "a b"), ("output_ext", ".xml")]
            ),
            "//a%20b.xml",
            "placeholders should be replaced by their escaped values"
        );
        assert_eq!(
            crate::ruby::addressable::unencode("/a%20b%E3%81%82"),
            "/a bあ",
            "percent escapes should be decoded"
        );
        assert!(
            under("assets/css/a.css", "assets"),
            "a file in an excluded folder should be excluded"
        );
        assert!(
            !under("assetsx/a.css", "assets"),
            "a folder whose name only starts the same should not"
        );
    }
}
