// Translations the site never declared, in headless Chromium: a copy of part of the real site
// (../shared/corpus/site, whose translation keys are all empty) opened as a folder; the found
// translations marked in the switcher, one switched to at the matching block, two shown side by
// side and scrolled together, and a family's links written into the front matter.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { SHARED, sharedSkip } from '../lib/shared.mjs';
import { launchChromium } from '../lib/browser.mjs';
import { download, goToLine, nextRender, openPostview } from './support.mjs';

const SITE = join(SHARED, 'corpus/site');

// One news item in three languages (no file name in common), another in two, and one alone.
const EN = '_i18n/en/_posts/2021-01-09-mask-network-ito-announcement-loopring.md';
const JA = '_i18n/ja/_posts/2021-01-09-mask-network-ito-loopring.md';
const ZH = '_i18n/zh-Hans/_posts/2021-01-09-ito-mask-network-ito-loopring.md';
const POSTS = [
  EN,
  JA,
  ZH,
  '_i18n/en/_posts/2019-02-06-shanghai-lesswrong-meetup.md',
  '_i18n/zh-Hans/_posts/2019-02-06-shanghai-lesswrong-meetup.md',
  '_i18n/en/_posts/2020-02-06-4th-international-blockchain-congress-2020.md',
];

let browser;
let site;
before(async () => {
  if (!existsSync(SITE)) return;
  browser = await launchChromium();
  const dir = mkdtempSync(join(tmpdir(), 'postview-translations-'));
  site = join(dir, 'site');
  for (const path of ['_config.yml', ...POSTS]) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    cpSync(join(SITE, path), join(site, path));
  }
});
after(async () => {
  await browser?.close();
  if (site) rmSync(dirname(site), { recursive: true, force: true });
});

/** The page's problems but the corpus's images, which are not in the corpus (text files only). */
const real = (problems) => problems.filter((p) => !/^HTTP 404: .*\/uploads\//.test(p) && !/^console: Failed to load resource: .* 404/.test(p));

const skip = () => sharedSkip('corpus/site');
const button = (page, lang) => page.locator(`[data-testid=language] .switcher button[data-lang="${lang}"]`);

/** Opens the copied site and shows the English post of the three-language family. */
async function openFamily(page, preview) {
  await page.setInputFiles('#folder', site);
  await page.locator('#posts option', { hasText: 'Mask Network ITO Announcement' }).waitFor({ state: 'attached' });
  await nextRender(page, () => page.selectOption('#posts', { value: `en:${EN}` }));
  await preview.locator('h1', { hasText: 'Loopring' }).waitFor();
}

/** A frame's body blocks now: their HTML, their tops in the view, and the index of the top one. */
function blocksNow(frameLocator) {
  return frameLocator.locator('body').evaluate(() => {
    const blocks = [...document.querySelectorAll('.post-body > *')];
    return {
      html: blocks.map((b) => b.outerHTML),
      tops: blocks.map((b) => b.getBoundingClientRect().top),
      top: blocks.findIndex((b) => b.getBoundingClientRect().bottom > 0),
    };
  });
}

/** Scrolls a frame so that the block holding its `n`th image is at the top. */
function scrollToImage(frameLocator, n) {
  return frameLocator.locator('body').evaluate((body, n) => {
    const img = body.querySelectorAll('.post-body > * img')[n];
    let block = img;
    while (block.parentElement && !block.parentElement.classList.contains('post-body')) block = block.parentElement;
    block.scrollIntoView();
    return img.getAttribute('src');
  }, n);
}

test('found translations should be marked in the switcher, in the site order, and switching should keep the matching block at the top', { skip: skip() }, async () => {
  const { page, problems, preview } = await openPostview(browser);
  await openFamily(page, preview);

  const entries = await page.locator('[data-testid=language] .switcher button').evaluateAll((list) =>
    list.map((b) => [b.dataset.lang, b.dataset.found === 'true', b.dataset.testid ?? null]),
  );
  assert.deepEqual(
    entries,
    [['en', false, null], ['ja', true, 'translation-found'], ['zh-Hans', true, 'translation-found']],
    'the family should be listed in _config.yml order, the found ones marked',
  );
  assert.match(await button(page, 'zh-Hans').getAttribute('title'), /shared images|link/, 'a found entry should say why');

  // A block with an image or a link that the module pairs, as does the block before it (the
  // editor following the preview may move the view by a block).
  const target = await page.evaluate(async ([en, zh]) => {
    const { alignBlocks, renderPost } = await import('./pkg/postview.js');
    const blocks = (source) => {
      const div = document.createElement('div');
      div.innerHTML = renderPost(source).html;
      return [...div.children].map((b) => b.outerHTML);
    };
    const left = blocks(en);
    const rows = alignBlocks(left, blocks(zh));
    const paired = (i) => rows.some((r) => r.left === i && r.right !== null);
    return left.findIndex((html, i) => i > 5 && /<img|href=/.test(html) && paired(i) && paired(i - 1));
  }, [readFileSync(join(site, EN), 'utf8'), readFileSync(join(site, ZH), 'utf8')]);
  assert.ok(target > 0, 'the two posts should have a paired block with an image or a link');
  await preview.locator('body').evaluate((body, i) => body.querySelectorAll('.post-body > *')[i].scrollIntoView(), target);
  await page.waitForTimeout(300);
  const before = await blocksNow(preview);
  await nextRender(page, () => button(page, 'zh-Hans').click());
  await preview.locator('h1', { hasText: '路印' }).waitFor();
  assert.equal(await page.locator('[data-testid=language] .switcher button[aria-pressed=true]').getAttribute('data-lang'), 'zh-Hans');
  await page.waitForTimeout(300);
  const after = await blocksNow(preview);

  // The block the module pairs with the English top block should be at the top now.
  const rows = await page.evaluate(async ([left, right]) => (await import('./pkg/postview.js')).alignBlocks(left, right), [before.html, after.html]);
  const counterpart = rows.find((r) => r.left === before.top)?.right;
  assert.notEqual(counterpart ?? null, null, `the English top block ${before.top} should have a counterpart`);
  assert.ok(Math.abs(after.tops[counterpart]) < 80, `the Chinese block ${counterpart} should be at the top, it is at ${after.tops[counterpart]} px`);
  // The pairing is by content: the block scrolled to (the top one, or the one after it when the
  // editor's following moved the view by a block) and its counterpart share an image or a link.
  const shared = (html) => [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  const targetPair = rows.find((r) => r.left === target)?.right;
  assert.ok([target, target - 1].includes(before.top), `the view should be at block ${target} or the one before, it is at ${before.top}`);
  assert.ok(
    targetPair != null && shared(before.html[target]).some((x) => shared(after.html[targetPair]).includes(x)),
    'the block scrolled to and its counterpart should share an image or a link',
  );
  assert.deepEqual(real(problems), []);
});

test('side by side should show a chosen translation beside the edited post, scrolled together, unmatched blocks marked', { skip: skip() }, async () => {
  const { page, problems, preview } = await openPostview(browser);
  await openFamily(page, preview);
  const other = page.frameLocator('[data-testid=translation-preview]');

  await page.click('[data-testid=side-by-side]');
  assert.equal(await page.locator('[data-testid=side-by-side]').getAttribute('aria-pressed'), 'true');
  await button(page, 'ja').click();
  await other.locator('h1', { hasText: 'Loopring' }).waitFor();
  assert.equal(await other.locator('#post').getAttribute('lang'), 'ja');
  assert.equal(
    await page.locator('[data-testid=language] .switcher button[aria-pressed=true]').getAttribute('data-lang'),
    'en',
    'choosing in side by side should not leave the edited post',
  );

  const src = await scrollToImage(preview, 6);
  await page.waitForFunction(
    (src) => {
      const doc = document.querySelector('[data-testid=translation-preview]').contentDocument;
      const top = [...doc.querySelectorAll('.post-body > *')].find((b) => b.getBoundingClientRect().bottom > 1);
      return doc.defaultView.scrollY > 0 && [...(top?.querySelectorAll('img') ?? [])].some((img) => img.getAttribute('src') === src);
    },
    src,
    { timeout: 5000 },
  );

  // An image only the English post has is marked; the Japanese blocks that have counterparts are not.
  const lines = (await download(page)).text.split('\n').length;
  await goToLine(page, lines);
  await nextRender(page, () => page.keyboard.type('\n\n![](/uploads/only-in-english.png)\n'));
  await preview.locator('p[data-unmatched] img[src$="only-in-english.png"]').waitFor({ state: 'attached', timeout: 5000 });
  const japanese = other.locator('.post-body > *');
  const unmatched = other.locator('.post-body > [data-unmatched]');
  assert.ok((await unmatched.count()) < (await japanese.count()) / 2, 'most Japanese blocks should have a counterpart');
  assert.deepEqual(real(problems), []);
});

test('writing the links should show the changes first, then fill only the key lines of every post of the family', { skip: skip() }, async () => {
  const { page, problems, preview } = await openPostview(browser);
  await openFamily(page, preview);
  const write = page.locator('[data-testid=write-links]');
  assert.equal(await write.isDisabled(), false);

  await write.click();
  const dialog = page.locator('#write-links-dialog');
  await dialog.waitFor();
  const listed = await dialog.locator('.changes').innerText();
  assert.match(listed, new RegExp(`ja: ${JA.replace(/[.]/g, '\\.')}`), 'the dialog should list the lines to be written');
  assert.match(listed, new RegExp(`zh-Hans: \\[\\] → zh-Hans: ${ZH.replace(/[.]/g, '\\.')}`));

  await page.click('#write-links-dialog .cancel');
  assert.equal((await download(page)).text, readFileSync(join(site, EN), 'utf8'), 'cancelling should change nothing');

  await write.click();
  await nextRender(page, () => page.click('#write-links-dialog .confirm'));
  const original = readFileSync(join(site, EN), 'utf8').split('\n');
  const written = (await download(page)).text.split('\n');
  const diffs = written.map((line, i) => [original[i], line]).filter(([was, is]) => was !== is);
  assert.deepEqual(
    diffs,
    [['ja: []', `ja: ${JA}`], ['zh-Hans: []', `zh-Hans: ${ZH}`]],
    'only the translation key lines should change',
  );
  assert.equal(written.length, original.length, 'no line should be added or lost');
  assert.equal(await page.locator('[data-testid=translation-found]').count(), 0, 'the links are now declared');

  await nextRender(page, () => button(page, 'ja').click());
  const japanese = (await download(page)).text;
  assert.match(japanese, new RegExp(`\\nen: ${EN.replace(/[.]/g, '\\.')}\\n`), "the Japanese post's draft should name the English one");
  assert.match(japanese, new RegExp(`\\nzh-Hans: ${ZH.replace(/[.]/g, '\\.')}\\n`));
  assert.deepEqual(real(problems), []);
});

test('finding the translations of the whole site ten times over should take well under a second in Chromium', { skip: skip() }, async (t) => {
  const { page } = await openPostview(browser);
  const posts = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) posts.push({ path: relative(SITE, path), source: readFileSync(path, 'utf8') });
    }
  };
  walk(join(SITE, '_i18n'));
  const config = readFileSync(join(SITE, '_config.yml'), 'utf8');
  const result = await page.evaluate(async ({ posts, config }) => {
    // The site module's functions, as the page has them once it has loaded that module.
    const modules = await import('./modules.js');
    await modules.loadSite();
    const { findTranslations, siteLanguages } = modules;
    const many = [];
    for (let k = 0; k < 10; k++) for (const p of posts) many.push({ path: p.path.replace('_posts/', `_posts/${k}/`), source: p.source });
    const languages = siteLanguages(config);
    const times = [];
    let families = [];
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      families = findTranslations(many, { languages });
      times.push(performance.now() - start);
    }
    const one = findTranslations(posts, { languages });
    return { count: many.length, ms: times.sort((a, b) => a - b)[1], families: families.length, single: one.length };
  }, { posts, config });
  t.diagnostic(`findTranslations in Chromium: ${result.count} posts in ${result.ms.toFixed(0)} ms (median of 3), ${result.families} families; the site alone: ${result.single} families`);
  assert.equal(result.count, 2630);
  assert.ok(result.single >= 60, 'the site alone should have its families found in the browser too');
  // Generous: the machine is shared; the number to read is the diagnostic above.
  assert.ok(result.ms < 3000, `${result.count} posts took ${result.ms} ms`);
});
