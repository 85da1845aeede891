// Size against speed: the npm module built several ways (`bash .ci/bench variants` builds them:
// Cargo opt-levels for the dependencies and for postview's own code, each as rustc left it and after
// wasm-opt -Oz), each loaded in
// this one Node process behind its own copy of the glue, and timed over the corpus in interleaved
// rounds, so the ratios between them come from one run. Prints raw and gzip -9 size, MB/s and the
// ratio to the shipped build (opt-level "z" for the dependencies, 3 for postview, + wasm-opt -Oz).
//
//   node tests/bench/variants.mjs DIR…   (each DIR holds postview.js, postview_bg.wasm and `name`)
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { loadCorpus, utf8Bytes } from './lib/corpus.mjs';
import { env, saveResults, summary, table } from './lib/stats.mjs';

const ROUNDS = env('POSTVIEW_BENCH_ROUNDS', 10);
const WARMUP = env('POSTVIEW_BENCH_WARMUP', 2);
const SHIPPED = 'opt-level z (deps) / 3 (postview), wasm-opt -Oz';

async function main() {
  const dirs = process.argv.slice(2);
  if (!dirs.length) throw new Error('usage: node tests/bench/variants.mjs DIR…');
  const posts = loadCorpus();
  const bytes = posts.reduce((n, p) => n + utf8Bytes(p.source), 0);
  const variants = [];
  for (const dir of dirs) {
    const wasm = join(dir, 'postview_bg.wasm');
    // A module URL per directory: each variant gets its own instance of the glue.
    const glue = await import(pathToFileURL(join(dir, 'postview.js')).href);
    glue.initSync({ module: readFileSync(wasm) });
    variants.push({
      name: readFileSync(join(dir, 'name'), 'utf8').trim(),
      raw: statSync(wasm).size,
      gzip9: execFileSync('gzip', ['-9', '-c', wasm], { maxBuffer: 1 << 26 }).length,
      run: () => posts.reduce((n, p) => n + glue.renderPost(p.source, { path: p.rel }).html.length, 0),
      times: [],
    });
  }
  const expected = variants[0].run();
  for (const v of variants) if (v.run() !== expected) throw new Error(`${v.name} renders differently from ${variants[0].name}`);

  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const v of variants) {
      const start = performance.now();
      v.run();
      if (round >= WARMUP) v.times.push(performance.now() - start);
    }
  }
  const results = variants.map(({ name, raw, gzip9, times }) => {
    const t = summary(times);
    return { name, raw, gzip9, median_ms: t.median, min_ms: t.min, max_ms: t.max, mb_per_s: bytes / 1e3 / t.median };
  });
  const base = results.find((r) => r.name === SHIPPED) ?? results[0];
  console.log(`renderPost in Node over ${posts.length} whole posts (${bytes} bytes); ${ROUNDS} rounds after ${WARMUP} warm-up, interleaved`);
  console.log(
    table([
      ['build', 'raw bytes', 'gzip -9', 'median ms', 'MB/s', `× ${base.name}`],
      ...results.map((r) => [r.name, r.raw, r.gzip9, r.median_ms.toFixed(1), r.mb_per_s.toFixed(1), (r.mb_per_s / base.mb_per_s).toFixed(2)]),
    ]),
  );
  console.log(`results: ${saveResults('variants', { rounds: ROUNDS, warmup: WARMUP, bytes, variants: results })}`);
}

await main();
