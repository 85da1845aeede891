// New post and Translate in an opened site folder (issue 21, item 2): the new post, and the new
// translation, show as the site's page — its layout, its stylesheet, its images from the folder —
// as soon as they are created, and still after Save has written them. The folder is a copy of
// ../shared/corpus/site (site-fixture.mjs) in the origin-private file system (opfs-site.mjs).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { haveSite, makeSiteCopy, siteSkip } from './site-fixture.mjs';
import { copyToOpfs, openOpfsFolder } from './opfs-site.mjs';
import { download, openPostview, readOpfs } from './support.mjs';

const TITLE = 'A brand new post';
const PICTURE = '\nA picture from the folder:\n\n![New]({{ site.baseurl_root }}/uploads/site-view.png)\n';

let browser;
let site;
before(async () => {
  browser = await launchChromium();
  if (haveSite) site = makeSiteCopy();
});
after(() => {
  browser?.close();
  if (site) rmSync(dirname(site), { recursive: true, force: true });
});

/** What the preview shows: the site's page (its frame, masthead, heading) and the new image. */
async function shownAsPage(page) {
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-testid=preview]').contentDocument.querySelector('img[alt="New"]');
    return img?.complete && img.naturalWidth > 0;
  });
  const frame = await (await page.locator('[data-testid=preview]').elementHandle()).contentFrame();
  return {
    src: await page.locator('[data-testid=preview]').getAttribute('src'),
    ...(await frame.evaluate(() => ({
      masthead: document.querySelectorAll('header.masthead').length,
      heading: document.querySelector('.post-container > h1')?.textContent.trim() ?? null,
      fromFolder: [...document.styleSheets].some((s) => s.href?.startsWith('blob:')),
      image: document.querySelector('img[alt="New"]').getAttribute('src').slice(0, 5),
      width: document.querySelector('img[alt="New"]').naturalWidth,
    }))),
  };
}

const asPage = (title) => ({ src: 'preview-site.html', masthead: 1, heading: title, fromFolder: true, image: 'blob:', width: 320 });

async function typeAtEnd(page, text) {
  await page.click('[data-testid=editor] .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
}

test('a new post and a new translation should show as the site’s page, before and after Save', { skip: siteSkip }, async () => {
  const { page, preview, problems } = await openPostview(browser, { width: 1280, height: 800 });
  await copyToOpfs(page, site, 'site');
  await openOpfsFolder(page, 'site');
  await preview.locator('header.masthead').waitFor();

  await page.click('[data-testid=new-post]');
  await page.selectOption('[data-testid=post-section]', '_i18n/en/_posts');
  await page.fill('[data-testid=post-title]', TITLE);
  const path = await page.locator('[data-testid=post-path]').innerText();
  await page.click('[data-testid=post-create]');
  await preview.locator('.post-container > h1', { hasText: TITLE }).waitFor({ timeout: 5000 });
  await typeAtEnd(page, PICTURE);
  const heading = (await preview.locator('.post-container > h1').innerText()).trim();
  assert.ok(heading.endsWith(TITLE), `the site's post heading should show the title: ${heading}`);
  assert.deepEqual(await shownAsPage(page), asPage(heading), 'the new post should show as the site’s page at once');

  await page.click('[data-testid=save]');
  await page.waitForFunction(() => document.querySelector('.status .note').textContent.includes('Saved'));
  const saved = await readOpfs(page, `site/${path}`);
  assert.equal(saved, (await download(page)).text, 'Save should have written the new post');
  assert.deepEqual(await shownAsPage(page), asPage(heading), 'the saved post should still show as the site’s page');
  // Shown again from the list, after another post.
  await page.selectOption('[data-testid=posts]', { label: '2024-05-01 Site view' });
  await preview.locator('.post-container > h1', { hasText: 'Site view' }).waitFor();
  const option = page.locator('#posts option', { hasText: TITLE });
  await page.selectOption('[data-testid=posts]', { value: await option.getAttribute('value') });
  await preview.locator('.post-container > h1', { hasText: TITLE }).waitFor();
  assert.deepEqual(await shownAsPage(page), asPage(heading), 'the saved post, opened again, should show as the site’s page');

  // Its translation, body kept: the site's Japanese page.
  await page.click('[data-testid=translate]');
  await page.selectOption('[data-testid=post-section]', '_i18n/ja/_posts');
  await page.click('[data-testid=post-create]');
  await page.locator('#write-links-dialog .cancel').click();
  await page.waitForFunction(() => /lang: ja/.test(document.querySelector('[data-testid=editor]').textContent));
  const translated = await shownAsPage(page);
  assert.deepEqual(translated, asPage(translated.heading), 'the new translation should show as the site’s page');
  assert.ok(translated.heading?.includes(TITLE), `the translation's heading should carry the title: ${translated.heading}`);
  assert.deepEqual(problems.filter((p) => !/https:\/\/|net::ERR_NAME_NOT_RESOLVED/.test(p)), [], 'nothing should fail');
  await page.close();
});
