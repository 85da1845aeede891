//! The real posts of the site (`../shared/corpus`): every body should be DOM-equal to the HTML
//! Jekyll made of it, by the rules of `../shared/tools/htmlnorm.py`.
//!
//! Renders every post and draft into `target/corpus-actual/`, then runs the corpus's own
//! `fidelity.py` on it and reads the count. Without the corpus it fails, saying where it looked,
//! unless `POSTVIEW_SKIP_CORPUS=1` asks to skip it (then it says so on stderr).

#[path = "common/shared.rs"]
mod shared;

use postview::{render_post, Options};
use std::path::{Path, PathBuf};
use std::process::Command;

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus folder should be readable")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            markdown_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "md") {
            out.push(p);
        }
    }
}

#[test]
fn every_corpus_post_should_be_dom_equal_to_jekyll() {
    let Some(shared) = shared::shared("corpus", "corpus/posts") else {
        return;
    };
    let posts = shared.join("corpus/posts");
    let actual = Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus-actual");
    let _ = std::fs::remove_dir_all(&actual);
    let mut files = Vec::new();
    markdown_files(&posts, &mut files);
    assert!(
        files.len() > 100,
        "the corpus should hold the site's posts, found {}",
        files.len()
    );
    for file in &files {
        let rel = file.strip_prefix(&posts).expect("a corpus file");
        let source = std::fs::read_to_string(file).expect("a post should be UTF-8");
        let options = Options {
            path: Some(rel.to_string_lossy().into_owned()),
            ..Options::default()
        };
        let post = render_post(&source, &options);
        let out = actual.join(rel).with_extension("html");
        std::fs::create_dir_all(out.parent().expect("a parent"))
            .expect("the output folder should be writable");
        std::fs::write(&out, post.html).expect("the output should be writable");
    }
    let report = Command::new("python3")
        .arg(shared.join("tools/fidelity.py"))
        .arg(shared.join("corpus/expected"))
        .arg(&actual)
        .args(["--list", "30"])
        .output()
        .expect("python3 should run ../shared/tools/fidelity.py");
    let text = String::from_utf8_lossy(&report.stdout);
    println!("{text}");
    let last = text.lines().last().unwrap_or_default();
    let counts = last
        .strip_prefix("fidelity: ")
        .and_then(|r| r.split_whitespace().next())
        .and_then(|c| c.split_once('/'))
        .and_then(|(e, t)| Some((e.parse::<usize>().ok()?, t.parse::<usize>().ok()?)))
        .unwrap_or_else(|| {
            panic!(
                "fidelity.py should print its count, printed:\n{text}{}",
                String::from_utf8_lossy(&report.stderr)
            )
        });
    eprintln!(
        "corpus: {}/{} posts DOM-equal to Jekyll",
        counts.0, counts.1
    );
    assert_eq!(
        counts.1,
        files.len(),
        "every post should have an expected page"
    );
    assert_eq!(
        counts.0, counts.1,
        "every post should be DOM-equal to Jekyll's HTML"
    );
}
