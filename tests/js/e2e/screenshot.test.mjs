// A screenshot of the page as it opens (the demo), written to tests/js/e2e/screenshot.png (not
// committed) for a person to look at; www/screenshot.png, in the README, is a copy of a good one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../lib/browser.mjs';
import { openPostview } from './support.mjs';

const SHOT = fileURLToPath(new URL('screenshot.png', import.meta.url));

let browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

test('a screenshot of the demo should show the editor, the heading, the image and the languages', async () => {
  const { page, problems, preview } = await openPostview(browser, { width: 1400, height: 900 });
  const image = preview.locator('.post-body img').first();
  await image.waitFor();
  // The image should have loaded (the demo's {{ site.baseurl_root }} points at www/demo/).
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-testid=preview]').contentDocument.querySelector('.post-body img');
    return img?.complete && img.naturalWidth > 0;
  });
  for (const locator of [page.locator('[data-testid=editor] .cm-lineNumbers'), preview.locator('h1'), image, page.locator('[data-testid=language] button[data-lang=ja]')]) {
    assert.equal(await locator.first().isVisible(), true);
  }
  await page.screenshot({ path: SHOT });
  const png = readFileSync(SHOT);
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1400, 900], 'the viewport size');
  assert.deepEqual(problems, []);
});
