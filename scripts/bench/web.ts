// The dashboard as a volunteer's phone gets it: its weight over the wire and the first render of the
// board under Chromium DevTools' "Slow 4G" preset, in headless Chromium.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
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

/** Gzip size of every file in web/dist, in kB, and of what the first page load fetches (HTML, entry JS and CSS). */
export function dashboardWeight(): { totalKb: number; firstLoadKb: number } {
  const files = fs
    .readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && !/\.(br|gz)$/.test(f.name));
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  let total = 0;
  let first = 0;
  for (const f of files) {
    const full = path.join(f.parentPath, f.name);
    const size = zlib.gzipSync(fs.readFileSync(full)).length;
    total += size;
    if (f.name === 'index.html' || html.includes(path.relative(DIST, full))) first += size;
  }
  return { totalKb: Math.round(total / 102.4) / 10, firstLoadKb: Math.round(first / 102.4) / 10 };
}

/**
 * Opens the home page (the board with every open release) signed in, in a fresh profile under Slow 4G,
 * and answers the ms from navigation start until the first release card is drawn and until `expected`
 * cards are, read from the page's own clock.
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
    const first = await page.waitForFunction(
      (sel) => (document.querySelector(sel) ? performance.now() : false),
      cards,
      { polling: 'raf', timeout: 60_000 },
    );
    const all = await page.waitForFunction(
      ([sel, n]) =>
        document.querySelectorAll(sel as string).length >= (n as number) ? performance.now() : false,
      [cards, expected] as const,
      { polling: 'raf', timeout: 60_000 },
    );
    const count = await page.locator(cards).count();
    return {
      firstCardMs: Math.round((await first.jsonValue()) as number),
      allCardsMs: Math.round((await all.jsonValue()) as number),
      cards: count,
    };
  } finally {
    await browser.close();
  }
}
