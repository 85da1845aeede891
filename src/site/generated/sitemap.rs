//! jekyll-sitemap 1.4's `sitemap.xml` and `robots.txt`, as its templates write them (the
//! sitemap's white space after each `>` + newline and each `}` removed, the plugin's minifying:
//! one element a line). The sitemap lists, in this order: the documents of each collection that
//! is written (the posts, oldest first), then the HTML pages (`site.html_pages`, in their
//! order, without `/404.html`), then the static files whose extension is `.htm`, `.html`,
//! `.xhtml` or `.pdf` (without any `404.html`); a front matter `sitemap: false` leaves one out.
//! Each language build of jekyll-multiple-languages-plugin writes its own.

use super::text::{default, text, xml_escape, Writer};
use super::{BuildInfo, Document, Generated, Page, StaticFile};
use crate::value::{Map, Value};

/// The static files the sitemap lists, by extension (the plugin's `INCLUDED_EXTENSIONS`).
const LISTED_EXTENSIONS: [&str; 4] = [".htm", ".html", ".xhtml", ".pdf"];

/// `sitemap.xml` of one build: `docs` are the written collections' documents in order (the posts
/// oldest first), `pages` every page of the build in `site.pages`'s order, `files` every static
/// file. `xsl`: the site has a `sitemap.xsl`. `memo`: as for `feed_xml`. jekyll-sitemap writes
/// none where a page or static file of the site has the URL `/sitemap.xml` (`/robots.txt` for
/// `robots_txt`).
pub fn sitemap_xml(
    build: &BuildInfo,
    memo: &mut Map,
    xsl: bool,
    docs: &[Document],
    pages: &[Page],
    files: &[StaticFile],
) -> Generated {
    let mut w = Writer::new(build, memo);
    w.push("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if xsl {
        let href = w.absolute_url(&Value::from("/sitemap.xsl"));
        w.push(r#"<?xml-stylesheet type="text/xsl" href=""#);
        w.print(&href);
        w.push("\"?>\n");
    }
    w.push(concat!(
        r#"<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" "#,
        r#"xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 "#,
        r#"http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd" "#,
        "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    ));
    for doc in docs.iter().filter(|d| listed(&d.sitemap)) {
        let dated = doc.last_modified_at.is_truthy() || doc.date.is_truthy();
        let lastmod = default(&doc.last_modified_at, &doc.date);
        url(&mut w, &doc.url, dated.then_some(lastmod));
    }
    for page in pages
        .iter()
        .filter(|p| (p.html || p.url.ends_with('/')) && listed(&p.sitemap) && p.url != "/404.html")
    {
        let lastmod = &page.last_modified_at;
        url(&mut w, &page.url, lastmod.is_truthy().then_some(lastmod));
    }
    for file in files.iter().filter(|f| {
        let name = f.path.rsplit('/').next().unwrap_or_default();
        LISTED_EXTENSIONS.contains(&extension(name)) && listed(&f.sitemap) && name != "404.html"
    }) {
        url(&mut w, &file.path, Some(&file.modified_time));
    }
    w.push("</urlset>\n");
    Generated {
        text: w.out,
        problems: w.problems,
    }
}

/// `robots.txt` of one build: where its sitemap is.
pub fn robots_txt(build: &BuildInfo, memo: &mut Map) -> Generated {
    let mut w = Writer::new(build, memo);
    w.push("Sitemap: ");
    let url = w.absolute_url(&Value::from("sitemap.xml"));
    w.print(&url);
    w.push("\n");
    Generated {
        text: w.out,
        problems: w.problems,
    }
}

/// `sitemap != false`: only a boolean false leaves a file out.
fn listed(sitemap: &Value) -> bool {
    !matches!(sitemap, Value::Bool(false))
}

/// Ruby's `File.extname`: from the last dot of the name, unless the name starts with it.
fn extension(name: &str) -> &str {
    match name.rfind('.') {
        Some(i) if i > 0 && i + 1 < name.len() => &name[i..],
        _ => "",
    }
}

/// One `<url>`: the location (`/index.html` shortened to `/`) and, when the template writes
/// one, the date.
fn url(w: &mut Writer<'_>, path: &str, lastmod: Option<&Value>) {
    let loc = w.absolute_url(&Value::from(path.replace("/index.html", "/")));
    w.push("<url>\n<loc>");
    w.push(&xml_escape(&loc));
    w.push("</loc>\n");
    if let Some(lastmod) = lastmod {
        let date = w.xmlschema(lastmod);
        w.push("<lastmod>");
        w.push(&text(&date));
        w.push("</lastmod>\n");
    }
    w.push("</url>\n");
}
