//! `cargo bench --bench hostile` (what `.ci/bench` runs): how long `render_post` takes on each
//! hostile shape of `tests/hostile.rs` at 24, 48, 96 and 192 KB, and the throughput that makes
//! (issue 6 asks ≤ 100 ms at ~20–100 KB; issue 18, ≥ 2 MB/s at 96–192 KB). The fastest of five
//! runs per shape and size, in Cargo's `bench` profile (the release build). `tests/hostile.rs`
//! checks that the work grows linearly; this says what the times are.
//!
//! Environment: `POSTVIEW_BENCH_JSON` (a file to write the results to, for `.ci/bench`);
//! `POSTVIEW_BENCH_SHAPES` (a folder to write each shape's 96 KB post to, which
//! `tests/bench/hostile.mjs` renders with the npm package).

#[path = "../common/hostile_shapes.rs"]
mod hostile_shapes;

use hostile_shapes::SHAPES;
use postview::{render_post, Options};
use std::time::Instant;

const SIZES: [usize; 4] = [24_000, 48_000, 96_000, 192_000];
/// The size whose post `tests/bench/hostile.mjs` renders through the npm package.
const WASM_SIZE: usize = 2;

fn fastest_of_five(source: &str) -> f64 {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(render_post(source, &Options::default()));
            start.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::MAX, f64::min)
}

fn mb_per_s(bytes: usize, ms: f64) -> f64 {
    bytes as f64 / 1e3 / ms.max(1e-6)
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
    // On a 2-core machine anything else running takes a core away: said, as the native bench does.
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next()?.parse::<f64>().ok());
    let warning = load
        .filter(|&l| l > 0.5)
        .map(|l| format!("load average {l:.2} at the start: other processes compete for the CPU"));
    if let Some(warning) = &warning {
        println!("warning: {warning}");
    }
    let mut rows = Vec::new();
    for (name, make) in SHAPES {
        let sources = SIZES.map(make);
        if let Some(dir) = &shapes_dir {
            let file = dir.join(format!("{}.md", name.replace(' ', "-")));
            std::fs::write(file, &sources[WASM_SIZE])
                .expect("POSTVIEW_BENCH_SHAPES should be writable");
        }
        let ms: Vec<(usize, f64)> = sources
            .iter()
            .map(|source| (source.len(), fastest_of_five(source)))
            .collect();
        println!(
            "{name:44} {}",
            ms.iter()
                .map(|(bytes, ms)| format!(
                    "{ms:8.2} ms {:6.1} MB/s at {:5.1} KB",
                    mb_per_s(*bytes, *ms),
                    *bytes as f64 / 1e3
                ))
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
    let (lowest, bytes, rate) = rows
        .iter()
        .flat_map(|(name, ms)| ms.iter().map(move |&(b, t)| (**name, b, mb_per_s(b, t))))
        .filter(|&(_, b, _)| b >= 90_000)
        .fold(
            ("", 0, f64::MAX),
            |acc, row| if row.2 < acc.2 { row } else { acc },
        );
    println!(
        "lowest throughput at 96–192 KB: {lowest}, {rate:.2} MB/s at {:.1} KB",
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
        let warning = warning.map_or("null".to_owned(), |w| format!("\"{w}\""));
        let text = format!(
            r#"{{"bench":"hostile","warning":{warning},"shapes":[{}]}}"#,
            shapes.join(",")
        ) + "\n";
        std::fs::write(&path, text).expect("POSTVIEW_BENCH_JSON should be writable");
    }
}
