// `checkSite(files, assetPaths)`, which every entry exports and `postview check` runs: the
// module's SiteChecker (src/wasm/check.rs) driven one post at a time, so that a post the module
// fails on (a trap: a bug, or a post too big for its memory) is that post's error and the other
// posts are still checked.
//
// A trapped instance is never used again (see render.js): the glue makes a fresh one, a new
// checker reads the site there, and the check goes on with the next post. The results of the
// posts before stay here, in JavaScript, so one such post costs one reading of the site, not a
// new check of everything. A file whose reading traps (before any post is checked) is found by
// halves and left out, with an error at its path.

import { isTrap, renew, takePanicMessage } from './render.js';

/** The largest text file checked, in UTF-16 code units (a JavaScript string's length). */
export const MAX_FILE_LENGTH = 64 << 20;

/**
 * The most text checked in all, the site's files together: the module holds each file twice (and
 * three times while it reads them), beside the rendering of the biggest post (a 64 MB post of
 * plain Markdown: some 2 GB).
 */
export const MAX_SITE_LENGTH = 256 << 20;

/**
 * How many posts may fail before the check stops: each costs a new reading of the whole site (on
 * 3,000 posts, about half a second), and a cause every post shares would otherwise cost that
 * for every post. The posts after are each an error that says they were not checked.
 */
export const MAX_FAILED_POSTS = 32;

const MIB = 1 << 20;

/** Returns `checkSite` for a module's wasm-bindgen glue. */
export function checkSiteWith(glue) {
  return function checkSite(files, assetPaths) {
    const { kept, refused } = withinSize(files);
    const reading = readSite(glue, kept, assetPaths);
    const problems = new SiteFiles();
    for (const { path, code, why } of [...refused, ...reading.left]) problems.addError(path, code, why);
    let posts;
    try {
      posts = reading.checker.posts();
      problems.addSiteFiles(reading.checker.siteProblems());
    } catch (error) {
      // Not a post's failure: the instance is renewed all the same, for the calls after.
      if (isTrap(error)) cannotRead(recover(glue, error));
      throw error;
    }
    return problems.report(checkPosts(glue, reading, posts, assetPaths, problems));
  };
}

/**
 * Checks every post (`posts`, their paths) of the site `reading` read into `problems`, a new checker after each post
 * the module fails on, until MAX_FAILED_POSTS have; returns how many posts were checked (a post
 * the module failed on was, as far as that goes; one after the stop was not).
 */
function checkPosts(glue, { checker, files }, posts, assetPaths, problems) {
  let failed = 0;
  for (let n = 0; n < posts.length; n += 1) {
    if (failed === MAX_FAILED_POSTS) {
      for (const path of posts.slice(n)) problems.addError(path, 'preview/not-checked', STOPPED);
      return n;
    }
    try {
      const checked = checker.checkPost(n);
      problems.addPost(posts[n], checked.diagnostics);
      problems.addSiteFiles(checked.siteFiles);
    } catch (error) {
      if (!isTrap(error)) throw error;
      const why = recover(glue, error);
      problems.addError(posts[n], 'preview/crashed', `postview failed on this post (a bug: please report it with the post): ${why}${sizeOf(files, posts[n])}`);
      failed += 1;
      // The checker is of the dead instance: the next one is read in the fresh instance.
      checker = failed < MAX_FAILED_POSTS ? reopen(glue, files, assetPaths) : undefined;
    }
  }
  checker?.free();
  return posts.length;
}

const STOPPED = `not checked: postview failed on ${MAX_FAILED_POSTS} posts before this one (see their errors), so the check stopped; they may share a cause, such as an option in \`_config.yml\` or a layout: fix or report those first`;

/** The files within MAX_FILE_LENGTH and, in their order, MAX_SITE_LENGTH; and those refused. */
function withinSize(files) {
  if (!Array.isArray(files)) return { kept: files, refused: [] };
  const kept = [];
  const refused = [];
  let total = 0;
  for (const file of files) {
    const length = typeof file?.text === 'string' ? file.text.length : 0;
    if (length > MAX_FILE_LENGTH) {
      refused.push({ path: String(file.path), code: 'file/too-big', why: tooBig(length) });
    } else if (total + length > MAX_SITE_LENGTH) {
      refused.push({ path: String(file.path), code: 'preview/not-checked', why: TOO_MUCH });
    } else {
      total += length;
      kept.push(file);
    }
  }
  return { kept, refused };
}

/** The error of a file past MAX_SITE_LENGTH (also `postview check`'s). */
export const TOO_MUCH = `not checked: the site's text files come to more than ${MAX_SITE_LENGTH / MIB} MB together, all postview checks at once; check the site in parts (a copy with fewer posts)`;

/** For a failure on a big post: its size, and that its size may be the cause. */
function sizeOf(files, path) {
  const length = files.find((file) => String(file.path) === path)?.text?.length ?? 0;
  if (length < MIB) return '';
  return ` (the post is ${(length / MIB).toFixed(1)} MB, which may be more than the module's memory can render: split it into smaller posts)`;
}

/** The error of a file over MAX_FILE_LENGTH (also `postview check`'s, from the file's size). */
export function tooBig(length) {
  return `the file is ${(length / MIB).toFixed(1)} MB, more than the ${MAX_FILE_LENGTH / MIB} MB postview checks in one file (its rendering would not fit in the module's memory): split it into smaller files`;
}

/**
 * A checker of `files`, or of those of them whose reading does not trap: `{ checker, files,
 * left }`, `left` the files taken out, each with why. A TypeError for malformed arguments is
 * thrown as it comes.
 */
function readSite(glue, files, assetPaths) {
  const first = open(glue, files, assetPaths);
  if (first.checker) return { checker: first.checker, files, left: [] };
  const empty = open(glue, [], assetPaths);
  if (!empty.checker) cannotRead(empty.why);
  empty.checker.free();
  const left = [];
  // Halves of `group` are tried with `base`, which reads; what reads joins the base.
  const search = (base, group) => {
    const tried = open(glue, [...base, ...group], assetPaths);
    if (tried.checker) {
      tried.checker.free();
      return [...base, ...group];
    }
    if (group.length === 1) {
      left.push({ path: String(group[0].path), code: 'preview/crashed', why: `postview failed reading this file (a bug: please report it with the file): ${tried.why}; the site was checked without it` });
      return base;
    }
    const half = group.length >> 1;
    return search(search(base, group.slice(0, half)), group.slice(half));
  };
  const readable = search([], files);
  return { checker: reopen(glue, readable, assetPaths), files: readable, left };
}

/**
 * What reading a site takes of the module's memory, as a multiple of its files' text: 6.5 on the
 * shared site's copy of 3,371 posts. Asked for at once before each reading, it spares a fresh
 * instance growing its memory 64 KB at a time, which took most of the reading's time (there:
 * 0.4–1.1 s a reading instead of 2.2–3.9 s, on the 2-core machine under load).
 */
const READING_MEMORY = 6;
const MAX_RESERVED = 1 << 30;

/** `{ checker }` of `files`, or `{ why }` when reading them trapped (the module is renewed). */
function open(glue, files, assetPaths) {
  const text = Array.isArray(files) ? files.reduce((sum, file) => sum + (file?.text?.length ?? 0), 0) : 0;
  try {
    glue.reserveMemory(Math.min(MAX_RESERVED, READING_MEMORY * text));
    return { checker: new glue.SiteChecker(files, assetPaths) };
  } catch (error) {
    if (!isTrap(error)) throw error;
    return { why: recover(glue, error) };
  }
}

/** A checker of files that were read before: a trap now is not theirs but the module's. */
function reopen(glue, files, assetPaths) {
  const { checker, why } = open(glue, files, assetPaths);
  return checker ?? cannotRead(why);
}

/** Renews the module after `error` trapped it; returns what went wrong, in words. */
function recover(glue, error) {
  const panic = takePanicMessage();
  renew(glue, panic !== undefined);
  return panic ?? `${error.name}: ${error.message}`;
}

function cannotRead(why) {
  throw new Error(`checkSite: the module failed on reading the site (a bug: please report it): ${why}`);
}

/** The problems found, by file, as `SiteCheck` gives them. */
class SiteFiles {
  #posts = new Map();
  // A layout's, include's or other site file's problems, each once however many posts met it.
  #others = new Map();

  addPost(path, diagnostics) {
    if (diagnostics.length > 0) this.#posts.set(path, diagnostics);
  }

  addError(path, code, message) {
    const diagnostics = this.#posts.get(path) ?? [];
    diagnostics.push({ severity: 'error', code, message, line: 1, column: 1 });
    this.#posts.set(path, diagnostics);
  }

  addSiteFiles(found) {
    for (const { path, ...diagnostic } of found) {
      const known = this.#others.get(path) ?? new Map();
      known.set(JSON.stringify(diagnostic), diagnostic);
      this.#others.set(path, known);
    }
  }

  report(posts) {
    const byPath = new Map(this.#posts);
    for (const [path, known] of this.#others) {
      const diagnostics = [...(byPath.get(path) ?? []), ...known.values()];
      byPath.set(path, diagnostics.sort((a, b) => a.line - b.line || a.column - b.column));
    }
    const files = [...byPath].map(([path, diagnostics]) => ({ path, diagnostics }));
    files.sort((a, b) => byCodePoint(a.path, b.path));
    let errors = 0;
    let warnings = 0;
    for (const { diagnostics } of files) {
      for (const d of diagnostics) {
        if (d.severity === 'error') errors += 1;
        else warnings += 1;
      }
    }
    return { files, posts, errors, warnings };
  }
}

/** Orders strings as Rust orders them (by code point, which is UTF-8's byte order). */
export function byCodePoint(a, b) {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
