// `postview build DIR [-d OUT]`, the package's command, run from the packed and installed package
// (node_modules/.bin/postview): on a copy of ../shared/corpus/site and on the repository's own
// fixture site, each compared file by file with the `_site` the real Jekyll wrote
// (../shared/tools/site_fidelity.py: HTML as documents, XML element by element, the rest byte for
// byte, extras counted); on a site with a filter postview does not know and one with a Liquid
// error that stops Jekyll; into a folder where one file cannot be written; and on a folder that
// is not a site.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SHARED, sharedSkip } from '../lib/shared.mjs';
import { createConsumer, ROOT } from '../lib/consumer.mjs';

const SITE = join(SHARED, 'corpus/site');
const FIXTURE = join(ROOT, 'tests/fixtures/build_site');
const TIME = '2026-01-01 00:00:00 +0000';
const skip = sharedSkip('corpus/site');

let consumer;
let scratch;

before(() => {
  consumer = createConsumer();
  scratch = mkdtempSync(join(tmpdir(), 'postview-build-'));
});

after(() => {
  consumer?.remove();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Runs a command; resolves to { code, stdout, stderr }. */
function run(file, args, env = {}) {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: scratch, maxBuffer: 64 << 20, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

const postview = (args) => run(join(consumer.dir, 'node_modules/.bin/postview'), args);

/** site_fidelity.py's verdict on `actual` against `expected`: { ok, last, report }. */
async function fidelity(expected, actual) {
  const { code, stdout, stderr } = await run('python3', [join(SHARED, 'tools/site_fidelity.py'), expected, actual, '--list', '20']);
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return { ok: code === 0, last, report: stdout + stderr };
}

test('postview build of the shared site should write every file Jekyll writes, equal, and nothing more', { skip }, async () => {
  const dir = join(scratch, 'site');
  cpSync(SITE, dir, { recursive: true });
  // site.time is pinned the way Jekyll's `time:` is, so the feeds compare file by file.
  writeFileSync(join(dir, '_config.yml'), `${readFileSync(join(SITE, '_config.yml'), 'utf8')}\ntime: "${TIME}"\n`);
  // The oracle builds the same copy: the sitemap dates static files by their modification times.
  const oracle = join(scratch, 'oracle');
  const built = await run('bash', [join(SHARED, 'tools/build_site.sh'), dir, oracle], { SITE_TIME: TIME });
  assert.equal(built.code, 0, `the oracle (Jekyll) should build the site: ${built.stderr}`);
  const out = join(scratch, 'out');
  const result = await postview(['build', dir, '-d', out]);
  assert.equal(result.code, 0, `postview build should succeed on the shared site:\n${result.stdout}${result.stderr}`);
  assert.match(result.stdout, /postview build: \d+ files written to .*, 0 errors/, 'the summary should say how many files were written');
  const { ok, last, report } = await fidelity(join(oracle, '_site'), out);
  console.log(report);
  assert.ok(ok, `every file should equal Jekyll's, with no extra: ${last}`);
});

test('postview build of the fixture site should write its _site, by default in DIR/_site', { skip: sharedSkip('tools/site_fidelity.py') }, async () => {
  const dir = join(scratch, 'fixture');
  cpSync(join(FIXTURE, 'site'), dir, { recursive: true });
  writeFileSync(join(dir, '_config.yml'), `${readFileSync(join(dir, '_config.yml'), 'utf8')}time: "${TIME}"\n`);
  const result = await postview(['build', dir]);
  assert.equal(result.code, 0, `postview build should succeed on the fixture site:\n${result.stdout}${result.stderr}`);
  const { ok, last, report } = await fidelity(join(FIXTURE, '_site'), join(dir, '_site'));
  console.log(report);
  assert.ok(ok, `every file should equal Jekyll's, with no extra: ${last}`);
});

test('postview build should name what it cannot do and where, list the files it wrote inexactly, and exit 1 when Jekyll would stop', async () => {
  const dir = join(scratch, 'faulty');
  cpSync(join(FIXTURE, 'site'), dir, { recursive: true });
  writeFileSync(join(dir, 'contact.md'), '---\nlayout: default\n---\nHi {{ "x" | no_such_filter }} and {% fancy_plugin_tag %}\n');
  const inexact = await postview(['build', dir, '-d', join(scratch, 'faulty-out')]);
  assert.match(inexact.stdout, /^contact\.md:4:\d+: warning: .*\[liquid\/unknown-tag\]$/m, 'the unknown tag should be named at its line and column');
  assert.match(inexact.stdout, /differ from what Jekyll writes[^\n]*\n(?: {2}\S+\n)*? {2}contact\.html\n/, 'contact.html should be listed as not written exactly');
  writeFileSync(join(dir, 'about.md'), '---\nlayout: default\n---\n{% if x %}never closed\n');
  const stopped = await postview(['build', dir, '-d', join(scratch, 'faulty-out')]);
  assert.equal(stopped.code, 1, `a Liquid error Jekyll stops on should exit 1:\n${stopped.stdout}`);
  assert.match(stopped.stdout, /^about\.md:4:\d+: error: .*\[liquid\/unclosed-block\]$/m, 'the error should be at its line and column');
  assert.match(stopped.stdout, /Jekyll would stop this build/, 'the summary should say Jekyll would stop');
});

test('postview build should write every other file when one cannot be written, name it and exit 1', async () => {
  const dir = join(scratch, 'blocked');
  cpSync(join(FIXTURE, 'site'), dir, { recursive: true });
  const out = join(scratch, 'blocked-out');
  // A folder where the build writes contact.html: that one write fails, the others go on.
  mkdirSync(join(out, 'contact.html'), { recursive: true });
  const result = await postview(['build', dir, '-d', out]);
  assert.equal(result.code, 1, `a file that could not be written should exit 1:\n${result.stdout}${result.stderr}`);
  assert.match(result.stdout, /^contact\.html:0:0: error: cannot write contact\.html: .*\[file\/unwritable\]$/m, 'the file should be named with why');
  const expected = readdirSync(join(FIXTURE, '_site'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  assert.match(result.stdout, new RegExp(`postview build: ${expected - 1} files written`), 'every other file should be written');
  assert.ok(existsSync(join(out, 'index.html')), 'the home page should be written');
});

test('postview build of a folder that is not a site should say so and exit 2, writing nothing', async () => {
  const dir = mkdtempSync(join(scratch, 'empty-'));
  const result = await postview(['build', dir]);
  assert.equal(result.code, 2, 'a folder that is not a site should exit 2');
  assert.match(result.stderr, /is not a Jekyll site folder/, 'it should say why');
  assert.ok(!existsSync(join(dir, '_site')), 'nothing should be written');
});
