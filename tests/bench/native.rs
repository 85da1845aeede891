//! The native benchmark of postview's core: `render_post` over every post of the corpus
//! (`../shared/corpus/posts`, whole files: front matter + Liquid + Markdown), and the same posts
//! taken apart into the stages `render_post` runs, timed one by one through the public modules.
//!
//! `cargo bench --bench native` (what `.ci/bench` runs). A plain harness, no criterion: each
//! round renders the whole corpus once per subject, the subjects take turns within a round
//! (full, split, yaml, liquid, markdown, full, split, …) so a slow spell of the machine hits all
//! of them alike, and the warm-up rounds are not counted. Cargo's `bench` profile inherits
//! `release` (opt-level "z" for the dependencies and 3 for postview, LTO, one codegen unit): the
//! same code the wasm build gets, which is
//! what the wasm/native ratio needs.
//!
//! Environment: `POSTVIEW_BENCH_ROUNDS` (timed rounds, default 20), `POSTVIEW_BENCH_WARMUP`
//! (default 3), `POSTVIEW_BENCH_JSON` (a file to write the results to, for `.ci/bench`),
//! `POSTVIEW_BENCH_ONLY` (one subject, e.g. `full`: for profiling under callgrind or perf),
//! `POSTVIEW_SHARED` (where `corpus/` is; default `../shared`). Run without `--bench` (as
//! `cargo test --benches` would) it does one quick round, as a smoke test.

use postview::{render_post, stages, Map, Options, Value};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One corpus post, with each stage's input prepared ahead so that a stage's timing holds only
/// its own work.
struct Post {
    source: String,
    options: Options,
    yaml: Option<String>,
    body: String,
    page: Value,
    /// The body after Liquid: what the Markdown stage gets.
    markdown: String,
}

fn corpus_dir() -> PathBuf {
    std::env::var_os("POSTVIEW_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
        .join("corpus/posts")
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e} (set POSTVIEW_SHARED)", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            markdown_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "md") {
            out.push(path);
        }
    }
}

fn load_corpus() -> Vec<Post> {
    let root = corpus_dir();
    let mut files = Vec::new();
    markdown_files(&root, &mut files);
    assert!(
        files.len() > 100,
        "{}: expected the corpus's posts, found {}",
        root.display(),
        files.len()
    );
    files
        .iter()
        .map(|file| {
            let source = std::fs::read_to_string(file).expect("a post should be UTF-8");
            // The corpus has no BOM and no CR (render_post's first, private, step would remove
            // them), so the stages below see exactly the text render_post gives them.
            assert!(!source.starts_with('\u{feff}') && !source.contains('\r'));
            // The path, as a site would pass it: it gives the language and the date.
            let rel = file.strip_prefix(&root).expect("a corpus file");
            let options = Options {
                path: Some(rel.to_string_lossy().into_owned()),
                ..Options::default()
            };
            let parts = stages::split_front_matter(&source);
            let yaml = parts.yaml.map(|r| source[r].to_owned());
            let (front, yaml_issues) = yaml
                .as_deref()
                .map_or_else(|| (Map::new(), Vec::new()), stages::parse_yaml);
            // stages::render_liquid runs with a readable front matter, as render_post does here.
            assert!(
                yaml_issues.is_empty(),
                "{rel:?}: the corpus front matter should read"
            );
            let body = source[parts.body].to_owned();
            let page = Value::Map(front);
            let site = Value::Map(options.site.clone());
            let markdown = stages::render_liquid(&body, &site, &page).text;
            Post {
                source,
                options,
                yaml,
                body,
                page,
                markdown,
            }
        })
        .collect()
}

/// A subject: a name, what its MB/s is computed on, and one pass over the corpus. Each pass
/// returns a number derived from every output so the optimiser cannot drop the work.
struct Subject {
    name: &'static str,
    what: &'static str,
    bytes: usize,
    pass: fn(&[Post]) -> usize,
    seconds: Vec<f64>,
}

fn full(posts: &[Post]) -> usize {
    posts
        .iter()
        .map(|p| render_post(black_box(&p.source), &p.options).html.len())
        .sum()
}

fn split(posts: &[Post]) -> usize {
    posts
        .iter()
        .map(|p| stages::split_front_matter(black_box(&p.source)).body.start)
        .sum()
}

fn yaml(posts: &[Post]) -> usize {
    posts
        .iter()
        .filter_map(|p| p.yaml.as_deref())
        .map(|y| stages::parse_yaml(black_box(y)).0.len())
        .sum()
}

fn liquid_stage(posts: &[Post]) -> usize {
    posts
        .iter()
        .map(|p| {
            // render_post builds the `site` value per call too.
            let site = Value::Map(p.options.site.clone());
            stages::render_liquid(black_box(&p.body), &site, &p.page)
                .text
                .len()
        })
        .sum()
}

fn markdown_stage(posts: &[Post]) -> usize {
    posts
        .iter()
        .map(|p| stages::render_markdown(black_box(&p.markdown)).html.len())
        .sum()
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .map(|v| {
            v.parse()
                .unwrap_or_else(|_| panic!("{name}={v}: not a number"))
        })
        .unwrap_or(default)
}

fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

fn main() {
    // cargo bench passes --bench to a harness = false target; cargo test does not.
    let benching = std::env::args().any(|a| a == "--bench");
    let rounds = if benching {
        env_number("POSTVIEW_BENCH_ROUNDS", 20).max(1)
    } else {
        1
    };
    let warmup = if benching {
        env_number("POSTVIEW_BENCH_WARMUP", 3)
    } else {
        0
    };
    let only = std::env::var("POSTVIEW_BENCH_ONLY").ok();

    // On a 2-core machine anything else running (a build, a test run) takes a core away.
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next()?.parse::<f64>().ok());
    let warning = load
        .filter(|&l| l > 0.5)
        .map(|l| format!("load average {l:.2} at the start: other processes compete for the CPU"));

    let posts = load_corpus();
    let source_bytes: usize = posts.iter().map(|p| p.source.len()).sum();
    let yaml_bytes: usize = posts
        .iter()
        .filter_map(|p| p.yaml.as_ref())
        .map(String::len)
        .sum();
    let body_bytes: usize = posts.iter().map(|p| p.body.len()).sum();
    let markdown_bytes: usize = posts.iter().map(|p| p.markdown.len()).sum();

    let subject = |name, what, bytes, pass| Subject {
        name,
        what,
        bytes,
        pass,
        seconds: Vec::new(),
    };
    let mut subjects = vec![
        subject(
            "full",
            "render_post, whole files",
            source_bytes,
            full as fn(&[Post]) -> usize,
        ),
        subject(
            "split",
            "front_matter::split, whole files",
            source_bytes,
            split,
        ),
        subject("yaml", "front_matter::parse, YAML blocks", yaml_bytes, yaml),
        subject("liquid", "liquid::render, bodies", body_bytes, liquid_stage),
        subject(
            "markdown",
            "markdown::render, bodies after Liquid",
            markdown_bytes,
            markdown_stage,
        ),
    ];
    if let Some(only) = &only {
        subjects.retain(|s| s.name == only);
        assert!(
            !subjects.is_empty(),
            "POSTVIEW_BENCH_ONLY={only}: no such subject"
        );
    }

    for round in 0..warmup + rounds {
        for s in &mut subjects {
            let start = Instant::now();
            black_box((s.pass)(black_box(&posts)));
            let took = start.elapsed().as_secs_f64();
            if round >= warmup {
                s.seconds.push(took);
            }
        }
    }

    println!(
        "native core: {} posts, {source_bytes} bytes; {rounds} timed rounds after {warmup} warm-up, interleaved",
        posts.len()
    );
    if let Some(warning) = &warning {
        println!("warning: {warning}");
    }
    println!(
        "{:<9} {:>10} {:>10} {:>10} {:>9} {:>8}  measured on",
        "subject", "median ms", "min ms", "max ms", "MB/s", "of full"
    );
    let full_median = subjects.iter().find(|s| s.name == "full").map(|s| {
        let mut v = s.seconds.clone();
        v.sort_by(f64::total_cmp);
        median(&v)
    });
    let mut json = Vec::new();
    for s in &mut subjects {
        s.seconds.sort_by(f64::total_cmp);
        let med = median(&s.seconds);
        let (min, max) = (s.seconds[0], s.seconds[s.seconds.len() - 1]);
        let mbps = s.bytes as f64 / 1e6 / med;
        let share = full_median.map_or(String::new(), |f| format!("{:.0}%", 100.0 * med / f));
        println!(
            "{:<9} {:>10.2} {:>10.2} {:>10.2} {:>9.1} {:>8}  {} ({} bytes)",
            s.name,
            med * 1e3,
            min * 1e3,
            max * 1e3,
            mbps,
            share,
            s.what,
            s.bytes
        );
        json.push(format!(
            r#"{{"name":"{}","what":"{}","bytes":{},"median_ms":{:.4},"min_ms":{:.4},"max_ms":{:.4},"mb_per_s":{:.3}}}"#,
            s.name,
            s.what,
            s.bytes,
            med * 1e3,
            min * 1e3,
            max * 1e3,
            mbps
        ));
    }
    if let Some(path) = std::env::var_os("POSTVIEW_BENCH_JSON") {
        let text = format!(
            r#"{{"bench":"native","posts":{},"rounds":{rounds},"warmup":{warmup},"warning":{},"subjects":[{}]}}"#,
            posts.len(),
            warning.map_or("null".to_owned(), |w| format!("\"{w}\"")),
            json.join(",")
        ) + "\n";
        std::fs::write(&path, text).expect("POSTVIEW_BENCH_JSON should be writable");
    }
}
