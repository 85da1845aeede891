// Storage that is corrupt or full never stops the page: a saved-session value that is not JSON,
// and a local storage filled to its quota, then a reload: the page shows a post, and typing still
// reaches the preview (the draft cannot be kept, and the page says so).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { openPostview, previewText } from './support.mjs';

let browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

const uncaught = (problems) => problems.filter((p) => p.startsWith('uncaught'));

async function typeAndSee(page, preview, words) {
  await page.click('[data-testid=editor] .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(`\n\n${words}`);
  await preview.locator('#post', { hasText: words }).waitFor();
}

test('a corrupt saved session should not stop the page', async () => {
  const { page, preview, problems } = await openPostview(browser);
  await page.evaluate(() => {
    localStorage.setItem('postview:session', '{"id": "never closed');
    localStorage.setItem('postview:ui-lang', '\u0000');
  });
  await page.reload();
  await page.waitForSelector('[data-testid=errors] li');
  await typeAndSee(page, preview, 'Typed after a corrupt session.');
  assert.deepEqual(uncaught(problems), []);
  await page.close();
});

test('a full local storage should not stop the page, and typing should still work', async () => {
  const { page, preview, problems } = await openPostview(browser);
  const filled = await page.evaluate(() => {
    let size = 1 << 20;
    let n = 0;
    while (size >= 16) {
      try {
        localStorage.setItem(`filler:${n++}`, 'x'.repeat(size));
      } catch {
        size >>= 1;
      }
    }
    try {
      localStorage.setItem('filler:probe', 'x'.repeat(64));
      return false;
    } catch {
      return true;
    }
  });
  assert.equal(filled, true, 'the storage should be full');
  await page.reload();
  await page.waitForSelector('[data-testid=errors] li');
  await typeAndSee(page, preview, 'Typed into a full storage.');
  assert.match(await previewText(preview), /Typed into a full storage\./);
  // Switching the interface language writes to storage too.
  await page.selectOption('#ui-lang', 'ja');
  await typeAndSee(page, preview, 'Still typing.');
  assert.deepEqual(uncaught(problems), []);
  await page.close();
});
