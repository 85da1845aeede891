// The page works offline once loaded: its service worker (www/sw.js) serves it when the network
// is gone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { openPostview } from './support.mjs';

let browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

test('once loaded, the page should reload and work offline', async () => {
  const { page, preview } = await openPostview(browser);
  await page.waitForSelector('html[data-offline=ready]');
  await page.context().setOffline(true);
  const response = await page.reload();
  assert.equal(response.fromServiceWorker(), true, 'the page should come from the service worker');
  await page.waitForSelector('[data-testid=errors] li');
  await preview.locator('#post h1, #post h2, #post p').first().waitFor();
  await page.click('[data-testid=editor] .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\nWritten offline.');
  await preview.locator('#post', { hasText: 'Written offline.' }).waitFor();
  await page.context().setOffline(false);
  await page.close();
});
