// A site folder whose posts are shown in the preview's own style (it has no layouts of its own):
// the images its posts name are taken from the folder, as `blob:` URLs, in the post shown and in
// the translation beside it (the same file at the same URL in both), and the page's own server is
// never asked for them. A URL naming no file of the folder stays as written.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { png } from './site-fixture.mjs';
import { openPostview } from './support.mjs';

const EN = '_i18n/en/_posts/2024-06-01-harbour.md';
const JA = '_i18n/ja/_posts/2024-06-01-harbour.md';

let browser;
let site;
before(async () => {
  browser = await launchChromium();
  site = join(mkdtempSync(join(tmpdir(), 'postview-plain-')), 'site');
  const write = (path, data) => {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), data);
  };
  write('_config.yml', 'languages: ["en", "ja"]\n');
  write('_i18n/en.yml', 'hello: Hello\n');
  write('_i18n/ja.yml', 'hello: こんにちは\n');
  write('uploads/harbour.png', png(120, 60));
  const post = (lang, title, other, path) =>
    ['---', `lang: ${lang}`, `title: ${title}`, `${other}: ${path}`, '---', `${title}.`, '', '![Harbour]({{ site.baseurl_root }}/uploads/harbour.png)', '', '![Elsewhere](/uploads/not-in-the-folder.png)', ''].join('\n');
  write(EN, post('en', 'Harbour', 'ja', JA));
  write(JA, post('ja', '港', 'en', EN));
});
after(() => {
  browser?.close();
  if (site) rmSync(dirname(site), { recursive: true, force: true });
});

/** The `src` of the images in a frame's post body, once the folder's image has loaded. */
const images = (page, testid) =>
  page.waitForFunction((testid) => {
    const doc = document.querySelector(`[data-testid=${testid}]`).contentDocument;
    const imgs = [...doc.querySelectorAll('.post-body img')];
    const folder = imgs.find((img) => img.alt === 'Harbour');
    if (!folder?.complete || folder.naturalWidth === 0) return null;
    return imgs.map((img) => img.getAttribute('src'));
  }, testid).then((handle) => handle.jsonValue());

test('a post of a folder without layouts, and its translation beside, should take the folder’s images from the folder', async () => {
  const { page } = await openPostview(browser, { width: 1280, height: 800 });
  const asked = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.includes('harbour.png')) asked.push(request.url());
  });
  await page.setInputFiles('#folder', site);
  await page.locator('#posts option', { hasText: 'Harbour' }).waitFor({ state: 'attached' });
  await page.selectOption('#posts', { value: `en:${EN}` });
  const left = await images(page, 'preview');
  assert.equal(await page.locator('[data-testid=preview]').getAttribute('src'), 'preview.html', 'the post should be shown in the preview’s own style');
  assert.match(left[0], /^blob:/, 'the folder’s image should be its blob: URL');
  assert.equal(left[1], '/uploads/not-in-the-folder.png', 'a URL naming no file of the folder should stay as written');

  await page.click('[data-testid=side-by-side]');
  await page.locator('[data-testid=language] .switcher button[data-lang=ja]').click();
  const right = await images(page, 'translation-preview');
  assert.equal(right[0], left[0], 'the translation beside should show the same file at the same blob: URL');
  assert.deepEqual(asked, [], 'the page’s server should never be asked for a file of the folder');
});
