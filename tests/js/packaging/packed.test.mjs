// renderPost hands its result from wasm to JS packed (src/packed.rs → .ci/npm/rendered.js): the
// strings read straight from the module's memory, every field but the HTML as one JSON text. The
// object must be the very one serde-wasm-bindgen builds property by property, which the module
// exports as `renderPost` in the builds that keep it (not the npm one; the crash-test build of
// the same code does): same keys in the same order, same values, NaN and ±Infinity and -0
// included. Checked in Node (where the strings come as UTF-16, decoded with Buffer) on every
// corpus post and on front matter JSON cannot spell, and in Chromium (where they come as UTF-8,
// decoded with TextDecoder) on the latter.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SHARED, sharedSkip } from '../lib/shared.mjs';
import { launchChromium, openPage } from '../lib/browser.mjs';
import { ROOT } from '../lib/consumer.mjs';
import { serve } from '../lib/serve.mjs';

const PKG = join(ROOT, 'pkg');
const CRASH_PKG = join(ROOT, 'target/postview-crashtest/pkg');
for (const dir of [PKG, CRASH_PKG]) {
  if (!existsSync(join(dir, 'node.js'))) throw new Error(`${dir} is not built: run .ci/build first`);
}
const { renderPost } = await import(join(PKG, 'node.js'));
// The crash-test package's glue, instantiated by its entry, with the object-building export.
await import(join(CRASH_PKG, 'node.js'));
const glue = await import(join(CRASH_PKG, 'postview.js'));
const CORPUS = join(SHARED, 'corpus/posts');
const skipCorpus = sharedSkip('corpus/posts');

/** Posts whose front matter and text go where JSON and UTF-16 need care. */
const ODD = [
  '---\nnan: .nan\ninf: .inf\nninf: -.inf\nzero: -0.0\ntiny: 1.5e-300\nhuge: 1.7976931348623157e308\nint: -9007199254740991\n---\nx\n',
  '---\ntitle: "quote \\" backslash \\\\ tab \\t bell \\a nul \\0 line\\nbreak \\u2028"\n"key \\"quoted\\"": 1\n---\n# Heading with "quotes" and \\\\\n',
  '---\ntitle: 日本語 😀 é\nlang: ja\nja: _i18n/ja/_posts/2021-01-20-日本.md\nlist: [1, 2.5, true, null, [a, {b: c}]]\n"10": ten\n"2": two\nb: bee\n---\n## 見出し 😀\n\n本文 *強調* 🎉\n',
  '---\ntitle: lone\n---\nA lone surrogate \ud800 and a pair \ud83d\ude00, then \u0000 and \u001f.\n',
  'no front matter at all, {{ unclosed',
  '',
];

function corpus(dir = CORPUS) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return corpus(path);
    return name.endsWith('.md') ? [{ rel: path.slice(CORPUS.length + 1), source: readFileSync(path, 'utf8') }] : [];
  });
}

/** The keys of `value` and of everything in it, in order: deepStrictEqual ignores key order. */
const keyOrder = (value) =>
  value && typeof value === 'object'
    ? Array.isArray(value)
      ? value.map(keyOrder)
      : Object.entries(value).map(([k, v]) => [k, keyOrder(v)])
    : null;

test('renderPost should return what serde-wasm-bindgen builds, on every corpus post and on odd front matter', () => {
  const posts = [...ODD.map((source, i) => ({ rel: `odd ${i}`, source })), ...(skipCorpus ? [] : corpus())];
  if (skipCorpus) console.log(`corpus posts ${skipCorpus}`);
  else assert.ok(posts.length > 100, 'the corpus should be there');
  for (const { rel, source } of posts) {
    const options = { path: rel };
    const packed = renderPost(source, options);
    const built = glue.renderPost(source, options);
    assert.deepStrictEqual(packed, built, rel);
    assert.deepEqual(keyOrder(packed), keyOrder(built), `${rel}: the keys should come in the same order`);
  }
});

test('the npm module should not have the object-building export', async () => {
  assert.equal((await import(join(PKG, 'postview.js'))).renderPost, undefined);
});

test('an integer beyond 2^53 should come as the nearest number, where serde-wasm-bindgen refuses it', () => {
  const source = '---\nbig: 9007199254740993\n---\nx\n';
  assert.equal(renderPost(source).frontMatter.big, 9007199254740992);
  assert.throws(() => glue.renderPost(source), /can't be represented as a JavaScript number/);
});

test('a front matter key "__proto__" should be a key like any other, where serde-wasm-bindgen makes it the prototype', () => {
  const source = '---\n"__proto__": {polluted: true}\nb: 1\n---\nx\n';
  const { frontMatter } = renderPost(source);
  assert.deepEqual(Object.keys(frontMatter), ['__proto__', 'b']);
  assert.equal(Object.getPrototypeOf(frontMatter), Object.prototype);
  assert.equal(frontMatter.polluted, undefined);
  assert.equal(glue.renderPost(source).frontMatter.polluted, true, 'serde-wasm-bindgen sets the prototype (why the packed path is not compared with it here)');
});

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

test('in Chromium, renderPost should return what serde-wasm-bindgen builds, the strings read as UTF-8', async () => {
  const server = await serve(ROOT);
  const { page, problems } = await openPage(browser, new URL('pkg/package.json', server.url).href);
  try {
    const mismatches = await page.evaluate(async (posts) => {
      const { renderPost } = await import('/pkg/index.js');
      await import('/target/postview-crashtest/pkg/index.js');
      const glue = await import('/target/postview-crashtest/pkg/postview.js');
      const same = (a, b) =>
        a && b && typeof a === 'object' && typeof b === 'object'
          ? Array.isArray(a) === Array.isArray(b) &&
            JSON.stringify(Object.keys(a)) === JSON.stringify(Object.keys(b)) &&
            Object.keys(a).every((k) => same(a[k], b[k]))
          : Object.is(a, b);
      return posts.flatMap((source, i) => {
        const packed = renderPost(source);
        return same(packed, glue.renderPost(source)) ? [] : [`odd ${i}: ${JSON.stringify(packed)}`];
      });
    }, ODD);
    assert.deepEqual(mismatches, []);
    // (The browser's own request for a favicon is a 404 here, and not the package's business.)
    assert.deepEqual(problems.filter((p) => !p.startsWith('console: Failed to load resource')), []);
  } finally {
    await page.close();
    await server.close();
  }
});
