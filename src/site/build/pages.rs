//! A page of a language build (Jekyll 4.3.1's `Page` and `Renderer`): its body through Liquid
//! (with `page`, `site` and jekyll-paginate's `paginator`), through kramdown when its extension
//! is Markdown, then through its layouts as a post's are (`Site::lay_out`). `page` is the front
//! matter with `Page::ATTRIBUTES_FOR_LIQUID` (`content`, `dir`, `name`, `path`, `url`).

use super::super::{layout_name, missing_layout, Build, Site, SiteDiagnostic};
use super::files::{page_url, Plan};
use super::paginate;
use crate::liquid::layout::Renderer;
use crate::liquid::template_cache::TemplateCache;
use crate::value::{Map, Value};

/// One written page.
pub struct BuiltPage {
    /// Under the language's folder.
    pub path: String,
    /// `page.url`.
    pub url: String,
    /// Whether jekyll-paginate made it (its pages follow the site's own in `site.pages`).
    pub paginated: bool,
    pub text: String,
    pub diagnostics: Vec<SiteDiagnostic>,
}

/// The files the page at `path` writes in `build`: one, or one per pagination page.
pub fn render(
    site: &Site,
    path: &str,
    (build, templates): (&Build, &dyn TemplateCache),
    plan: &Plan,
) -> Vec<BuiltPage> {
    let Some(text) = site.files.get(path) else {
        return Vec::new();
    };
    let (front, body_start) = super::defaults::page_front(&site.derived.config, path, text);
    let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
    let lang = super::text(build.site.get("lang"));
    let first = page_url(site, dir, name, &front, &lang);
    let is_template = paginate::template(site, &plan.pages).is_some_and(|t| t == path);
    let pagers = if is_template {
        paginate::pagers(site, &build.site, &first.url)
    } else {
        Vec::new()
    };
    if pagers.is_empty() {
        return vec![one(
            site,
            path,
            text,
            (&front, body_start),
            (build, templates),
            &first,
            None,
        )];
    }
    pagers
        .into_iter()
        .map(|pager| {
            let url = pager
                .dir
                .as_ref()
                .map(|d| page_url(site, d, name, &front, &lang));
            let at = url.as_ref().unwrap_or(&first);
            let page = one(
                site,
                path,
                text,
                (&front, body_start),
                (build, templates),
                at,
                Some(pager.paginator),
            );
            BuiltPage {
                paginated: pager.dir.is_some(),
                ..page
            }
        })
        .collect()
}

/// The page rendered at one URL.
fn one(
    site: &Site,
    path: &str,
    text: &str,
    (front, body_start): (&Map, usize),
    (build, templates): (&Build, &dyn TemplateCache),
    at: &super::files::PageUrl,
    paginator: Option<Value>,
) -> BuiltPage {
    let name = path.rsplit('/').next().unwrap_or(path);
    let lang = super::text(build.site.get("lang"));
    let host = site.host(&lang);
    let mut page = front.clone();
    page.insert("content".into(), Value::from(&text[body_start..]));
    let dir = if at.url.ends_with('/') {
        at.url.clone()
    } else {
        at.url
            .rsplit_once('/')
            .map_or_else(|| "/".to_owned(), |(d, _)| format!("{d}/"))
    };
    page.insert("dir".into(), Value::String(dir));
    page.insert("name".into(), Value::from(name));
    page.insert("path".into(), Value::from(path));
    page.insert("url".into(), Value::from(at.url.as_str()));
    let page = Value::Map(page);
    let mut renderer = Renderer::new(&build.site, &page, &host, text.len());
    renderer.url_memo = Some(&build.url_memo);
    renderer.templates = Some(templates);
    if let Some(p) = paginator {
        renderer.locals.insert("paginator".into(), p);
    }
    let mut content = renderer.render(path, text, body_start);
    if site.derived.reader.is_markdown(name) {
        content = crate::markdown::render(&content, &site.derived.kramdown.0).html;
    }
    let layout = front.get("layout").map(layout_name);
    let (html, missing) = site.lay_out(content, layout, &mut renderer);
    let mut diagnostics = renderer.finish();
    if let Some(n) = missing {
        diagnostics.push(SiteDiagnostic {
            path: path.to_owned(),
            diagnostic: missing_layout(text, &n),
        });
    }
    BuiltPage {
        path: at.destination.clone(),
        url: at.url.clone(),
        paginated: false,
        text: html,
        diagnostics,
    }
}
