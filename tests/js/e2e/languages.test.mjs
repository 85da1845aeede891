// Translations in headless Chromium: the switcher, each language's own draft, a site folder
// browsed by language (one language beyond the site's five), and the page's own UI strings.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { download, fixture, goToLine, openPostview, previewText } from './support.mjs';

let browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

const button = (page, lang) => page.locator(`[data-testid=language] button[data-lang="${lang}"]`);

test('the switcher should list the demo family and show each translation with its own unsaved text', async () => {
  const { page, problems, preview } = await openPostview(browser);
  for (const lang of ['en', 'ja', 'zh-Hans']) assert.equal(await button(page, lang).count(), 1, `${lang} button`);
  assert.equal(await button(page, 'en').getAttribute('aria-pressed'), 'true');
  const english = await preview.locator('h1').innerText();

  await goToLine(page, 17);
  await page.keyboard.type('EN-EDIT ');
  await button(page, 'ja').click();
  await preview.locator('h1', { hasText: 'postview のご紹介' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the UI should stay in the browser’s language, not follow the post');
  assert.equal(await page.locator('#problems-label').innerText(), 'Problems', 'the UI strings should stay in the browser’s language');
  assert.doesNotMatch(await previewText(preview), /EN-EDIT/);

  await goToLine(page, 17);
  await page.keyboard.type('JA-EDIT ');
  await preview.locator('p', { hasText: 'JA-EDIT' }).waitFor();
  assert.match(await button(page, 'en').getAttribute('class'), /has-draft/, 'English should show it has a draft');

  await button(page, 'en').click();
  await preview.locator('h1', { hasText: english }).waitFor();
  let { text } = await download(page);
  assert.match(text, /EN-EDIT/);
  assert.doesNotMatch(text, /JA-EDIT/);

  await button(page, 'ja').click();
  await preview.locator('p', { hasText: 'JA-EDIT' }).waitFor();
  ({ text } = await download(page));
  assert.match(text, /JA-EDIT/);
  assert.doesNotMatch(text, /EN-EDIT/);
  assert.deepEqual(problems, []);
});

test('opening a site folder should list its posts by language and link the translations, German included', async () => {
  const { page, preview } = await openPostview(browser);
  await page.setInputFiles('#folder', fixture('site'));
  await preview.locator('h1', { hasText: 'Harbour lights' }).waitFor();

  const groups = await page.locator('#posts optgroup[data-lang]').evaluateAll((list) =>
    list.map((g) => [g.dataset.lang, g.querySelectorAll('option').length]),
  );
  assert.deepEqual(groups, [['en', 2], ['ja', 1], ['de', 1]], 'languages in the site order, then others');
  assert.equal(await page.locator('#posts optgroup[data-lang="de"]').getAttribute('label'), 'Deutsch');

  const langs = await page.locator('[data-testid=language] button').evaluateAll((list) => list.map((b) => b.dataset.lang));
  assert.deepEqual(langs, ['en', 'ja', 'de']);
  assert.equal(await button(page, 'de').innerText(), 'Deutsch');

  await button(page, 'de').click();
  await preview.locator('h1', { hasText: 'Notizen | Hafenlichter' }).waitFor();
  assert.equal(await preview.locator('.post-date').innerText(), '2024-03-10', 'the date should come from the file name');
  assert.equal(await page.locator('#problems-label').innerText(), 'Problems', 'German UI strings fall back to English');

  await page.selectOption('#posts', { label: '2023-11-02 Winter market' });
  await preview.locator('h1', { hasText: 'Winter market' }).waitFor();
  assert.equal(await preview.locator('h1').innerText(), 'Winter market', "type '' shows the title alone");
  assert.deepEqual(
    await page.locator('[data-testid=language] button').evaluateAll((list) => list.map((b) => b.dataset.lang)),
    ['en'],
    'a post whose language keys are empty has no translations',
  );
});

test('dropping a .md file on the page should open it', async () => {
  const { page, preview } = await openPostview(browser);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['---\ntitle: Dropped\ntype: ""\n---\nDropped *here*.\n'], 'dropped.md', { type: 'text/markdown' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await preview.locator('h1', { hasText: 'Dropped' }).waitFor({ timeout: 3000 });
  assert.equal(await preview.locator('.post-body em').innerText(), 'here');
  assert.match(await page.locator('#posts').evaluate((s) => s.selectedOptions[0].textContent), /Dropped/);
});

test('a translation that is not open should be listed but not clickable', async () => {
  const { page, preview } = await openPostview(browser);
  await page.setInputFiles('#files', fixture('site/_i18n/ja/_posts/2024-03-10-harbour-lights.md'));
  await preview.locator('h1', { hasText: 'メモ | 港の灯り' }).waitFor();
  assert.equal(await button(page, 'ja').getAttribute('aria-pressed'), 'true');
  assert.equal(await button(page, 'en').isDisabled(), true);
  assert.equal(await button(page, 'de').isDisabled(), true);
});

test('the interface language picked in the settings should win over the post\'s', async () => {
  const { page } = await openPostview(browser);
  await page.selectOption('#ui-lang', 'ko');
  assert.equal(await page.locator('#problems-label').innerText(), '문제');
  await button(page, 'zh-Hans').click();
  await page.locator('[data-testid=language] button[data-lang="zh-Hans"][aria-pressed="true"]').waitFor();
  assert.equal(await page.locator('#problems-label').innerText(), '문제', 'the choice should hold for another post');
  await page.reload();
  await page.waitForSelector('[data-testid=errors] li');
  assert.equal(await page.locator('#download').innerText(), '.md 다운로드', 'and after a reload');
  await page.selectOption('#ui-lang', 'auto');
  assert.equal(await page.locator('#download').innerText(), 'Download .md', 'back to the browser’s language (English), not the post’s (zh-Hans)');
});
