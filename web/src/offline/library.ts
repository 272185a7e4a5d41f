import type { LibraryItem, OfflineLibrary } from '../api';
import { readJson, writeJson } from './storage';

/*
 * The resource library kept on the phone, so a volunteer at a station with no signal can still show a
 * sheet and its QR code. Sheets are not personal data; sign-out leaves them, like the app itself.
 * The list, texts and QR codes go in localStorage; files small enough in the Cache API, by their URL.
 */

const LIBRARY_KEY = 'bv.offline.library';
const FILES_CACHE = 'bv-library-files';

function cacheStorage(): CacheStorage | null {
  return typeof caches === 'undefined' ? null : caches;
}

export function cachedLibrary(): OfflineLibrary | null {
  const saved = readJson<OfflineLibrary>(LIBRARY_KEY);
  return saved && Array.isArray(saved.items) ? saved : null;
}

export function cachedSheet(id: number): LibraryItem | null {
  return cachedLibrary()?.items.find((item) => item.id === id) ?? null;
}

/** Keeps this copy of the library, and fetches the files it lists that the phone does not hold yet. */
export async function keepLibrary(library: OfflineLibrary): Promise<void> {
  writeJson(LIBRARY_KEY, library);
  const storage = cacheStorage();
  if (!storage) return;
  try {
    const cache = await storage.open(FILES_CACHE);
    const wanted = new Set(library.items.flatMap((item) => Object.values(item.files)));
    const kept = new Set<string>();
    for (const request of await cache.keys()) {
      const url = new URL(request.url);
      const path = url.pathname + url.search;
      if (wanted.has(path)) kept.add(path);
      else await cache.delete(request);
    }
    for (const url of wanted) {
      if (kept.has(url)) continue;
      const res = await fetch(url, { credentials: 'same-origin' });
      if (res.ok) await cache.put(url, res);
    }
  } catch {
    // Storage full or refused: the sheets' texts and QR codes are still kept.
  }
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/**
 * A kept file to show or open, or null when the phone holds none: an image as a data: URL (the only
 * kind the dashboard's CSP lets an <img> load besides its own), a PDF as an object URL to open.
 */
export async function keptFileUrl(url: string): Promise<string | null> {
  const storage = cacheStorage();
  if (!storage) return null;
  try {
    const res = await (await storage.open(FILES_CACHE)).match(url);
    if (!res) return null;
    const blob = await res.blob();
    return blob.type.startsWith('image/') ? await dataUrl(blob) : URL.createObjectURL(blob);
  } catch {
    return null;
  }
}

/** An SVG drawn by the server, as an image source (the page's CSP allows data: images). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
