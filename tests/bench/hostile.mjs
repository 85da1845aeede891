// The hostile shapes of tests/hostile.rs through the npm package as built in pkg/ (wasm, Node):
// `cargo bench --bench hostile` writes each shape's 96 KB post to a folder (POSTVIEW_BENCH_SHAPES),
// and this times renderPost on each, the fastest of five runs. Issue 6 asks ≤ 100 ms each.
//
//   node tests/bench/hostile.mjs FOLDER
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/corpus.mjs';
import { loadWarning, saveResults } from './lib/stats.mjs';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node tests/bench/hostile.mjs FOLDER (written by cargo bench --bench hostile)');
const { renderPost } = await import(pathToFileURL(join(ROOT, 'pkg/node.js')).href);
const warning = loadWarning();
if (warning) console.log(`warning: ${warning}`);

const shapes = readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((file) => {
  const source = readFileSync(join(dir, file), 'utf8');
  let ms = Infinity;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    renderPost(source);
    ms = Math.min(ms, performance.now() - start);
  }
  const name = file.slice(0, -3).replaceAll('-', ' ');
  console.log(`${name.padEnd(32)} ${ms.toFixed(2).padStart(8)} ms at ${(Buffer.byteLength(source) / 1e3).toFixed(1)} KB`);
  return { name, bytes: Buffer.byteLength(source), ms };
});
const slowest = shapes.reduce((a, b) => (b.ms > a.ms ? b : a));
console.log(`slowest in wasm: ${slowest.name}, ${slowest.ms.toFixed(2)} ms`);
saveResults('hostile-wasm', { warning, shapes });
