// New post, Translate and the front matter form, from the shared site's own Forestry templates
// (../shared/corpus/site/.forestry), in a site folder given as a directory handle (the
// origin-private file system's).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SHARED, sharedSkip } from '../lib/shared.mjs';
import { launchChromium } from '../lib/browser.mjs';
import { download, goToLine, openPostview, readOpfs } from './support.mjs';

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

/** The page on a copy of part of the shared site in the origin-private file system. */
async function openSite() {
  const opened = await openPostview(browser);
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

/** The editor's whole text (as Download .md saves it). */
const editorText = async (page) => (await download(page)).text;

/** The editor's text once it includes `part`. */
async function textWith(page, part) {
  for (let tries = 0; tries < 50; tries++) {
    const text = await editorText(page);
    if (text.includes(part)) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`the editor text never included ${JSON.stringify(part)}`);
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('New post should start from the section template and Save should create its file', { skip }, async () => {
  const { page, preview } = await openSite();
  await page.click('[data-testid=new-post]');
  await page.selectOption('[data-testid=post-section]', '_i18n/ja/_posts');
  await page.fill('[data-testid=post-title]', 'ミドルウェア: 世界を変える');
  await page.click('[data-testid=post-create]');
  await preview.locator('h1', { hasText: 'ミドルウェア: 世界を変える' }).waitFor();
  const text = await editorText(page);
  assert.equal(
    text,
    `---\nlayout: post\nlang: ja\ntemplate: Japanese\ntitle: "ミドルウェア: 世界を変える"\ndescription:\ndate: ${today()}\ntype: ''\nimage:\ntags: []\nen: []\nko: []\nzh-Hans: []\nzh-Hant: []\n---\n`,
    'the front matter should be the ja-post template with its defaults, hidden fields included',
  );
  await page.click('[data-testid=save]');
  const path = `_i18n/ja/_posts/${today()}-ミドルウェア-世界を変える.md`;
  // The page speaks the browser's language (English here), not the Japanese post's.
  await page.waitForFunction(() => document.querySelector('.status .note').textContent.includes('Saved'));
  assert.equal(await readOpfs(page, path), text, 'Save should create the file at its dated path');
  assert.equal(await page.locator('[data-testid=save]').innerText(), 'Save', 'the Save button should be in the interface’s language, not the post’s');
  await page.close();
});

/** Translate the open post into Japanese; `backLink`: confirm (true) or cancel (false) the back-link. */
async function translateToJapanese(page, backLink) {
  await page.click('[data-testid=translate]');
  await page.selectOption('[data-testid=post-section]', '_i18n/ja/_posts');
  await page.click('[data-testid=post-create]');
  const dialog = page.locator('#write-links-dialog');
  await dialog.waitFor();
  const shown = await dialog.locator('.changes').innerText();
  await dialog.locator(backLink ? '.confirm' : '.cancel').click();
  return shown;
}

/** Shows the English post again, from the list of posts. */
async function showOriginal(page) {
  const value = await page.locator('#posts optgroup[data-lang=en] option', { hasText: 'Maskbook' }).getAttribute('value');
  await page.selectOption('#posts', value);
  return textWith(page, 'lang: en');
}

test('Translate should start the same post in another language, linking back, body kept', { skip }, async () => {
  const { page, preview } = await openSite();
  const source = await editorText(page);
  await page.click('[data-testid=translate]');
  const sections = await page.locator('[data-testid=post-section] option').evaluateAll((o) => o.map((x) => x.value));
  assert.ok(!sections.includes('_i18n/en/_posts'), 'the post’s own language should not be offered');
  await page.selectOption('[data-testid=post-section]', '_i18n/ja/_posts');
  assert.equal(await page.inputValue('[data-testid=post-title]'), 'Maskbook Taipei Meetup');
  await page.click('[data-testid=post-create]');
  await page.locator('#write-links-dialog .cancel').click();
  const text = await textWith(page, 'lang: ja');
  assert.match(text, new RegExp(`^en: ${POST.replace(/[.]/g, '\\.')}$`, 'm'), 'the translation should name its source');
  const body = source.slice(source.indexOf('On July 5, 2019'));
  assert.ok(text.endsWith(body), 'the body should be there to translate over');
  await preview.locator('#post', { hasText: 'On July 5, 2019' }).waitFor();
  assert.equal(await showOriginal(page), source, 'a back-link declined should leave the original as it was');
  await page.close();
});

test('Translate should write the back-link into the original post, that line only, once confirmed', { skip }, async () => {
  const { page } = await openSite();
  const source = await editorText(page);
  const shown = await translateToJapanese(page, true);
  const link = shown.match(/ja: (_i18n\/ja\/_posts\/\d{4}-\d\d-\d\d-[^\s]+\.md)/);
  assert.ok(shown.startsWith(POST) && link, `the dialog should name the original and the line it adds: ${shown}`);
  await textWith(page, 'lang: ja');
  await showOriginal(page);
  const after = (await textWith(page, link[0])).split('\n');
  const before = source.split('\n');
  assert.equal(after.length, before.length + 1, 'one line should be added');
  const added = after.findIndex((line, i) => line !== before[i]);
  assert.equal(after[added], link[0], 'the added line should name the new translation');
  assert.deepEqual([...after.slice(0, added), ...after.slice(added + 1)], before, 'every other line should stay as it was');
  assert.ok(added < after.indexOf('---', 1), 'the line should be in the front matter');
  await page.close();
});

test('the front matter form should follow the template, and form and text should change only their line', { skip }, async () => {
  const { page } = await openSite();
  const form = page.locator('[data-testid=front-matter-form]');
  await form.waitFor();
  assert.equal(await form.locator('#fm-title').inputValue(), 'Maskbook Taipei Meetup');
  assert.equal(await form.locator('#fm-layout').isVisible(), false, 'a hidden field should be hidden');
  assert.equal(await form.locator('#fm-date').getAttribute('type'), 'date', 'a YYYY-MM-DD date should get a date picker');
  assert.equal(await form.locator('#fm-date').inputValue(), '2019-07-05');
  assert.equal(await form.locator('label[for=fm-image]').innerText(), 'Hero Image');

  const before = (await editorText(page)).split('\n');
  await form.locator('#fm-title').fill('Taipei: the meetup');
  await form.locator('#fm-title').press('Tab');
  let after = (await textWith(page, 'Taipei: the meetup')).split('\n');
  const changed = after.map((line, i) => (line === before[i] ? null : i)).filter((i) => i !== null);
  assert.equal(after.length, before.length);
  assert.deepEqual(changed.map((i) => after[i]), ['title: "Taipei: the meetup"'], 'only the title line should change');

  await form.locator('#fm-tags').fill('meetup, privacy');
  await form.locator('#fm-tags').press('Tab');
  after = (await textWith(page, 'tags: [meetup, privacy]')).split('\n');
  assert.equal(after.filter((l, i) => l !== before[i]).length, 2, 'the tags line and the title line only');

  // The text to the form: edit the date line in the editor.
  const dateLine = after.findIndex((l) => l.startsWith('date:')) + 1;
  await goToLine(page, dateLine);
  await page.keyboard.press('Shift+End');
  await page.keyboard.type('date: 2020-02-29');
  await page.waitForFunction(() => document.querySelector('#fm-date').value === '2020-02-29');
  await page.close();
});

test('the problems list should show the template checks of the post being edited', { skip }, async () => {
  const { page } = await openSite();
  const problems = page.locator('[data-testid=errors] li');
  await page.locator('#fm-title').fill('');
  await page.locator('#fm-title').press('Tab');
  await problems.locator('[data-code="template/required-field"]').waitFor();
  await goToLine(page, 3);
  await page.keyboard.press('Shift+End');
  await page.keyboard.type('lang: ko');
  const wrong = problems.locator('[data-code="post/lang-mismatch"]');
  await wrong.waitFor();
  assert.equal(await wrong.getAttribute('data-line'), '3', 'the wrong `lang` should be listed at its line');
  await page.close();
});
