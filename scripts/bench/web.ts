// The dashboard as a volunteer's phone gets it: its weight over the wire and the first render of the
// board under Chromium DevTools' "Slow 4G" preset, in headless Chromium.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { readCatalogFiles } from '../../server/plugins/web-html';
import { launchBrowser } from '../../tests/helpers/browser';

const DIST = path.resolve(import.meta.dirname, '..', '..', 'web', 'dist');

/**
 * DevTools' "Slow 4G" throttling preset (devtools-frontend SDK NetworkManager, Slow4GConditions; the
 * preset once called "Fast 3G"): 1.6 Mbit/s down and 750 kbit/s up, each × 0.9, and 150 ms × 3.75
 * round-trip latency. CDP takes bytes per second and milliseconds.
 */
export const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
} as const;

export function distExists(): boolean {
  return fs.existsSync(path.join(DIST, 'index.html'));
}

/** Gzip size of every file in web/dist, in kB, and of what the first page load fetches (HTML, entry JS and CSS, the reader's words). */
export function dashboardWeight(): { totalKb: number; firstLoadKb: number } {
  const files = fs
    .readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && !/\.(br|gz)$/.test(f.name) && !f.parentPath.includes('.vite'));
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  // The reader's words come with the page (server/plugins/web-html.ts): the larger language counts.
  const words = Object.values(readCatalogFiles(DIST)).map((f) => path.join(DIST, f));
  const reader = words.reduce((a, b) => (fs.statSync(a).size >= fs.statSync(b).size ? a : b));
  let total = 0;
  let first = 0;
  for (const f of files) {
    const full = path.join(f.parentPath, f.name);
    const size = zlib.gzipSync(fs.readFileSync(full)).length;
    total += size;
    if (f.name === 'index.html' || full === reader || html.includes(path.relative(DIST, full))) first += size;
  }
  return { totalKb: Math.round(total / 102.4) / 10, firstLoadKb: Math.round(first / 102.4) / 10 };
}

/**
 * Opens the home page (the board with every open release) signed in, in a fresh profile under Slow 4G,
 * and answers the ms from navigation start until the first release card is drawn and until `expected`
 * cards are (in the page and painted), read from the page's own clock.
 */
export async function boardRender(
  url: string,
  sessionToken: string,
  expected: number,
): Promise<{ firstCardMs: number; allCardsMs: number; cards: number }> {
  const browser = await launchBrowser();
  try {
    await browser.context.addCookies([{ name: 'bv_session', value: sessionToken, url }]);
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await page.goto(`${url}/`, { waitUntil: 'commit', timeout: 60_000 });
    const cards = '[data-testid="release-card"]';
    // One watcher in the page, polling at each frame: the moment the first card and then all of them
    // are in the page, each carried to the end of that frame's paint (a message posted from the frame's
    // callback is handled once the frame is drawn), so the figure includes style, layout and paint.
    // (No named functions inside: tsx would wrap them in a helper the page does not have.)
    const drawn = await page.waitForFunction(
      ([sel, n]) => {
        const w = window as unknown as { __board?: { first?: number; all?: number; pending?: boolean } };
        w.__board ??= {};
        const state = w.__board;
        const count = document.querySelectorAll(sel as string).length;
        const keys: ('first' | 'all')[] = [];
        if (!state.pending && state.first === undefined && count > 0) keys.push('first');
        if (!state.pending && state.all === undefined && count >= (n as number)) keys.push('all');
        if (keys.length > 0) {
          state.pending = true;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            for (const key of keys) state[key] = performance.now();
            state.pending = false;
          };
          channel.port2.postMessage(null);
        }
        return state.all !== undefined ? { first: state.first, all: state.all } : false;
      },
      [cards, expected] as const,
      { polling: 'raf', timeout: 60_000 },
    );
    const times = (await drawn.jsonValue()) as { first: number; all: number };
    const count = await page.locator(cards).count();
    return {
      firstCardMs: Math.round(times.first),
      allCardsMs: Math.round(times.all),
      cards: count,
    };
  } finally {
    await browser.close();
  }
}
