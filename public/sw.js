// The offline service worker. On the first visit it stores the app shell and every built file
// (the list is written into this file by the build: see vite.config.ts); after that, every GET
// of the site's own files is answered from that store first and from the network only for what
// is missing. It stays within its scope (the folder the site is served from) and never touches
// another origin. A new build changes this file, so the browser installs the new version beside
// the old one and switches when no page of the old one is open.
const PRECACHE = /*__PRECACHE__*/ { version: 'dev', files: [] };

const PREFIX = 'smtp-sim-';
const CACHE = `${PREFIX}${PRECACHE.version}`;
const SCOPE = new URL(self.registration.scope);
const SHELL = SCOPE.href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.files.map((file) => new URL(file, SCOPE).href))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

function inScope(url) {
  return url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname);
}

async function respond(request) {
  const cache = await caches.open(CACHE);
  const navigate = request.mode === 'navigate';
  // A page address may carry ?embed=1; the shell is the same page. Vary is ignored: a module
  // script asks with an Origin header that the stored request did not have.
  const hit =
    (await cache.match(request, { ignoreSearch: navigate, ignoreVary: true })) ??
    (navigate ? await cache.match(SHELL, { ignoreVary: true }) : undefined);
  if (hit) return hit;
  try {
    const response = await fetch(request);
    if (response.status === 200 && response.type === 'basic') {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const shell = navigate ? await cache.match(SHELL, { ignoreVary: true }) : undefined;
    if (shell) return shell;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!inScope(url) || url.pathname.endsWith('/sw.js')) return;
  event.respondWith(respond(request));
});
