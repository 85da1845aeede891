// `postview check DIR`, the package's command, run as a consumer's CI runs it: from the packed and
// installed package (node_modules/.bin/postview), on a copy of ../shared/corpus/site with faults
// put in, on the unmodified site, on a clean site and on a folder that is not a site.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SHARED, sharedSkip } from '../lib/shared.mjs';
import { createConsumer } from '../lib/consumer.mjs';

const SITE = join(SHARED, 'corpus/site');
const skip = sharedSkip('corpus/site');

let consumer;
let scratch;

before(() => {
  consumer = createConsumer();
  scratch = mkdtempSync(join(tmpdir(), 'postview-check-'));
});

after(() => {
  consumer?.remove();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Runs the installed `postview` command; resolves to { code, stdout, stderr, ms }. */
function postview(args) {
  const bin = join(consumer.dir, 'node_modules/.bin/postview');
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(bin, args, { cwd: consumer.dir, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** A writable copy of the shared site. */
function copySite(name) {
  const dir = join(scratch, name);
  cpSync(SITE, dir, { recursive: true });
  return dir;
}

/** Rewrites one file of a copied site with `change(text)`. */
function edit(dir, path, change) {
  const file = join(dir, path);
  chmodSync(file, 0o644);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  assert.notEqual(after, before, `the fault should change ${path}`);
  writeFileSync(file, after);
  return after;
}

/** 1-based number of the first line of `text` that `predicate` accepts. */
function lineOf(text, predicate) {
  return text.split('\n').findIndex(predicate) + 1;
}

// `path:line:column: severity: message [code]`; the message is for people, so tests compare the rest.
const LINE = /^(.+?:\d+:\d+): (error|warning): (.+) \[([a-z-]+\/[a-z0-9-]+)\]$/;

/** A line of `postview check` without its message: `path:line:column severity [code]`. */
function withoutMessage(line) {
  const [, place, severity, , code] = line.match(LINE) ?? [];
  return place ? `${place} ${severity} [${code}]` : `not a problem line: ${line}`;
}

const EMPTIED = '_i18n/en/_posts/2019-02-06-shanghai-lesswrong-meetup.md';
const WRONG_LANG = '_i18n/en/_posts/2019-07-05-maskbook-taipei-meetup.md';
const NO_TITLE = '_i18n/ja/_posts/2020-09-07-mask-network.md';
const BAD_SELECT = '_i18n/en/_posts/2019-07-16-radicalxchange-in-taipei.md';
const BROKEN_YAML = '_i18n/en/_posts/2019-07-20-dorahacks-geek-conference.md';

test('postview check should print one exact line per fault put into the shared site, and exit 1', { skip }, async () => {
  const clean = await postview(['check', SITE]);
  const dir = copySite('faulty');
  edit(dir, EMPTIED, () => '');
  edit(dir, WRONG_LANG, (t) => t.replace(/^lang: en$/m, 'lang: ko'));
  const noTitle = edit(dir, NO_TITLE, (t) => t.replace(/^title: .*\n/m, ''));
  const badSelect = edit(dir, BAD_SELECT, (t) => t.replace(/^type: .*$/m, 'type: Meetup'));
  const broken = edit(dir, BROKEN_YAML, (t) => t.replace(/^title: .*$/m, 'title: [DoraHacks'));

  const { code, stdout, stderr } = await postview(['check', dir]);
  assert.equal(stderr, '');
  assert.equal(code, 1, 'errors should make the exit status 1');
  const lines = stdout.trimEnd().split('\n');
  const summary = lines.pop();
  const closing = lineOf(noTitle, (l, i) => i > 0 && l === '---');
  // In the order of their paths.
  const expected = [
    `${EMPTIED}:1:1 error [post/empty-file]`,
    `${WRONG_LANG}:3:7 error [post/lang-mismatch]`,
    `${BAD_SELECT}:${lineOf(badSelect, (l) => l.startsWith('type:'))}:7 error [template/not-a-choice]`,
    `${BROKEN_YAML}:${lineOf(broken, (l) => l.startsWith('title:'))}:8 error [yaml/unclosed-flow]`,
    `${NO_TITLE}:${closing}:1 error [template/required-field]`,
  ];
  const before = new Set(clean.stdout.trimEnd().split('\n').slice(0, -1));
  const added = lines.filter((l) => !before.has(l));
  assert.deepEqual(added.map(withoutMessage), expected, 'the faults, and nothing else, should add these lines');
  assert.equal(
    added.at(-1),
    `${NO_TITLE}:${closing}:1: error: required field \`title\` (Title) is missing: add \`title: …\` to the front matter (template ja-post) [template/required-field]`,
    'a line should name the field, what to add and the template, then the code',
  );
  const faulted = [EMPTIED, WRONG_LANG, NO_TITLE, BAD_SELECT, BROKEN_YAML];
  const kept = [...before].filter((l) => !faulted.some((f) => l.startsWith(`${f}:`)));
  assert.deepEqual(lines.filter((l) => before.has(l)), kept, 'every other problem should still be listed');
  assert.match(summary, /^postview check: \d+ posts checked, \d+ errors, \d+ warnings in \d+ files$/);
});

const SHIFT_JIS = '_i18n/en/_posts/2019-05-31-publishing-free-software-movement-and-new-forms-of-labor.md';

test('postview check should report what stops the build in the file at fault: an include, a language without strings, a post not in UTF-8', { skip }, async () => {
  const clean = await postview(['check', SITE]);
  const dir = copySite('build-faults');
  edit(dir, '_includes/related-posts.html', (t) => `{% include nowhere.html %}\n${t}`);
  const config = edit(dir, '_config.yml', (t) => t.replace(/^languages: \[(.*)\]$/m, 'languages: [$1, "fr"]'));
  // "あ" in Shift_JIS, two bytes that are not UTF-8, at the end of the post's last line.
  const post = join(dir, SHIFT_JIS);
  chmodSync(post, 0o644);
  const text = readFileSync(post, 'utf8').replace(/\n*$/, '');
  writeFileSync(post, Buffer.concat([Buffer.from(`${text} `), Buffer.from([0x82, 0xa0]), Buffer.from('\n')]));

  const { code, stdout } = await postview(['check', dir]);
  assert.equal(code, 1);
  const languages = lineOf(config, (l) => l.startsWith('languages:'));
  const lastLine = text.split('\n');
  const expected = [
    `_config.yml:${languages}:${config.split('\n')[languages - 1].indexOf('fr') + 1} error [site/missing-strings]`,
    `${SHIFT_JIS}:${lastLine.length}:${[...lastLine.at(-1)].length + 2} error [file/not-utf8]`,
    '_includes/related-posts.html:1:1 error [liquid/missing-include]',
  ];
  const before = new Set(clean.stdout.trimEnd().split('\n').slice(0, -1));
  const added = stdout.trimEnd().split('\n').slice(0, -1).filter((l) => !before.has(l));
  assert.deepEqual(
    added.map(withoutMessage),
    expected,
    'each fault should be one line in its own file, the include once for all the posts through it',
  );
});

test('postview check on the unmodified shared site should list its real problems', { skip }, async () => {
  const { code, stdout } = await postview(['check', SITE]);
  const lines = stdout.trimEnd().split('\n');
  for (const line of lines.slice(0, -1)) {
    assert.match(line, LINE, 'each problem should be path:line:column: severity: message [code]');
    assert.match(line, /^_i18n\/[^:]+\.md:/, 'the shared site\'s problems should all be in its posts');
  }
  const wrongLang = lines.filter((l) => l.endsWith(' [post/lang-mismatch]'));
  assert.ok(wrongLang.length > 0, 'the shared site has posts whose lang is not their folder');
  assert.equal(code, 1, 'those are errors');
});

test('postview check should exit 0 on a clean site and 2 on a folder that is not a site', async () => {
  const site = join(scratch, 'clean');
  mkdirSync(join(site, '_posts'), { recursive: true });
  writeFileSync(join(site, '_config.yml'), 'title: x\n');
  writeFileSync(join(site, '_posts/2021-01-01-hello.md'), '---\ntitle: Hello\n---\nHi.\n');
  const ok = await postview(['check', site]);
  assert.equal(ok.code, 0, ok.stdout);
  assert.equal(ok.stdout, 'postview check: 1 post checked, 0 errors, 0 warnings in 0 files\n');

  const notSite = join(scratch, 'not-a-site');
  mkdirSync(notSite);
  const refused = await postview(['check', notSite]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /is not a Jekyll site folder/);
  assert.equal((await postview(['check', join(scratch, 'missing')])).code, 2, 'a missing folder is not a site');
  assert.equal((await postview(['lint'])).code, 2, 'an unknown command should exit 2');
});

test('postview check should check a site of thousands of posts in seconds', { skip }, async () => {
  const dir = copySite('big');
  // Twelve copies of every post, in subfolders of its language's posts: some 3,000 posts.
  const sources = join(SITE, '_i18n');
  for (const lang of ['en', 'ja', 'ko', 'zh-Hans']) {
    const from = join(sources, lang, '_posts');
    if (!existsSync(from)) continue;
    for (let copy = 0; copy < 12; copy++) {
      const to = join(dir, `_i18n/${lang}/_posts/copy${copy}`);
      cpSync(from, to, { recursive: true });
    }
  }
  const { code, stdout, ms } = await postview(['check', dir]);
  const summary = stdout.trimEnd().split('\n').pop();
  const count = Number(/(\d+) posts checked/.exec(summary)?.[1]);
  assert.ok(count > 3000, `the copy should have thousands of posts: ${summary}`);
  assert.equal(code, 1);
  console.log(`postview check: ${count} posts in ${Math.round(ms)} ms`);
  assert.ok(ms < 20_000, `${count} posts should take seconds, took ${Math.round(ms)} ms`);
});
