//! Inputs fuzzing once found a fault with (`tests/fuzz/regressions/`): each should now render
//! without a panic, through every stage.

use postview::{render_post, Options};
use std::path::Path;

#[test]
fn every_fuzz_regression_should_render_without_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/regressions");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir)
        .expect("the regression folder should exist")
        .flatten()
    {
        let bytes = std::fs::read(entry.path()).expect("a regression file should be readable");
        let text = String::from_utf8_lossy(&bytes);
        let post = render_post(&text, &Options::default());
        assert!(
            post.diagnostics.iter().all(|d| d.line >= 1),
            "{:?}: places should be 1-based",
            entry.path()
        );
        let _ = postview::stages::render_markdown(&text);
        count += 1;
    }
    assert!(count > 0, "the regression corpus should not be empty");
}
