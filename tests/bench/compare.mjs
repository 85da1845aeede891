// Before and after: two or more builds of the npm package (folders laid out as pkg/, e.g. a copy of
// pkg/ kept before a change, and pkg/ itself) and markdown-wasm, loaded into one Node process and
// timed over the corpus in alternating rounds (A B md A B md …), so that a busy machine slows them
// alike. Each round gives each build's ratio to markdown-wasm, and to the first build, in that same
// round; the table shows the medians of those ratios with their min–max.
//
//   node tests/bench/compare.mjs [--chromium] DIR…   (each DIR holds node.js, index.js, postview.js,
//                         postview_bg.wasm, and maybe `name`: the build's name in the table)
//
// With --chromium the rounds run in headless Chromium, in the benchmark's own page
// (tests/bench/page/), each build imported through its browser entry.
//
// Environment: POSTVIEW_BENCH_ROUNDS (default 20), POSTVIEW_BENCH_WARMUP (default 3),
// POSTVIEW_BENCH_CLOCK=cpu (Node only: each round timed by the process's CPU time, user and
// system, instead of the wall clock; on a machine shared with busy processes the wall clock also
// counts the time the process waited for a core, which the CPU time leaves out).
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { loadCorpus, ROOT, utf8Bytes } from './lib/corpus.mjs';
import { env, loadWarning, saveResults, summary, table } from './lib/stats.mjs';

const ROUNDS = env('POSTVIEW_BENCH_ROUNDS', 20);
const WARMUP = env('POSTVIEW_BENCH_WARMUP', 3);
const CPU_CLOCK = process.env.POSTVIEW_BENCH_CLOCK === 'cpu';
/** Milliseconds on the clock the rounds are timed by. */
const now = CPU_CLOCK
  ? () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1e3;
    }
  : () => performance.now();
/** `--chromium`: the rounds run in headless Chromium instead (set to its version once launched). */
let IN_CHROMIUM = process.argv.includes('--chromium') ? '?' : '';

const requireJs = createRequire(join(ROOT, 'tests/js/package.json'));

/**
 * The same rounds in headless Chromium: each build's browser entry (copied under target/compare/,
 * which the page's server reaches) imported into one page with markdown-wasm; returns each
 * round's times, the builds' then markdown-wasm's.
 */
async function chromiumRounds(dirs, posts) {
  const { launchChromium } = await import('../js/lib/browser.mjs');
  const { serve } = await import('../js/lib/serve.mjs');
  const copies = dirs.map((dir, i) => {
    const copy = join(ROOT, 'target/compare', String(i));
    rmSync(copy, { recursive: true, force: true });
    cpSync(dir, copy, { recursive: true });
    return `/target/compare/${i}/index.js`;
  });
  const browser = await launchChromium();
  const root = await serve(ROOT);
  try {
    const page = await browser.newPage();
    await page.route('**/markdown.wasm', (route) =>
      route.fulfill({ path: join(ROOT, 'tests/js/node_modules/markdown-wasm/dist/markdown.wasm'), contentType: 'application/wasm' }),
    );
    await page.goto(`${root.url}tests/bench/page/index.html`);
    await page.waitForFunction(() => window.bench, null, { timeout: 30000 });
    IN_CHROMIUM = browser.version();
    const input = posts.map(({ rel, source, body }) => ({ rel, source, body }));
    return await page.evaluate(
      async ({ copies, posts, rounds, warmup }) => {
        const renders = [];
        for (const url of copies) renders.push((await import(url)).renderPost);
        const subjects = [
          ...renders.map((renderPost) => () => posts.reduce((n, p) => n + renderPost(p.source, { path: p.rel }).html.length, 0)),
          () => posts.reduce((n, p) => n + window.bench.markdownWasm.parse(p.body).length, 0),
        ];
        const times = [];
        for (let round = 0; round < warmup + rounds; round++) {
          const row = subjects.map((run) => {
            const start = performance.now();
            run();
            return performance.now() - start;
          });
          if (round >= warmup) times.push(row);
        }
        return times;
      },
      { copies, posts: input, rounds: ROUNDS, warmup: WARMUP },
    );
  } finally {
    await browser.close();
    await root.close();
  }
}

async function main() {
  const dirs = process.argv.slice(2).filter((a) => a !== '--chromium');
  if (CPU_CLOCK && IN_CHROMIUM) throw new Error('POSTVIEW_BENCH_CLOCK=cpu times Node only: the page in Chromium has no CPU clock');
  if (!dirs.length) throw new Error('usage: node tests/bench/compare.mjs DIR… (folders laid out as pkg/)');
  const warning = loadWarning();
  const posts = loadCorpus();
  const sourceBytes = posts.reduce((n, p) => n + utf8Bytes(p.source), 0);
  const bodyBytes = posts.reduce((n, p) => n + utf8Bytes(p.body), 0);
  const markdownWasm = (await import(pathToFileURL(requireJs.resolve('markdown-wasm')).href)).default;
  await markdownWasm.ready;
  const builds = [];
  for (const dir of dirs) {
    // Each folder's own entry, so each build has its own glue and instance.
    const { renderPost } = await import(pathToFileURL(join(resolve(dir), 'node.js')).href);
    // A `name` file in the folder names the build in the table (else its path).
    const label = existsSync(join(dir, 'name')) ? readFileSync(join(dir, 'name'), 'utf8').trim() : dir;
    builds.push({ name: label, run: () => posts.reduce((n, p) => n + renderPost(p.source, { path: p.rel }).html.length, 0), times: [] });
  }
  const reference = { name: 'markdown-wasm', run: () => posts.reduce((n, p) => n + markdownWasm.parse(p.body).length, 0), times: [] };
  const expected = builds[0].run();
  for (const b of builds) if (b.run() !== expected) console.log(`note: ${b.name} writes HTML of another length than ${builds[0].name}`);

  if (IN_CHROMIUM) {
    const rounds = await chromiumRounds(dirs, posts);
    for (const round of rounds) {
      round.forEach((ms, i) => ((builds[i] ?? reference).times.push(ms)));
    }
  } else {
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      for (const subject of [...builds, reference]) {
        const start = now();
        subject.run();
        if (round >= WARMUP) subject.times.push(now() - start);
      }
    }
  }
  const ratios = builds.map(() => []);
  // Each build's speed over the first build's, both in the same round: a busy spell hits both.
  const paired = builds.map(() => []);
  reference.times.forEach((md, round) => {
    builds.forEach((b, i) => {
      // MB/s of the build over MB/s of markdown-wasm, both in this round.
      ratios[i].push(sourceBytes / b.times[round] / (bodyBytes / md));
      paired[i].push(builds[0].times[round] / b.times[round]);
    });
  });
  const base = summary(builds[0].times).median;
  const rows = builds.map((b, i) => {
    const t = summary(b.times);
    const r = summary(ratios[i]);
    const p = summary(paired[i]);
    return { name: b.name, median_ms: t.median, min_ms: t.min, max_ms: t.max, mb_per_s: sourceBytes / 1e3 / t.median, ratio: r, speedup: base / t.median, paired: p };
  });
  const md = summary(reference.times);
  if (warning) console.log(`warning: ${warning}`);
  console.log(`${IN_CHROMIUM ? `Chromium ${IN_CHROMIUM}` : `Node ${process.version}`}${CPU_CLOCK ? ', CPU time' : ''}: ${ROUNDS} rounds after ${WARMUP} warm-up, alternating; ${sourceBytes} bytes of posts, ${bodyBytes} of bodies`);
  console.log(
    table([
      ['build', 'median ms', 'min–max', 'MB/s', '÷ markdown-wasm per round (median, min–max)', `× ${builds[0].name} per round`],
      ...rows.map((r) => [r.name, r.median_ms.toFixed(1), `${r.min_ms.toFixed(1)}–${r.max_ms.toFixed(1)}`, r.mb_per_s.toFixed(1), `${r.ratio.median.toFixed(2)} (${r.ratio.min.toFixed(2)}–${r.ratio.max.toFixed(2)})`, `${r.paired.median.toFixed(2)} (${r.paired.min.toFixed(2)}–${r.paired.max.toFixed(2)})`]),
      ['markdown-wasm', md.median.toFixed(1), `${md.min.toFixed(1)}–${md.max.toFixed(1)}`, (bodyBytes / 1e3 / md.median).toFixed(1), '', ''],
    ]),
  );
  // On a busy machine the fastest rounds are the ones least disturbed.
  for (const r of rows) {
    const fastest = sourceBytes / r.min_ms / (bodyBytes / md.min);
    r.fastest = { ratio: fastest, speedup: rows[0].min_ms / r.min_ms };
    console.log(`fastest rounds, ${r.name}: ${fastest.toFixed(2)}× markdown-wasm, ${r.fastest.speedup.toFixed(2)}× ${rows[0].name}`);
  }
  saveResults(IN_CHROMIUM ? 'compare-chromium' : 'compare', { warning, runtime: IN_CHROMIUM ? `Chromium ${IN_CHROMIUM}` : `Node ${process.version}`, clock: CPU_CLOCK ? 'cpu' : 'wall', rounds: ROUNDS, warmup: WARMUP, builds: rows, markdown_wasm_ms: md });
}

await main();
