//! `cargo bench --bench hostile` (what `.ci/bench` runs): how long `render_post` takes on each
//! hostile shape of `tests/hostile.rs` at 24 KB and 96 KB (issue 6 asks ≤ 100 ms at ~20–100 KB).
//! The fastest of five runs per shape and size, in Cargo's `bench` profile (the release build).
//! `tests/hostile.rs` checks that the times grow linearly; this says what they are.
//!
//! Environment: `POSTVIEW_BENCH_JSON` (a file to write the results to, for `.ci/bench`);
//! `POSTVIEW_BENCH_SHAPES` (a folder to write each shape's 96 KB post to, which
//! `tests/bench/hostile.mjs` renders with the npm package).

#[path = "../common/hostile_shapes.rs"]
mod hostile_shapes;

use hostile_shapes::SHAPES;
use postview::{render_post, Options};
use std::time::Instant;

const SIZES: [usize; 2] = [24_000, 96_000];

fn fastest_of_five(source: &str) -> f64 {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(render_post(source, &Options::default()));
            start.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::MAX, f64::min)
}

fn main() {
    // `cargo test --benches` runs bench targets with `--test`: nothing to time then.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let shapes_dir = std::env::var_os("POSTVIEW_BENCH_SHAPES").map(std::path::PathBuf::from);
    if let Some(dir) = &shapes_dir {
        std::fs::create_dir_all(dir).expect("POSTVIEW_BENCH_SHAPES should be writable");
    }
    let mut rows = Vec::new();
    for (name, make) in SHAPES {
        let sources = SIZES.map(make);
        if let Some(dir) = &shapes_dir {
            let file = dir.join(format!("{}.md", name.replace(' ', "-")));
            std::fs::write(file, &sources[1]).expect("POSTVIEW_BENCH_SHAPES should be writable");
        }
        let ms: Vec<(usize, f64)> = sources
            .iter()
            .map(|source| (source.len(), fastest_of_five(source)))
            .collect();
        println!(
            "{name:32} {}",
            ms.iter()
                .map(|(bytes, ms)| format!("{ms:8.2} ms at {:5.1} KB", *bytes as f64 / 1e3))
                .collect::<Vec<_>>()
                .join("   ")
        );
        rows.push((name, ms));
    }
    let (slowest, bytes, worst) = rows
        .iter()
        .flat_map(|(name, ms)| ms.iter().map(move |&(b, t)| (**name, b, t)))
        .fold(
            ("", 0, 0.0),
            |acc, row| if row.2 > acc.2 { row } else { acc },
        );
    println!(
        "slowest: {slowest}, {worst:.2} ms at {:.1} KB",
        bytes as f64 / 1e3
    );
    if let Some(path) = std::env::var_os("POSTVIEW_BENCH_JSON") {
        let shapes: Vec<String> = rows
            .iter()
            .map(|(name, ms)| {
                let runs: Vec<String> = ms
                    .iter()
                    .map(|(b, t)| format!(r#"{{"bytes":{b},"ms":{t:.4}}}"#))
                    .collect();
                format!(r#"{{"name":"{name}","runs":[{}]}}"#, runs.join(","))
            })
            .collect();
        let text = format!(r#"{{"bench":"hostile","shapes":[{}]}}"#, shapes.join(",")) + "\n";
        std::fs::write(&path, text).expect("POSTVIEW_BENCH_JSON should be writable");
    }
}
