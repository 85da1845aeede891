//! The preview as the site's published page, while a site folder is open and the post shown is
//! one of its posts (a new one too, made in the page, saved or not): the site frame ([`Frame`]) shows the page, and on a keystroke in a paragraph
//! only that paragraph is written. The translation shown beside, when it is a post of the site,
//! is shown as its page too, in a frame of its own with the same folder files.
//!
//! The documents are the site frames' (`www/preview-site.html`), whose policy lets the site's
//! style sheets and fonts in; the page shows those frames only for the site's posts.
//!
//! A keystroke that leaves the front matter as it was renders the body alone ([`SiteView::render`])
//! as `render_page` renders it; the page's `Preview` has the whole page made again once
//! typing pauses.

use super::frame::Frame;
use super::patch::{PatchStats, Prepare};
use super::resources::Resources;
use crate::diagnostic::Diagnostic;
use crate::translations::align::{align_blocks_named, Row};
use crate::{Rendered, RenderedPage, Site, SiteDiagnostic};
use std::collections::HashSet;
use std::rc::Rc;
use web_sys::{Document, DocumentFragment, Node};

pub struct SiteView {
    pub site: Site,
    posts: HashSet<String>,
    resources: Rc<Resources>,
    frame: Frame,
    /// The translation shown beside, when it is one of the site's posts.
    beside: Option<Frame>,
    /// What the last whole page was made with, for keystrokes that only touch the body.
    last: Option<Last>,
    /// The page of the site shown instead of the post (`site_pages.rs`), by its path under
    /// `_site/`.
    pub shown_page: Option<String>,
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

impl SiteView {
    pub fn new(document: Document, site: Site, resources: Resources) -> Option<SiteView> {
        let resources = Rc::new(resources);
        let frame = Frame::new(document, Rc::clone(&resources))?;
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
            frame,
            beside: None,
            last: None,
            shown_page: None,
        })
    }

    /// What each HTML of the preview's own style goes through while this folder is open (a post
    /// of the folder the site does not show as a page, and the translation beside it): the
    /// folder's files at their `blob:` URLs, the same file at the same URL in both frames; other
    /// URLs stay as written.
    pub fn plain_prepare(&self) -> Prepare {
        let resources = Rc::clone(&self.resources);
        Rc::new(move |fragment: &DocumentFragment| {
            if let Ok(list) = fragment.query_selector_all(Resources::selector()) {
                resources.rewrite_found(&list);
            }
        })
    }

    /// Draws into `document` from now on (a new document of the site frame): nothing of the old
    /// one is kept, the next page is built whole.
    pub fn attach(&mut self, document: Document) {
        if let Some(frame) = Frame::new(document, Rc::clone(&self.resources)) {
            self.frame = frame;
            self.last = None;
        }
    }

    /// Whether `path` is shown as published: one of the site's posts (see [`Self::add_post`]).
    pub fn has(&self, path: &str) -> bool {
        self.posts.contains(path)
    }

    /// Takes `path`, a new file of the folder (New post, Translate), as one of the site's posts
    /// when Jekyll's reader would read it as one and the site has layouts: it is shown as
    /// published from then on. Returns whether it is.
    pub fn add_post(&mut self, path: &str) -> bool {
        if self.site.has_layouts() && self.site.reads_as_post(path) {
            self.posts.insert(path.to_owned());
        }
        self.has(path)
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
            .filter(|l| !whole && self.frame.active() && l.path == path && l.front == front)
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
        self.frame.show_body(body)
    }

    /// Whether the site's page is on screen.
    pub fn active(&self) -> bool {
        self.frame.active()
    }

    /// The post body's blocks on screen.
    pub fn nodes(&self) -> &[Node] {
        self.frame.nodes()
    }

    /// Shows the page `page` (published at URL path `url`) whose post body is `body`. With
    /// `layout` false (the front matter is broken) the layout stays as it was and only the body
    /// changes.
    pub fn show(&mut self, page: &str, body: &str, url: &str, layout: bool) -> PatchStats {
        self.frame.show(page, body, url, layout)
    }

    /// Shows a page of the site that is not the post (`page`, at URL path `url`, whose own
    /// content is `body`). The post's page comes back whole after `deactivate`.
    pub fn show_other(&mut self, page: &str, body: &str, url: &str) -> PatchStats {
        self.frame.show(page, body, url, true)
    }

    /// Puts the site frame's own document back.
    pub fn deactivate(&mut self) {
        self.frame.deactivate();
        self.last = None;
    }

    /// Shows the post at `path` (from `text`) as its published page in `document` (the frame
    /// beside); false, showing nothing, when it is not shown as published (see [`Self::has`]).
    pub fn show_beside(&mut self, document: Document, path: &str, text: &str) -> bool {
        if !self.has(path) {
            self.hide_beside();
            return false;
        }
        if !self
            .beside
            .as_ref()
            .is_some_and(|f| f.draws_into(&document))
        {
            self.beside = Frame::new(document, Rc::clone(&self.resources));
        }
        let Some(frame) = self.beside.as_mut() else {
            return false;
        };
        let page = self.site.render_page_unchecked(path, Some(text));
        frame.show(&page.page, &page.post.html, &page.url, true);
        true
    }

    /// Puts the frame beside back to its own document.
    pub fn hide_beside(&mut self) {
        self.beside = None;
    }

    /// The blocks of the translation beside, as shown.
    pub fn beside_nodes(&self) -> &[Node] {
        self.beside.as_ref().map_or(&[], |f| f.nodes())
    }

    /// Aligns the blocks of the post shown (`left`) with those of the translation beside
    /// (`right`), each block's HTML as on screen: an image is named by the folder file its URL
    /// names (a `blob:` URL or the path as written, read from each side's page), so that how
    /// the URL is written does not matter.
    pub fn align(&self, left: &[String], right: &[String]) -> Vec<Row> {
        let from_left = if self.frame.active() {
            self.last
                .as_ref()
                .map_or_else(|| self.frame.url(), |l| l.url.clone())
        } else {
            "/".to_owned()
        };
        let from_right = self
            .beside
            .as_ref()
            .map_or_else(|| "/".to_owned(), Frame::url);
        align_blocks_named(
            left,
            right,
            &|url| self.resources.path_of(url, &from_left),
            &|url| self.resources.path_of(url, &from_right),
        )
    }
}
