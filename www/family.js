// The posts the page knows — the built-in demo, the files and folders the user opens, and drafts
// left from earlier visits — and how a post finds its translations: those its front matter
// declares, and those the module finds (findTranslations) among the posts of an opened folder.
//
// The rules (which file is a post, a post's language, the site's languages and their order, a
// path as the site names it, which posts are translations) are the module's (src/reader.rs,
// src/language.rs, src/translations/): this file only asks. Front matter names a translation by
// its path from the site root (`_i18n/ja/_posts/….md`); a folder may be opened at the site root
// or at `_i18n`, so paths are matched by suffix.
import { defaultLanguages, findTranslations, isMarkdown, opensAsPost, postLanguage, siteLanguages, sitePath, sortLanguages } from './modules.js';

const DEMO_PATHS = ['en', 'ja', 'zh-Hans'].map((l) => `_i18n/${l}/_posts/2025-06-01-meet-postview.md`);

export const fileName = (path) => path.split('/').pop();

/** Whether a file is worth reading as a possible post: Markdown, by the module's rule. */
export const isPost = (name) => isMarkdown(name);

/** Whether a Markdown file at `path` is a post (the module's rule: Jekyll's reader, or front matter). */
export const isPostText = (path, text) => opensAsPost(path, text);

/** The text of the site's `_config.yml` among a folder's files ([{ path, file }]; the shallowest), or null. */
export async function readSiteConfig(files) {
  const configs = files
    .filter(({ path }) => path.split('/').pop() === '_config.yml')
    .sort((a, b) => depth(a) - depth(b));
  return configs.length ? configs[0].file.text() : null;
}

const depth = ({ path }) => path.split('/').length;

/** The posts of an `<input type=file>`'s files (a folder's files carry webkitRelativePath). */
export async function readFileList(files) {
  const read = [...files]
    .filter((file) => isPost(file.name))
    .map(async (file) => ({ path: file.webkitRelativePath || file.name, text: await file.text() }));
  return (await Promise.all(read)).filter(({ path, text }) => isPostText(path, text));
}

/**
 * The posts known to the page. A post is `{ folder, id, lang, path, name, title, date, text, demo,
 * draftOnly }`: `folder`, `id` and `lang` name its draft (`folder` is the open folder's id, `''`
 * for the demo and files opened one by one), `text` is the file as opened (empty for a draft
 * whose file is not open). `describe(text, path)` reads front matter (Preview.describe).
 */
export class Workspace {
  constructor(describe) {
    this.describe = describe;
    this.posts = [];
    /** The id of the folder open (see folders.js), '' for none. */
    this.folder = '';
    /** The site's languages, in its order: the opened site's `_config.yml`, else the default. */
    this.languages = defaultLanguages();
    /** The translation families among the opened posts (findTranslations). */
    this.families = [];
  }

  /** Codes in the site's order, others after. */
  sorted(codes) {
    return sortLanguages(codes, this.languages);
  }

  add({ path, text, demo = false, draftOnly = false, lang = null, folder = demo ? '' : this.folder }) {
    const info = this.describe(text, path);
    const post = {
      folder,
      id: demo ? `demo:${path}` : path,
      path,
      name: fileName(path),
      lang: lang ?? postLanguage(path, text, this.languages) ?? info.lang ?? 'und',
      title: info.title || fileName(path),
      date: info.date ?? '',
      text,
      demo,
      draftOnly,
    };
    this.posts = this.posts.filter((p) => !(p.folder === folder && p.id === post.id && p.lang === post.lang));
    this.posts.push(post);
    return post;
  }

  async addDemo(base) {
    for (const path of DEMO_PATHS) {
      const response = await fetch(new URL(`demo/${path}`, base));
      if (response.ok) this.add({ path, text: await response.text(), demo: true });
    }
  }

  /** Posts whose files are not open but whose drafts are saved (`[{ folder, folderName, id, lang }]`). */
  addDrafts(list, loadDraft) {
    for (const { folder, folderName, id, lang } of list) {
      if (id.startsWith('demo:') || this.get(id, lang, folder)) continue;
      const text = loadDraft({ folder, id, lang })?.text ?? '';
      Object.assign(this.add({ path: id, text, draftOnly: true, lang, folder }), { folderName });
    }
  }

  /**
   * Replaces the opened files (not the demo, nor the drafts of no folder) by `files` ([{ path,
   * text }]) of `folder`, the site's languages read from `config` (its `_config.yml`, if any);
   * finds their translations; returns the posts.
   */
  open(files, config = null, folder = '') {
    this.languages = (config && siteLanguages(config)) || defaultLanguages();
    this.folder = folder;
    this.posts = this.posts.filter((p) => p.demo || (p.draftOnly && p.folder === ''));
    const opened = files.map(({ path, text }) => this.add({ path: sitePath(path), text }));
    this.findFamilies();
    return opened;
  }

  /** Finds the translation families among the opened posts (as opened, not as drafted). */
  findFamilies() {
    const posts = this.posts.filter((p) => !p.demo && !p.draftOnly);
    this.families = findTranslations(posts.map((p) => ({ path: p.path, source: p.text })), { languages: this.languages });
  }

  /** The found family of `post` ({ posts, evidence }), if it has one. */
  foundFamily(post) {
    if (post.demo) return null;
    return this.families.find((f) => f.posts.some((m) => m.path === post.path && m.lang === post.lang)) ?? null;
  }

  get(id, lang, folder = '') {
    return this.posts.find((p) => p.id === id && p.lang === lang && p.folder === folder) ?? null;
  }

  /**
   * The post at site path `path`, among the demo's posts or among the others. A shorter path
   * matches by suffix if the language agrees (translations often share their file name); last,
   * a post of that language with that file name, for folders not laid out as the site.
   */
  find(path, demo) {
    const want = sitePath(path.trim());
    const lang = postLanguage(want, '', this.languages);
    // The open folder's posts before drafts of no folder that share their paths.
    const candidates = this.posts
      .filter((p) => p.demo === demo && (!lang || p.lang === lang))
      .sort((a, b) => (b.folder === this.folder) - (a.folder === this.folder));
    return (
      candidates.find((p) => p.path === want) ??
      candidates.find((p) => p.path.endsWith(`/${want}`) || want.endsWith(`/${p.path}`)) ??
      (lang && candidates.find((p) => p.name === fileName(want))) ??
      null
    );
  }

  /**
   * The translations of `post`: those the report of its render names (declared), then those
   * found among the opened posts, marked `found` with the evidence; [{ lang, post|null, found,
   * evidence }] in the site's language order.
   */
  family(post, translations) {
    const members = [{ lang: post.lang, post, found: false, evidence: [] }];
    const has = (lang) => members.some((m) => m.lang === lang);
    for (const t of translations) {
      if (!has(t.lang)) members.push({ lang: t.lang, post: this.find(t.path, post.demo), found: false, evidence: [] });
    }
    const found = this.foundFamily(post);
    for (const m of found?.posts ?? []) {
      if (has(m.lang)) continue;
      const other = this.posts.find((p) => !p.demo && p.path === m.path && p.lang === m.lang) ?? null;
      // Each evidence line begins `en ↔ zh-Hans:`; the ones about this pair first.
      const pair = [`${post.lang} ↔ ${m.lang}:`, `${m.lang} ↔ ${post.lang}:`];
      const evidence = found.evidence.filter((e) => pair.some((p) => e.startsWith(p)));
      members.push({ lang: m.lang, post: other, found: !m.declared, evidence: evidence.length ? evidence : found.evidence });
    }
    const order = this.sorted(members.map((m) => m.lang));
    return members.sort((a, b) => order.indexOf(a.lang) - order.indexOf(b.lang));
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
    return this.sorted([...groups.keys()]).map((lang) => [lang, groups.get(lang)]);
  }

  demoPosts() {
    const demo = this.posts.filter((p) => p.demo);
    const order = this.sorted(demo.map((p) => p.lang));
    return demo.sort((a, b) => order.indexOf(a.lang) - order.indexOf(b.lang));
  }
}
