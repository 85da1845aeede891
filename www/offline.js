// Registers the service worker (sw.js) that keeps the page working offline once it has loaded,
// and hands it every file this load fetched, so that modules it does not list are kept too.

export async function registerOffline(base) {
  if (!('serviceWorker' in navigator)) return;
  try {
    const registration = await navigator.serviceWorker.register(new URL('sw.js', base));
    const worker = registration.active ?? registration.waiting ?? registration.installing;
    await activated(worker);
    // The site module and the editor's search too, which this load may not have fetched: a folder
    // opened offline needs the one, the editor focused offline the other.
    const site = ['pkg/site/postview.js', 'pkg/site/postview_bg.wasm', 'vendor/search.js'].map((path) => new URL(path, base).href);
    const urls = [location.href, ...performance.getEntriesByType('resource').map((e) => e.name), ...site];
    const done = new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      (registration.active ?? worker).postMessage({ keep: urls }, [channel.port2]);
    });
    await done;
    document.documentElement.dataset.offline = 'ready';
  } catch (error) {
    // The page works without it; it only will not open offline.
    console.warn(`postview: offline use is not available: ${error.message}`);
  }
}

function activated(worker) {
  if (!worker || worker.state === 'activated') return Promise.resolve();
  return new Promise((resolve) => {
    worker.addEventListener('statechange', () => worker.state === 'activated' && resolve());
  });
}
