// The browser benchmark, in headless Chromium (Debian's, driven by playwright-core):
//
// 1. throughput: renderPost of the npm package (pkg/, loaded by a plain page as a browser imports
//    it) over the whole corpus, against markdown-wasm over the bodies, interleaved as in node.mjs;
// 2. keystroke to preview, for the largest corpus post (66 KB): the post is put into the editor,
//    the cursor goes to its end (the end of its last paragraph) and single characters are typed,
//    one at a time; each is timed in the page from its keydown (the event's timeStamp) to the
//    `postview:rendered` event the page dispatches once the preview is updated. Also recorded:
//    the same plus a forced style and layout of the preview (what the next frame must do anyway),
//    up to the next animation frame, and the page's own `detail.ms`.
//    Measured on the real page in www/ (data-testid="editor", a CodeMirror 6 editor, and
//    data-testid="preview") when it has those hooks, else skipped with the reason; and always on
//    tests/bench/page/, a minimal textarea page, so that there is a number either way.
//
//   node tests/bench/browser.mjs     (after `bash .ci/build`; `.ci/bench` runs both)
//
// Environment: POSTVIEW_BENCH_ROUNDS / _WARMUP (throughput, default 10 / 2), POSTVIEW_BENCH_KEYS
// (timed keystrokes, default 60, after 5 untimed), CHROMIUM, POSTVIEW_SHARED.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../js/lib/browser.mjs';
import { serve } from '../js/lib/serve.mjs';
import { LARGEST, loadCorpus, ROOT, utf8Bytes } from './lib/corpus.mjs';
import { env, loadWarning, saveResults, summary, table } from './lib/stats.mjs';

const ROUNDS = env('POSTVIEW_BENCH_ROUNDS', 10);
const WARMUP = env('POSTVIEW_BENCH_WARMUP', 2);
const KEYS = Math.max(env('POSTVIEW_BENCH_KEYS', 60), 20);
const UNTIMED_KEYS = 5;
/** Longer than any debounce the page may apply (its ceiling is 300 ms) plus a slow render. */
const KEY_TIMEOUT_MS = 3000;
const MARKDOWN_WASM = join(ROOT, 'tests/js/node_modules/markdown-wasm/dist/markdown.wasm');

/** A new page (its own context: no drafts left by an earlier one) that records its problems. */
async function open(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.route('**/markdown.wasm', (route) =>
    route.fulfill({ path: MARKDOWN_WASM, contentType: 'application/wasm' }),
  );
  await page.goto(url);
  return { page, problems };
}

async function throughput(page, posts) {
  await page.waitForFunction(() => window.bench, null, { timeout: 30000 });
  const input = posts.map(({ rel, source, body }) => ({ rel, source, body }));
  // Runs in the page: the same interleaved rounds as node.mjs.
  const times = await page.evaluate(
    ({ posts, rounds, warmup }) => {
      const { renderPost, markdownWasm } = window.bench;
      const subjects = [
        ['postview renderPost', () => posts.reduce((n, p) => n + renderPost(p.source, { path: p.rel }).html.length, 0)],
        ['markdown-wasm', () => posts.reduce((n, p) => n + markdownWasm.parse(p.body).length, 0)],
      ];
      const times = subjects.map(() => []);
      for (let round = 0; round < warmup + rounds; round++) {
        subjects.forEach(([, run], i) => {
          const start = performance.now();
          run();
          if (round >= warmup) times[i].push(performance.now() - start);
        });
      }
      return subjects.map(([name], i) => ({ name, times: times[i] }));
    },
    { posts: input, rounds: ROUNDS, warmup: WARMUP },
  );
  const bytes = {
    'postview renderPost': [posts.reduce((n, p) => n + utf8Bytes(p.source), 0), 'whole files'],
    'markdown-wasm': [posts.reduce((n, p) => n + utf8Bytes(p.body), 0), 'bodies'],
  };
  return times.map(({ name, times }) => {
    const t = summary(times);
    const [b, input] = bytes[name];
    return { name, input, bytes: b, median_ms: t.median, min_ms: t.min, max_ms: t.max, mb_per_s: b / 1e3 / t.median };
  });
}

/** Listeners in the page that time each armed keystroke; see the header for what is recorded. */
function installKeyTimer() {
  // The preview's content root: the element itself, or the document inside it when the preview is
  // an iframe (the real page renders into a sandboxed, same-origin one).
  const previewRoot = () => {
    const el = document.querySelector('[data-testid=preview]');
    return el?.tagName === 'IFRAME' ? el.contentDocument?.documentElement : el;
  };
  window.__previewRoot = previewRoot;
  const state = { armed: false, t0: null, done: null, resolve: null };
  addEventListener('keydown', (event) => {
    if (state.armed) {
      state.armed = false;
      // When the browser took the key in, on performance.now()'s clock: a busy page delays the
      // listener, and the typist waits for that too.
      state.t0 = event.timeStamp;
    }
  }, true);
  addEventListener('postview:rendered', (event) => {
    if (state.t0 === null) return; // a render no timed keystroke asked for (the load)
    const t0 = state.t0;
    state.t0 = null;
    const rendered = performance.now();
    void previewRoot()?.offsetHeight; // style and layout of the updated preview, now
    const laidOut = performance.now();
    requestAnimationFrame(() => {
      const frame = performance.now();
      const ms = typeof event.detail?.ms === 'number' ? event.detail.ms : null;
      state.resolve({ event: rendered - t0, layout: laidOut - t0, frame: frame - t0, ms });
    });
  });
  window.__keyTimer = {
    arm() {
      state.armed = true;
      state.t0 = null;
      state.done = new Promise((resolve) => (state.resolve = resolve));
    },
    wait: () => state.done,
  };
}

function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

/**
 * Puts `source` into the page's editor, types KEYS characters at its end, and returns the
 * summaries, or `{ skipped: reason }` when the page lacks a hook the measurement needs.
 */
async function keystrokes(page, source, marker) {
  const hooks = await page
    .waitForSelector('[data-testid=editor]', { timeout: 15000 })
    .then(() => page.waitForSelector('[data-testid=preview]', { timeout: 5000 }))
    .then(() => true, () => false);
  if (!hooks) return { skipped: 'the page has no data-testid="editor" and data-testid="preview" elements' };
  await page.evaluate(installKeyTimer);

  // Into the editor the way a user pastes: focus it, select all, insert the text (a CodeMirror
  // editor takes it through its contenteditable, a textarea as is). Only once the page is ready:
  // the real page's editor is a plain div until its script makes it a CodeMirror, and that shows
  // the demo post once the demo's files are fetched, replacing whatever was pasted before. On a
  // loaded machine either race lost skipped the measurement.
  const editable = await page
    .waitForSelector('[data-testid=editor] [contenteditable=true], textarea[data-testid=editor], [data-testid=editor][contenteditable=true]', { timeout: 15000 })
    .catch(() => null);
  if (!editable) return { skipped: 'the editor never became editable' };
  await page.waitForLoadState('networkidle');
  await editable.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(source);
  const loaded = await page
    .waitForFunction((m) => window.__previewRoot()?.textContent.includes(m), marker, { timeout: 15000 })
    .then(() => true, () => false);
  if (!loaded) return { skipped: 'the preview never showed the post after it was put into the editor' };
  await page.keyboard.press('Control+End');
  await page.waitForTimeout(500); // let a pending render of the load pass

  const samples = [];
  for (let i = 0; i < UNTIMED_KEYS + KEYS; i++) {
    await page.evaluate(() => window.__keyTimer.arm());
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    let sample;
    try {
      sample = await withTimeout(page.evaluate(() => window.__keyTimer.wait()), KEY_TIMEOUT_MS, 'timeout');
    } catch {
      if (i === 0) return { skipped: `no postview:rendered event within ${KEY_TIMEOUT_MS} ms of a keystroke` };
      throw new Error(`keystroke ${i}: no postview:rendered event within ${KEY_TIMEOUT_MS} ms`);
    }
    if (i >= UNTIMED_KEYS) samples.push(sample);
    await page.waitForTimeout(50); // a typist's gap: lets the page's idle work run between keys
  }
  const of = (key) => (samples[0][key] === null ? null : summary(samples.map((s) => s[key])));
  return { keys: samples.length, event: of('event'), layout: of('layout'), frame: of('frame'), page_ms: of('ms') };
}

async function main() {
  const warning = loadWarning();
  const posts = loadCorpus();
  const largest = readFileSync(LARGEST, 'utf8');
  // Text of the post's last paragraph: the preview shows it once the post is rendered.
  const marker = largest.trimEnd().slice(-12);
  const browser = await launchChromium();
  const root = await serve(ROOT);
  const www = await serve(join(ROOT, 'www'));
  const results = { chromium: browser.version(), warning, largest: { path: LARGEST, bytes: utf8Bytes(largest) } };
  try {
    const harness = await open(browser, `${root.url}tests/bench/page/index.html`);
    results.throughput = await throughput(harness.page, posts);
    results.harness = await keystrokes(harness.page, largest, marker);
    if (harness.problems.length) throw new Error(`the harness page had problems:\n${harness.problems.join('\n')}`);
    await harness.page.close();

    const real = await open(browser, www.url);
    results.www = await keystrokes(real.page, largest, marker);
    if (real.problems.length) results.www.problems = real.problems;
    await real.page.close();
  } finally {
    await browser.close();
    await root.close();
    await www.close();
  }

  console.log(`Chromium ${results.chromium} (headless): ${posts.length} posts; ${ROUNDS} timed rounds after ${WARMUP} warm-up, interleaved`);
  if (warning) console.log(`warning: ${warning}`);
  const mw = results.throughput.find((r) => r.name === 'markdown-wasm').mb_per_s;
  console.log(
    table([
      ['subject', 'input', 'bytes', 'median ms', 'min ms', 'max ms', 'MB/s', '× md-wasm'],
      ...results.throughput.map((r) => [r.name, r.input, r.bytes, r.median_ms.toFixed(2), r.min_ms.toFixed(2), r.max_ms.toFixed(2), r.mb_per_s.toFixed(1), (r.mb_per_s / mw).toFixed(2)]),
    ]),
  );
  console.log(`\nkeystroke to preview, ${LARGEST.replace(`${ROOT}`, '')} (${results.largest.bytes} bytes), ms:`);
  const rows = [['page', 'measured to', 'keys', 'median', 'p95', 'max']];
  for (const [label, r] of [['www/ (real page)', results.www], ['tests/bench/page (textarea)', results.harness]]) {
    if (r.skipped) {
      rows.push([label, `skipped: ${r.skipped}`, '', '', '', '']);
      continue;
    }
    for (const [key, what] of [['event', 'postview:rendered'], ['layout', '+ forced layout'], ['frame', 'next animation frame'], ['page_ms', "page's own detail.ms"]]) {
      if (r[key]) rows.push([label, what, r.keys, r[key].median.toFixed(2), r[key].p95.toFixed(2), r[key].max.toFixed(2)]);
    }
  }
  console.log(table(rows));
  if (results.www.problems) console.log(`the real page reported problems:\n  ${results.www.problems.join('\n  ')}`);
  console.log(`results: ${saveResults('browser', results)}`);
}

await main();
