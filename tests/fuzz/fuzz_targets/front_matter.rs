//! Splitting and reading front matter on any text: no panic, ranges inside the text, and the
//! plain fast path reading exactly what serde_yaml reads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postview::front_matter::{fast_path_agrees, parse, split};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parts = split(&text);
    assert!(parts.body.end == text.len() && parts.body.start <= text.len());
    if let Some(yaml) = parts.yaml {
        let (_, issues) = parse(&text[yaml.clone()]);
        assert!(issues.iter().all(|i| i.offset <= yaml.len()));
        assert!(fast_path_agrees(&text[yaml.clone()]), "the fast path should read as serde_yaml does");
    }
});
