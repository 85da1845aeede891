//! `{% seo %}`: what jekyll-seo-tag 2.8.0 writes in `<head>` (its `Drop`, `ImageDrop`,
//! `AuthorDrop` and `JSONLDDrop`, through its template): the title (with the paginator's page),
//! description (`description`, else the post's excerpt, else the site's), canonical address,
//! Open Graph and Twitter tags, and the JSON-LD object. Each text goes through the plugin's
//! `format_string`: `markdownify`, `strip_html`, `normalize_whitespace`, `escape_once`. Its
//! `absolute_url` calls share the build's URL memo, as Jekyll's filter cache is shared.

use crate::liquid::layout::{to_text, TagScope};
use crate::liquid::url_memo::UrlMemo;
use crate::markdown::KramdownOptions;
use crate::value::Value;

/// The plugin's `format_string` of texts already formatted (the site's title, description and
/// tagline, which every page formats alike), by text.
pub type Formatted = std::sync::Mutex<std::collections::HashMap<String, Option<String>>>;

/// The tag's output for the page in `scope`; `site_texts` keeps the site's texts formatted.
pub fn seo(scope: &TagScope<'_>, kramdown: &KramdownOptions, site_texts: &Formatted) -> String {
    let d = Drop::new(scope, kramdown, site_texts);
    let mut lines: Vec<String> = vec!["<!-- Begin Jekyll SEO tag v2.8.0 -->".into()];
    let mut tag = |s: String| lines.push(s);
    if let Some(t) = d.title() {
        tag(format!("<title>{t}</title>"));
    }
    tag("<meta name=\"generator\" content=\"Jekyll v4.3.1\" />".into());
    if let Some(t) = &d.page_title {
        tag(format!("<meta property=\"og:title\" content=\"{t}\" />"));
    }
    if let Some(a) = &d.author_name {
        tag(format!("<meta name=\"author\" content=\"{a}\" />"));
    }
    tag(format!(
        "<meta property=\"og:locale\" content=\"{}\" />",
        d.locale()
    ));
    if let Some(desc) = &d.description {
        tag(format!("<meta name=\"description\" content=\"{desc}\" />"));
        tag(format!(
            "<meta property=\"og:description\" content=\"{desc}\" />"
        ));
    }
    let canonical = d.canonical_url();
    if truthy(scope.site.get("url")) {
        tag(format!("<link rel=\"canonical\" href=\"{canonical}\" />"));
        tag(format!(
            "<meta property=\"og:url\" content=\"{canonical}\" />"
        ));
    }
    if let Some(s) = &d.site_title {
        tag(format!(
            "<meta property=\"og:site_name\" content=\"{s}\" />"
        ));
    }
    let image = d.image();
    if let Some(img) = &image {
        tag(format!(
            "<meta property=\"og:image\" content=\"{}\" />",
            img.path
        ));
        for (key, v) in &img.extra {
            if ["height", "width", "alt"].contains(&key.as_str()) {
                tag(format!(
                    "<meta property=\"og:image:{key}\" content=\"{v}\" />"
                ));
            }
        }
    }
    let published = d.date_published();
    match &published {
        Some(date) => {
            tag("<meta property=\"og:type\" content=\"article\" />".into());
            tag(format!(
                "<meta property=\"article:published_time\" content=\"{date}\" />"
            ));
        }
        None => tag("<meta property=\"og:type\" content=\"website\" />".into()),
    }
    if let Some(p) = scope.locals.get("paginator") {
        for (rel, num, path) in [
            ("prev", "previous_page", "previous_page_path"),
            ("next", "next_page", "next_page_path"),
        ] {
            if truthy(p.get(num)) {
                let href = d.absolute_url(p.get(path).unwrap_or(&Value::Null));
                tag(format!("<link rel=\"{rel}\" href=\"{href}\" />"));
            }
        }
    }
    match &image {
        Some(img) => {
            let card = [
                scope.page.get("twitter").and_then(|t| t.get("card")),
                scope.site.get("twitter").and_then(|t| t.get("card")),
            ]
            .into_iter()
            .flatten()
            .find(|v| truthy(Some(v)))
            .map_or_else(|| "summary_large_image".to_owned(), to_text);
            tag(format!("<meta name=\"twitter:card\" content=\"{card}\" />"));
            tag(format!(
                "<meta property=\"twitter:image\" content=\"{}\" />",
                img.path
            ));
            if let Some((_, alt)) = img.extra.iter().find(|(k, _)| k == "alt") {
                tag(format!(
                    "<meta name=\"twitter:image:alt\" content=\"{alt}\" />"
                ));
            }
        }
        None => tag("<meta name=\"twitter:card\" content=\"summary\" />".into()),
    }
    if let Some(t) = &d.page_title {
        tag(format!(
            "<meta property=\"twitter:title\" content=\"{t}\" />"
        ));
    }
    site_accounts(scope.site, &mut tag);
    tag(format!(
        "<script type=\"application/ld+json\">\n{}</script>",
        d.json_ld(&canonical, image.as_ref(), published)
    ));
    tag("<!-- End Jekyll SEO tag -->".into());
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// The tags of the site's own accounts: Twitter, Facebook, webmaster verifications.
fn site_accounts(site: &Value, tag: &mut impl FnMut(String)) {
    if let Some(tw) = site.get("twitter").filter(|v| truthy(Some(v))) {
        let user = to_text(tw.get("username").unwrap_or(&Value::Null)).replace('@', "");
        tag(format!(
            "<meta name=\"twitter:site\" content=\"@{user}\" />"
        ));
    }
    if let Some(fb) = site.get("facebook").filter(|v| truthy(Some(v))) {
        for (key, attr, name) in [
            ("admins", "property", "fb:admins"),
            ("publisher", "property", "article:publisher"),
            ("app_id", "property", "fb:app_id"),
        ] {
            if let Some(v) = fb.get(key).filter(|v| truthy(Some(v))) {
                tag(format!(
                    "<meta {attr}=\"{name}\" content=\"{}\" />",
                    to_text(v)
                ));
            }
        }
    }
    let verifications = [
        ("google", "google-site-verification"),
        ("bing", "msvalidate.01"),
        ("alexa", "alexaVerifyID"),
        ("yandex", "yandex-verification"),
        ("baidu", "baidu-site-verification"),
        ("facebook", "facebook-domain-verification"),
    ];
    if let Some(w) = site
        .get("webmaster_verifications")
        .filter(|v| truthy(Some(v)))
    {
        for (key, name) in verifications {
            if let Some(v) = w.get(key).filter(|v| truthy(Some(v))) {
                tag(format!(
                    "<meta name=\"{name}\" content=\"{}\" />",
                    to_text(v)
                ));
            }
        }
    } else if let Some(v) = site
        .get("google_site_verification")
        .filter(|v| truthy(Some(v)))
    {
        tag(format!(
            "<meta name=\"google-site-verification\" content=\"{}\" />",
            to_text(v)
        ));
    }
}

/// Ruby's truth: anything but nil and false.
fn truthy(v: Option<&Value>) -> bool {
    !matches!(v, None | Some(Value::Null) | Some(Value::Bool(false)))
}

/// The page's image: its address and its other keys (`height`, `width`, `alt`, …).
pub struct Image {
    path: String,
    extra: Vec<(String, String)>,
}

/// The values the plugin's `Drop` computes once.
struct Drop<'s> {
    scope: &'s TagScope<'s>,
    site_title: Option<String>,
    site_description: Option<String>,
    site_tagline: Option<String>,
    page_title: Option<String>,
    description: Option<String>,
    author_name: Option<String>,
}

impl<'s> Drop<'s> {
    fn new(
        scope: &'s TagScope<'s>,
        kramdown: &KramdownOptions,
        site_texts: &Formatted,
    ) -> Drop<'s> {
        let (site, page) = (scope.site, scope.page);
        let f = |v: Option<&Value>| format_string(&text_of(v), kramdown);
        let kept = |v: Option<&Value>| {
            let text = text_of(v);
            let mut texts = site_texts.lock().unwrap_or_else(|e| e.into_inner());
            texts
                .entry(text)
                .or_insert_with_key(|t| format_string(t, kramdown))
                .clone()
        };
        let site_title = kept(
            site.get("title")
                .filter(|v| truthy(Some(v)))
                .or(site.get("name")),
        );
        let page_title = f(page.get("title")).or_else(|| site_title.clone());
        let site_description = kept(site.get("description"));
        let own = page.get("description").filter(|v| truthy(Some(v)));
        let description = f(own.or(page.get("excerpt"))).or_else(|| site_description.clone());
        Drop {
            scope,
            site_tagline: kept(site.get("tagline")),
            site_title,
            site_description,
            page_title,
            description,
            author_name: author_name(site, page),
        }
    }

    fn title(&self) -> Option<String> {
        let title = match (&self.site_title, &self.page_title) {
            (Some(s), Some(p)) if p != s => Some(format!("{p} | {s}")),
            (Some(s), _) if self.site_description.is_some() => {
                let tagline = self
                    .site_tagline
                    .as_ref()
                    .or(self.site_description.as_ref());
                Some(format!("{s} | {}", tagline.map_or("", String::as_str)))
            }
            (s, p) => p.clone().or_else(|| s.clone()),
        }?;
        Some(match self.page_number() {
            Some(n) => format!("{n}{title}"),
            None => title,
        })
    }

    /// "Page 2 of 4 for " on the pages of a pagination but the first.
    fn page_number(&self) -> Option<String> {
        let p = self.scope.locals.get("paginator")?;
        let current = match p.get("page") {
            Some(Value::Int(n)) => *n,
            _ => return None,
        };
        let total = to_text(p.get("total_pages").unwrap_or(&Value::Null));
        let message = self
            .scope
            .site
            .get("seo_paginator_message")
            .map_or_else(|| "Page %<current>s of %<total>s for ".to_owned(), to_text);
        (current > 1).then(|| {
            message
                .replace("%<current>s", &current.to_string())
                .replace("%<total>s", &total)
        })
    }

    fn locale(&self) -> String {
        let (site, page) = (self.scope.site, self.scope.page);
        let pick = |vs: [Option<&Value>; 2]| {
            vs.into_iter()
                .flatten()
                .find(|v| truthy(Some(v)))
                .map(to_text)
        };
        let lang = pick([page.get("lang"), site.get("lang")]).unwrap_or_else(|| "en_US".into());
        pick([page.get("locale"), site.get("locale")])
            .unwrap_or(lang)
            .replace('-', "_")
    }

    fn homepage_or_about(&self) -> bool {
        let url = to_text(self.scope.page.get("url").unwrap_or(&Value::Null));
        let rest = url.strip_prefix('/').unwrap_or("\u{0}");
        let rest = rest.strip_prefix("about/").unwrap_or(rest);
        ["", "index.htm", "index.html"].contains(&rest)
    }

    /// Jekyll's `absolute_url` through the build's memo (and, without `site.url`, its
    /// `relative_url`'s, which it calls).
    fn absolute_url(&self, input: &Value) -> String {
        let Some(text) = input.as_str() else {
            return to_text(input);
        };
        let memo: Option<&UrlMemo> = self.scope.url_memo;
        let site = self.scope.site;
        let relative_key = format!("relative_url:{text}");
        let absolute_key = format!("absolute_url:{text}");
        if let Some(v) = memo.and_then(|m| m.get(&absolute_key)) {
            return to_text(&v);
        }
        let no_url =
            !truthy(site.get("url")) || to_text(site.get("url").unwrap_or(&Value::Null)).is_empty();
        let cached = memo.filter(|_| no_url).and_then(|m| m.get(&relative_key));
        let out = match cached {
            Some(v) => to_text(&v),
            None => crate::ruby::addressable::absolute_url(input, site)
                .ok()
                .flatten()
                .unwrap_or_else(|| text.to_owned()),
        };
        if let Some(m) = memo {
            if no_url {
                m.record(relative_key, &Value::from(out.as_str()));
            }
            m.record(absolute_key, &Value::from(out.as_str()));
        }
        out
    }

    fn canonical_url(&self) -> String {
        let page = self.scope.page;
        let own = to_text(page.get("canonical_url").unwrap_or(&Value::Null));
        if !own.is_empty() {
            return own;
        }
        let url = self.absolute_url(page.get("url").unwrap_or(&Value::Null));
        match url.strip_suffix("/index.html") {
            Some(base) => format!("{base}/"),
            None => url,
        }
    }

    fn image(&self) -> Option<Image> {
        let (raw, extra) = match self.scope.page.get("image")? {
            Value::Map(m) => {
                let raw = m
                    .get("path")
                    .filter(|v| truthy(Some(v)))
                    .or_else(|| m.get("facebook"))
                    .or_else(|| m.get("twitter"))?
                    .clone();
                let extra = m
                    .iter()
                    .filter(|(k, _)| *k != "path")
                    .map(|(k, v)| (k.to_owned(), to_text(v)))
                    .collect();
                (raw, extra)
            }
            Value::String(s) => (Value::from(s.as_str()), Vec::new()),
            _ => return None,
        };
        if matches!(raw, Value::Null | Value::Bool(false)) {
            return None;
        }
        let absolute = match &raw {
            Value::String(s) if !crate::ruby::addressable::is_absolute(s).unwrap_or(false) => {
                self.absolute_url(&raw)
            }
            other => to_text(other),
        };
        Some(Image {
            path: uri_escape(&absolute),
            extra,
        })
    }

    fn date_published(&self) -> Option<String> {
        xmlschema(self.scope.page.get("date")?)
    }

    fn json_ld(&self, canonical: &str, image: Option<&Image>, published: Option<String>) -> String {
        let (site, page) = (self.scope.site, self.scope.page);
        let seo = page.get("seo").and_then(Value::as_map);
        let seo_get = |k: &str| seo.and_then(|m| m.get(k)).filter(|v| truthy(Some(v)));
        let kind = seo_get("type").map(to_text).unwrap_or_else(|| {
            if self.homepage_or_about() {
                "WebSite".into()
            } else if truthy(page.get("date")) {
                "BlogPosting".into()
            } else {
                "WebPage".into()
            }
        });
        let modified = seo_get("date_modified")
            .or_else(|| page.get("last_modified_at").filter(|v| truthy(Some(v))))
            .or_else(|| page.get("date").filter(|v| truthy(Some(v))))
            .and_then(xmlschema);
        let name = self.name();
        let mut fields: Vec<(&str, String)> = vec![
            ("@context", json_string("https://schema.org")),
            ("@type", json_string(&kind)),
        ];
        if let Some(a) = &self.author_name {
            fields.push((
                "author",
                format!("{{\"@type\":\"Person\",\"name\":{}}}", json_string(a)),
            ));
        }
        if let Some(m) = modified {
            fields.push(("dateModified", json_string(&m)));
        }
        if let Some(p) = published {
            fields.push(("datePublished", json_string(&p)));
        }
        if let Some(d) = &self.description {
            fields.push(("description", json_string(d)));
        }
        if let Some(t) = &self.page_title {
            fields.push(("headline", json_string(t)));
        }
        if let Some(img) = image {
            fields.push(("image", image_json(img)));
        }
        if ["BlogPosting", "CreativeWork"].contains(&kind.as_str()) {
            fields.push((
                "mainEntityOfPage",
                format!(
                    "{{\"@type\":\"WebPage\",\"@id\":{}}}",
                    json_string(canonical)
                ),
            ));
        }
        if let Some(n) = name {
            fields.push(("name", json_string(&n)));
        }
        if let Some(logo) = site.get("logo").filter(|v| truthy(Some(v))) {
            let url = match logo.as_str() {
                Some(s) if crate::ruby::addressable::is_absolute(s).unwrap_or(false) => {
                    s.to_owned()
                }
                _ => self.absolute_url(logo),
            };
            let mut publisher = format!(
                "{{\"@type\":\"Organization\",\"logo\":{{\"@type\":\"ImageObject\",\"url\":{}}}",
                json_string(&uri_escape(&url))
            );
            if let Some(a) = &self.author_name {
                publisher.push_str(&format!(",\"name\":{}", json_string(a)));
            }
            publisher.push('}');
            fields.push(("publisher", publisher));
        }
        fields.push(("url", json_string(canonical)));
        fields.sort_by(|a, b| a.0.cmp(b.0));
        let body: Vec<String> = fields
            .into_iter()
            .map(|(k, v)| format!("{}:{v}", json_string(k)))
            .collect();
        format!("{{{}}}", body.join(","))
    }

    /// The JSON-LD `name`: the page's `seo.name`, else on the home or about page the site's.
    fn name(&self) -> Option<String> {
        let page = self.scope.page;
        if let Some(n) = page
            .get("seo")
            .and_then(|s| s.get("name"))
            .filter(|v| truthy(Some(v)))
        {
            return Some(to_text(n));
        }
        if !self.homepage_or_about() {
            return None;
        }
        let social = self.scope.site.get("social").and_then(|s| s.get("name"));
        social
            .filter(|v| truthy(Some(v)))
            .map(to_text)
            .or_else(|| self.site_title.clone())
    }
}

/// The JSON-LD `image`: the address alone, or an `imageObject` with the other keys.
fn image_json(img: &Image) -> String {
    if img.extra.is_empty() {
        return json_string(&img.path);
    }
    let mut fields: Vec<(String, String)> = img
        .extra
        .iter()
        .map(|(k, v)| (k.clone(), json_string(v)))
        .collect();
    fields.push(("url".into(), json_string(&img.path)));
    fields.push(("@type".into(), json_string("imageObject")));
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}:{v}", json_string(k)))
        .collect();
    format!("{{{}}}", body.join(","))
}

/// The author's name: the page's `author` (or first of `authors`), else the site's; a name
/// `site.data.authors` knows gives that entry's.
fn author_name(site: &Value, page: &Value) -> Option<String> {
    let first = |v: &Value| match v {
        Value::List(l) => l.first().cloned(),
        other => Some(other.clone()),
    };
    let author = page
        .get("author")
        .filter(|v| truthy(Some(v)))
        .cloned()
        .or_else(|| page.get("authors").and_then(first))
        .or_else(|| site.get("author").cloned())
        .filter(|v| truthy(Some(v)))?;
    match &author {
        Value::Map(m) => m.get("name").map(to_text),
        other => {
            let name = to_text(other);
            let known = site
                .get("data")
                .and_then(|d| d.get("authors"))
                .and_then(|a| a.get(&name))
                .and_then(|a| a.get("name"))
                .map(to_text);
            Some(known.unwrap_or(name))
        }
    }
}

/// A value as the plugin's `format_string` reads it, nothing for nil.
fn text_of(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(v) => to_text(v),
    }
}

/// The plugin's `format_string`: Markdown to HTML, tags stripped, white space collapsed, HTML
/// escaped once; `None` when nothing is left.
fn format_string(text: &str, kramdown: &KramdownOptions) -> Option<String> {
    let html = crate::markdown::render(text, kramdown).html;
    let stripped = crate::liquid::strip_html(&html);
    let out = crate::liquid::escape_once(&crate::liquid::normalize_whitespace(&stripped));
    (!out.is_empty()).then_some(out)
}

/// Jekyll's `date_to_xmlschema` (a date it cannot read stays as written).
fn xmlschema(v: &Value) -> Option<String> {
    if to_text(v).is_empty() {
        return None;
    }
    Some(crate::liquid::local_time(v, crate::liquid::XMLSCHEMA).unwrap_or_else(|_| to_text(v)))
}

/// Jekyll's `uri_escape` (`Addressable::URI.normalize_component`) on an address already
/// normalized: what is neither reserved nor unreserved is percent-encoded, escapes kept.
fn uri_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// A string as Ruby's `to_json` writes it (`liquid::json_string`, as `jsonify` does).
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    crate::liquid::json_string(s, &mut out);
    out
}
