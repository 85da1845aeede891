// `postview check` on two posts whose file names differ only by Unicode normalisation: one typed
// (composed, NFC), one copied from a Mac (decomposed, NFD). They print alike, so each is printed
// under its own name (the decomposed one with its combining marks escaped), and each is told,
// once, that its URL collides with the other's where names are normalised (jekyll doctor's
// kind of finding, `site/urls-differ-by-normalization`).
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createConsumer } from '../lib/consumer.mjs';

let consumer;
let scratch;

before(() => {
  consumer = createConsumer();
  scratch = mkdtempSync(join(tmpdir(), 'postview-names-'));
});

after(() => {
  consumer?.remove();
  if (scratch) execFileSync('rm', ['-rf', scratch]);
});

function postview(args) {
  const bin = join(consumer.dir, 'node_modules/.bin/postview');
  return new Promise((resolve) => {
    execFile(bin, args, { cwd: consumer.dir, timeout: 60_000, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? error.signal) : 0, stdout, stderr });
    });
  });
}

test('two posts whose names differ only in NFC/NFD form should each be reported once, under its own name', async () => {
  const dir = join(scratch, 'site');
  mkdirSync(join(dir, '_i18n/ja/_posts'), { recursive: true });
  writeFileSync(join(dir, '_config.yml'), 'languages: [en, ja]\n');
  writeFileSync(join(dir, '_i18n/en.yml'), 'a: b\n');
  writeFileSync(join(dir, '_i18n/ja.yml'), 'a: b\n');
  const name = '2021-05-07-ブログ.md';
  // The same text in both, with one warning: the lines differ only by the file's name.
  const body = '---\ntitle: ブログ\n---\n{% foo %}\n';
  writeFileSync(join(dir, '_i18n/ja/_posts', name.normalize('NFC')), body);
  writeFileSync(join(dir, '_i18n/ja/_posts', name.normalize('NFD')), body);

  const { code, stdout, stderr } = await postview(['check', dir]);
  assert.equal(stderr, '', 'nothing should go to stderr');
  assert.equal(code, 0, 'warnings only should exit 0');
  const lines = stdout.trimEnd().split('\n').slice(0, -1);
  assert.equal(new Set(lines).size, lines.length, `no line should be printed twice:\n${stdout}`);
  const composed = '_i18n/ja/_posts/2021-05-07-ブログ.md';
  const decomposed = '_i18n/ja/_posts/2021-05-07-フ\\u{3099}ロク\\u{3099}.md';
  for (const path of [composed, decomposed]) {
    const own = lines.filter((l) => l.startsWith(`${path}:`));
    assert.equal(own.length, 2, `${path} should have its two problems, under its own name:\n${stdout}`);
    assert.equal(own.filter((l) => l.endsWith('[site/urls-differ-by-normalization]')).length, 1, `${path} should be told once of the other:\n${stdout}`);
  }
  assert.match(stdout, /This file's is decomposed, NFD/, 'the decomposed post should be told its name is the decomposed one');
  assert.match(stdout.trimEnd().split('\n').at(-1), /^postview check: 2 posts checked, 0 errors, 4 warnings in 2 files$/, 'the summary should count two files');
});
