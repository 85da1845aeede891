// `postview check` on hostile site folders, run as a consumer's CI runs it (the packed and
// installed package's node_modules/.bin/postview): file names that would write lines of their
// own or terminal escapes, names that are not UTF-8, files and folders it may not read, a folder
// too deep for the system's paths, FIFOs, devices, symbolic link loops and links out of the
// folder, files too big to check. Each is a problem at its path, printed on one line, and the
// rest of the site is still checked; the command never hangs, crashes or prints a stack trace.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createConsumer } from '../lib/consumer.mjs';

let consumer;
let scratch;

before(() => {
  consumer = createConsumer();
  scratch = mkdtempSync(join(tmpdir(), 'postview-folder-'));
  // Another user (see `asOtherUser`) must reach the package and the sites.
  chmodSync(consumer.dir, 0o755);
  chmodSync(scratch, 0o755);
});

after(() => {
  consumer?.remove();
  // `rm` removes a tree deeper than the system's longest path, which Node's rmSync cannot.
  if (scratch) execFileSync('rm', ['-rf', scratch]);
});

/**
 * Runs the installed `postview` command; resolves to { code, stdout, stderr }. A run that takes
 * over a minute is killed, and its code is then the signal's name: a hang fails the test.
 */
function postview(args, options = {}) {
  const bin = join(consumer.dir, 'node_modules/.bin/postview');
  return new Promise((resolve) => {
    execFile(bin, args, { cwd: consumer.dir, maxBuffer: 64 << 20, timeout: 60_000, killSignal: 'SIGKILL', ...options }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? error.signal) : 0, stdout, stderr });
    });
  });
}

const OK_POST = '---\ntitle: Fine\n---\nHello.\n';
// Its front matter is never closed: one error, at 1:1.
const UNCLOSED = '---\ntitle: Broken\n';

/** A site with `_config.yml` and one clean post, `_posts/2021-01-01-ok.md`. */
function site(name) {
  const dir = join(scratch, name);
  mkdirSync(join(dir, '_posts'), { recursive: true });
  writeFileSync(join(dir, '_config.yml'), 'title: x\n');
  writeFileSync(join(dir, '_posts/2021-01-01-ok.md'), OK_POST);
  return dir;
}

/** The output's problem lines (without the summary) and its summary. */
function parsed(stdout) {
  const lines = stdout.trimEnd().split('\n');
  return { problems: lines.slice(0, -1), summary: lines.at(-1) };
}

test('a file name with a newline, an escape sequence or bytes that are not UTF-8 should be printed escaped, each problem on one line', async () => {
  const dir = site('names');
  // A GitHub Actions command, were the newlines printed as they are.
  writeFileSync(join(dir, '_posts/2021-01-02-a\n::error file=README.md,line=1::x\n.md'), UNCLOSED);
  writeFileSync(join(dir, '_posts/2021-01-03-\u001b[31mred\u0007.md'), UNCLOSED);
  // A right-to-left override, which would show the rest of the line reversed.
  writeFileSync(join(dir, '_posts/2021-01-06-\u202egpj.md'), UNCLOSED);
  const notUtf8 = Buffer.concat([Buffer.from(`${dir}/_posts/2021-01-04-`), Buffer.from([0x82, 0xa0]), Buffer.from('.md')]);
  writeFileSync(notUtf8, UNCLOSED);
  // A message that quotes the file's content: `lang:` with an escape sequence in it.
  mkdirSync(join(dir, '_i18n/en/_posts'), { recursive: true });
  writeFileSync(join(dir, '_i18n/en/_posts/2021-01-05-lang.md'), '---\ntitle: L\nlang: "ko\\e[2J"\n---\nHi.\n');

  const { code, stdout, stderr } = await postview(['check', dir]);
  assert.equal(stderr, '', 'nothing should go to stderr');
  assert.equal(code, 1, 'the broken posts should make the exit status 1');
  assert.doesNotMatch(stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/, 'no control character but the line ends should be printed');
  const { problems, summary } = parsed(stdout);
  for (const line of problems) assert.match(line, /^_(posts|i18n)\/.*:\d+:\d+: (error|warning): /, `each line should be one problem: ${line}`);
  const unclosed = "error: the front matter opened by `---` on line 1 is never closed: add a line `---` after its last key (until then Jekyll reads the whole file as text) [front-matter/unclosed]";
  assert.ok(problems.includes(`_posts/2021-01-02-a\\x0a::error file=README.md,line=1::x\\x0a.md:1:1: ${unclosed}`), `the newlines should be \\x0a:\n${stdout}`);
  assert.ok(problems.includes(`_posts/2021-01-03-\\x1b[31mred\\x07.md:1:1: ${unclosed}`), `the escape and bell should be \\x1b, \\x07:\n${stdout}`);
  assert.ok(problems.includes(`_posts/2021-01-06-\\u{202e}gpj.md:1:1: ${unclosed}`), `the override should be \\u{202e}:\n${stdout}`);
  assert.ok(
    problems.includes('_posts/2021-01-04-\\x82\\xa0.md:0:0: error: cannot read the file name: it is not UTF-8; rename the file [file/unreadable]'),
    `a name that is not UTF-8 should be a problem at its bytes:\n${stdout}`,
  );
  const lang = problems.find((l) => l.startsWith('_i18n/en/_posts/2021-01-05-lang.md:'));
  assert.ok(lang?.includes('ko\\x1b[2J'), `the message should quote the escape as \\x1b: ${lang}`);
  assert.match(summary, /^postview check: 5 posts checked, \d+ errors, \d+ warnings in 5 files$/, 'every post with a UTF-8 name should be checked');
});

/** The options that run the command as the user "nobody" when the tests run as root, whom no permission stops. */
const asOtherUser = () => (process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {});

test('a file or folder the check may not read should be a problem at its path, and the rest should be checked', async () => {
  const dir = site('unreadable');
  writeFileSync(join(dir, '_posts/2021-01-02-secret.md'), OK_POST);
  chmodSync(join(dir, '_posts/2021-01-02-secret.md'), 0o000);
  mkdirSync(join(dir, '_posts/locked'));
  writeFileSync(join(dir, '_posts/locked/2021-01-03-inside.md'), UNCLOSED);
  chmodSync(join(dir, '_posts/locked'), 0o000);

  const { code, stdout, stderr } = await postview(['check', dir], asOtherUser());
  assert.equal(stderr, '', 'nothing should go to stderr (no stack trace)');
  assert.equal(code, 1, 'an unreadable file is an error');
  const { problems, summary } = parsed(stdout);
  assert.deepEqual(problems, [
    '_posts/2021-01-02-secret.md:0:0: error: cannot read the file: permission denied (EACCES); let the user who runs the check read it, or move it out of the site folder [file/unreadable]',
    '_posts/locked/:0:0: error: cannot read the folder: permission denied (EACCES); let the user who runs the check read it, or move it out of the site folder; the files in it were not checked [file/unreadable]',
  ]);
  assert.equal(summary, 'postview check: 1 post checked, 2 errors, 0 warnings in 2 files', 'the readable post should be checked');
});

test('a folder 10,000 deep should be one problem at the first folder the system cannot reach, and the rest should be checked', async () => {
  const dir = site('deep');
  // Made one level at a time from inside: no path this long can be given to the system whole.
  const home = process.cwd();
  try {
    process.chdir(dir);
    for (let i = 0; i < 10_000; i += 1) {
      mkdirSync('d');
      process.chdir('d');
    }
    writeFileSync('2021-01-02-bottom.md', UNCLOSED);
  } finally {
    process.chdir(home);
  }
  const { code, stdout, stderr } = await postview(['check', dir]);
  assert.equal(stderr, '', 'nothing should go to stderr (no stack trace)');
  assert.equal(code, 1);
  const { problems, summary } = parsed(stdout);
  assert.equal(problems.length, 1, `one problem should be printed: ${problems.map((l) => l.slice(-200)).join('\n')}`);
  assert.match(problems[0], /^(d\/)+:0:0: error: cannot read the folder: its path is longer than the system allows \(ENAMETOOLONG\); move it nearer the site root or shorten the folder names; the files in it were not checked \[file\/unreadable\]$/);
  assert.equal(summary, 'postview check: 1 post checked, 1 error, 0 warnings in 1 file');
});

test('FIFOs, devices, symbolic link loops and links out of the folder should be passed by, without waiting or reading outside', async () => {
  const dir = site('special');
  execFileSync('mkfifo', [join(dir, '_posts/2021-01-02-fifo.md')]);
  if (process.getuid?.() === 0) execFileSync('mknod', [join(dir, '_posts/2021-01-03-device.md'), 'c', '1', '3']);
  symlinkSync('.', join(dir, '_posts/loop'));
  symlinkSync('b.md', join(dir, '_posts/2021-01-04-a.md'));
  symlinkSync('2021-01-04-a.md', join(dir, '_posts/b.md'));
  const outside = join(scratch, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, '2021-01-05-outside.md'), UNCLOSED);
  symlinkSync(outside, join(dir, '_posts/out'));
  symlinkSync(join(outside, '2021-01-05-outside.md'), join(dir, '_posts/2021-01-06-linked.md'));

  const { code, stdout, stderr } = await postview(['check', dir]);
  assert.equal(stderr, '');
  assert.equal(code, 0, `only the clean post should be read:\n${stdout}`);
  assert.equal(stdout, 'postview check: 1 post checked, 0 errors, 0 warnings in 0 files\n');
});

test('a post too big to check should be a problem that gives its size and what to do, and the rest should be checked', async () => {
  const dir = site('big');
  // Over the 64 MB limit (in UTF-16 code units) once read: refused after reading.
  const long = `---\ntitle: Long\n---\n${'Some words of a very long post.\n'.repeat(2_200_000)}`;
  writeFileSync(join(dir, '_posts/2021-01-02-long.md'), long);
  // Over three times the limit in bytes: refused by its size, unread (a sparse file: no disk).
  const huge = openSync(join(dir, '_posts/2021-01-03-huge.md'), 'w');
  ftruncateSync(huge, 300 << 20);
  closeSync(huge);
  writeFileSync(join(dir, '_posts/2021-01-04-broken.md'), UNCLOSED);

  const { code, stdout, stderr } = await postview(['check', dir]);
  assert.equal(stderr, '');
  assert.equal(code, 1);
  const { problems, summary } = parsed(stdout);
  const advice = 'postview checks in one file (its rendering would not fit in the module\'s memory): split it into smaller files';
  assert.deepEqual(problems, [
    `_posts/2021-01-02-long.md:0:0: error: the file is ${(long.length / 2 ** 20).toFixed(1)} MB, more than the 64 MB ${advice} [file/too-big]`,
    `_posts/2021-01-03-huge.md:0:0: error: the file is 300.0 MB, more than the 64 MB ${advice} [file/too-big]`,
    "_posts/2021-01-04-broken.md:1:1: error: the front matter opened by `---` on line 1 is never closed: add a line `---` after its last key (until then Jekyll reads the whole file as text) [front-matter/unclosed]",
  ]);
  assert.equal(summary, 'postview check: 2 posts checked, 3 errors, 0 warnings in 3 files', 'the other posts should be checked');
});

test('postview check should exit 2, with one line on stderr, when the folder cannot be checked at all', async () => {
  const refused = await postview(['check', join(scratch, 'no\nsuch\u001b[2Jfolder')]);
  assert.equal(refused.code, 2);
  assert.equal(refused.stdout, '');
  assert.match(refused.stderr, /^postview check: .*no\\x0asuch\\x1b\[2Jfolder is not a Jekyll site folder \(it has no _config.yml, _i18n or _posts\)\n$/, 'the path should be escaped');
  const usage = await postview(['check', 'a', 'b']);
  assert.equal(usage.code, 2, 'a command not understood should exit 2');
});
