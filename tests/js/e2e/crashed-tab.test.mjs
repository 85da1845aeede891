// Nothing typed is lost when the tab dies: keys typed one by one (CJK as an input method commits
// it), then the tab's renderer is killed (SIGKILL, as the out-of-memory killer or a task manager
// ends it) right after the last key — no pagehide, no pause for a debounce — and the page, opened
// again, has every character. Then the browser is closed and launched again on the same profile,
// and the page still has them.
//
// CDP's Page.crash is not used: it crashes the renderer from a task of its own, which waits for
// the page's due timers, so it cannot catch a save that waits for one.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { launchPersistentChromium } from '../lib/browser.mjs';
import { download, openPostview } from './support.mjs';

// A post big enough that renders take a while, so the page waits before rendering after a key
// (see src/page/debounce.rs): a save that waited with the render would lose the last keys.
const paragraphs = Array.from({ length: 600 }, (_, i) =>
  `Paragraph ${i + 1} has *some* **markup**, a [link](https://example.com/${i}) and \`code\`, 和一些中文。`);
const BIG_POST = `---\ntitle: A long draft\ntype: ''\n---\n${paragraphs.join('\n\n')}\n`;

// What is typed, in order: `type` is key by key, `commit` is text an input method commits.
const TYPING = [
  ['type', 'Typed before the crash: '],
  ['commit', '草稿'],
  ['commit', 'は'],
  ['commit', '消えない'],
  ['type', ', '],
  ['commit', '草稿不会丢失'],
  ['type', ', 초안 ✓ and the very last keys'],
];
const TYPED = TYPING.map(([, text]) => text).join('');

async function typeIt(page) {
  for (const [how, text] of TYPING) {
    if (how === 'type') {
      await page.keyboard.type(text);
    } else {
      for (const char of text) await page.keyboard.insertText(char);
    }
  }
}

/** The renderer processes of the browser whose profile is `profile` (unique to this test). */
function renderersOf(profile) {
  const pids = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let command;
    try {
      // Chromium rewrites its command line as one string: split at NULs and spaces alike.
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    } catch {
      continue; // gone meanwhile
    }
    if (command.includes('--type=renderer') && command.includes(`--user-data-dir=${profile}`)) pids.push(Number(pid));
  }
  return pids;
}

/** Opens the page in `context` and returns the editor's whole text once it has rendered. */
async function reopenedText(context) {
  const { page } = await openPostview(context);
  const { text } = await download(page);
  await page.close();
  return text;
}

test('a tab crashed right after typing should come back with every character typed, also after a browser restart', async (t) => {
  const profile = mkdtempSync(join(tmpdir(), 'postview-profile-'));
  let context = await launchPersistentChromium(profile);
  try {
    const { page, preview } = await openPostview(context);
    await page.setInputFiles('#files', { name: '2024-05-01-long-draft.md', mimeType: 'text/markdown', buffer: Buffer.from(BIG_POST) });
    await preview.locator('p', { hasText: 'Paragraph 600 has' }).waitFor();
    await page.click('[data-testid=editor] .cm-content');
    await page.keyboard.press('Control+End');
    t.diagnostic(`the long post: ${await page.locator('.status .timing').innerText()}`);

    const crashed = new Promise((done) => page.once('crash', done));
    await typeIt(page);
    const renderers = renderersOf(profile);
    assert.ok(renderers.length > 0, 'the browser should have renderer processes to kill');
    for (const pid of renderers) process.kill(pid, 'SIGKILL');
    await crashed;

    let text = await reopenedText(context);
    assert.ok(text.endsWith(TYPED), `the reopened page should end with every character typed, it ends with: ${JSON.stringify(text.slice(-120))}`);
    assert.ok(text.startsWith('---\ntitle: A long draft\n'), 'it should be the same post');

    await context.close();
    context = await launchPersistentChromium(profile);
    text = await reopenedText(context);
    assert.ok(text.endsWith(TYPED), `after a browser restart, the text ends with: ${JSON.stringify(text.slice(-120))}`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
