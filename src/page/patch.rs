//! Keyed patching of the preview's body: the top-level blocks of the new HTML are compared with
//! those on screen by their markup, and only blocks that changed are written. A keystroke in one
//! paragraph rewrites that paragraph; images elsewhere stay loaded and the scroll stays put.
//!
//! The comparison is `isEqualNode` against a pristine copy of each block as it was written (the
//! page's own node may have changed since: a `<details>` opened by the reader). Serializing every
//! block to compare markup cost more than the render of a big post; markup keys are made only for
//! the changed run in the middle, to find blocks that moved.
//!
//! New HTML is parsed in a `<template>` of the preview's document: its content is inert (no
//! script runs, no image loads) until a block is moved into the page, and what would still make a
//! request or navigate once it is there is taken out first (`inert.rs`).

use super::inert;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{DocumentFragment, Element, Node};

/// Work done on each new HTML while it is still inert, before it is compared and shown.
pub type Prepare = Rc<dyn Fn(&DocumentFragment)>;

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

/// The blocks of one container, which nothing else may change (or, made by [`Blocks::within`],
/// of the run of its children before `end`).
pub struct Blocks {
    container: Element,
    /// The node the blocks come before; `None`: the end of the container.
    end: Option<Node>,
    prepare: Option<Prepare>,
    nodes: Vec<Node>,
    /// Each node as parsed, never in the page: what the next HTML's blocks are compared with.
    pristine: Vec<Node>,
    html: String,
}

impl Blocks {
    /// Takes over `container`, emptying it.
    pub fn new(container: Element) -> Blocks {
        container.set_inner_html("");
        Blocks::within(container, None)
    }

    /// Blocks to be inserted in `container` before `end` (at its end if `None`), leaving its
    /// other children alone.
    pub fn within(container: Element, end: Option<Node>) -> Blocks {
        Blocks {
            container,
            end,
            prepare: None,
            nodes: Vec::new(),
            pristine: Vec::new(),
            html: String::new(),
        }
    }

    /// From the next patch on, each new HTML goes through `prepare` once parsed.
    pub fn set_prepare(&mut self, prepare: Option<Prepare>) {
        self.prepare = prepare;
        self.html.clear();
    }

    /// Moves the blocks into `container`, before `end`: the layout around them was rebuilt.
    pub fn rehome(&mut self, container: Element, end: Option<Node>) {
        for node in &self.nodes {
            let _ = container.insert_before(node, end.as_ref());
        }
        self.container = container;
        self.end = end;
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
        let new_nodes = self.parse(html);
        let (old_len, new_len) = (self.pristine.len(), new_nodes.len());
        let same = |old: usize, new: usize| self.pristine[old].is_equal_node(Some(&new_nodes[new]));

        // Unchanged runs at both ends stay as they are.
        let prefix = (0..old_len.min(new_len))
            .take_while(|&i| same(i, i))
            .count();
        let suffix = (0..old_len.min(new_len) - prefix)
            .take_while(|&i| same(old_len - 1 - i, new_len - 1 - i))
            .count();

        // In between, a block that moved is reused; the others are written.
        let mut spare: HashMap<String, Vec<usize>> = HashMap::new();
        for i in (prefix..old_len - suffix).rev() {
            spare.entry(key(&self.pristine[i])).or_default().push(i);
        }
        let anchor = if suffix > 0 {
            Some(self.nodes[old_len - suffix].clone())
        } else {
            self.end.clone()
        };
        let mut stats = PatchStats {
            kept: (prefix + suffix) as u32,
            ..PatchStats::default()
        };
        let mut reused = vec![false; old_len];
        let mut middle = Vec::with_capacity(new_len - prefix - suffix);
        for new in &new_nodes[prefix..new_len - suffix] {
            let (node, pristine) = match spare.get_mut(&key(new)).and_then(Vec::pop) {
                Some(old) => {
                    reused[old] = true;
                    stats.kept += 1;
                    (self.nodes[old].clone(), self.pristine[old].clone())
                }
                None => {
                    stats.written += 1;
                    // The page gets a copy; the parsed node stays inert, for the next comparison.
                    let copy = new
                        .clone_node_with_deep(true)
                        .unwrap_or_else(|_| new.clone());
                    (copy, new.clone())
                }
            };
            // Moving a reused node that is already in place is harmless; order comes out right.
            let _ = self.container.insert_before(&node, anchor.as_ref());
            middle.push((node, pristine));
        }
        for (node, _) in self.nodes[prefix..old_len - suffix]
            .iter()
            .zip(&reused[prefix..old_len - suffix])
            .filter(|(_, &reused)| !reused)
        {
            let _ = self.container.remove_child(node);
            stats.removed += 1;
        }

        let (nodes, pristine): (Vec<Node>, Vec<Node>) = middle.into_iter().unzip();
        self.nodes.splice(prefix..old_len - suffix, nodes);
        self.pristine.splice(prefix..old_len - suffix, pristine);
        self.html = html.to_owned();
        stats
    }

    /// The top-level nodes of `html`, parsed in a template (inert). White space between blocks is
    /// dropped; other text and comments count as blocks, as they do in kramdown's list of blocks.
    fn parse(&self, html: &str) -> Vec<Node> {
        let document = self
            .container
            .owner_document()
            .expect("a container is in a document");
        let content = inert::parse(&document, html);
        if let Some(prepare) = &self.prepare {
            prepare(&content);
        }
        let children = content.child_nodes();
        (0..children.length())
            .filter_map(|i| children.item(i))
            .filter(|node| {
                node.node_type() != Node::TEXT_NODE
                    || !node.text_content().unwrap_or_default().trim().is_empty()
            })
            .collect()
    }
}

/// A block's markup, to find it again among the blocks of the next HTML. Node types, not
/// `instanceof` (dyn_ref): the preview's nodes belong to the frame's realm, whose Element is not
/// this window's.
fn key(node: &Node) -> String {
    if node.node_type() == Node::ELEMENT_NODE {
        node.unchecked_ref::<Element>().outer_html()
    } else {
        let text = node.text_content().unwrap_or_default();
        format!("{}\u{0}{text}", node.node_type())
    }
}
