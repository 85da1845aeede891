//! A post's excerpt as Jekyll 4.3.1 makes it (`Jekyll::Excerpt`): the body up to the first
//! `excerpt_separator` (front matter, else `_config.yml`, else `"\n\n"`), with the link
//! definitions after it that it uses, rendered through Liquid and Markdown without layout; a
//! front matter `excerpt` is taken as written. Posts' `page.excerpt` and `site.posts`' entries
//! carry it; jekyll-seo-tag describes a post by it.

use super::{read_front_matter, Site};
use crate::render_post_in_site;
use crate::value::Value;

impl Site {
    /// The excerpt of the post at `path` whose text is `text`, rendered with the build's
    /// `site`; `None` when `excerpt_separator` is empty.
    pub(super) fn excerpt(
        &self,
        path: &str,
        text: &str,
        site: &Value,
        lang: &str,
    ) -> Option<Value> {
        // Jekyll reads files as `bom|utf-8`: a byte order mark is not part of the text.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let (front, body_start) = read_front_matter(text);
        if let Some(own) = front.get("excerpt") {
            return Some(own.clone());
        }
        let separator = front
            .get("excerpt_separator")
            .or_else(|| self.derived.config.get("excerpt_separator"))
            .map_or_else(|| "\n\n".to_owned(), crate::liquid::layout::to_text);
        if separator.is_empty() {
            return None;
        }
        let body = &text[body_start..];
        let head = body.split_once(separator.as_str()).map_or(body, |(h, _)| h);
        let head = with_link_definitions(head, body, &separator);
        let host = self.host(lang);
        let rendered = render_post_in_site(
            &head,
            &self.body_options(path),
            site,
            &self.derived.kramdown,
            &host,
        );
        Some(Value::String(rendered.html))
    }
}

/// `Excerpt#extract_markdown_link_reference_definitions`: the link definitions after the
/// excerpt whose `[name]` it uses, added to it so that its links resolve.
fn with_link_definitions(head: &str, body: &str, separator: &str) -> String {
    let Some((_, tail)) = body.split_once(separator) else {
        return head.to_owned();
    };
    if tail.is_empty() {
        return head.to_owned();
    }
    let definitions: Vec<&str> = tail
        .lines()
        .filter(|line| {
            let indent = line.len() - line.trim_start_matches(' ').len();
            let rest = &line[indent..];
            indent <= 3
                && rest.starts_with('[')
                && rest.find("]:").is_some_and(|close| {
                    let name = &rest[..=close];
                    !name[1..close].contains(']') && close > 1 && head.contains(name)
                })
        })
        .collect();
    if definitions.is_empty() {
        head.to_owned()
    } else {
        format!("{head}\n\n{}", definitions.join("\n"))
    }
}
