// Translations at a glance through the npm package as built in pkg/ (wasm, Node), on the site
// `cargo bench --bench overview` generates (3,000 posts, six languages, each file's modified time
// set): findTranslations, as the page runs it when a folder opens, then translationsOverview over
// the same posts with their modified times, as the translations panel asks for it. The median
// and range of five runs of each.
//
//   node tests/bench/overview.mjs [FOLDER]   (default target/bench/overview-site)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/corpus.mjs';
import { RESULTS_DIR, loadWarning, saveResults, summary } from './lib/stats.mjs';

const dir = process.argv[2] ?? join(RESULTS_DIR, 'overview-site');
const { findTranslations, translationsOverview } = await import(pathToFileURL(join(ROOT, 'pkg/node.js')).href);
const warning = loadWarning();
if (warning) console.log(`warning: ${warning}`);

const files = (folder) => readdirSync(folder, { withFileTypes: true }).flatMap((e) => {
  const path = join(folder, e.name);
  return e.isDirectory() ? files(path) : [path];
});
const posts = files(dir).filter((f) => f.endsWith('.md')).sort().map((file) => ({
  path: relative(dir, file),
  source: readFileSync(file, 'utf8'),
  modified: statSync(file).mtimeMs,
}));
const languages = ['en', 'ja', 'ko', 'zh-Hans', 'zh-Hant', 'de'];

const times = { families: [], overview: [] };
let families;
let overview;
for (let i = 0; i < 5; i++) {
  let start = performance.now();
  families = findTranslations(posts.map(({ path, source }) => ({ path, source })), { languages });
  times.families.push(performance.now() - start);
  start = performance.now();
  overview = translationsOverview(posts, families, { languages });
  times.overview.push(performance.now() - start);
}
console.log(`${posts.length} posts, ${families.length} families, ${overview.rows.length} rows, ${overview.missing} missing and ${overview.stale} stale cells`);
const results = {};
for (const [name, values] of Object.entries(times)) {
  const s = summary(values);
  results[name] = s;
  console.log(`${name.padEnd(10)} median ${s.median.toFixed(1).padStart(8)} ms  min ${s.min.toFixed(1)}  max ${s.max.toFixed(1)}`);
}
saveResults('overview-wasm', { warning, posts: posts.length, ...results });
