// A screenshot of the page as it opens (the demo), written to tests/js/e2e/screenshot.png (not
// committed) for a person to look at; www/screenshot.png, in the README, is a copy of a good one.
// The same for a post of the shared site opened as a folder, shown as published:
// tests/js/e2e/screenshot-site.png, copied to www/screenshot-site.png.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../lib/browser.mjs';
import { makeSiteCopy, siteSkip } from './site-fixture.mjs';
import { openPostview } from './support.mjs';

const SHOT = fileURLToPath(new URL('screenshot.png', import.meta.url));
const SITE_SHOT = fileURLToPath(new URL('screenshot-site.png', import.meta.url));

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

test('a screenshot of a site post should show it in the site layout with its images', { skip: siteSkip }, async () => {
  const site = makeSiteCopy();
  const { page, preview } = await openPostview(browser, { width: 1400, height: 900 });
  await page.setInputFiles('[data-testid=site-folder]', site);
  await page.selectOption('[data-testid=posts]', { label: '2021-02-11 Introducing the $MASK Token' });
  await preview.locator('header.masthead').waitFor();
  await page.waitForFunction(() => {
    const doc = document.querySelector('[data-testid=preview]').contentDocument;
    const images = [...doc.querySelectorAll('.post-container img, .masthead-logo')];
    return images.length > 1 && images.every((img) => img.complete && img.naturalWidth > 0);
  });
  await page.waitForTimeout(500); // the remote style sheets fail (offline) before the shot
  await page.screenshot({ path: SITE_SHOT });
  const png = readFileSync(SITE_SHOT);
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1400, 900], 'the viewport size');
  rmSync(dirname(site), { recursive: true, force: true });
});
