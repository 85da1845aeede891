// The page in headless Chromium, as an editor uses it: typing, problems, drafts, scroll sync and
// the download. Served by .ci/test at POSTVIEW_URL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { cursorLine, download, goToLine, nextRender, openPostview, previewText } from './support.mjs';

let browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

test('typing in the editor should update the preview, within a frame for the demo', async () => {
  const { page, problems, preview } = await openPostview(browser);
  const detail = await nextRender(page, async () => {
    await page.click('[data-testid=editor] .cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nA **zebra** crossing.');
  });
  await preview.locator('strong', { hasText: 'zebra' }).waitFor({ timeout: 2000 });
  assert.match(await previewText(preview), /A zebra crossing\./);
  assert.equal(typeof detail.ms, 'number', 'postview:rendered should carry the render time');
  // The status line shows the last update's render and patch time.
  const ms = Number((await page.locator('.status .timing').innerText()).match(/[\d.]+/)[0]);
  assert.ok(ms < 16, `the demo should render and patch within a frame, took ${ms} ms`);
  assert.deepEqual(problems, []);
});

test('breaking the YAML should list the error at its line, and clicking it should move the cursor there', async () => {
  const { page, preview } = await openPostview(browser);
  const heading = await preview.locator('h1').innerText();
  const bodyBefore = await previewText(preview);
  // Line 7 is `description: …`; indenting it breaks the mapping there.
  await goToLine(page, 7);
  await page.keyboard.type('  ');
  const error = page.locator('[data-testid=errors] button.problem.error').first();
  await error.waitFor({ timeout: 2000 });
  assert.equal(await error.getAttribute('data-line'), '7');
  assert.equal(await error.getAttribute('data-code'), 'yaml/syntax', 'the item should carry the code of a YAML error');
  assert.equal(await error.locator('.code').innerText(), 'yaml/syntax', 'the item should show its code');
  assert.match(await error.innerText(), /Line 7, column \d+/);
  assert.ok(await page.locator('[data-testid=editor] .cm-lint-marker-error').count(), 'the gutter should mark it');
  assert.equal(await preview.locator('h1').innerText(), heading, 'the heading should keep its last good text');
  assert.ok((await previewText(preview)).includes(bodyBefore.split('\n').at(-1)), 'the body should stay');

  await goToLine(page, 30);
  assert.equal(await cursorLine(page), 30);
  await error.click();
  assert.equal(await cursorLine(page), 7, 'the cursor should be on the error line');
});

test('a reload should keep every character typed, even one right before it', async () => {
  const { page, preview } = await openPostview(browser);
  const typed = 'Draft Ünïcødé 草稿 초안 ✓ 42';
  await goToLine(page, 17);
  await page.keyboard.type(`${typed} `);
  // No wait: the pagehide handler saves what the debounce has not yet.
  await page.reload();
  await page.waitForSelector('[data-testid=errors] li');
  await preview.locator('p', { hasText: typed }).waitFor({ timeout: 2000 });
  const { text } = await download(page);
  assert.ok(text.split('\n')[16].startsWith(`${typed} `), `line 17 should start with the draft: ${text.split('\n')[16]}`);
});

test('"Download .md" should save the edited text under the post\'s file name', async () => {
  const { page } = await openPostview(browser);
  await goToLine(page, 17);
  await page.keyboard.type('Downloaded edit. ');
  const { name, text } = await download(page);
  assert.equal(name, '2025-06-01-meet-postview.md');
  assert.match(text, /^---\nlayout: post\n/);
  assert.match(text, /\nDownloaded edit\. /);
});

test('"Discard draft" should bring back the text as opened, and stay hidden until there is a draft', async () => {
  const { page, preview } = await openPostview(browser);
  assert.equal(await page.locator('#discard').isHidden(), true);
  await goToLine(page, 17);
  await page.keyboard.type('Throwaway words. ');
  await preview.locator('p', { hasText: 'Throwaway words.' }).waitFor();
  await page.click('#discard');
  await preview.locator('p', { hasText: 'Throwaway words.' }).waitFor({ state: 'detached' });
  assert.doesNotMatch((await download(page)).text, /Throwaway/);
  assert.equal(await page.locator('#discard').isHidden(), true);
  await page.reload();
  await page.waitForSelector('[data-testid=errors] li');
  assert.doesNotMatch(await previewText(preview), /Throwaway/, 'the draft should be gone after a reload too');
});

test('scrolling the editor should scroll the preview to the same block, and back', async () => {
  const { page, preview } = await openPostview(browser, { width: 1200, height: 700 });
  const paragraphs = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1}. ${'Some words to fill the line. '.repeat(3)}`);
  await page.setInputFiles('#files', {
    name: 'long.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(`---\ntitle: Long\ntype: ''\n---\n${paragraphs.join('\n\n')}\n`),
  });
  await preview.locator('p', { hasText: 'Paragraph 80.' }).waitFor();

  // Paragraph n is on line 3 + 2n.
  await page.evaluate(() => {
    const scroller = document.querySelector('[data-testid=editor] .cm-scroller');
    scroller.scrollTop = scroller.scrollHeight / 2;
  });
  const topParagraph = async (frameSelector) =>
    page.evaluate((sel) => {
      const doc = document.querySelector('[data-testid=preview]').contentDocument;
      const p = [...doc.querySelectorAll(sel)].find((el) => el.getBoundingClientRect().bottom > 1);
      return Number(p.textContent.match(/Paragraph (\d+)/)[1]);
    }, frameSelector);
  await page.waitForFunction(() => document.querySelector('[data-testid=preview]').contentWindow.scrollY > 0);
  const editorTop = await page.evaluate(() => {
    const scroller = document.querySelector('[data-testid=editor] .cm-scroller');
    const line = [...scroller.querySelectorAll('.cm-line')].find((el) => el.getBoundingClientRect().bottom > scroller.getBoundingClientRect().top + 1);
    return Number(line.textContent.match(/Paragraph (\d+)/)?.[1] ?? NaN);
  });
  const previewTop = await topParagraph('.post-body p');
  assert.ok(Number.isFinite(editorTop), 'the editor should show a paragraph at its top');
  assert.ok(Math.abs(previewTop - editorTop) <= 1, `the preview shows paragraph ${previewTop} at its top, the editor ${editorTop}`);

  // And the other way: scrolling the preview to the end brings the editor near the end. Two
  // frames first, so that the scroll events of the sync above have all been dispatched: a user
  // scrolls the preview after the editor has stopped.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.evaluate(() => {
    const win = document.querySelector('[data-testid=preview]').contentWindow;
    win.scrollTo(0, win.document.documentElement.scrollHeight);
  });
  await page.waitForFunction(() => {
    const scroller = document.querySelector('[data-testid=editor] .cm-scroller');
    return scroller.scrollTop > scroller.scrollHeight * 0.7;
  }, null, { timeout: 5000 });
});
