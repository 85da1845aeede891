// Save in place: a site folder opened through the File System Access API (Chromium's
// showDirectoryPicker, or any directory handle, such as the origin-private file system's) is
// opened read-write, and Save writes the post back to its file. A file changed on disk since it
// was read is never overwritten without asking: both texts are shown and the user chooses. Posts
// not opened that way (files opened one by one, the demo, browsers without the API) are
// downloaded, as before.

import { sitePath } from './modules.js';
import { isPost, isPostText } from './family.js';
import { translator } from './i18n.js';

/** Folders never part of a site's sources, not walked. */
const SKIPPED = new Set(['.git', 'node_modules', '_site', '.jekyll-cache', 'vendor']);

export class Saver {
  /**
   * `ui`: `{ download(post, text), saved(post, text), conflict({ post, disk, mine }) → Promise<'overwrite' | 'disk' | 'cancel'>, report(message), t?() → translator }`.
   */
  constructor(ui) {
    this.ui = ui;
    // Site path → { handle, lastModified, text }: each file as it was last read or written.
    this.files = new Map();
    // The folder opened, and the part of its posts' paths before the site path.
    this.root = null;
    this.prefix = '';
    // The id of the folder opened (folders.js): only its posts are written to its files.
    this.folder = '';
  }

  /** Whether the browser can open a folder read-write. */
  static available() {
    return typeof window.showDirectoryPicker === 'function';
  }

  /** Asks for a folder, read-write; resolves to its files (see openDirectory) or null if cancelled. */
  async pick() {
    let handle;
    try {
      handle = await window.showDirectoryPicker({ id: 'postview-site', mode: 'readwrite' });
    } catch (error) {
      if (error.name === 'AbortError') return null;
      throw error;
    }
    return this.openDirectory(handle);
  }

  /**
   * The files of a directory handle ([{ path, file }], paths relative to it, none read but the
   * posts); remembers each post's handle, date and text for saving. Write permission is asked
   * for here, once.
   */
  async openDirectory(dir) {
    if (dir.requestPermission) {
      const state = await dir.requestPermission({ mode: 'readwrite' }).catch(() => 'denied');
      if (state !== 'granted') this.ui.report((this.ui.t?.() ?? translator('en'))('readOnly'));
    }
    this.files.clear();
    this.root = dir;
    this.prefix = '';
    const files = [];
    const walk = async (handle, prefix) => {
      for await (const [name, child] of handle.entries()) {
        const path = `${prefix}${name}`;
        if (child.kind === 'directory') {
          if (!SKIPPED.has(name)) await walk(child, `${path}/`);
          continue;
        }
        const file = await child.getFile();
        files.push({ path, file });
        if (!isPost(name)) continue;
        // A File from a handle stops being readable once the file changes on disk: the text is
        // read now, to compare with the disk's at save time.
        const { text, notUtf8 } = decode(await file.arrayBuffer());
        if (!isPostText(path, text)) continue;
        this.prefix = path.slice(0, path.length - sitePath(path).length);
        this.files.set(sitePath(path), { handle: child, lastModified: file.lastModified, text, notUtf8 });
        files[files.length - 1].file = new File([text], name, { lastModified: file.lastModified });
      }
    };
    await walk(dir, '');
    return files;
  }

  /** Forgets the folder: files opened otherwise are downloaded. */
  forget() {
    this.files.clear();
    this.root = null;
  }

  /** A new file for a post made on the page (New post, Translate), in the folder opened. */
  async create(post) {
    let dir = this.root;
    const parts = `${this.prefix}${post.path}`.split('/');
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
    const handle = await dir.getFileHandle(parts.at(-1), { create: true });
    const entry = { handle, lastModified: (await handle.getFile()).lastModified, text: '' };
    this.files.set(post.path, entry);
    return entry;
  }

  /** Why `post` has no file here to write: the key of the reason, in the page's strings. */
  whyDownloaded(post) {
    if (post.demo) return 'whyDemo';
    if (!this.root) return Saver.available() ? 'whyNoWriteAccess' : 'whyNoApi';
    return 'whyOtherFolder';
  }

  /** Saves `text` as `post`: to its file if it has one, else as a download. */
  async save(post, text) {
    let entry = this.files.get(post?.path);
    if (!entry && post?.created && this.root) entry = await this.create(post);
    // A post of another folder (a draft whose own folder is not open) never goes into a file here.
    if (!entry || post.demo || post.folder !== this.folder) {
      this.ui.download(post, text);
      const t = this.ui.t?.() ?? translator('en');
      this.ui.report(t('downloaded', { name: post.name, why: t(this.whyDownloaded(post)) }));
      return 'downloaded';
    }
    if (entry.notUtf8) {
      this.ui.download(post, text);
      this.ui.report((this.ui.t?.() ?? translator('en'))('notUtf8'));
      return 'downloaded';
    }
    const file = await entry.handle.getFile();
    if (file.lastModified !== entry.lastModified) {
      const disk = await file.text();
      if (disk !== entry.text && disk !== text) {
        const choice = await this.ui.conflict({ post, disk, mine: text });
        if (choice === 'cancel') return 'cancelled';
        if (choice === 'disk') {
          entry.lastModified = file.lastModified;
          entry.text = disk;
          this.ui.saved(post, disk, { reload: true });
          return 'took-disk';
        }
      }
    }
    const writable = await entry.handle.createWritable();
    await writable.write(text);
    await writable.close();
    entry.lastModified = (await entry.handle.getFile()).lastModified;
    entry.text = text;
    this.ui.saved(post, text, { reload: false });
    return 'saved';
  }
}

/**
 * Shows the file on disk and the editor's text side by side and resolves with the user's choice:
 * 'overwrite' (write mine), 'disk' (take the file's text into the editor) or 'cancel'. `t`: the
 * page's translator.
 */
export function askConflict({ post, disk, mine }, t = translator('en')) {
  const dialog = document.createElement('dialog');
  dialog.dataset.testid = 'conflict';
  dialog.className = 'conflict';
  const heading = Object.assign(document.createElement('h2'), {
    textContent: t('conflictTitle', { name: post.name }),
  });
  const column = (title, text, testid) => {
    const figure = document.createElement('figure');
    const caption = Object.assign(document.createElement('figcaption'), { textContent: title });
    const pre = Object.assign(document.createElement('pre'), { textContent: text });
    pre.dataset.testid = testid;
    figure.append(caption, pre);
    return figure;
  };
  const sides = document.createElement('div');
  sides.className = 'sides';
  sides.append(column(t('onDisk'), disk, 'conflict-disk-text'), column(t('yours'), mine, 'conflict-mine-text'));
  const buttons = document.createElement('div');
  buttons.className = 'choices';
  const choice = (label, value) => {
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: label, value });
    button.dataset.testid = `conflict-${value}`;
    return button;
  };
  buttons.append(
    choice(t('overwrite'), 'overwrite'),
    choice(t('takeDisk'), 'disk'),
    choice(t('keepEditing'), 'cancel'),
  );
  dialog.append(heading, sides, buttons);
  document.body.append(dialog);
  dialog.showModal();
  return new Promise((done) => {
    const finish = (value) => {
      dialog.close();
      dialog.remove();
      done(value);
    };
    buttons.addEventListener('click', (event) => {
      const value = event.target.closest('button')?.value;
      if (value) finish(value);
    });
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish('cancel');
    });
  });
}

/**
 * The text of a file's bytes, and whether they were not UTF-8. Such bytes are read as U+FFFD
 * (the module reports where); writing the text back would put U+FFFD in place of the
 * characters for good.
 */
function decode(bytes) {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), notUtf8: false };
  } catch {
    return { text: new TextDecoder().decode(bytes), notUtf8: true };
  }
}
