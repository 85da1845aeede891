// Translations at a glance and links that lead nowhere, in a copy of ../shared/corpus/site
// (site-fixture.mjs) with a family of our own: an English post and its Japanese translation
// written a month before it (the files' modified times), no Korean or Chinese one. The overview
// lists the site's families, marks the Japanese one older, opens it on a click, and opens
// Translate for a missing language; a link to a page the site does not publish is a problem at
// its place, said in the interface's language. Skipped where the shared site is not there.
import assert from 'node:assert/strict';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { makeSiteCopy, siteSkip } from './site-fixture.mjs';
import { openPostview } from './support.mjs';

const EN = '_i18n/en/_posts/2024-06-01-overview-probe.md';
const JA = '_i18n/ja/_posts/2024-06-01-overview-probe.md';
const DAY = 24 * 3600;

let browser;
let site;
before(async () => {
  browser = await launchChromium();
  if (siteSkip) return;
  site = makeSiteCopy();
  const post = (lang, title, other, otherPath, body) =>
    ['---', 'layout: post', `lang: ${lang}`, 'date: 2024-06-01', `title: ${title}`, `${other}: ${otherPath}`, '---', body, ''].join('\n');
  writeFileSync(join(site, EN), post('en', 'Overview probe', 'ja', JA, [
    'Read [the token post](/2021/02/11/introducing-the-mask-token) first.',
    '',
    'Then [this one](/2021/02/11/never-published), which the site lacks.',
  ].join('\n')));
  writeFileSync(join(site, JA), post('ja', '概要の試験', 'en', EN, '本文。'));
  const now = Date.now() / 1000;
  utimesSync(join(site, EN), now, now);
  utimesSync(join(site, JA), now - 30 * DAY, now - 30 * DAY);
});
after(() => {
  browser?.close();
  if (site) rmSync(dirname(site), { recursive: true, force: true });
});

/** The page with the copy opened as a site folder, at 1280×800, the overview opened. */
async function openOverview() {
  const opened = await openPostview(browser, { width: 1280, height: 800 });
  const { page } = opened;
  await page.setInputFiles('[data-testid=site-folder]', site);
  const overview = page.locator('[data-testid=translations-overview]');
  await overview.locator('summary').click();
  await overview.locator('table').waitFor();
  return { ...opened, overview };
}

const states = (row) => row.locator('[data-testid=overview-cell]').evaluateAll((cells) => cells.map((c) => `${c.dataset.lang}:${c.dataset.state}`));

test('the overview should list the families, mark an older translation, and open it', { skip: siteSkip }, async () => {
  const { page, preview, overview } = await openOverview();
  const header = await overview.locator('thead th').allInnerTexts();
  assert.equal(header.length, 1 + 4, 'a column per language of the site (en, ja, ko, zh-Hans), after the post');
  const rows = await overview.locator('tbody tr').count();
  assert.ok(rows > 150, `every family and lone post of the shared site should be a row: ${rows}`);
  const found = await overview.locator('tbody .found').count();
  assert.ok(found > 0, 'the found (undeclared) families of the shared site should be marked with their evidence');
  const row = overview.locator(`tbody tr[data-newest="${EN}"]`);
  assert.deepEqual(
    await states(row),
    ['en:present', 'ja:stale', 'ko:missing', 'zh-Hans:missing'],
    'the Japanese translation written a month before its original should be marked older, the other languages missing',
  );
  await row.locator('[data-state=stale]').click();
  await preview.locator('h1', { hasText: '概要の試験' }).waitFor();
  assert.equal(await overview.getAttribute('open'), null, 'the panel should close once a post is opened from it');
  assert.match(
    await page.locator('[data-testid=posts] option:checked').innerText(),
    /概要の試験/,
    'the list of posts should show the post opened',
  );
});

test('a missing translation should open Translate for its language', { skip: siteSkip }, async () => {
  const { page, preview, overview } = await openOverview();
  await overview.locator(`tbody tr[data-newest="${EN}"] [data-lang=ko][data-state=missing]`).click();
  const dialog = page.locator('[data-testid=translate-dialog]');
  await dialog.waitFor();
  assert.equal(await dialog.locator('[data-testid=post-section]').inputValue(), '_i18n/ko/_posts', 'Translate should start at the missing language');
  assert.match(await dialog.locator('[data-testid=post-path]').innerText(), /^_i18n\/ko\/_posts\//, 'the file it would create should be in that language');
  await preview.locator('h1', { hasText: 'Overview probe' }).waitFor();
});

test('a link to a page the site does not publish should be a problem at its place', { skip: siteSkip }, async () => {
  const { page, preview } = await openPostview(browser);
  await page.setInputFiles('[data-testid=site-folder]', site);
  await page.selectOption('[data-testid=posts]', { label: '2024-06-01 Overview probe' });
  await preview.locator('h1', { hasText: 'Overview probe' }).waitFor();
  const dead = page.locator('[data-testid=errors] .problem[data-code="post/dead-link"]');
  await dead.first().waitFor();
  const places = await dead.evaluateAll((items) => items.map((b) => `${b.dataset.line}:${b.dataset.column}`));
  assert.deepEqual(places, ['10:17'], 'the link the site lacks should be the one problem, at its address; the live one should not');
  assert.match(await dead.innerText(), /never-published/, 'the problem should name the address');
});

test('in another interface language a problem should say what is wrong in it, its message kept beside', { skip: siteSkip }, async () => {
  const { page, preview } = await openPostview(browser);
  await page.selectOption('#ui-lang', 'ja');
  await page.setInputFiles('[data-testid=site-folder]', site);
  await page.selectOption('[data-testid=posts]', { label: '2024-06-01 Overview probe' });
  await preview.locator('h1', { hasText: 'Overview probe' }).waitFor();
  const dead = page.locator('[data-testid=errors] .problem[data-code="post/dead-link"]');
  await dead.waitFor();
  assert.match(await dead.locator('.message').innerText(), /サイトが公開していないページ/, 'the problem should be said in Japanese');
  assert.match(await dead.locator('.detail').innerText(), /never-published/, 'the message with the address should stay beside it');
});
