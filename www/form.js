// The front matter as a form beside the editor, generated from the post's section template
// (labels, hidden fields hidden, selects with their options, a date picker, tag lists). A change
// in the form rewrites only that key's line(s) in the text (SiteTemplates.setKey, the core's
// rule); a change in the text shows in the form (values read by SiteTemplates.frontMatterOf).
import { SiteTemplates } from './modules.js';

/** `page`: `{ text() → string, replace(text) }`. */
export class FrontMatterForm {
  constructor(container, page) {
    this.container = container;
    this.page = page;
    this.template = null;
    this.controls = new Map();
    container.addEventListener('change', (event) => {
      const control = event.target.closest('[data-key]');
      if (control) this.apply(control);
    });
  }

  /** Shows the form of `template` (null hides it) with the values of `text`. */
  show(template, text) {
    this.template = template;
    this.container.hidden = !template;
    const body = this.container.querySelector('.fields');
    this.controls.clear();
    body.replaceChildren(...(template?.fields ?? []).map((field) => this.row(field)));
    if (template) this.update(text);
  }

  row(field) {
    const row = document.createElement('div');
    row.className = 'field';
    row.hidden = field.hidden;
    const id = `fm-${field.name}`;
    const label = Object.assign(document.createElement('label'), { htmlFor: id, textContent: field.label });
    if (field.required) label.append(' *');
    const control = this.control(field);
    control.id = id;
    control.dataset.key = field.name;
    this.controls.set(field.name, { field, control });
    row.append(label, control);
    return row;
  }

  control(field) {
    const kind = typeof field.kind === 'string' ? field.kind : 'other';
    if (kind === 'select' && field.options.length) {
      const select = document.createElement('select');
      select.append(new Option('', ''), ...field.options.map((o) => new Option(o, o)));
      return select;
    }
    if (kind === 'textarea') return document.createElement('textarea');
    const input = document.createElement('input');
    if (kind === 'datetime' && field.dateFormat === 'YYYY-MM-DD') input.type = 'date';
    else if (kind === 'boolean') input.type = 'checkbox';
    else if (kind === 'number') input.type = 'number';
    if (kind === 'tag_list') input.placeholder = 'tag, tag, …';
    return input;
  }

  /** Shows the values of `text`, but not in the control being edited. */
  update(text) {
    if (!this.template) return;
    const values = SiteTemplates.frontMatterOf(text);
    for (const [name, { field, control }] of this.controls) {
      if (control === document.activeElement) continue;
      const value = values[name];
      if (control.type === 'checkbox') control.checked = value === true;
      else if (field.kind === 'tag_list') control.value = Array.isArray(value) ? value.join(', ') : (value ?? '');
      else {
        const shown = value === null || value === undefined || Array.isArray(value) ? '' : String(value);
        if (control.tagName === 'SELECT' && shown && ![...control.options].some((o) => o.value === shown)) {
          control.append(new Option(shown, shown));
        }
        control.value = shown;
      }
    }
  }

  apply(control) {
    const { field } = this.controls.get(control.dataset.key);
    let value;
    if (control.type === 'checkbox') value = control.checked;
    else if (control.type === 'number') value = control.value === '' ? null : Number(control.value);
    else if (field.kind === 'tag_list') value = control.value.split(',').map((t) => t.trim()).filter(Boolean);
    else value = control.value;
    this.page.replace(SiteTemplates.setKey(this.page.text(), field.name, value));
  }
}

/** Changes the editor's text to `next` by one edit of the part that differs, so the rest stays. */
export function replaceText(view, next) {
  const prev = view.state.doc.toString();
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
  let end = 0;
  while (end < prev.length - start && end < next.length - start && prev[prev.length - 1 - end] === next[next.length - 1 - end]) end++;
  if (start === prev.length && start === next.length) return;
  view.dispatch({ changes: { from: start, to: prev.length - end, insert: next.slice(start, next.length - end) } });
}
