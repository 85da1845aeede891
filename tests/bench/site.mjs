// The whole-site build (issue 20): `postview build` of ../shared/corpus/site, from the packed npm
// package installed into a throwaway project, against `jekyll build` of the same folder by the
// oracle's script (../shared/tools/build_site.sh: Jekyll 4.3.1 with the site's plugins), side by
// side in one run. Each is timed as a user runs it, wall clock from the command's start to its
// exit (Node's or Ruby's start-up included); the two take turns within a round, after one warm-up
// round that is not counted. Prints the medians and the ratio (issue 20 asks ≥ 10×) and writes
// target/bench/site.json for report.mjs.
//
//   node tests/bench/site.mjs          (POSTVIEW_BENCH_SITE_ROUNDS=5 by default)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsumer } from '../js/lib/consumer.mjs';
import { ROOT, SHARED } from './lib/corpus.mjs';
import { env, loadWarning, saveResults, summary } from './lib/stats.mjs';

const SITE = join(SHARED, 'corpus/site');
const ROUNDS = env('POSTVIEW_BENCH_SITE_ROUNDS', 5);

/** Milliseconds `file args` takes to run to its exit; throws if it fails. */
function timed(file, args) {
  const start = performance.now();
  execFileSync(file, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, SITE_TIME: '2026-01-01 00:00:00 +0000' } });
  return performance.now() - start;
}

/** How many files a `_site` folder holds. */
function count(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

if (!existsSync(join(ROOT, 'pkg/package.json'))) throw new Error('pkg/ is not built: run bash .ci/build first');
if (!existsSync(SITE)) throw new Error(`${SITE} is not there (set POSTVIEW_SHARED to the folder holding corpus/)`);
const warning = loadWarning();
const consumer = createConsumer();
const scratch = mkdtempSync(join(tmpdir(), 'postview-bench-site-'));
try {
  // A copy, so that postview's default output (DIR/_site) never lands in the shared folder.
  const site = join(scratch, 'site');
  cpSync(SITE, site, { recursive: true });
  const postview = join(consumer.dir, 'node_modules/.bin/postview');
  const subjects = [
    { name: 'postview build (npm package, Node)', run: () => timed(postview, ['build', site, '-d', join(scratch, 'postview')]), out: join(scratch, 'postview') },
    { name: 'jekyll build (build_site.sh)', run: () => timed('bash', [join(SHARED, 'tools/build_site.sh'), site, join(scratch, 'jekyll')]), out: join(scratch, 'jekyll/_site') },
  ];
  const times = subjects.map(() => []);
  for (let round = 0; round <= ROUNDS; round++) {
    subjects.forEach((s, i) => {
      const ms = s.run();
      if (round > 0) times[i].push(ms);
    });
  }
  const results = subjects.map((s, i) => ({ name: s.name, files: count(s.out), ...summary(times[i]) }));
  const ratio = results[1].median / results[0].median;
  for (const r of results) {
    console.log(`${r.name.padEnd(38)} median ${(r.median / 1000).toFixed(2)} s (${(r.min / 1000).toFixed(2)}–${(r.max / 1000).toFixed(2)}), ${r.files} files`);
  }
  console.log(`postview build is ${ratio.toFixed(1)}× faster than jekyll build (target ≥ 10×), ${ROUNDS} rounds`);
  if (warning) console.log(warning);
  saveResults('site', { rounds: ROUNDS, subjects: results, ratio, warning });
} finally {
  consumer.remove();
  rmSync(scratch, { recursive: true, force: true });
}
