// Translations at a glance: a panel listing every translation family of the opened site (declared
// or found) and every post without one, against the site's languages — each cell present,
// missing, or older than the family's newest member. What is stale and how rows are made is the
// core's (translationsOverview, src/translations/overview.rs); this file gives it the posts, the
// families the workspace found and each file's last-modified time, and draws the table. A click
// opens the post, or Translate (newpost.js) for a missing language.
import { sitePath, translationsOverview } from './modules.js';
import { autonym } from './i18n.js';

/**
 * The panel in `root` (a <details>: its summary opens it). `page`: `{ workspace, show(post),
 * translate(post, lang) → bool (false when the site has no templates), t() → translator }`.
 */
export function createOverview(root, page) {
  const modified = new Map(); // a file's path (and the same without its first folder) → ms
  const summary = root.querySelector('summary');
  const body = root.querySelector('.overview-body');
  root.addEventListener('toggle', () => root.open && draw());

  /** The posts of the folder open, with their times (a post never read from a file: now). */
  function posts() {
    return page.workspace.posts
      .filter((p) => !p.demo && !p.draftOnly)
      .map((p) => ({ path: p.path, source: p.text, modified: modified.get(p.path) ?? Date.now() }));
  }

  function draw() {
    const t = page.t();
    const { workspace } = page;
    const opened = posts();
    if (!opened.length) {
      body.replaceChildren(Object.assign(document.createElement('p'), { textContent: t('overviewNone') }));
      return;
    }
    const overview = translationsOverview(opened, workspace.families ?? [], { languages: workspace.languages });
    const byPath = new Map(workspace.posts.filter((p) => !p.demo && !p.draftOnly).map((p) => [p.path, p]));
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    head.append(Object.assign(document.createElement('th'), { textContent: t('post') }));
    for (const lang of overview.languages) {
      head.append(Object.assign(document.createElement('th'), { textContent: autonym(lang), lang }));
    }
    const rows = table.createTBody();
    for (const row of overview.rows) rows.append(drawRow(row, byPath, t));
    const counts = Object.assign(document.createElement('p'), {
      className: 'overview-counts',
      textContent: t('overviewSummary', { missing: overview.missing, stale: overview.stale }),
    });
    body.replaceChildren(counts, table);
  }

  function drawRow(row, byPath, t) {
    const tr = document.createElement('tr');
    tr.dataset.newest = row.newest;
    const newest = byPath.get(row.newest);
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = newest?.title || row.newest.split('/').pop();
    if (row.cells.some((c) => c.path && !c.declared) && row.evidence.length) {
      // The evidence folded under its mark: a big site's rows stay one line each until asked.
      const found = document.createElement('details');
      found.className = 'found';
      const mark = Object.assign(document.createElement('summary'), { textContent: t('overviewFound') });
      mark.title = t('overviewFoundTitle', { evidence: row.evidence.join('\n') });
      const evidence = Object.assign(document.createElement('small'), { className: 'evidence' });
      evidence.append(...row.evidence.map((line) => Object.assign(document.createElement('span'), { textContent: line })));
      found.append(mark, evidence);
      name.append(' ', found);
    }
    tr.append(name);
    for (const cell of row.cells) tr.append(drawCell(cell, newest, byPath, t));
    return tr;
  }

  function drawCell(cell, newest, byPath, t) {
    const td = document.createElement('td');
    const button = Object.assign(document.createElement('button'), { type: 'button' });
    button.dataset.testid = 'overview-cell';
    button.dataset.state = cell.state;
    button.dataset.lang = cell.lang;
    const post = cell.path ? byPath.get(cell.path) : null;
    if (cell.state === 'missing') {
      button.textContent = '+';
      button.title = t('overviewMissing', { lang: autonym(cell.lang) });
      button.addEventListener('click', () => {
        root.open = false;
        if (newest && !page.translate(newest, cell.lang)) page.show(newest);
      });
    } else {
      button.dataset.path = cell.path;
      button.textContent = cell.state === 'stale' ? t('overviewOlder') : '✓';
      button.title = cell.state === 'stale'
        ? t('overviewStale', { path: cell.path, newest: newest?.path ?? '' })
        : t('overviewPresent', { path: cell.path });
      button.addEventListener('click', () => {
        root.open = false;
        if (post) page.show(post);
      });
    }
    td.append(button);
    return td;
  }

  return {
    /** A folder's files ([{ path, file }]) were opened: their last-modified times. */
    opened(files) {
      modified.clear();
      for (const { path, file } of files) {
        if (!file) continue;
        // The workspace names a post by its path from the site root; the folder's paths start
        // with the folder's own name, and an `_i18n` path is the same from wherever it is read.
        for (const key of [path, path.slice(path.indexOf('/') + 1), sitePath(path)]) {
          if (!modified.has(key)) modified.set(key, file.lastModified);
        }
      }
      root.hidden = false;
      if (root.open) draw();
    },
    /** The post at `path` was written now. */
    touched(path) {
      modified.set(path, Date.now());
      if (root.open) draw();
    },
    /** Draws again (the interface's language changed). */
    refresh() {
      summary.textContent = page.t()('overview');
      if (root.open) draw();
    },
  };
}
