// The page: wires the editor, the preview (the crate's Preview, which renders and patches the
// sandboxed iframe and keeps the drafts), the language switcher, the list of posts, the problems
// list and the download. Everything stays in this browser.
import { Preview, describeProblem, loadSite } from './modules.js';
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
import { createOverview } from './overview.js';
import { createSitePages } from './site-pages.js';
import { guard, keepHome, loaded } from './frames.js';
import { folderOfFiles, folderOfHandle } from './folders.js';
import { hideNotice, refreshNotices, showNotice } from './notices.js';
import { endOffer, lastPostIn, offerReopen, rememberPost } from './reopen.js';
import {
  discardDraft, draftsOf, guardUnload, isTrap, loadDraft, otherFolders, recoverAtStart, rememberTrap, rescue, watchOtherTabs,
} from './drafts.js';

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
let folder = ''; // the id of the folder open (folders.js), '' for none
let trapped = null; // the module's trap, once it trapped: it renders and stores nothing more
let rescued = true; // after a trap, whether the last text typed is kept (drafts.js rescue)
const key = (post) => `${post.folder}|${post.lang}:${post.id}`;
// A post's value in the list of posts: `lang:id`; a draft of no folder that has the id of one of
// the open folder's posts is told apart by a leading `|`.
const optionValue = (post) =>
  (post.folder === '' && folder !== '' && workspace.get(post.id, post.lang, folder) ? '|' : '') + `${post.lang}:${post.id}`;
const drafted = new Set(); // key() of every post with a saved draft

// A draft whose last render never finished is shown as text, not rendered, until asked.
let unfinished = recoverAtStart();
const frame = $('[data-testid=preview]');
const frameDocument = await loaded(frame, (doc) => doc.getElementById('post'));
watchFrame(frameDocument);
// A site's posts are shown in a frame of their own (see index.html); the one shown is `shown`.
const siteFrame = $('#site-preview');
let siteDocument = await loaded(siteFrame);
watchFrame(siteDocument);
const shown = {
  get contentWindow() { return (siteFrame.hidden ? frame : siteFrame).contentWindow; },
  get contentDocument() { return (siteFrame.hidden ? frame : siteFrame).contentDocument; },
};
const preview = new Preview(frameDocument.getElementById('post'), onRender);
const workspace = new Workspace((text, path) => Preview.describe(text, path));
const editor = createEditor($('[data-testid=editor]'), {
  label: () => t('editor'),
  onChange() {
    if (trapped) return (rescued = rescue(current, editor.text()));
    try {
      preview.edit(editor.text());
    } catch (error) {
      // The editor would only log it: a trap here must still be heard.
      if (!isTrap(error)) throw error;
      return onTrap(error);
    }
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
// A frame that navigated all the same is brought back, and the preview drawn into it again.
keepHome(frame, (doc) => {
  watchFrame(doc);
  if (!trapped) preview.attach(doc.getElementById('post'));
});
keepHome(siteFrame, (doc) => {
  siteDocument = doc;
  watchFrame(doc);
  if (!trapped) preview.attachSite(doc);
});
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
    // The open site's page, as its other posts (when the site publishes it as a post).
    preview.addSitePost(path);
    show(post);
  },
  replace: (text) => replaceText(editor.view, text),
  t: () => t,
  lang: () => uiLang,
});
const overview = createOverview($('[data-testid=translations-overview]'), {
  workspace,
  show,
  t: () => t,
  translate(post, lang) {
    const section = newPosts.sections.find((s) => s.lang === lang);
    if (!section) return false;
    show(post);
    newPosts.ask('translate');
    const select = $('dialog.new-post [data-testid=post-section]');
    select.value = section.path;
    select.dispatchEvent(new Event('input'));
    return true;
  },
});
// The site's other pages, in the picker's last section and the languages row's buttons.
const sitePages = createSitePages({
  preview,
  select: $('#posts'),
  home: $('#show-home'),
  feed: $('#show-feed-entry'),
  panel: $('#feed-entry'),
  back: $('#show-post'),
  t: () => t,
});
const form = new FrontMatterForm($('[data-testid=front-matter-form]'), {
  text: () => editor.text(),
  replace: (text) => replaceText(editor.view, text),
});

addEventListener('error', (event) => isTrap(event.error) && onTrap(event.error));
addEventListener('unhandledrejection', (event) => isTrap(event.reason) && onTrap(event.reason));
guardUnload(() => (trapped ? !rescued : editor.text() !== current.text && !preview.isStored(editor.text())));
watchOtherTabs({ current: () => current, text: () => editor.text(), changed: otherTabWrote });

await workspace.addDemo(BASE);
addDrafts();
useLanguage();
const session = readJSON(SESSION_KEY);
const demo = workspace.demoPosts();
show((session && workspace.get(session.id, session.lang, session.folder ?? '')) ?? demo.find((p) => p.lang === 'en') ?? demo[0]);
wireControls();
registerOffline(BASE);
// The folder last worked in, offered again after a reload (reopen.js).
offerReopen({ open: openDirectory, t: () => t, say: (message) => ((note = message), showStatus()), opened: () => folder !== '' });

/** Lists the drafts of the folder open (and of none) whose posts are not open; names the others. */
function addDrafts() {
  const drafts = draftsOf(folder);
  for (const d of drafts) drafted.add(key(d));
  // A new post drafted here before a reload, never saved, is a post of its site all the same.
  for (const d of drafts) if (folder && d.folder === folder) preview.addSitePost(d.id);
  workspace.addDrafts(drafts, loadDraft);
  showOtherDrafts();
}

/**
 * Names the folders not open that have drafts, if any, and offers to list those drafts: as posts
 * of their own folder, which Save downloads and never writes into a file here.
 */
function showOtherDrafts() {
  const others = otherFolders(folder);
  if (!others.length) return hideNotice('other-drafts');
  const folders = () => others.map(([name, count]) => t('folderDrafts', { name, count })).join(', ');
  const list = () => {
    workspace.addDrafts(Preview.listDrafts().filter((d) => d.folder !== '' && d.folder !== folder), loadDraft);
    showPostList();
  };
  showNotice('other-drafts', () => t('otherDrafts', { folders: folders() }), [[() => t('listOtherDrafts'), 'list-other-drafts', list]]);
}

/** Shows `post`, from its draft if it has one. */
function show(post) {
  // After a trap nothing can be read from the module: the post typed in stays until a reload.
  if (trapped) return;
  current = post;
  family = [];
  const draft = loadDraft(post);
  const text = draft?.text ?? post.text;
  // A draft that is not as saved is shown raw: nothing of it is dropped.
  note = draft?.damaged ? t('draftDamaged') : '';
  editor.load(text);
  form.show(post.demo ? null : newPosts.templateFor(post.path), text);
  editor.view.scrollDOM.scrollTop = 0;
  frame.contentWindow.scrollTo(0, 0);
  siteFrame.contentWindow.scrollTo(0, 0);
  write(SESSION_KEY, { id: post.id, lang: post.lang, folder: post.folder });
  rememberPost(post);
  hideNotice('other-tab');
  const paused = unfinished && ['folder', 'id', 'lang'].every((k) => unfinished[k] === post[k]);
  pause(paused ? unfinished.message ?? t('tabDied') : null);
  preview.setSite({ baseurl_root: post.demo ? DEMO_ROOT : '' });
  preview.folder = post.folder;
  // The frame shows the post again, not a page of its site.
  sitePages.leave();
  preview.open(post.id, post.lang, post.path, text);
  showPostList();
  showDraftState();
}

/** After every render: the problems, the languages, the status. */
function onRender(r) {
  report = r;
  if (r.paused) {
    showFrame(false);
    showProblems([]);
    return showStatus();
  }
  showFrame(r.url != null);
  // While the front matter is broken, the family is the last good one.
  if (r.frontMatter === 'ok' || r.frontMatter === 'none' || !family.length) {
    family = workspace.family(current, r.translations);
  }
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
  sitePages.rendered();
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

/** The interface's language: the user's choice kept in storage, else the browser's; never the post's. */
function useLanguage() {
  const chosen = readString(UI_KEY) || 'auto';
  const lang = pick(chosen === 'auto' ? navigator.language : chosen);
  if (lang === uiLang) return;
  uiLang = lang;
  t = translator(lang);
  document.documentElement.lang = lang;
  translatePage(document, t);
  const select = $('#ui-lang');
  select.replaceChildren(
    new Option(t('followBrowser'), 'auto'),
    ...UI_LANGUAGES.map((l) => Object.assign(new Option(autonym(l), l), { lang: l })),
  );
  select.value = chosen;
  if (current) showPostList();
  overview.refresh();
  refreshNotices();
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
// A declaration, not a const: the first render (of a stored draft) can come before this line runs.
function part(className, text) {
  return Object.assign(document.createElement('span'), { className, textContent: text });
}

function showProblems(diagnostics, inSite = []) {
  const items = diagnostics.map((d) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `problem ${d.severity}`;
    button.dataset.line = d.line;
    button.dataset.column = d.column;
    button.dataset.code = d.code;
    // In another interface language the core's line for the code says what is wrong; the message
    // itself (the post's paths and values) stays beside it as written.
    const about = describeProblem(d.code, uiLang);
    const message = about ? [part('message', about), Object.assign(part('detail', d.message), { lang: 'en' })] : [part('message', d.message)];
    button.append(part('severity', t(d.severity)), part('place', t('place', d)), ...message, part('code', d.code));
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
  const frontMatter = report && !report.paused && notes[report.frontMatter];
  const text = [frontMatter, report?.draftError && t('saveFailed', { error: report.draftError }), note];
  $('.status .note').textContent = text.filter(Boolean).join(' ');
  $('.status .timing').textContent = report && !report.paused ? t('rendered', { ms: report.ms.toFixed(1) }) : '';
}

function showPostList() {
  const option = (post, label) => Object.assign(new Option(label, optionValue(post)), { lang: post.lang });
  const group = (label, lang, options) => {
    const g = Object.assign(document.createElement('optgroup'), { label });
    if (lang) g.dataset.lang = lang;
    g.append(...options);
    return g;
  };
  const demo = workspace.demoPosts().map((p) => option(p, `${autonym(p.lang)} — ${p.title}`));
  const groups = workspace.byLanguage().map(([lang, posts]) =>
    group(autonym(lang), lang, posts.map((p) => option(p, `${p.date} ${p.title}${draftLabel(p)}`.trim()))),
  );
  $('#posts').replaceChildren(group(t('demo'), null, demo), ...groups, ...sitePages.group());
  $('#posts').value = optionValue(current);
  sitePages.refresh();
}

/** What the list adds to a draft whose file is not open: "(draft)", and its folder if not this one. */
function draftLabel(post) {
  if (!post.draftOnly) return '';
  return post.folder === '' || post.folder === folder ? ` (${t('draft')})` : ` (${t('draft')}: ${post.folderName})`;
}

function showDraftState() {
  $('#discard').hidden = !drafted.has(key(current)) || current.draftOnly;
}

async function openFiles(files, config, folderId) {
  if (!files.length) {
    note = t('noPosts');
    return showStatus();
  }
  folder = folderId;
  saver.folder = folderId;
  const posts = workspace.open(files, config, folderId);
  addDrafts();
  const newest = (list) => [...list].sort((a, b) => b.date.localeCompare(a.date))[0];
  // The folder last worked in opens at the post last shown there (its draft with it).
  const last = lastPostIn(folderId);
  show((last && workspace.get(last.id, last.lang, folderId)) ?? newest(posts.filter((p) => p.lang === current.lang)) ?? newest(posts));
}

function wireControls() {
  $('#open-files').addEventListener('click', () => $('#files').click());
  $('#open-folder').addEventListener('click', async () => {
    if (!Saver.available()) return $('#folder').click();
    const files = await saver.pick().catch((error) => ((note = error.message), showStatus(), null));
    if (files) await openFolderFiles(files, await folderOfHandle(saver.root));
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
    await loadSite();
    preview.closeSite();
    await sitePages.opened(null);
    newPosts.use([]);
    await openFiles(await readFileList(event.target.files), null, '');
    event.target.value = '';
  });
  $('#folder').addEventListener('change', async (event) => {
    saver.forget();
    const files = filesOfInput(event.target.files);
    await openFolderFiles(files, folderOfFiles(files));
    event.target.value = '';
  });
  $('#posts').addEventListener('change', (event) => {
    if (sitePages.choose(event.target.value)) return;
    const post = workspace.posts.find((p) => optionValue(p) === event.target.value);
    if (post) show(post);
  });
  $('#ui-lang').addEventListener('change', (event) => {
    write(UI_KEY, event.target.value);
    useLanguage();
    showSwitcher();
    showProblems(report.diagnostics, report.siteDiagnostics);
    showStatus();
  });
  $('#download').addEventListener('click', () => downloadText(current.name, editor.text()));
  $('#discard').addEventListener('click', () => {
    preview.flush();
    discardDraft(current);
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
    const files = await filesOfDrop(event.dataTransfer);
    await openFolderFiles(files, folderOfFiles(files));
  });
}

/**
 * Opens a folder's files ([{ path, file }], none read yet): as a site in the preview when it is
 * one, its posts listed, its templates (New post, the form, checks) and languages used.
 */
async function openFolderFiles(files, folderId) {
  endOffer();
  const opened = await openFolder(preview, siteDocument, files);
  newPosts.use(await readForestry(files));
  await openFiles(opened.posts, await readSiteConfig(files), folderId);
  overview.opened(files);
  // The site's other pages are read after its posts are shown: opening is no slower for them.
  await sitePages.opened(opened.kept ?? null);
  showPostList();
}

/** Opens a folder's directory handle read-write (the picker's, or any other). */
async function openDirectory(handle) {
  const files = await saver.openDirectory(handle);
  await openFolderFiles(files, await folderOfHandle(handle));
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
  discardDraft(post);
  drafted.delete(key(post));
  post.text = text;
  overview.touched(post.path);
  note = reload ? '' : t('saved', { name: post.name });
  if (reload && post === current) return show(post);
  showStatus();
  showDraftState();
}

/** Guards a preview frame's document (frames.js), links named in the status line; follows its scroll. */
function watchFrame(doc) {
  guard(doc, (href) => {
    note = t('linkBlocked', { href });
    showStatus();
  });
  doc.defaultView.addEventListener('scroll', () => sync.fromPreview(), { passive: true });
}

/** Pauses the preview with the reason (`why`), or renders again (null). */
function pause(why) {
  preview.paused = why !== null;
  if (why === null) return hideNotice('render-paused');
  showNotice('render-paused', () => t('renderPaused', { error: why }), [
    [() => t('renderAnyway'), 'render-anyway', () => {
      unfinished = null;
      pause(null);
      preview.render();
    }],
  ]);
}

/** The module trapped: it can render and store nothing more, so what is typed goes to the rescue slot. */
function onTrap(error) {
  if (trapped) return;
  trapped = error;
  rememberTrap(error);
  rescued = rescue(current, editor.text());
  showNotice('trapped', () => t('trapped', { error: error.message }), [[() => t('reload'), 'reload', () => location.reload()]]);
}

/** Another tab wrote the draft of this post: both texts stay, the user picks. */
function otherTabWrote(theirs) {
  const buttons = [[() => t('keepMine'), 'other-tab-keep', () => (preview.edit(editor.text()), hideNotice('other-tab'))]];
  if (theirs) {
    buttons.push([() => t('takeTheirs'), 'other-tab-take', () => (replaceText(editor.view, theirs.text), hideNotice('other-tab'))]);
  }
  showNotice('other-tab', () => t('otherTab'), buttons);
}
