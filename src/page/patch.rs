//! Keyed patching of the preview's body: the top-level blocks of the new HTML are compared with
//! those on screen by their markup, and only blocks that changed are written. A keystroke in one
//! paragraph rewrites that paragraph; images elsewhere stay loaded and the scroll stays put.
//!
//! New HTML is parsed in a `<template>` of the preview's document: its content is inert (no
//! script runs, no image loads) until a block is moved into the page. `<meta http-equiv>` loses
//! that attribute first, because a refresh inserted into the document would navigate the
//! preview away — the sandbox allows no script, but not every directive needs one.

use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlTemplateElement, Node};

/// What a patch did, in top-level blocks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct PatchStats {
    /// Left in place, untouched.
    pub kept: u32,
    /// Written from the new HTML.
    pub written: u32,
    /// Taken out.
    pub removed: u32,
}

/// The blocks of one container, which nothing else may change.
pub struct Blocks {
    container: Element,
    nodes: Vec<Node>,
    /// The markup each node was written from, in order.
    keys: Vec<String>,
    html: String,
}

impl Blocks {
    /// Takes over `container`, emptying it.
    pub fn new(container: Element) -> Blocks {
        container.set_inner_html("");
        Blocks {
            container,
            nodes: Vec::new(),
            keys: Vec::new(),
            html: String::new(),
        }
    }

    /// The top-level nodes, in order: one per block of the HTML last given.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// Makes the container show `html`, writing only the blocks whose markup changed.
    pub fn patch(&mut self, html: &str) -> PatchStats {
        if html == self.html {
            return PatchStats {
                kept: self.nodes.len() as u32,
                ..PatchStats::default()
            };
        }
        let (new_nodes, new_keys) = self.parse(html);
        let (old_len, new_len) = (self.keys.len(), new_keys.len());

        // Unchanged runs at both ends stay as they are.
        let prefix = (0..old_len.min(new_len))
            .take_while(|&i| self.keys[i] == new_keys[i])
            .count();
        let suffix = (0..old_len.min(new_len) - prefix)
            .take_while(|&i| self.keys[old_len - 1 - i] == new_keys[new_len - 1 - i])
            .count();

        // In between, a block that moved is reused; the others are written.
        let mut spare: HashMap<&str, Vec<usize>> = HashMap::new();
        for i in (prefix..old_len - suffix).rev() {
            spare.entry(self.keys[i].as_str()).or_default().push(i);
        }
        let anchor = (suffix > 0).then(|| self.nodes[old_len - suffix].clone());
        let mut stats = PatchStats {
            kept: (prefix + suffix) as u32,
            ..PatchStats::default()
        };
        let mut reused = vec![false; old_len];
        let mut middle = Vec::with_capacity(new_len - prefix - suffix);
        for i in prefix..new_len - suffix {
            let node = match spare.get_mut(new_keys[i].as_str()).and_then(Vec::pop) {
                Some(old) => {
                    reused[old] = true;
                    stats.kept += 1;
                    self.nodes[old].clone()
                }
                None => {
                    stats.written += 1;
                    new_nodes[i].clone()
                }
            };
            // Moving a reused node that is already in place is harmless; order comes out right.
            let _ = self.container.insert_before(&node, anchor.as_ref());
            middle.push(node);
        }
        for (node, _) in self.nodes[prefix..old_len - suffix]
            .iter()
            .zip(&reused[prefix..old_len - suffix])
            .filter(|(_, &reused)| !reused)
        {
            let _ = self.container.remove_child(node);
            stats.removed += 1;
        }

        self.nodes.splice(prefix..old_len - suffix, middle);
        self.keys = new_keys;
        self.html = html.to_owned();
        stats
    }

    /// The top-level nodes of `html` and their keys. White space between blocks is dropped;
    /// other text and comments count as blocks, as they do in kramdown's list of blocks.
    fn parse(&self, html: &str) -> (Vec<Node>, Vec<String>) {
        let document = self
            .container
            .owner_document()
            .expect("a container is in a document");
        let template: HtmlTemplateElement = document
            .create_element("template")
            .expect("template is a valid tag")
            .unchecked_into();
        template.set_inner_html(html);
        let content = template.content();
        if let Ok(metas) = content.query_selector_all("meta[http-equiv]") {
            for meta in (0..metas.length()).filter_map(|i| metas.item(i)) {
                let _ = meta
                    .unchecked_into::<Element>()
                    .remove_attribute("http-equiv");
            }
        }
        let children = content.child_nodes();
        let mut nodes = Vec::with_capacity(children.length() as usize);
        let mut keys = Vec::with_capacity(children.length() as usize);
        for i in 0..children.length() {
            let Some(node) = children.item(i) else {
                continue;
            };
            // Node types, not `instanceof` (dyn_ref): the preview's nodes belong to the frame's
            // realm, whose Element is not this window's.
            let key = if node.node_type() == Node::ELEMENT_NODE {
                node.unchecked_ref::<Element>().outer_html()
            } else {
                let text = node.text_content().unwrap_or_default();
                if node.node_type() == Node::TEXT_NODE && text.trim().is_empty() {
                    continue;
                }
                format!("{}\u{0}{text}", node.node_type())
            };
            nodes.push(node);
            keys.push(key);
        }
        (nodes, keys)
    }
}
