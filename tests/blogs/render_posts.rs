//! Renders posts as `renderPost` does, with a site's `_config.yml`: for checking postview against
//! Jekyll on sites other than the one it was made for (`tests/blogs/README.md`).
//!
//!   cargo run --release --example render_posts -- [--config _config.yml] POST.md
//!   cargo run --release --example render_posts -- [--config _config.yml] --batch SRC OUT
//!
//! The first prints the body HTML; the second writes every `SRC/**/*.md` to `OUT/**/*.html`.

use postview::{render_post, Options};
use std::path::{Path, PathBuf};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut options = Options::default();
    if let Some(i) = args.iter().position(|a| a == "--config") {
        let path = args.get(i + 1).cloned().unwrap_or_default();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
        let (site, problems) = Options::from_config(&text);
        if !problems.is_empty() {
            eprintln!("{path}: the YAML did not read cleanly: {problems:?}");
        }
        options = site;
        args.drain(i..i + 2);
    }
    match args.as_slice() {
        [flag, src, out] if flag == "--batch" => batch(Path::new(src), Path::new(out), &options),
        [post] => {
            let text =
                std::fs::read_to_string(post).unwrap_or_else(|e| fail(&format!("{post}: {e}")));
            print!("{}", render_post(&text, &options).html);
        }
        _ => fail("usage: render_posts [--config _config.yml] POST.md | --batch SRC OUT"),
    }
}

fn batch(src: &Path, out: &Path, options: &Options) {
    let mut posts = Vec::new();
    collect(src, &mut posts);
    posts.sort();
    for post in &posts {
        let rel = post
            .strip_prefix(src)
            .unwrap_or(post)
            .with_extension("html");
        let target = out.join(rel);
        let Ok(text) = std::fs::read_to_string(post) else {
            eprintln!("{}: not UTF-8, skipped", post.display());
            continue;
        };
        let html = render_post(&text, options).html;
        if let Some(dir) = target.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Err(e) = std::fs::write(&target, html) {
            eprintln!("{}: {e}", target.display());
        }
    }
    eprintln!("rendered {}", posts.len());
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "md" || x == "markdown") {
            out.push(p);
        }
    }
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(2)
}
