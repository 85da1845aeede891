// Which folder is open, for its drafts: a draft belongs to its folder, so that an edit made in one
// site is never taken for the file at the same path in another (src/page/drafts.rs).
//
// A folder opened as a directory handle (the picker's, or any other) is known again by the handle
// itself: each handle is kept in IndexedDB with the id it was given, and a handle opened later is
// compared with them (isSameEntry). A folder uploaded or dropped has no handle: its id comes from
// its name and a fingerprint of its files (Preview.fingerprint says which). A handle's first id is
// that same fingerprint id, so a folder opened both ways keeps its drafts; two folders that look
// alike get ids of their own once their handles are told apart.
import { Preview } from './pkg/postview.js';

const DB = 'postview';
const STORE = 'folders';

/** The id of a folder uploaded or dropped: its files are [{ path, file }], paths from above it. */
export function folderOfFiles(files) {
  const root = files[0]?.path.split('/')[0] ?? '';
  const inside = files.filter(({ path }) => path.startsWith(`${root}/`));
  // Loose files (not one folder) belong to no folder.
  if (!root || inside.length !== files.length) return '';
  return idOf(root, inside.map(({ path, file }) => [path.slice(root.length + 1), file.size]));
}

/** The id of the folder of directory `handle`, whose files are [{ path, file }] (paths inside it). */
export async function folderOfHandle(handle, files) {
  const id = idOf(handle.name, files.map(({ path, file }) => [path, file.size]));
  const db = await openDb().catch(() => null);
  if (!db) return id;
  try {
    const known = await request(db.transaction(STORE).objectStore(STORE).getAll());
    for (const entry of known) {
      if (await entry.handle.isSameEntry(handle).catch(() => false)) return entry.id;
    }
    // Another folder that looks the same has this id already: this one gets its own.
    const unique = known.some((entry) => entry.id === id) ? Preview.folderId(handle.name, crypto.randomUUID()) : id;
    await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put({ id: unique, handle }));
    return unique;
  } catch {
    return id;
  } finally {
    db.close();
  }
}

function idOf(name, entries) {
  return Preview.folderId(name, Preview.fingerprint(entries.map(([path]) => path), entries.map(([, size]) => size)));
}

function openDb() {
  const open = indexedDB.open(DB, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'id' });
  return request(open);
}

const request = (req) =>
  new Promise((done, fail) => {
    req.onsuccess = () => done(req.result);
    req.onerror = () => fail(req.error);
  });
