// After a reload (issue 21, item 8): the folder last worked in is offered again — a folder opened
// as a directory handle with one click that asks the browser for access again, a folder uploaded
// (no handle can be kept) by its name — and once it is open, the post being drafted is shown again
// with what was typed, as its published page, not the folder's newest post. The folder is a copy
// of ../shared/corpus/site (site-fixture.mjs); as a handle, in the origin-private file system
// (opfs-site.mjs says what it stands for).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { haveSite, makeSiteCopy, siteSkip } from './site-fixture.mjs';
import { copyToOpfs, openOpfsFolder } from './opfs-site.mjs';
import { download, openPostview, readOpfs } from './support.mjs';

// An older post, whose images the fixture has (it makes every .png this post shows).
const POST = '_i18n/en/_posts/2021-02-11-introducing-the-mask-token.md';
const HEADING = 'Introducing the $MASK Token';
const TYPED = ' Typed before the reload.';

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

/** Shows the older post (not the newest) and types at its end. */
async function draftOlderPost(page, preview) {
  await preview.locator('header.masthead').waitFor();
  await page.selectOption('[data-testid=posts]', `en:${POST}`);
  await preview.locator('.post-container > h1', { hasText: HEADING }).waitFor();
  await page.click('[data-testid=editor] .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(TYPED);
  await preview.locator('.post-container p', { hasText: TYPED.trim() }).waitFor({ timeout: 5000 });
}

/** After the folder is back: the drafted post, as its published page, with what was typed. */
async function draftShownAgain(page, preview) {
  await preview.locator('.post-container > h1', { hasText: HEADING }).waitFor({ timeout: 10000 });
  await preview.locator('.post-container p', { hasText: TYPED.trim() }).waitFor({ timeout: 5000 });
  assert.equal(await page.locator('[data-testid=preview]').getAttribute('src'), 'preview-site.html', 'the post should show as its published page');
  assert.equal(await preview.locator('header.masthead').count(), 1, 'with the site’s masthead');
  assert.equal(await page.locator('[data-testid=posts]').inputValue(), `en:${POST}`, 'the drafted post should be the one open, not the newest');
  return (await download(page)).text;
}

const reload = async (page) => {
  await page.reload();
  await page.waitForSelector('[data-testid=errors] li');
};

test('a folder opened as a directory handle should be offered again after a reload, one click giving it back with the draft', { skip: siteSkip }, async () => {
  const { page, preview, problems } = await openPostview(browser, { width: 1280, height: 800 });
  await copyToOpfs(page, site, 'site');
  await openOpfsFolder(page, 'site');
  await draftOlderPost(page, preview);

  await reload(page);
  const reopen = page.locator('[data-testid=reopen-folder]');
  await reopen.waitFor({ timeout: 5000 });
  assert.match(await page.locator('[data-testid=reopen-folder-notice]').innerText(), /“site”/, 'the notice should name the folder');
  assert.equal(await page.locator('[data-testid=reopen-folder-hint]').count(), 0, 'a kept folder needs no hint');
  await reopen.click();
  const text = await draftShownAgain(page, preview);
  assert.ok(text.endsWith(`${TYPED}`) || text.includes(TYPED), 'what was typed should be in the editor');
  assert.equal(await page.locator('[data-testid=reopen-folder-notice]').count(), 0, 'the offer should be gone once the folder is open');
  // Access is back, not only the files: Save writes in place.
  await page.click('[data-testid=save]');
  await page.waitForFunction(() => document.querySelector('.status .note').textContent.includes('Saved'));
  assert.equal(await readOpfs(page, `site/${POST}`), text, 'Save should write the draft into the folder');
  assert.deepEqual(problems.filter((p) => !/https:\/\/|net::ERR_NAME_NOT_RESOLVED/.test(p)), [], 'nothing should fail');
  await page.close();
});

test('an uploaded folder should be named after a reload, and opened again it should show the draft’s post', { skip: siteSkip }, async () => {
  const { page, preview } = await openPostview(browser, { width: 1280, height: 800 });
  await page.setInputFiles('[data-testid=site-folder]', site);
  await draftOlderPost(page, preview);

  await reload(page);
  const hint = page.locator('[data-testid=reopen-folder-hint]');
  await hint.waitFor({ timeout: 5000 });
  assert.match(await hint.innerText(), /“site”/, 'the hint should name the folder to open again');
  assert.equal(await page.locator('[data-testid=reopen-folder]').count(), 0, 'no handle was kept, so no button can give it back');
  await page.setInputFiles('[data-testid=site-folder]', site);
  const text = await draftShownAgain(page, preview);
  assert.ok(text.includes(TYPED), 'what was typed should be in the editor');
  assert.equal(await hint.count(), 0, 'the hint should be gone once the folder is open');
  await page.close();
});

test('a new post never saved should come back after a reload as the site’s page, with what was typed', { skip: siteSkip }, async () => {
  const { page, preview } = await openPostview(browser, { width: 1280, height: 800 });
  await copyToOpfs(page, site, 'site');
  await openOpfsFolder(page, 'site');
  await preview.locator('header.masthead').waitFor();
  await page.click('[data-testid=new-post]');
  await page.selectOption('[data-testid=post-section]', '_i18n/en/_posts');
  await page.fill('[data-testid=post-title]', 'Never saved');
  const path = await page.locator('[data-testid=post-path]').innerText();
  await page.click('[data-testid=post-create]');
  await preview.locator('.post-container > h1', { hasText: 'Never saved' }).waitFor({ timeout: 5000 });
  await page.click('[data-testid=editor] .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\nWords of a post not yet saved.\n\n![New]({{ site.baseurl_root }}/uploads/site-view.png)\n');
  await preview.locator('.post-container p', { hasText: 'Words of a post not yet saved.' }).waitFor({ timeout: 5000 });
  const typed = (await download(page)).text;

  await reload(page);
  await page.locator('[data-testid=reopen-folder]').click();
  await preview.locator('.post-container > h1', { hasText: 'Never saved' }).waitFor({ timeout: 10000 });
  assert.equal(await page.locator('[data-testid=posts]').inputValue(), `en:${path}`, 'the new post should be the one open');
  assert.equal((await download(page)).text, typed, 'everything typed should be back');
  assert.equal(await page.locator('[data-testid=preview]').getAttribute('src'), 'preview-site.html', 'it should show as the site’s page');
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-testid=preview]').contentDocument.querySelector('img[alt="New"]');
    return img?.complete && img.naturalWidth > 0 && img.getAttribute('src').startsWith('blob:');
  });
  await page.close();
});
