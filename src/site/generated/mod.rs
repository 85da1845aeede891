//! The files a whole build writes that no source file holds, and what only a whole build knows:
//!
//! - `feed`: jekyll-feed 0.17's `feed.xml` (an Atom feed of the newest posts);
//! - `sitemap`: jekyll-sitemap 1.4's `sitemap.xml` and `robots.txt`;
//! - `doctor`: `jekyll doctor`'s checks of the URLs a build writes (one URL written twice, URLs
//!   that differ only by case or by Unicode normalisation); `written`: where the posts are
//!   written, for those checks in `postview check`.
//!
//! Each is a pure function over plain data the builder fills from what it knows of each post,
//! page and static file (`Document`, `Page`, `StaticFile`) and of the language build
//! (`BuildInfo`); the plugins' templates are Liquid, rendered here as Rust that writes the same
//! bytes (the templates' white space already minified as the plugins minify it). Values the
//! templates test with Liquid's rules (truthiness, `default`) stay `Value`s, so a front matter
//! key of any type reaches the output as Jekyll prints it.
//!
//! The plugins' versions are the Debian packages `../shared/tools/build_site.sh` builds with;
//! `tests/fixtures/generated/` holds what they wrote for small sites and for the shared site.
//!
//! Jekyll keeps every `absolute_url` result for the rest of the site's builds, so what a later
//! language build writes depends on what the earlier ones computed: the generators take one
//! memo for the whole site (`absolute_url:<text>` → address, as `Site` keeps its own), called
//! build after build in the languages' order, and the builder adds what the earlier builds'
//! pages computed besides (jekyll-seo-tag's address of each post's `image`, which the shared
//! site's `ja` feed shows).

// `Site::build` (src/site/build/) is what calls the generators; where it is not compiled in,
// only the tests do.
#![cfg_attr(not(test), allow(dead_code))]

mod doctor;
mod feed;
mod sitemap;
mod text;
mod written;

#[cfg(test)]
mod shared_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod xml_form;

use crate::value::Value;

#[cfg_attr(not(test), allow(unused_imports))]
pub(crate) use doctor::{doctor, Written};
#[cfg_attr(not(test), allow(unused_imports))]
pub(crate) use feed::{feed_xml, feed_xml_of, Selection};
#[cfg_attr(not(test), allow(unused_imports))]
pub(crate) use sitemap::{robots_txt, sitemap_xml};
pub(crate) use written::post_findings;

/// What one language build's `site` holds that the generated files read.
#[derive(Clone, Debug, Default)]
pub struct BuildInfo {
    /// `_config.yml` `url` (`absolute_url` prefixes it; empty: URLs stay relative).
    pub url: Value,
    /// `baseurl` as `absolute_url` reads it (`site.config["baseurl"]`: in a language build of
    /// jekyll-multiple-languages-plugin still the configured one, without the language).
    pub baseurl: Value,
    /// `site.title`, else `site.name`.
    pub title: Value,
    pub name: Value,
    pub description: Value,
    /// `site.author`: a name, or a map with `name`, `email`, `uri`.
    pub author: Value,
    /// `site.lang`: the language of the build.
    pub lang: Value,
    /// `site.time` as Liquid prints it (`2026-01-01 00:00:00 +0000`).
    pub time: Value,
    /// `_config.yml` `feed:` (`posts_limit`, `excerpt_only`, `path`).
    pub feed: Value,
    /// `site.data.authors`, where a post's author name is looked up.
    pub data_authors: Value,
    /// `site.show_drafts`: drafts are in the feed only then.
    pub show_drafts: bool,
}

/// A document of a collection (a post) as the feed and the sitemap read it: its Liquid values,
/// with the rendered `content` and `excerpt`.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// `post.url` (`/2021/07/07/slug`, with `/ja` in the `ja` build).
    pub url: String,
    /// `post.id` (Jekyll's `Document#id`: the URL's folder and the slug).
    pub id: String,
    /// `post.date` as Liquid prints it.
    pub date: Value,
    pub last_modified_at: Value,
    pub title: Value,
    /// The rendered body, before the layout (`post.content` once the post is rendered).
    pub content: String,
    /// `post.excerpt`, rendered (`Value::Null` when there is none).
    pub excerpt: Value,
    pub description: Value,
    pub author: Value,
    pub authors: Value,
    pub category: Value,
    pub categories: Value,
    pub tags: Value,
    pub image: Value,
    /// The front matter's `lang` (each entry's `xml:lang`).
    pub lang: Value,
    pub draft: bool,
    /// The front matter's `sitemap` (`false` leaves the document out of `sitemap.xml`).
    pub sitemap: Value,
    /// The front matter's `feed` (`feed.excerpt_only`).
    pub feed: Value,
}

/// A page of the build (`site.pages`, in their order, generated pages such as pagination's
/// included) as the sitemap reads it.
#[derive(Clone, Debug, Default)]
pub struct Page {
    /// `page.url` (`/`, `/page2/`, `/about.html`).
    pub url: String,
    /// Whether its output is HTML (`.html`, `.xhtml`, `.htm`).
    pub html: bool,
    pub sitemap: Value,
    pub last_modified_at: Value,
}

/// A static file of the build as the sitemap reads it.
#[derive(Clone, Debug, Default)]
pub struct StaticFile {
    /// Its path from the site's root with a leading `/` (`/admin/index.html`).
    pub path: String,
    /// Its modification time as Liquid prints it (`2026-12-07 20:19:03 +0000`).
    pub modified_time: Value,
    /// The front matter defaults' `sitemap` for its path.
    pub sitemap: Value,
}

/// One file a generator made, with what Jekyll would have stopped on.
#[derive(Clone, Debug, PartialEq)]
pub struct Generated {
    pub text: String,
    /// Where the plugin's template would raise (an unreadable date or URL): the build stops in
    /// Jekyll; here the value is written unchanged and the message says why.
    pub problems: Vec<String>,
}
