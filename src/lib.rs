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
//! The entry points:
//! - [`render_post`] renders one post with [`Options`] (the site's `_config.yml` through
//!   [`Options::from_config`], its kramdown options as [`KramdownOptions`]) into a [`Rendered`];
//! - [`Site`] holds a whole site's files and renders a post's published page
//!   ([`RenderedPage`]), in its layouts, for each language build;
//! - [`check_site`] checks every post of a site folder, as `postview check` does ([`SiteCheck`]);
//! - [`find_translations`] groups posts into families of translations ([`TranslationFamily`]).
//!
//! Every problem is a [`Diagnostic`] at a line and column. [`stages`] runs each stage alone, for
//! benchmarks and fuzzers. The map of the code is ARCHITECTURE.md.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

// Modules and items marked `cfg(any(target_arch = "wasm32", test))` serve the JS boundary
// alone (the page's folder, the packed post, block alignment), those marked with
// `feature = "page"` the page alone (its Forestry forms): other builds have no caller for them,
// the native unit tests still run them.
mod byte_set;
mod ctype;
mod diagnostic;
mod encoding;
// The site module's parts (feature `site`): what only a whole site needs. The body module
// (`--no-default-features`) is the rest, which `render_post` needs.
#[cfg(all(feature = "site", any(target_arch = "wasm32", test)))]
// The page uses all of it; `postview check` only asks which files to read.
#[cfg_attr(not(feature = "page"), allow(dead_code))]
mod folder;
#[cfg(feature = "site")]
mod forestry;
// Shared with the site module, whose parts call more of them than the body module does.
#[cfg_attr(not(feature = "site"), allow(dead_code, unused_imports))]
mod front_matter;
#[cfg_attr(not(feature = "site"), allow(dead_code))]
mod language;
#[cfg_attr(not(feature = "site"), allow(dead_code))]
mod liquid;
mod markdown;
mod options;
#[cfg(any(target_arch = "wasm32", test))]
mod packed;
pub mod page;
mod post;
#[cfg_attr(not(feature = "site"), allow(dead_code))]
mod reader;
mod ruby;
#[cfg(feature = "site")]
mod site;
#[cfg_attr(not(feature = "site"), allow(dead_code))]
mod sort;
mod source_map;
pub mod stages;
// The site module's; the page's body module has it too for `alignBlocks` (its language
// switcher keeps the reader's place), of which alone it links anything.
#[cfg(any(feature = "site", feature = "page"))]
#[cfg_attr(not(feature = "site"), allow(dead_code))]
mod translations;
mod value;
// Only a site checks where links lead (site/links.rs).
#[cfg(feature = "site")]
mod written_links;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use diagnostic::{Code, Diagnostic, Jekyll, Severity};
#[cfg(feature = "site")]
pub use forestry::FileProblems;
pub use markdown::{Heading, KramdownOptions};
pub use options::Options;
pub use post::Translation;
#[cfg(feature = "site")]
pub use site::{
    check_site, BuildOptions, BuiltContent, BuiltFile, Edited, FeedEntry, PageKind, RenderedPage,
    ShownPage, Site, SiteBuild, SiteCheck, SiteDiagnostic, SiteFile, SitePage,
};
#[cfg(feature = "site")]
pub use translations::{find_translations, Member, TranslationFamily};
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
    /// `title` as Liquid prints it, if the front matter has one.
    pub title: Option<String>,
    /// The language the site publishes the post in: its `_i18n/<lang>/` folder, else its `lang` key.
    pub lang: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The front matter `image` with its Liquid rendered, as the layouts show the hero image.
    pub image: Option<String>,
    /// The translations its language keys name (`ja: _i18n/ja/_posts/….md`), the site's languages first.
    pub translations: Vec<Translation>,
    /// The body's headings, for a table of contents.
    pub headings: Vec<Heading>,
    /// Errors and warnings, in source order, each at a `line:column` of the whole file.
    pub diagnostics: Vec<Diagnostic>,
    /// The source line of each top-level block of `html`, in order: for scroll sync.
    pub block_lines: Vec<u32>,
    /// The code languages of the post that this build writes uncoloured but a build with the
    /// feature `all-lexers` colours (the body module's npm and page builds go without it): render
    /// again with such a build to get what Jekyll publishes. Empty with `all-lexers`.
    pub needs_lexers: Vec<String>,
    /// The links the body writes, each at a byte offset of the source (as `render_post` reads
    /// it): for the site's check of links that lead nowhere.
    #[cfg(feature = "site")]
    #[serde(skip)]
    pub(crate) links: Vec<written_links::WrittenLink>,
}

/// Renders a post: its whole text, front matter included.
///
/// Never fails: whatever is wrong with the text is a diagnostic, and the body is rendered anyway.
///
/// ```
/// use postview::{render_post, Options, Severity};
/// let options = Options {
///     path: Some("_i18n/ja/_posts/2021-01-20-hello.md".into()),
///     ..Options::default()
/// };
/// let post = render_post("---\ntitle: [unclosed\n---\n# Hello\n", &options);
/// assert_eq!(post.html, "<h1 id=\"hello\">Hello</h1>\n", "the body is rendered anyway");
/// assert_eq!((post.lang.as_deref(), post.date.as_deref()), (Some("ja"), Some("2021-01-20")));
/// let error = &post.diagnostics[0];
/// assert_eq!((error.severity, error.line), (Severity::Error, 2));
/// ```
pub fn render_post(source: &str, options: &Options) -> Rendered {
    let kramdown = KramdownOptions::from_site(&options.site);
    let site = Value::Map(options.site.clone());
    render_post_in_site(source, options, &site, &kramdown, &liquid::layout::NoSite)
}

/// `render_post` with the site's includes, posts and files for the body's Liquid. `site` is the
/// Liquid `site` (`options.site` is not read): a site's build shares one among all its posts,
/// since it holds every post and tag and copying it per render would cost more than the render.
/// `kramdown` is what `KramdownOptions::from_site` read from that `site`, once per site.
pub(crate) fn render_post_in_site(
    source: &str,
    options: &Options,
    site: &Value,
    kramdown: &(KramdownOptions, Vec<Issue>),
    host: &dyn liquid::layout::Host,
) -> Rendered {
    let text = source_text(source);
    let lines = LineIndex::new(&text);
    let mut issues = Vec::new();
    // What an earlier render left (one that panicked midway) is not this post's.
    markdown::highlight::take_lacking();

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
    let front_matter = match options.path.as_deref() {
        Some(path) => host.with_defaults(path, front_matter),
        None => front_matter,
    };
    if parts.unclosed {
        issues.push(Issue::new(
            Code::UnclosedFrontMatter,
            0,
            "the front matter opened by `---` on line 1 is never closed: add a line `---` after \
             its last key (until then Jekyll reads the whole file as text)",
        ));
    } else if text.trim().is_empty() {
        // Jekyll lays an empty post out like any other: its page is the layout around nothing.
        issues.push(Issue::new(
            Code::EmptyPost,
            0,
            "the post file is empty: Jekyll publishes a blank page for it; restore its text or \
             delete the file",
        ));
    } else if parts.yaml.is_none() {
        issues.push(Issue::new(
            Code::NoFrontMatter,
            0,
            "no front matter: Jekyll copies a post that does not start with a `---` block \
             unrendered; start the file with `---`, the keys, and `---`",
        ));
    }

    if let Some(yaml) = parts.yaml.as_ref().filter(|_| !front_matter_failed) {
        let is_post = options
            .path
            .as_deref()
            .is_none_or(|p| reader::Reader::new(&options.site).is_post(p));
        if is_post {
            issues.extend(front_matter::invalid_date(&text, yaml, &front_matter));
        }
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

    let (kramdown, problems) = kramdown;
    issues.extend(problems.iter().cloned());
    let md = markdown::render(&liquid.text, kramdown);
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

    #[cfg(feature = "site")]
    let mut links = written_links::written_links(&md.html, &liquid.text);
    #[cfg(feature = "site")]
    for link in &mut links {
        link.offset = to_source(link.offset);
    }

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
        needs_lexers: markdown::highlight::take_lacking(),
        #[cfg(feature = "site")]
        links,
    }
}

/// The README's Rust examples, run as doc tests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;

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
    issues.push(Issue::new(
        Code::TooManyDiagnostics,
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
