// Headless Chromium for the browser tests: Debian's chromium driven by playwright-core (whose own
// browser downloads cannot work here).
import { chromium } from 'playwright-core';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium() {
  return chromium.launch({ executablePath: EXECUTABLE, args: ARGS });
}

/**
 * A browser whose profile (local storage included) lives in `userDataDir`, so that what a page
 * stored is there again when the browser is launched anew on the same directory. Returns the
 * browser's one context.
 */
export function launchPersistentChromium(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, { executablePath: EXECUTABLE, args: ARGS });
}

/**
 * Opens `url` in a new page and returns `{ page, problems }`: `problems` collects uncaught errors,
 * console errors and failed requests for as long as the page is open, so a test can assert there
 * were none.
 */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(url);
  return { page, problems };
}
