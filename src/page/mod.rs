//! The live preview page's Rust side (cargo feature `page`, wasm32 only; the npm package is built
//! without it). The page's JS owns the editor and the UI; it hands every edit to a [`Preview`],
//! which saves the draft, renders after a pause that suits the post's size, patches the preview
//! document block by block, and reports back — with no JS between the edit and `render_post`.
//!
//! After every update it calls the page's callback with a report ([`report::Report`]) and then
//! dispatches `postview:rendered` on `window`, `detail.ms` being the render and patch time.

#![cfg(all(feature = "page", target_arch = "wasm32"))]

pub mod debounce;
pub mod drafts;
#[cfg(feature = "site")]
mod frame;
pub mod inert;
mod layout;
pub mod patch;
mod report;
// The site view and the Forestry forms: the page's site module only (feature `site`); its body
// module shows posts in the preview's own style.
#[cfg(feature = "site")]
mod plain_folder;
#[cfg(feature = "site")]
mod resources;
#[cfg(feature = "site")]
mod site_forms;
#[cfg(feature = "site")]
mod site_pages;
#[cfg(feature = "site")]
mod site_view;

#[cfg(feature = "site")]
use crate::folder::urls::Published;
use crate::post::Translation;
use crate::value::{Map, Value};
use crate::{front_matter, post, render_post, Options};
#[cfg(feature = "site")]
use crate::{Site, SiteDiagnostic};
use debounce::Debounce;
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use layout::Header;
use patch::{Blocks, PatchStats};
use report::{FrontMatter, Report};
#[cfg(feature = "site")]
use resources::Resources;
#[cfg(feature = "site")]
use serde::Deserialize;
use serde::Serialize;
#[cfg(feature = "site")]
use site_view::{SitePart, SiteView};

/// After the last keystroke that rendered a site post's body alone, its whole page comes this
/// much later (what the layouts show of the body: read time, excerpts).
const SETTLE_MS: u32 = 300;
use crate::wasm::to_js;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// The post on screen.
#[derive(Default)]
struct Doc {
    /// Its draft's name: folder, post, language.
    name: drafts::Name,
    path: Option<String>,
    text: String,
    /// Edited since the draft was last saved.
    dirty: bool,
}

struct State {
    doc: Doc,
    site: Map,
    header: Header,
    blocks: Blocks,
    debounce: Debounce,
    last_ms: f64,
    draft_error: Option<String>,
    on_render: js_sys::Function,
    /// The block lines of this post's last render whose front matter was closed: while it is
    /// not, the body shown is that render's.
    good_lines: Option<Vec<u32>>,
    /// The site folder open, if one is: its posts are shown as their published pages.
    #[cfg(feature = "site")]
    site_view: Option<SiteView>,
    /// The whole page to come, after body-only renders.
    settle: Option<Timeout>,
    /// The folder of the posts opened from now on: their drafts are its.
    folder: String,
    /// Whether the preview's own style takes the open folder's files from it (see
    /// `prepare_plain`).
    #[cfg(feature = "site")]
    plain_from_folder: bool,
    /// Edits are kept as drafts but not rendered (a draft whose last render trapped the module).
    paused: bool,
}

/// The preview of one post at a time, drawn into a container of the (sandboxed) preview document.
#[wasm_bindgen]
pub struct Preview {
    state: Rc<RefCell<State>>,
    _listeners: [EventListener; 2],
}

#[wasm_bindgen]
impl Preview {
    /// Draws into `root` (emptied): the heading, the date line, then the body in a
    /// `<div class="post-body">`. `on_render(report)` is called after every update.
    #[wasm_bindgen(constructor)]
    pub fn new(root: &Element, on_render: js_sys::Function) -> Result<Preview, JsValue> {
        let (document, header, blocks) = parts_in(root)?;
        let state = Rc::new(RefCell::new(State {
            doc: Doc::default(),
            site: Options::default().site,
            header,
            blocks,
            debounce: Debounce::default(),
            last_ms: 0.0,
            draft_error: None,
            on_render,
            good_lines: None,
            #[cfg(feature = "site")]
            site_view: None,
            settle: None,
            folder: String::new(),
            #[cfg(feature = "site")]
            plain_from_folder: false,
            paused: false,
        }));
        // Every edit is saved as it comes (see `edit`), so these find nothing left to save today;
        // they keep a hidden or closed tab safe should saving ever be deferred again.
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
        let save = |state: Weak<RefCell<State>>| {
            move |_: &web_sys::Event| {
                if let Some(state) = state.upgrade() {
                    if let Ok(mut state) = state.try_borrow_mut() {
                        state.save_draft();
                    }
                }
            }
        };
        let listeners = [
            EventListener::new(&window, "pagehide", save(Rc::downgrade(&state))),
            EventListener::new(&document, "visibilitychange", save(Rc::downgrade(&state))),
        ];
        Ok(Preview {
            state,
            _listeners: listeners,
        })
    }

    /// Draws into `root` from now on (a new document of the preview frame, after the old one was
    /// navigated away from), and renders the post shown there at once.
    pub fn attach(&self, root: &Element) -> Result<(), JsValue> {
        let (_, header, blocks) = parts_in(root)?;
        {
            let mut state = self.state.borrow_mut();
            state.header = header;
            state.blocks = blocks;
            state.good_lines = None;
        }
        self.render_now();
        Ok(())
    }

    /// Draws the open site's pages into `document` from now on (a new document of the site
    /// frame), and renders the post shown at once.
    #[cfg(feature = "site")]
    #[wasm_bindgen(js_name = attachSite)]
    pub fn attach_site(&self, document: web_sys::Document) {
        if let Some(view) = self.state.borrow_mut().site_view.as_mut() {
            view.attach(document);
        }
        self.render_now();
    }

    /// The Liquid `site` object, laid over the default (`{ baseurl_root: "" }`), from the next
    /// render on.
    #[wasm_bindgen(js_name = setSite)]
    pub fn set_site(&self, site: JsValue) -> Result<(), JsValue> {
        let value: Value = serde_wasm_bindgen::from_value(site)
            .map_err(|e| js_sys::TypeError::new(&format!("setSite: {e}")))?;
        let Value::Map(map) = value else {
            return Err(js_sys::TypeError::new("setSite: expected a plain object").into());
        };
        self.state.borrow_mut().site = Options::with_site(map).site;
        Ok(())
    }

    /// The folder (an id from `folderId`, `""` for none) whose posts are opened from now on: the
    /// drafts of those posts are that folder's.
    #[wasm_bindgen(setter)]
    pub fn set_folder(&self, folder: String) {
        self.state.borrow_mut().folder = folder;
    }

    /// While paused, edits are kept as drafts and nothing is rendered: each report says
    /// `paused`, with no diagnostics. Unpausing renders nothing by itself (the post shown may be
    /// the one that paused it): `render` does.
    #[wasm_bindgen(getter)]
    pub fn paused(&self) -> bool {
        self.state.borrow().paused
    }

    /// Stops or resumes rendering (the page pauses it while a draft that trapped is shown).
    #[wasm_bindgen(setter)]
    pub fn set_paused(&self, paused: bool) {
        self.state.borrow_mut().paused = paused;
    }

    /// Renders the post shown now.
    pub fn render(&self) {
        self.render_now();
    }

    /// Shows another post (or another language of it) at once: `id` and `lang` name its draft
    /// (with the folder set last), `path` is its path in the site, if known. The draft of the
    /// post shown before is saved first. `text` is what to show: the caller passes the saved
    /// draft if it wants it.
    pub fn open(&self, id: String, lang: String, path: Option<String>, text: String) {
        {
            let mut state = self.state.borrow_mut();
            state.save_draft();
            state.debounce.cancel();
            state.doc = Doc {
                name: drafts::Name {
                    folder: state.folder.clone(),
                    id,
                    lang,
                },
                path,
                text,
                dirty: false,
            };
            state.good_lines = None;
            state.settle = None;
            state.header.show("", "");
        }
        self.render_now();
    }

    /// The text was edited: saves it as the draft at once, and renders, after a pause if renders
    /// are slow.
    pub fn edit(&self, text: String) {
        let mut state = self.state.borrow_mut();
        state.doc.text = text;
        state.doc.dirty = true;
        // Now, not with the render: a tab that dies before the pause ends (killed, crashed, out of
        // memory: no pagehide comes) must still have every key.
        state.save_draft();
        let pause = Debounce::pause_for(state.last_ms);
        let weak = Rc::downgrade(&self.state);
        state.debounce.schedule(now(), pause, move || {
            if let Some(state) = weak.upgrade() {
                state.borrow_mut().debounce.fired();
                update(&state, false);
            }
        });
    }

    /// Runs a pending update now (draft and render), if one is pending.
    pub fn flush(&self) {
        let pending = self.state.borrow_mut().debounce.cancel();
        if pending {
            self.render_now();
        }
    }

    /// Whether an edit waits for its render.
    #[wasm_bindgen(getter)]
    pub fn pending(&self) -> bool {
        self.state.borrow().debounce.is_pending()
    }

    /// What the last update cost (render and patch), in milliseconds.
    #[wasm_bindgen(getter, js_name = lastMs)]
    pub fn last_ms(&self) -> f64 {
        self.state.borrow().last_ms
    }

    /// The preview's top-level block nodes, in the order of the report's `blockLines`.
    #[wasm_bindgen(js_name = blockNodes)]
    pub fn block_nodes(&self) -> js_sys::Array {
        let state = self.state.borrow();
        #[cfg(feature = "site")]
        if let Some(view) = state.site_view.as_ref().filter(|v| v.active()) {
            return view.nodes().iter().collect();
        }
        state.blocks.nodes().iter().collect()
    }

    /// Opens a site folder, whose posts are drawn into `document` (the site frame's, whose policy
    /// lets the site's style sheets in): `texts` are its files read as text (`[{ path, text }]`, paths from
    /// the site root: see `planFolder`), `files` the others (`[{ path, file }]`, `File`s, not
    /// read). From the next render on, a post of the site is shown as its published page.
    /// Returns `{ posts, languages, diagnostics }`: the site's post paths, its languages and its
    /// problems.
    #[cfg(feature = "site")]
    #[wasm_bindgen(js_name = openSite)]
    pub fn open_site(
        &self,
        document: web_sys::Document,
        texts: JsValue,
        files: js_sys::Array,
    ) -> Result<JsValue, JsValue> {
        #[derive(Deserialize)]
        struct Text {
            path: String,
            text: String,
        }
        let texts: Vec<Text> = serde_wasm_bindgen::from_value(texts)
            .map_err(|e| js_sys::TypeError::new(&format!("openSite: texts: {e}")))?;
        let mut blobs = std::collections::HashMap::new();
        for entry in files.iter() {
            let path = js_sys::Reflect::get(&entry, &"path".into())?.as_string();
            let file = js_sys::Reflect::get(&entry, &"file".into())?;
            match (path, file.dyn_into::<web_sys::Blob>()) {
                (Some(path), Ok(file)) => blobs.insert(path, file),
                _ => {
                    return Err(js_sys::TypeError::new(
                        "openSite: files should be [{ path, file }]",
                    )
                    .into())
                }
            };
        }
        let config = texts.iter().find(|t| t.path == "_config.yml");
        let published = Published::from_config(config.map_or("", |t| t.text.as_str()));
        let css = texts
            .iter()
            .filter(|t| t.path.to_ascii_lowercase().ends_with(".css"))
            .map(|t| (t.path.clone(), t.text.clone()))
            .collect();
        let site = Site::new(texts.into_iter().map(|t| (t.path, t.text)))
            .with_assets(blobs.keys().cloned());
        #[derive(Serialize)]
        struct Opened {
            posts: Vec<String>,
            languages: Vec<String>,
            diagnostics: Vec<SiteDiagnostic>,
        }
        let opened = Opened {
            posts: site.posts(),
            languages: site.languages(),
            diagnostics: site.diagnostics(),
        };
        let mut state = self.state.borrow_mut();
        state.site_view = None;
        state.site_view = SiteView::new(document, site, Resources::new(published, blobs, css));
        state.forget_plain_prepare();
        to_js(&opened)
    }

    /// Shows the post at `path` (from `text`) beside the one edited, as its published page in
    /// `document` (the translation's site frame), when the open site publishes it so (see
    /// `render`). Returns whether it did; false leaves that frame as its own document, for the
    /// plain preview of the translation.
    #[wasm_bindgen(js_name = showBeside)]
    pub fn show_beside(&self, document: web_sys::Document, path: &str, text: &str) -> bool {
        #[cfg(feature = "site")]
        if let Some(view) = self.state.borrow_mut().site_view.as_mut() {
            return view.show_beside(document, path, crate::source_text(text).as_ref());
        }
        let _ = (document, path, text);
        false
    }

    /// Puts the translation's site frame back to its own document (side by side is off).
    #[wasm_bindgen(js_name = hideBeside)]
    pub fn hide_beside(&self) {
        #[cfg(feature = "site")]
        if let Some(view) = self.state.borrow_mut().site_view.as_mut() {
            view.hide_beside();
        }
    }

    /// The top-level blocks of the post body shown by `showBeside`.
    #[wasm_bindgen(js_name = besideNodes)]
    pub fn beside_nodes(&self) -> js_sys::Array {
        #[cfg(feature = "site")]
        if let Some(view) = &self.state.borrow().site_view {
            return view.beside_nodes().iter().collect();
        }
        js_sys::Array::new()
    }

    /// Pairs the blocks of the post shown (`left`) with those of the translation beside
    /// (`right`), each block's HTML as on screen, as `alignBlocks` does; an image is known by the
    /// folder file its URL names (a `blob:` URL or the path as written), while a site is open.
    #[wasm_bindgen(js_name = alignShown)]
    pub fn align_shown(&self, left: Vec<String>, right: Vec<String>) -> Result<JsValue, JsValue> {
        #[cfg(feature = "site")]
        if let Some(view) = &self.state.borrow().site_view {
            return to_js(&view.align(&left, &right));
        }
        to_js(&crate::translations::align::align_blocks(&left, &right))
    }

    /// A new post of the open site folder at `path` (New post, Translate; saved or not): shown as
    /// its published page, as the site's other posts are, when the site would publish it as a
    /// post. Returns whether it will be.
    #[wasm_bindgen(js_name = addSitePost)]
    pub fn add_site_post(&self, path: &str) -> bool {
        #[cfg(feature = "site")]
        if let Some(view) = self.state.borrow_mut().site_view.as_mut() {
            return view.add_post(path);
        }
        let _ = path;
        false
    }

    /// Closes the site folder: posts are shown in the preview's own style again.
    #[cfg(feature = "site")]
    #[wasm_bindgen(js_name = closeSite)]
    pub fn close_site(&self) {
        let mut state = self.state.borrow_mut();
        state.site_view = None;
        state.forget_plain_prepare();
    }

    /// Which files of an opened folder to read (`paths` as the browser gives them, each starting
    /// with the folder's name): `{ site, files: [{ path, read }] }`, `site` false when the folder
    /// is not a Jekyll site (an `_i18n` folder alone), `path` each file's path from the site root
    /// (`null` for files outside it), `read` whether `openSite` needs its text.
    #[cfg(feature = "site")]
    #[wasm_bindgen(js_name = planFolder)]
    pub fn plan_folder(paths: Vec<String>) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct Planned {
            path: Option<String>,
            read: bool,
        }
        #[derive(Serialize)]
        struct Plan {
            site: bool,
            files: Vec<Planned>,
        }
        let root = crate::folder::site_root(paths.iter().map(String::as_str));
        let files = paths
            .iter()
            .map(|p| {
                let path = root
                    .as_deref()
                    .and_then(|r| p.strip_prefix(r))
                    .map(str::to_owned);
                let read = path.as_deref().is_some_and(crate::folder::read_up_front);
                Planned { path, read }
            })
            .collect();
        to_js(&Plan {
            site: root.is_some(),
            files,
        })
    }

    /// The saved draft of `id` in `lang` of `folder`, if any: `{ text, damaged }`, `damaged`
    /// when what is stored is not a draft as saved (its raw text is `text` then).
    #[wasm_bindgen(js_name = loadDraft)]
    pub fn load_draft(folder: &str, id: &str, lang: &str) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct Loaded {
            text: String,
            damaged: bool,
        }
        let loaded = drafts::load(&drafts::Name::new(folder, id, lang)).map(|d| match d {
            drafts::Stored::Text(text) => Loaded {
                text,
                damaged: false,
            },
            drafts::Stored::Damaged(text) => Loaded {
                text,
                damaged: true,
            },
        });
        to_js(&loaded)
    }

    /// Saves `text` as the draft of `id` in `lang` of `folder` (a post not on screen: e.g. a
    /// translation whose links were just written). Fails when storage is full or switched off.
    #[wasm_bindgen(js_name = saveDraft)]
    pub fn save_draft_of(folder: &str, id: &str, lang: &str, text: &str) -> Result<(), JsValue> {
        drafts::save(&drafts::Name::new(folder, id, lang), text).map_err(|e| JsValue::from_str(&e))
    }

    /// Forgets the saved draft of `id` in `lang` (the page discards an edit).
    #[wasm_bindgen(js_name = discardDraft)]
    pub fn discard_draft(folder: &str, id: &str, lang: &str) {
        drafts::remove(&drafts::Name::new(folder, id, lang));
    }

    /// Every saved draft, as `[{ folder, folderName, id, lang }]`.
    #[wasm_bindgen(js_name = listDrafts)]
    pub fn list_drafts() -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Entry {
            folder_name: String,
            #[serde(flatten)]
            name: drafts::Name,
        }
        let list: Vec<Entry> = drafts::list()
            .into_iter()
            .map(|name| Entry {
                folder_name: drafts::folder_name(&name.folder),
                name,
            })
            .collect();
        to_js(&list)
    }

    /// The draft a storage key names (`{ folder, id, lang }`), or `null`: for the page to know
    /// when another tab wrote the draft it shows.
    #[wasm_bindgen(js_name = draftOfKey)]
    pub fn draft_of_key(key: &str) -> Result<JsValue, JsValue> {
        to_js(&drafts::Name::of_key(key))
    }

    /// Whether the draft of the post shown holds `text`.
    #[wasm_bindgen(js_name = isStored)]
    pub fn is_stored(&self, text: &str) -> bool {
        let state = self.state.borrow();
        matches!(drafts::load(&state.doc.name), Some(drafts::Stored::Text(t)) if t == text)
    }

    /// The draft whose last render never finished (it trapped the module, or the tab died), as
    /// `{ folder, id, lang }`, or `null`. Read once: the mark is cleared.
    #[wasm_bindgen(js_name = takeUnfinished)]
    pub fn take_unfinished() -> Result<JsValue, JsValue> {
        to_js(&drafts::take_unfinished())
    }

    /// The id of a folder for its drafts: `name` is its name, `token` what identifies it (see
    /// `fingerprint`, or a random id kept with its directory handle).
    #[wasm_bindgen(js_name = folderId)]
    pub fn folder_id(name: &str, token: &str) -> String {
        drafts::folder_id(name, token)
    }

    /// The name of the folder whose id (from `folderId`) is `id`: for the page to say which
    /// folder to open again.
    #[wasm_bindgen(js_name = folderName)]
    pub fn folder_name(id: &str) -> String {
        drafts::folder_name(id)
    }

    /// What identifies a folder opened without a handle to keep: `paths` and `sizes` of its
    /// files, each path from inside the folder.
    pub fn fingerprint(paths: Vec<String>, sizes: Vec<f64>) -> String {
        drafts::fingerprint(paths.iter().map(String::as_str).zip(sizes))
    }

    /// Makes `element` (in a preview frame) hold `html`, made inert first as the preview's own
    /// blocks are: for the translation shown beside.
    #[wasm_bindgen(js_name = showInert)]
    pub fn show_inert(element: &Element, html: &str) {
        inert::fill(element, html);
    }

    /// The front matter's `{ title, lang, date, translations }`, without rendering the body:
    /// for listing a folder's posts.
    pub fn describe(text: &str, path: Option<String>) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct Description {
            title: Option<String>,
            lang: Option<String>,
            date: Option<String>,
            translations: Vec<Translation>,
        }
        let text = crate::source_text(text);
        let parts = front_matter::split(&text);
        let fm = parts
            .yaml
            .map(|range| front_matter::parse(&text[range]).0)
            .unwrap_or_default();
        let options = Options {
            path,
            ..Options::default()
        };
        to_js(&Description {
            title: post::title(&fm),
            lang: post::lang(&fm, &options),
            date: post::date(&fm, &options),
            translations: post::translations(&fm, &options),
        })
    }
}

impl Preview {
    fn render_now(&self) {
        self.state.borrow_mut().debounce.cancel();
        update(&self.state, false);
    }
}

impl State {
    /// The site's problems and those of the layouts the page went through.
    #[cfg(feature = "site")]
    fn site_diagnostics(&self, layouts: Option<&[SiteDiagnostic]>) -> Vec<SiteDiagnostic> {
        let Some(view) = &self.site_view else {
            return Vec::new();
        };
        let mut list = view.site.diagnostics();
        list.extend(layouts.unwrap_or_default().iter().cloned());
        list
    }

    fn save_draft(&mut self) {
        if !self.doc.dirty {
            return;
        }
        self.doc.dirty = false;
        self.draft_error = drafts::save(&self.doc.name, &self.doc.text).err();
    }

    /// Saves, renders and patches; returns the report, the time it took, and whether a whole
    /// page should follow (see [`SETTLE_MS`]). `whole`: a site post's page, not its body alone.
    fn update(&mut self, whole: bool) -> (Result<JsValue, JsValue>, f64, bool) {
        self.save_draft();
        if self.paused {
            return (self.paused_report(), 0.0, false);
        }
        // Cleared below: still set at the next start, it says this render never finished.
        drafts::rendering(Some(&self.doc.name));
        #[cfg(feature = "crash-test")]
        crate::wasm::crash_test::crash_if_armed();
        let start = now();
        let text = crate::source_text(&self.doc.text);
        let parts = front_matter::split(&text);
        let options = Options {
            site: self.site.clone(),
            path: self.doc.path.clone(),
            ..Options::default()
        };
        #[cfg(feature = "site")]
        let front = &text[..parts.body.start];
        #[cfg(feature = "site")]
        let (mut rendered, mut page): (_, Option<SitePart>) =
            match (self.site_view.as_mut(), self.doc.path.as_deref()) {
                (Some(view), Some(path)) if view.has(path) => {
                    let (post, part) = view.render(path, &text, front, whole);
                    (post, Some(part))
                }
                _ => (render_post(&text, &options), None),
            };
        // The body module has no site view: every post is shown in the preview's own style.
        #[cfg(not(feature = "site"))]
        let rendered = render_post(&text, &options);

        let state = FrontMatter::of(&text, &parts, &rendered.diagnostics);
        // The site's checks join the list once the state is read: a missing field is not a
        // broken front matter.
        #[cfg(feature = "site")]
        if let Some(part) = page.as_mut() {
            let own = std::mem::take(&mut rendered.diagnostics);
            let checks = std::mem::take(&mut part.checks);
            rendered.diagnostics = crate::forestry::with_checks(own, checks);
        }

        let mut patch = PatchStats::default();
        // While the front matter is unclosed the body shown is the last good one (if this post
        // had one), and so are the lines that scroll sync pairs with its blocks.
        let keep = state == FrontMatter::Unclosed && self.good_lines.is_some();
        // A page of the site chosen instead of the post shows, with the post in it as typed.
        #[cfg(feature = "site")]
        let other = match self.site_view.as_mut() {
            Some(view) if !keep => view.show_chosen_page(self.doc.path.as_deref(), &text),
            _ => None,
        };
        #[cfg(feature = "site")]
        if let Some(shown) = &other {
            patch = shown.patch;
        }
        #[cfg(feature = "site")]
        let shown_in_site = match (&page, self.site_view.as_mut()) {
            _ if other.is_some() => true,
            (Some(part), Some(view)) => {
                if !keep {
                    let layout = matches!(state, FrontMatter::Ok | FrontMatter::None);
                    patch = match &part.page {
                        Some(page) => view.show(page, &rendered.html, &part.url, layout),
                        None => view.show_body(&rendered.html),
                    };
                }
                true
            }
            (_, view) => {
                if let Some(view) = view {
                    view.deactivate();
                }
                false
            }
        };
        #[cfg(not(feature = "site"))]
        let shown_in_site = false;
        if !shown_in_site {
            match state {
                FrontMatter::Ok => {
                    let date = rendered.date.as_deref().unwrap_or("");
                    self.header
                        .show(&layout::heading(&rendered.front_matter), date);
                }
                FrontMatter::None => self.header.show("", ""),
                FrontMatter::Broken | FrontMatter::Unclosed => {}
            }
            if !keep {
                #[cfg(feature = "site")]
                self.prepare_plain();
                patch = self.blocks.patch(&rendered.html);
            }
        }
        if state != FrontMatter::Unclosed {
            self.good_lines = Some(rendered.block_lines.clone());
        }
        let ms = now() - start;
        // A whole page after a pause is not what the next keystroke will cost.
        if !whole || !shown_in_site {
            self.last_ms = ms;
        }
        let block_lines = match &self.good_lines {
            Some(lines) if keep => lines.as_slice(),
            _ => rendered.block_lines.as_slice(),
        };
        drafts::rendering(None);
        #[cfg(feature = "site")]
        let (url, site_diagnostics, settle) = match &other {
            Some(shown) => (
                Some(shown.url.as_str()),
                self.site_diagnostics(Some(&shown.diagnostics)),
                page.as_ref().is_some_and(|p| p.settle),
            ),
            None => (
                page.as_ref().map(|p| p.url.as_str()),
                self.site_diagnostics(page.as_ref().map(|p| p.layout_diagnostics.as_slice())),
                page.as_ref().is_some_and(|p| p.settle),
            ),
        };
        #[cfg(not(feature = "site"))]
        let (url, site_diagnostics, settle) = (None, Vec::new(), false);
        let report = to_js(&Report {
            id: &self.doc.name.id,
            lang: &self.doc.name.lang,
            paused: false,
            title: rendered.title.clone(),
            post_lang: rendered.lang.clone(),
            date: rendered.date.clone(),
            translations: rendered.translations.clone(),
            diagnostics: &rendered.diagnostics,
            block_lines,
            front_matter: state,
            ms,
            patch,
            draft_error: self.draft_error.as_deref(),
            url,
            site_diagnostics,
            needs_lexers: &rendered.needs_lexers,
        });
        (report, ms, settle)
    }

    /// The report of an update while paused: nothing rendered, the preview emptied.
    fn paused_report(&mut self) -> Result<JsValue, JsValue> {
        #[cfg(feature = "site")]
        if let Some(view) = self.site_view.as_mut() {
            view.deactivate();
        }
        self.header.show("", "");
        let patch = self.blocks.patch("");
        self.good_lines = None;
        to_js(&Report {
            id: &self.doc.name.id,
            lang: &self.doc.name.lang,
            paused: true,
            title: None,
            post_lang: None,
            date: None,
            translations: Vec::new(),
            diagnostics: &[],
            block_lines: &[],
            front_matter: FrontMatter::None,
            ms: 0.0,
            patch,
            draft_error: self.draft_error.as_deref(),
            url: None,
            site_diagnostics: Vec::new(),
            needs_lexers: &[],
        })
    }
}

/// The preview's parts in `root` (emptied): the heading and date line, then the body's blocks in a
/// `<div class="post-body">`.
fn parts_in(root: &Element) -> Result<(web_sys::Document, Header, Blocks), JsValue> {
    let document = root
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the preview root is not in a document"))?;
    root.set_inner_html("");
    let header = Header::new(&document, root);
    let body = document.create_element("div")?;
    body.set_class_name("post-body");
    root.append_child(&body)?;
    Ok((document, header, Blocks::new(body)))
}

/// Updates, then tells the page: its callback, then the `postview:rendered` event. Neither runs
/// while the state is borrowed, so either may call back into the preview.
fn update(state: &Rc<RefCell<State>>, whole: bool) {
    let weak = Rc::downgrade(state);
    let (report, ms, callback) = {
        let mut state = state.borrow_mut();
        let (report, ms, settle) = state.update(whole);
        state.settle = settle.then(|| {
            Timeout::new(SETTLE_MS, move || {
                if let Some(state) = weak.upgrade() {
                    update(&state, true);
                }
            })
        });
        (report, ms, state.on_render.clone())
    };
    match report {
        Ok(report) => {
            if let Err(e) = callback.call1(&JsValue::NULL, &report) {
                web_sys::console::error_2(&"postview: the render callback threw".into(), &e);
            }
        }
        Err(e) => web_sys::console::error_1(&e),
    }
    dispatch_rendered(ms);
}

fn dispatch_rendered(ms: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"ms".into(), &ms.into());
    let init = CustomEventInit::new();
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict("postview:rendered", &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// `performance.now()`, or 0 where there is none.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
