//! The Liquid stage on any template: no panic, and the source map stays inside the template.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postview::stages::render_liquid;
use postview::{Map, Value};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut site = Map::new();
    site.insert("baseurl_root".into(), Value::from(""));
    site.insert("url".into(), Value::from("https://example.com"));
    let mut page = Map::new();
    page.insert("title".into(), Value::from("T"));
    page.insert("date".into(), Value::from("2021-01-20"));
    let (site, page) = (Value::Map(site), Value::Map(page));
    let out = render_liquid(&text, &site, &page);
    for i in (0..=out.text.len()).step_by(97) {
        assert!(out.to_input(i) <= text.len(), "the source map points outside the template");
    }
    assert!(out.problems.iter().all(|p| p.offset <= text.len()), "an issue lies outside the template");
});
