//! `sanitize: true` (cargo feature `sanitize`, the npm entry "postview/sanitize"): the post's HTML
//! made safe to insert into someone else's page, with ammonia.
//!
//! The policy is ammonia's defaults (an allowlist of formatting tags and attributes, URLs limited to
//! web and mail schemes, comments dropped, `rel="noopener noreferrer"` on every link), widened only
//! by what kramdown's HTML needs and cannot abuse:
//!
//! - `id` everywhere but on images, so heading anchors and footnote links work: an element's id
//!   can only shadow globals that do not exist, while an `<img id>` would shadow `document`'s own
//!   properties (`document.cookie`), which is how DOM clobbering attacks work;
//! - `class` everywhere: rouge's code wrappers, footnotes, attribute lists (`{: .note}`);
//! - `role` on the elements kramdown's footnotes put it on;
//! - `style` on table cells, only as kramdown writes alignment (`text-align: left|center|right`);
//! - `tfoot`, and `name` on links (old anchors), `open` on `<details>`;
//! - `data:` URLs only as an image's `src`, and only `data:image/…`.
//!
//! Everything that runs, frames or navigates goes with its content: scripts, styles, frames,
//! embeds, objects, templates. An embed (a video's `<iframe>`) leaves nothing behind. Other tags
//! not allowed (forms, inputs, `<svg>`, `<math>`, unknown ones) are unwrapped: their text stays.

use crate::Rendered;
use ammonia::{Builder, Url};
use std::borrow::Cow;

thread_local! {
    static POLICY: Builder<'static> = policy();
}

/// The result of `renderPost` with `sanitize: true`: `html` sanitized, `image` kept only if it
/// is a URL an `<img src>` may have, and no `blockLines`, since removed or unwrapped blocks
/// would shift them.
pub fn rendered(mut post: Rendered) -> Rendered {
    post.html = POLICY.with(|policy| policy.clean(&post.html).to_string());
    post.image = post.image.filter(|url| image_url(url));
    post.block_lines.clear();
    post
}

fn policy() -> Builder<'static> {
    let mut policy = Builder::default();
    policy
        .add_tags(["tfoot"])
        .add_clean_content_tags([
            "iframe", "frame", "frameset", "object", "embed", "applet", "template", "noscript",
            "noembed", "noframes",
        ])
        .add_generic_attributes(["id", "class"])
        .add_tag_attributes("sup", ["role"])
        .add_tag_attributes("div", ["role"])
        .add_tag_attributes("li", ["role"])
        .add_tag_attributes("a", ["role", "name"])
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("details", ["open"])
        // Let `data:` past ammonia's scheme check; the filter below keeps it for images only.
        .add_url_schemes(["data"])
        .attribute_filter(filter_attribute);
    policy
}

/// Runs on every attribute the allowlist kept (`None` drops it).
fn filter_attribute<'a>(element: &str, attribute: &str, value: &'a str) -> Option<Cow<'a, str>> {
    match (element, attribute) {
        ("img", "id") => None,
        ("td" | "th", "style") => {
            alignment(value).map(|align| format!("text-align: {align}").into())
        }
        ("img", "src") => image_url(value).then_some(value.into()),
        _ if is_data_url(value) => None,
        _ => Some(value.into()),
    }
}

/// `left`, `center` or `right` from kramdown's `text-align: …` (nothing else passes).
fn alignment(style: &str) -> Option<&'static str> {
    let (property, value) = style.trim().trim_end_matches(';').split_once(':')?;
    if !property.trim().eq_ignore_ascii_case("text-align") {
        return None;
    }
    ["left", "center", "right"]
        .into_iter()
        .find(|align| value.trim().eq_ignore_ascii_case(align))
}

/// Whether `url` parses as a `data:` URL, read as ammonia and browsers read it (tabs and line
/// breaks inside are ignored, so a prefix test would not do).
fn is_data_url(url: &str) -> bool {
    Url::parse(url).is_ok_and(|url| url.scheme() == "data")
}

/// What an image may load: a relative URL, or one ammonia allows, or a `data:image/…` URL.
fn image_url(url: &str) -> bool {
    match Url::parse(url) {
        Ok(parsed) if parsed.scheme() == "data" => parsed
            .path()
            .get(..6)
            .is_some_and(|kind| kind.eq_ignore_ascii_case("image/")),
        Ok(parsed) => ["http", "https"].contains(&parsed.scheme()),
        Err(error) => error == ammonia::url::ParseError::RelativeUrlWithoutBase,
    }
}
