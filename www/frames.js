// The preview frames: nothing in them navigates, whatever is clicked, and a frame that navigates
// all the same is brought back.
//
// The frames are sandboxed without scripts, but a sandbox cannot stop a frame navigating itself,
// and Chromium has no CSP directive that does. So: every click or submit that would follow a link
// (any element with an href, HTML's, SVG's or MathML's, xlink:href, <area>) is cancelled, as is
// every navigation the frame's Navigation API lets the page cancel; and should a frame load
// another document anyway (a navigation the browser starts, which no page can cancel), it is sent
// back to its own and `restore(document)` draws into that again.

const XLINK = 'http://www.w3.org/1999/xlink';

/** The href of the first element on the event's path that has one, or null. */
function linkOf(event) {
  for (const node of event.composedPath()) {
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const href = node.getAttribute('href') ?? node.getAttributeNS(XLINK, 'href');
    if (href !== null) return href;
    if (node.localName === 'area') return '';
  }
  return null;
}

/**
 * Stops every way `doc` (a preview frame's document) could navigate. `onLink(href)` hears each
 * link clicked: in-page ones (`#…`) are scrolled to here.
 */
export function guard(doc, onLink = () => {}) {
  const stop = (event) => {
    const href = linkOf(event);
    if (href === null) return;
    event.preventDefault();
    if (event.type !== 'click') return;
    if (href.startsWith('#')) doc.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
    else onLink(href);
  };
  for (const type of ['click', 'auxclick']) doc.addEventListener(type, stop, true);
  doc.addEventListener('submit', (event) => event.preventDefault(), true);
  doc.defaultView?.navigation?.addEventListener('navigate', (event) => {
    if (event.cancelable) event.preventDefault();
  });
}

/**
 * Watches `frame`, whose own document (its src) has loaded: whenever the frame shows another
 * document, it is sent back to its own, and once that has loaded, `restore(doc)` is called.
 */
export function keepHome(frame, restore) {
  const home = new URL(frame.getAttribute('src'), location.href).href;
  frame.addEventListener('load', () => {
    const doc = frame.contentDocument; // null once the frame is on another origin
    if (doc?.URL === home) restore(doc);
    else frame.src = home;
  });
}

/** A frame's document once it has loaded (`has(doc)` says it is the right one). */
export function loaded(frame, has = (doc) => doc.body) {
  const ready = () => frame.contentDocument?.readyState === 'complete' && has(frame.contentDocument);
  if (ready()) return Promise.resolve(frame.contentDocument);
  return new Promise((done) => frame.addEventListener('load', () => done(frame.contentDocument), { once: true }));
}
