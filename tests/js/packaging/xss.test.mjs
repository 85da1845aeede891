// The XSS corpus (lib/xss-vectors.mjs) in plain pages of headless Chromium — no sandbox, no CSP,
// as an npm user's own page would be. First the control: each vector, rendered by postview and
// not sanitized, runs (or loads, or navigates) where the corpus says it does, so every vector is
// known to be live. Then the same vectors through "postview/sanitize": none may run, load from
// elsewhere or navigate, whether the HTML is inserted with innerHTML or is the whole document.
// Uses the package as built in pkg/ (how it installs is package.test.mjs's and sanitize.test.mjs's
// concern).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { ROOT } from '../lib/consumer.mjs';
import { openProber } from '../lib/xss-probe.mjs';
import { MARK, VECTORS, postOf } from '../lib/xss-vectors.mjs';

const plain = await import(join(ROOT, 'pkg/node.js'));
const sanitizing = await import(join(ROOT, 'pkg/sanitize/node.js'));
const MODES = ['document', 'innerHTML'];

let browser;
let prober;
before(async () => {
  browser = await launchChromium();
  prober = await openProber(browser);
});
after(() => browser?.close());

const live = (result) => result.fired.size > 0 || result.requests.length > 0 || result.dialogs.length > 0;

test('the vectors should not run into each other: the post of all should render as each one alone, one after another', () => {
  const normal = (html) => html.replace(/\s+/g, ' ').trim();
  const alone = VECTORS.map((vector) => plain.renderPost(postOf([vector])).html).join('\n');
  assert.equal(normal(plain.renderPost(postOf(VECTORS)).html), normal(alone));
});

test('the control: unsanitized, each live vector should run, load or navigate in a plain page, where the corpus says', async (t) => {
  const probes = VECTORS.flatMap((vector) =>
    vector.fires.map(async (mode) => {
      const html = plain.renderPost(postOf([vector])).html;
      // Chromium on a busy machine now and then drops a synthetic form submission: a second,
      // fresh load decides.
      for (let attempt = 1; attempt <= 2; attempt += 1) {
        if (live(await prober.probe(html, mode, { timeout: 3000, enough: live }))) return null;
        if (attempt === 1) t.diagnostic(`${vector.id} (${mode}) did not fire at the first load`);
      }
      return `${vector.id} (${mode})`;
    }),
  );
  assert.deepEqual((await Promise.all(probes)).filter(Boolean), [], 'these vectors should fire unsanitized');
  const inert = VECTORS.filter((vector) => !vector.fires.length);
  t.diagnostic(`${VECTORS.length - inert.length} live vectors; inert in Chromium, not controlled: ${inert.map((v) => `${v.id} (${v.inert})`).join('; ')}`);
  for (const vector of inert) assert.ok(vector.inert, `${vector.id} should say why it is inert`);
});

test('where a live vector fires only as a whole document, it should stay inert through innerHTML (so the control means what it says)', async () => {
  const documentOnly = VECTORS.filter((vector) => vector.fires.length === 1 && vector.fires[0] === 'document');
  const fired = await Promise.all(documentOnly.map(async (vector) => {
    const result = await prober.probe(plain.renderPost(postOf([vector])).html, 'innerHTML', { timeout: 800, enough: live });
    return live(result) ? vector.id : null;
  }));
  assert.deepEqual(fired.filter(Boolean), [], 'these fire through innerHTML too: add innerHTML to their `fires`');
});

for (const mode of MODES) {
  test(`sanitized, no vector should run, load from elsewhere or navigate, the HTML being ${mode === 'document' ? 'a whole document' : 'inserted with innerHTML'}`, async () => {
    // All vectors in one post: sanitized, nothing should fire, and whatever did would name its
    // vector (its flag, or its MARK address).
    const { html } = sanitizing.renderPost(postOf(VECTORS));
    const result = await prober.probe(html, mode, { timeout: 1500 });
    assert.deepEqual([...result.fired], [], 'no script should run');
    assert.deepEqual(result.requests, [], `nothing should be asked of ${MARK}`);
    assert.deepEqual(result.dialogs, [], 'no dialog should open');
    assert.deepEqual(result.navigations, [], 'no frame should navigate');
    assert.match(result.url, new RegExp(`/${mode}-\\d+\\.html$`), 'the page should stay where it was');
    if (mode !== 'document') return;
    // And one vector at a time, as whole documents (where the most runs): in the post of all, a
    // vector could hide the next one inside itself.
    const alone = await Promise.all(VECTORS.filter((v) => v.fires.includes(mode)).map(async (vector) => {
      const one = await prober.probe(sanitizing.renderPost(postOf([vector])).html, mode, { timeout: 300, enough: live });
      return live(one) || one.navigations.length ? vector.id : null;
    }));
    assert.deepEqual(alone.filter(Boolean), []);
  });
}

test('sanitized HTML should hold no event handler, no script-running or data URL (but data:image/… images), and no element that runs, frames or navigates', async () => {
  const { html } = sanitizing.renderPost(postOf(VECTORS));
  const page = await browser.newPage();
  const found = await page.evaluate((markup) => {
    const body = new DOMParser().parseFromString(`<body>${markup}`, 'text/html').body;
    const found = [];
    const forbidden = 'script, style, iframe, frame, object, embed, base, meta, link, form, input, button, select, textarea, template, svg, math, noscript';
    for (const element of body.querySelectorAll(forbidden)) found.push(`<${element.localName}>`);
    for (const element of body.querySelectorAll('*')) {
      for (const { name, value } of element.attributes) {
        const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (name.startsWith('on')) found.push(`${element.localName}[${name}]`);
        if (/^(javascript|vbscript):/.test(url)) found.push(`${element.localName}[${name}=${value}]`);
        if (url.startsWith('data:') && !(element.localName === 'img' && name === 'src' && url.startsWith('data:image/'))) {
          found.push(`${element.localName}[${name}=${value}]`);
        }
        if (['srcdoc', 'formaction', 'action', 'xlink:href', 'http-equiv'].includes(name)) found.push(`${element.localName}[${name}]`);
        if (name === 'style' && !/^text-align: (left|center|right)$/.test(value)) found.push(`${element.localName}[style=${value}]`);
      }
    }
    return found;
  }, html);
  await page.close();
  assert.deepEqual(found, []);
  // The vectors' own words are still there as text where their tags were unwrapped.
  assert.match(html, /a Markdown link/);
});
