//! The Markdown stage on any text: no panic, and block offsets inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let out = postview::stages::render_markdown(&text);
    assert!(out.blocks.iter().all(|&b| b <= text.len() + 1), "a block offset lies outside the text");
});
