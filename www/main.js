// The page: wires the editor, the preview (the crate's Preview, which renders and patches the
// sandboxed iframe and keeps the drafts), the language switcher, the list of posts, the problems
// list and the download. Everything stays in this browser.
import init, { Preview } from './pkg/postview.js';
import { createEditor } from './editor.js';
import { createTranslations } from './compare.js';
import { Workspace, readFileList, readSiteConfig } from './family.js';
import { filesOfDrop, filesOfInput, openFolder } from './site-folder.js';
import { UI_LANGUAGES, autonym, pick, translatePage, translator } from './i18n.js';
import { createScrollSync } from './scroll.js';
import { readJSON, readString, write } from './storage.js';
import { Saver, askConflict } from './save.js';
import { registerOffline } from './offline.js';
import { NewPosts, readForestry } from './newpost.js';
import { FrontMatterForm, replaceText } from './form.js';

const $ = (selector) => document.querySelector(selector);
const UI_KEY = 'postview:ui-lang';
const SESSION_KEY = 'postview:session';
const BASE = new URL('.', location.href);
// The demo is a small site in demo/: its {{ site.baseurl_root }} is that folder.
const DEMO_ROOT = new URL('demo', BASE).pathname;

let current = null; // the post shown
let family = []; // its languages: [{ lang, post|null }]
let report = null; // the last render's report
let uiLang = null;
let t = translator('en');
let note = '';
const key = (post) => `${post.lang}:${post.id}`;
const drafted = new Set(); // key() of every post with a saved draft

await init();
const frame = $('[data-testid=preview]');
const frameDocument = await loaded(frame, (doc) => doc.getElementById('post'));
guard(frameDocument);
// A site's posts are shown in a frame of their own (see index.html); the one shown is `shown`.
const siteFrame = $('#site-preview');
const siteDocument = await loaded(siteFrame, (doc) => doc.body);
guard(siteDocument);
const shown = {
  get contentWindow() { return (siteFrame.hidden ? frame : siteFrame).contentWindow; },
  get contentDocument() { return (siteFrame.hidden ? frame : siteFrame).contentDocument; },
};
const preview = new Preview(frameDocument.getElementById('post'), onRender);
const workspace = new Workspace((text, path) => Preview.describe(text, path));
const editor = createEditor($('[data-testid=editor]'), {
  label: () => t('editor'),
  onChange() {
    preview.edit(editor.text());
    if (!drafted.has(key(current))) {
      drafted.add(key(current));
      showDraftState();
    }
  },
  onScroll: () => sync.fromEditor(),
});
const sync = createScrollSync({
  editor,
  frame: shown,
  blocks: () => ({ lines: report?.blockLines ?? [], nodes: preview.blockNodes() }),
});
for (const f of [frame, siteFrame]) f.contentWindow.addEventListener('scroll', () => sync.fromPreview(), { passive: true });
const translations = createTranslations({
  workspace, preview, frame: shown, windows: [frame.contentWindow, siteFrame.contentWindow], editor, show, drafted, key,
  current: () => current,
  family: () => family,
  t: () => t,
  onChanged: () => showSwitcher(),
  followPreview: () => sync.fromPreview(),
});

const saver = new Saver({
  download: (post, text) => downloadText(post.name, text),
  saved: onSaved,
  conflict: (request) => askConflict(request, t),
  t: () => t,
  report: (message) => ((note = message), showStatus()),
});
// The same path as the folder picker, for a directory handle got otherwise (tests use the
// origin-private file system's).
window.postviewOpenDirectory = (handle) => openDirectory(handle);
const newPosts = new NewPosts($('#new-post'), $('#translate'), {
  current: () => current,
  text: () => editor.text(),
  open(path, text) {
    const post = workspace.add({ path, text });
    post.created = true;
    show(post);
  },
  replace: (text) => replaceText(editor.view, text),
  t: () => t,
});
const form = new FrontMatterForm($('[data-testid=front-matter-form]'), {
  text: () => editor.text(),
  replace: (text) => replaceText(editor.view, text),
});

await workspace.addDemo(BASE);
const drafts = Preview.listDrafts();
for (const d of drafts) drafted.add(`${d.lang}:${d.id}`);
workspace.addDrafts(drafts, Preview.loadDraft);
const session = readJSON(SESSION_KEY);
const demo = workspace.demoPosts();
show((session && workspace.get(session.id, session.lang)) ?? demo.find((p) => p.lang === 'en') ?? demo[0]);
wireControls();
registerOffline(BASE);

/** Shows `post`, from its draft if it has one. */
function show(post) {
  current = post;
  family = [];
  note = '';
  const text = Preview.loadDraft(post.id, post.lang) ?? post.text;
  preview.setSite({ baseurl_root: post.demo ? DEMO_ROOT : '' });
  editor.load(text);
  form.show(post.demo ? null : newPosts.templateFor(post.path), text);
  preview.open(post.id, post.lang, post.path, text);
  editor.view.scrollDOM.scrollTop = 0;
  frame.contentWindow.scrollTo(0, 0);
  siteFrame.contentWindow.scrollTo(0, 0);
  write(SESSION_KEY, { id: post.id, lang: post.lang });
  showPostList();
  showDraftState();
}

/** After every render: the problems, the languages, the status. */
function onRender(r) {
  report = r;
  showFrame(r.url != null);
  // While the front matter is broken, the family is the last good one.
  if (r.frontMatter === 'ok' || r.frontMatter === 'none' || !family.length) {
    family = workspace.family(current, r.translations);
  }
  useLanguage(r.postLang ?? current.lang);
  showSwitcher();
  translations.refresh();
  // The renderer's diagnostics and those of the site's template (a post shown as its site's
  // page has them in its report already: the Site checks it).
  const checks = r.url != null ? [] : newPosts.check(current, editor.text());
  const diagnostics = [...r.diagnostics, ...checks];
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  showProblems(diagnostics, r.siteDiagnostics);
  form.update(editor.text());
  editor.mark(diagnostics);
  showStatus();
  document.title = `${r.title || current.name} · postview`;
}

/** Shows the site's frame (a post of the open site, as published) or the page's own. */
function showFrame(site) {
  if (siteFrame.hidden === !site) return;
  const [on, off] = site ? [siteFrame, frame] : [frame, siteFrame];
  on.hidden = false;
  off.hidden = true;
  off.removeAttribute('data-testid');
  on.dataset.testid = 'preview';
}

function useLanguage(postLang) {
  const chosen = readString(UI_KEY) || 'auto';
  const lang = pick(chosen === 'auto' ? postLang : chosen);
  if (lang === uiLang) return;
  uiLang = lang;
  t = translator(lang);
  document.documentElement.lang = lang;
  translatePage(document, t);
  const select = $('#ui-lang');
  select.replaceChildren(
    new Option(t('followPost'), 'auto'),
    ...UI_LANGUAGES.map((l) => Object.assign(new Option(autonym(l), l), { lang: l })),
  );
  select.value = chosen;
  if (current) showPostList();
}

function showSwitcher() {
  const buttons = family.map((member) => {
    const { lang, post } = member;
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.lang = lang;
    button.lang = lang;
    button.textContent = autonym(lang);
    button.setAttribute('aria-pressed', String(post === current));
    if (!post) {
      button.disabled = true;
      button.title = t('notOpened');
    } else if (post !== current && drafted.has(key(post))) {
      button.classList.add('has-draft');
      button.title = t('unsaved');
    }
    translations.decorate(button, member);
    button.addEventListener('click', () => translations.choose(post));
    return button;
  });
  $('.switcher').replaceChildren(...buttons);
}

// Each item carries its diagnostic's code (docs/diagnostics.md): as `data-code`, and in small text.
const part = (className, text) => Object.assign(document.createElement('span'), { className, textContent: text });

function showProblems(diagnostics, inSite = []) {
  const items = diagnostics.map((d) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `problem ${d.severity}`;
    button.dataset.line = d.line;
    button.dataset.column = d.column;
    button.dataset.code = d.code;
    button.append(
      part('severity', t(d.severity)),
      part('place', t('place', d)),
      part('message', d.message),
      part('code', d.code),
    );
    button.addEventListener('click', () => editor.goTo(d.line, d.column));
    const li = document.createElement('li');
    li.append(button);
    return li;
  });
  // Problems in the site's other files (its layouts, _config.yml): named, not in this editor.
  for (const d of inSite) {
    const li = Object.assign(document.createElement('li'), { className: `problem ${d.severity} in-site` });
    li.textContent = `${t(d.severity)} ${d.path} ${t('place', d)} ${d.message} `;
    li.dataset.code = d.code;
    li.append(part('code', d.code));
    items.push(li);
  }
  if (!items.length) items.push(Object.assign(document.createElement('li'), { className: 'none', textContent: t('noProblems') }));
  $('[data-testid=errors] ol').replaceChildren(...items);
}

function showStatus() {
  const notes = { broken: t('fmBroken'), unclosed: t('fmUnclosed'), none: t('fmNone') };
  const text = [notes[report.frontMatter], report.draftError && t('saveFailed', { error: report.draftError }), note];
  $('.status .note').textContent = text.filter(Boolean).join(' ');
  $('.status .timing').textContent = t('rendered', { ms: report.ms.toFixed(1) });
}

function showPostList() {
  const option = (post, label) => Object.assign(new Option(label, key(post)), { lang: post.lang });
  const group = (label, lang, options) => {
    const g = Object.assign(document.createElement('optgroup'), { label });
    if (lang) g.dataset.lang = lang;
    g.append(...options);
    return g;
  };
  const demo = workspace.demoPosts().map((p) => option(p, `${autonym(p.lang)} — ${p.title}`));
  const groups = workspace.byLanguage().map(([lang, posts]) =>
    group(autonym(lang), lang, posts.map((p) => option(p, `${p.date} ${p.title}${p.draftOnly ? ` (${t('draft')})` : ''}`.trim()))),
  );
  $('#posts').replaceChildren(group(t('demo'), null, demo), ...groups);
  $('#posts').value = key(current);
}

function showDraftState() {
  $('#discard').hidden = !drafted.has(key(current)) || current.draftOnly;
}

async function openFiles(files, config = null) {
  if (!files.length) {
    note = t('noPosts');
    return showStatus();
  }
  const posts = workspace.open(files, config);
  const newest = (list) => [...list].sort((a, b) => b.date.localeCompare(a.date))[0];
  show(newest(posts.filter((p) => p.lang === current.lang)) ?? newest(posts));
}

function wireControls() {
  $('#open-files').addEventListener('click', () => $('#files').click());
  $('#open-folder').addEventListener('click', async () => {
    if (!Saver.available()) return $('#folder').click();
    const files = await saver.pick().catch((error) => ((note = error.message), showStatus(), null));
    if (files) await openFolderFiles(files);
  });
  $('#save').addEventListener('click', save);
  addEventListener(
    'keydown',
    (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        save();
      }
    },
    true,
  );
  $('#files').addEventListener('change', async (event) => {
    saver.forget();
    preview.closeSite();
    newPosts.use([]);
    await openFiles(await readFileList(event.target.files));
    event.target.value = '';
  });
  $('#folder').addEventListener('change', async (event) => {
    saver.forget();
    await openFolderFiles(filesOfInput(event.target.files));
    event.target.value = '';
  });
  $('#posts').addEventListener('change', (event) => {
    const [lang, ...id] = event.target.value.split(':');
    const post = workspace.get(id.join(':'), lang);
    if (post) show(post);
  });
  $('#ui-lang').addEventListener('change', (event) => {
    write(UI_KEY, event.target.value);
    useLanguage(report?.postLang ?? current.lang);
    showSwitcher();
    showProblems(report.diagnostics, report.siteDiagnostics);
    showStatus();
  });
  $('#download').addEventListener('click', () => downloadText(current.name, editor.text()));
  $('#discard').addEventListener('click', () => {
    preview.flush();
    Preview.discardDraft(current.id, current.lang);
    drafted.delete(key(current));
    show(current);
  });
  const hint = $('.drop-hint');
  document.addEventListener('dragover', (event) => {
    event.preventDefault();
    hint.hidden = false;
  });
  document.addEventListener('dragleave', (event) => {
    if (!event.relatedTarget) hint.hidden = true;
  });
  document.addEventListener('drop', async (event) => {
    event.preventDefault();
    hint.hidden = true;
    saver.forget();
    await openFolderFiles(await filesOfDrop(event.dataTransfer));
  });
}

/**
 * Opens a folder's files ([{ path, file }], none read yet): as a site in the preview when it is
 * one, its posts listed, its templates (New post, the form, checks) and languages used.
 */
async function openFolderFiles(files) {
  const opened = await openFolder(preview, siteDocument, files);
  newPosts.use(await readForestry(files));
  await openFiles(opened.posts, await readSiteConfig(files));
}

/** Opens a folder's directory handle read-write (the picker's, or any other). */
async function openDirectory(handle) {
  await openFolderFiles(await saver.openDirectory(handle));
}

function downloadText(name, text) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Save (button, Ctrl/Cmd+S): to the post's file when its folder was opened read-write. */
async function save() {
  try {
    await saver.save(current, editor.text());
  } catch (error) {
    note = t('saveError', { name: current.name, error: error.message });
    showStatus();
  }
}

/** After a save (or taking the disk's text): the file holds `text`, so the draft goes. */
function onSaved(post, text, { reload }) {
  preview.flush();
  Preview.discardDraft(post.id, post.lang);
  drafted.delete(key(post));
  post.text = text;
  note = reload ? '' : t('saved', { name: post.name });
  if (reload && post === current) return show(post);
  showStatus();
  showDraftState();
}

/** A preview frame's document, once it has loaded (`has(doc)` says it is the right one). */
function loaded(frame, has) {
  const ready = () => frame.contentDocument?.readyState === 'complete' && has(frame.contentDocument);
  if (ready()) return Promise.resolve(frame.contentDocument);
  return new Promise((done) => frame.addEventListener('load', () => done(frame.contentDocument), { once: true }));
}

/** Nothing in the preview navigates: links scroll within it or are named in the status line. */
function guard(doc) {
  doc.addEventListener(
    'click',
    (event) => {
      const link = event.target.closest?.('a[href]');
      if (!link) return;
      event.preventDefault();
      const href = link.getAttribute('href');
      if (href.startsWith('#')) {
        doc.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
      } else {
        note = t('linkBlocked', { href });
        showStatus();
      }
    },
    true,
  );
  doc.addEventListener('submit', (event) => event.preventDefault(), true);
}
