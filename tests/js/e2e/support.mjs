// Helpers of the page's browser tests: open the page served by .ci/test (POSTVIEW_URL) in a fresh
// browser context, type in its editor, read its preview.
import { fileURLToPath } from 'node:url';
import { openPage } from '../lib/browser.mjs';

export const URL_ = process.env.POSTVIEW_URL;
if (!URL_) throw new Error('POSTVIEW_URL is not set: run these tests with `bash .ci/test e2e`');

export const fixture = (name) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

/** Opens the page (a new context: empty storage) and waits for its first render. */
export async function openPostview(browser, { width = 1400, height = 900 } = {}) {
  const { page, problems } = await openPage(browser, URL_);
  await page.setViewportSize({ width, height });
  await page.waitForSelector('[data-testid=errors] li');
  return { page, problems, preview: page.frameLocator('[data-testid=preview]') };
}

/** Resolves with the next `postview:rendered` event's detail once `action` has run. */
export async function nextRender(page, action) {
  await page.evaluate(() => {
    window.__rendered = new Promise((done) =>
      addEventListener('postview:rendered', (e) => done(e.detail), { once: true }),
    );
  });
  await action();
  return page.evaluate(() => window.__rendered);
}

/** Puts the editor's cursor at the start of 1-based `line`, with CodeMirror's "go to line". */
export async function goToLine(page, line) {
  await page.click('[data-testid=editor] .cm-content');
  await page.keyboard.press('Control+Alt+g');
  const input = page.locator('[data-testid=editor] .cm-panel input[name=line]');
  await input.fill(String(line));
  await input.press('Enter');
}

/** The editor's line number of the cursor (its active line in the gutter). */
export const cursorLine = async (page) =>
  Number(await page.locator('[data-testid=editor] .cm-activeLineGutter').first().innerText());

/** What "Download .md" saves: `{ name, text }` (the editor's DOM shows only the lines in view). */
export async function download(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const chunks = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

export const previewText = (preview) => preview.locator('#post').innerText();

/** The text of the file at `path` in the page's origin-private file system. */
export const readOpfs = (page, path) =>
  page.evaluate(async (path) => {
    let dir = await navigator.storage.getDirectory();
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
    return (await (await dir.getFileHandle(parts.at(-1))).getFile()).text();
  }, path);

export const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/**
 * From now on, times each key that has a keydown (CJK text comes without one) to the next
 * postview:rendered, and whether that came before the next animation frame, the one that draws
 * the key: `window.keys`, `{ ms, inFrame }` each.
 */
export const timeKeys = (page) =>
  page.evaluate(() => {
    window.keys = [];
    let key = null;
    addEventListener('keydown', () => {
      const k = (key = { start: performance.now(), framed: false });
      requestAnimationFrame(() => (k.framed = true));
    }, true);
    addEventListener('postview:rendered', () => {
      if (!key) return;
      keys.push({ ms: performance.now() - key.start, inFrame: !key.framed });
      key = null;
    });
  });
