// A post the module fails on (a trap) must be that post's error in `checkSite` and `postview
// check`, the other posts still checked, at the cost of one fresh instance per such post. The
// module built with the `crash-test` feature (target/postview-crashtest/pkg/, by .ci/build;
// never shipped) fails on a file whose text holds `postview-crash-test:KIND:WHEN`
// (src/wasm/crash_test.rs): KIND panic, trap or overflow; WHEN `check` (while that post is
// checked) or `read` (while the site is read, before any post is checked).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ROOT } from '../lib/consumer.mjs';

const CRASH_PKG = join(ROOT, 'target/postview-crashtest/pkg');
if (!existsSync(join(CRASH_PKG, 'cli.js'))) throw new Error(`${CRASH_PKG} is not built: run .ci/build first`);

const glue = await import(join(CRASH_PKG, 'postview.js'));
const { checkSite } = await import(join(CRASH_PKG, 'node.js'));
const { checkSiteWith } = await import(join(CRASH_PKG, 'check.js'));

const scratch = mkdtempSync(join(tmpdir(), 'postview-recovery-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const post = (title, body = 'Hello.') => `---\ntitle: ${title}\n---\n${body}\n`;
// Its front matter is never closed: one error, at 1:1, from the renderer.
const UNCLOSED = '---\ntitle: Broken\n';
const PREFIX = 'postview failed on this post (a bug: please report it with the post): ';

/** A site whose posts are `posts` ({ name: text }), with `_config.yml` and a layout. */
function siteFiles(posts) {
  return [
    { path: '_config.yml', text: 'title: x\n' },
    { path: '_layouts/post.html', text: '<h1>{{ page.title }}</h1>{{ content }}' },
    ...Object.entries(posts).map(([name, text]) => ({ path: `_posts/${name}`, text })),
  ];
}

const CLEAN = {
  '2021-01-01-first.md': post('First'),
  '2021-01-05-broken.md': UNCLOSED,
  '2021-01-09-last.md': UNCLOSED,
};
const HOSTILE = {
  '2021-01-02-panic.md': post('P', 'postview-crash-test:panic:check'),
  '2021-01-03-trap.md': post('T', 'postview-crash-test:trap:check'),
  '2021-01-04-overflow.md': post('O', 'postview-crash-test:overflow:check'),
};

/** The glue with its SiteChecker counted: how many were made, and how many posts each checked. */
function countingGlue() {
  const counts = { made: 0, checked: 0 };
  class SiteChecker extends glue.SiteChecker {
    constructor(...args) {
      super(...args);
      counts.made += 1;
    }
    checkPost(n) {
      counts.checked += 1;
      return super.checkPost(n);
    }
  }
  return { counts, glue: { ...glue, SiteChecker } };
}

test('a post that panics, traps or overflows the stack should be its one error, every other post checked as without it, one fresh instance each', () => {
  const clean = checkSite(siteFiles(CLEAN));
  const { counts, glue: counted } = countingGlue();
  const report = checkSiteWith(counted)(siteFiles({ ...CLEAN, ...HOSTILE }));

  assert.equal(report.posts, 6, 'every post should be counted as checked');
  const byPath = new Map(report.files.map((f) => [f.path, f.diagnostics]));
  for (const { path, diagnostics } of clean.files) {
    assert.deepEqual(byPath.get(path), diagnostics, `${path} should have the problems it has in the site without the hostile posts`);
  }
  const failed = (name) => {
    const diagnostics = byPath.get(`_posts/${name}`);
    assert.equal(diagnostics?.length, 1, `${name} should have one problem`);
    const [d] = diagnostics;
    assert.equal(d.severity, 'error');
    assert.deepEqual([d.line, d.column], [1, 1], `${name}'s error should be at 1:1`);
    assert.ok(d.message.startsWith(PREFIX), `${name}'s error should say the module failed on it: ${d.message}`);
    return d.message.slice(PREFIX.length);
  };
  assert.match(failed('2021-01-02-panic.md'), /^crashForTests: a panic on purpose \(at src\/wasm\/crash_test\.rs:\d+\)$/);
  assert.equal(failed('2021-01-03-trap.md'), 'RuntimeError: unreachable');
  assert.match(failed('2021-01-04-overflow.md'), /^(RangeError|RuntimeError): /);
  assert.equal(report.files.length, clean.files.length + 3, 'nothing else should be reported');
  assert.equal(report.errors, clean.errors + 3);

  assert.equal(counts.made, 1 + 3, 'the site should be read once, then once more after each failing post');
  assert.equal(counts.checked, 6, 'each post should be checked once: none again after a failure');
  assert.equal(globalThis.__postviewPanic, undefined, 'the panic message should be taken, not left behind');
});

test('a big post the module fails on should have its size in its error, and what to do', () => {
  const big = post('Big', `${'A line of a long post.\n'.repeat(70_000)}postview-crash-test:trap:check`);
  const report = checkSite(siteFiles({ ...CLEAN, '2021-01-07-big.md': big }));
  const [d] = report.files.find((f) => f.path === '_posts/2021-01-07-big.md').diagnostics;
  const size = (big.length / 2 ** 20).toFixed(1);
  assert.equal(
    d.message,
    `${PREFIX}RuntimeError: unreachable (the post is ${size} MB, which may be more than the module's memory can render: split it into smaller posts)`,
  );
});

test('a file whose reading fails should be an error at its path, and the site checked without it', () => {
  const files = siteFiles({ ...CLEAN, '2021-01-06-unreadable.md': post('U', 'postview-crash-test:trap:read') });
  const { counts, glue: counted } = countingGlue();
  const report = checkSiteWith(counted)(files);
  const clean = checkSite(siteFiles(CLEAN));
  assert.equal(report.posts, 3, 'the other posts should be checked');
  const unreadable = report.files.find((f) => f.path === '_posts/2021-01-06-unreadable.md');
  assert.deepEqual(unreadable?.diagnostics, [
    {
      severity: 'error',
      code: 'preview/crashed',
      message: 'postview failed reading this file (a bug: please report it with the file): RuntimeError: unreachable; the site was checked without it',
      line: 1,
      column: 1,
    },
  ]);
  assert.deepEqual(report.files.filter((f) => f !== unreadable), clean.files, 'the rest should be checked as without the file');
  // Halving the 6 files down to the one: a bounded number of readings, not one per file.
  assert.ok(counts.made <= 8, `the file should be found by halves (${counts.made} readings)`);
});

test('past 32 failing posts, the check should stop: each post after is an error saying it was not checked, and the site is read 32 times, not once per post', async () => {
  const { MAX_FAILED_POSTS } = await import(join(CRASH_PKG, 'check.js'));
  const readme = readFileSync(join(ROOT, '.ci/npm/README.md'), 'utf8');
  assert.ok(readme.includes(`Past **${MAX_FAILED_POSTS}** such posts the check stops`), 'the README should give the limit');
  const posts = {};
  for (let i = 0; i < 40; i += 1) posts[`2021-02-${String(i + 1).padStart(2, '0')}-hostile.md`] = post('H', 'postview-crash-test:trap:check');
  posts['2021-03-01-after.md'] = post('After');
  const { counts, glue: counted } = countingGlue();
  const report = checkSiteWith(counted)(siteFiles(posts));
  assert.equal(MAX_FAILED_POSTS, 32);
  const codes = report.files.map((f) => f.diagnostics.map((d) => d.code));
  const failed = codes.filter(([c]) => c === 'preview/crashed');
  const skipped = codes.filter(([c]) => c === 'preview/not-checked');
  const said = report.files.flatMap((f) => f.diagnostics).find((d) => d.code === 'preview/not-checked');
  assert.match(said.message, /^not checked: postview failed on 32 posts before this one/, 'a post not checked should say why');
  assert.equal(failed.length, 32, 'the first 32 posts should each be the module\'s failure');
  assert.equal(skipped.length, 9, 'the 8 hostile posts after them and the clean one should each say they were not checked');
  assert.equal(report.errors, 41);
  assert.equal(report.posts, 32, 'only the posts before the stop should count as checked');
  assert.equal(counts.made, 32, 'the site should be read once, then again after each failure but the last');
  assert.equal(counts.checked, 32, 'no post past the limit should be checked');
});

/** Runs the crash-test package's `postview` command; resolves to { code, stdout, stderr }. */
function postview(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(CRASH_PKG, 'cli.js'), ...args], { timeout: 120_000, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? error.signal) : 0, stdout, stderr });
    });
  });
}

test('postview check should print a failing post as that post\'s error and check the rest', async () => {
  const dir = join(scratch, 'site');
  mkdirSync(join(dir, '_posts'), { recursive: true });
  for (const { path, text } of siteFiles({ ...CLEAN, ...HOSTILE, '2021-01-06-panic-reading.md': post('R', 'postview-crash-test:panic:read') })) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const { code, stdout, stderr } = await postview(['check', dir]);
  assert.equal(stderr, '', 'nothing should go to stderr (no stack trace)');
  assert.equal(code, 1, 'the failures are errors: exit status 1');
  const lines = stdout.trimEnd().split('\n');
  assert.deepEqual(lines.map((l) => l.replace(/: error: .*/, '')), [
    '_posts/2021-01-02-panic.md:1:1',
    '_posts/2021-01-03-trap.md:1:1',
    '_posts/2021-01-04-overflow.md:1:1',
    '_posts/2021-01-05-broken.md:1:1',
    '_posts/2021-01-06-panic-reading.md:1:1',
    '_posts/2021-01-09-last.md:1:1',
    'postview check: 6 posts checked, 6 errors, 0 warnings in 6 files',
  ]);
  assert.match(lines[4], /: error: postview failed reading this file \(a bug: please report it with the file\): crashForTests: a panic on purpose/);
});

test('asking the module for more memory than it can have should do nothing, not trap', () => {
  // The wrapper asks before each reading of a site, from the size of its text.
  for (const bytes of [2 ** 32 - 1, 2 ** 31, 0]) assert.doesNotThrow(() => glue.reserveMemory(bytes), `${bytes} bytes`);
  assert.equal(checkSite(siteFiles(CLEAN)).posts, 3, 'the module should still check');
});
