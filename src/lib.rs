//! postview renders a Jekyll post the way the site publishes it: front matter, Liquid, then
//! Markdown as kramdown 2.4 with its GFM parser makes it, in plain Rust that also runs as
//! WebAssembly in a browser or in Node.
//!
//! ```
//! use postview::{render_post, Options};
//! let post = render_post("---\ntitle: Hello\nja: _i18n/ja/_posts/2021-01-20-hello.md\n---\nIt's **here**.\n", &Options::default());
//! assert_eq!(post.title.as_deref(), Some("Hello"));
//! assert_eq!(post.html.trim(), "<p>It’s <strong>here</strong>.</p>");
//! assert_eq!(post.translations[0].slug, "hello");
//! ```
//!
//! The stages, one module each: [`front_matter`] splits and reads the YAML, [`liquid`] renders
//! `{{ … }}`, [`markdown`] turns the text into HTML. [`render_post`] runs them and places every
//! diagnostic in the whole file. The wasm boundary is `wasm.rs`, and nothing else knows about
//! JavaScript.

#![forbid(unsafe_code)]

mod byte_set;
pub(crate) mod ctype;
pub mod diagnostic;
pub mod encoding;
pub mod folder;
pub mod forestry;
pub mod front_matter;
pub(crate) mod highlight;
pub mod language;
pub mod liquid;
pub mod markdown;
pub mod options;
pub mod packed;
pub mod page;
pub mod post;
mod ruby;
pub mod site;
mod sort;
pub mod source_map;
pub mod translations;
pub mod value;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use diagnostic::{Diagnostic, Severity};
pub use markdown::{Heading, KramdownOptions};
pub use options::Options;
pub use post::Translation;
pub use site::{RenderedPage, Site, SiteDiagnostic};
pub use translations::{find_translations, TranslationFamily};
pub use value::{Map, Value};

use diagnostic::{Issue, LineIndex};
use serde::Serialize;
use std::borrow::Cow;

/// A rendered post.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rendered {
    /// Every front matter key, values as written (Liquid in them is not rendered).
    pub front_matter: Map,
    /// The body as Jekyll hands it to the layout as `{{ content }}`.
    pub html: String,
    pub title: Option<String>,
    pub lang: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The front matter `image` with its Liquid rendered, as the layouts show the hero image.
    pub image: Option<String>,
    pub translations: Vec<Translation>,
    pub headings: Vec<Heading>,
    /// Errors and warnings, in source order, each at a `line:column` of the whole file.
    pub diagnostics: Vec<Diagnostic>,
    /// The source line of each top-level block of `html`, in order: for scroll sync.
    pub block_lines: Vec<u32>,
}

/// Renders a post: its whole text, front matter included.
///
/// Never fails: whatever is wrong with the text is a diagnostic, and the body is rendered anyway.
pub fn render_post(source: &str, options: &Options) -> Rendered {
    let site = Value::Map(options.site.clone());
    render_post_in_site(source, options, &site, &liquid::layout::NoSite)
}

/// `render_post` with the site's includes, posts and files for the body's Liquid. `site` is the
/// Liquid `site` (`options.site` is not read): a site's build shares one among all its posts,
/// since it holds every post and tag and copying it per render would cost more than the render.
pub(crate) fn render_post_in_site(
    source: &str,
    options: &Options,
    site: &Value,
    host: &dyn liquid::layout::Host,
) -> Rendered {
    let text = source_text(source);
    let lines = LineIndex::new(&text);
    let mut issues = Vec::new();

    issues.extend(encoding::not_utf8(&text));
    let parts = front_matter::split(&text);
    let mut front_matter_failed = false;
    let front_matter = match &parts.yaml {
        Some(range) => {
            let (map, yaml_issues) = front_matter::parse(&text[range.clone()]);
            front_matter_failed = !yaml_issues.is_empty();
            issues.extend(yaml_issues.into_iter().map(|i| i.shifted(range.start)));
            map
        }
        None => Map::new(),
    };
    if parts.unclosed {
        issues.push(Issue::error(
            0,
            "the front matter opened by `---` on line 1 is never closed: add a line `---` after \
             its last key (until then Jekyll reads the whole file as text)",
        ));
    } else if parts.yaml.is_none() {
        issues.push(Issue::warning(
            0,
            "no front matter: Jekyll copies a post that does not start with a `---` block \
             unrendered; start the file with `---`, the keys, and `---`",
        ));
    }

    // The front matter itself, not a copy: it is taken back out of `page` for the result.
    let page = Value::Map(front_matter);
    let ctx = liquid::Context {
        site,
        page: &page,
        page_unreadable: front_matter_failed,
    };
    let body_start = parts.body.start;
    let liquid = liquid::render_in_site(&text[parts.body], &ctx, host);
    issues.extend(liquid.issues.into_iter().map(|i| i.shifted(body_start)));

    let no_settings = Map::new();
    let settings = match site {
        Value::Map(map) => map,
        _ => &no_settings,
    };
    let (kramdown, problems) = markdown::KramdownOptions::from_site(settings);
    issues.extend(problems.into_iter().map(|p| Issue::warning(0, p)));
    let md = markdown::render(&liquid.text, &kramdown);
    let to_source = |offset: usize| body_start + liquid.map.to_input(offset);
    issues.extend(md.issues.into_iter().map(|i| Issue {
        offset: to_source(i.offset),
        ..i
    }));
    let block_lines = md
        .blocks
        .iter()
        .map(|&b| lines.line(to_source(b)))
        .collect();

    let image = page
        .get("image")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(|s| liquid::render(s, &ctx).text);

    let front_matter = match page {
        Value::Map(map) => map,
        _ => Map::new(),
    };
    sort::by_key(&mut issues, |i| i.offset);
    cap(&mut issues);
    Rendered {
        title: post::title(&front_matter),
        lang: post::lang(&front_matter, options),
        date: post::date(&front_matter, options),
        image,
        translations: post::translations(&front_matter, options),
        headings: md.headings,
        diagnostics: issues.into_iter().map(|i| lines.locate(i)).collect(),
        block_lines,
        html: md.html,
        front_matter,
    }
}

/// Diagnostics beyond this many are summed up in one: a pasted page of broken markup should not
/// bury the first problems under thousands of the same.
const MAX_DIAGNOSTICS: usize = 200;

fn cap(issues: &mut Vec<Issue>) {
    if issues.len() <= MAX_DIAGNOSTICS {
        return;
    }
    let more = issues.len() - MAX_DIAGNOSTICS;
    let at = issues[MAX_DIAGNOSTICS].offset;
    issues.truncate(MAX_DIAGNOSTICS);
    issues.push(Issue::warning(
        at,
        format!("{more} more diagnostics after this one are not listed"),
    ));
}

/// The text as `render_post` reads it: no BOM, and CRLF and lone CR become LF, as kramdown reads
/// its source (line numbers stay as an editor counts them). Whoever places offsets in a post's
/// text (the page's front matter state, its forms) reads it this way too.
pub(crate) fn source_text(source: &str) -> Cow<'_, str> {
    let text = source.strip_prefix('\u{feff}').unwrap_or(source);
    // `find_byte`, not `contains`: this reads every post whole, on every keystroke.
    if crate::byte_set::find_byte(text.as_bytes(), 0, b'\r') == text.len() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}
