import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHorizontalOverflow, LAPTOP, PHONE } from '../helpers/browser';
import { type Account, type Api, type E2E, expectNoReload, markDocument, startE2E } from '../helpers/e2e';

const coordinator: Account = {
  email: 'marisol@example.org',
  name: 'Marisol Fuentes',
  password: 'bienvenidos-2026',
  role: 'coordinator',
};

const SITE = 'Greyhound Downtown';

interface Release {
  id: number;
  code: string;
  adults: number;
  children: number;
  languages: string[];
  needs: string[];
  destination: string | null;
  notes: string | null;
  acknowledged: boolean;
  source: string;
}

describe('releases in a real browser', { timeout: 150_000 }, () => {
  let e2e: E2E;
  let call: Api;

  beforeAll(async () => {
    e2e = await startE2E({ accounts: [coordinator] });
    call = await e2e.apiAs(coordinator);
    await call('POST', '/api/sites', { name: SITE, kind: 'bus_station', smsKeyword: 'GREYDT' });
  }, 60_000);

  afterAll(() => e2e?.close());

  const allReleases = async () =>
    (await call<{ items: Release[] }>('GET', '/api/releases?status=all', undefined, 200)).items;

  const signedIn = (path: string, viewport: typeof PHONE) => e2e.signedIn(coordinator, path, viewport);

  /** Waits until the service worker has precached the app and controls this page. */
  async function controlledByServiceWorker(page: Page): Promise<void> {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const controlled = () => navigator.serviceWorker.controller !== null;
    const claimed = await page
      .waitForFunction(controlled, undefined, { timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (!claimed) {
      // A page loaded before its worker activated is only controlled from the next load on.
      await page.reload();
      await page.waitForFunction(controlled, undefined, { timeout: 15_000 });
    }
  }

  async function intakeReady(page: Page): Promise<void> {
    await page.getByRole('heading', { level: 1, name: 'Log a release' }).waitFor();
    // The only site is chosen without asking.
    await page.waitForFunction(
      (site) => {
        const select = document.getElementById('intake-site') as HTMLSelectElement | null;
        return select?.selectedOptions[0]?.textContent === site;
      },
      SITE,
      { timeout: 15_000 },
    );
  }

  it('logs a release offline on a phone, sends it once back online, and a laptop sees it live, once', async () => {
    const phone = await signedIn('/releases/new', PHONE);
    await intakeReady(phone.page);
    await controlledByServiceWorker(phone.page);

    const laptop = await signedIn('/releases', LAPTOP);
    await laptop.page.getByTestId('board-count').filter({ hasText: 'No open releases.' }).waitFor();
    await markDocument(laptop.page);

    // No connection at all: the page itself now comes from the service worker's cache.
    await phone.browser.context.setOffline(true);
    await phone.page.reload();
    await intakeReady(phone.page);
    await phone.page.locator('[data-testid="live-indicator"][data-state="offline"]').waitFor();

    const form = phone.page.getByTestId('intake-form');
    await form.getByRole('button', { name: 'One adult more' }).click();
    await form.getByRole('button', { name: 'One adult more' }).click();
    await form.getByRole('button', { name: 'One child more' }).click();
    expect(await form.getByLabel('Adults', { exact: true }).inputValue()).toBe('3');
    await form.getByRole('checkbox', { name: 'Spanish', exact: true }).check();
    await form.getByRole('checkbox', { name: "K'iche'", exact: true }).check();
    await form.getByLabel('Another language').fill('Akateko');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await form.getByRole('checkbox', { name: 'Akateko', exact: true }).waitFor();
    await form.getByRole('checkbox', { name: 'Food', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Housing tonight', exact: true }).check();
    await form.getByLabel(/^Destination/).fill('Denver');
    expect(await phone.page.getByTestId('notes-warning').textContent()).toBe(
      'No names, ID or A-numbers, nationality or case details.',
    );
    await form.getByLabel(/^Notes/).fill('Two need phone chargers');
    expect(await hasHorizontalOverflow(phone.page)).toBe(false);
    await form.getByRole('button', { name: 'Log release' }).click();

    const result = phone.page.getByTestId('intake-result');
    await phone.page.locator('[data-testid="intake-result"][data-state="queued"]').waitFor();
    expect(await result.textContent()).toContain('Queued — will send when back online');
    await phone.page.locator('[data-testid="queue-count"][data-count="1"]').waitFor();
    expect(await phone.page.getByTestId('queue-count').textContent()).toBe('1 queued');
    expect(await allReleases()).toHaveLength(0);

    await phone.browser.context.setOffline(false);
    await phone.page.locator('[data-testid="intake-result"][data-state="sent"]').waitFor({ timeout: 30_000 });
    const code = (await phone.page.getByTestId('release-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^R-\d{4}$/);
    await phone.page.getByTestId('queue-count').waitFor({ state: 'detached' });

    const stored = await allReleases();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      code,
      adults: 3,
      children: 1,
      languages: ['es', 'quc', 'Akateko'],
      needs: ['food', 'housing_tonight'],
      destination: 'Denver',
      notes: 'Two need phone chargers',
      acknowledged: false,
      source: 'web',
    });

    // The laptop got it live, without a reload, exactly once, flagged as nobody's yet.
    const card = laptop.page.locator(`[data-testid="release-card"][data-code="${code}"]`);
    await card.waitFor();
    expect(await laptop.page.getByTestId('release-card').count()).toBe(1);
    await expectNoReload(laptop.page);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(SITE);
    expect(text).toContain('4 people');
    expect(text).toContain('3 adults · 1 child');
    expect(text).toContain('Akateko');
    expect(text).toContain('Housing tonight');
    await laptop.page.getByTestId('unacked-summary').waitFor();

    await card
      .getByTestId('ack-banner')
      .getByRole('button', { name: `Acknowledge ${code}` })
      .click();
    await card.getByTestId('ack-banner').waitFor({ state: 'detached' });
    await laptop.page.getByTestId('unacked-summary').waitFor({ state: 'detached' });
    expect((await allReleases())[0]?.acknowledged).toBe(true);

    // The phone, back on the board, shows the same single release, already acknowledged.
    await phone.page.getByRole('navigation').getByRole('link', { name: 'Releases', exact: true }).click();
    await phone.page.locator(`[data-testid="release-card"][data-code="${code}"]`).waitFor();
    expect(await phone.page.getByTestId('release-card').count()).toBe(1);
    expect(await phone.page.getByTestId('ack-banner').count()).toBe(0);
    expect(await hasHorizontalOverflow(phone.page)).toBe(false);

    // A move on the phone reaches the laptop live.
    await phone.page
      .locator(`[data-testid="release-card"][data-code="${code}"]`)
      .getByRole('button', { name: 'Met' })
      .click();
    await laptop.page
      .locator(`[data-testid="release-card"][data-code="${code}"][data-status="met"]`)
      .waitFor();

    // A card draws again only when its release changes, but a change of language reaches it all the same.
    await laptop.page.getByTestId('lang-switch').selectOption('es');
    await card.getByText('Alojamiento esta noche').waitFor();
    expect(await card.textContent()).toContain('4 personas');
  });

  it('resends a release whose answer was lost with the same key, so the server keeps one', async () => {
    const before = await allReleases();
    const phone = await signedIn('/releases/new', PHONE);
    await intakeReady(phone.page);

    // The request reaches the server, but the phone never hears back: as when the signal drops mid-answer.
    await phone.page.evaluate(() => {
      const realFetch = window.fetch.bind(window);
      let lost = false;
      window.fetch = async (input, init) => {
        const response = await realFetch(input, init);
        if (!lost && String(input) === '/api/releases' && init?.method === 'POST') {
          lost = true;
          throw new TypeError('Failed to fetch');
        }
        return response;
      };
    });

    const form = phone.page.getByTestId('intake-form');
    await form.getByRole('checkbox', { name: 'Water', exact: true }).check();
    await form.getByRole('button', { name: 'Log release' }).click();
    await phone.page.locator('[data-testid="intake-result"][data-state="queued"]').waitFor();
    await phone.page.getByTestId('queue-list').getByRole('button', { name: 'Send now' }).click();
    await phone.page.locator('[data-testid="intake-result"][data-state="sent"]').waitFor({ timeout: 30_000 });
    const code = (await phone.page.getByTestId('release-code').textContent())?.trim();

    const after = await allReleases();
    expect(after).toHaveLength(before.length + 1);
    expect(after.filter((r) => r.code === code)).toHaveLength(1);
  });
});
