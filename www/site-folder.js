// Opening a folder: a Jekyll site (its _config.yml or _layouts found) goes to the preview as a
// site — only its text files are read (the crate's Preview.planFolder says which), the others
// are handed over unread, as File objects the preview shows lazily — and its posts are listed.
// Any other folder (an _i18n folder alone, loose .md files) gives its posts, as before.
import { Preview, loadSite } from './modules.js';
import { isPost, isPostText } from './family.js';

/** The files of an `<input type=file>` (a folder's carry webkitRelativePath): [{ path, file }]. */
export const filesOfInput = (list) => [...list].map((file) => ({ path: file.webkitRelativePath || file.name, file }));

/** The files of a drop, folders walked through their entries, none read: [{ path, file }]. */
export async function filesOfDrop(dataTransfer) {
  const entries = [...dataTransfer.items].map((item) => item.webkitGetAsEntry?.()).filter(Boolean);
  if (!entries.length) return filesOfInput(dataTransfer.files);
  const out = [];
  const walk = async (entry) => {
    if (entry.isFile) {
      out.push({ path: entry.fullPath.replace(/^\//, ''), file: await new Promise((done, fail) => entry.file(done, fail)) });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      // readEntries gives a batch at a time, and an empty one at the end.
      for (;;) {
        const batch = await new Promise((done, fail) => reader.readEntries(done, fail));
        if (!batch.length) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  for (const entry of entries) await walk(entry);
  return out;
}

/**
 * Opens `files` ([{ path, file }]) in `preview`: as a site if they are one (its pages drawn
 * into `siteDocument`), else closes any site. Resolves with the posts to list
 * ([{ path, text }]), the site's problems and, for a site, its files not read ([{ path, file }]).
 */
export async function openFolder(preview, siteDocument, files) {
  await loadSite();
  const plan = Preview.planFolder(files.map((f) => f.path));
  if (!plan.site) {
    preview.closeSite();
    const read = files
      .filter(({ file }) => isPost(file.name))
      .map(async ({ path, file }) => ({ path, text: await file.text() }));
    return { posts: (await Promise.all(read)).filter(({ path, text }) => isPostText(path, text)), diagnostics: [] };
  }
  const texts = [];
  const kept = [];
  plan.files.forEach(({ path, read }, i) => {
    if (path === null) return;
    if (read) texts.push(files[i].file.text().then((text) => ({ path, text })));
    else kept.push({ path, file: files[i].file });
  });
  const read = await Promise.all(texts);
  const opened = preview.openSite(siteDocument, read, kept);
  const textOf = new Map(read.map(({ path, text }) => [path, text]));
  return {
    posts: opened.posts.map((path) => ({ path, text: textOf.get(path) ?? '' })),
    diagnostics: opened.diagnostics,
    // The files not read, from the site root: its other pages are among them (site-pages.js).
    kept,
  };
}
