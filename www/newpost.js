// New post and Translate, from the templates of the site folder the page opened (its
// `.forestry/`): pick the language section, give a title; the file's path, front matter and slug
// come from the core (SiteTemplates, src/page/site_forms.rs), the clock from here; the dialog shows
// the path it will create as the choices change. A translation
// offers to write its key into the post it translates (planTranslationLinks: that line only),
// shown in the write-links dialog before it changes anything.
import { SiteTemplates, planTranslationLinks } from './modules.js';
import { ask } from './compare.js';

/** The clock now, as SiteTemplates wants it. */
export function now(date = new Date()) {
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    second: date.getSeconds(),
    offsetMinutes: -date.getTimezoneOffset(),
  };
}

/** The `.forestry/` files of a folder's files ([{ path, file }]), read, paths from the site root. */
export async function readForestry(files) {
  const picked = files.filter(({ path }) => /(^|\/)\.forestry\/.*\.ya?ml$/.test(path));
  return Promise.all(picked.map(async ({ path, file }) => ({ path: path.replace(/^.*?(?=\.forestry\/)/, ''), text: await file.text() })));
}

/**
 * The New post and Translate buttons. `page`: `{ current() → post, text() → string, open(path,
 * text), replace(text) (the shown post's text, as one edit), t() → translator, lang() → the
 * interface's language }`. Hidden until a
 * site with templates is opened (`use(files)`).
 */
export class NewPosts {
  constructor(newButton, translateButton, page) {
    this.page = page;
    this.templates = null;
    this.newButton = newButton;
    this.translateButton = translateButton;
    newButton.addEventListener('click', () => this.ask('new'));
    translateButton.addEventListener('click', () => this.ask('translate'));
    this.use([]);
  }

  /** Takes the templates among `files` ([{ path, text }] of `.forestry/`); none hides the buttons. */
  use(files) {
    this.templates?.free();
    this.templates = files.length ? new SiteTemplates(files) : null;
    const sections = this.templates ? this.templates.sections() : [];
    this.sections = sections;
    this.newButton.hidden = !sections.length;
    this.translateButton.hidden = !sections.length;
  }

  /** The template checks of `post` with `text` (required fields, options, dates, lang): diagnostics. */
  check(post, text) {
    if (!this.templates || !post || post.demo) return [];
    return this.templates.checkPost(post.path, text);
  }

  /** The template of the post at `path`, or null. */
  templateFor(path) {
    return this.templates?.templateFor(path) ?? null;
  }

  /** The dialog of New post (`kind` 'new') or Translate ('translate'), for the post shown. */
  ask(kind) {
    const current = this.page.current();
    const t = this.page.t();
    const dialog = document.createElement('dialog');
    dialog.className = 'new-post';
    dialog.dataset.testid = `${kind}-dialog`;
    const form = document.createElement('form');
    form.method = 'dialog';
    const heading = Object.assign(document.createElement('h2'), {
      textContent: kind === 'translate' ? t('translateTitle', { title: current.title }) : t('newPost'),
    });
    const { section, title, date, path } = this.controls(kind, current);
    const label = (text, control) => {
      const l = document.createElement('label');
      l.append(text, ' ', control);
      return l;
    };
    const create = Object.assign(document.createElement('button'), { type: 'submit', value: 'create', textContent: t('create') });
    create.dataset.testid = 'post-create';
    const cancel = Object.assign(document.createElement('button'), { type: 'button', textContent: t('cancel') });
    cancel.addEventListener('click', () => dialog.close());
    const fields = [label(t('section'), section), label(t('postTitle'), title), label(t('postDate'), date)];
    form.append(heading, ...fields, label(t('newPostPath'), path), create, cancel);
    dialog.append(form);
    document.body.append(dialog);
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (dialog.returnValue !== 'create') return;
      this.create(kind, { section: section.value, title: title.value.trim(), date: date.value }, current);
    });
    dialog.showModal();
  }

  /**
   * The dialog's section, title and date controls, and the path they make (the core's), kept up to
   * date. The section starts at the post's language, else the interface's.
   */
  controls(kind, current) {
    const sections = kind === 'translate' ? this.sections.filter((s) => s.lang !== current.lang) : this.sections;
    const section = Object.assign(document.createElement('select'), { name: 'section' });
    section.dataset.testid = 'post-section';
    section.append(...sections.map((s) => new Option(`${s.label} (${s.path})`, s.path)));
    const start = sections.find((s) => s.lang === current.lang) ?? sections.find((s) => s.lang === this.page.lang());
    if (start) section.value = start.path;
    const title = Object.assign(document.createElement('input'), { name: 'title', required: true, size: 40 });
    title.dataset.testid = 'post-title';
    if (kind === 'translate') title.value = current.title;
    const today = now();
    const date = Object.assign(document.createElement('input'), { type: 'date', name: 'date', required: true });
    date.value = [today.year, today.month, today.day].map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-');
    date.dataset.testid = 'post-date';
    const path = document.createElement('output');
    path.dataset.testid = 'post-path';
    const showPath = () => {
      const choice = { section: section.value, title: title.value.trim(), date: date.value };
      path.textContent = choice.title && choice.date ? this.make(kind, choice, current).path : '';
    };
    for (const control of [section, title, date]) control.addEventListener('input', showPath);
    showPath();
    return { section, title, date, path };
  }

  /** The new post's `{ path, text }` (the core's rules) for the dialog's `choice`, at this time of day. */
  make(kind, { section, title, date }, current) {
    const [year, month, day] = date.split('-').map(Number);
    const when = { ...now(), year, month, day };
    return kind === 'translate'
      ? this.templates.translate(this.page.text(), current.path, current.lang, section, title, when)
      : this.templates.newPost(section, title, when);
  }

  async create(kind, choice, current) {
    const source = this.page.text();
    const made = this.make(kind, choice, current);
    if (kind === 'translate') {
      // Whatever goes wrong in the offer, the translation still opens.
      await this.offerBackLink(current, source, choice.section, made.path).catch((error) => console.error(error));
    }
    this.page.open(made.path, made.text);
  }

  /**
   * Offers to name the new translation at `path` (in `section`) in the front matter of `original`
   * (whose text is `text`): the line is shown first, and written into the editor only if
   * confirmed, while `original` is still the post shown (its draft keeps it until it is saved).
   */
  async offerBackLink(original, text, section, path) {
    const lang = this.sections.find((s) => s.path === section)?.lang;
    if (!lang || !original.path) return;
    const family = {
      posts: [
        { lang: original.lang, path: original.path, declared: true },
        { lang, path, declared: true },
      ],
      evidence: [],
    };
    const [edit] = planTranslationLinks(family, [{ path: original.path, source: text }]);
    if (!edit?.changes.length) return;
    const t = this.page.t();
    const dialog = document.getElementById('write-links-dialog');
    dialog.querySelector('.changes').textContent = [
      edit.path,
      ...edit.changes.map((c) => `  ${t('lineN', { line: c.line })}: ${c.before ?? t('newLine')} → ${c.after}`),
    ].join('\n');
    dialog.querySelector('.confirm').disabled = false;
    if (await ask(dialog)) this.page.replace(edit.text);
  }
}
