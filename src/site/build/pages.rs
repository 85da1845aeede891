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
    /// What its layouts got as `{{ content }}`: its own Liquid and Markdown, rendered.
    pub content: String,
    pub diagnostics: Vec<SiteDiagnostic>,
}

/// Where the page at `path` is written in `build`: one URL, or one per pagination page.
pub struct Target {
    pub at: super::files::PageUrl,
    /// jekyll-paginate's `paginator` for this page, when the page is the pagination template.
    pub paginator: Option<Value>,
    /// Whether jekyll-paginate made it (`/page2/`, …).
    pub paginated: bool,
}

/// The places the page at `path` is written in `build` (none when the site lacks the file).
pub fn targets(site: &Site, path: &str, build: &Build, plan: &Plan) -> Vec<Target> {
    let Some(text) = site.files.get(path) else {
        return Vec::new();
    };
    let (front, _) = super::defaults::page_front(&site.derived.config, path, text);
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
        return vec![Target {
            at: first,
            paginator: None,
            paginated: false,
        }];
    }
    pagers
        .into_iter()
        .map(|pager| Target {
            at: match &pager.dir {
                Some(d) => page_url(site, d, name, &front, &lang),
                None => page_url(site, dir, name, &front, &lang),
            },
            paginated: pager.dir.is_some(),
            paginator: Some(pager.paginator),
        })
        .collect()
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
    let front = super::defaults::page_front(&site.derived.config, path, text);
    targets(site, path, build, plan)
        .iter()
        .map(|target| at_target(site, (path, text), &front, (build, Some(templates)), target))
        .collect()
}

/// The page at `path` rendered at one of its `targets` (its templates read anew).
pub fn render_target(site: &Site, path: &str, build: &Build, target: &Target) -> Option<BuiltPage> {
    let text = site.files.get(path)?;
    let front = super::defaults::page_front(&site.derived.config, path, text);
    Some(at_target(site, (path, text), &front, (build, None), target))
}

fn at_target(
    site: &Site,
    (path, text): (&str, &str),
    (front, body_start): &(Map, usize),
    build: (&Build, Option<&dyn TemplateCache>),
    target: &Target,
) -> BuiltPage {
    let page = one(
        site,
        path,
        text,
        (front, *body_start),
        build,
        &target.at,
        target.paginator.as_ref(),
    );
    BuiltPage {
        paginated: target.paginated,
        ..page
    }
}

/// The page rendered at one URL.
fn one(
    site: &Site,
    path: &str,
    text: &str,
    (front, body_start): (&Map, usize),
    (build, templates): (&Build, Option<&dyn TemplateCache>),
    at: &super::files::PageUrl,
    paginator: Option<&Value>,
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
    renderer.templates = templates;
    if let Some(p) = paginator {
        renderer.locals.insert("paginator".into(), p.clone());
    }
    let mut content = renderer.render(path, text, body_start);
    if site.derived.reader.is_markdown(name) {
        content = crate::markdown::render(&content, &site.derived.kramdown.0).html;
    }
    let layout = front.get("layout").map(layout_name);
    let (html, missing) = site.lay_out(content.clone(), layout, &mut renderer);
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
        content,
        diagnostics,
    }
}
