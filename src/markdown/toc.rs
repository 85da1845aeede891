//! The table of contents kramdown writes in place of a list marked `{:toc}`.
//!
//! Reference: kramdown 2.4 `converter/html.rb` (`generate_toc_tree`, `fix_for_toc_entry`): every
//! header with an id, of a level `toc_levels` lists, unless it has the class `no_toc`; each entry links to the
//! header (`#id`) and has the id `markdown-toc-` + id (or the list's own id as prefix); its text is
//! the header's content without footnote markers and with links unwrapped; an entry nests under
//! the entry before it when its level is deeper.
//!
//! The table is made of events (lists, items, links and the headers' own content events) that
//! the writer writes as it writes any list, so the headers' content is written in one place.

use super::attributes::Attributes;
use super::event::Event;
use super::{Body, KramdownOptions};
use pulldown_cmark::{CowStr, Event as Md, LinkType, Tag, TagEnd};

/// One header, ready to be listed.
#[derive(Debug)]
pub struct Entry<'a> {
    pub level: u8,
    pub id: String,
    /// The header's content: its events, links unwrapped and footnote markers left out.
    pub content: Vec<Event<'a>>,
}

/// The headers of a body that belong in a table of contents (none when no list asks for one).
pub fn entries<'a>(body: &Body<'a>, options: &KramdownOptions) -> Vec<Entry<'a>> {
    if !body.toc_asked {
        return Vec::new();
    }
    let events = &body.events;
    let mut out = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let Event::Md(
            Md::Start(Tag::Heading {
                level, id, classes, ..
            }),
            _,
        ) = &events[i]
        else {
            i += 1;
            continue;
        };
        let end = (i..events.len())
            .find(|&j| matches!(events[j], Event::Md(Md::End(TagEnd::Heading(_)), _)))
            .unwrap_or(events.len());
        let listed = id.is_some()
            && options.in_toc(*level as u8)
            && !classes.iter().any(|c| c.as_ref() == "no_toc");
        if listed {
            let content = events[i + 1..end]
                .iter()
                .filter(|e| !left_out(e))
                .cloned()
                .collect();
            out.push(Entry {
                level: *level as u8,
                id: id.as_deref().unwrap_or("").to_owned(),
                content,
            });
        }
        i = end + 1;
    }
    out
}

/// kramdown's `fix_for_toc_entry`: footnote markers go, links give way to their content.
fn left_out(e: &Event<'_>) -> bool {
    matches!(
        e,
        Event::Md(
            Md::FootnoteReference(_) | Md::Start(Tag::Link { .. }) | Md::End(TagEnd::Link),
            _
        )
    )
}

/// The events of the table of contents that replaces a list marked `{:toc}`: nested lists
/// (`ordered` or not) of items, each a link to its header; the outer list with the marked
/// list's `attrs` (its `id` is `markdown-toc` unless the list has one, and prefixes the
/// entries' ids).
pub fn list<'a>(entries: &[Entry<'a>], ordered: bool, attrs: &Attributes) -> Vec<Event<'a>> {
    let mut outer = Attributes::from_pairs(attrs.pairs().to_vec());
    if outer.get("id").is_none() {
        outer.insert_first("id", "markdown-toc".to_owned());
    }
    let prefix = outer.get("id").unwrap_or_default().to_owned();
    let kind = ordered.then_some(1);
    let mut out = vec![Event::Md(Md::Start(Tag::List(kind)), Some(Box::new(outer)))];
    // kramdown's stack: an entry goes under the nearest entry before it of a lower level. The
    // open items, each with whether its list of children has started.
    let mut open: Vec<(u8, bool)> = Vec::new();
    for e in entries {
        while open.last().is_some_and(|&(level, _)| level >= e.level) {
            close_item(&mut out, &mut open, ordered);
        }
        if let Some((_, children)) = open.last_mut() {
            if !*children {
                *children = true;
                out.push(Event::start(Tag::List(kind)));
            }
        }
        out.push(Event::start(Tag::Item));
        let mut link_attrs = Attributes::default();
        link_attrs.set("id", &format!("{prefix}-{}", e.id));
        out.push(Event::Md(
            Md::Start(Tag::Link {
                link_type: LinkType::Inline,
                dest_url: CowStr::from(format!("#{}", e.id)),
                title: CowStr::Borrowed(""),
                id: CowStr::Borrowed(""),
            }),
            Some(Box::new(link_attrs)),
        ));
        out.extend(e.content.iter().cloned());
        out.push(Md::End(TagEnd::Link).into());
        open.push((e.level, false));
    }
    while !open.is_empty() {
        close_item(&mut out, &mut open, ordered);
    }
    out.push(Md::End(TagEnd::List(ordered)).into());
    out
}

/// Ends the innermost open item, and the list of its children if it has one.
fn close_item(out: &mut Vec<Event<'_>>, open: &mut Vec<(u8, bool)>, ordered: bool) {
    if let Some((_, children)) = open.pop() {
        if children {
            out.push(Md::End(TagEnd::List(ordered)).into());
        }
        out.push(Md::End(TagEnd::Item).into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn an_entry_should_keep_the_attributes_of_its_content() {
        assert_eq!(
            html("* toc\n{:toc}\n\n# H `c`{: .k} *e*{: .m}\n"),
            "<ul id=\"markdown-toc\"><li><a href=\"#h-c-e\" id=\"markdown-toc-h-c-e\">H \
             <code class=\"language-plaintext k highlighter-rouge\">c</code><em class=\"m\">e</em>\
             </a></li></ul><h1 id=\"h-c-e\">H <code class=\"language-plaintext k highlighter-rouge\">c</code>\
             <em class=\"m\">e</em></h1>"
        );
    }

    #[test]
    fn without_a_toc_list_no_entries_should_be_collected() {
        let body = Body {
            events: heading("a", "A"),
            html_regions: false,
            toc_asked: false,
        };
        assert!(super::entries(&body, &Default::default()).is_empty());
    }

    /// A level-1 heading's events: its start (with an id), a text, its end.
    fn heading(id: &'static str, text: &'static str) -> Vec<Event<'static>> {
        vec![
            Event::start(Tag::Heading {
                level: pulldown_cmark::HeadingLevel::H1,
                id: Some(id.into()),
                classes: Vec::new(),
                attrs: Vec::new(),
            }),
            Md::Text(text.into()).into(),
            Md::End(TagEnd::Heading(pulldown_cmark::HeadingLevel::H1)).into(),
        ]
    }

    #[test]
    fn a_toc_list_should_collect_each_heading_with_its_content() {
        let mut events = heading("a", "A");
        events.extend(heading("b", "B"));
        let body = Body {
            events,
            html_regions: false,
            toc_asked: true,
        };
        let found = super::entries(&body, &Default::default());
        let ids: Vec<&str> = found.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(found[1].content, [Md::Text("B".into()).into()]);
    }

    #[test]
    fn the_list_should_nest_deeper_entries_in_the_item_before_them() {
        let entry = |level, id: &str| Entry {
            level,
            id: id.to_owned(),
            content: Vec::new(),
        };
        let events = super::list(
            &[entry(1, "a"), entry(2, "b"), entry(1, "c")],
            false,
            &Attributes::default(),
        );
        let shape: String = events
            .iter()
            .map(|e| match e {
                Event::Md(Md::Start(Tag::List(_)), _) => "<ul>",
                Event::Md(Md::End(TagEnd::List(_)), _) => "</ul>",
                Event::Md(Md::Start(Tag::Item), _) => "<li>",
                Event::Md(Md::End(TagEnd::Item), _) => "</li>",
                _ => "",
            })
            .collect();
        assert_eq!(shape, "<ul><li><ul><li></li></ul></li><li></li></ul>");
        assert_eq!(
            events[0].attrs().and_then(|a| a.get("id")),
            Some("markdown-toc"),
            "the outer list should get kramdown's id"
        );
        let link_ids: Vec<&str> = events
            .iter()
            .filter(|e| matches!(e, Event::Md(Md::Start(Tag::Link { .. }), _)))
            .filter_map(|e| e.attrs().and_then(|a| a.get("id")))
            .collect();
        assert_eq!(
            link_ids,
            ["markdown-toc-a", "markdown-toc-b", "markdown-toc-c"]
        );
    }
}
