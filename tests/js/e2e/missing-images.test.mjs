// A post of an opened site folder that shows images the folder lacks: each is a problem in the
// Problems list at its line, as `postview check` says it, and the image the folder has is not.
// Uses a copy of ../shared/corpus/site (site-fixture.mjs); skipped where it is not there.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { makeSiteCopy, siteSkip } from './site-fixture.mjs';
import { openPostview } from './support.mjs';

const POST = '_i18n/en/_posts/2024-05-02-missing-images.md';

let browser;
let site;
before(async () => {
  browser = await launchChromium();
  if (siteSkip) return;
  site = makeSiteCopy();
  writeFileSync(
    join(site, POST),
    [
      '---',
      'layout: post',
      'lang: en',
      'date: 2024-05-02',
      'title: Missing images',
      '---',
      '![Here]({{ site.baseurl_root }}/uploads/site-view.png)',
      '',
      '![Gone](/uploads/not-in-the-folder.png)',
      '',
      '<img src="/uploads/also-not-there.jpg">',
      '',
    ].join('\n'),
  );
});
after(() => {
  browser?.close();
  if (site) rmSync(dirname(site), { recursive: true, force: true });
});

test('images the folder lacks should be problems at their line in the page', { skip: siteSkip }, async () => {
  const { page, preview } = await openPostview(browser);
  const asked = [];
  page.on('request', (request) => asked.push(request.url()));
  await page.setInputFiles('[data-testid=site-folder]', site);
  await page.selectOption('[data-testid=posts]', { label: '2024-05-02 Missing images' });
  await preview.locator('h1', { hasText: 'Missing images' }).waitFor();
  const missing = page.locator('[data-testid=errors] .problem[data-code="post/missing-image"]');
  await missing.nth(1).waitFor();
  const places = await missing.evaluateAll((items) => items.map((b) => `${b.dataset.line}:${b.dataset.column}`));
  assert.deepEqual(places, ['9:9', '11:11'], 'the two images the folder lacks should each be a problem at its place, the one it has not');
  assert.match(await missing.first().innerText(), /not-in-the-folder\.png/, 'the problem should name the missing file');
  const shown = preview.locator('img[alt=Gone]');
  assert.equal(await shown.getAttribute('src'), 'data:,', 'an image the folder lacks should point at nothing to fetch');
  assert.deepEqual(
    asked.filter((url) => /not-in-the-folder|also-not-there/.test(url)),
    [],
    'the page’s own server should never be asked for a file the folder lacks',
  );
});
