// Which folder is open, for its drafts: a draft belongs to its folder, so that an edit made in one
// site is never taken for the file at the same path in another (src/page/drafts.rs).
//
// A folder opened as a directory handle (the picker's, or any other) is known again by the handle
// itself: each handle is kept in IndexedDB with a random id it was given, and a handle opened
// later is compared with them (isSameEntry). Only such a folder can be written to, so two folders
// that look alike (two clones of one site) never share drafts there. A folder uploaded or dropped
// has no handle: its id comes from its name and a fingerprint of its files (Preview.fingerprint
// says which); Save downloads its posts, so two such folders that look alike share their drafts
// on screen but never write them into a file. A folder opened one way and later the other is two
// folders: its drafts wait for it to be opened the way they were made.
import { Preview } from './modules.js';

const DB = 'postview';
const STORE = 'folders';

/** The id of a folder uploaded or dropped: its files are [{ path, file }], paths from above it. */
export function folderOfFiles(files) {
  const root = files[0]?.path.split('/')[0] ?? '';
  const inside = files.filter(({ path }) => path.startsWith(`${root}/`));
  // Loose files (not one folder) belong to no folder.
  if (!root || inside.length !== files.length) return '';
  return Preview.folderId(root, fingerprintOf(inside.map(({ path, file }) => [path.slice(root.length + 1), file.size])));
}

/** The id of the folder of directory `handle`. */
export async function folderOfHandle(handle) {
  const id = Preview.folderId(handle.name, crypto.randomUUID());
  const db = await openDb().catch(() => null);
  // Without IndexedDB the folder is new each time it is opened: its drafts wait, never mix.
  if (!db) return id;
  try {
    const known = await request(db.transaction(STORE).objectStore(STORE).getAll());
    for (const entry of known) {
      if (await entry.handle.isSameEntry(handle).catch(() => false)) return entry.id;
    }
    await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put({ id, handle }));
    return id;
  } catch {
    return id;
  } finally {
    db.close();
  }
}

/** The directory handle kept for the folder `id`, or null (none kept, or no IndexedDB). */
export async function keptHandle(id) {
  const db = await openDb().catch(() => null);
  if (!db) return null;
  try {
    return (await request(db.transaction(STORE).objectStore(STORE).get(id)))?.handle ?? null;
  } catch {
    return null;
  } finally {
    db.close();
  }
}

const fingerprintOf = (entries) => Preview.fingerprint(entries.map(([path]) => path), entries.map(([, size]) => size));

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
