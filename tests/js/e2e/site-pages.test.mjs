// The open site's other pages (issue 20, item 3): listed in the post picker (each language's
// home page first), shown in the site frame as the build writes them, with the post being typed
// in them — its new title in the English home page's list as it is typed — and its entry in the
// feeds one click away; the draft is never lost on the way. The folder is a copy of
// ../shared/corpus/site (site-fixture.mjs) in the origin-private file system (opfs-site.mjs),
// at 1280×800.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { haveSite, makeSiteCopy, siteSkip } from './site-fixture.mjs';
import { copyToOpfs, openOpfsFolder } from './opfs-site.mjs';
import { goToLine, median, openPostview, timeKeys } from './support.mjs';

const TYPED = 'Landing test';

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

/** The items of the home page's list in the site frame, as shown. */
const homeList = (page) =>
  page.evaluate(() =>
    [...document.querySelector('[data-testid=preview]').contentDocument.querySelectorAll('ul.posts li a')].map((a) => a.textContent.trim()),
  );

/** The post's title line in the editor (near its top, so among the lines it shows). */
const titleLine = (page) => page.evaluate(() => document.querySelector('[data-testid=editor] .cm-content').innerText.split('\n').find((l) => l.startsWith('title:')));

test('the site’s pages should be listed and shown with the post typed in them, its feed entry a click away', { skip: siteSkip }, async (t) => {
  const { page, preview, problems } = await openPostview(browser, { width: 1280, height: 800 });
  await copyToOpfs(page, site, 'site');
  await openOpfsFolder(page, 'site');
  await preview.locator('header.masthead').waitFor();
  // The folder opens at its newest English post: ours.
  await preview.locator('.post-container > h1', { hasText: 'Site view' }).waitFor();
  const postOption = await page.locator('[data-testid=posts]').inputValue();

  const items = page.locator('[data-testid=site-pages] [data-testid=site-page]');
  await items.first().waitFor({ state: 'attached' });
  const listed = await items.evaluateAll((options) => options.map((o) => ({ path: o.dataset.path, kind: o.dataset.kind, url: o.dataset.url })));
  assert.deepEqual(
    listed.slice(0, 4).map((p) => [p.kind, p.path, p.url]),
    [
      ['home', 'index.html', '/'],
      ['home', 'ja/index.html', '/ja/'],
      ['home', 'ko/index.html', '/ko/'],
      ['home', 'zh-Hans/index.html', '/zh-Hans/'],
    ],
    'each language’s home page should be listed first',
  );
  const paths = listed.map((p) => p.path);
  for (const path of ['404.html', 'page2/index.html', 'feed.xml', 'rss-feed.xml', 'sitemap.xml', 'ja/feed.xml']) {
    assert.ok(paths.includes(path), `${path} should be listed among the site's pages: ${paths.join(' ')}`);
  }

  // The English home page, with our post first in its list.
  await page.selectOption('[data-testid=posts]', 'page:index.html');
  await preview.locator('ul.posts li').first().waitFor();
  const before = await homeList(page);
  assert.equal(before.length, 20, 'the home page should list paginate: 20 posts');
  assert.equal(before[0], '快讯 | Site view', 'the newest post should be listed first, with its type');
  assert.equal(await preview.locator('header.masthead').count(), 1, 'the home page should be in the site’s layout');

  // A new title typed in the post, while the home page is shown: it shows at the post's place.
  await goToLine(page, 7);
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.insertText('title: ');
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    window.renders = [];
    addEventListener('postview:rendered', (e) => renders.push(e.detail.ms));
  });
  await timeKeys(page);
  // A pause after each key longer than the page's longest debounce (150 ms): each key is timed alone.
  await page.keyboard.type(TYPED, { delay: 250 });
  await page.waitForFunction((title) => {
    const a = document.querySelector('[data-testid=preview]').contentDocument.querySelector('ul.posts li a');
    return a?.textContent.trim() === `快讯 | ${title}`;
  }, TYPED);
  const { renders, keys } = await page.evaluate(() => ({ renders, keys }));
  t.diagnostic(`home page render + show per update while typing: ${renders.length} updates for ${TYPED.length} keys, median ${median(renders).toFixed(1)} ms, max ${Math.max(...renders).toFixed(1)} ms`);
  t.diagnostic(`keydown to home page shown: ${keys.length} keys, median ${median(keys.map((k) => k.ms)).toFixed(1)} ms`);
  const after = await homeList(page);
  assert.deepEqual(after.slice(1), before.slice(1), 'the other posts should stay where they were');
  assert.equal(await titleLine(page), `title: ${TYPED}`, 'the editor should keep the post as typed');

  // Back to the post, then "where it lands": the post's own home page, as typed.
  await page.click('[data-testid=show-post]');
  await preview.locator('.post-container > h1', { hasText: TYPED }).waitFor();
  await page.click('[data-testid=show-home]');
  await page.waitForFunction(() => document.querySelector('[data-testid=show-home]').getAttribute('aria-pressed') === 'true');
  await preview.locator('ul.posts li a', { hasText: TYPED }).first().waitFor();
  assert.equal((await homeList(page))[0], `快讯 | ${TYPED}`, 'where it lands should be the first item of the English home page');

  // Its feed entries: jekyll-feed's and the site's own RSS page, as typed.
  await page.click('[data-testid=show-feed-entry]');
  const panel = page.locator('[data-testid=feed-entry]');
  await panel.locator('section[data-feed="rss-feed.xml"] pre').waitFor();
  const entries = await panel.locator('section').evaluateAll((sections) =>
    sections.map((s) => ({ feed: s.dataset.feed, entry: s.querySelector('pre')?.textContent ?? null })),
  );
  assert.deepEqual(entries.map((e) => e.feed), ['feed.xml', 'rss-feed.xml'], 'the English feeds should be shown');
  for (const { feed, entry } of entries) {
    assert.ok(entry?.includes(TYPED), `${feed}'s entry should carry the typed title: ${entry}`);
  }
  assert.match(entries[0].entry, /^<entry[\s>]/, 'jekyll-feed’s entry should be an Atom <entry>');
  assert.match(entries[1].entry, /^<item[\s>]/, 'the RSS page’s entry should be an <item>');

  // A feed chosen from the list is shown as text, with the typed title in it.
  await page.selectOption('[data-testid=posts]', 'page:feed.xml');
  await preview.locator('pre', { hasText: TYPED }).waitFor();
  assert.match(await preview.locator('pre').innerText(), /^<\?xml/, 'the feed should be shown as its text');

  // The post again, from the picker: nothing typed was lost.
  await page.selectOption('[data-testid=posts]', postOption);
  await preview.locator('.post-container > h1', { hasText: TYPED }).waitFor();
  assert.equal(await titleLine(page), `title: ${TYPED}`, 'the draft should survive showing the site’s pages');
  // Remote style sheets and images cannot load here (no network): the rest must not fail.
  const local = problems.filter((p) => !/https:\/\/|net::ERR_NAME_NOT_RESOLVED/.test(p));
  assert.deepEqual(local, [], 'the page should report no errors of its own');
});
