//! The preview as the site's published page, while a site folder is open and the post shown is
//! one of its posts: the frame's document takes the page's `<head>` (its stylesheets from the
//! folder, as blobs) and its `<body>` (the layout), and the post's body inside that layout is
//! patched block by block as the plain preview's is. The layout and the head are rebuilt only
//! when they change (a new title, a new date), from the page without its body
//! (`crate::folder::shell`); on a keystroke in a paragraph, only that paragraph is written.
//!
//! The document is the site frame's (`www/preview-site.html`), whose policy lets the site's
//! style sheets and fonts in; the page shows that frame only for the site's posts. Nothing runs:
//! the frame's sandbox has no `allow-scripts` and its policy no script source; scripts and
//! `<base>` are taken out of what is shown all the same, as they can do nothing but harm there,
//! and what would make a request or navigate is made inert (`inert.rs`). The document's own
//! nodes (its title) are set aside while a page is shown, and put back when the site is closed.
//!
//! A keystroke that leaves the front matter as it was renders the body alone ([`SiteView::render`])
//! as `render_page` renders it; the page's `Preview` has the whole page made again once
//! typing pauses.

use super::inert;
use super::patch::{Blocks, PatchStats, Prepare};
use super::resources::Resources;
use crate::diagnostic::Diagnostic;
use crate::folder::shell::{self, BODY_MARK};
use crate::{Rendered, RenderedPage, Site, SiteDiagnostic};
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, DocumentFragment, DomParser, Element, HtmlElement, HtmlHeadElement, Node,
    SupportedType,
};

pub struct SiteView {
    pub site: Site,
    posts: HashSet<String>,
    resources: Rc<Resources>,
    document: Document,
    head: Blocks,
    body: Blocks,
    /// The page without its body, as last shown.
    shell: String,
    saved: Option<Saved>,
    /// What the last whole page was made with, for keystrokes that only touch the body.
    last: Option<Last>,
}

/// The last whole page's post, front matter, URL and layout problems.
struct Last {
    path: String,
    front: String,
    url: String,
    layout_diagnostics: Vec<SiteDiagnostic>,
}

/// A post rendered for the site view: the whole page, or (`page` None) its body alone, the
/// layout left as it is until the page is made again once typing pauses (`settle`).
pub struct SitePart {
    pub page: Option<String>,
    pub url: String,
    pub layout_diagnostics: Vec<SiteDiagnostic>,
    /// The post's checks against the site's templates and posts (`Site::check_post`), apart from
    /// the renderer's diagnostics.
    pub checks: Vec<Diagnostic>,
    pub settle: bool,
}

/// The preview's own document, set aside while the site's page is shown.
struct Saved {
    head: Vec<Node>,
    body: Vec<Node>,
    html_attributes: Vec<(String, String)>,
    body_attributes: Vec<(String, String)>,
}

impl SiteView {
    pub fn new(document: Document, site: Site, resources: Resources) -> Option<SiteView> {
        let resources = Rc::new(resources);
        let (head, body) = blocks_in(&document, &resources)?;
        // Without layouts of its own (a theme gem's), a page would be its bare body: the
        // preview's own look shows the post better.
        let posts = if site.has_layouts() {
            site.posts()
        } else {
            Vec::new()
        };
        Some(SiteView {
            posts: posts.into_iter().collect(),
            site,
            resources,
            document,
            head,
            body,
            shell: String::new(),
            saved: None,
            last: None,
        })
    }

    /// Draws into `document` from now on (a new document of the site frame): nothing of the old
    /// one is kept, the next page is built whole.
    pub fn attach(&mut self, document: Document) {
        let Some((head, body)) = blocks_in(&document, &self.resources) else {
            return;
        };
        self.document = document;
        self.head = head;
        self.body = body;
        self.shell.clear();
        self.saved = None;
        self.last = None;
    }

    /// Whether `path` is one of the site's posts, shown as published (the site has layouts).
    pub fn has(&self, path: &str) -> bool {
        self.posts.contains(path)
    }

    /// Renders the post at `path` from `text`, whose front matter (its `---` lines included) is
    /// `front`. On screen with the same post and front matter as the last whole page, and unless
    /// `whole`, only the body is rendered (`Site::render_body`, as `render_page` renders it): its
    /// layouts cost ten times more, too much for a keystroke on a big post.
    pub fn render(
        &mut self,
        path: &str,
        text: &str,
        front: &str,
        whole: bool,
    ) -> (Rendered, SitePart) {
        if let Some(last) = self
            .last
            .as_ref()
            .filter(|l| !whole && self.saved.is_some() && l.path == path && l.front == front)
        {
            let body = self.site.render_body(path, text);
            let part = SitePart {
                page: None,
                url: last.url.clone(),
                layout_diagnostics: last.layout_diagnostics.clone(),
                checks: self.checks(path, text, &body),
                settle: true,
            };
            return (body, part);
        }
        let RenderedPage {
            post,
            page,
            url,
            layout_diagnostics,
        } = self.site.render_page_unchecked(path, Some(text));
        self.last = Some(Last {
            path: path.to_owned(),
            front: front.to_owned(),
            url: url.clone(),
            layout_diagnostics: layout_diagnostics.clone(),
        });
        let part = SitePart {
            page: Some(page),
            url,
            layout_diagnostics,
            checks: self.checks(path, text, &post),
            settle: false,
        };
        (post, part)
    }

    /// The post's checks against the site: `Site::check_post`'s and its links that lead nowhere.
    fn checks(&self, path: &str, text: &str, post: &Rendered) -> Vec<Diagnostic> {
        let mut checks = self.site.check_post(path, text);
        checks.extend(self.site.check_links(path, text, post));
        checks
    }

    /// Shows a body rendered alone, in the layout on screen.
    pub fn show_body(&mut self, body: &str) -> PatchStats {
        self.body.patch(body)
    }

    /// Whether the site's page is on screen.
    pub fn active(&self) -> bool {
        self.saved.is_some()
    }

    /// The post body's blocks on screen.
    pub fn nodes(&self) -> &[Node] {
        self.body.nodes()
    }

    /// Shows the page `page` (published at URL path `url`) whose post body is `body`. With
    /// `layout` false (the front matter is broken) the layout stays as it was and only the body
    /// changes.
    pub fn show(&mut self, page: &str, body: &str, url: &str, layout: bool) -> PatchStats {
        self.activate();
        if !layout && !self.shell.is_empty() {
            return self.body.patch(body);
        }
        let (shell, found) = shell::split(page, body);
        if shell != self.shell {
            *self.resources.page_url.borrow_mut() = url.to_owned();
            self.build(&shell);
            self.shell = shell;
        }
        self.body.patch(found.unwrap_or(""))
    }

    /// The layout and head of `shell` in the frame's document, the body's blocks moved in.
    fn build(&mut self, shell: &str) {
        let Some(parsed) = DomParser::new()
            .ok()
            .and_then(|p| p.parse_from_string(shell, SupportedType::TextHtml).ok())
        else {
            return;
        };
        let (Some(head), Some(body), Some(frame_body)) =
            (parsed.head(), parsed.body(), self.document.body())
        else {
            return;
        };
        self.head.patch(&head.inner_html());
        if let (Some(from), Some(to)) =
            (parsed.document_element(), self.document.document_element())
        {
            set_attributes(&to, &attributes(&from));
        }
        set_attributes(&frame_body, &attributes(&body));

        if let Ok(list) = body.query_selector_all("script,base") {
            for node in (0..list.length()).filter_map(|i| list.item(i)) {
                node.unchecked_into::<Element>().remove();
            }
        }
        inert::quiet(body.unchecked_ref::<Element>());
        if let Ok(list) = body.query_selector_all(Resources::selector()) {
            self.resources.rewrite(&list);
        }
        frame_body.set_inner_html("");
        while let Some(child) = body.first_child() {
            let _ = frame_body.append_child(&child);
        }
        match find_mark(frame_body.unchecked_ref()) {
            Some(mark) => {
                if let Some(parent) = mark.parent_element() {
                    self.body.rehome(parent, Some(mark));
                }
            }
            None => {
                if let Ok(aside) = self.document.create_element("div") {
                    self.body.rehome(aside, None);
                }
            }
        }
    }

    /// Sets the preview's own document aside, once.
    fn activate(&mut self) {
        if self.saved.is_some() {
            return;
        }
        let Some((head, body, html)) = parts(&self.document) else {
            return;
        };
        // Its stylesheet and title go; its charset and its policy stay.
        let own_head: Vec<Node> = children(head.unchecked_ref())
            .into_iter()
            .filter(|n| {
                let name = n.node_name().to_ascii_lowercase();
                name == "link" || name == "style" || name == "title"
            })
            .collect();
        for node in &own_head {
            let _ = head.remove_child(node);
        }
        let own_body = children(body.unchecked_ref());
        for node in &own_body {
            let _ = body.remove_child(node);
        }
        self.saved = Some(Saved {
            head: own_head,
            body: own_body,
            html_attributes: attributes(&html),
            body_attributes: attributes(&body),
        });
    }

    /// Puts the preview's own document back.
    pub fn deactivate(&mut self) {
        let Some(saved) = self.saved.take() else {
            return;
        };
        self.head.patch("");
        self.body.patch("");
        self.shell.clear();
        self.last = None;
        let Some((head, body, html)) = parts(&self.document) else {
            return;
        };
        body.set_inner_html("");
        for node in &saved.head {
            let _ = head.append_child(node);
        }
        for node in &saved.body {
            let _ = body.append_child(node);
        }
        set_attributes(&html, &saved.html_attributes);
        set_attributes(&body, &saved.body_attributes);
    }
}

impl Drop for SiteView {
    fn drop(&mut self) {
        self.deactivate();
    }
}

/// The blocks of the page's head (in `document`'s) and of the post's body (in a container the
/// layout is built around), each HTML prepared: scripts and `<base>` out, the folder's files as
/// blobs.
fn blocks_in(document: &Document, resources: &Rc<Resources>) -> Option<(Blocks, Blocks)> {
    let for_blocks = Rc::clone(resources);
    let prepare: Prepare = Rc::new(move |fragment: &DocumentFragment| {
        if let Ok(list) = fragment.query_selector_all("script,base") {
            for node in (0..list.length()).filter_map(|i| list.item(i)) {
                node.unchecked_into::<Element>().remove();
            }
        }
        if let Ok(list) = fragment.query_selector_all(Resources::selector()) {
            for_blocks.rewrite(&list);
        }
    });
    let mut head = Blocks::within(document.head()?.unchecked_into(), None);
    head.set_prepare(Some(Rc::clone(&prepare)));
    let mut body = Blocks::within(document.create_element("div").ok()?, None);
    body.set_prepare(Some(prepare));
    Some((head, body))
}

/// The document's `<head>`, `<body>` and `<html>`, when it has all three.
fn parts(document: &Document) -> Option<(HtmlHeadElement, HtmlElement, Element)> {
    Some((
        document.head()?,
        document.body()?,
        document.document_element()?,
    ))
}

fn children(node: &Node) -> Vec<Node> {
    let list = node.child_nodes();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

fn attributes(element: &Element) -> Vec<(String, String)> {
    element
        .get_attribute_names()
        .iter()
        .filter_map(|name| name.as_string())
        .map(|name| {
            let value = element.get_attribute(&name).unwrap_or_default();
            (name, value)
        })
        .collect()
}

/// Makes `element`'s attributes exactly `list`.
fn set_attributes(element: &Element, list: &[(String, String)]) {
    for (name, _) in attributes(element) {
        if !list.iter().any(|(n, _)| *n == name) {
            let _ = element.remove_attribute(&name);
        }
    }
    for (name, value) in list {
        if element.get_attribute(name).as_deref() != Some(value) {
            let _ = element.set_attribute(name, value);
        }
    }
}

/// The `<!--postview:body-->` comment under `root`.
fn find_mark(root: &Node) -> Option<Node> {
    let mut stack = vec![root.first_child()?];
    while let Some(node) = stack.pop() {
        if let Some(next) = node.next_sibling() {
            stack.push(next);
        }
        if node.node_type() == Node::COMMENT_NODE && node.node_value().as_deref() == Some(BODY_MARK)
        {
            return Some(node);
        }
        if let Some(child) = node.first_child() {
            stack.push(child);
        }
    }
    None
}
