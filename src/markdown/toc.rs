//! The table of contents kramdown writes in place of a list marked `{:toc}`.
//!
//! Reference: kramdown 2.4 `converter/html.rb` (`generate_toc_tree`, `fix_for_toc_entry`): every
//! header with an id, of a level `toc_levels` lists, unless it has the class `no_toc`; each entry links to the
//! header (`#id`) and has the id `markdown-toc-` + id (or the list's own id as prefix); its text is
//! the header's content without footnote markers and with links unwrapped; an entry nests under
//! the entry before it when its level is deeper.

use super::{Body, KramdownOptions};
use pulldown_cmark::{Event, Tag, TagEnd};

/// One header, ready to be listed.
pub struct Entry {
    pub level: u8,
    pub id: String,
    /// The header's content as HTML.
    pub html: String,
}

/// The headers of a body that belong in a table of contents.
pub fn entries(body: &Body<'_>, options: &KramdownOptions) -> Vec<Entry> {
    let events = &body.events;
    if !body.attrs.values().any(|a| a.has_ref("toc")) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let Event::Start(Tag::Heading {
            level, id, classes, ..
        }) = &events[i]
        else {
            i += 1;
            continue;
        };
        let end = (i..events.len())
            .find(|&j| matches!(events[j], Event::End(TagEnd::Heading(_))))
            .unwrap_or(events.len());
        let listed = id.is_some()
            && options.in_toc(*level as u8)
            && !classes.iter().any(|c| c.as_ref() == "no_toc");
        if listed {
            let inner: Vec<Event<'_>> = events[i + 1..end]
                .iter()
                .filter(|e| {
                    !matches!(
                        e,
                        Event::FootnoteReference(_)
                            | Event::Start(Tag::Link { .. })
                            | Event::End(TagEnd::Link)
                    )
                })
                .cloned()
                .collect();
            let mut html = String::new();
            super::writer::write(
                Body {
                    events: inner,
                    attrs: Default::default(),
                    html_regions: false,
                },
                &[],
                &[],
                options,
                &mut html,
            );
            out.push(Entry {
                level: *level as u8,
                id: id.as_deref().unwrap_or("").to_owned(),
                html,
            });
        }
        i = end + 1;
    }
    out
}

/// Writes the entries as nested lists of type `tag` (`ul` or `ol`), the outer one with `attrs`
/// (its `id` is `markdown-toc` unless the list has one, and prefixes the entries' ids).
pub fn write(entries: &[Entry], tag: &str, attrs: &[(String, String)], out: &mut String) {
    // kramdown's stack: an entry goes under the nearest entry before it of a lower level.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); entries.len()];
    let mut roots = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for (n, e) in entries.iter().enumerate() {
        while stack
            .last()
            .is_some_and(|&top| entries[top].level >= e.level)
        {
            stack.pop();
        }
        match stack.last() {
            Some(&parent) => children[parent].push(n),
            None => roots.push(n),
        }
        stack.push(n);
    }
    let mut attrs = attrs.to_vec();
    if !attrs.iter().any(|(k, _)| k == "id") {
        attrs.insert(0, ("id".to_owned(), "markdown-toc".to_owned()));
    }
    let prefix = attrs
        .iter()
        .find(|(k, _)| k == "id")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    out.push('<');
    out.push_str(tag);
    super::html::write_attributes(out, &attrs);
    out.push_str(
        ">
",
    );
    list(entries, &children, &roots, tag, &prefix, out);
    out.push_str(&format!("</{tag}>\n"));
}

fn list(
    entries: &[Entry],
    children: &[Vec<usize>],
    items: &[usize],
    tag: &str,
    prefix: &str,
    out: &mut String,
) {
    for &n in items {
        let e = &entries[n];
        out.push_str("<li><a href=\"#");
        super::html::escape_attribute(out, &e.id);
        out.push_str("\" id=\"");
        super::html::escape_attribute(out, &format!("{prefix}-{}", e.id));
        out.push_str("\">");
        out.push_str(&e.html);
        out.push_str("</a>");
        if !children[n].is_empty() {
            out.push_str(&format!("<{tag}>\n"));
            list(entries, children, &children[n], tag, prefix, out);
            out.push_str(&format!("</{tag}>\n"));
        }
        out.push_str("</li>\n");
    }
}

#[cfg(test)]
mod tests {
    use crate::markdown::testing::squeezed_html as html;

    // Expected HTML from kramdown_ref.rb (Jekyll 4.3.1, kramdown 2.4), white space between tags
    // removed.
    #[test]
    fn entries_should_nest_by_level_and_leave_out_no_toc_headers() {
        let out = html("* toc\n{:toc}\n\n# One\n\n## Two *b*\n\n### Three\n\n# Four\n{:.no_toc}\n");
        assert_eq!(
            out,
            "<ul id=\"markdown-toc\"><li><a href=\"#one\" id=\"markdown-toc-one\">One</a>\
             <ul><li><a href=\"#two-b\" id=\"markdown-toc-two-b\">Two <em>b</em></a>\
             <ul><li><a href=\"#three\" id=\"markdown-toc-three\">Three</a></li></ul></li></ul>\
             </li></ul>\
             <h1 id=\"one\">One</h1><h2 id=\"two-b\">Two <em>b</em></h2>\
             <h3 id=\"three\">Three</h3><h1 class=\"no_toc\" id=\"four\">Four</h1>"
        );
    }

    #[test]
    fn an_entry_should_unwrap_links_drop_footnotes_and_take_the_lists_id_as_prefix() {
        let out = html("* toc\n{:toc #mine}\n\n# A [link](u)[^f]\n\n#### Deep\n\n[^f]: note\n");
        assert!(
            out.starts_with(
                "<ul id=\"mine\"><li><a href=\"#a-link\" id=\"mine-a-link\">A link</a>\
                 <ul><li><a href=\"#deep\" id=\"mine-deep\">Deep</a></li></ul></li></ul>\
                 <h1 id=\"a-link\">A <a href=\"u\">link</a><sup id=\"fnref:f\""
            ),
            "{out}"
        );
    }

    #[test]
    fn without_a_toc_list_no_entries_should_be_collected() {
        let body = crate::markdown::Body {
            events: vec![
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Heading {
                    level: pulldown_cmark::HeadingLevel::H1,
                    id: Some("a".into()),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }),
                pulldown_cmark::Event::Text("A".into()),
                pulldown_cmark::Event::End(pulldown_cmark::TagEnd::Heading(
                    pulldown_cmark::HeadingLevel::H1,
                )),
            ],
            attrs: Default::default(),
            html_regions: false,
        };
        assert!(super::entries(&body, &Default::default()).is_empty());
    }
}
