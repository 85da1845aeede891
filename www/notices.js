// Notices above the panes: what the page must tell and the user may act on (drafts of other
// folders, another tab, a render that failed). Each has a data-testid and at most one on screen.

/**
 * Shows (or replaces) the notice `id` with `text` and its `buttons` ([label, testid, onClick]).
 */
export function showNotice(id, text, buttons = []) {
  const notice = Object.assign(document.createElement('p'), { className: 'notice' });
  notice.dataset.testid = id;
  notice.setAttribute('role', 'alert');
  notice.append(Object.assign(document.createElement('span'), { textContent: text }));
  for (const [label, testid, onClick] of buttons) {
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
    button.dataset.testid = testid;
    button.addEventListener('click', onClick);
    notice.append(button);
  }
  const old = document.querySelector(`.notices [data-testid="${id}"]`);
  if (old) old.replaceWith(notice);
  else document.querySelector('.notices').append(notice);
}

export function hideNotice(id) {
  document.querySelector(`.notices [data-testid="${id}"]`)?.remove();
}
