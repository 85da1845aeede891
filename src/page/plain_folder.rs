//! A post of the open folder in the preview's own style (a site without layouts of its own: the
//! site does not show it as a page), and the translation shown beside it: the folder's files are
//! taken from the folder, as `blob:` URLs (`SiteView::plain_prepare`), the same file at the same
//! URL in both frames; posts of no folder (the demo) keep their URLs.

use super::site_view::SiteView;
use super::{inert, Preview, State};
use wasm_bindgen::prelude::*;
use web_sys::Element;

impl State {
    /// Prepares the preview's own blocks for the post shown: from its folder while one is open.
    pub(super) fn prepare_plain(&mut self) {
        let want = self.site_view.is_some() && !self.doc.name.folder.is_empty();
        if want != self.plain_from_folder {
            let prepare = self
                .site_view
                .as_ref()
                .filter(|_| want)
                .map(SiteView::plain_prepare);
            self.blocks.set_prepare(prepare);
            self.plain_from_folder = want;
        }
    }

    /// The site view changed: the preview's own style is prepared again at its next render.
    pub(super) fn forget_plain_prepare(&mut self) {
        self.blocks.set_prepare(None);
        self.plain_from_folder = false;
    }
}

#[wasm_bindgen]
impl Preview {
    /// `showInert` for a post of the open folder (the translation beside, in the preview's own
    /// style): the folder's files at the same `blob:` URLs as in the post shown.
    #[wasm_bindgen(js_name = showInertFromFolder)]
    pub fn show_inert_from_folder(&self, element: &Element, html: &str) {
        match &self.state.borrow().site_view {
            Some(view) => inert::fill_with(element, html, &*view.plain_prepare()),
            None => inert::fill(element, html),
        }
    }
}
