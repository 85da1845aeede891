//! Splitting and reading front matter on any text: no panic, ranges inside the text, and the
//! plain fast path reading exactly what serde_yaml reads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postview::stages::{parse_yaml, split_front_matter, yaml_fast_path_agrees};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parts = split_front_matter(&text);
    assert!(parts.body.end == text.len() && parts.body.start <= text.len());
    if let Some(yaml) = parts.yaml {
        let (_, problems) = parse_yaml(&text[yaml.clone()]);
        assert!(problems.iter().all(|p| p.offset <= yaml.len()));
        assert!(yaml_fast_path_agrees(&text[yaml.clone()]), "the fast path should read as serde_yaml does");
    }
});
