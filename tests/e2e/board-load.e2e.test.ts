import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP } from '../helpers/browser';
import { type Account, type Api, type E2E, navigateTo, startE2E } from '../helpers/e2e';

const coordinator: Account = {
  email: 'lucia@example.org',
  name: 'Lucia Perez',
  password: 'bienvenidos-2026',
  role: 'coordinator',
};

const OPEN = 12;

/** Records how many cards the board held when it first appeared in the page. */
async function watchFirstBoard(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen = { cards: -1 };
    (window as unknown as { __board: typeof seen }).__board = seen;
    new MutationObserver((_, observer) => {
      const board = document.querySelector('[data-testid="release-board"]');
      if (!board) return;
      seen.cards = board.querySelectorAll('[data-testid="release-card"]').length;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
}

const firstBoardCards = (page: Page) =>
  page.evaluate(() => (window as unknown as { __board: { cards: number } }).__board.cards);

describe('opening the overview with many open releases', { timeout: 60_000 }, () => {
  let e2e: E2E;
  let api: Api;
  let siteId = 0;

  beforeAll(async () => {
    e2e = await startE2E({ accounts: [coordinator] });
    api = await e2e.apiAs(coordinator);
    const site = await api<{ id: number }>('POST', '/api/sites', { name: 'Greyhound', kind: 'bus_station' });
    siteId = site.id;
    for (let i = 0; i < OPEN; i += 1) {
      await api('POST', '/api/releases', {
        siteId: site.id,
        adults: 1 + (i % 3),
        children: 0,
        languages: ['es'],
      });
    }
  }, 60_000);

  afterAll(() => e2e?.close());

  it('asks for each thing once, and for every release’s dispatches in one request', async () => {
    const cookie = await e2e.srv.login(coordinator.email, coordinator.password);
    const browser = await e2e.launch({ alone: true });
    await browser.context.addCookies([
      { name: 'bv_session', value: cookie.replace(/^bv_session=/, ''), url: e2e.srv.url },
    ]);
    const asked: string[] = [];
    browser.context.on('request', (r) => {
      const url = new URL(r.url());
      if (r.method() === 'GET' && url.pathname.startsWith('/api/')) asked.push(url.pathname + url.search);
    });

    // The overview draws the board from the answers the page preloaded, in its very first draw, never
    // "Loading…" first.
    await watchFirstBoard(browser.context);
    const page = await browser.open(`${e2e.srv.url}/`, LAPTOP);
    await page
      .getByTestId('release-card')
      .nth(OPEN - 1)
      .waitFor();
    expect(await firstBoardCards(page)).toBe(OPEN);
    await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor();
    await page.waitForLoadState('networkidle');

    expect(asked.filter((u) => /^\/api\/releases\/\d+\/dispatches/.test(u))).toEqual([]);
    const times = new Map<string, number>();
    for (const url of asked) times.set(url, (times.get(url) ?? 0) + 1);
    expect(times.get('/api/dispatches?release=open')).toBe(1);
    expect(times.get('/api/releases?status=open')).toBe(1);
    // The live feed replays from where the page began, so connecting fetches nothing again.
    for (const [url, n] of times) expect(n, url).toBe(1);
    // Counts, not the roster: the overview never downloads every volunteer's details.
    expect(asked.filter((u) => u.startsWith('/api/volunteers?') || u === '/api/volunteers')).toEqual([]);
    // The summary at the top names the first few; the board below it holds them all.
    const summary = page.getByTestId('tonight-releases');
    expect(await summary.locator('[data-release]').count()).toBe(5);
    expect(await summary.getByTestId('tonight-more-releases').textContent()).toBe(
      `${OPEN - 5} more on the board`,
    );

    // …and still follows what happens next, live.
    await api('POST', '/api/releases', { siteId, adults: 2, children: 1, languages: ['en'] });
    await page.getByTestId('release-card').nth(OPEN).waitFor();
    await summary
      .getByTestId('tonight-more-releases')
      .filter({ hasText: `${OPEN - 4} more` })
      .waitFor();
    expect(asked.filter((u) => u === '/api/releases?status=open')).toHaveLength(2);
  });

  it('does not hold the page long for a slow board read, and fills the board once it comes', async () => {
    const open = (await api<{ items: unknown[] }>('GET', '/api/releases?status=open', undefined, 200)).items
      .length;
    const cookie = await e2e.srv.login(coordinator.email, coordinator.password);
    const browser = await e2e.launch({ alone: true });
    await browser.context.addCookies([
      { name: 'bv_session', value: cookie.replace(/^bv_session=/, ''), url: e2e.srv.url },
    ]);
    let boardReads = 0;
    // The board's read, preloaded with the page, answers three seconds late.
    await browser.context.route('**/api/releases?status=open', async (route) => {
      boardReads += 1;
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    await watchFirstBoard(browser.context);
    const page = await browser.open(`${e2e.srv.url}/`, LAPTOP);
    // The page is drawn without it: the session is there, the board says it is loading.
    await page.getByTestId('release-board').waitFor();
    expect(await firstBoardCards(page)).toBe(0);
    await page.getByTestId('release-board').getByText('Loading…').waitFor();
    // Then the late answer fills it, read once: the board's own read joined the preloaded one.
    await page
      .getByTestId('release-card')
      .nth(open - 1)
      .waitFor();
    expect(boardReads).toBe(1);

    // Back on the overview later, the board starts from a fresh read, never from that first answer.
    await navigateTo(page, 'Volunteers');
    await api('POST', '/api/releases', { siteId, adults: 1, children: 0, languages: ['es'] });
    await navigateTo(page, 'Home');
    // Its read is slow again: "Loading…" until it comes, not the cards of the first answer.
    await page.getByTestId('release-board').getByText('Loading…').waitFor();
    expect(await page.getByTestId('release-card').count()).toBe(0);
    await page.getByTestId('release-card').nth(open).waitFor();
    expect(boardReads).toBeGreaterThanOrEqual(2);
  });
});
