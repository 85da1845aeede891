//! The part of the site's `post` layout around the body: the heading and the date line, as
//! `_layouts/post.html` and `_includes/date.html` write them.
//!
//! ```liquid
//! {% if page.type != '' %} <h1>{{ page.type }} | {{ page.title }}</h1>
//! {% else %} <h1>{{ page.title }}</h1> {% endif %}
//! <span class="post-date">{% include date.html date=page.date %}</span>
//! ```
//!
//! Liquid's `nil != ''` holds, so a post with no `type` key gets ` | title`, as the site shows it.
//! `{{ … }}` writes values unescaped, so the heading is HTML (it lands in the sandboxed preview,
//! made inert as the body is: `inert.rs`).

use super::inert;
use crate::value::{Map, Value};
use std::cell::RefCell;
use web_sys::{Document, Element};

/// The heading's HTML for the front matter `fm`.
pub fn heading(fm: &Map) -> String {
    let text = |key| fm.get(key).map(Value::to_liquid_string).unwrap_or_default();
    match fm.get("type") {
        Some(kind) if kind.as_str() == Some("") => text("title"),
        _ => format!("{} | {}", text("type"), text("title")),
    }
}

/// The heading and the date line in the preview document.
pub struct Header {
    h1: Element,
    date: Element,
    /// The heading's HTML as last given (the element's own markup is the inert copy's).
    heading: RefCell<String>,
}

impl Header {
    /// Adds `<h1>` and `<span class="post-date">` to `parent`.
    pub fn new(document: &Document, parent: &Element) -> Header {
        let h1 = document.create_element("h1").expect("h1 is a valid tag");
        let date = document
            .create_element("span")
            .expect("span is a valid tag");
        date.set_class_name("post-date");
        let _ = parent.append_child(&h1);
        let _ = parent.append_child(&date);
        Header {
            h1,
            date,
            heading: RefCell::default(),
        }
    }

    pub fn show(&self, heading_html: &str, date: &str) {
        if *self.heading.borrow() != heading_html {
            inert::fill(&self.h1, heading_html);
            *self.heading.borrow_mut() = heading_html.to_owned();
        }
        if self.date.text_content().as_deref() != Some(date) {
            self.date.set_text_content(Some(date));
        }
    }
}
