// The previews ask no host for anything but the style sheets, fonts and images a layout or post
// shows: no prefetch, preload, modulepreload, preconnect, dns-prefetch, ping, attribution report
// or refresh, whether it is in a post's body, its title (which the heading writes as HTML) or a
// site's layout. An outside listener on another loopback port counts every connection and
// request it gets: none while the post is shown and its link clicked, then an image the post
// names reaches it, which shows it was listening.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { openPostview } from './support.mjs';

let browser;
let listener;
let away = '';
const heard = { connections: 0, requests: [] };
let tmp;
before(async () => {
  browser = await launchChromium();
  listener = createServer((request, response) => {
    heard.requests.push(request.url);
    response.setHeader('Content-Type', 'image/gif');
    response.end(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
  });
  listener.on('connection', () => (heard.connections += 1));
  await new Promise((done) => listener.listen(0, '127.0.0.1', done));
  away = `http://127.0.0.1:${listener.address().port}`;
  tmp = mkdtempSync(join(tmpdir(), 'postview-requests-'));
});
after(async () => {
  await browser?.close();
  listener?.closeAllConnections();
  await new Promise((done) => listener?.close(done));
  rmSync(tmp, { recursive: true, force: true });
});

const hints = (where) => [
  `<link rel="prefetch" href="${away}/prefetch-${where}">`,
  `<link rel="preload" as="script" href="${away}/preload-${where}.js">`,
  `<link rel="modulepreload" href="${away}/modulepreload-${where}.js">`,
  `<link rel="preconnect" href="${away}">`,
  `<link rel="dns-prefetch" href="${away}">`,
  `<meta http-equiv="refresh" content="0;url=${away}/refresh-${where}">`,
].join('');

const title = () => `'${hints('title').replaceAll("'", "''")}Requests'`;
const body = () => `${hints('body')}

<p><a id="pinged" ping="${away}/ping" href="#top">A link with a ping</a> <img attributionsrc="${away}/attribution" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""></p>

Quiet so far.
`;

async function expectSilence(page, preview, where) {
  await preview.locator('#pinged').click();
  await page.waitForTimeout(2000);
  assert.deepEqual(heard.requests, [], `${where}: no request should reach the outside host`);
  assert.equal(heard.connections, 0, `${where}: no connection should be opened to it either`);
}

/** The post names an image: it should come (the listener listens), and nothing else should. */
async function expectTheImageOnly(page, where) {
  await page.click('[data-testid=editor] .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(`\n\n<img src="${away}/named-image.gif" alt="named">\n`);
  for (let i = 0; i < 50 && !heard.requests.length; i++) await page.waitForTimeout(100);
  assert.deepEqual(heard.requests, ['/named-image.gif'], `${where}: the image the post names should be the one request`);
  heard.requests.length = 0;
  heard.connections = 0;
}

test('a post in the plain preview should make no request of its own, from its body or its title', async () => {
  const { page, preview } = await openPostview(browser);
  const post = `---\ntitle: ${title()}\ntype: ''\n---\n${body()}`;
  await page.setInputFiles('#files', { name: '2024-01-01-requests.md', mimeType: 'text/markdown', buffer: Buffer.from(post) });
  await preview.locator('p', { hasText: 'Quiet so far.' }).waitFor();
  assert.equal(await preview.locator('h1').innerText(), 'Requests', 'the heading should still show');
  await expectSilence(page, preview, 'the plain preview');
  await expectTheImageOnly(page, 'the plain preview');
  await page.close();
});

test("a site's page should make no request but for what it shows, from its layout, title or body", async () => {
  const root = join(tmp, 'site');
  const files = {
    '_config.yml': 'title: Requests site\n',
    '_layouts/post.html': `<!doctype html><html><head><title>{{ page.title | strip_html }}</title>${hints('layout')}</head><body><h1>{{ page.title }}</h1>${hints('layout-body')}{{ content }}</body></html>`,
    '_posts/2024-01-01-requests.md': `---\nlayout: post\ntitle: ${title()}\n---\n${body()}`,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const { page, preview } = await openPostview(browser);
  await page.setInputFiles('[data-testid=site-folder]', root);
  await preview.locator('p', { hasText: 'Quiet so far.' }).waitFor();
  await expectSilence(page, preview, "the site's page");
  await expectTheImageOnly(page, "the site's page");
  await page.close();
});
