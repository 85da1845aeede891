//! The open site's other pages in the site frame: its home pages, 404, feeds and sitemap as the
//! build writes them (`Site::site_pages`, `Site::render_built_page`), with the post being edited
//! in them as typed — its title, type and date in the home page's list, its entry in the feeds
//! (`Site::feed_entries`). The post stays the one edited: a page is only shown in its place, and
//! every keystroke still goes to the post's draft.
//!
//! A page that is not HTML (a feed, the sitemap) is shown as text. The pages' files are not read
//! when the folder opens (only the posts and what their pages need are): the page reads those
//! `sitePageFiles` names afterwards and hands them to `addSitePages`.

use super::patch::PatchStats;
use super::site_view::SiteView;
use super::Preview;
use crate::site::{Edited, PageKind, ShownPage};
use crate::wasm::to_js;
use crate::{BuildOptions, SiteDiagnostic};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// A site page shown in the frame: its address and what it cost.
pub struct Shown {
    pub url: String,
    pub patch: PatchStats,
    pub diagnostics: Vec<SiteDiagnostic>,
}

impl SiteView {
    /// Shows the page chosen (`shown_page`), with the post at `path` (from `text`) in it when it
    /// is one of the site's posts; `None` when no page is chosen or the build writes none there.
    pub fn show_chosen_page(&mut self, path: Option<&str>, text: &str) -> Option<Shown> {
        let target = self.shown_page.clone()?;
        let edited = path
            .filter(|p| self.has(p))
            .map(|path| Edited { path, source: text });
        let shown =
            self.site
                .render_built_page(&target, edited.as_ref(), &build_options(&self.site))?;
        let ShownPage {
            page,
            text,
            body,
            diagnostics,
        } = shown;
        // An HTML page is patched as a post is: its own content block by block, its layout kept
        // while it stays the same.
        let patch = match page.kind {
            PageKind::Text => self.show_other(&as_text(&page.path, &text), "", &page.url),
            PageKind::Home | PageKind::Html => self.show_other(&text, &body, &page.url),
        };
        Some(Shown {
            url: page.url,
            patch,
            diagnostics,
        })
    }
}

/// The build's time: `_config.yml`'s `time:`, else now (the module has no clock of its own).
fn build_options(site: &crate::Site) -> BuildOptions {
    let now = || {
        let secs = (js_sys::Date::now() / 1000.0).floor() as i64;
        crate::ruby::time::utc_string(secs)
    };
    BuildOptions {
        time: Some(site.configured_time().unwrap_or_else(now)),
        ..BuildOptions::default()
    }
}

/// A text file of the build as a document of the site frame: its text in a `<pre>`, escaped.
fn as_text(path: &str, text: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    format!(
        "<!doctype html><html><head><title>{}</title></head><body><pre data-path=\"{}\" \
         style=\"white-space: pre-wrap; overflow-wrap: anywhere\">{}</pre></body></html>",
        escape(path),
        escape(path).replace('"', "&quot;"),
        escape(text)
    )
}

#[wasm_bindgen]
impl Preview {
    /// Which of `paths` (the open folder's files not read, from the site root) may be pages of
    /// the site: the page reads them and hands them to `addSitePages`.
    #[wasm_bindgen(js_name = sitePageFiles)]
    pub fn site_page_files(&self, paths: Vec<String>) -> Vec<String> {
        let state = self.state.borrow();
        let Some(view) = &state.site_view else {
            return Vec::new();
        };
        view.site.page_files(paths.iter().map(String::as_str))
    }

    /// Adds the pages read (`[{ path, text }]`, see `sitePageFiles`) to the open site, and
    /// returns its pages as `sitePages` does.
    #[wasm_bindgen(js_name = addSitePages)]
    pub fn add_site_pages(&self, texts: JsValue) -> Result<JsValue, JsValue> {
        #[derive(Deserialize)]
        struct Text {
            path: String,
            text: String,
        }
        let texts: Vec<Text> = serde_wasm_bindgen::from_value(texts)
            .map_err(|e| js_sys::TypeError::new(&format!("addSitePages: {e}")))?;
        if let Some(view) = self.state.borrow_mut().site_view.as_mut() {
            view.site
                .add_pages(texts.into_iter().map(|t| (t.path, t.text)));
        }
        self.site_pages()
    }

    /// The pages of the open site other than its posts' (`[{ path, url, lang, source, kind }]`,
    /// `kind` `home`, `html` or `text`): each language's home page first.
    #[wasm_bindgen(js_name = sitePages)]
    pub fn site_pages(&self) -> Result<JsValue, JsValue> {
        let state = self.state.borrow();
        let pages = state
            .site_view
            .as_ref()
            .map(|v| v.site.site_pages(&build_options(&v.site)))
            .unwrap_or_default();
        to_js(&pages)
    }

    /// Shows the site's page at `path` (under `_site/`, from `sitePages`) in the site frame
    /// instead of the post, with the post in it as typed, from the next render on; `null` shows
    /// the post again. Returns whether a site is open to show it. Call `render` after.
    #[wasm_bindgen(js_name = setSitePage)]
    pub fn set_site_page(&self, path: Option<String>) -> bool {
        let mut state = self.state.borrow_mut();
        let Some(view) = state.site_view.as_mut() else {
            return false;
        };
        if view.shown_page.is_some() && path.is_none() {
            // The post's page comes back whole, in a frame rebuilt for it.
            view.deactivate();
        }
        view.shown_page = path;
        true
    }

    /// The path of the site page shown instead of the post, if one is.
    #[wasm_bindgen(getter, js_name = sitePage)]
    pub fn site_page(&self) -> Option<String> {
        let state = self.state.borrow();
        state.site_view.as_ref().and_then(|v| v.shown_page.clone())
    }

    /// The language build that publishes the post shown (its home page is where it lands), or
    /// `null` when no site is open or the post is none of its files.
    #[wasm_bindgen(js_name = siteLanguageOfPost)]
    pub fn site_language_of_post(&self) -> Option<String> {
        let state = self.state.borrow();
        let view = state.site_view.as_ref()?;
        let path = state.doc.path.as_deref()?;
        Some(crate::language::build_language(
            path,
            &view.site.languages(),
        ))
    }

    /// The post's entry in each feed of its language build, as typed: `[{ feed, entry }]`,
    /// `entry` `null` where the feed does not carry it; empty when the post is not one of the
    /// open site's.
    #[wasm_bindgen(js_name = feedEntries)]
    pub fn feed_entries(&self) -> Result<JsValue, JsValue> {
        let state = self.state.borrow();
        let entries = match (&state.site_view, state.doc.path.as_deref()) {
            (Some(view), Some(path)) if view.has(path) => {
                let text = crate::source_text(&state.doc.text);
                let edited = Edited {
                    path,
                    source: &text,
                };
                view.site.feed_entries(&edited, &build_options(&view.site))
            }
            _ => Vec::new(),
        };
        to_js(&entries)
    }
}
