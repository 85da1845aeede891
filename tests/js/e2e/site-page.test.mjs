// A site folder opened in headless Chromium: a post shown as the published page — the site's
// layout, its stylesheet (and a url() inside it), an image from the folder, a remote image as
// written — an edit shown within that page, the largest post timed, and the page's own look back
// for a post outside the site. Uses a copy of ../shared/corpus/site (site-fixture.mjs); skipped
// where it is not there.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { OUR_POST, REMOTE_IMAGE, haveSite, makeSiteCopy, siteSkip } from './site-fixture.mjs';
import { cursorLine, goToLine, median, openPostview, timeKeys } from './support.mjs';

let browser;
let site;
before(async () => {
  browser = await launchChromium();
  if (haveSite) site = makeSiteCopy();
});
after(() => {
  browser?.close();
  if (site) rmSync(dirname(site), { recursive: true, force: true });
});

const skip = siteSkip;
// Remote resources (fonts, the remote image) cannot load here: their failed requests, and the
// console lines for names that do not resolve (the page's own server is 127.0.0.1), are expected;
// anything else failing is a bug.
const local = (problems) => problems.filter((p) => !/https:\/\/|net::ERR_NAME_NOT_RESOLVED/.test(p));

async function openSite(page, preview) {
  await page.setInputFiles('[data-testid=site-folder]', site);
  await page.selectOption('[data-testid=posts]', { label: '2024-05-01 Site view' });
  await preview.locator('h1', { hasText: 'Site view' }).waitFor();
}

test('a post of an opened site folder should be shown as the site publishes it', { skip }, async () => {
  const { page, problems, preview } = await openPostview(browser);
  // Which files the page reads: only the site's text, never its images.
  await page.evaluate(() => {
    const text = Blob.prototype.text;
    window.readFiles = [];
    Blob.prototype.text = function () {
      readFiles.push(this.webkitRelativePath || this.name);
      return text.call(this);
    };
  });
  await openSite(page, preview);
  const frame = page.frame({ url: /preview-site\.html/ });
  const read = await page.evaluate(() => readFiles);
  assert.ok(read.includes('site/_config.yml') && read.includes('site/assets/css/main.css') && read.includes(`site/${OUR_POST}`), `the site's text should be read: ${read.length} files`);
  // CNAME, one line of text: the host whose links are the site's own; the site's pages (its XML
  // feeds too) are read once it is open, for the picker's list of them (site-pages.js).
  assert.deepEqual(read.filter((p) => !/\.(yml|html|md|css|xml|txt|json)$|^site\/CNAME$/.test(p)), [], 'nothing but text should be read');
  assert.ok(!read.some((p) => p.startsWith('site/uploads/') || p.startsWith('site/assets/img/')), 'no image should be read up front');

  // Its own frame, as sandboxed as the page's, with a policy that runs no script either.
  assert.equal(await page.locator('[data-testid=preview]').getAttribute('src'), 'preview-site.html');
  assert.equal(await page.locator('[data-testid=preview]').getAttribute('sandbox'), 'allow-same-origin');
  const policy = await preview.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /default-src 'none'/);
  assert.doesNotMatch(policy, /script-src/);

  assert.equal(await page.locator('[data-testid=errors] li').innerText(), 'No problems.', 'the site and the post should have no problem');

  // The layout: the masthead, the post layout's heading and date, the epilogue in English.
  assert.equal(await preview.locator('header.masthead').count(), 1, 'the masthead of _includes/header.html');
  assert.equal((await preview.locator('.post-container > h1').innerText()).trim(), '快讯 | Site view');
  assert.match(await preview.locator('.post-container .post-date').innerText(), /2024/);
  assert.equal(await preview.locator('h2', { hasText: 'Dimension Official Website' }).count(), 1, 'the epilogue');
  assert.equal(await frame.title(), 'News — The Portal to the New, Open Internet.', 'the layout head title');

  // The site's stylesheet, from the folder, instead of the preview's own.
  const styles = await frame.evaluate(() => ({
    masthead: getComputedStyle(document.querySelector('.masthead')).marginBottom,
    font: getComputedStyle(document.body).fontFamily,
    sheets: [...document.styleSheets].map((s) => s.href ?? 'inline'),
    probe: getComputedStyle(document.querySelector('.css-probe')).backgroundImage,
    scripts: document.querySelectorAll('script').length,
  }));
  assert.equal(styles.masthead, '64px', "main.css's .masthead margin-bottom: 4rem");
  assert.match(styles.font, /^-apple-system/, "main.css's body font");
  assert.ok(!styles.sheets.some((href) => href.endsWith('preview.css')), `the preview's own style sheet should be gone: ${styles.sheets}`);
  assert.ok(styles.sheets.some((href) => href.startsWith('blob:')), `main.css should come from the folder: ${styles.sheets}`);
  assert.match(styles.probe, /^url\("blob:/, 'a url() in main.css should point at the folder file');
  assert.equal(styles.scripts, 0, 'the layout scripts should not be in the preview');

  // Images: the folder's loaded from a blob, the remote one as written.
  // Polled from the page: Playwright's own polling inside the frame would be a script there.
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-testid=preview]').contentDocument.querySelector('img[alt="From the folder"]');
    return img?.complete && img.naturalWidth > 0;
  });
  const images = await frame.evaluate(() =>
    [...document.querySelectorAll('img')].map((img) => ({ alt: img.alt, src: img.getAttribute('src'), width: img.naturalWidth })),
  );
  const ours = images.find((i) => i.alt === 'From the folder');
  assert.match(ours.src, /^blob:/);
  assert.equal(ours.width, 320);
  assert.equal(images.find((i) => i.alt === 'From elsewhere').src, REMOTE_IMAGE, 'a remote image should be left as it is');
  const logo = await frame.evaluate(() => document.querySelector('.masthead-logo').naturalWidth);
  assert.ok(logo > 0, "the layout's own logo should load from the folder");

  // An edit: shown inside the layout, which stays (the masthead node is the same one).
  await frame.evaluate(() => (window.mastheadBefore = document.querySelector('.masthead')));
  await goToLine(page, 19);
  await page.keyboard.press('End');
  await page.keyboard.type(' Edited here.');
  await preview.locator('.post-container p', { hasText: 'The last paragraph. Edited here.' }).waitFor({ timeout: 3000 });
  assert.equal(await frame.evaluate(() => window.mastheadBefore === document.querySelector('.masthead')), true, 'the layout should not be rebuilt for a body edit');
  assert.equal(await preview.locator('h2', { hasText: 'Dimension Official Website' }).count(), 1);

  // A title edit changes the layout's heading.
  await goToLine(page, 7);
  await page.keyboard.press('End');
  await page.keyboard.type(' again');
  await preview.locator('.post-container > h1', { hasText: '快讯 | Site view again' }).waitFor({ timeout: 3000 });
  assert.equal(await preview.locator('img[alt="From the folder"]').count(), 1);

  // Broken front matter: the error is listed and clickable, the layout stays as it was.
  await goToLine(page, 8);
  await page.keyboard.type('broken: [\n');
  const problem = page.locator('[data-testid=errors] button.problem.error').first();
  await problem.waitFor({ timeout: 3000 });
  const line = Number(await problem.getAttribute('data-line'));
  assert.ok(line >= 8 && line <= 11, `the error should be in the front matter: line ${line}`);
  await goToLine(page, 1);
  await problem.click();
  assert.equal(await cursorLine(page), line, 'clicking the problem should put the cursor on its line');
  assert.equal(await preview.locator('header.masthead').count(), 1, 'the layout should stay while the YAML is broken');
  await goToLine(page, 8);
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Backspace');
  await problem.waitFor({ state: 'detached', timeout: 3000 });

  // Links still do not navigate.
  await preview.locator('a[href="https://mask.io"]').first().click();
  assert.match(await page.locator('.status .note').innerText(), /mask\.io/);
  assert.match(frame.url(), /preview-site\.html$/);
  assert.deepEqual(local(problems), []);
});

test('a required field removed should be listed once, from the site\'s template, at its line', { skip }, async () => {
  const { page, preview } = await openPostview(browser);
  await openSite(page, preview);
  // Line 7 is `title: Site view`; the en-post template requires a title.
  await goToLine(page, 7);
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Backspace');
  const listed = page.locator('[data-testid=errors] button.problem.error[data-code="template/required-field"]');
  await listed.first().waitFor({ timeout: 3000 });
  await page.waitForTimeout(500); // the whole page after the pause: still once
  assert.equal(await listed.count(), 1, 'the check should be listed once, not once from the site and once from the templates');
  assert.equal(await listed.getAttribute('data-line'), '9', 'it should point at the closing `---`, where the field would go');
  assert.doesNotMatch(await page.locator('.status .note').innerText(), /errors/, 'a missing field is not a broken front matter');
  await page.close();
});

test('a post outside the site (the demo) should have the preview\'s own look again', { skip }, async () => {
  const { page, problems, preview } = await openPostview(browser);
  await openSite(page, preview);
  await page.selectOption('[data-testid=posts]', { index: 0 });
  await preview.locator('#post .post-body').waitFor();
  const frame = page.frame({ url: /\/preview\.html/ });
  assert.equal(await page.locator('[data-testid=preview]').getAttribute('src'), 'preview.html');
  const look = await frame.evaluate(() => ({
    masthead: document.querySelectorAll('.masthead').length,
    sheets: [...document.styleSheets].map((s) => s.href ?? 'inline'),
  }));
  assert.equal(look.masthead, 0);
  assert.deepEqual(look.sheets.map((h) => h.split('/').pop()), ['preview.css']);
  // And back to the site's page.
  await page.selectOption('[data-testid=posts]', { label: '2024-05-01 Site view' });
  await preview.locator('header.masthead').waitFor();
  assert.deepEqual(local(problems), []);
});

test('the scroll of the preview should follow the editor in the site layout', { skip }, async () => {
  const { page, preview } = await openPostview(browser, { width: 1400, height: 700 });
  await page.setInputFiles('[data-testid=site-folder]', site);
  const option = await page.locator('[data-testid=posts] option', { hasText: /^2020-09-03 / }).first().getAttribute('value');
  await page.selectOption('[data-testid=posts]', option);
  await preview.locator('header.masthead').waitFor();
  await page.locator('[data-testid=editor] .cm-scroller').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await page.waitForFunction(() => document.querySelector('[data-testid=preview]').contentWindow.scrollY > 500, null, { timeout: 3000 });
});

test('typing into the 66 KB post shown in its site layout should stay within a frame', { skip }, async (t) => {
  const { page, preview } = await openPostview(browser);
  await page.setInputFiles('[data-testid=site-folder]', site);
  const option = await page.locator('[data-testid=posts] option', { hasText: /^2020-09-03 / }).first().getAttribute('value');
  await page.selectOption('[data-testid=posts]', option);
  await preview.locator('header.masthead').waitFor();
  assert.ok((await preview.locator('.post-container > p').count()) > 50, 'the big post should be in the layout');
  await page.click('[data-testid=editor] .cm-content');
  await page.keyboard.press('Control+End');
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    window.renders = [];
    addEventListener('postview:rendered', (e) => renders.push(e.detail.ms));
  });
  await timeKeys(page);
  const typed = 'typing in the site page';
  await page.keyboard.type(typed, { delay: 20 });
  await preview.locator('p', { hasText: typed }).waitFor({ timeout: 3000 });
  const { renders, keys } = await page.evaluate(() => ({ renders, keys }));
  const inFrame = keys.filter((k) => k.inFrame).length;
  t.diagnostic(`render + patch while typing (body alone; the page follows a pause): ${renders.length} renders for ${typed.length} keys, median ${median(renders).toFixed(1)} ms, max ${Math.max(...renders).toFixed(1)} ms`);
  t.diagnostic(`keydown to preview: ${keys.length} keys, median ${median(keys.map((k) => k.ms)).toFixed(1)} ms; ${inFrame} before the next frame`);
  assert.equal(await preview.locator('header.masthead').count(), 1);
  assert.ok(median(renders) < 16, `render and patch should take under a frame: ${renders.map((ms) => ms.toFixed(1))}`);
  assert.ok(inFrame >= keys.length * 0.75, `the preview should change in the frame of its key: ${inFrame} of ${keys.length}`);
});
