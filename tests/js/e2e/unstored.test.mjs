// Typing is never lost quietly. With storage full, leaving the page asks first (what was typed is
// kept nowhere), while with the draft stored it does not; two tabs on one post each hear when the
// other wrote its draft, and the tab whose text is no longer stored asks before it is left; a
// stored draft that is not valid JSON is shown raw, and the page says so.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { download, openPostview } from './support.mjs';

let browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

async function typeAtEnd(page, text) {
  await page.click('[data-testid=editor] .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** Whether closing `page` now asks first (a beforeunload dialog), which is dismissed. */
async function asksBeforeLeaving(page) {
  // Either the dialog comes or the page closes: no time limit to guess on a busy machine.
  const outcome = new Promise((done) => {
    page.once('dialog', (d) => done(d));
    page.once('close', () => done(null));
  });
  await page.close({ runBeforeUnload: true });
  const shown = await outcome;
  if (!shown) return false;
  const type = shown.type();
  await shown.dismiss();
  return type === 'beforeunload';
}

function fillStorage(page) {
  return page.evaluate(() => {
    let size = 1 << 20;
    let n = 0;
    while (size >= 16) {
      try {
        localStorage.setItem(`filler:${n++}`, 'x'.repeat(size));
      } catch {
        size >>= 1;
      }
    }
  });
}

test('leaving the page should ask first only while what was typed is stored nowhere', async () => {
  // Pages of a context of their own: closing a page that owns its context skips beforeunload.
  const context = await browser.newContext();
  const stored = await openPostview(context);
  await typeAtEnd(stored.page, ' Kept as a draft.');
  await stored.preview.locator('#post', { hasText: 'Kept as a draft.' }).waitFor();
  assert.equal(await asksBeforeLeaving(stored.page), false, 'a page whose text is in its draft should not ask');

  await context.close();
  const other = await browser.newContext();
  const full = await openPostview(other);
  await fillStorage(full.page);
  await typeAtEnd(full.page, ' Typed into a full storage.');
  await full.preview.locator('#post', { hasText: 'Typed into a full storage.' }).waitFor();
  assert.equal(await asksBeforeLeaving(full.page), true, 'with the draft not stored, leaving should ask first');
  await other.close();
});

test('two tabs on one post should each hear when the other wrote its draft, and neither text should be dropped quietly', async () => {
  const context = await browser.newContext();
  const a = await openPostview(context);
  const b = await openPostview(context);
  await typeAtEnd(a.page, ' Typed in tab A.');
  await a.preview.locator('#post', { hasText: 'Typed in tab A.' }).waitFor();
  await b.page.locator('[data-testid=other-tab]').waitFor();

  await typeAtEnd(b.page, ' Typed in tab B.');
  await b.preview.locator('#post', { hasText: 'Typed in tab B.' }).waitFor();
  await a.page.locator('[data-testid=other-tab]').waitFor();
  assert.match((await download(a.page)).text, /Typed in tab A\.$/, "tab A should still hold its own text");
  assert.equal(await asksBeforeLeaving(a.page), true, "tab A's text is no longer stored: leaving should ask");

  await a.page.click('[data-testid=other-tab-keep]');
  assert.equal(await a.page.locator('[data-testid=other-tab]').count(), 0, 'keeping mine should close the notice');
  await b.page.locator('[data-testid=other-tab-take]').waitFor();
  await b.page.click('[data-testid=other-tab-take]');
  assert.match((await download(b.page)).text, /Typed in tab A\.$/, "taking the other tab's text should put it in the editor");
  assert.equal(await asksBeforeLeaving(a.page), false, "tab A's text is stored again");
  await context.close();
});

test('a stored draft that is not valid JSON should be shown raw, and the page should say so', async () => {
  const { page } = await openPostview(browser);
  const raw = '"A draft cut short by hand, never closed {';
  await page.evaluate((raw) => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('postview:draft'));
    // The draft of the post shown: an edit makes it, then it is spoiled.
    localStorage.setItem(key ?? 'postview:draft:en:demo:_i18n/en/_posts/2025-06-01-meet-postview.md', raw);
  }, raw);
  await page.reload();
  await page.waitForSelector('[data-testid=errors] li');
  assert.equal((await download(page)).text, raw, 'the raw stored text should be in the editor');
  assert.match(await page.locator('.status .note').innerText(), /damaged/, 'the status should say the draft was damaged');
  await page.close();
});
