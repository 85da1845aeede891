// The open site's other pages: listed in a section of the post picker (each language's home page
// first), shown in the site frame in the post's place with the post in them as typed; "Where it
// lands" shows the post's home page, "Feed entry" the post's entry in its language's feeds. The
// post stays the one edited: choosing a page changes only what the frame shows, never the editor
// or its draft. The rules (which files are pages, what they hold) are the module's.
import { autonym } from './i18n.js';

/** Pages above this size are not read (a page is a template, not data). */
const MAX_PAGE_BYTES = 2_000_000;
/** A picker value that names a page, not a post. */
const PREFIX = 'page:';
/** The feed entries follow typing once it pauses this long: they render every feed. */
const FEED_PAUSE_MS = 400;

export function createSitePages({ preview, select, home, feed, panel, back, t }) {
  let pages = [];
  let feedTimer = 0;

  /** The page shown instead of the post, if one is. */
  const shown = () => preview.sitePage ?? null;

  /** Shows `path` (a page of `pages`), or the post again (null). */
  function show(path) {
    if (!preview.setSitePage?.(path)) return;
    preview.render();
    refresh();
  }

  /** The picker's section of pages: an optgroup, or nothing without pages. */
  function group() {
    if (!pages.length) return [];
    const g = Object.assign(document.createElement('optgroup'), { label: t()('sitePages') });
    g.dataset.testid = 'site-pages';
    for (const page of pages) {
      const label = page.kind === 'home' ? t()('homePage', { lang: autonym(page.lang) }) : page.path;
      const option = new Option(label, PREFIX + page.path);
      option.dataset.testid = 'site-page';
      option.dataset.url = page.url;
      option.dataset.path = page.path;
      option.dataset.kind = page.kind;
      g.append(option);
    }
    return [g];
  }

  /** The home page where the post shown lands: its language's, else the first language's. */
  function homeOfPost() {
    const lang = preview.siteLanguageOfPost?.();
    const homes = pages.filter((p) => p.kind === 'home');
    return (homes.find((p) => p.lang === lang) ?? homes[0])?.path ?? null;
  }

  /** After the picker is filled: a page shown is the one selected. */
  function refresh() {
    const path = shown();
    if (path) select.value = PREFIX + path;
    home.setAttribute('aria-pressed', String(path !== null && path === homeOfPost()));
    back.hidden = path === null;
    if (panel.hidden) return;
    clearTimeout(feedTimer);
    feedTimer = setTimeout(fillFeed, FEED_PAUSE_MS);
  }

  function fillFeed() {
    const entries = preview.feedEntries?.() ?? [];
    const parts = entries.map(({ feed: path, entry }) => {
      const section = document.createElement('section');
      section.dataset.feed = path;
      const title = Object.assign(document.createElement('h3'), { textContent: path });
      const text = entry
        ? Object.assign(document.createElement('pre'), { textContent: entry })
        : Object.assign(document.createElement('p'), { textContent: t()('notInFeed') });
      section.append(title, text);
      return section;
    });
    if (!parts.length) parts.push(Object.assign(document.createElement('p'), { textContent: t()('noFeedEntry') }));
    panel.querySelector('.entries').replaceChildren(...parts);
  }

  home.addEventListener('click', () => {
    const path = homeOfPost();
    if (!path) return;
    show(shown() === path ? null : path);
  });
  back.addEventListener('click', () => show(null));
  feed.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    feed.setAttribute('aria-pressed', String(!panel.hidden));
    if (!panel.hidden) fillFeed();
  });

  return {
    group,
    refresh,
    /** Whether `value` (of the picker) names a page: it is shown then. */
    choose(value) {
      if (!value.startsWith(PREFIX)) return false;
      show(value.slice(PREFIX.length));
      return true;
    },
    /** A post is shown: the frame shows it, not a page. */
    leave() {
      if (shown() !== null) preview.setSitePage?.(null);
    },
    /** After each render: the buttons and the panel follow the post and the page shown. */
    rendered() {
      const site = pages.length > 0 && preview.siteLanguageOfPost?.() != null;
      home.hidden = !site;
      feed.hidden = !site;
      if (!site) panel.hidden = true;
      refresh();
    },
    /**
     * A site folder was opened (`kept`: its files not read, [{ path, file }] from the site
     * root): reads those that may be pages and lists them. `files` null: no site.
     */
    async opened(kept) {
      pages = [];
      if (!kept || typeof preview.sitePageFiles !== 'function') return this.rendered();
      const wanted = new Set(preview.sitePageFiles(kept.map((k) => k.path)));
      const read = kept
        .filter(({ path, file }) => wanted.has(path) && file.size <= MAX_PAGE_BYTES)
        .map(async ({ path, file }) => ({ path, text: await file.text() }));
      pages = preview.addSitePages(await Promise.all(read));
      this.rendered();
    },
  };
}
