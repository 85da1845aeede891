// The site folder as `postview check` reads it: every file under the root, by name, never
// following a symbolic link (so never outside the folder, and never round a loop), and as text
// only the files the module says it needs (posts, `_config.yml`, layouts, includes, …). Anything
// in the way (a name that is not UTF-8, a file or folder it may not read, a path too long for
// the system, a file too big to check) is a problem at that path, and the rest is still read.
//
// Paths are handled as bytes (Buffers) until they are known to be UTF-8: a name that is not
// would otherwise be decoded with replacement characters into a path that names no file.

import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { MAX_FILE_LENGTH, MAX_SITE_LENGTH, TOO_MUCH, tooBig } from '../check.js';
import { printableBytes, printablePath, utf8Name } from './escape.js';

/** Folders never part of the site's sources. */
const SKIPPED = new Set(['.git', 'node_modules', '_site', '.jekyll-cache', '.sass-cache', 'vendor', '.bundle']);

// A file is opened without following a link and without waiting: one replaced, after it was
// listed, by a link or by a FIFO (whose open would wait for a writer) is refused, not followed.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

// checkSite's limit is in UTF-16 code units, which a UTF-8 file has at least a third as many of as
// bytes: one over three times the limit is over it whatever its text, and is refused unread; one
// under is read, and refused here if its text is over (as checkSite would, but as a file problem).
const MAX_FILE_BYTES = 3 * MAX_FILE_LENGTH;

const SLASH = Buffer.from('/');

/**
 * Reads the site under `root`: `{ files, assets, problems }`, `files` the `{ path, text }` of the
 * text files `readsText(path)` asks for, `assets` the paths of the others, `problems` the
 * `{ path, message }` of what could not be read (`path` already printable).
 */
export function readSite(root, readsText) {
  const site = { files: [], assets: [], problems: [], length: 0 };
  const rootBytes = Buffer.from(root);
  // Folders still to read, as paths relative to the root; a stack, not recursion: a folder may
  // be thousands deep.
  const folders = [Buffer.alloc(0)];
  while (folders.length > 0) {
    const folder = folders.pop();
    for (const entry of list(rootBytes, folder, site)) {
      const relative = folder.length === 0 ? entry.name : Buffer.concat([folder, SLASH, entry.name]);
      const name = utf8Name(entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(name)) folders.push(relative);
      } else if (entry.isFile()) {
        addFile(site, rootBytes, relative, readsText);
      }
    }
  }
  return site;
}

/** The entries of `folder`, sorted by name, or none (with a problem) when it cannot be read. */
function list(rootBytes, folder, site) {
  try {
    const entries = readdirSync(join(rootBytes, folder), { withFileTypes: true, encoding: 'buffer' });
    return entries.sort((a, b) => Buffer.compare(a.name, b.name));
  } catch (error) {
    const at = folder.length === 0 ? './' : `${printableBytes(folder)}/`;
    site.problems.push({ path: at, code: 'file/unreadable', message: `cannot read the folder: ${reason(error)}; the files in it were not checked` });
    return [];
  }
}

function addFile(site, rootBytes, relative, readsText) {
  const path = utf8Name(relative);
  if (path === undefined) {
    // Its name cannot be written in a post, a layout or the module's paths: only a file the
    // check would read is worth a word.
    if (readsText(relative.toString('utf8'))) {
      site.problems.push({ path: printableBytes(relative), code: 'file/unreadable', message: 'cannot read the file name: it is not UTF-8; rename the file' });
    }
    return;
  }
  if (!readsText(path)) {
    site.assets.push(path);
    return;
  }
  const problem = (message, code = 'file/unreadable') => site.problems.push({ path: printablePath(path), code, message });
  const text = readText(join(rootBytes, relative), problem);
  if (text === undefined) return;
  // What checkSite would refuse is not kept: the folder's text in memory stays within its limit.
  if (site.length + text.length > MAX_SITE_LENGTH) {
    problem(TOO_MUCH, 'preview/not-checked');
    return;
  }
  site.length += text.length;
  site.files.push({ path, text });
}

/** The text of the file at `full`, or undefined after `problem(message)`. */
function readText(full, problem) {
  let fd;
  try {
    fd = openSync(full, OPEN_FLAGS);
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      problem('cannot read the file: it is no longer a regular file (it was replaced while the folder was read); run the check again');
      return undefined;
    }
    if (stat.size > MAX_FILE_BYTES) {
      problem(tooBig(stat.size), 'file/too-big');
      return undefined;
    }
    const text = readFileSync(fd, 'utf8');
    if (text.length > MAX_FILE_LENGTH) {
      problem(tooBig(stat.size), 'file/too-big');
      return undefined;
    }
    return text;
  } catch (error) {
    problem(`cannot read the file: ${reason(error)}`);
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function join(rootBytes, relative) {
  return relative.length === 0 ? rootBytes : Buffer.concat([rootBytes, SLASH, relative]);
}

/** Why a file or folder could not be read, and what to do, from the system's error. */
function reason(error) {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${error.code}); let the user who runs the check read it, or move it out of the site folder`;
    case 'ENAMETOOLONG':
      return 'its path is longer than the system allows (ENAMETOOLONG); move it nearer the site root or shorten the folder names';
    case 'ENOENT':
    case 'ENOTDIR':
      return `it is gone (${error.code}: removed or renamed while the folder was read); run the check again`;
    case 'ELOOP':
      return 'it is now a symbolic link (ELOOP: replaced while the folder was read), and the check follows no links; run the check again';
    default:
      return `${error.code ?? error.name} (${error.message}); fix what the system says and run the check again`;
  }
}
