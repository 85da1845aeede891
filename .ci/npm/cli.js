#!/usr/bin/env node
// `postview check [DIR]`: checks every post of a Jekyll site folder (DIR, default the current
// one) and prints one line per problem, `path:line:column: severity: message [code]` (path
// relative to DIR), then a summary. Exit status: 1 if any problem is an error, 0 otherwise, 2 when DIR is not a
// site folder or the command is not understood.
//
// This file only reads the folder: as text the files the module says it needs (the posts,
// `_config.yml`, `.forestry/`, layouts, includes, data, strings), every other file by name only
// (for the image check). What is checked, and how, is the module's `checkSite`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkSite } from './node.js';
// Not one of the package's exports: the glue's function, usable once node.js has loaded it.
import { checkReadsText } from './postview.js';

const USAGE = 'usage: postview check [DIR]\n  checks the posts of the Jekyll site in DIR (default: the current folder)';

/** Folders never part of the site's sources. */
const SKIPPED = new Set(['.git', 'node_modules', '_site', '.jekyll-cache', '.sass-cache', 'vendor', '.bundle']);

/** Every file under `root`, as `/`-separated paths relative to it. */
function listFiles(root) {
  const out = [];
  const walk = (dir, prefix) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      } else if (entry.isFile()) {
        out.push(`${prefix}${entry.name}`);
      }
    }
  };
  walk(root, '');
  return out;
}

function isSite(root) {
  return ['_config.yml', '_i18n', '_posts'].some((name) => existsSync(join(root, name)));
}

function check(root) {
  if (!existsSync(root) || !statSync(root).isDirectory() || !isSite(root)) {
    console.error(`postview check: ${root} is not a Jekyll site folder (it has no _config.yml, _i18n or _posts)`);
    return 2;
  }
  const files = [];
  const assets = [];
  for (const path of listFiles(root)) {
    if (checkReadsText(path)) files.push({ path, text: readFileSync(join(root, path), 'utf8') });
    else assets.push(path);
  }
  const report = checkSite(files, assets);
  const lines = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      lines.push(`${file.path}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`);
    }
  }
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `postview check: ${plural(report.posts, 'post')} checked, ${plural(report.errors, 'error')}, ` +
      `${plural(report.warnings, 'warning')} in ${plural(report.files.length, 'file')}`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return report.errors > 0 ? 1 : 0;
}

function main(args) {
  const [command, dir = '.', ...rest] = args;
  if (command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command !== 'check' || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  return check(dir);
}

process.exitCode = main(process.argv.slice(2));
