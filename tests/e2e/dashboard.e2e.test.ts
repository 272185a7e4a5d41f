import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHorizontalOverflow, LAPTOP, launchBrowser, PHONE } from '../helpers/browser';
import {
  type Account,
  type Api,
  type E2E,
  expectNoReload,
  markDocument,
  navigateTo,
  navLink,
  signIn,
  startE2E,
} from '../helpers/e2e';

const coordinator: Account = {
  email: 'carmen@example.org',
  name: 'Carmen Ruiz',
  password: 'bienvenidos-2026',
  role: 'coordinator',
};

const SITES = { en: 'Sites', es: 'Sitios' } as const;

describe('dashboard in a real browser', { timeout: 60_000 }, () => {
  let e2e: E2E;
  let api: Api;

  beforeAll(async () => {
    e2e = await startE2E({ accounts: [coordinator] });
    api = await e2e.apiAs(coordinator);
  }, 60_000);

  afterAll(() => e2e?.close());

  async function openDashboard(viewport: typeof LAPTOP): Promise<Page> {
    const browser = await e2e.launch({ alone: true });
    return browser.open(`${e2e.srv.url}/`, viewport);
  }

  /** Creates a site as another client would: straight through the API, not through this page. */
  async function createSiteElsewhere(body: {
    name: string;
    kind: string;
    address?: string;
    smsKeyword?: string;
  }) {
    await api('POST', '/api/sites', body);
  }

  async function openSitesPage(page: Page, lang: 'en' | 'es'): Promise<void> {
    await navigateTo(page, SITES[lang]);
    await page.getByRole('heading', { level: 1, name: SITES[lang] }).waitFor();
    await markDocument(page);
  }

  it('signs in, goes live and shows a site created elsewhere, in English on a laptop', async () => {
    const page = await openDashboard(LAPTOP);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await signIn(page, coordinator, 'en');
    expect(await page.getByTestId('live-indicator').textContent()).toContain('Live');
    // Coordinators don't manage users or read the audit log.
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Users' }).count()).toBe(0);

    await openSitesPage(page, 'en');
    const name = 'Greyhound Station Downtown';
    await createSiteElsewhere({
      name,
      kind: 'bus_station',
      address: '200 W San Antonio Ave',
      smsKeyword: 'grey1',
    });

    const row = page.getByTestId('site-row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain('Bus station');
    expect(await row.textContent()).toContain('GREY1');
    await expectNoReload(page);

    // Opened afresh signed in, the overview draws from the reads its page asked for, each read once.
    // A first visit's page, from the server (an installed service worker answers with the page it
    // keeps, which asks nothing ahead and whose live feed starts with a full refresh).
    const fresh = await launchBrowser({ serviceWorkers: 'block' });
    await fresh.context.addCookies(await page.context().cookies());
    const home = await fresh.open(`${e2e.srv.url}/`, LAPTOP);
    expect(await home.locator('link[rel="preload"][as="fetch"]').count()).toBe(3);
    await home.getByTestId('board-count').waitFor();
    const first = ['/api/auth/me', '/api/releases?status=open', '/api/dispatches?release=open'];
    const reads = () =>
      home.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname + new URL(e.name).search),
      );
    await expect
      .poll(async () => {
        const seen = await reads();
        return first.filter((p) => seen.includes(p));
      })
      .toEqual(first);
    await home.waitForLoadState('networkidle');
    const done = await reads();
    for (const path of first)
      expect(
        done.filter((r) => r === path),
        path,
      ).toHaveLength(1);
    await fresh.close();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });

  it('works in Spanish on a phone, without sideways scrolling, and follows the session ending', async () => {
    const page = await openDashboard(PHONE);
    await page.getByTestId('lang-switch').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.evaluate(() => localStorage.getItem('bv.lang'))).toBe('es');

    await signIn(page, coordinator, 'es');
    expect(await page.getByTestId('live-indicator').textContent()).toContain('En vivo');
    await navLink(page, 'Sitios').waitFor({ state: 'attached' });
    expect(await hasHorizontalOverflow(page)).toBe(false);

    await openSitesPage(page, 'es');
    const name = 'Terminal Central de Autobuses del Norte — andén de llegadas internacionales';
    await createSiteElsewhere({
      name,
      kind: 'bus_station',
      address: 'Avenida de los Insurgentes Norte 1234, Colonia Magdalena de las Salinas, Ciudad de México',
      smsKeyword: 'NORTE1234567890ABCDE',
    });
    const row = page.getByTestId('site-row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain('Estación de autobuses');
    await expectNoReload(page);
    expect(await hasHorizontalOverflow(page)).toBe(false);

    // The choice of language survives a reload, and the session resumes live.
    await page.reload();
    await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Sitios' }).waitFor();
    // The server wrote that page in Spanish, with the Spanish words alone coming beside the code.
    expect((await page.context().cookies(e2e.srv.url)).find((c) => c.name === 'bv_lang')?.value).toBe('es');
    const words = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => /^\/assets\/(en|es)-/.test(p)),
    );
    expect(words.map((p) => p.slice(8, 10))).toEqual(['es']);

    // Signing this browser's session out from elsewhere closes its live feed; the page returns to sign-in.
    const session = (await page.context().cookies(e2e.srv.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    const out = await fetch(`${e2e.srv.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: session, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(204);
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    await page.getByText('Tu sesión terminó').waitFor();
  });
});
