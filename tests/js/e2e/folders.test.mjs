// A draft belongs to its folder and its path: an edit made in one site folder is never shown,
// saved or discarded in another folder that has a post at the same path, and it is not lost
// either — the page says drafts of another folder are kept, opening that folder again brings the
// draft back, and with no folder open it can be listed and downloaded. Folders opened as directory handles (the origin-private file system's, through
// the same function the picker's handle goes to) and folders uploaded (webkitdirectory), two of
// them with the same name, are both checked.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { download, openPostview, readOpfs } from './support.mjs';

const PATH = '_i18n/en/_posts/2021-01-01-same.md';
const post = (words) => `---\ntitle: Same path\nlang: en\n---\n${words}\n`;
const TEXT_A = post('The words of site A.');
const TEXT_B = post('The words of site B.');
const EDIT = ' Edited in A.';

let browser;
let tmp;
before(async () => {
  browser = await launchChromium();
  tmp = mkdtempSync(join(tmpdir(), 'postview-folders-'));
});
after(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Writes `files` ({ path: text }) under `root` in the origin-private file system. */
const writeOpfs = (page, root, files) =>
  page.evaluate(
    async ({ root, files }) => {
      for (const [path, text] of Object.entries(files)) {
        let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(root, { create: true });
        const parts = path.split('/');
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (await dir.getFileHandle(parts.at(-1), { create: true })).createWritable();
        await writable.write(text);
        await writable.close();
      }
    },
    { root, files },
  );

const openOpfs = (page, root) =>
  page.evaluate(async (root) => window.postviewOpenDirectory(await (await navigator.storage.getDirectory()).getDirectoryHandle(root)), root);

async function typeAtEnd(page, text) {
  await page.click('[data-testid=editor] .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

const editorText = async (page) => (await download(page)).text;
const otherDrafts = (page) => page.locator('[data-testid=other-drafts]');

test("a draft made in one folder should never be shown, saved or discarded in another folder's file at the same path", async () => {
  const { page, preview, problems } = await openPostview(browser);
  await writeOpfs(page, 'siteA', { '_config.yml': 'title: Site A\n', [PATH]: TEXT_A });
  await writeOpfs(page, 'siteB', { '_config.yml': 'title: The other site, B\n', [PATH]: TEXT_B });

  await openOpfs(page, 'siteA');
  await preview.locator('#post', { hasText: 'The words of site A.' }).waitFor();
  await typeAtEnd(page, EDIT);
  await preview.locator('#post', { hasText: 'Edited in A.' }).waitFor();

  await openOpfs(page, 'siteB');
  await preview.locator('#post', { hasText: 'The words of site B.' }).waitFor();
  assert.equal(await editorText(page), TEXT_B, "site B's post should show B's file, not A's draft");
  assert.equal(await page.isVisible('#discard'), false, "B's post should have no draft to discard");
  await otherDrafts(page).waitFor();
  assert.match(await otherDrafts(page).innerText(), /siteA/, 'the page should say a draft of siteA is kept');
  await page.click('[data-testid=save]');
  await page.waitForFunction(() => document.querySelector('.status .note').textContent.includes('Saved'));
  assert.equal(await readOpfs(page, `siteB/${PATH}`), TEXT_B, "saving in B should write B's text, nothing of A's");

  await openOpfs(page, 'siteA');
  await preview.locator('#post', { hasText: 'Edited in A.' }).waitFor();
  assert.equal(await editorText(page), TEXT_A + EDIT, "opening A again should bring A's draft back");
  assert.equal(await page.isVisible('#discard'), true, "A's post should have its draft");
  assert.equal(await otherDrafts(page).count(), 0, 'no other folder has drafts now');
  assert.equal(await readOpfs(page, `siteA/${PATH}`), TEXT_A, "A's file should be untouched until saved");

  // A new start (no folder open): A's draft is named, not lost.
  await page.reload();
  await page.waitForSelector('[data-testid=errors] li');
  await otherDrafts(page).waitFor();
  assert.match(await otherDrafts(page).innerText(), /siteA/);
  await page.selectOption('#ui-lang', 'ja');
  assert.match(await otherDrafts(page).innerText(), /フォルダー.*siteA/, 'the notice should follow the interface language');
  await page.selectOption('#ui-lang', 'en');
  // Listed on request, it opens as text of its own folder, and Save downloads it.
  await page.click('[data-testid=list-other-drafts]');
  const option = page.locator('#posts option', { hasText: 'siteA' });
  await page.selectOption('#posts', { value: await option.getAttribute('value') });
  assert.equal(await editorText(page), TEXT_A + EDIT, "the listed draft should be A's");
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=save]')]);
  assert.equal(saved.suggestedFilename(), '2021-01-01-same.md', 'Save should download a draft whose folder is not open');
  assert.deepEqual(problems.filter((p) => p.startsWith('uncaught')), []);
  await page.close();
});

/** A folder named `site` on disk, under `parent`, with a config and the post. */
function siteOnDisk(parent, config, text) {
  const root = join(tmp, parent, 'site');
  for (const [path, body] of [['_config.yml', config], [PATH, text]]) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), body);
  }
  return root;
}

test('two uploaded folders with the same name should keep their drafts apart', async () => {
  const a = siteOnDisk('one', 'title: Site A\n', TEXT_A);
  const b = siteOnDisk('two', 'title: The other site, B\n', TEXT_B);
  const { page, preview } = await openPostview(browser);

  await page.setInputFiles('[data-testid=site-folder]', a);
  await preview.locator('#post', { hasText: 'The words of site A.' }).waitFor();
  await typeAtEnd(page, EDIT);
  await preview.locator('#post', { hasText: 'Edited in A.' }).waitFor();

  await page.setInputFiles('[data-testid=site-folder]', b);
  await preview.locator('#post', { hasText: 'The words of site B.' }).waitFor();
  assert.equal(await editorText(page), TEXT_B, "the second folder's post should show its own file");
  assert.equal(await page.isVisible('#discard'), false, 'it should have no draft');
  await otherDrafts(page).waitFor();

  await page.setInputFiles('[data-testid=site-folder]', a);
  await preview.locator('#post', { hasText: 'Edited in A.' }).waitFor();
  assert.equal(await editorText(page), TEXT_A + EDIT, 'the first folder should get its draft back');
  await page.close();
});
