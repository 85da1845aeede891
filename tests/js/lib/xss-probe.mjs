// Loads HTML into a plain page of headless Chromium — no sandbox, no Content-Security-Policy —
// does what a reader would (links and buttons clicked), and reports what ran, loaded or
// navigated. Nothing leaves the machine: the page's origin is made up and answered by
// Playwright's routing, and MARK (see xss-vectors.mjs) is refused there after being noted.
import { MARK } from './xss-vectors.mjs';

const ORIGIN = 'http://xss-probe.test';
// No single step of a probe may take longer: a page stuck in a loop or a dialog is replaced.
const STEP_MS = 5000;
const SHELL = '<!doctype html><html><head><meta charset="utf-8"><title>probe</title></head><body><div id="host"></div></body></html>';

/**
 * Opens `pages` pages in `browser` to probe HTML with; each probe loads a new document into one
 * of them, so nothing of one probe outlives it. Returns `{ probe, close }`:
 *
 * `probe(html, mode, { timeout, enough })` shows `html` as a whole document (`mode` 'document')
 * or inserted into one with innerHTML ('innerHTML') and resolves to `{ fired, requests,
 * dialogs, navigations, url }`: `fired` the vector ids whose script ran (a flag on `top`, or a
 * refused attempt to set one from an opaque origin), `requests` what was asked of MARK,
 * `navigations` where frames went other than the document itself. It waits `timeout` ms, or
 * less once `enough(result)`.
 */
export async function openProber(browser, { pages = 3 } = {}) {
  const context = await browser.newContext();
  const idle = await Promise.all(Array.from({ length: pages }, () => preparePage(context)));
  const waiting = [];

  async function probe(html, mode, options) {
    const slot = idle.pop() ?? (await new Promise((take) => waiting.push(take)));
    try {
      return await slot.probe(html, mode, options);
    } finally {
      const next = waiting.shift();
      if (next) next(slot);
      else idle.push(slot);
    }
  }
  return { probe, close: () => context.close() };
}

async function preparePage(context) {
  let page = null;
  let result = null;
  let pageUrl = null;
  let body = ''; // what pageUrl answers
  let stuck = false;
  // `promise`, or `fallback` if it fails or has not settled within STEP_MS (then the page counts
  // as stuck, and the next probe gets a new one).
  const within = (promise, fallback) =>
    new Promise((settle) => {
      const timer = setTimeout(() => {
        stuck = true;
        settle(fallback);
      }, STEP_MS);
      promise.then(settle, () => settle(fallback)).finally(() => clearTimeout(timer));
    });
  const noteError = (text) => {
    // Script that ran in an opaque origin (a data: frame) cannot reach `top`: V8's refusal
    // names the property it could not set.
    for (const [, id] of text.matchAll(/__xss_(\w+)/g)) result?.fired.add(id);
  };

  async function open() {
    page = await context.newPage();
    // A new page is still on its way to its first about:blank, which would cut the first
    // probe's navigation short.
    await page.goto('about:blank', { timeout: STEP_MS });
    // Only uncaught errors: Chromium's console notes about links it refused quote their URL.
    page.on('pageerror', (error) => noteError(`${error.message}\n${error.stack}`));
    page.on('dialog', (dialog) => {
      result?.dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    page.on('framenavigated', (frame) => {
      const url = frame.url();
      if (url !== pageUrl && !/^about:(blank|srcdoc)$/.test(url)) result?.navigations.push(url);
    });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(MARK)) {
        result?.requests.push(url);
        return route.abort();
      }
      if (url === pageUrl) {
        if (result) result.served = true;
        return route.fulfill({ contentType: 'text/html; charset=utf-8', body });
      }
      // Anything else of the page's origin is text: an image or video there fails to decode (so
      // its onerror runs), and a link there leads somewhere harmless.
      return route.fulfill({ contentType: 'text/plain', body: 'nothing here' });
    });
  }
  await open();

  let count = 0;
  async function probe(html, mode, { timeout = 600, enough = () => false } = {}) {
    const log = (...a) => process.env.PROBE_LOG && console.log(Date.now() % 100000, ...a);
    // A new address each time: a document is never reused, and late events of the one before
    // land in a result nobody reads.
    count += 1;
    pageUrl = `${ORIGIN}/${mode}-${count}.html`;
    body = mode === 'document' ? html : SHELL;
    const mine = { fired: new Set(), requests: [], dialogs: [], navigations: [], url: null, served: false };
    result = mine;
    log('load', pageUrl);
    if (stuck) {
      stuck = false;
      await within(page.close(), null);
      await open();
    }
    // A document that leaves at once by itself (`<meta http-equiv=refresh content=0>`) was
    // loaded if it was served: where it went is the result.
    const left = () => mode === 'document' && mine.served;
    if (!(await loads(pageUrl)) && !left()) {
      log('reopen', pageUrl);
      // A navigation the last vector set going (a form sent to MARK fails into an error page
      // later) cut this one short: a new page has none pending.
      await within(page.close(), null);
      await open();
      if (!(await loads(pageUrl)) && !left()) throw new Error(`the probe could not load ${pageUrl}`);
    }
    log('loaded', pageUrl);
    if (mode === 'innerHTML') {
      await within(page.evaluate((markup) => {
        document.getElementById('host').innerHTML = markup;
      }, html), null);
    }
    log('click', pageUrl);
    await within(page.evaluate(clickEverything), null); // the page may have navigated away
    const start = Date.now();
    do {
      await page.waitForTimeout(50);
      await collectFlags(page, mine, within);
    } while (Date.now() - start < timeout && !enough(mine));
    log('polled', pageUrl);
    mine.url = page.url();
    result = null;
    await within(page.goto('about:blank', { timeout: STEP_MS }), null); // ends what the vector set going, mostly
    log('done', pageUrl);
    return mine;
  }
  /** Whether `url` loaded in `page` and is its document now. */
  async function loads(url) {
    await within(page.goto(url, { timeout: STEP_MS }), null); // checked below
    return within(page.evaluate((want) => location.href === want, url), false);
  }
  return { probe };
}

/**
 * Clicks every link, area and button, as a reader might: a `javascript:` URL runs then, a form
 * goes where it points. A link to a page of this origin is followed no further — it is harmless,
 * and leaving would end the clicking — but nothing else is held back.
 */
function clickEverything() {
  const targets = document.querySelectorAll('a, area, button, input[type=submit], input[type=image]');
  for (const element of targets) {
    const href = element.href?.animVal ?? element.href; // SVG links have an animated href
    if (typeof href === 'string' && URL.parse(href)?.origin === location.origin) {
      element.addEventListener('click', (event) => event.preventDefault(), { once: true });
    }
    element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
  }
}

async function collectFlags(page, result, within) {
  for (const frame of page.frames()) {
    // A frame that is navigating or gone has none.
    const flags = await within(frame.evaluate(() => Object.keys(window).filter((key) => key.startsWith('__xss_'))), []);
    for (const flag of flags) result.fired.add(flag.slice('__xss_'.length));
  }
}
