// Where renderPost's time goes in wasm: V8's sampling profiler over renderPost on the whole corpus,
// in Node, with the module *before* wasm-opt (target/postview-web/postview_bg.wasm, which still has
// its name section; the shipped one has none) behind the same glue. wasm-opt changes the code a
// little, not where the time goes. renderPost is the npm package's wrapper (.ci/npm/render.js) over
// that glue. Prints the time split by what the call stack is doing (the core's stages, packing the
// result and unpacking it in JS, the rest of the boundary,
// the garbage collector), the allocator's share, and the top functions by self and inclusive time.
//
//   node tests/bench/profile.mjs      (after `bash .ci/build`; `bash .ci/bench profile` runs it)
//
// Environment: POSTVIEW_BENCH_ROUNDS (corpus passes profiled, default 10), POSTVIEW_PROFILE_TOP
// (rows, default 25), POSTVIEW_PROFILE_STAGE (a folder holding another build's postview.js and
// postview_bg.wasm, named, to profile it instead), POSTVIEW_PROFILE_INPUT=front-matter (each post's front matter alone: what a
// call costs whatever its body).
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCorpus, ROOT } from './lib/corpus.mjs';
import { env, saveResults, table } from './lib/stats.mjs';

const ROUNDS = env('POSTVIEW_BENCH_ROUNDS', 10);
const TOP = env('POSTVIEW_PROFILE_TOP', 25);
const FRONT_MATTER_ONLY = process.env.POSTVIEW_PROFILE_INPUT === 'front-matter';
const STAGE = process.env.POSTVIEW_PROFILE_STAGE ?? join(ROOT, 'target/postview-web');

// Where a sample's time goes, from its whole stack (leaf first): the first rule that matches.
const STAGES = [
  ['boundary: packing the result (postview::packed)', /^postview::(wasm::)?packed::/],
  ['boundary: unpacking it in JS (rendered.js: decode, JSON.parse)', /^(unpack|renderedFrom)$/],
  ['boundary: building the result object (serde-wasm-bindgen and its JS calls)', /serde_wasm_bindgen|<postview::Rendered as serde::ser::Serialize>/],
  ['boundary: reading the options', /postview::wasm::read_options/],
  ['core: Markdown (postview::markdown::render)', /^postview::markdown::render$/],
  ['core: Liquid (postview::liquid::render)', /^postview::liquid::render$/],
  ['core: YAML (postview::front_matter::parse)', /^postview::front_matter::(yaml::)?parse$/],
  ['core: the rest of render_post (split, lines, post fields, diagnostics)', /^postview::render_post$/],
  ['boundary: the rest of the call (string copies, glue, shims)', /^renderPost$/],
];
const ALLOCATION = /dlmalloc|__rust_alloc|__rust_dealloc|__rust_realloc|__rdl_|alloc::alloc::|raw_vec|__wbindgen_malloc|__wbindgen_realloc|__wbindgen_free|^memcpy$|^memmove$|^memset$/;

function stage(stack) {
  for (const [label, pattern] of STAGES) if (stack.some((f) => pattern.test(bareName(f)))) return label;
  const leaf = stack[0].functionName;
  if (leaf === '(garbage collector)') return 'garbage collector';
  return 'other (benchmark loop, idle)';
}

/** A function's name without rustc's hash suffix. */
const bareName = (frame) => (frame.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '');
const shortName = (frame) => (frame.url.startsWith('wasm://') ? bareName(frame) : `${bareName(frame)} (${frame.url.split('/').pop() || 'js'})`);

async function main() {
  const glue = await import(pathToFileURL(join(STAGE, 'postview.js')).href);
  glue.initSync({ module: readFileSync(join(STAGE, 'postview_bg.wasm')) });
  // The npm package's own wrapper around this glue, so the profile sees what renderPost does.
  const { renderPostWith } = await import(pathToFileURL(join(ROOT, '.ci/npm/render.js')).href);
  const renderPost = renderPostWith(glue);
  const posts = loadCorpus();
  if (FRONT_MATTER_ONLY) {
    // The front matter alone, with its closing line: a call's fixed cost, as in node.mjs.
    for (const p of posts) p.source = p.source.slice(0, p.source.length - p.source.replace(/^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*\n/, '').length);
  }
  const pass = () => posts.reduce((n, p) => n + renderPost(p.source, { path: p.rel }).html.length, 0);
  for (let i = 0; i < 3; i++) pass(); // tier up before sampling

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 }); // µs
  await session.post('Profiler.start');
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) pass();
  const wall = performance.now() - start;
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();

  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const inclusive = new Map();
  const buckets = new Map();
  let total = 0;
  let allocation = 0;
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    const stack = [];
    for (let at = id; at !== undefined; at = parent.get(at)) stack.push(nodes.get(at).callFrame);
    add(self, shortName(stack[0]), us);
    add(buckets, stage(stack), us);
    if (stack[0].url.startsWith('wasm://') && ALLOCATION.test(bareName(stack[0]))) allocation += us;
    // Each function once per sample, however deep it recurses.
    for (const name of new Set(stack.map(shortName))) add(inclusive, name, us);
  });

  const pct = (us) => `${((100 * us) / total).toFixed(1)}%`;
  const ms = (us) => (us / 1e3).toFixed(1);
  const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  console.log(`renderPost over the corpus, ${ROUNDS} passes: ${wall.toFixed(0)} ms wall, ${ms(total)} ms sampled`);
  console.log(table([['where (by call stack)', 'ms', 'share'], ...top(buckets).map(([k, v]) => [k, ms(v), pct(v)])]));
  console.log(`of all that, self time in the allocator and memcpy/memmove/memset: ${ms(allocation)} ms (${pct(allocation)})`);
  console.log('\nself time:');
  console.log(table([['function', 'ms', 'share'], ...top(self).map(([k, v]) => [k.slice(0, 110), ms(v), pct(v)])]));
  console.log('\ninclusive time:');
  console.log(table([['function', 'ms', 'share'], ...top(inclusive).map(([k, v]) => [k.slice(0, 110), ms(v), pct(v)])]));
  const share = (map) => Object.fromEntries(top(map).map(([k, v]) => [k, v / total]));
  console.log(`results: ${saveResults('profile', { rounds: ROUNDS, wall_ms: wall, buckets: share(buckets), allocation: allocation / total, self: share(self), inclusive: share(inclusive) })}`);
}

await main();
