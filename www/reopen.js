// After a reload: the folder last worked in, offered again, and the post last shown in it
// reopened with its draft (not the folder's newest post). A folder opened as a directory handle
// is kept in IndexedDB (folders.js); the browser asks again for access to it, which needs a
// click (requestPermission wants a user gesture), so a notice offers that click. A folder
// uploaded or dropped cannot be kept (nor can a handle where there is no File System Access
// API): the notice names it, for the user to open again; opened again, it is the same folder
// (the same id), so its post and draft come back the same way.
import { Preview } from './modules.js';
import { keptHandle } from './folders.js';
import { hideNotice, showNotice } from './notices.js';
import { readJSON, write } from './storage.js';

const KEY = 'postview:folder-post';
const NOTICES = ['reopen-folder-notice', 'reopen-folder-hint'];

/** Remembers `post` as the one last shown in its folder (a post of no folder changes nothing). */
export function rememberPost(post) {
  if (post.folder) write(KEY, { folder: post.folder, id: post.id, lang: post.lang });
}

/** The post last shown in `folder` (`{ id, lang }`), if `folder` is the one last worked in. */
export function lastPostIn(folder) {
  const last = readJSON(KEY);
  return folder && last?.folder === folder ? last : null;
}

/**
 * At start: offers the folder last worked in. `open(handle)` opens a kept directory handle once
 * access is granted; `t()` is the translator; `say(message)` puts a message in the status line;
 * `opened()` says whether a folder was opened meanwhile (then nothing is offered).
 */
export async function offerReopen({ open, t, say, opened }) {
  const last = readJSON(KEY);
  if (!last?.folder) return;
  const name = Preview.folderName(last.folder);
  const handle = await keptHandle(last.folder);
  if (opened()) return;
  if (!handle || typeof handle.requestPermission !== 'function') {
    showNotice('reopen-folder-hint', () => t()('reopenFolderHint', { name }));
    return;
  }
  const reopen = async () => {
    const state = await handle.requestPermission({ mode: 'readwrite' }).catch(() => 'denied');
    if (state !== 'granted') return say(t()('reopenDenied', { name }));
    // The folder may have gone since (moved, deleted): the offer stays, the reason is said.
    await open(handle).catch((error) => say(`${t()('reopenDenied', { name })} ${error.message}`));
  };
  showNotice('reopen-folder-notice', () => t()('reopenFolderAsk', { name }), [[() => t()('reopenFolder', { name }), 'reopen-folder', reopen]]);
}

/** A folder is open: the offer is over. */
export const endOffer = () => NOTICES.forEach(hideNotice);
