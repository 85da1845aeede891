import { launchChromium } from './lib/browser.mjs';
import { openPostview, nextRender } from './e2e/support.mjs';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
const SITE = '/work/shared/corpus/site';
const EN = '_i18n/en/_posts/2021-01-09-mask-network-ito-announcement-loopring.md';
const posts = [EN, '_i18n/ja/_posts/2021-01-09-mask-network-ito-loopring.md', '_i18n/zh-Hans/_posts/2021-01-09-ito-mask-network-ito-loopring.md'];
const site = join(mkdtempSync(join(tmpdir(), 'dbg-')), 'site');
for (const p of ['_config.yml', ...posts]) { mkdirSync(dirname(join(site, p)), { recursive: true }); cpSync(join(SITE, p), join(site, p)); }
const browser = await launchChromium();
const { page, preview } = await openPostview(browser);
await page.setInputFiles('#folder', site);
await page.locator('#posts option', { hasText: 'Mask Network ITO Announcement' }).waitFor({ state: 'attached' });
await nextRender(page, () => page.selectOption('#posts', { value: `en:${EN}` }));
const info = () => preview.locator('body').evaluate(() => {
  const blocks = [...document.querySelectorAll('.post-body > *')];
  const i = blocks.findIndex((b) => b.getBoundingClientRect().bottom > 1);
  return { y: scrollY, i, n: blocks.length, html: blocks[i]?.outerHTML.slice(0, 120) };
});
await preview.locator('body').evaluate((body) => { const img = body.querySelectorAll('.post-body > * img')[5]; let b = img; while (!b.parentElement.classList.contains('post-body')) b = b.parentElement; b.scrollIntoView(); });
console.log('before', await info());
await page.locator('.switcher button[data-lang="zh-Hans"]').click();
console.log('after0', await info());
await page.waitForTimeout(500);
console.log('after500', await info());
await browser.close();
