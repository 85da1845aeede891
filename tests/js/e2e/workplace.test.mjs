// The page as an editor's workplace (issue 21): one toolbar row and a usable editor side by side
// at common screen sizes, the interface in the user's language (never the post's), New post
// showing the file it will create, and Save saying why it downloaded.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SHARED, sharedSkip } from '../lib/shared.mjs';
import { launchChromium } from '../lib/browser.mjs';
import { URL_, openPostview } from './support.mjs';

const SITE = join(SHARED, 'corpus/site');
const POST = '_i18n/en/_posts/2019-07-05-maskbook-taipei-meetup.md';
const FILES = [
  '.forestry/settings.yml',
  '.forestry/front_matter/templates/en-post.yml',
  '.forestry/front_matter/templates/ja-post.yml',
  POST,
];
const skip = sharedSkip('corpus/site');

let browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

/** The page at `size`, on a copy of part of the shared site in the origin-private file system. */
async function openSite(size) {
  const opened = await openPostview(browser, size);
  const files = FILES.map((path) => ({ path, text: readFileSync(join(SITE, path), 'utf8') }));
  await opened.page.evaluate(async (files) => {
    const root = await navigator.storage.getDirectory();
    for (const { path, text } of files) {
      let dir = root;
      const parts = path.split('/');
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1), { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    }
    await window.postviewOpenDirectory(root);
  }, files);
  await opened.preview.locator('#post', { hasText: 'Maskbook Taipei Meetup' }).waitFor();
  return opened;
}

/** The tallest of the toolbar's visible controls, and the toolbar's own height. */
const toolbarHeights = (page) =>
  page.evaluate(() => {
    const tools = document.querySelector('.bar');
    const shown = [...tools.querySelectorAll('button, select')].filter((el) => el.getClientRects().length);
    return {
      bar: tools.getBoundingClientRect().height,
      tallest: Math.max(...shown.map((el) => el.getBoundingClientRect().height)),
      // One row: every control overlaps every other vertically.
      rows: Math.max(...shown.map((el) => el.getBoundingClientRect().top)) < Math.min(...shown.map((el) => el.getBoundingClientRect().bottom)) ? 1 : 2,
      tops: shown.map((el) => `${el.id || el.dataset.testid}:${Math.round(el.getBoundingClientRect().top)}`).join(' '),
      shown: shown.length,
    };
  });

for (const [width, height] of [
  [1280, 800],
  [1920, 1080],
]) {
  test(`at ${width}×${height} the toolbar should be one row and the editor usable side by side`, { skip }, async (t) => {
    const { page } = await openSite({ width, height });
    // Every control a site with templates and a draft shows.
    await page.locator('.cm-content').click();
    await page.keyboard.type('x');
    await page.locator('#discard').waitFor();
    for (const id of ['new-post', 'translate', 'save', 'side-by-side', 'write-links', 'posts']) {
      assert.ok(await page.locator(`[data-testid=${id}]`).isVisible(), `${id} should be visible in the toolbar`);
    }
    const bar = await toolbarHeights(page);
    assert.ok(bar.shown >= 10, `the toolbar should show all its controls (${bar.shown})`);
    assert.equal(bar.rows, 1, `the toolbar's controls should stand in one row (${bar.tops})`);
    assert.ok(bar.bar <= bar.tallest + 20, `the toolbar should be one row high (${bar.bar} px for ${bar.tallest} px controls)`);
    await page.click('[data-testid=side-by-side]');
    await page.locator('.compare-pane:not([hidden])').waitFor();
    assert.ok(await page.locator('[data-testid=front-matter-form]').isVisible(), 'the front matter form should be shown beside the editor');
    const editor = (await page.locator('[data-testid=editor]').boundingBox()).width;
    t.diagnostic(`toolbar ${bar.bar} px high, ${bar.shown} controls; editor column ${editor} px side by side`);
    assert.ok(editor >= 360, `side by side, the editor column should be at least 360 px wide (${editor})`);
    await page.close();
  });
}

test('the interface should speak the browser’s language or the one picked, never the post’s', async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(URL_);
  await page.waitForSelector('[data-testid=errors] li');
  assert.equal(await page.locator('#problems-label').innerText(), '問題', 'a Japanese browser should get a Japanese interface');
  await page.setInputFiles('#files', {
    name: '2024-01-01-english-folder.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('---\ntitle: Chinese key\nlang: zh-Hans\n---\nWords.\n'),
  });
  await page.frameLocator('[data-testid=preview]').locator('h1', { hasText: 'Chinese key' }).waitFor();
  assert.equal(await page.locator('#problems-label').innerText(), '問題', 'a post’s lang key should not change the interface');
  await page.selectOption('#ui-lang', 'ko');
  assert.equal(await page.locator('#problems-label').innerText(), '문제', 'the language picked should win over the browser’s');
  await page.reload();
  await page.waitForSelector('[data-testid=errors] li');
  assert.equal(await page.locator('#problems-label').innerText(), '문제', 'the choice should be kept after a reload');
  await context.close();
});

test('New post should show the path it will create and start at the open post’s section', { skip }, async () => {
  const { page } = await openSite();
  await page.click('[data-testid=new-post]');
  assert.equal(await page.inputValue('[data-testid=post-section]'), '_i18n/en/_posts', 'the section should start at the open post’s language');
  const path = page.locator('[data-testid=post-path]');
  await page.fill('[data-testid=post-title]', 'Harbour notes');
  assert.match(await path.innerText(), /^_i18n\/en\/_posts\/\d{4}-\d\d-\d\d-harbour-notes\.md$/, 'the path should follow the title');
  await page.selectOption('[data-testid=post-section]', '_i18n/ja/_posts');
  assert.match(await path.innerText(), /^_i18n\/ja\/_posts\/\d{4}-\d\d-\d\d-harbour-notes\.md$/, 'the path should follow the section');
  await page.fill('[data-testid=post-date]', '2031-02-03');
  assert.equal(await path.innerText(), '_i18n/ja/_posts/2031-02-03-harbour-notes.md', 'the path should follow the date');
  const shown = await path.innerText();
  await page.click('[data-testid=post-create]');
  await page.waitForFunction(() => document.querySelector('.editor').textContent.includes('Harbour notes'));
  const created = await page.evaluate(() => document.title);
  assert.match(created, /Harbour notes/, 'the post created should be shown');
  await page.click('[data-testid=save]');
  await page.waitForFunction(() => /Saved/.test(document.querySelector('.status .note').textContent));
  const name = shown.split('/').at(-1);
  assert.match(await page.locator('.status .note').innerText(), new RegExp(name), 'the file saved should be the one the dialog showed');
  await page.close();
});

test('Save that downloads should say so, and why, in the status line', async () => {
  const { page } = await openPostview(browser);
  await page.setInputFiles('#files', {
    name: '2024-01-01-one-by-one.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('---\ntitle: One by one\n---\nWords.\n'),
  });
  await page.frameLocator('[data-testid=preview]').locator('h1', { hasText: 'One by one' }).waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=save]')]);
  assert.equal(file.suggestedFilename(), '2024-01-01-one-by-one.md', 'Save should download the post');
  const note = await page.locator('.status .note').innerText();
  assert.match(note, /Downloaded 2024-01-01-one-by-one\.md: not saved into the folder/, 'the status should say the post was downloaded, not saved');
  assert.match(note, /write access/, 'the status should say why');
  await page.selectOption('#ui-lang', 'ja');
  await Promise.all([page.waitForEvent('download'), page.click('[data-testid=save]')]);
  assert.match(await page.locator('.status .note').innerText(), /ダウンロードしました/, 'the message should be in the interface’s language');
  await page.close();
});
