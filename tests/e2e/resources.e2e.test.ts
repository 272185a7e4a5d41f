import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHorizontalOverflow, LAPTOP, type Viewport } from '../helpers/browser';
import {
  type Account,
  type Api,
  type E2E,
  expectNoReload,
  markDocument,
  navigateTo,
  startE2E,
} from '../helpers/e2e';
import { PNG_1PX } from '../modules/resources/resources.helpers';

const coordinator: Account = {
  email: 'lupe@example.org',
  name: 'Lupe Ortega',
  password: 'bienvenidos-2026',
  role: 'coordinator',
};

/** The narrowest phone the dashboard is built for. */
const PHONE: Viewport = { width: 375, height: 812 };

interface Sheet {
  id: number;
  slug: string;
}

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
    await page.reload();
    await page.waitForFunction(controlled, undefined, { timeout: 15_000 });
  }
}

describe('resource sheets in a real browser', { timeout: 150_000 }, () => {
  let e2e: E2E;
  let call: Api;
  let sheet: Sheet;

  beforeAll(async () => {
    e2e = await startE2E({ accounts: [coordinator] });
    call = await e2e.apiAs(coordinator);
    sheet = await call<Sheet>('POST', '/api/resources', { title: 'Sus derechos', tags: ['legal'] });
    await call('POST', `/api/resources/${sheet.id}/versions`, {
      language: 'es',
      body: 'Usted tiene derecho a guardar silencio.\n\n- Pida un abogado\n- No firme nada que no entienda',
    });
    await call('POST', `/api/resources/${sheet.id}/versions`, {
      language: 'en',
      body: 'You have the right to remain silent.',
    });
    await call('POST', `/api/resources/${sheet.id}/versions`, {
      language: 'mam',
      file: PNG_1PX.toString('base64'),
      fileName: 'derechos-mam.png',
    });
  }, 60_000);

  afterAll(() => e2e?.close());

  it('keeps the library on a phone: with the network cut it still opens a sheet, its image and its QR code', async () => {
    const { browser, page } = await e2e.signedIn(coordinator, '/', PHONE);
    await navigateTo(page, 'Sheets');
    await page.getByRole('heading', { level: 1, name: 'Resource sheets' }).waitFor();
    await page.getByTestId('resource-card').filter({ hasText: 'Sus derechos' }).waitFor();
    await controlledByServiceWorker(page);
    // The first visit online kept the list, the texts, the QR codes and the small file.
    await page.waitForFunction(
      async (path) => {
        const kept = localStorage.getItem('bv.offline.library');
        const cache = await caches.open('bv-library-files');
        const keys = (await cache.keys()).map((r) => new URL(r.url).pathname);
        return !!kept?.includes('Sus derechos') && keys.includes(path);
      },
      `/api/resources/${sheet.id}/versions/mam/file`,
      { timeout: 15_000, polling: 250 },
    );

    await browser.context.setOffline(true);
    await page.reload();
    await page.getByTestId('library-offline').waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await page.getByRole('link', { name: 'Sus derechos' }).click();
    const view = page.getByTestId('sheet-view');
    await view.waitFor();
    expect(await view.textContent()).toContain('Usted tiene derecho a guardar silencio.');
    expect(await view.locator('li').allTextContents()).toEqual([
      'Pida un abogado',
      'No firme nada que no entienda',
    ]);
    const qr = page.getByTestId('sheet-qr');
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="sheet-qr"]');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(await page.locator('figcaption').textContent()).toMatch(new RegExp(`/r/${sheet.slug}\\?lang=es$`));

    await page.getByRole('button', { name: 'Mam' }).click();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="sheet-file"]');
      return !!img && img.src.startsWith('data:image/png') && img.complete && img.naturalWidth === 1;
    });
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await browser.context.setOffline(false);
  });

  it('shows a new sheet live, edits a language with a preview, and opens its public link', async () => {
    const { browser, page } = await e2e.signedIn(coordinator, '/resources', LAPTOP, { alone: true });
    await page.getByTestId('resource-card').first().waitFor();
    await markDocument(page);
    const added = await call<Sheet>('POST', '/api/resources', {
      title: 'Bus tips',
      tags: ['travel'],
      reviewBy: '2020-01-01',
    });
    const card = page.getByTestId('resource-card').filter({ hasText: 'Bus tips' });
    await card.waitFor();
    expect(await card.getAttribute('data-stale')).toBe('yes');
    await expectNoReload(page);

    await card.getByRole('link', { name: 'Bus tips' }).click();
    const form = page.getByTestId('version-form');
    await form.getByLabel('Language').selectOption('en');
    await form
      .getByLabel('Sheet text')
      .fill('Buy tickets at window 3.\n\n- Keep your papers\n- Ask for help');
    await page.getByRole('region', { name: 'Preview' }).getByText('Keep your papers').waitFor();
    await form.getByRole('button', { name: 'Save this language' }).click();
    await page.getByTestId('sheet-view').getByText('Buy tickets at window 3.').waitFor();

    const publicPage = await browser.context.newPage();
    await publicPage.goto(`${e2e.srv.url}/r/${added.slug}?lang=quc`);
    await publicPage.getByRole('heading', { level: 1, name: 'Bus tips' }).waitFor();
    expect(await publicPage.locator('main li').allTextContents()).toEqual([
      'Keep your papers',
      'Ask for help',
    ]);
    // Nothing a script could read but the dashboard's language choice: the session stays HttpOnly.
    expect(await publicPage.evaluate(() => document.cookie)).toMatch(/^(bv_lang=(en|es))?$/);
  });

  it('hands a release its sheets in Spanish on a phone, ticking its needs, and shows the coverage', async () => {
    const site = await call<{ id: number }>('POST', '/api/sites', { name: 'Greyhound', kind: 'bus_station' });
    const release = await call<{ id: number; code: string }>('POST', '/api/releases', {
      siteId: site.id,
      adults: 2,
      children: 0,
      languages: ['mam', 'es'],
      needs: ['legal_orientation', 'food'],
    });
    const { page } = await e2e.signedIn(coordinator, `/releases/${release.id}`, PHONE, {
      locale: 'es-MX',
      alone: true,
    });
    await page.getByTestId('release-sheets-link').click();
    await page.getByRole('heading', { level: 1, name: `Hojas para ${release.code}` }).waitFor();
    const bundle = page.getByTestId('bundle');
    await bundle.getByRole('heading', { name: 'Sus derechos' }).waitFor();
    // Mam has its own version of the rights sheet (an image); Spanish its text.
    expect(
      await bundle.locator('li', { hasText: 'Sus derechos' }).locator('figcaption strong').allTextContents(),
    ).toEqual(['mam', 'español']);
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await page.getByRole('button', { name: 'Mostradas en un teléfono' }).click();
    expect(await page.getByTestId('sheets-shared').textContent()).toBe(
      'Anotado. Necesidades cubiertas: Orientación legal',
    );
    const after = await call<{ needsMet: string[] }>('GET', `/api/releases/${release.id}`, undefined, 200);
    expect(after.needsMet).toEqual(['legal_orientation']);

    await page.goto(`${e2e.srv.url}/resources/coverage`);
    const table = page.getByTestId('coverage-table');
    await table.waitFor();
    const row = page.getByTestId('coverage-row').filter({ hasText: 'Bus tips' });
    expect(
      await row.locator('td').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-missing'))),
    ).toEqual(['yes', 'yes']);
    expect(await hasHorizontalOverflow(page)).toBe(false);

    // The editor, with every form open, fits the phone too.
    await page.goto(`${e2e.srv.url}/resources/${sheet.id}`);
    await page.getByTestId('version-form').waitFor();
    await page.getByTestId('send-form').waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
  });
});
