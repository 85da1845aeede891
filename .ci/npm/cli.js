#!/usr/bin/env node
// `postview build DIR [-d OUT]` (cli/build.js) writes the site's `_site` as `jekyll build` would.
//
// `postview check [DIR]`: checks every post of a Jekyll site folder (DIR, default the current
// one) and prints one line per problem, `path:line:column: severity: message [code]` (path
// relative to DIR; the codes are in docs/diagnostics.md), then a summary. A file that cannot be
// read is a problem at line 0, column 0. Paths and messages are printed with control characters escaped (cli/escape.js), so each problem is one
// line. Exit status: 0 when no problem is an error, 1 when one is, 2 when the command could not
// run (DIR is not a site folder, the command is not understood, or the check itself failed).
//
// This file only reads the folder (cli/folder.js): as text the files the module says it needs,
// every other file by name only (for the image check). What is checked, and how, is the module's
// `checkSite` (check.js: one post at a time, so that a post the module fails on is one error).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { byCodePoint } from './check.js';
import { printable, printablePath } from './cli/escape.js';
import { readSite } from './cli/folder.js';

const USAGE =
  'usage: postview check [DIR]\n  checks the posts of the Jekyll site in DIR (default: the current folder)\n' +
  'usage: postview build DIR [-d OUT]\n  writes the site as jekyll build would, into OUT (default: DIR/_site)';

const ERRORS_FOUND = 1;
const COULD_NOT_RUN = 2;

function isSiteFolder(root) {
  try {
    return statSync(root).isDirectory() && ['_config.yml', '_i18n', '_posts'].some((name) => existsSync(join(root, name)));
  } catch {
    return false;
  }
}

async function check(root) {
  if (!isSiteFolder(root)) {
    console.error(`postview check: ${printablePath(root)} is not a Jekyll site folder (it has no _config.yml, _i18n or _posts)`);
    return COULD_NOT_RUN;
  }
  // Loaded here, not imported above: a module that fails to load is then a failure of the
  // command (exit 2), said in one line.
  const { checkSite, ready } = await import('./node.js');
  // Not one of the package's exports: the site module's function, usable once node.js has
  // instantiated that module (which `ready` does).
  await ready();
  const { checkReadsText } = await import('./site/postview.js');
  const { files, assets, problems } = readSite(root, checkReadsText);
  const { text, errors } = printed(checkSite(files, assets), problems);
  process.stdout.write(text);
  return errors > 0 ? ERRORS_FOUND : 0;
}

/**
 * The output: `checkSite`'s report and the folder's `problems` (files it could not read, their
 * paths already printable), one line each by path, then the summary; and how many are errors.
 */
function printed(report, problems) {
  const found = report.files.map(({ path, diagnostics }) => ({ path: printablePath(path), diagnostics }));
  for (const { path, code, message } of problems) {
    found.push({ path, diagnostics: [{ severity: 'error', code, message, line: 0, column: 0 }] });
  }
  found.sort((a, b) => byCodePoint(a.path, b.path));
  const lines = [];
  for (const { path, diagnostics } of found) {
    for (const d of diagnostics) lines.push(`${path}:${d.line}:${d.column}: ${d.severity}: ${printable(d.message)} [${d.code}]`);
  }
  const errors = report.errors + problems.length;
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `postview check: ${plural(report.posts, 'post')} checked, ${plural(errors, 'error')}, ` +
      `${plural(report.warnings, 'warning')} in ${plural(found.length, 'file')}`,
  );
  return { text: `${lines.join('\n')}\n`, errors };
}

/** `postview build DIR [-d OUT]`. */
async function buildCommand(args) {
  const [dir, flag, out, ...rest] = args;
  if (dir === undefined || rest.length > 0 || (flag !== undefined && (flag !== '-d' || out === undefined))) {
    console.error(USAGE);
    return COULD_NOT_RUN;
  }
  if (!isSiteFolder(dir)) {
    console.error(`postview build: ${printablePath(dir)} is not a Jekyll site folder (it has no _config.yml, _i18n or _posts)`);
    return COULD_NOT_RUN;
  }
  try {
    const { build } = await import('./cli/build.js');
    return await build(dir, out ?? join(dir, '_site'));
  } catch (error) {
    console.error(`postview build: could not run: ${printable(String(error?.message ?? error))}`);
    return COULD_NOT_RUN;
  }
}

async function main(args) {
  const [command, dir = '.', ...rest] = args;
  if (command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command === 'build') return buildCommand(args.slice(1));
  if (command !== 'check' || rest.length > 0) {
    console.error(USAGE);
    return COULD_NOT_RUN;
  }
  try {
    return await check(dir);
  } catch (error) {
    // A failure of the check itself, not of the site: said in one line, never as 1 ("errors").
    console.error(`postview check: could not run: ${printable(String(error?.message ?? error))}`);
    return COULD_NOT_RUN;
  }
}

// A reader that stops early (`| head`) is no failure of the check.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') process.exitCode = COULD_NOT_RUN;
});
process.exitCode = await main(process.argv.slice(2));
