// The offline service worker, written at build time for the exact files of the build.
// Its cache name is derived from the content of every file, so a new deploy (any changed byte)
// gets a new cache, and the old one is deleted when the new worker activates.
import { createHash } from 'node:crypto';

export interface BuiltFile {
  /** Path relative to the site root, with forward slashes ("articles/analysis.html"). */
  path: string;
  /** Its bytes, or a digest of them (the build passes each file's SHA-256, src/integrations/offline.ts). */
  content: Uint8Array;
}

/**
 * Files the worker precaches: everything a reader opens — pages, icons, manifest. Not the worker
 * itself, host configuration, feeds and sitemaps, nor the preview images (og/), which are for the
 * services that unfurl links and would make the first visit download one image per page.
 */
export function precacheList(files: readonly BuiltFile[]): string[] {
  return files
    .map((f) => f.path)
    .filter((p) => p !== 'sw.js' && !p.startsWith('_') && !p.startsWith('og/') && !/\.(zip|map|xml|txt)$/.test(p))
    .sort();
}

/** A short hash of the paths and contents of `files`, independent of their order. */
export function buildVersion(files: readonly BuiltFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    hash.update(file.path).update('\0').update(file.content).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The worker's source. Navigations go to the network first and fall back to the cache (so a reader
 * online always gets the newest page, and offline the cached one); other requests are served from
 * the cache first. Only GET requests inside the worker's scope are handled.
 */
export function serviceWorkerSource(version: string, files: readonly string[]): string {
  return `// Generated at build time by src/integrations/offline.ts — do not edit.
const CACHE = 'site-${version}';
const PREFIX = 'site-';
const FILES = ${JSON.stringify(files)};
const scope = self.registration.scope;
const url = (path) => new URL(path, scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map(url))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  const target = new URL(request.url);
  target.hash = '';
  target.search = '';
  if (target.pathname.endsWith('/')) target.pathname += 'index.html';
  const key = target.href;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(key, copy));
          }
          return response;
        })
        .catch(() => caches.match(key).then((hit) => hit || caches.match(url('404.html')))),
    );
    return;
  }
  event.respondWith(caches.match(key).then((hit) => hit || fetch(request)));
});
`;
}
