//! The site folder's files as the preview's published page names them: `/uploads/x.png`,
//! `/assets/css/main.css`, … become `blob:` URLs of the folder's `File`s, made the first time a
//! page names them (making one reads nothing: the browser reads the file when the image shows).
//! Stylesheets, read as text when the folder was opened, are served rewritten, their own
//! `url(…)`s pointing at blobs too. Which file a URL names is `crate::folder::urls`'s rule.

use crate::folder::{css, urls, urls::Published};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, Element, NodeList, Url};

/// Elements whose URLs are the page's own resources. Links (`<a>`) keep theirs: they never
/// navigate, and the status line names them as written.
/// What a URL naming a file the folder lacks becomes: nothing to fetch.
const MISSING: &str = "data:,";

const SELECTOR: &str =
    "[src]:not(iframe):not(frame):not(script),[srcset],[poster],link[href],[style*='url(' i]";

/// What a URL in the page at a URL path becomes, if anything.
type Resolve<'r> = dyn Fn(&str, &str) -> Option<String> + 'r;

pub struct Resources {
    published: Published,
    /// Files kept unread, by path from the site root.
    files: HashMap<String, Blob>,
    /// Stylesheets, read.
    css: HashMap<String, String>,
    /// The blob URL made for each path so far.
    urls: RefCell<HashMap<String, String>>,
    /// Stylesheets being rewritten (an `@import` loop stops here).
    busy: RefCell<HashSet<String>>,
}

impl Resources {
    pub fn new(
        published: Published,
        files: HashMap<String, Blob>,
        css: HashMap<String, String>,
    ) -> Resources {
        Resources {
            published,
            files,
            css,
            urls: RefCell::default(),
            busy: RefCell::default(),
        }
    }

    /// The blob URL for `url` written in the document at URL path `from`, if it names a file of
    /// the folder; an empty `data:` URL if it names one the folder lacks, since the page's own
    /// server must never be asked for a file of the site (the Problems list names it instead).
    pub fn resolve(&self, url: &str, from: &str) -> Option<String> {
        match self.found(url, from) {
            None if urls::names_site(url) => Some(MISSING.to_owned()),
            found => found,
        }
    }

    /// The blob URL for `url` written in the document at URL path `from`, if it names a file of
    /// the folder; `None` otherwise.
    pub fn found(&self, url: &str, from: &str) -> Option<String> {
        self.published
            .file_for(url, from, |p| {
                self.files.contains_key(p) || self.css.contains_key(p)
            })
            .and_then(|path| self.blob_url(&path))
    }

    /// The path (from the site root) of the folder's file that `url` names, written in the
    /// document at URL path `from`: one of this folder's `blob:` URLs, or a URL as the site
    /// writes it. A file is the same however the URL naming it is written.
    pub fn path_of(&self, url: &str, from: &str) -> Option<String> {
        let urls = self.urls.borrow();
        if let Some((path, _)) = urls.iter().find(|(_, blob)| blob.as_str() == url) {
            return Some(path.clone());
        }
        self.published.file_for(url, from, |p| {
            self.files.contains_key(p) || self.css.contains_key(p)
        })
    }

    fn blob_url(&self, path: &str) -> Option<String> {
        if let Some(url) = self.urls.borrow().get(path) {
            return Some(url.clone());
        }
        let url = match self.css.get(path) {
            Some(text) => {
                if !self.busy.borrow_mut().insert(path.to_owned()) {
                    return None;
                }
                let from = self.published.url_of(path);
                let text = css::rewrite_urls(text, |u| self.resolve(u, &from));
                self.busy.borrow_mut().remove(path);
                text_blob(&text, "text/css")?
            }
            None => Url::create_object_url_with_blob(self.files.get(path)?).ok()?,
        };
        self.urls.borrow_mut().insert(path.to_owned(), url.clone());
        Some(url)
    }

    /// Points the URLs of every element of `list` (in the page at URL path `page`) that names a
    /// file of the folder at its blob.
    pub fn rewrite(&self, list: &NodeList, page: &str) {
        self.rewrite_with(list, page, &|u, from| self.resolve(u, from));
    }

    /// Points the URLs of every element of `list` that names a file of the folder at its blob,
    /// and leaves the others as written: the preview's own style, which has no page of the site
    /// to check its URLs against (its URLs are read from the site's root).
    pub fn rewrite_found(&self, list: &NodeList) {
        self.rewrite_with(list, "/", &|u, from| self.found(u, from));
    }

    fn rewrite_with(&self, list: &NodeList, page: &str, resolve: &Resolve<'_>) {
        for element in (0..list.length()).filter_map(|i| list.item(i)) {
            let element: Element = element.unchecked_into();
            self.rewrite_element(&element, page, resolve);
        }
    }

    fn rewrite_element(&self, element: &Element, page: &str, resolve: &Resolve<'_>) {
        let set = |name: &str, value: Option<String>| {
            if let Some(value) = value {
                let _ = element.set_attribute(name, &value);
            }
        };
        let tag = element.local_name();
        if tag == "link" {
            let rel = element
                .get_attribute("rel")
                .unwrap_or_default()
                .to_ascii_lowercase();
            if rel
                .split_ascii_whitespace()
                .any(|r| r == "stylesheet" || r == "icon")
            {
                let href = element.get_attribute("href").unwrap_or_default();
                set("href", resolve(&href, page));
            }
        }
        for name in ["src", "poster"] {
            if let Some(value) = element.get_attribute(name) {
                set(name, resolve(&value, page));
            }
        }
        if let Some(srcset) = element.get_attribute("srcset") {
            set("srcset", Self::srcset(&srcset, page, resolve));
        }
        if let Some(style) = element.get_attribute("style") {
            if style.to_ascii_lowercase().contains("url(") {
                let rewritten = css::rewrite_urls(&style, |u| resolve(u, page));
                set("style", (rewritten != style).then_some(rewritten));
            }
        }
    }

    /// `a.png 1x, b.png 2x` with each URL that names a file replaced; `None` if none does.
    fn srcset(srcset: &str, page: &str, resolve: &Resolve<'_>) -> Option<String> {
        let mut changed = false;
        let parts: Vec<String> = srcset
            .split(',')
            .map(|candidate| {
                let candidate = candidate.trim();
                let (url, descriptor) = candidate
                    .split_once(char::is_whitespace)
                    .unwrap_or((candidate, ""));
                match resolve(url, page) {
                    Some(blob) => {
                        changed = true;
                        format!("{blob} {descriptor}").trim_end().to_owned()
                    }
                    None => candidate.to_owned(),
                }
            })
            .collect();
        changed.then(|| parts.join(", "))
    }

    /// The selector of the elements [`Resources::rewrite`] looks at.
    pub fn selector() -> &'static str {
        SELECTOR
    }
}

impl Drop for Resources {
    fn drop(&mut self) {
        for url in self.urls.borrow().values() {
            let _ = Url::revoke_object_url(url);
        }
    }
}

/// A blob URL holding `text`.
fn text_blob(text: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    Url::create_object_url_with_blob(&blob).ok()
}
