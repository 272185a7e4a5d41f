import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHorizontalOverflow, LAPTOP, launchBrowser, PHONE, type TestBrowser } from '../helpers/browser';
import { startTestServer } from '../helpers/server';

const webBuilt = existsSync(new URL('../../web/dist/index.html', import.meta.url));

const coordinator = {
  email: 'carmen@example.org',
  name: 'Carmen Ruiz',
  password: 'bienvenidos-2026',
  role: 'coordinator' as const,
};

interface Labels {
  email: string;
  password: string;
  submit: string;
  sitesNav: string;
  sitesHeading: string;
}

const english: Labels = {
  email: 'Email',
  password: 'Password',
  submit: 'Sign in',
  sitesNav: 'Sites',
  sitesHeading: 'Sites',
};

const spanish: Labels = {
  email: 'Correo electrónico',
  password: 'Contraseña',
  submit: 'Entrar',
  sitesNav: 'Sitios',
  sitesHeading: 'Sitios',
};

describe('dashboard in a real browser', { timeout: 60_000 }, () => {
  let srv: Awaited<ReturnType<typeof startTestServer>>;
  let cookie: string;
  let browser: TestBrowser | null = null;

  beforeAll(async () => {
    if (!webBuilt) throw new Error('web/dist is missing: run `npm run build:web` before this test');
    srv = await startTestServer();
    await srv.createUser(coordinator);
    cookie = await srv.login(coordinator.email, coordinator.password);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  async function openDashboard(viewport: typeof LAPTOP): Promise<Page> {
    await browser?.close();
    browser = await launchBrowser({ locale: 'en-US' });
    return browser.open(`${srv.url}/`, viewport);
  }

  /** Creates a site as another client would: straight through the API, not through this page. */
  async function createSiteElsewhere(body: {
    name: string;
    kind: string;
    address?: string;
    smsKeyword?: string;
  }) {
    const res = await fetch(`${srv.url}/api/sites`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
  }

  async function signIn(page: Page, labels: Labels): Promise<void> {
    await page.getByLabel(labels.email).fill(coordinator.email);
    await page.getByLabel(labels.password).fill(coordinator.password);
    await page.getByRole('button', { name: labels.submit }).click();
    await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor();
  }

  async function openSitesPage(page: Page, labels: Labels): Promise<void> {
    await page.getByRole('navigation').getByRole('link', { name: labels.sitesNav, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: labels.sitesHeading }).waitFor();
    // Mark the document so a full reload (which would wipe the mark) cannot pass for a live update.
    await page.evaluate(() => {
      document.body.dataset.sameDocument = 'yes';
    });
  }

  async function expectNoReload(page: Page): Promise<void> {
    expect(await page.evaluate(() => document.body.dataset.sameDocument)).toBe('yes');
  }

  it('signs in, goes live and shows a site created elsewhere, in English on a laptop', async () => {
    const page = await openDashboard(LAPTOP);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await signIn(page, english);
    expect(await page.getByTestId('live-indicator').textContent()).toContain('Live');
    // Coordinators don't manage users or read the audit log.
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Users' }).count()).toBe(0);

    await openSitesPage(page, english);
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

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });

  it('works in Spanish on a phone, without sideways scrolling, and follows the session ending', async () => {
    const page = await openDashboard(PHONE);
    await page.getByTestId('lang-switch').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.evaluate(() => localStorage.getItem('bv.lang'))).toBe('es');

    await signIn(page, spanish);
    expect(await page.getByTestId('live-indicator').textContent()).toContain('En vivo');
    await page.getByRole('navigation').getByRole('link', { name: 'Sitios', exact: true }).waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);

    await openSitesPage(page, spanish);
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

    // Signing this browser's session out from elsewhere closes its live feed; the page returns to sign-in.
    const session = (await page.context().cookies(srv.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    const out = await fetch(`${srv.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: session, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(204);
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    await page.getByText('Tu sesión terminó').waitFor();
  });
});
