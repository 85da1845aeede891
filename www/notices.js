// Notices above the panes: what the page must tell and the user may act on (drafts of other
// folders, another tab, a render that failed). Each has a data-testid and at most one on screen.
// Their words are functions, called again when the interface language changes.

const shown = new Map(); // id → () => the notice's element

/**
 * Shows (or replaces) the notice `id`: `text()` and its `buttons` ([label(), testid, onClick]).
 */
export function showNotice(id, text, buttons = []) {
  const make = () => {
    const notice = Object.assign(document.createElement('p'), { className: 'notice' });
    notice.dataset.testid = id;
    notice.setAttribute('role', 'alert');
    notice.append(Object.assign(document.createElement('span'), { textContent: text() }));
    for (const [label, testid, onClick] of buttons) {
      const button = Object.assign(document.createElement('button'), { type: 'button', textContent: label() });
      button.dataset.testid = testid;
      button.addEventListener('click', onClick);
      notice.append(button);
    }
    return notice;
  };
  shown.set(id, make);
  const old = document.querySelector(`.notices [data-testid="${id}"]`);
  if (old) old.replaceWith(make());
  else document.querySelector('.notices').append(make());
}

export function hideNotice(id) {
  shown.delete(id);
  document.querySelector(`.notices [data-testid="${id}"]`)?.remove();
}

/** Writes every notice shown again, in the words of now. */
export function refreshNotices() {
  for (const [id, make] of shown) document.querySelector(`.notices [data-testid="${id}"]`)?.replaceWith(make());
}
