//! Where `../shared` is — the real site, its posts and what Jekyll made of them — for the tests
//! that compare with it, and how they read its files.
//!
//! Without it these tests fail, saying where they looked: a test that passes without running
//! proves nothing. `POSTVIEW_SHARED` points elsewhere; `POSTVIEW_SKIP_CORPUS=1` asks to skip
//! them, and each then says on stderr that it did not run.

use std::path::{Path, PathBuf};

/// The shared folder, if it holds `needed` (a path under it); `None` only when skipping was
/// asked for. `test` names the test in the messages.
pub fn shared(test: &str, needed: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("POSTVIEW_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if dir.join(needed).exists() {
        return Some(dir);
    }
    if std::env::var_os("POSTVIEW_SKIP_CORPUS").is_some() {
        eprintln!("{test}: SKIPPED (POSTVIEW_SKIP_CORPUS is set): nothing was compared");
        return None;
    }
    panic!(
        "{test}: {} is not there, so nothing was compared: put ../shared beside the repository, \
         point POSTVIEW_SHARED at it, or set POSTVIEW_SKIP_CORPUS=1 to skip",
        dir.join(needed).display()
    );
}

/// Every text file under `dir`, by its `/`-separated path from `root`, in path order (files that
/// are not UTF-8 are left out, as a browser's folder reader would read them as text only).
#[allow(dead_code)] // not every test that finds ../shared reads a whole folder
pub fn text_files(root: &Path, dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    walk(root, dir, &mut out);
    out
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("a folder of ../shared should be readable")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            walk(root, &p, out);
        } else if let Ok(text) = std::fs::read_to_string(&p) {
            let rel = p.strip_prefix(root).expect("under the root");
            out.push((rel.to_string_lossy().replace('\\', "/"), text));
        }
    }
}
