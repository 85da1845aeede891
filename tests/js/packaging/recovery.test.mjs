// A panic or trap inside the module must not reach the caller, nor spoil the calls after it. The
// module built with the `crash-test` feature (target/postview-crashtest/pkg/, by .ci/build; never
// shipped) exports crashForTests(kind), which makes the next renderPost fail inside wasm: a real
// panic, a trap no panic hook sees, or a stack that runs out. The wrapper (render.js) must turn
// each into a post with one error, say so once on the console, and leave renderPost working.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { ROOT } from '../lib/consumer.mjs';
import { serve } from '../lib/serve.mjs';

const CRASH_PKG = join(ROOT, 'target/postview-crashtest/pkg');
if (!existsSync(join(CRASH_PKG, 'node.js'))) throw new Error(`${CRASH_PKG} is not built: run .ci/build first`);

const { renderPost } = await import(join(CRASH_PKG, 'node.js'));
const { crashForTests } = await import(join(CRASH_PKG, 'postview.js'));

const POST = '---\ntitle: After\nlang: ja\n---\n# Heading *one*\n\nSome **bold** text.[^n]\n\n[^n]: A note.\n';
const EXPECTED = renderPost(POST); // before any crash

/** Runs `action` and returns `{ value, logged }`: what console.error received meanwhile. */
function capturingConsole(action) {
  const logged = [];
  const original = console.error;
  console.error = (...args) => logged.push(args.join(' '));
  try {
    return { value: action(), logged };
  } finally {
    console.error = original;
  }
}

const failure = (message) => ({
  frontMatter: {},
  html: '',
  title: null,
  lang: null,
  date: null,
  image: null,
  translations: [],
  headings: [],
  diagnostics: [{ severity: 'error', code: 'preview/crashed', message, line: 1, column: 1 }],
  blockLines: [],
  needsLexers: [],
});
const PREFIX = 'postview failed on this text (a bug: please report it with the post): ';

const KINDS = [
  ['panic', 'a panic', `${PREFIX}crashForTests: a panic on purpose (at src/wasm/crash_test.rs:`],
  ['trap', 'a trap no panic hook sees', `${PREFIX}RuntimeError: unreachable`],
  ['overflow', 'a stack overflow', PREFIX],
];

for (const [kind, what, message] of KINDS) {
  test(`${what} inside renderPost should return a post with one error, log it once, and leave the next calls rendering as before`, () => {
    crashForTests(kind);
    const { value: failed, logged } = capturingConsole(() => renderPost(POST));
    const [diagnostic] = failed.diagnostics;
    assert.ok(diagnostic.message.startsWith(message), `the diagnostic should say what failed: ${diagnostic.message}`);
    assert.deepEqual(failed, failure(diagnostic.message), 'the post should be complete, empty but for the error');
    assert.deepEqual(logged, [diagnostic.message], 'the failure should be logged once');
    assert.equal(globalThis.__postviewPanic, undefined, 'the panic message should be taken, not left behind');

    // The next calls get a fresh instance: the same results as before any crash, every time.
    for (let i = 0; i < 3; i += 1) assert.deepEqual(renderPost(POST), EXPECTED, `call ${i + 1} after ${what}`);
    assert.deepEqual(renderPost('x', { path: '_posts/2021-01-20-x.md' }).date, '2021-01-20');
  });
}

test('crashes one after another should each be recovered from', () => {
  for (const [kind] of [...KINDS, ...KINDS]) {
    crashForTests(kind);
    const { value } = capturingConsole(() => renderPost(POST));
    assert.equal(value.diagnostics[0].code, 'preview/crashed', `${kind} should be told as postview's own failure`);
    assert.deepEqual(renderPost(POST), EXPECTED, `after ${kind}`);
  }
});

test('malformed options should still throw a TypeError, and the next call should render', () => {
  assert.throws(() => renderPost(POST, { languages: 3 }), TypeError);
  assert.deepEqual(renderPost(POST), EXPECTED);
});

test("an exception of the caller's own, thrown while the options are read, should reach the caller, and the next call should render", () => {
  // The wrapper copies options.site before the call (.ci/npm/arguments.js): the getter's
  // exception is thrown there, and the module is left as it was.
  const site = { get boom() { throw new Error('from the getter'); } };
  assert.throws(() => renderPost(POST, { site }), /from the getter/);
  assert.deepEqual(renderPost(POST), EXPECTED);
});

test('the shipped modules should have no crashForTests, neither in the glue nor in the wasm', () => {
  for (const dir of ['pkg', 'pkg/sanitize']) {
    const glue = readFileSync(join(ROOT, dir, 'postview.js'), 'utf8');
    assert.doesNotMatch(glue, /crashForTests/, `${dir}/postview.js`);
    const module = new WebAssembly.Module(readFileSync(join(ROOT, dir, 'postview_bg.wasm')));
    const exports = WebAssembly.Module.exports(module).map((e) => e.name);
    assert.ok(exports.includes('renderPostPacked'), `${dir}: renderPostPacked, which renderPost calls, should be exported`);
    assert.ok(!exports.some((name) => /crash/i.test(name)), `${dir}: ${exports}`);
  }
  // And the module this test crashes does have it, so the check above can fail.
  assert.match(readFileSync(join(CRASH_PKG, 'postview.js'), 'utf8'), /export function crashForTests/);
});

let browser;
let server;
before(async () => {
  browser = await launchChromium();
  server = await serve(CRASH_PKG);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('in Chromium, the browser entry should recover the same way: a fresh instance made on the main thread', async () => {
  // A blank page of the server's origin (the package has no page of its own), from which the
  // test imports the browser entry.
  const blank = new URL('blank.html', server.url).href;
  const page = await browser.newPage();
  await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(blank);
  const result = await page.evaluate(async (post) => {
    const { renderPost } = await import('./index.js');
    const { crashForTests } = await import('./postview.js');
    const before = renderPost(post);
    const failed = {};
    for (const kind of ['panic', 'trap', 'overflow']) {
      crashForTests(kind);
      failed[kind] = renderPost(post).diagnostics;
      if (JSON.stringify(renderPost(post)) !== JSON.stringify(before)) return { differs: kind };
    }
    return { failed, html: renderPost(post).html };
  }, POST);
  assert.equal(result.differs, undefined, `the call after ${result.differs} should render as before it`);
  assert.match(result.html, /<strong>bold<\/strong>/);
  for (const [kind, diagnostics] of Object.entries(result.failed)) {
    assert.equal(diagnostics.length, 1, kind);
    assert.equal(diagnostics[0].code, 'preview/crashed', `${kind} should be told as postview's own failure`);
    assert.ok(diagnostics[0].message.startsWith(PREFIX), `${kind}: ${diagnostics[0].message}`);
  }
  // Each failure was logged once, as console.error, and nothing else went wrong.
  assert.equal(problems.filter((p) => p.startsWith(`console: ${PREFIX}`)).length, 3, problems.join('\n'));
  assert.deepEqual(problems.filter((p) => !p.startsWith(`console: ${PREFIX}`)), []);
  await page.close();
});
