// A trap never loses what was typed and never stops the next start. The page is served with its
// module built with the crash-test feature (target/postview-page-crashtest/, by .ci/build), whose
// crashForTests(kind) makes the next render trap: a real trap of the real page, whatever post
// would trap today. Every key typed before and after the trap is kept; after a reload the draft
// whose render trapped opens as text, not rendered, with the error said; rendering it on request
// works again; and the start after that renders as usual.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from '../lib/browser.mjs';
import { ROOT } from '../lib/consumer.mjs';
import { download, openPostview, previewText } from './support.mjs';

const CRASH_PAGE = join(ROOT, 'target/postview-page-crashtest');
if (!existsSync(join(CRASH_PAGE, 'postview.js'))) throw new Error(`${CRASH_PAGE} is not built: run .ci/build first`);

let browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

/** A context whose page loads the crash-test module in place of www/pkg/'s. */
async function crashTestContext() {
  // A service worker would answer the module's requests itself, past the routes.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/pkg/postview.js', (route) => route.fulfill({ path: join(CRASH_PAGE, 'postview.js') }));
  await context.route('**/pkg/postview_bg.wasm', (route) =>
    route.fulfill({ path: join(CRASH_PAGE, 'postview_bg.wasm'), contentType: 'application/wasm' }));
  return context;
}

async function typeAtEnd(page, text) {
  await page.click('[data-testid=editor] .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

const BEFORE = ' Before the trap.';
const TRAPPING = ' The key that traps.';
const AFTER = ' Typed after the trap.';

for (const [kind, said] of [['trap', /unreachable/], ['panic', /unreachable/]]) {
  test(`a ${kind} while rendering should keep every key, and the next start should open the draft as text with the error said`, async () => {
    const context = await crashTestContext();
    const { page, preview } = await openPostview(context);
    await typeAtEnd(page, BEFORE);
    await preview.locator('#post', { hasText: BEFORE.trim() }).waitFor();

    await page.evaluate(async (kind) => (await import(new URL('pkg/postview.js', location.href).href)).crashForTests(kind), kind);
    await typeAtEnd(page, TRAPPING);
    await page.locator('[data-testid=trapped]').waitFor();
    assert.match(await page.locator('[data-testid=trapped]').innerText(), said, 'the page should say what failed');
    await typeAtEnd(page, AFTER);
    const typed = BEFORE + TRAPPING + AFTER;
    assert.ok((await download(page)).text.endsWith(typed), 'the editor should hold every key');

    await page.reload();
    await page.waitForSelector('[data-testid=errors] li');
    const paused = page.locator('[data-testid=render-paused]');
    await paused.waitFor();
    assert.match(await paused.innerText(), said, 'the notice should say the error of the last render');
    const { text } = await download(page);
    assert.ok(text.endsWith(typed), `the draft should come back with every key, it ends ${JSON.stringify(text.slice(-80))}`);
    assert.doesNotMatch(await previewText(preview), /Typed after the trap/, 'the draft that trapped should not be rendered');

    await page.click('[data-testid=render-anyway]');
    await preview.locator('#post', { hasText: AFTER.trim() }).waitFor();
    assert.equal(await paused.count(), 0, 'the notice should go once rendered');

    await page.reload();
    await page.waitForSelector('[data-testid=errors] li');
    await preview.locator('#post', { hasText: AFTER.trim() }).waitFor();
    assert.equal(await paused.count(), 0, 'a render that finished should leave nothing for the next start');
    await context.close();
  });
}
