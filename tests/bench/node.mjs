// The Node benchmark: postview's `renderPost`, installed from the packed npm package as a user
// gets it, against markdown-wasm (md4c in wasm), markdown-it and marked, over the whole corpus, in
// one process.
//
//   node tests/bench/node.mjs          (after `bash .ci/build`; `.ci/bench` runs both)
//
// What each is given, and what its MB/s is computed on:
// - postview: every post's whole file (front matter + Liquid + Markdown: what renderPost does),
//   with the post's path as a site would pass it;
// - the others: every body with the front matter cut off and `{{ site.baseurl_root }}` replaced by
//   "" (all they can do). markdown-it runs with `html: true` (posts hold raw HTML, which Jekyll
//   keeps; markdown-wasm and marked keep it by default), the rest with their defaults.
//
// A round renders the corpus once per subject, subjects taking turns (A B C D A B C D …) so a slow
// spell of the machine hits all alike; warm-up rounds first (the JITs settle), then the timed ones.
// Two more subjects take the boundary apart for the profile: renderPost on the front matter alone
// (the fixed cost of a call: options, YAML, building the result object) and a replica of the
// string copies the boundary makes (source in as UTF-8 by the glue, HTML out as UTF-16 by
// rendered.js, as in Node).
//
// Environment: POSTVIEW_BENCH_ROUNDS (default 20), POSTVIEW_BENCH_WARMUP (default 3),
// POSTVIEW_SHARED (the folder holding corpus/). Results go to target/bench/node.json as well.
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createConsumer } from '../js/lib/consumer.mjs';
import { loadCorpus, ROOT, utf8Bytes } from './lib/corpus.mjs';
import { env, loadWarning, saveResults, summary, table } from './lib/stats.mjs';

const ROUNDS = env('POSTVIEW_BENCH_ROUNDS', 20);
const WARMUP = env('POSTVIEW_BENCH_WARMUP', 3);

// The comparison libraries are devDependencies of tests/js, resolved from there.
const requireJs = createRequire(join(ROOT, 'tests/js/package.json'));
const load = async (name) => import(pathToFileURL(requireJs.resolve(name)).href);

async function loadPostview() {
  if (!existsSync(join(ROOT, 'pkg/package.json'))) throw new Error('pkg/ is not built: run bash .ci/build first');
  const consumer = createConsumer();
  // A module inside the consumer project, so that 'postview' resolves through its node_modules and
  // the package's `exports` (the `node` entry), exactly as in a user's project.
  writeFileSync(join(consumer.dir, 'bench-entry.mjs'), "export { renderPost } from 'postview';\n");
  const { renderPost } = await import(pathToFileURL(join(consumer.dir, 'bench-entry.mjs')).href);
  return { renderPost, consumer };
}

/** What the boundary does with strings on each call in Node, in plain JS: the source copied into
 * wasm memory by the glue (an ASCII loop, then TextEncoder.encodeInto for the rest) and the HTML
 * decoded out of it as rendered.js does in Node (UTF-16, with Buffer). */
function glueStringCopies(posts) {
  const memory = new Uint8Array(1 << 20);
  const encoder = new TextEncoder();
  return () => {
    let sum = 0;
    for (const { source, htmlUtf16 } of posts) {
      let i = 0;
      for (; i < source.length; i++) {
        const code = source.charCodeAt(i);
        if (code > 0x7f) break;
        memory[i] = code;
      }
      if (i < source.length) i += encoder.encodeInto(source.slice(i), memory.subarray(i)).written;
      sum += i + htmlUtf16.toString('ucs2').length;
    }
    return sum;
  };
}

async function main() {
  const warning = loadWarning();
  const posts = loadCorpus();
  const { renderPost, consumer } = await loadPostview();
  try {
    const markdownWasm = (await load('markdown-wasm')).default;
    await markdownWasm.ready;
    const MarkdownIt = (await load('markdown-it')).default;
    const markdownIt = new MarkdownIt({ html: true });
    const { marked } = await load('marked');

    for (const post of posts) {
      const options = { path: post.rel };
      const rendered = renderPost(post.source, options);
      post.options = options;
      post.htmlUtf16 = Buffer.from(rendered.html, 'ucs2');
      // The front matter alone (with its closing line): what the body adds is then the difference.
      const bodyStart = post.source.length - post.source.replace(/^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*\n/, '').length;
      post.frontMatter = post.source.slice(0, bodyStart);
    }
    const sanity = renderPost('---\ntitle: t\n---\n*ok*\n').html;
    if (!sanity.includes('<em>ok</em>')) throw new Error(`renderPost gave ${sanity}`);

    const sum = (f) => () => posts.reduce((n, p) => n + f(p), 0);
    const bytes = (f) => posts.reduce((n, p) => n + utf8Bytes(f(p)), 0);
    const subjects = [
      { name: 'postview renderPost', input: 'whole files', bytes: bytes((p) => p.source), run: sum((p) => renderPost(p.source, p.options).html.length) },
      { name: 'markdown-wasm 1.2.0', input: 'bodies', bytes: bytes((p) => p.body), run: sum((p) => markdownWasm.parse(p.body).length) },
      { name: 'markdown-it 15.0.3', input: 'bodies', bytes: bytes((p) => p.body), run: sum((p) => markdownIt.render(p.body).length) },
      { name: 'marked 18.2.1', input: 'bodies', bytes: bytes((p) => p.body), run: sum((p) => marked.parse(p.body).length) },
      { name: 'renderPost, front matter only', input: 'front matter', bytes: bytes((p) => p.frontMatter), run: sum((p) => renderPost(p.frontMatter, p.options).html.length), profile: true },
      { name: 'glue string copies (JS replica)', input: 'whole files + HTML', bytes: bytes((p) => p.source), run: glueStringCopies(posts), profile: true },
    ];
    // The versions in the names are what the lockfile pins; check rather than trust them.
    for (const [name, s] of [['markdown-wasm', 1], ['markdown-it', 2], ['marked', 3]]) {
      const version = requireJs(`${name}/package.json`).version;
      if (!subjects[s].name.endsWith(version)) throw new Error(`${name} is ${version}: update the label in node.mjs`);
    }

    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      for (const s of subjects) {
        const start = performance.now();
        s.check = s.run();
        const ms = performance.now() - start;
        if (round >= WARMUP) (s.times ??= []).push(ms);
      }
    }

    const results = subjects.map((s) => {
      const t = summary(s.times);
      return { name: s.name, input: s.input, bytes: s.bytes, profile: !!s.profile, median_ms: t.median, min_ms: t.min, max_ms: t.max, mb_per_s: s.bytes / 1e3 / t.median };
    });
    const mbps = (prefix) => results.find((r) => r.name.startsWith(prefix)).mb_per_s;
    const [pv, mw, mi] = [mbps('postview'), mbps('markdown-wasm'), mbps('markdown-it')];
    const calls = posts.length;
    const fmOnly = results.find((r) => r.name.startsWith('renderPost, front matter'));
    const copies = results.find((r) => r.name.startsWith('glue string'));
    const full = results.find((r) => r.name.startsWith('postview'));

    console.log(`Node ${process.version}: ${posts.length} posts; ${ROUNDS} timed rounds after ${WARMUP} warm-up, interleaved`);
    if (warning) console.log(`warning: ${warning}`);
    console.log(
      table([
        ['subject', 'input', 'bytes', 'median ms', 'min ms', 'max ms', 'MB/s', '× md-wasm', '× md-it'],
        ...results.map((r) => [
          r.name,
          r.input,
          r.bytes,
          r.median_ms.toFixed(2),
          r.min_ms.toFixed(2),
          r.max_ms.toFixed(2),
          r.profile ? '' : r.mb_per_s.toFixed(1),
          r.profile ? '' : (r.mb_per_s / mw).toFixed(2),
          r.profile ? '' : (r.mb_per_s / mi).toFixed(2),
        ]),
      ]),
    );
    console.log(
      `boundary: a renderPost call on the front matter alone takes ${((fmOnly.median_ms / calls) * 1e3).toFixed(1)} µs ` +
        `(${((100 * fmOnly.median_ms) / full.median_ms).toFixed(1)}% of the full run); ` +
        `the glue's string copies ${((100 * copies.median_ms) / full.median_ms).toFixed(1)}% of it`,
    );
    const file = saveResults('node', {
      node: process.version,
      posts: posts.length,
      rounds: ROUNDS,
      warmup: WARMUP,
      warning,
      subjects: results,
      ratios: { markdown_wasm: pv / mw, markdown_it: pv / mi },
      boundary: { front_matter_call_us: (fmOnly.median_ms / calls) * 1e3, front_matter_share: fmOnly.median_ms / full.median_ms, string_copy_share: copies.median_ms / full.median_ms },
    });
    console.log(`results: ${file}`);
  } finally {
    consumer.remove();
  }
}

await main();
