//! Where `../shared` is — the real site, its posts and what Jekyll made of them — for the tests
//! that compare with it, and how they read its files.
//!
//! The rule of every layer (`tests/js/lib/shared.mjs` says the same for the JS tests): without
//! the folder, these tests are skipped, each saying on the terminal why and how to run it; with
//! `CI=true` they are required, and a missing folder fails them. `POSTVIEW_SHARED` points
//! elsewhere; `POSTVIEW_SKIP_CORPUS=1` skips them even in CI.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The shared folder, if it holds `needed` (a path under it); `None` when the test is skipped.
/// `test` names the test in the messages.
pub fn shared(test: &str, needed: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("POSTVIEW_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let path = dir.join(needed);
    if path.exists() {
        return Some(dir);
    }
    let how =
        "put the shared folder beside the repository (../shared) or point POSTVIEW_SHARED at it";
    let asked_to_skip = std::env::var_os("POSTVIEW_SKIP_CORPUS").is_some();
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
    if in_ci && !asked_to_skip {
        panic!(
            "{test}: {} is not there, and CI=true requires it: {how} (POSTVIEW_SKIP_CORPUS=1 \
             skips these tests)",
            path.display()
        );
    }
    // Straight to stderr: the test harness keeps `eprintln!` of a passing test to itself.
    let _ = writeln!(
        std::io::stderr(),
        "{test}: SKIPPED: {} is not there (the team's real site), so nothing was compared; to \
         run it, {how}",
        path.display()
    );
    None
}

/// Every text file under `dir`, by its `/`-separated path from `root`, in path order (files that
/// are not UTF-8 are left out, as a browser's folder reader would read them as text only).
#[allow(dead_code)] // not every test that finds ../shared reads a whole folder
pub fn text_files(root: &Path, dir: &Path) -> Vec<(String, String)> {
    files(root, dir, |p| std::fs::read_to_string(p).ok())
}

/// Every file under `dir` that `read` gives something for, by its `/`-separated path from
/// `root`, in path order.
#[allow(dead_code)] // not every test that finds ../shared reads a whole folder
pub fn files<T>(root: &Path, dir: &Path, read: impl Fn(&Path) -> Option<T>) -> Vec<(String, T)> {
    let mut out = Vec::new();
    walk(root, dir, &read, &mut out);
    out
}

fn walk<T>(
    root: &Path,
    dir: &Path,
    read: &impl Fn(&Path) -> Option<T>,
    out: &mut Vec<(String, T)>,
) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("a folder of ../shared should be readable")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            walk(root, &p, read, out);
        } else if let Some(value) = read(&p) {
            let rel = p.strip_prefix(root).expect("under the root");
            out.push((rel.to_string_lossy().replace('\\', "/"), value));
        }
    }
}
