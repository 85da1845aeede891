// `postview build DIR [-d OUT]`: writes the `_site` folder `jekyll build` would write for the
// site in DIR (OUT, default DIR/_site): the module's `Site.build` renders every page, and this
// file reads the folder (cli/folder.js, as `postview check` does, plus the pages, which are the
// files whose first line opens front matter), writes the rendered files and copies the static
// ones byte for byte, several at once. Problems are printed as `postview check` prints them;
// then the files the build could not write exactly as Jekyll does, and a summary.
import { closeSync, lstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { byCodePoint } from '../check.js';
import { printable, printablePath } from './escape.js';
import { readSite } from './folder.js';

/** How long a build runs before it says how far it is, in milliseconds. */
const PROGRESS_AFTER = 1000;

/**
 * How many files are written at once: their writes overlap on libuv's threads instead of each
 * waiting for the disk in turn (on a busy disk, 0.1–1.3 s for the shared site's 307 files one by
 * one against 0.09–0.3 s so).
 */
const WRITES_AT_ONCE = 16;

/** Runs `tasks` (functions that give promises), at most `width` at a time. */
async function inParallel(tasks, width) {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, lane));
}

/** Jekyll's `Utils.has_yaml_header?`: the file's first line is `---` and white space. */
function opensFrontMatter(full) {
  let fd;
  try {
    fd = openSync(full, 'r');
    const head = Buffer.alloc(256);
    const n = readSync(fd, head, 0, head.length, 0);
    const first = head.subarray(0, n).toString('latin1').split('\n')[0];
    return n > first.length && /^---[ \t\r\f\v]*$/.test(first);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Each path's modification time in seconds (jekyll-sitemap dates static files by it). */
function modifiedTimes(root, paths) {
  const times = {};
  for (const path of paths) {
    try {
      times[path] = Math.floor(lstatSync(join(root, path)).mtimeMs / 1000);
    } catch {
      // A file gone since it was read keeps no date: the build dates it by its own time.
    }
  }
  return times;
}

/** A path under `root` that stays under it, or undefined. */
function inside(root, path) {
  const full = resolve(root, path);
  const rel = relative(resolve(root), full);
  return rel === '' || rel.startsWith('..') || rel.startsWith(sep) ? undefined : full;
}

/** Says how far the build is on stderr, once it has run a while; returns the function to call. */
function progress() {
  const start = Date.now();
  let shown = false;
  return (done, total, last = false) => {
    if (Date.now() - start < PROGRESS_AFTER && !shown) return;
    if (!shown && last) return;
    shown = true;
    const line = `postview build: ${done}/${total} files written`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}${last ? '\n' : ''}` : last || done % 100 === 0 ? `${line}\n` : '');
  };
}

/**
 * Builds the site in `root` into `out`; returns the exit status (0, or 1 when Jekyll would stop
 * the build or a file could not be written).
 */
export async function build(root, out) {
  // One build runs most of the module's code a few times only: V8's optimizing tier would spend
  // more time compiling it than the build takes (on the shared site, 0.8 s of CPU against 0.37 s
  // with the baseline compiler alone). Set before the module is compiled, by the import below.
  setFlagsFromString('--liftoff-only');
  const { Site, ready } = await import('../node.js');
  // The site module's own function, usable once node.js has instantiated that module.
  await ready();
  const { checkReadsText } = await import('../site/postview.js');
  const readsText = (path) => checkReadsText(path) || opensFrontMatter(join(root, path));
  const { files, assets, problems } = readSite(root, readsText);
  if (files.length > 200) process.stderr.write(`postview build: rendering the site's ${files.length} text files…\n`);
  const site = new Site(files);
  const result = site.build({ assets, modified: modifiedTimes(root, [...files.map((f) => f.path), ...assets]) });
  const found = result.diagnostics.map((d) => ({ ...d, path: printablePath(d.path) }));
  for (const { path, code, message } of problems) found.push({ path, severity: 'error', code, message, line: 0, column: 0 });
  const tell = progress();
  let written = 0;
  // Each folder made once: most files share theirs with many others.
  const made = new Set();
  const writes = [];
  for (const file of result.files) {
    const to = inside(out, file.path);
    const from = file.copy === undefined ? undefined : inside(root, file.copy);
    if (to === undefined || (file.copy !== undefined && from === undefined)) {
      found.push({ path: printablePath(file.path), severity: 'error', code: 'file/unwritable', message: 'its path leads out of the output folder: not written', line: 0, column: 0 });
      continue;
    }
    const failed = (error) => {
      const what = `cannot write ${printablePath(relative(out, to))}: ${printable(String(error?.message ?? error))}`;
      found.push({ path: printablePath(file.copy ?? file.path), severity: 'error', code: 'file/unwritable', message: what, line: 0, column: 0 });
    };
    try {
      const folder = dirname(to);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
    } catch (error) {
      failed(error);
      continue;
    }
    writes.push(() =>
      (from !== undefined ? copyFile(from, to) : writeFile(to, file.text)).then(() => {
        written += 1;
        tell(written, result.files.length);
      }, failed),
    );
  }
  await inParallel(writes, WRITES_AT_ONCE);
  tell(written, result.files.length, true);
  found.sort((a, b) => byCodePoint(a.path, b.path) || a.line - b.line || a.column - b.column);
  const lines = found.map((d) => `${d.path}:${d.line}:${d.column}: ${d.severity}: ${printable(d.message)} [${d.code}]`);
  if (result.inexact.length > 0) {
    lines.push(`postview build: ${result.inexact.length} file(s) differ from what Jekyll writes, because of what the warnings above name:`);
    for (const path of result.inexact) lines.push(`  ${printablePath(path)}`);
  }
  const errors = found.filter((d) => d.severity === 'error').length;
  const warnings = found.length - errors;
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const stops = result.stopsBuild ? '; Jekyll would stop this build (see the errors above)' : '';
  lines.push(`postview build: ${plural(written, 'file')} written to ${printablePath(out)}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${stops}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return result.stopsBuild || written < result.files.length ? 1 : 0;
}
