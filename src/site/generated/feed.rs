//! jekyll-feed 0.17's Atom feed of a build's posts (`feed.xml`, or `feed: path:`), as its
//! `feed.xml` template writes it for the posts collection: the template with the white space
//! after each `>` and `}` removed (the plugin's minifying), so the file is one line but for what
//! the posts' content holds. Each language build of jekyll-multiple-languages-plugin writes its
//! own, of its own posts, at the same `page.url` (the plugin writes it under `/<lang>/`).
//!
//! What the template does and this writes the same way: the newest `posts_limit` (10) posts not
//! drafts, sorted by date; titles through `smartify`, `strip_html`, `normalize_whitespace`,
//! `xml_escape`; the content stripped in CDATA unless `excerpt_only`; the author from the post,
//! its `authors`, the site, then `site.data.authors`; `category`/`categories` and `tags` as
//! `<category>`; a summary from `description` or the excerpt; the image as media elements.
//! The feeds of `feed: categories:` (`/feed/<category>.xml`, the posts of one category, its
//! name in the title) and of `feed: tags:` (`/feed/by_tag/<tag>.xml`) are the same template
//! over fewer posts (`Selection`).

use super::text::{default, field, first, plain, text, truthy, xml_escape, Writer};
use super::{BuildInfo, Document, Generated};
use crate::liquid::smartify;
use crate::ruby;
use crate::value::{Map, Value};

/// The Jekyll version the feed's `<generator>` names (the oracle's).
const JEKYLL_VERSION: &str = "4.3.1";
const MEDIA: &str = "http://search.yahoo.com/mrss/";

/// The feed at `url` (`/feed.xml`) of one build, whose posts are `posts` in the collection's
/// order (oldest first, as for the sitemap). `xsl`: the site has a `feed.xslt.xml`. `memo`: the
/// `absolute_url` results of the site's earlier builds (see `Writer::absolute_url`), added to.
/// jekyll-feed writes none where the site's source has a file at that path.
pub fn feed_xml(
    build: &BuildInfo,
    memo: &mut Map,
    url: &str,
    xsl: bool,
    posts: &[Document],
) -> Generated {
    feed_xml_of(build, memo, url, xsl, posts, &Selection::default())
}

/// Which posts a feed carries: all, or one category's (`page.category`), or one tag's
/// (`page.tags`).
#[derive(Default)]
pub struct Selection {
    pub category: Option<String>,
    pub tag: Option<String>,
}

impl Selection {
    /// Whether the feed carries `post` (`site.tags[tag]`; Jekyll's `where: "categories"`,
    /// true when any of them prints as the category).
    fn carries(&self, post: &Document) -> bool {
        let has = |list: &Value, name: &str| {
            let mut found = false;
            each(list, |v| found |= text(v) == name);
            found
        };
        self.tag.as_deref().is_none_or(|t| has(&post.tags, t))
            && self
                .category
                .as_deref()
                .is_none_or(|c| has(&post.categories, c))
    }
}

/// `feed_xml` of the posts `selection` chooses.
pub fn feed_xml_of(
    build: &BuildInfo,
    memo: &mut Map,
    url: &str,
    xsl: bool,
    posts: &[Document],
    selection: &Selection,
) -> Generated {
    let mut w = Writer::new(build, memo);
    head(&mut w, build, url, xsl, selection.category.as_deref());
    let limit = match default(field(&build.feed, "posts_limit"), &Value::Int(10)) {
        Value::Int(n) => *n,
        other => ruby::to_i(other),
    };
    let mut chosen = newest(build, posts);
    chosen.retain(|p| selection.carries(p));
    for post in chosen.into_iter().take(usize::try_from(limit).unwrap_or(0)) {
        entry(&mut w, build, post);
    }
    w.push("</feed>");
    Generated {
        text: w.out,
        problems: w.problems,
    }
}

/// The posts of the feed: `site.posts` (newest first), drafts left out (unless `show_drafts`),
/// then `sort: "date" | reverse`. Ruby's sort promises no order for posts of one date; it kept
/// the order it got them in on every build measured (the fixtures' two posts of one day, the
/// shared site's feeds), which a stable sort gives; each date is read once, not at each
/// comparison.
fn newest<'a>(build: &BuildInfo, posts: &'a [Document]) -> Vec<&'a Document> {
    let mut chosen: Vec<&Document> = posts
        .iter()
        .rev()
        .filter(|p| build.show_drafts || !p.draft)
        .collect();
    chosen.sort_by_cached_key(|p| seconds(&p.date));
    chosen.reverse();
    chosen
}

/// A date's seconds since 1970, which Ruby's `Time#<=>` compares.
fn seconds(date: &Value) -> i64 {
    crate::liquid::local_time(date, "%s")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn head(w: &mut Writer<'_>, build: &BuildInfo, url: &str, xsl: bool, category: Option<&str>) {
    w.push(r#"<?xml version="1.0" encoding="utf-8"?>"#);
    if xsl {
        let href = w.absolute_url(&Value::from("/feed.xslt.xml"));
        w.push(r#"<?xml-stylesheet type="text/xml" href=""#);
        w.print(&href);
        w.push(r#""?>"#);
    }
    let lang = truthy(&build.lang);
    w.push(r#"<feed xmlns="http://www.w3.org/2005/Atom" "#);
    if lang {
        w.push(r#"xml:lang=""#);
        w.print(&build.lang);
        w.push("\"");
    }
    w.push(r#"><generator uri="https://jekyllrb.com/" version=""#);
    w.push(JEKYLL_VERSION);
    w.push(r#"">Jekyll</generator><link href=""#);
    let self_url = w.absolute_url(&Value::from(url));
    w.print(&self_url);
    w.push(r#"" rel="self" type="application/atom+xml" /><link href=""#);
    let home = w.absolute_url(&Value::from("/"));
    w.print(&home);
    w.push(r#"" rel="alternate" type="text/html" "#);
    if lang {
        w.push(r#"hreflang=""#);
        w.print(&build.lang);
        w.push("\" ");
    }
    w.push("/><updated>");
    let updated = w.xmlschema(&build.time);
    w.print(&updated);
    w.push("</updated><id>");
    w.push(&xml_escape(&self_url));
    w.push("</id>");
    let mut title = default(&build.title, &build.name).clone();
    if let Some(category) = category {
        title = Value::String(format!("{} | {}", text(&title), capitalize(category)));
    }
    if truthy(&title) {
        w.push(r#"<title type="html">"#);
        w.push(&xml_escape(&smartify(&title)));
        w.push("</title>");
    }
    if truthy(&build.description) {
        w.push("<subtitle>");
        w.push(&xml_escape(&build.description));
        w.push("</subtitle>");
    }
    site_author(w, &build.author);
}

/// Liquid's `capitalize` (Ruby's `String#capitalize`): the first letter upper case, the rest
/// lower.
fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

fn site_author(w: &mut Writer<'_>, author: &Value) {
    if !truthy(author) {
        return;
    }
    w.push("<author><name>");
    w.push(&xml_escape(default(field(author, "name"), author)));
    w.push("</name>");
    contact(w, field(author, "email"), field(author, "uri"));
    w.push("</author>");
}

/// The `<email>` and `<uri>` of an author, each when it is set.
fn contact(w: &mut Writer<'_>, email: &Value, uri: &Value) {
    if truthy(email) {
        w.push("<email>");
        w.push(&xml_escape(email));
        w.push("</email>");
    }
    if truthy(uri) {
        w.push("<uri>");
        w.push(&xml_escape(uri));
        w.push("</uri>");
    }
}

fn entry(w: &mut Writer<'_>, build: &BuildInfo, post: &Document) {
    w.push("<entry");
    if truthy(&post.lang) {
        w.push(r#" xml:lang=""#);
        w.print(&post.lang);
        w.push("\"");
    }
    let title = escape_text(&plain(&smartify(&post.title)));
    w.push(r#"><title type="html">"#);
    w.push(&title);
    w.push(r#"</title><link href=""#);
    let url = w.absolute_url(&Value::from(post.url.as_str()));
    w.print(&url);
    w.push(r#"" rel="alternate" type="text/html" title=""#);
    w.push(&title);
    w.push(r#"" /><published>"#);
    let published = w.xmlschema(&post.date);
    w.print(&published);
    w.push("</published><updated>");
    let updated = w.xmlschema(default(&post.last_modified_at, &post.date));
    w.print(&updated);
    w.push("</updated><id>");
    let id = w.absolute_url(&Value::from(post.id.as_str()));
    w.push(&xml_escape(&id));
    w.push("</id>");
    let excerpt_only = default(
        field(&post.feed, "excerpt_only"),
        field(&build.feed, "excerpt_only"),
    );
    if !truthy(excerpt_only) {
        w.push(r#"<content type="html" xml:base=""#);
        w.push(&xml_escape(&url));
        w.push(r#""><![CDATA["#);
        w.push(ruby::strip(&post.content));
        w.push("]]></content>");
    }
    post_author(w, build, post);
    categories(w, post);
    summary(w, post);
    image(w, post);
    w.push("</entry>");
}

/// `xml_escape` of text a filter already made.
fn escape_text(s: &str) -> String {
    xml_escape(&Value::from(s))
}

fn post_author(w: &mut Writer<'_>, build: &BuildInfo, post: &Document) {
    let named = default(default(&post.author, first(&post.authors)), &build.author);
    let known = match named {
        Value::String(name) => field(&build.data_authors, name),
        _ => &Value::Null,
    };
    let author = default(known, named);
    let name = default(field(author, "name"), author);
    w.push("<author><name>");
    w.push(&xml_escape(default(name, &Value::from(""))));
    w.push("</name>");
    contact(w, field(author, "email"), field(author, "uri"));
    w.push("</author>");
}

fn categories(w: &mut Writer<'_>, post: &Document) {
    let term = |w: &mut Writer<'_>, v: &Value| {
        w.push(r#"<category term=""#);
        w.push(&xml_escape(v));
        w.push(r#"" />"#);
    };
    if truthy(&post.category) {
        term(w, &post.category);
    } else if truthy(&post.categories) {
        each(&post.categories, |v| term(w, v));
    }
    each(&post.tags, |v| term(w, v));
}

/// `{% for x in value %}`: a list's items; a map or text is one item; nil none.
fn each(value: &Value, mut f: impl FnMut(&Value)) {
    match value {
        Value::List(items) => items.iter().for_each(f),
        Value::Null => {}
        Value::String(s) if s.is_empty() => {}
        other => f(other),
    }
}

fn summary(w: &mut Writer<'_>, post: &Document) {
    let summary = default(&post.description, &post.excerpt);
    let empty = matches!(summary, Value::String(s) if s.is_empty());
    if truthy(summary) && !empty {
        w.push(r#"<summary type="html"><![CDATA["#);
        w.push(&plain(summary));
        w.push("]]></summary>");
    }
}

fn image(w: &mut Writer<'_>, post: &Document) {
    let mut image = default(field(&post.image, "path"), &post.image).clone();
    if !truthy(&image) {
        return;
    }
    if !text(&image).contains("://") {
        image = w.absolute_url(&image);
    }
    let url = xml_escape(&image);
    w.push(r#"<media:thumbnail xmlns:media=""#);
    w.push(MEDIA);
    w.push(r#"" url=""#);
    w.push(&url);
    w.push(r#"" /><media:content medium="image" url=""#);
    w.push(&url);
    w.push(r#"" xmlns:media=""#);
    w.push(MEDIA);
    w.push(r#"" />"#);
}
