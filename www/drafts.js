// The page's side of drafts, which the module keeps (src/page/drafts.rs): a post's draft is
// named by its folder, id and language; the drafts of folders not open are counted, not shown;
// another tab writing the draft of the post shown is noticed; leaving the page while what was
// typed is stored nowhere asks first; and a module that trapped hands what is typed next to a
// rescue slot, which the next start makes a draft again.
import { Preview } from './modules.js';
import { readJSON, remove, write } from './storage.js';

const RESCUE_KEY = 'postview:rescue';
const TRAP_KEY = 'postview:trap';

/** The stored draft of `post`: `{ text, damaged }`, or null. */
export const loadDraft = (post) => Preview.loadDraft(post.folder, post.id, post.lang) ?? null;
export const saveDraft = (post, text) => Preview.saveDraft(post.folder, post.id, post.lang, text);
export const discardDraft = (post) => Preview.discardDraft(post.folder, post.id, post.lang);

/** The drafts of `folder` and of no folder: [{ folder, id, lang }]. */
export const draftsOf = (folder) => Preview.listDrafts().filter((d) => d.folder === '' || d.folder === folder);

/** The folders other than `folder` that have drafts, by name: [[name, count]]. */
export function otherFolders(folder) {
  const counts = new Map();
  for (const d of Preview.listDrafts()) {
    if (d.folder === '' || d.folder === folder) continue;
    counts.set(d.folderName, (counts.get(d.folderName) ?? 0) + 1);
  }
  return [...counts];
}

/**
 * Calls `changed(theirs)` when another tab writes or removes the draft of the post shown
 * (`current()`) and it no longer holds this tab's text (`text()`); `theirs` is the draft it
 * stored, or null.
 */
export function watchOtherTabs({ current, text, changed }) {
  addEventListener('storage', (event) => {
    const name = event.key && Preview.draftOfKey(event.key);
    const post = current();
    if (!name || name.folder !== post.folder || name.id !== post.id || name.lang !== post.lang) return;
    const theirs = loadDraft(post);
    if (theirs?.text !== text()) changed(theirs);
  });
}

/** Asks before the page is left while `unstored()` says what was typed is kept nowhere. */
export function guardUnload(unstored) {
  addEventListener('beforeunload', (event) => {
    if (!unstored()) return;
    event.preventDefault();
    // Older browsers show the prompt only for a non-empty return value.
    event.returnValue = true;
  });
}

/** After a trap: keeps `text` of `post` where the next start finds it. Returns whether it could. */
export const rescue = (post, text) =>
  write(RESCUE_KEY, { folder: post.folder, id: post.id, lang: post.lang, text }) === null;

/** Remembers why the module trapped, for the next start to say. */
export const rememberTrap = (error) => write(TRAP_KEY, { message: String(error?.message ?? error) });

/**
 * At start: makes a rescued text a draft again, and returns the draft whose last render never
 * finished (`{ folder, id, lang, message }`), if one did not.
 */
export function recoverAtStart() {
  const rescued = readJSON(RESCUE_KEY);
  if (rescued?.text != null) {
    try {
      Preview.saveDraft(rescued.folder, rescued.id, rescued.lang, rescued.text);
      remove(RESCUE_KEY);
    } catch {
      // Storage full: the rescue slot keeps it.
    }
  }
  const unfinished = Preview.takeUnfinished();
  const trap = readJSON(TRAP_KEY);
  remove(TRAP_KEY);
  return unfinished && { ...unfinished, message: trap?.message ?? null };
}

/** Whether `error` is the module trapping (unreachable, out of memory, out of stack). */
export const isTrap = (error) =>
  error instanceof WebAssembly.RuntimeError || (error instanceof RangeError && /call stack/i.test(error.message));
