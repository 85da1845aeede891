// A hostile post in headless Chromium: its scripts, event handlers, javascript: links, nested
// frames, refresh, form and links must not run or navigate anything, and the page keeps working.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { fixture, openPostview, previewText } from './support.mjs';

let browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

test('a post\'s scripts, handlers, javascript: links, frames, refresh and forms should not run or navigate', async () => {
  const { page, preview } = await openPostview(browser);
  const pageUrl = page.url();
  const navigations = [];
  page.on('framenavigated', (frame) => navigations.push(frame.url()));
  const away = [];
  page.on('request', (request) => {
    if (request.url().startsWith('http://127.0.0.1:9/')) away.push(request.url());
  });

  await page.setInputFiles('#files', fixture('hostile.md'));
  await preview.locator('p', { hasText: 'Still here after all that.' }).waitFor();
  // The post's elements are there, inert.
  for (const selector of ['script', 'img[onerror]', 'a[href^="javascript:"]', 'iframe[srcdoc]', 'form', 'details']) {
    assert.equal(await preview.locator(selector).count() > 0, true, `the preview should hold the post's ${selector}`);
  }
  await preview.locator('a[href^="javascript:"]').click();
  await preview.locator('#away').click();
  await preview.locator('#send').click();
  await page.waitForTimeout(1500); // a refresh of 0 s, an image error, a toggle: all would have fired by now

  assert.equal(await page.evaluate(() => window.postviewPwned ?? null), null, 'no script of the post may run');
  assert.equal(page.url(), pageUrl, 'the page should not navigate');
  assert.match(await page.locator('[data-testid=preview]').evaluate((f) => f.contentWindow.location.href), /\/preview\.html$/);
  // The post's srcdoc frame loads its (inert) about:srcdoc document; nothing goes anywhere else.
  assert.deepEqual(navigations.filter((url) => url !== 'about:srcdoc'), [], 'no frame should navigate');
  assert.deepEqual(away, [], 'nothing should be requested from where the post points');
  assert.match(await page.locator('.status .note').innerText(), /Links do not open from the preview: http:\/\/127\.0\.0\.1:9\/away/);

  // The page still works.
  await page.click('[data-testid=editor] .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\nStill typing.');
  await preview.locator('p', { hasText: 'Still typing.' }).waitFor({ timeout: 2000 });
  assert.match(await previewText(preview), /Still typing\./);
});

test('the preview frame should be sandboxed without scripts and its document should carry a strict policy', async () => {
  const { page, preview } = await openPostview(browser);
  const sandbox = await page.locator('[data-testid=preview]').getAttribute('sandbox');
  assert.deepEqual(sandbox.split(/\s+/).filter(Boolean), ['allow-same-origin']);
  const policy = await preview.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /frame-src 'none'/);
  assert.match(policy, /form-action 'none'/);
  assert.match(policy, /base-uri 'none'/);
  assert.doesNotMatch(policy, /script-src/);
});
