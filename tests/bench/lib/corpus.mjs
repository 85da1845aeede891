// The benchmark corpus: every post and draft of ../shared/corpus/posts (or $POSTVIEW_SHARED/corpus),
// read once, in path order, as the native benchmark reads it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SHARED = process.env.POSTVIEW_SHARED ?? join(ROOT, '../shared');
export const POSTS = join(SHARED, 'corpus/posts');
/** The largest post of the corpus (66 KB): the keystroke benchmark's text. */
export const LARGEST = join(POSTS, 'zh-Hans/2020-09-03-2-50.md');

function markdownFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []));
}

/**
 * The body a plain Markdown renderer can be given: the front matter removed by Jekyll's rule (a
 * first line `---`, up to the next line `---` or `...`) and the only Liquid of the corpus,
 * `{{ site.baseurl_root }}`, replaced by its value "" — what postview's own stages would hand its
 * Markdown stage.
 */
export function bodyOf(source) {
  const open = /^---[ \t]*\n/.exec(source);
  let body = source;
  if (open) {
    const close = /^(?:---|\.\.\.)[ \t]*(?:\n|$)/m;
    const rest = source.slice(open[0].length);
    const end = close.exec(rest);
    if (end) body = rest.slice(end.index + end[0].length);
  }
  return body.replaceAll('{{ site.baseurl_root }}', '');
}

/** `[{ rel, source, body }]`: `rel` is the path under posts/, as a site would pass it. */
export function loadCorpus() {
  let files;
  try {
    files = markdownFiles(POSTS);
  } catch (error) {
    throw new Error(`${POSTS}: ${error.message} (set POSTVIEW_SHARED to the folder holding corpus/)`);
  }
  if (files.length < 100) throw new Error(`${POSTS}: expected the corpus's posts, found ${files.length}`);
  return files.map((file) => {
    const source = readFileSync(file, 'utf8');
    return { rel: relative(POSTS, file), source, body: bodyOf(source) };
  });
}

export const utf8Bytes = (text) => Buffer.byteLength(text, 'utf8');
