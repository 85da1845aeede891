//! The page's Rust side (`src/page/`, feature `page`) in headless Chromium: the render loop's
//! debounce, drafts in localStorage, keyed patching of the preview's blocks, the heading kept
//! while the front matter is broken, the `postview:rendered` event, and a site's translation
//! shown beside as its page, its blocks matched by the files their images name.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! cargo test --target wasm32-unknown-unknown --features page --test page` (or `bash .ci/test wasm`).

#![cfg(all(target_arch = "wasm32", feature = "page"))]

use gloo_timers::future::TimeoutFuture;
use postview::page::debounce::{Debounce, MAX_WAIT_MS};
use postview::page::drafts::{self, Name, Stored};
use postview::page::patch::Blocks;
use postview::page::Preview;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Node};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh `<div>` in the test page.
fn container() -> Element {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &key.into()).unwrap()
}

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// A preview in a fresh container, counting its reports and keeping the last.
struct Harness {
    root: Element,
    preview: Preview,
    reports: Rc<Cell<u32>>,
    last: Rc<RefCell<JsValue>>,
    _callback: Closure<dyn FnMut(JsValue)>,
}

impl Harness {
    fn new() -> Harness {
        let root = container();
        let reports = Rc::new(Cell::new(0));
        let last = Rc::new(RefCell::new(JsValue::UNDEFINED));
        let callback = {
            let (reports, last) = (reports.clone(), last.clone());
            Closure::<dyn FnMut(JsValue)>::new(move |report| {
                reports.set(reports.get() + 1);
                *last.borrow_mut() = report;
            })
        };
        let preview = Preview::new(
            &root,
            callback
                .as_ref()
                .unchecked_ref::<js_sys::Function>()
                .clone(),
        )
        .unwrap();
        Harness {
            root,
            preview,
            reports,
            last,
            _callback: callback,
        }
    }

    fn heading(&self) -> String {
        self.root
            .query_selector("h1")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    }

    fn body(&self) -> String {
        self.root
            .query_selector(".post-body")
            .unwrap()
            .unwrap()
            .inner_html()
    }

    fn report(&self, key: &str) -> JsValue {
        get(&self.last.borrow(), key)
    }
}

const POST: &str =
    "---\ntitle: Hello\ntype: News\ndate: 2024-02-03\n---\nFirst *para*.\n\nSecond para.\n";

#[wasm_bindgen_test]
async fn a_burst_of_edits_should_render_once_with_the_last_text() {
    let h = Harness::new();
    h.preview
        .open("burst".into(), "en".into(), None, POST.into());
    assert_eq!(h.reports.get(), 1, "open should render at once");
    for word in ["one", "two", "three", "four", "five"] {
        h.preview.edit(format!("{POST}\n{word}\n"));
    }
    assert_eq!(h.reports.get(), 1, "edits should not render synchronously");
    assert!(h.preview.pending());
    TimeoutFuture::new(MAX_WAIT_MS as u32 + 50).await;
    assert_eq!(
        h.reports.get(),
        2,
        "the burst should make exactly one render"
    );
    assert!(!h.preview.pending());
    assert!(
        h.body().contains("<p>five</p>"),
        "the render should show the last edit: {}",
        h.body()
    );
    assert!(!h.body().contains("four"));
}

#[wasm_bindgen_test]
async fn a_fast_render_should_run_before_the_task_of_the_edit_ends() {
    let h = Harness::new();
    h.preview
        .open("microtask".into(), "en".into(), None, POST.into());
    // Edits and their renders first, until the last render is a fast one (a loaded machine can
    // make any one slow, and a slow one makes the next edit wait for a pause).
    for _ in 0..10 {
        h.preview.edit(format!("{POST}\nwarm\n"));
        TimeoutFuture::new(20).await;
        if Debounce::pause_for(h.preview.last_ms()) == 0 {
            break;
        }
    }
    let before = h.reports.get();

    h.preview.edit(format!("{POST}\nnow\n"));
    assert_eq!(
        h.reports.get(),
        before,
        "edits should not render synchronously"
    );
    // A promise reaction queued after the edit runs after the render's microtask, before any timer
    // and before the browser draws a frame: the preview changes in the frame of the keystroke.
    let seen = Rc::new(Cell::new(0));
    let probe = {
        let (seen, reports) = (seen.clone(), h.reports.clone());
        Closure::once(move |_: JsValue| seen.set(reports.get()))
    };
    let _ = js_sys::Promise::resolve(&JsValue::NULL).then(&probe);
    TimeoutFuture::new(0).await;
    assert_eq!(
        seen.get(),
        before + 1,
        "a fast render should run in a microtask"
    );
    assert!(h.body().contains("<p>now</p>"), "{}", h.body());
}

#[wasm_bindgen_test]
async fn a_long_burst_should_still_fire_within_the_max_wait() {
    let fired = Rc::new(Cell::new(None::<f64>));
    let mut debounce = Debounce::default();
    let start = now();
    // An edit every 20 ms with a 100 ms pause never leaves a pause: only the ceiling fires it.
    for _ in 0..30 {
        let slot = fired.clone();
        debounce.schedule(now(), 100, move || slot.set(Some(now())));
        TimeoutFuture::new(20).await;
        if fired.get().is_some() {
            break;
        }
    }
    let at = fired
        .get()
        .expect("the debounce should fire during a long burst")
        - start;
    assert!(at < MAX_WAIT_MS + 60.0, "fired after {at} ms");
}

#[wasm_bindgen_test]
fn the_pause_should_be_zero_for_fast_renders_and_bounded_for_slow_ones() {
    assert_eq!(Debounce::pause_for(2.0), 0);
    let slow = Debounce::pause_for(40.0);
    assert!(slow > 0 && f64::from(slow) < MAX_WAIT_MS, "{slow}");
    assert!(f64::from(Debounce::pause_for(10_000.0)) < MAX_WAIT_MS);
}

fn name(folder: &str, id: &str, lang: &str) -> Name {
    Name::new(folder, id, lang)
}

fn text(stored: Option<Stored>) -> Option<String> {
    match stored {
        Some(Stored::Text(text)) => Some(text),
        other => panic!("a draft should be stored as text, it is {other:?}"),
    }
}

/// What `Preview::load_draft` gives the page: `(text, damaged)`.
fn loaded(folder: &str, id: &str, lang: &str) -> Option<(String, bool)> {
    let value = Preview::load_draft(folder, id, lang).unwrap();
    if value.is_null() || value.is_undefined() {
        return None;
    }
    Some((
        get(&value, "text").as_string().unwrap(),
        get(&value, "damaged").as_bool().unwrap(),
    ))
}

#[wasm_bindgen_test]
fn drafts_should_round_trip_per_path_and_language() {
    let id = "_i18n/ja/_posts/2024-01-01-round-trip.md";
    let (ja, en) = (name("", id, "ja"), name("", id, "en"));
    drafts::remove(&ja);
    drafts::remove(&en);
    drafts::save(&ja, "下書き：**太字**\n").unwrap();
    drafts::save(&en, "draft\n").unwrap();
    assert_eq!(
        text(drafts::load(&ja)).as_deref(),
        Some("下書き：**太字**\n")
    );
    assert_eq!(text(drafts::load(&en)).as_deref(), Some("draft\n"));
    assert_eq!(
        drafts::load(&name("", id, "ko")),
        None,
        "another language should have no draft"
    );
    assert_eq!(
        drafts::load(&name("", "other.md", "ja")),
        None,
        "another post should have no draft"
    );
    assert!(
        drafts::list().contains(&ja),
        "the list should name the draft"
    );
    drafts::remove(&ja);
    assert_eq!(drafts::load(&ja), None);
    assert_eq!(
        text(drafts::load(&en)).as_deref(),
        Some("draft\n"),
        "removing one language should keep the other"
    );
    drafts::remove(&en);
}

#[wasm_bindgen_test]
fn a_draft_should_belong_to_its_folder() {
    let path = "_i18n/en/_posts/2021-01-01-same.md";
    let a = Preview::folder_id(
        "site",
        &Preview::fingerprint(vec!["_config.yml".into()], vec![10.0]),
    );
    let b = Preview::folder_id(
        "site",
        &Preview::fingerprint(vec!["_config.yml".into()], vec![12.0]),
    );
    assert_ne!(
        a, b,
        "two sites with the same name but other files should be two folders"
    );
    let (in_a, in_b) = (name(&a, path, "en"), name(&b, path, "en"));
    drafts::remove(&in_a);
    drafts::remove(&in_b);
    drafts::save(&in_a, "edited in A\n").unwrap();
    assert_eq!(
        drafts::load(&in_b),
        None,
        "folder B should not see A's draft"
    );
    assert_eq!(
        drafts::load(&name("", path, "en")),
        None,
        "no folder should not see A's draft either"
    );
    drafts::remove(&in_b);
    assert_eq!(
        text(drafts::load(&in_a)).as_deref(),
        Some("edited in A\n"),
        "discarding B's draft should leave A's"
    );
    assert!(
        drafts::list().contains(&in_a),
        "A's draft should be listed with its folder"
    );
    let key = format!("postview:draft@{a}:en:{path}");
    assert_eq!(
        drafts::Name::of_key(&key),
        Some(in_a.clone()),
        "its key should name it"
    );
    assert_eq!(drafts::folder_name(&a), "site");
    drafts::remove(&in_a);
}

#[wasm_bindgen_test]
fn a_folder_name_with_colons_and_at_signs_should_not_break_the_key() {
    let folder = Preview::folder_id("a:b@c%d", "token");
    let draft = name(&folder, "x:y.md", "ja");
    drafts::save(&draft, "t").unwrap();
    assert!(
        drafts::list().contains(&draft),
        "the draft should be listed as saved"
    );
    assert_eq!(
        drafts::folder_name(&folder),
        "a:b@c%d",
        "the folder's name should read back"
    );
    drafts::remove(&draft);
}

#[wasm_bindgen_test]
fn a_stored_draft_that_is_not_json_should_be_handed_back_raw() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .set_item("postview:draft:en:damaged.md", "\"cut short, never closed")
        .unwrap();
    assert_eq!(
        drafts::load(&name("", "damaged.md", "en")),
        Some(Stored::Damaged("\"cut short, never closed".into())),
        "a value that is not JSON should come back raw, marked damaged"
    );
    assert_eq!(
        loaded("", "damaged.md", "en"),
        Some(("\"cut short, never closed".into(), true)),
        "the page should get the raw text, marked damaged"
    );
    drafts::remove(&name("", "damaged.md", "en"));
}

#[wasm_bindgen_test]
fn a_preview_should_save_each_languages_edit_under_its_own_key() {
    let h = Harness::new();
    for lang in ["en", "ja"] {
        drafts::remove(&name("", "family", lang));
    }
    h.preview
        .open("family".into(), "en".into(), None, POST.into());
    h.preview.edit(format!("{POST}English edit\n"));
    // Opening the other language saves the pending English draft first.
    h.preview
        .open("family".into(), "ja".into(), None, POST.into());
    h.preview.edit(format!("{POST}日本語\n"));
    h.preview.flush();
    assert_eq!(
        loaded("", "family", "en"),
        Some((format!("{POST}English edit\n"), false))
    );
    assert_eq!(
        loaded("", "family", "ja"),
        Some((format!("{POST}日本語\n"), false))
    );
    assert!(h.body().contains("日本語"), "flush should render too");
    for lang in ["en", "ja"] {
        drafts::remove(&name("", "family", lang));
    }
}

#[wasm_bindgen_test]
fn a_preview_should_save_drafts_in_the_folder_set_when_the_post_was_opened() {
    let h = Harness::new();
    h.preview.set_folder("folder-a~1".into());
    h.preview
        .open("post.md".into(), "en".into(), None, POST.into());
    // The next folder applies to posts opened after it, not to the one on screen.
    h.preview.set_folder("folder-b~2".into());
    h.preview.edit(format!("{POST}edit\n"));
    h.preview.flush();
    assert_eq!(
        loaded("folder-a~1", "post.md", "en"),
        Some((format!("{POST}edit\n"), false))
    );
    assert_eq!(
        loaded("folder-b~2", "post.md", "en"),
        None,
        "another folder should get no draft"
    );
    assert!(
        h.preview.is_stored(&format!("{POST}edit\n")),
        "the text typed should be stored"
    );
    assert!(
        !h.preview.is_stored(POST),
        "an older text should not count as stored"
    );
    drafts::remove(&name("folder-a~1", "post.md", "en"));
}

#[wasm_bindgen_test]
fn opening_a_post_should_not_write_a_draft() {
    let h = Harness::new();
    drafts::remove(&name("", "untouched", "en"));
    h.preview
        .open("untouched".into(), "en".into(), None, POST.into());
    h.preview.flush();
    h.preview
        .open("elsewhere".into(), "en".into(), None, POST.into());
    assert_eq!(loaded("", "untouched", "en"), None);
}

#[wasm_bindgen_test]
fn a_render_that_finished_should_leave_no_mark_and_a_paused_preview_should_render_nothing() {
    let h = Harness::new();
    let _ = drafts::take_unfinished();
    h.preview
        .open("marked".into(), "en".into(), None, POST.into());
    assert_eq!(
        drafts::take_unfinished(),
        None,
        "a render that finished should clear its mark"
    );
    drafts::rendering(Some(&name("", "marked", "en")));
    assert_eq!(
        drafts::take_unfinished(),
        Some(name("", "marked", "en")),
        "a mark left set should name the draft whose render never finished"
    );
    assert_eq!(
        drafts::take_unfinished(),
        None,
        "the mark should be read once"
    );

    h.preview.set_paused(true);
    h.preview.edit(format!("{POST}Typed while paused.\n"));
    h.preview.flush();
    assert!(
        !h.body().contains("para"),
        "a paused preview should show nothing of the post"
    );
    assert_eq!(
        h.report("paused").as_bool(),
        Some(true),
        "its report should say it is paused"
    );
    assert!(
        h.preview.is_stored(&format!("{POST}Typed while paused.\n")),
        "what is typed should still be stored"
    );
    h.preview.set_paused(false);
    assert!(
        !h.body().contains("Typed while paused."),
        "unpausing alone should not render"
    );
    h.preview.render();
    assert!(
        h.body().contains("Typed while paused."),
        "render should render the text kept"
    );
    drafts::remove(&name("", "marked", "en"));
}

fn children(element: &Element) -> Vec<Node> {
    let list = element.child_nodes();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

fn same(a: &Node, b: &Node) -> bool {
    a.is_same_node(Some(b))
}

#[wasm_bindgen_test]
fn a_block_the_reader_changed_should_be_kept_while_its_markup_is_the_same() {
    let div = container();
    let mut blocks = Blocks::new(div.clone());
    let details = "<details><summary>More</summary><p>x</p></details>";
    blocks.patch(&format!("{details}<p>one</p>"));
    let before = children(&div);
    // The reader opens it: the page's node changes, the post's markup does not.
    before[0]
        .unchecked_ref::<Element>()
        .set_attribute("open", "")
        .unwrap();

    let stats = blocks.patch(&format!("{details}<p>two</p>"));
    let after = children(&div);
    assert_eq!((stats.kept, stats.written, stats.removed), (1, 1, 1));
    assert!(same(&before[0], &after[0]));
    assert!(after[0].unchecked_ref::<Element>().has_attribute("open"));
}

#[wasm_bindgen_test]
fn a_changed_block_should_be_the_only_one_rewritten() {
    let div = container();
    let mut blocks = Blocks::new(div.clone());
    blocks.patch("<h2 id=\"a\">A</h2>\n\n<p>one</p>\n\n<p>two</p>\n\n<p>three</p>\n");
    let before = children(&div);
    assert_eq!(before.len(), 4, "white space between blocks is not a block");

    let stats = blocks.patch("<h2 id=\"a\">A</h2>\n\n<p>one</p>\n\n<p>TWO</p>\n\n<p>three</p>\n");
    let after = children(&div);
    assert_eq!((stats.kept, stats.written, stats.removed), (3, 1, 1));
    assert!(
        same(&before[0], &after[0]) && same(&before[1], &after[1]) && same(&before[3], &after[3])
    );
    assert!(!same(&before[2], &after[2]));
    assert_eq!(after[2].text_content().as_deref(), Some("TWO"));
}

#[wasm_bindgen_test]
fn inserting_removing_and_moving_blocks_should_keep_the_others() {
    let div = container();
    let mut blocks = Blocks::new(div.clone());
    blocks.patch("<p>a</p><p>b</p><p>c</p>");
    let [a, b, c]: [Node; 3] = children(&div).try_into().unwrap();

    let stats = blocks.patch("<p>a</p><p>new</p><p>b</p><p>c</p>");
    assert_eq!((stats.kept, stats.written, stats.removed), (3, 1, 0));
    let now = children(&div);
    assert!(same(&now[0], &a) && same(&now[2], &b) && same(&now[3], &c));

    let stats = blocks.patch("<p>a</p><p>c</p>");
    assert_eq!((stats.written, stats.removed), (0, 2));
    let now = children(&div);
    assert!(same(&now[0], &a) && same(&now[1], &c));

    // Swapped blocks are moved, not rewritten.
    let stats = blocks.patch("<p>c</p><p>a</p>");
    assert_eq!((stats.kept, stats.written), (2, 0));
    let now = children(&div);
    assert!(same(&now[0], &c) && same(&now[1], &a));
    assert_eq!(blocks.nodes().len(), 2);
    assert!(
        same(&blocks.nodes()[0], &c),
        "the node list follows the DOM"
    );

    let stats = blocks.patch("<p>c</p><p>a</p>");
    assert_eq!(
        (stats.kept, stats.written, stats.removed),
        (2, 0, 0),
        "the same HTML changes nothing"
    );
}

#[wasm_bindgen_test]
fn blocks_in_a_frame_should_be_keyed_by_their_markup_too() {
    // The page patches an iframe's document: its nodes are of another realm, where `instanceof`
    // this window's Element fails. Two blocks with the same text but other markup must differ.
    let frame = document().create_element("iframe").unwrap();
    document().body().unwrap().append_child(&frame).unwrap();
    let frame_document: web_sys::Document = get(&frame, "contentDocument").unchecked_into();
    let body = frame_document.create_element("div").unwrap();
    frame_document.body().unwrap().append_child(&body).unwrap();
    let mut blocks = Blocks::new(body.clone());
    blocks.patch("<p><img src=\"a.png\" alt=\"\"></p><p>same</p>");
    let first = children(&body)[0].clone();
    let stats = blocks.patch(
        "<p><img src=\"b.png\" alt=\"\"></p><p>same</p><meta http-equiv=\"refresh\" content=\"0\">",
    );
    assert_eq!(
        (stats.kept, stats.written, stats.removed),
        (1, 2, 1),
        "{stats:?}"
    );
    assert!(
        !same(&children(&body)[0], &first),
        "an image with another src is another block"
    );
    assert!(body.inner_html().contains("b.png"));
    assert!(
        !body.inner_html().contains("http-equiv"),
        "{}",
        body.inner_html()
    );
}

#[wasm_bindgen_test]
fn a_refresh_meta_should_lose_its_http_equiv() {
    let div = container();
    let mut blocks = Blocks::new(div.clone());
    blocks.patch("<meta http-equiv=\"refresh\" content=\"0;url=about:blank\"><p>x</p>");
    let meta = div
        .query_selector("meta")
        .unwrap()
        .expect("the meta element stays");
    assert!(!meta.has_attribute("http-equiv"));
    assert_eq!(
        meta.get_attribute("content").as_deref(),
        Some("0;url=about:blank")
    );
}

#[wasm_bindgen_test]
fn links_that_fetch_by_themselves_and_pings_should_be_made_inert() {
    let div = container();
    let mut blocks = Blocks::new(div.clone());
    blocks.patch(concat!(
        "<link rel=\"prefetch\" href=\"http://127.0.0.1:9/a\">",
        "<p><link rel=\"DNS-Prefetch preconnect\" href=\"//127.0.0.1:9\">",
        "<link rel=\"stylesheet\" href=\"s.css\">",
        "<a href=\"x\" ping=\"http://127.0.0.1:9/p\" attributionsrc=\"http://127.0.0.1:9/r\">x</a></p>",
    ));
    assert_eq!(
        div.query_selector_all("link[rel]").unwrap().length(),
        1,
        "only the style sheet should keep its rel: {}",
        div.inner_html()
    );
    assert_eq!(blocks.nodes().len(), 2, "each block should keep its place");
    assert!(
        div.query_selector("[ping],[attributionsrc]")
            .unwrap()
            .is_none(),
        "pings and attribution reports should go: {}",
        div.inner_html()
    );
    assert!(postview::page::inert::quiet_rel("stylesheet alternate"));
    assert!(!postview::page::inert::quiet_rel("stylesheet preload"));
    assert!(!postview::page::inert::quiet_rel("modulepreload"));
}

#[wasm_bindgen_test]
fn the_heading_should_be_as_inert_as_the_body() {
    let h = Harness::new();
    let post = concat!(
        "---\ntype: ''\ntitle: '<meta http-equiv=\"refresh\" content=\"0;url=about:blank\">",
        "<link rel=\"prefetch\" href=\"http://127.0.0.1:9/t\">Title'\n---\nBody.\n",
    );
    h.preview
        .open("inert-title".into(), "en".into(), None, post.into());
    let h1 = h.root.query_selector("h1").unwrap().unwrap();
    assert_eq!(
        h1.text_content().as_deref(),
        Some("Title"),
        "the heading should still show"
    );
    assert!(
        h1.query_selector("[http-equiv],link[rel]")
            .unwrap()
            .is_none(),
        "the heading should lose what would refresh or fetch: {}",
        h1.inner_html()
    );
}

#[wasm_bindgen_test]
fn the_translation_beside_should_be_made_inert_too() {
    let div = container();
    Preview::show_inert(
        &div,
        "<meta http-equiv=\"refresh\" content=\"0\"><link rel=\"preload\" href=\"x\"><p>Beside</p>",
    );
    assert_eq!(
        div.text_content().as_deref(),
        Some("Beside"),
        "the HTML should be shown"
    );
    assert!(
        div.query_selector("[http-equiv],link[rel]")
            .unwrap()
            .is_none(),
        "what would refresh or fetch should be taken out: {}",
        div.inner_html()
    );
}

#[wasm_bindgen_test]
fn attaching_to_a_new_root_should_draw_the_post_there() {
    let h = Harness::new();
    h.preview
        .open("moved".into(), "en".into(), None, POST.into());
    let root = container();
    h.preview.attach(&root).unwrap();
    assert!(
        root.query_selector(".post-body")
            .unwrap()
            .unwrap()
            .inner_html()
            .contains("<em>para</em>"),
        "the new root should show the post at once: {}",
        root.inner_html()
    );
    h.preview.edit(format!("{POST}More.\n"));
    h.preview.flush();
    assert!(
        root.inner_html().contains("More."),
        "later edits should be drawn there too"
    );
}

#[wasm_bindgen_test]
fn the_heading_should_follow_the_post_layout() {
    let h = Harness::new();
    h.preview.open("h".into(), "en".into(), None, POST.into());
    assert_eq!(h.heading(), "News | Hello");
    let date = h.root.query_selector(".post-date").unwrap().unwrap();
    assert_eq!(date.text_content().as_deref(), Some("2024-02-03"));

    h.preview.open(
        "h".into(),
        "en".into(),
        None,
        "---\ntitle: Plain\ntype: ''\n---\nx\n".into(),
    );
    assert_eq!(h.heading(), "Plain", "an empty type shows the title alone");
    h.preview.open(
        "h".into(),
        "en".into(),
        None,
        "---\ntitle: No type\n---\nx\n".into(),
    );
    assert_eq!(
        h.heading(),
        " | No type",
        "a missing type is nil, and nil != '' in Liquid"
    );
}

#[wasm_bindgen_test]
fn broken_front_matter_should_keep_the_heading_and_update_the_body() {
    let h = Harness::new();
    h.preview.open("b".into(), "en".into(), None, POST.into());
    let broken = "---\ntitle: Hello\ntype: [unclosed\ndate: 2024-02-03\n---\nNew body.\n";
    h.preview.open("b2".into(), "en".into(), None, POST.into());
    h.preview.edit(broken.into());
    h.preview.flush();
    assert_eq!(
        h.report("frontMatter").as_string().as_deref(),
        Some("broken")
    );
    assert_eq!(
        h.heading(),
        "News | Hello",
        "the heading keeps the last good one"
    );
    assert!(
        h.body().contains("New body."),
        "the body is rendered anyway"
    );
    let diagnostics: js_sys::Array = h.report("diagnostics").unchecked_into();
    assert!(diagnostics.length() > 0);
    let line = get(&diagnostics.get(0), "line").as_f64().unwrap();
    assert!(
        (2.0..=5.0).contains(&line),
        "the error should be in the front matter, not on line {line}"
    );

    // An unclosed front matter keeps the whole last good render.
    h.preview.edit("---\ntitle: Hello\n\nNew body.\n".into());
    h.preview.flush();
    assert_eq!(
        h.report("frontMatter").as_string().as_deref(),
        Some("unclosed")
    );
    assert!(h.body().contains("New body."));
    assert!(
        !h.body().contains("title"),
        "the YAML should not show as text"
    );

    // A post that opens unclosed has no last good render: its text shows as Jekyll would read it.
    h.preview.open(
        "b3".into(),
        "en".into(),
        None,
        "---\ntitle: Fresh\n\nFresh body.\n".into(),
    );
    assert!(h.body().contains("Fresh body."), "{}", h.body());
    h.preview
        .edit("---\ntitle: Fresh\n\nFresh body, edited.\n".into());
    h.preview.flush();
    assert!(
        h.body().contains("edited"),
        "it should keep updating: {}",
        h.body()
    );
}

#[wasm_bindgen_test]
fn keys_of_other_languages_should_name_translations() {
    let h = Harness::new();
    let text = "---\ntitle: Hallo\nen: _i18n/en/_posts/2024-01-01-hi.md\nes: []\n---\nx\n";
    h.preview.open(
        "de".into(),
        "de".into(),
        Some("_i18n/de/_posts/2024-01-01-hallo.md".into()),
        text.into(),
    );
    assert_eq!(
        h.report("postLang").as_string().as_deref(),
        Some("de"),
        "the path's folder names the language"
    );
    assert_eq!(
        h.report("date").as_string().as_deref(),
        Some("2024-01-01"),
        "the path's name gives the date"
    );
    let text = "---\ntitle: Hallo\nen: _i18n/en/_posts/2024-01-01-hi.md\nfr: _i18n/fr/_posts/2024-01-01-salut.md\n---\nx\n";
    h.preview.edit(text.into());
    h.preview.flush();
    let translations: js_sys::Array = h.report("translations").unchecked_into();
    let langs: Vec<String> = translations
        .iter()
        .map(|t| get(&t, "lang").as_string().unwrap())
        .collect();
    assert_eq!(langs, ["en", "fr"]);
}

#[wasm_bindgen_test]
fn every_update_should_dispatch_postview_rendered_with_its_time() {
    let seen = Rc::new(RefCell::new(Vec::<f64>::new()));
    let listener = {
        let seen = seen.clone();
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
            seen.borrow_mut()
                .push(get(&event.detail(), "ms").as_f64().unwrap_or(-1.0));
        })
    };
    let window = web_sys::window().unwrap();
    window
        .add_event_listener_with_callback("postview:rendered", listener.as_ref().unchecked_ref())
        .unwrap();
    let h = Harness::new();
    h.preview
        .open("event".into(), "en".into(), None, POST.into());
    h.preview.edit(format!("{POST}\nmore\n"));
    h.preview.flush();
    window
        .remove_event_listener_with_callback("postview:rendered", listener.as_ref().unchecked_ref())
        .unwrap();
    let seen = seen.borrow();
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert!(seen.iter().all(|ms| (0.0..1000.0).contains(ms)), "{seen:?}");
    assert_eq!(h.preview.block_nodes().length(), 3);
}

/// The site view's blocks: the post body among the layout's own children, before a marker.
#[wasm_bindgen_test]
fn blocks_within_a_layout_should_stay_before_their_end_and_leave_the_rest() {
    let div = container();
    div.set_inner_html("<h1>Title</h1><!--postview:body--><footer>epilogue</footer>");
    let mark = children(&div)[1].clone();
    let mut blocks = Blocks::within(div.clone(), Some(mark.clone()));
    blocks.patch("<p>one</p><p>two</p>");
    assert_eq!(
        div.inner_html(),
        "<h1>Title</h1><p>one</p><p>two</p><!--postview:body--><footer>epilogue</footer>"
    );
    blocks.patch("<p>one</p><p>two</p><p>three</p>");
    assert_eq!(
        div.inner_html(),
        "<h1>Title</h1><p>one</p><p>two</p><p>three</p><!--postview:body--><footer>epilogue</footer>"
    );

    // The layout rebuilt: the same block nodes move into it.
    let first = blocks.nodes()[0].clone();
    let other = container();
    other.set_inner_html("<header>new</header><!--postview:body-->");
    let mark = children(&other)[1].clone();
    blocks.rehome(other.clone(), Some(mark));
    assert_eq!(
        other.inner_html(),
        "<header>new</header><p>one</p><p>two</p><p>three</p><!--postview:body-->"
    );
    assert!(same(&first, &blocks.nodes()[0]));
    let stats = blocks.patch("<p>one</p><p>2</p><p>three</p>");
    assert_eq!((stats.kept, stats.written, stats.removed), (2, 1, 1));
    assert_eq!(
        other.inner_html(),
        "<header>new</header><p>one</p><p>2</p><p>three</p><!--postview:body-->"
    );
}

/// What a site's page prepares in each new HTML (its URLs, its scripts) is done before the
/// comparison, so an unchanged block stays.
#[wasm_bindgen_test]
fn a_prepared_block_should_be_kept_when_its_prepared_markup_is_the_same() {
    let div = container();
    let mut blocks = Blocks::new(div.clone());
    blocks.set_prepare(Some(Rc::new(|fragment: &web_sys::DocumentFragment| {
        if let Ok(list) = fragment.query_selector_all("img") {
            for i in 0..list.length() {
                let img: Element = list.item(i).unwrap().unchecked_into();
                img.set_attribute("src", "blob:x").unwrap();
            }
        }
    })));
    blocks.patch("<p><img src=\"/a.png\"></p><p>text</p>");
    let before = children(&div);
    assert_eq!(
        before[0].unchecked_ref::<Element>().inner_html(),
        "<img src=\"blob:x\">"
    );
    let stats = blocks.patch("<p><img src=\"/a.png\"></p><p>more text</p>");
    assert_eq!((stats.kept, stats.written, stats.removed), (1, 1, 1));
    assert!(same(&before[0], &children(&div)[0]));
}

#[wasm_bindgen_test]
fn an_empty_post_should_get_one_message_not_a_note_about_front_matter() {
    let h = Harness::new();
    h.preview.open("empty".into(), "en".into(), None, "".into());
    h.preview.flush();
    assert_ne!(
        h.report("frontMatter").as_string().as_deref(),
        Some("none"),
        "an empty post should not get the note about a missing front matter: Jekyll lays it out"
    );
    let diagnostics: js_sys::Array = h.report("diagnostics").unchecked_into();
    let codes: Vec<String> = diagnostics
        .iter()
        .map(|d| get(&d, "code").as_string().unwrap_or_default())
        .collect();
    assert_eq!(
        codes,
        ["post/empty-file"],
        "the empty post should get exactly one problem"
    );
}

const SITE_EN: &str =
    "---\nlayout: post\ntitle: One\n---\nOnly in English.\n\n![a](/uploads/a.png)\n";
const SITE_JA: &str = "---\nlayout: post\ntitle: Ichi\n---\n![a](/uploads/a.png)\n";

/// `[{ path, <key>: value }]`, as `openSite` takes its texts and files.
fn entries(key: &str, list: &[(&str, JsValue)]) -> js_sys::Array {
    let out = js_sys::Array::new();
    for (path, value) in list {
        let o = js_sys::Object::new();
        js_sys::Reflect::set(&o, &"path".into(), &(*path).into()).unwrap();
        js_sys::Reflect::set(&o, &key.into(), value).unwrap();
        out.push(&o);
    }
    out
}

/// A document of its own, as a site frame's is.
fn new_document() -> web_sys::Document {
    web_sys::DomParser::new()
        .unwrap()
        .parse_from_string(
            "<!doctype html><html><head><title>Preview</title></head><body></body></html>",
            web_sys::SupportedType::TextHtml,
        )
        .unwrap()
}

/// A site with a layout, two translations that show one folder image, and that image (a `Blob`
/// kept unread), opened in a document of its own; the English post shown.
fn site_with_translations(h: &Harness) -> web_sys::Document {
    let doc = new_document();
    let layout = "<html><head><title>{{ page.title }}</title></head><body><main class=\"page\">{{ content }}</main></body></html>";
    let texts = entries(
        "text",
        &[
            ("_config.yml", "title: T\n".into()),
            ("_layouts/post.html", layout.into()),
            ("_posts/2024-01-01-en.md", SITE_EN.into()),
            ("_posts/2024-01-01-ja.md", SITE_JA.into()),
        ],
    );
    let files = entries(
        "file",
        &[("uploads/a.png", web_sys::Blob::new().unwrap().into())],
    );
    h.preview
        .open_site(doc.clone(), texts.into(), files)
        .unwrap();
    let path = "_posts/2024-01-01-en.md".to_owned();
    h.preview
        .open(path.clone(), "en".into(), Some(path), SITE_EN.into());
    doc
}

fn outer_html(nodes: &js_sys::Array) -> Vec<String> {
    nodes
        .iter()
        .map(|n| n.unchecked_into::<Element>().outer_html())
        .collect()
}

#[wasm_bindgen_test]
fn an_image_shown_from_the_folder_should_match_the_same_file_written_as_a_path() {
    let h = Harness::new();
    let _site = site_with_translations(&h);
    let left = outer_html(&h.preview.block_nodes());
    assert!(
        left.iter().any(|b| b.contains("src=\"blob:")),
        "the site page should show the folder image from a blob: {left:?}"
    );
    let right = vec!["<p><img src=\"/uploads/a.png\" alt=\"a\"></p>".to_owned()];
    let rows: Vec<(Option<u32>, Option<u32>)> =
        js_sys::Array::from(&h.preview.align_shown(left.clone(), right).unwrap())
            .iter()
            .map(|r| {
                let side = |k| get(&r, k).as_f64().map(|n| n as u32);
                (side("left"), side("right"))
            })
            .collect();
    assert!(
        rows.contains(&(Some(1), Some(0))),
        "the blob: URL and the written path name one file, so their blocks should pair: {rows:?}"
    );
}

#[wasm_bindgen_test]
fn the_translation_beside_should_be_its_published_page_with_the_folder_image() {
    let h = Harness::new();
    let _site = site_with_translations(&h);
    let beside = new_document();
    assert!(
        h.preview
            .show_beside(beside.clone(), "_posts/2024-01-01-ja.md", SITE_JA),
        "a post of the site should be shown as its page beside"
    );
    assert_eq!(beside.title(), "Ichi", "the layout's head should be there");
    let img = beside
        .query_selector("main.page img")
        .unwrap()
        .expect("the body should be inside the layout");
    assert!(
        img.get_attribute("src").unwrap().starts_with("blob:"),
        "the folder image should come from the folder, not the server"
    );
    assert_eq!(
        h.preview.beside_nodes().length(),
        1,
        "the translation's body blocks should be listed"
    );
    assert!(
        !h.preview
            .show_beside(beside.clone(), "notes/todo.md", "plain\n"),
        "a file that is no post of the site should be left to the plain preview"
    );
    assert_eq!(
        beside.query_selector("main.page").unwrap(),
        None,
        "the frame should be its own document again"
    );
}
