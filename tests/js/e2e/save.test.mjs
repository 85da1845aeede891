// Save in place: a site folder opened as a directory handle (here the origin-private file
// system's, which needs no picker, through the same function the picker's handle goes to) is
// written back by Save and Ctrl+S; a file changed on disk meanwhile is never overwritten without
// asking; a post not opened from a folder is downloaded.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { download, openPostview, previewText, readOpfs } from './support.mjs';

const PATH = '_i18n/en/_posts/2030-01-01-saved-in-place.md';
const TEXT = '---\ntitle: Saved in place\nlang: en\n---\nThe first words.\n';

let browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

/** Writes `text` to `path` in the origin-private file system (folders made as needed). */
async function writeOpfs(page, path, text) {
  await page.evaluate(
    async ({ path, text }) => {
      let dir = await navigator.storage.getDirectory();
      const parts = path.split('/');
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const file = await dir.getFileHandle(parts.at(-1), { create: true });
      const writable = await file.createWritable();
      await writable.write(text);
      await writable.close();
    },
    { path, text },
  );
}

/** Opens the page on a site folder in the origin-private file system holding one post. */
async function openSite() {
  const opened = await openPostview(browser);
  const { page, preview } = opened;
  await writeOpfs(page, PATH, TEXT);
  await page.evaluate(async () => window.postviewOpenDirectory(await navigator.storage.getDirectory()));
  await preview.locator('#post', { hasText: 'The first words.' }).waitFor();
  return opened;
}

async function typeAtEnd(page, text) {
  await page.click('[data-testid=editor] .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

test('Save and Ctrl+S should write the post back to its file, and the draft should then go', async () => {
  const { page, preview, problems } = await openSite();
  await typeAtEnd(page, 'Added by the button.');
  await preview.locator('#post', { hasText: 'Added by the button.' }).waitFor();
  assert.equal(await page.isVisible('#discard'), true, 'an edit should make a draft');
  await page.click('[data-testid=save]');
  await page.waitForFunction(() => document.querySelector('.status .note').textContent.includes('Saved'));
  assert.equal(await readOpfs(page, PATH), `${TEXT}Added by the button.`);
  assert.equal(await page.isVisible('#discard'), false, 'a saved post should have no draft left');

  await typeAtEnd(page, ' And by the keys.');
  await page.keyboard.press('Control+s');
  await page.waitForFunction(
    async (path) => {
      let dir = await navigator.storage.getDirectory();
      for (const part of path.split('/').slice(0, -1)) dir = await dir.getDirectoryHandle(part);
      const file = await (await dir.getFileHandle(path.split('/').at(-1))).getFile();
      // A File read while the save writes it throws NotReadableError: not saved yet, poll again.
      return file.text().then((text) => text.endsWith('And by the keys.'), () => false);
    },
    PATH,
  );
  assert.equal(await readOpfs(page, PATH), `${TEXT}Added by the button. And by the keys.`);
  assert.match(await previewText(preview), /And by the keys\./);
  assert.deepEqual(problems.filter((p) => p.startsWith('uncaught')), []);
  await page.close();
});

test('a file changed on disk since it was read should not be overwritten without asking', async () => {
  const { page } = await openSite();
  await typeAtEnd(page, 'Mine.');
  // Another program changes the file; the clock must move for its date to differ.
  await page.waitForTimeout(20);
  const disk = `${TEXT}Changed on disk.\n`;
  await writeOpfs(page, PATH, disk);

  await page.click('[data-testid=save]');
  const dialog = page.locator('[data-testid=conflict]');
  await dialog.waitFor();
  assert.equal(await dialog.locator('[data-testid=conflict-disk-text]').textContent(), disk, 'the dialog should show the file as it is on disk');
  assert.match(await dialog.locator('[data-testid=conflict-mine-text]').innerText(), /Mine\.$/);
  await page.click('[data-testid=conflict-cancel]');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await readOpfs(page, PATH), disk, 'cancel should write nothing');
  assert.equal(await page.isVisible('#discard'), true, 'the draft should stay');

  await page.click('[data-testid=save]');
  await dialog.waitFor();
  await page.click('[data-testid=conflict-overwrite]');
  await page.waitForFunction(() => document.querySelector('.status .note').textContent.includes('Saved'));
  assert.equal(await readOpfs(page, PATH), `${TEXT}Mine.`, 'overwrite should write the editor text');

  // Changed again; this time the user takes the disk's version.
  await page.waitForTimeout(20);
  await writeOpfs(page, PATH, disk);
  await typeAtEnd(page, ' More.');
  await page.click('[data-testid=save]');
  await dialog.waitFor();
  await page.click('[data-testid=conflict-disk]');
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid=editor] .cm-content').innerText.includes(want),
    'Changed on disk.',
  );
  assert.equal(await readOpfs(page, PATH), disk, 'taking the disk version should write nothing');
  await page.close();
});

test('Save should download a post not opened from a folder, as before', async () => {
  const { page } = await openPostview(browser);
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=save]')]);
  assert.match(file.suggestedFilename(), /\.md$/);
  const same = await download(page);
  assert.equal(file.suggestedFilename(), same.name);
  await page.close();
});

test('a post whose file is not UTF-8 should say where, and Save should download it instead of overwriting the file', async () => {
  const { page, problems } = await openPostview(browser);
  // "あ" in Shift_JIS: two bytes that are not UTF-8, on line 5 after "The words ".
  const bytes = [...Buffer.from('---\ntitle: Shift_JIS\nlang: en\n---\nThe words ', 'utf8'), 0x82, 0xa0, 0x0a];
  const readBytes = () =>
    page.evaluate(async (path) => {
      let dir = await navigator.storage.getDirectory();
      for (const part of path.split('/').slice(0, -1)) dir = await dir.getDirectoryHandle(part);
      const file = await (await dir.getFileHandle(path.split('/').at(-1))).getFile();
      return [...new Uint8Array(await file.arrayBuffer())];
    }, PATH);
  await page.evaluate(
    async ({ path, bytes }) => {
      let dir = await navigator.storage.getDirectory();
      const parts = path.split('/');
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1), { create: true })).createWritable();
      await writable.write(new Uint8Array(bytes));
      await writable.close();
    },
    { path: PATH, bytes },
  );
  await page.evaluate(async () => window.postviewOpenDirectory(await navigator.storage.getDirectory()));
  const error = page.locator('[data-testid=errors] button.problem.error[data-code="file/not-utf8"]');
  await error.first().waitFor({ timeout: 3000 });
  assert.equal(await error.first().getAttribute('data-line'), '5', 'the error should be on the line of the bytes');

  await typeAtEnd(page, 'Mine.');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=save]')]);
  assert.match(file.suggestedFilename(), /\.md$/, 'Save should download the text');
  assert.match(await page.locator('.status .note').innerText(), /not UTF-8/, 'the page should say why');
  assert.deepEqual(await readBytes(), bytes, 'the file on disk should keep its bytes');
  assert.deepEqual(problems.filter((p) => p.startsWith('uncaught')), []);
  await page.close();
});
