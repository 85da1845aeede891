//! The whole-site build natively: `Site::new` of the shared site's text files
//! (`../shared/corpus/site`) and `Site::build` of it, timed apart, so that the build's own cost is
//! seen without Node, the module and the disk (`tests/bench/site.mjs` times the whole command).
//!
//! `cargo bench --bench site`. Each round reads nothing from disk (the files are read once up
//! front), makes a fresh `Site` (its per-language caches start empty, as in `postview build`) and
//! builds it; warm-up rounds are not counted. Environment: `POSTVIEW_BENCH_ROUNDS` (default 10),
//! `POSTVIEW_BENCH_WARMUP` (default 2), `POSTVIEW_BENCH_ONLY=build` (one build, for callgrind or
//! perf), `POSTVIEW_SHARED` (default `../shared`). Run without `--bench` it does one round, as a
//! smoke test.

#[path = "../common/shared.rs"]
mod shared;

use postview::{BuildOptions, Site};
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

/// The build time, as `tests/site_build.rs` pins it.
const TIME: &str = "2026-01-01 00:00:00 +0000";

fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// One build from the files: the time of `Site::new` and of `build`, in milliseconds, and how
/// many files it wrote.
fn once(texts: &[(String, String)], others: &[String]) -> (f64, f64, usize) {
    let start = Instant::now();
    let site = Site::new(texts.iter().cloned()).with_assets(others.iter().cloned());
    let made = start.elapsed().as_secs_f64() * 1e3;
    let start = Instant::now();
    let build = site.build(&BuildOptions {
        time: Some(TIME.to_owned()),
        ..BuildOptions::default()
    });
    let built = start.elapsed().as_secs_f64() * 1e3;
    (made, built, black_box(build).files.len())
}

fn main() {
    let Some(shared) = shared::shared("bench site", "corpus/site/_config.yml") else {
        return;
    };
    let root = shared.join("corpus/site");
    let texts = shared::text_files(&root, &root);
    let text_paths: std::collections::HashSet<&str> =
        texts.iter().map(|(p, _)| p.as_str()).collect();
    let others: Vec<String> = shared::files(&root, Path::new(&root), |_| Some(()))
        .into_iter()
        .map(|(p, ())| p)
        .filter(|p| !text_paths.contains(p.as_str()))
        .collect();
    let benching = std::env::args().any(|a| a == "--bench");
    let only_build = std::env::var("POSTVIEW_BENCH_ONLY").is_ok_and(|v| v == "build");
    let (warmup, rounds) = if benching && !only_build {
        (
            env_count("POSTVIEW_BENCH_WARMUP", 2),
            env_count("POSTVIEW_BENCH_ROUNDS", 10),
        )
    } else {
        (0, 1)
    };
    let (mut news, mut builds) = (Vec::new(), Vec::new());
    let mut files = 0;
    for round in 0..warmup + rounds {
        let (made, built, n) = once(&texts, &others);
        files = n;
        if round >= warmup {
            news.push(made);
            builds.push(built);
        }
    }
    assert!(
        files > 300,
        "the shared site's build should write its 300-odd files, wrote {files}"
    );
    println!(
        "site: {} text files, {} others → {files} files; Site::new median {:.1} ms, build median {:.1} ms ({} rounds, min {:.1}, max {:.1})",
        texts.len(),
        others.len(),
        median(&mut news),
        median(&mut builds),
        rounds,
        builds[0],
        builds[builds.len() - 1],
    );
}
