// The page shows a post holding every vector of the XSS corpus (lib/xss-vectors.mjs; each one is
// shown to be live outside the page by packaging/xss.test.mjs) in its sandboxed, CSP-bound
// preview: none may run, load from elsewhere, open a dialog or navigate, even when its links and
// buttons are clicked, and the page must keep working.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { MARK, VECTORS, postOf } from '../lib/xss-vectors.mjs';
import { openPostview, previewText } from './support.mjs';

let browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

test('no vector of the XSS corpus should run, load from elsewhere, open a dialog or navigate from the preview, and the page should keep working', async () => {
  const { page, preview } = await openPostview(browser);
  const pageUrl = page.url();
  const seen = { requests: [], dialogs: [], errors: [], navigations: [] };
  await page.route(`${MARK}/**`, (route) => {
    seen.requests.push(route.request().url());
    return route.abort();
  });
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => {
    if (/__xss_/.test(`${error.message}${error.stack}`)) seen.errors.push(error.message);
  });
  page.on('framenavigated', (frame) => {
    // A frame the policy blocks shows Chromium's error page; a srcdoc frame its inert document.
    if (!/^(about:srcdoc|about:blank|chrome-error:\/\/chromewebdata\/)$/.test(frame.url())) seen.navigations.push(frame.url());
  });

  await page.setInputFiles('#files', { name: '2024-01-01-xss.md', mimeType: 'text/markdown', buffer: Buffer.from(postOf(VECTORS)) });
  await preview.locator('noscript').waitFor({ state: 'attached' }); // the last vector
  // The vectors are in the preview as written, inert, not dropped on the way (but for the
  // http-equiv of <meta>, which the page takes off: src/page/patch.rs).
  for (const selector of ['script', '[onerror]', '[onfocus][autofocus]', 'a[href^="javascript:"]', 'iframe[srcdoc]', 'object', 'embed', 'meta[content]', 'base', 'form[action]', 'svg a', 'link[rel=stylesheet]', 'style']) {
    assert.ok(await preview.locator(selector).count() > 0, `the preview should hold the post's ${selector}`);
  }

  // Click what a reader could click; each javascript: URL would run then, each form submit.
  const clickable = preview.locator('a, button, input[type=submit], input[type=image], summary');
  const count = await clickable.count();
  for (let i = 0; i < count; i += 1) {
    await clickable.nth(i).click({ force: true, noWaitAfter: true, timeout: 1000 }).catch(() => {}); // some are not visible
  }
  await page.waitForTimeout(1000); // refreshes of 0 s, image errors, animations, focus: all would have fired

  // Every vector sets its flag on `top`, the page itself. (The preview's frames are not asked:
  // with scripts off there, Playwright would wait forever for a script context.)
  const flags = await page.evaluate(() => Object.keys(window).filter((k) => k.startsWith('__xss_')));
  assert.deepEqual(flags, [], 'no vector should run');
  assert.deepEqual(seen.errors, [], 'no vector should even try to run');
  assert.deepEqual(seen.requests, [], `nothing should be asked of ${MARK}`);
  assert.deepEqual(seen.dialogs, [], 'no dialog should open');
  assert.deepEqual(seen.navigations, [], 'no frame should navigate');
  assert.equal(page.url(), pageUrl, 'the page should not navigate');
  assert.match(await page.locator('[data-testid=preview]').evaluate((f) => f.contentWindow.location.href), /\/preview\.html$/);

  // The page still works.
  await page.click('[data-testid=editor] .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\nStill typing after the vectors.');
  await preview.locator('p', { hasText: 'Still typing after the vectors.' }).waitFor({ timeout: 3000 });
  assert.match(await previewText(preview), /Still typing after the vectors\./);
});
