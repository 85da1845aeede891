//! The whole pipeline on any text: no panic, and every diagnostic placed inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postview::{render_post, Options};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let post = render_post(&text, &Options::default());
    let lines = text.split(['\n', '\r']).count() as u32 + 1;
    for d in &post.diagnostics {
        assert!(d.line >= 1 && d.line <= lines && d.column >= 1, "{d:?} lies outside the text");
    }
});
