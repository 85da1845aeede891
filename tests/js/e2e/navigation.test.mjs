// No navigation out of either preview, whatever is clicked: links in SVG (xlink:href and href),
// in MathML, image-map areas, a form's submit button, a link around an image, a middle click.
// After each click the preview is still the page's own document, nothing reached the host the
// links point at, and typing still reaches the preview and the draft. Should a frame navigate all
// the same (here the browser itself sends it elsewhere), the page brings it back and keeps going.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { download, openPostview, previewText } from './support.mjs';

let browser;
let listener;
let away = ''; // the listener's address
const heard = [];
let tmp;
before(async () => {
  browser = await launchChromium();
  listener = createServer((request, response) => {
    heard.push(request.url);
    response.end('away');
  });
  await new Promise((done) => listener.listen(0, '127.0.0.1', done));
  away = `http://127.0.0.1:${listener.address().port}`;
  tmp = mkdtempSync(join(tmpdir(), 'postview-navigation-'));
});
after(async () => {
  await browser?.close();
  await new Promise((done) => listener?.close(done));
  rmSync(tmp, { recursive: true, force: true });
});

const body = () => `
<svg width="200" height="40"><a xlink:href="${away}/svg-xlink"><rect id="svg-xlink" width="90" height="40" fill="red"/></a><a href="${away}/svg-href"><rect id="svg-href" x="100" width="90" height="40" fill="blue"/></a></svg>

<math><mrow href="${away}/mathml"><mi id="mathml">x</mi></mrow></math>

<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" usemap="#m" width="80" height="40" id="mapped"><map name="m"><area shape="rect" coords="0,0,80,40" href="${away}/area"></map>

<form action="${away}/form"><button id="submit">Send</button></form>

<a href="${away}/image-link"><img id="linked" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40"></a>

Still here.
`;
const POST = () => `---\ntitle: Links everywhere\ntype: ''\n---\n${body()}`;
const CLICKS = ['#svg-xlink', '#svg-href', '#mathml', '#mapped', '#submit', '#linked'];

async function typeAndSee(page, preview, words) {
  await page.click('[data-testid=editor] .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(words);
  await preview.locator('#post, body', { hasText: words }).first().waitFor({ timeout: 5000 });
  const { text } = await download(page);
  assert.ok(text.endsWith(words), `the draft should hold what was typed last, it ends ${JSON.stringify(text.slice(-60))}`);
}

/** Clicks each element of the preview and checks nothing navigated. */
async function clickEverything(page, preview, home) {
  for (const selector of CLICKS) {
    await preview.locator(selector).click({ force: true });
    await preview.locator(selector).click({ force: true, button: 'middle' });
  }
  await page.waitForTimeout(800);
  const url = await page.locator('[data-testid=preview]').evaluate((f) => f.contentWindow.location.href);
  assert.match(url, home, 'the preview frame should still show its own document');
  assert.deepEqual(heard, [], 'nothing should reach the host the links point at');
}

test('clicking any kind of link in the plain preview should navigate nothing, and typing should go on', async () => {
  const { page, preview, problems } = await openPostview(browser);
  await page.setInputFiles('#files', { name: '2024-01-01-links.md', mimeType: 'text/markdown', buffer: Buffer.from(POST()) });
  await preview.locator('p', { hasText: 'Still here.' }).waitFor();
  await clickEverything(page, preview, /\/preview\.html$/);
  assert.match(await page.locator('.status .note').innerText(), /Links do not open from the preview/);
  await typeAndSee(page, preview, ' Typed after the clicks.');
  assert.deepEqual(problems.filter((p) => p.startsWith('uncaught')), []);
  await page.close();
});

test("clicking any kind of link in a site's page should navigate nothing, and typing should go on", async () => {
  const root = join(tmp, 'site');
  const files = {
    '_config.yml': 'title: Linked site\n',
    '_layouts/post.html': `<!doctype html><html><head><title>{{ page.title }}</title></head><body><nav><a id="nav" href="${away}/nav">Away</a></nav>{{ content }}</body></html>`,
    '_posts/2024-01-01-links.md': `---\nlayout: post\ntitle: Links everywhere\n---\n${body()}`,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const { page, preview, problems } = await openPostview(browser);
  await page.setInputFiles('[data-testid=site-folder]', root);
  await preview.locator('#nav').waitFor();
  await clickEverything(page, preview, /\/preview-site\.html$/);
  await preview.locator('#nav').click();
  await typeAndSee(page, preview, ' Typed after the clicks.');
  assert.deepEqual(heard, [], 'nothing should reach the host the layout links to');
  assert.deepEqual(problems.filter((p) => p.startsWith('uncaught')), []);
  await page.close();
});

test('a preview frame sent elsewhere all the same should be brought back, and typing should still reach it and the draft', async () => {
  const { page, preview } = await openPostview(browser);
  await page.setInputFiles('#files', { name: '2024-01-01-links.md', mimeType: 'text/markdown', buffer: Buffer.from(POST()) });
  await preview.locator('p', { hasText: 'Still here.' }).waitFor();
  // A navigation the browser starts: no page can cancel it.
  const frame = await (await page.$('[data-testid=preview]')).contentFrame();
  await frame.goto(`${away}/forced`).catch(() => {});
  await page.waitForFunction(() => document.querySelector('[data-testid=preview]').contentDocument?.querySelector('#post p'));
  assert.match(await previewText(preview), /Still here\./, 'the post should be drawn again in the restored frame');
  await typeAndSee(page, preview, ' Typed after the frame came back.');
  heard.length = 0; // the forced navigation itself reached the listener
  await page.close();
});
