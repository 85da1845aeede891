//! What a post's or a layout's HTML may not do in the previews: ask a host for anything but the
//! style sheets, fonts, images and media it shows, or move the frame elsewhere. The frames'
//! policies (`www/preview*.html`) stop scripts, frames and forms; they do not stop every hint a
//! browser acts on by itself (`<link rel=prefetch>` reaches its host despite `default-src
//! 'none'`), nor `<meta http-equiv=refresh>`. So every HTML is made inert here while it is still
//! in a `<template>`, before any of it is in a document: the body's blocks, the layout's head and
//! body, the heading, the translation beside.
//!
//! Attributes are taken out, not elements: each top-level block keeps its place, so the report's
//! `blockLines` still pair with the preview's blocks.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, DocumentFragment, Element, HtmlTemplateElement, NodeList};

/// `rel` values that fetch nothing of their own, or only a style sheet (which the frame's policy
/// vets). Any other (prefetch, preload, modulepreload, dns-prefetch, preconnect, prerender, and
/// whatever browsers add next) loses its `rel`: a `<link>` without one does nothing.
const QUIET_RELS: &[&str] = &[
    "alternate",
    "author",
    "bookmark",
    "canonical",
    "external",
    "help",
    "license",
    "me",
    "next",
    "nofollow",
    "noopener",
    "noreferrer",
    "prev",
    "stylesheet",
    "tag",
];

/// Attributes that make a request or change the document whatever element carries them: pings on
/// a click, attribution reports, a refresh or a policy in a `<meta>`.
const LOUD_ATTRIBUTES: &[(&str, &str)] = &[
    ("[ping]", "ping"),
    ("[attributionsrc]", "attributionsrc"),
    ("meta[http-equiv]", "http-equiv"),
];

/// Whether a `<link>` with this `rel` may stay as it is.
pub fn quiet_rel(rel: &str) -> bool {
    rel.split_ascii_whitespace()
        .all(|token| QUIET_RELS.iter().any(|q| q.eq_ignore_ascii_case(token)))
}

/// What can be searched with a selector: a fragment, or an element of a parsed document.
pub trait Searchable {
    /// The elements that match `selector`.
    fn search(&self, selector: &str) -> Result<NodeList, JsValue>;
}

impl Searchable for DocumentFragment {
    fn search(&self, selector: &str) -> Result<NodeList, JsValue> {
        self.query_selector_all(selector)
    }
}

impl Searchable for Element {
    fn search(&self, selector: &str) -> Result<NodeList, JsValue> {
        self.query_selector_all(selector)
    }
}

/// Makes everything under `fragment` inert (see the module's header).
pub fn quiet(fragment: &impl Searchable) {
    for (selector, attribute) in LOUD_ATTRIBUTES {
        for element in select(fragment, selector) {
            let _ = element.remove_attribute(attribute);
        }
    }
    for link in select(fragment, "link[rel]") {
        if !quiet_rel(&link.get_attribute("rel").unwrap_or_default()) {
            let _ = link.remove_attribute("rel");
        }
    }
}

/// `html` parsed in a `<template>` of `document` (inert: nothing in it loads) and made quiet.
pub fn parse(document: &Document, html: &str) -> DocumentFragment {
    let template: HtmlTemplateElement = document
        .create_element("template")
        .expect("template is a valid tag")
        .unchecked_into();
    template.set_inner_html(html);
    let content = template.content();
    quiet(&content);
    content
}

/// Makes `element` hold `html`, made quiet before it is in the document.
pub fn fill(element: &Element, html: &str) {
    fill_with(element, html, &|_| {});
}

/// `fill`, with `prepare` run over the quiet fragment before it is in the document.
pub fn fill_with(element: &Element, html: &str, prepare: &dyn Fn(&DocumentFragment)) {
    let Some(document) = element.owner_document() else {
        return;
    };
    let fragment = parse(&document, html);
    prepare(&fragment);
    element.set_inner_html("");
    let _ = element.append_child(&fragment);
}

fn select(fragment: &impl Searchable, selector: &str) -> Vec<Element> {
    let Ok(list) = fragment.search(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|node| node.unchecked_into::<Element>())
        .collect()
}
