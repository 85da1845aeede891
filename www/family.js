// The posts the page knows — the built-in demo, the files and folders the user opens, and drafts
// left from earlier visits — and how a post finds its translations.
//
// Front matter names a translation by its path from the site root (`_i18n/ja/_posts/….md`); a
// folder may be opened at the site root or at `_i18n`, so paths are matched by suffix.

/** The site's languages, in its order; posts may have others (de, es, …), listed after these. */
export const SITE_LANGUAGES = ['en', 'ja', 'ko', 'zh-Hans', 'zh-Hant'];

const DEMO_PATHS = ['en', 'ja', 'zh-Hans'].map((l) => `_i18n/${l}/_posts/2025-06-01-meet-postview.md`);

/** `site/_i18n/ja/_posts/x.md` → `_i18n/ja/_posts/x.md`; other paths as they are. */
export function sitePath(relative) {
  const path = relative.replace(/^\.?\/+/, '');
  const at = path.search(/(^|\/)_i18n\//);
  return at < 0 ? path : path.slice(at === 0 ? 0 : at + 1);
}

/** The language folder of `_i18n/<lang>/…`, if the path has one. */
export function folderLanguage(path) {
  return /(?:^|\/)_i18n\/([^/]+)\//.exec(path)?.[1] ?? null;
}

export const fileName = (path) => path.split('/').pop();

/** Orders language codes the site's way, others after in alphabetical order. */
export function byLanguage(a, b) {
  const rank = (l) => (SITE_LANGUAGES.includes(l) ? SITE_LANGUAGES.indexOf(l) : SITE_LANGUAGES.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

export const isPost = (name) => /\.(md|markdown)$/i.test(name);

/** Whether a Markdown file at `path` is a post: in _posts or _drafts, or opening front matter. */
export const isPostText = (path, text) => /(^|\/)_(posts|drafts)\//.test(path) || /^\uFEFF?---[ \t]*\r?\n/.test(text);

/** The posts of an `<input type=file>`'s files (a folder's files carry webkitRelativePath). */
export async function readFileList(files) {
  const read = [...files]
    .filter((file) => isPost(file.name))
    .map(async (file) => ({ path: file.webkitRelativePath || file.name, text: await file.text() }));
  return (await Promise.all(read)).filter(({ path, text }) => isPostText(path, text));
}

/** The posts of a drop: files, and folders walked through their entries. */
export async function readDrop(dataTransfer) {
  const out = [];
  const walk = async (entry) => {
    if (entry.isFile) {
      if (isPost(entry.name)) out.push({ path: entry.fullPath.replace(/^\//, ''), entry });
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
  const entries = [...dataTransfer.items].map((item) => item.webkitGetAsEntry?.()).filter(Boolean);
  if (!entries.length) return readFileList(dataTransfer.files);
  for (const entry of entries) await walk(entry);
  const read = out.map(async ({ path, entry }) => {
    const file = await new Promise((done, fail) => entry.file(done, fail));
    return { path, text: await file.text() };
  });
  return (await Promise.all(read)).filter(({ path, text }) => isPostText(path, text));
}

/**
 * The posts known to the page. A post is `{ id, lang, path, name, title, date, text, demo,
 * draftOnly }`: `id` and `lang` name its draft, `text` is the file as opened (empty for a draft
 * whose file is not open). `describe(text, path)` reads front matter (Preview.describe).
 */
export class Workspace {
  constructor(describe) {
    this.describe = describe;
    this.posts = [];
  }

  add({ path, text, demo = false, draftOnly = false, lang = null }) {
    const info = this.describe(text, path);
    const post = {
      id: demo ? `demo:${path}` : path,
      path,
      name: fileName(path),
      lang: lang ?? folderLanguage(path) ?? info.lang ?? 'und',
      title: info.title || fileName(path),
      date: info.date ?? '',
      text,
      demo,
      draftOnly,
    };
    this.posts = this.posts.filter((p) => !(p.id === post.id && p.lang === post.lang));
    this.posts.push(post);
    return post;
  }

  async addDemo(base) {
    for (const path of DEMO_PATHS) {
      const response = await fetch(new URL(`demo/${path}`, base));
      if (response.ok) this.add({ path, text: await response.text(), demo: true });
    }
  }

  /** Posts whose files are gone but whose drafts are saved (`[{ id, lang }]`). */
  addDrafts(list, loadDraft) {
    for (const { id, lang } of list) {
      if (id.startsWith('demo:') || this.get(id, lang)) continue;
      this.add({ path: id, text: loadDraft(id, lang) ?? '', draftOnly: true, lang });
    }
  }

  /** Replaces the opened files (not the demo) by `files` ([{ path, text }]); returns the posts. */
  open(files) {
    this.posts = this.posts.filter((p) => p.demo || p.draftOnly);
    return files.map(({ path, text }) => this.add({ path: sitePath(path), text }));
  }

  get(id, lang) {
    return this.posts.find((p) => p.id === id && p.lang === lang) ?? null;
  }

  /**
   * The post at site path `path`, among the demo's posts or among the others. A shorter path
   * matches by suffix if the language agrees (translations often share their file name); last,
   * a post of that language with that file name, for folders not laid out as the site.
   */
  find(path, demo) {
    const want = sitePath(path.trim());
    const lang = folderLanguage(want);
    const candidates = this.posts.filter((p) => p.demo === demo && (!lang || p.lang === lang));
    return (
      candidates.find((p) => p.path === want) ??
      candidates.find((p) => p.path.endsWith(`/${want}`) || want.endsWith(`/${p.path}`)) ??
      (lang && candidates.find((p) => p.name === fileName(want))) ??
      null
    );
  }

  /** The translations of `post` as the report of its render names them: [{ lang, post|null }]. */
  family(post, translations) {
    const members = [{ lang: post.lang, post }];
    for (const t of translations) {
      if (members.some((m) => m.lang === t.lang)) continue;
      members.push({ lang: t.lang, post: this.find(t.path, post.demo) });
    }
    return members.sort((a, b) => byLanguage(a.lang, b.lang));
  }

  /** The posts that are not the demo's, by language: [[lang, posts]], newest first. */
  byLanguage() {
    const groups = new Map();
    for (const post of this.posts.filter((p) => !p.demo)) {
      if (!groups.has(post.lang)) groups.set(post.lang, []);
      groups.get(post.lang).push(post);
    }
    for (const posts of groups.values()) {
      posts.sort((a, b) => b.date.localeCompare(a.date) || a.name.localeCompare(b.name));
    }
    return [...groups].sort(([a], [b]) => byLanguage(a, b));
  }

  demoPosts() {
    return this.posts.filter((p) => p.demo).sort((a, b) => byLanguage(a.lang, b.lang));
  }
}
