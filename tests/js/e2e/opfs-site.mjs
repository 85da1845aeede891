// A folder on disk copied into the page's origin-private file system, and opened from there as
// a directory handle through window.postviewOpenDirectory — the function the folder picker's
// handle goes to. In headless Chromium the picker cannot be answered; the origin-private
// directory stands for the folder the user would pick: a real handle, kept in the real
// IndexedDB, whose permission the real requestPermission grants.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir`: paths from `dir`, with `/`. */
function filesUnder(dir) {
  const out = [];
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Copies the folder `dir` into the origin-private directory `name` (a few files per call). */
export async function copyToOpfs(page, dir, name) {
  const paths = filesUnder(dir);
  for (let i = 0; i < paths.length; i += 40) {
    const batch = paths.slice(i, i + 40).map((path) => ({ path, data: readFileSync(join(dir, path)).toString('base64') }));
    await page.evaluate(
      async ({ name, batch }) => {
        const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(name, { create: true });
        for (const { path, data } of batch) {
          let folder = root;
          const parts = path.split('/');
          for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
          const writable = await (await folder.getFileHandle(parts.at(-1), { create: true })).createWritable();
          await writable.write(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
          await writable.close();
        }
      },
      { name, batch },
    );
  }
  return paths.length;
}

/** Opens the origin-private directory `name` as the site folder, as the picker's handle is. */
export const openOpfsFolder = (page, name) =>
  page.evaluate(async (name) => window.postviewOpenDirectory(await (await navigator.storage.getDirectory()).getDirectoryHandle(name)), name);
