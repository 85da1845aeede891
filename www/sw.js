// The page's service worker: once the page has loaded, it opens and works offline. Every file of
// the page's own origin is fetched from the network when it can be (so an update shows at once)
// and kept; when the network fails, the kept copy is served. The page tells it, once registered,
// every file its first load fetched (offline.js), as those came before this worker ran.

const CACHE = 'postview-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  const urls = (event.data?.keep ?? []).filter(sameOrigin);
  const kept = caches.open(CACHE).then((cache) =>
    Promise.all(urls.map((url) => fetch(url).then((r) => r.ok && cache.put(url, r)).catch(() => {}))),
  );
  event.waitUntil(kept.then(() => event.ports[0]?.postMessage('kept')));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !sameOrigin(request.url)) return;
  event.respondWith(fromNetworkOrKept(request));
});

function sameOrigin(url) {
  return new URL(url, self.location.href).origin === self.location.origin;
}

async function fromNetworkOrKept(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request, { ignoreSearch: true });
    if (kept) return kept;
    throw error;
  }
}
