// The page's translation tools: found translations marked in the switcher, switching to a
// translation at the matching block, two translations side by side scrolled together block by
// block, and writing a family's links into the front matter of its posts.
//
// The rules are the module's: which posts are translations (findTranslations, through the
// Workspace), which blocks correspond (alignBlocks; Preview.alignShown while a site is open, which
// knows an image by the folder file its URL names), which lines change (planTranslationLinks).
// The translation beside is shown as its published page when the open site publishes it
// (Preview.showBeside, in a frame of its own like the preview's), else in the plain style.
// This file only shows them.
import { Preview, alignBlocks, planTranslationLinks, renderPost } from './modules.js';
import { loadDraft, saveDraft } from './drafts.js';
import { guard, keepHome, loaded } from './frames.js';

const $ = (selector) => document.querySelector(selector);

/**
 * `deps`: { workspace, preview, frame, editor, show(post), current() → post, family() → members,
 * t() → translator, drafted (Set of draft keys), key(post), onChanged() (after links are written),
 * followPreview() (scrolls the editor to the preview's place) }.
 */
export function createTranslations(deps) {
  const { workspace, preview, frame, editor } = deps;
  const pane = $('.compare-pane');
  // The translation's two frames, as the preview's: the plain one, and the site's (its published
  // page). `other` is the one shown; data-testid="translation-preview" is on it.
  const plainOther = $('#translation-plain');
  const siteOther = $('#translation-site');
  let other = plainOther;
  let shownSource = null; // what the translation frame shows: post and text
  const toggle = $('[data-testid=side-by-side]');
  const write = $('[data-testid=write-links]');
  const dialog = $('#write-links-dialog');
  let compared = null; // the post shown beside the edited one
  let rows = []; // alignBlocks of the two bodies
  let syncing = false; // a scroll this module made, not the user's

  toggle.addEventListener('click', () => setSideBySide(toggle.getAttribute('aria-pressed') !== 'true'));
  write.addEventListener('click', () => writeLinks());
  // `frame` may stand for whichever preview frame is shown: follow each of their windows.
  for (const win of deps.windows ?? [frame.contentWindow]) win.addEventListener('scroll', () => follow(frame, other), { passive: true });
  const hasPost = (doc) => doc.getElementById('post');
  // Nothing in the translation navigates (as in the preview): a link click does nothing.
  const watch = (doc) => {
    doc.defaultView.addEventListener('scroll', () => follow(other, frame), { passive: true });
    guard(doc);
  };
  loaded(plainOther, hasPost).then((doc) => {
    watch(doc);
    keepHome(plainOther, (home) => {
      watch(home);
      shownSource = null;
      refresh();
    });
  });
  loaded(siteOther).then((doc) => {
    watch(doc);
    keepHome(siteOther, (home) => {
      watch(home);
      shownSource = null;
      refresh();
    });
  });

  function setSideBySide(on) {
    toggle.setAttribute('aria-pressed', String(on));
    document.querySelector('main.panes').classList.toggle('comparing', on);
    pane.hidden = !on;
    if (!on) {
      compared = null;
      shownSource = null;
      preview.hideBeside();
    }
    else compared ??= deps.family().find((m) => m.post && m.post !== deps.current())?.post ?? null;
    refresh();
  }

  /** Marks a switcher button as a found (not declared) translation, with the evidence as its title. */
  function decorate(button, member) {
    if (member.found) {
      button.classList.add('found');
      button.dataset.found = 'true';
      button.dataset.testid = 'translation-found';
      button.title = [deps.t()('foundTranslation'), ...member.evidence].join('\n');
    }
    if (member.post && member.post === compared) button.classList.add('compared');
  }

  /** A switcher click: in side by side, picks the translation shown beside; else switches to it. */
  function choose(post) {
    if (!post || post === deps.current()) return;
    if (toggle.getAttribute('aria-pressed') === 'true') {
      compared = post;
      refresh();
      deps.onChanged();
      return;
    }
    switchTo(post);
  }

  /** Shows `post` scrolled to the block that matches the one at the top of the preview now. */
  function switchTo(post) {
    const before = blocksOf(frame.contentDocument, preview.blockNodes());
    const top = topBlock(frame, before.nodes);
    deps.show(post);
    if (top === null) return;
    const after = blocksOf(frame.contentDocument, preview.blockNodes());
    const row = alignBlocks(before.html, after.html).find((r) => r.left === top.index);
    const target = row?.right ?? nearestRight(alignBlocks(before.html, after.html), top.index);
    if (target !== null && after.nodes[target]) {
      scrollToBlock(frame, after.nodes[target], top.fraction);
      // The editor follows now, so that the scroll to the top that showing the post began does
      // not bring the preview back up.
      deps.followPreview();
    }
  }

  /** After every render of the edited post: the compared one, its alignment and the marks. */
  function refresh() {
    const family = deps.family();
    write.disabled = !family.some((m) => m.found && m.post);
    if (pane.hidden || !compared) return;
    if (!family.some((m) => m.post === compared)) compared = family.find((m) => m.post && m.post !== deps.current())?.post ?? null;
    if (!compared) return;
    const plainRoot = plainOther.contentDocument?.getElementById('post');
    if (!plainRoot || siteOther.contentDocument?.readyState !== 'complete') {
      return Promise.all([loaded(plainOther, hasPost), loaded(siteOther)]).then(refresh);
    }
    const text = loadDraft(compared)?.text ?? compared.text;
    const source = `${compared.folder}|${compared.lang}:${compared.id}:${text.length}:${hash(text)}`;
    // A site opened since (or closed) has put the site frame back to its own document.
    const stale = other === siteOther && !siteOther.contentDocument.body?.firstElementChild;
    if (source !== shownSource || stale) {
      shownSource = source;
      const asPage = preview.showBeside(siteOther.contentDocument, compared.path, text);
      if (!asPage) showPlain(plainRoot, text);
      showOther(asPage ? siteOther : plainOther);
    }
    const doc = other.contentDocument;
    const left = blocksOf(frame.contentDocument, preview.blockNodes());
    const right = blocksOf(doc, otherNodes());
    rows = preview.alignShown(left.html, right.html);
    const matchedLeft = new Set(rows.filter((r) => r.right !== null).map((r) => r.left));
    const matchedRight = new Set(rows.filter((r) => r.left !== null).map((r) => r.right));
    showMarks(frame.contentDocument);
    showMarks(doc);
    left.nodes.forEach((n, i) => mark(n, !matchedLeft.has(i)));
    right.nodes.forEach((n, j) => mark(n, !matchedRight.has(j)));
    other.title = `${compared.lang}: ${compared.title}`;
  }

  /** The translation in the plain style, in the plain frame's `#post` (`root`). */
  function showPlain(root, text) {
    const doc = root.ownerDocument;
    const rendered = renderPost(text, { path: compared.path });
    root.lang = compared.lang;
    const heading = doc.createElement('h1');
    heading.textContent = rendered.title ?? compared.name;
    const body = doc.createElement('div');
    body.className = 'post-body';
    // The frame is sandboxed without scripts: nothing in the post can run there; what would
    // fetch or navigate by itself is taken out first, as in the preview. A post of the open
    // folder takes the folder's files from it, at the URLs the post shown uses.
    if (compared.folder && preview.showInertFromFolder) preview.showInertFromFolder(body, rendered.html);
    else Preview.showInert(body, rendered.html);
    root.replaceChildren(heading, body);
  }

  /** Shows one of the translation's frames (`shown`), the hook on it. */
  function showOther(shown) {
    const hidden = shown === siteOther ? plainOther : siteOther;
    shown.hidden = false;
    hidden.hidden = true;
    hidden.removeAttribute('data-testid');
    shown.dataset.testid = 'translation-preview';
    other = shown;
  }

  /** The translation's body blocks on screen. */
  function otherNodes() {
    if (other === siteOther) return preview.besideNodes();
    return [...(plainOther.contentDocument.querySelector('.post-body')?.children ?? [])];
  }

  /** Scrolls `to` so that the counterpart of the block at the top of `from` is at its top. */
  function follow(from, to) {
    if (syncing || pane.hidden || !rows.length) return;
    const fromLeft = from === frame;
    const nodesOf = (f) => (f === frame ? preview.blockNodes() : otherNodes());
    const top = topBlock(from, nodesOf(from));
    if (top === null) return;
    const side = fromLeft ? 'left' : 'right';
    const otherSide = fromLeft ? 'right' : 'left';
    const at = rows.findIndex((r) => r[side] === top.index);
    let target = null;
    for (let k = at; k >= 0 && target === null; k--) target = rows[k][otherSide];
    const node = target === null ? null : nodesOf(to)[target];
    if (!node) return;
    syncing = true;
    scrollToBlock(to, node, rows[at]?.[otherSide] === null ? 0 : top.fraction);
    requestAnimationFrame(() => requestAnimationFrame(() => (syncing = false)));
  }

  /** Fills the translation keys of every post of the edited post's family, once confirmed. */
  async function writeLinks() {
    const current = deps.current();
    const family = deps.family().filter((m) => m.post);
    const textOf = (post) => (post === current ? editor.text() : (loadDraft(post)?.text ?? post.text));
    const core = { posts: family.map((m) => ({ lang: m.lang, path: m.post.path, declared: !m.found })), evidence: [] };
    const edits = planTranslationLinks(core, family.map((m) => ({ path: m.post.path, source: textOf(m.post) })));
    const changed = edits.filter((e) => e.changes.length);
    const t = deps.t();
    const lines = edits.flatMap((e) => [
      e.path,
      ...(e.error ? [`  ${e.error}`] : []),
      ...e.changes.map((c) => `  ${t('lineN', { line: c.line })}: ${c.before ?? t('newLine')} → ${c.after}`),
      ...(e.changes.length || e.error ? [] : [`  ${t('noChange')}`]),
    ]);
    dialog.querySelector('.changes').textContent = lines.join('\n');
    dialog.querySelector('.confirm').disabled = !changed.length;
    if (!(await ask(dialog))) return;
    for (const edit of changed) {
      const post = family.find((m) => m.post.path === edit.path).post;
      if (post === current) {
        replaceText(editor, edit.text);
      } else {
        saveDraft(post, edit.text);
        deps.drafted.add(deps.key(post));
      }
    }
    deps.onChanged();
  }

  return { decorate, choose, switchTo, refresh };
}

/** The blocks of a body: its nodes and their HTML, for alignBlocks. */
function blocksOf(doc, nodes) {
  const list = [...nodes].filter((n) => n.nodeType === 1);
  return { nodes: list, html: list.map((n) => unmarked(n)) };
}

/** A node's HTML without this module's mark (so that marking does not change the alignment). */
function unmarked(node) {
  if (!node.hasAttribute('data-unmatched')) return node.outerHTML;
  const copy = node.cloneNode(true);
  copy.removeAttribute('data-unmatched');
  return copy.outerHTML;
}

// The outline of a block without a counterpart, the same on a plain preview and on a site's
// page (whose own stylesheets replace the preview's): a sheet the document adopts, which the
// site's page does not take out.
const MARKS = '[data-unmatched] { outline: 2px dashed #d08a00; outline-offset: 4px; }';
const marked = new WeakSet();

function showMarks(doc) {
  if (!doc || marked.has(doc)) return;
  const sheet = new doc.defaultView.CSSStyleSheet();
  sheet.replaceSync(MARKS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  marked.add(doc);
}

function mark(node, unmatched) {
  if (unmatched) node.setAttribute('data-unmatched', '');
  else node.removeAttribute('data-unmatched');
}

/** The block at the top of a frame's view: { index, fraction of it scrolled past }, or null. */
function topBlock(frame, nodes) {
  const win = frame.contentWindow;
  if (!nodes.length || win.scrollY <= 0) return null;
  for (let i = 0; i < nodes.length; i++) {
    const box = nodes[i].getBoundingClientRect();
    if (box.bottom > 0) return { index: i, fraction: box.height ? Math.max(0, -box.top / box.height) : 0 };
  }
  return { index: nodes.length - 1, fraction: 1 };
}

function scrollToBlock(frame, node, fraction) {
  const win = frame.contentWindow;
  const box = node.getBoundingClientRect();
  win.scrollTo(0, win.scrollY + box.top + fraction * box.height);
}

/** The right-hand block of the nearest row above `index` that has one. */
function nearestRight(rows, index) {
  const at = rows.findIndex((r) => r.left === index);
  for (let k = at; k >= 0; k--) if (rows[k].right !== null) return rows[k].right;
  return null;
}

/** Replaces the editor's text by `text` in one undoable change spanning only what differs. */
function replaceText(editor, text) {
  const old = editor.text();
  let start = 0;
  while (start < old.length && start < text.length && old[start] === text[start]) start++;
  let end = 0;
  while (end < old.length - start && end < text.length - start && old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
  editor.view.dispatch({ changes: { from: start, to: old.length - end, insert: text.slice(start, text.length - end) } });
}

/** Shows a modal dialog; resolves true if its confirm button closed it. */
export function ask(dialog) {
  return new Promise((done) => {
    const confirm = dialog.querySelector('.confirm');
    const cancel = dialog.querySelector('.cancel');
    const finish = (ok) => {
      confirm.removeEventListener('click', yes);
      cancel.removeEventListener('click', no);
      dialog.removeEventListener('cancel', no);
      dialog.close();
      done(ok);
    };
    const yes = () => finish(true);
    const no = () => finish(false);
    confirm.addEventListener('click', yes);
    cancel.addEventListener('click', no);
    dialog.addEventListener('cancel', no);
    dialog.showModal();
  });
}

function hash(text) {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}

