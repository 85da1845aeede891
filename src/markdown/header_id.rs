//! Header ids as kramdown's GFM parser makes them, and the list of headings.
//!
//! Reference: kramdown-parser-gfm `generate_gfm_header_id` and `update_raw_text`. The id is the
//! header's text (text, code, entities, smart quotes and typographic symbols; not image alt
//! text) lower-cased, with every character that is not a letter, mark, digit, connector, `-`,
//! space or tab removed, and spaces and tabs turned into `-`. So CJK stays, emoji and
//! punctuation go, and `🔧 Engineering Update` is `-engineering-update`. A repeated id gets
//! `-1`, `-2`, … (counted per base id, as kramdown does). An explicit `{#id}` is kept.

use super::event::Event;
use super::options::{Input, KramdownOptions};
use super::unicode::is_word;
use super::Heading;
use pulldown_cmark::{CowStr, Event as Md, Tag, TagEnd};
use std::collections::HashMap;

/// Sets the id of every heading without one (with `auto_ids`) and returns the headings.
/// `html_regions`: some headings may be inside HTML elements whose content is Markdown.
pub fn assign(
    events: &mut [Event<'_>],
    options: &KramdownOptions,
    html_regions: bool,
) -> Vec<Heading> {
    let mut counter: HashMap<String, usize> = HashMap::new();
    // kramdown's converter counts the ids it makes itself apart from the GFM parser's.
    let mut converter_counter: HashMap<String, usize> = HashMap::new();
    let mut headings = Vec::new();
    let mut html_depth = 0usize;
    let mut i = 0;
    while i < events.len() {
        let Event::Md(Md::Start(Tag::Heading { level, id, .. }), _) = &events[i] else {
            if html_regions {
                match events[i] {
                    Event::Md(Md::Start(Tag::HtmlBlock), _) => html_depth += 1,
                    Event::Md(Md::End(TagEnd::HtmlBlock), _) => {
                        html_depth = html_depth.saturating_sub(1)
                    }
                    _ => {}
                }
            }
            i += 1;
            continue;
        };
        let level = *level as u8;
        let explicit = id.as_ref().map(|s| s.to_string());
        let end = (i..events.len())
            .find(|&j| matches!(events[j], Event::Md(Md::End(TagEnd::Heading(_)), _)))
            .unwrap_or(events.len());
        let raw = raw_text(&events[i + 1..end]);
        let id = match explicit {
            Some(id) => id,
            None if !options.auto_ids => String::new(),
            None => {
                // The GFM parser does not reach into HTML elements: the converter's own ids
                // are made there, as with kramdown's parser.
                let gfm = options.input == Input::Gfm && html_depth == 0;
                let (base, counter) = match gfm {
                    true => (gfm_id(&raw), &mut counter),
                    false => (kramdown_id(&raw), &mut converter_counter),
                };
                // One allocation per header: the counter's key only for a new base id, and the
                // id written once (thousands of equal headers are common in hostile text).
                let n = match counter.get_mut(&base) {
                    Some(n) => {
                        *n += 1;
                        *n
                    }
                    None => {
                        counter.insert(base.clone(), 0);
                        0
                    }
                };
                let prefix = &options.auto_id_prefix;
                let id = match n {
                    0 if prefix.is_empty() => base,
                    0 => format!("{prefix}{base}"),
                    n => format!("{prefix}{base}-{n}"),
                };
                if let Event::Md(Md::Start(Tag::Heading { id: slot, .. }), _) = &mut events[i] {
                    *slot = Some(CowStr::from(id.clone()));
                }
                id
            }
        };
        let text = match raw.trim() {
            trimmed if trimmed.len() == raw.len() => raw,
            trimmed => trimmed.to_owned(),
        };
        headings.push(Heading { level, id, text });
        i = end + 1;
    }
    headings
}

/// The text kramdown's GFM parser collects from a header's children.
fn raw_text(events: &[Event<'_>]) -> String {
    let mut out = String::new();
    let mut in_image = 0usize;
    for e in events {
        let Event::Md(e, _) = e else { continue };
        match e {
            Md::Start(Tag::Image { .. }) => in_image += 1,
            Md::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            _ if in_image > 0 => {}
            Md::Text(t) => out.push_str(t),
            Md::Code(t) | Md::InlineMath(t) => out.push_str(t),
            _ => {}
        }
    }
    out
}

/// `text.downcase`, minus `[^\p{Word}\- \t]`, then spaces and tabs to `-`.
pub fn gfm_id(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(crate::ruby::case::lower) {
        match c {
            ' ' | '\t' => out.push('-'),
            '-' => out.push('-'),
            c if is_word(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// kramdown's own `basic_generate_id` (`input: kramdown`): leading characters up to the first
/// ASCII letter dropped, then everything but ASCII letters, digits, spaces and `-`; spaces to
/// `-`, lower case; `section` when nothing is left.
pub fn kramdown_id(text: &str) -> String {
    let start = text
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let mut out = String::with_capacity(text.len() - start);
    for c in text[start..].chars() {
        match c {
            ' ' => out.push('-'),
            c if c.is_ascii_alphanumeric() || c == '-' => out.push(c.to_ascii_lowercase()),
            _ => {}
        }
    }
    if out.is_empty() {
        out.push_str("section");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{gfm_id, kramdown_id};

    #[test]
    fn kramdown_id_should_keep_ascii_words_from_the_first_letter() {
        assert_eq!(kramdown_id("1. Getting Started!"), "getting-started");
        assert_eq!(
            kramdown_id("日本語"),
            "section",
            "nothing ASCII should give `section`"
        );
    }

    #[test]
    fn gfm_id_should_keep_cjk_and_drop_punctuation_and_emoji() {
        assert_eq!(gfm_id("🔧 Engineering Update"), "-engineering-update");
        assert_eq!(gfm_id("ITOとは？"), "itoとは");
        assert_eq!(
            gfm_id("Feature: MetaMask Integration"),
            "feature-metamask-integration"
        );
        assert_eq!(
            gfm_id("a_b-c"),
            "a_b-c",
            "connectors and dashes should stay"
        );
    }
}
