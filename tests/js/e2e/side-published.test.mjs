// Side by side in an opened site folder (issue 21, item 1): the translation beside is shown as
// its published page — the site's layout, stylesheet and images, its folder images as blob: URLs
// and never asked of the page's own server — its blocks matched with the edited post's whatever
// the URLs look like, scrolled together, and the blocks without a counterpart outlined on both
// published pages.
// At the two common screen sizes. Uses a copy of ../shared/corpus/site (site-fixture.mjs).
import assert from 'node:assert/strict';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { haveSite, makeSiteCopy, siteSkip } from './site-fixture.mjs';
import { URL_, openPostview } from './support.mjs';

const WWW = fileURLToPath(new URL('../../../www/', import.meta.url));
const EN = '_i18n/en/_posts/2024-05-02-side-by-side.md';
const ZH = '_i18n/zh-Hans/_posts/2024-05-02-side-by-side.md';
const front = (lang, title, other, path) =>
  ['---', 'layout: post', `lang: ${lang}`, 'date: 2024-05-02', 'timezone: 8', 'tags: []', `title: ${title}`, "location: 'Shanghai'", 'type: 快讯', `${other}: ${path}`, '---'];

let browser;
let site;
before(async () => {
  browser = await launchChromium();
  if (!haveSite) return;
  site = makeSiteCopy();
  writeFileSync(
    join(site, EN),
    [
      ...front('en', 'Side by side', 'zh-Hans', ZH),
      'The first paragraph, in English.',
      '',
      '![Shared]({{ site.baseurl_root }}/uploads/site-view.png)',
      '',
      'A paragraph only the English post has.',
      '',
      'The last paragraph, written in 2024.',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(site, ZH),
    [
      ...front('zh-Hans', '并排', 'en', EN),
      '第一段。',
      '',
      '![共享]({{ site.baseurl_root }}/uploads/site-view.png)',
      '',
      '最后一段，写于 2024 年。',
      '',
      '只有中文版有的一段。',
      '',
    ].join('\n'),
  );
});
after(() => {
  browser?.close();
  if (site) rmSync(dirname(site), { recursive: true, force: true });
});

/** Whether `pathname` (a URL path of the page's server) names a file of the site folder that the page itself does not have. */
function folderFile(pathname) {
  const path = decodeURIComponent(pathname).replace(/^\/+/, '');
  const isFile = (p) => existsSync(p) && statSync(p).isFile();
  return path !== '' && isFile(join(site, path)) && !isFile(join(WWW, path));
}

/**
 * The post body's paragraph of a frame that holds the image `what` (a selector) or the text
 * `what`: whether it is marked unmatched, and the outline drawn.
 */
const blockState = (frame, what) =>
  frame.evaluate((what) => {
    const paragraphs = [...document.querySelectorAll('.post-container p')];
    const node = what.startsWith('img[') ? document.querySelector(what)?.closest('p') : paragraphs.find((p) => p.textContent.includes(what));
    if (!node) return null;
    return { unmatched: node.hasAttribute('data-unmatched'), outline: getComputedStyle(node).outlineStyle };
  }, what);

for (const [width, height] of [
  [1280, 800],
  [1920, 1080],
]) {
  test(`at ${width}×${height} side by side should show the translation as its published page, matched block by block`, { skip: siteSkip }, async (t) => {
    const { page, problems, preview } = await openPostview(browser, { width, height });
    const asked = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === new URL(URL_).origin) asked.push(url.pathname);
    });
    await page.setInputFiles('[data-testid=site-folder]', site);
    await page.selectOption('[data-testid=posts]', { label: '2024-05-02 Side by side' });
    await preview.locator('.post-container > h1', { hasText: 'Side by side' }).waitFor();
    await page.click('[data-testid=side-by-side]');

    const other = page.locator('[data-testid=translation-preview]');
    await page.frameLocator('[data-testid=translation-preview]').locator('.post-container > h1', { hasText: '并排' }).waitFor({ timeout: 5000 });
    assert.equal(await other.getAttribute('src'), 'preview-site.html', 'the translation should be in a frame of the site’s pages');
    assert.equal(await other.getAttribute('sandbox'), 'allow-same-origin', 'as sandboxed as the preview');
    const beside = await (await other.elementHandle()).contentFrame();
    const shown = await beside.evaluate(() => ({
      masthead: document.querySelectorAll('header.masthead').length,
      lang: document.documentElement.lang,
      sheets: [...document.styleSheets].map((s) => s.href ?? 'inline'),
      font: getComputedStyle(document.body).fontFamily,
      scripts: document.querySelectorAll('script').length,
    }));
    assert.equal(shown.masthead, 1, 'the translation should have the site’s masthead');
    assert.ok(shown.sheets.some((href) => href.startsWith('blob:')), `main.css should come from the folder: ${shown.sheets}`);
    assert.match(shown.font, /^-apple-system/, "the site's own font, not the preview's");
    assert.equal(shown.scripts, 0, 'no script of the layout should be in the translation');
    await page.waitForFunction(() => {
      const img = document.querySelector('[data-testid=translation-preview]').contentDocument.querySelector('img[alt="共享"]');
      return img?.complete && img.naturalWidth > 0;
    });
    const image = await beside.evaluate(() => {
      const img = document.querySelector('img[alt="共享"]');
      return { src: img.getAttribute('src'), width: img.naturalWidth };
    });
    assert.match(image.src, /^blob:/, 'the folder image should be shown from the folder');
    assert.equal(image.width, 320);

    // Matching: the shared image pairs; each post's own paragraph is outlined, on both pages.
    const main = await page.locator('[data-testid=preview]').elementHandle().then((h) => h.contentFrame());
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=preview]').contentDocument.querySelector('.post-container [data-unmatched]'),
    );
    const left = { image: await blockState(main, 'img[alt="Shared"]'), own: await blockState(main, 'only the English') };
    const right = { image: await blockState(beside, 'img[alt="共享"]'), own: await blockState(beside, '只有中文版') };
    assert.deepEqual(left.image, { unmatched: false, outline: 'none' }, 'the shared image should be matched on the edited side');
    assert.deepEqual(right.image, { unmatched: false, outline: 'none' }, 'the shared image should be matched on the translation’s side');
    assert.deepEqual(left.own, { unmatched: true, outline: 'dashed' }, 'the English-only paragraph should be outlined on its published page');
    assert.deepEqual(right.own, { unmatched: true, outline: 'dashed' }, 'the Chinese-only paragraph should be outlined on its published page');

    // Scrolled together: the shared image's block at the top of the edited page brings the
    // translation's to the top of its own.
    await main.evaluate(() => document.querySelector('img[alt="Shared"]').closest('p').scrollIntoView());
    await page.waitForFunction(() => {
      const doc = document.querySelector('[data-testid=translation-preview]').contentDocument;
      const top = doc.querySelector('img[alt="共享"]').closest('p').getBoundingClientRect().top;
      return doc.defaultView.scrollY > 0 && Math.abs(top) < 40;
    }, null, { timeout: 5000 });

    // Usable at this size: the translation is not squeezed.
    const box = await other.boundingBox();
    assert.ok(box.width >= 300 && box.height >= 300, `the translation should have room: ${Math.round(box.width)}×${Math.round(box.height)}`);
    t.diagnostic(`translation frame ${Math.round(box.width)}×${Math.round(box.height)} px; ${asked.length} requests of the page's server, none for a folder file`);

    const toFolder = asked.filter(folderFile);
    assert.deepEqual(toFolder, [], 'no file of the folder should be asked of the page’s server');
    assert.deepEqual(problems.filter((p) => !/https:\/\/|net::ERR_NAME_NOT_RESOLVED/.test(p)), [], 'nothing should fail');
    await page.close();
  });
}
