import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHorizontalOverflow, LAPTOP, type Viewport } from '../helpers/browser';
import { type Account, type Api, type E2E, expectNoReload, markDocument, startE2E } from '../helpers/e2e';

/** The narrowest phone the dashboard is made for. */
const SMALL_PHONE: Viewport = { width: 375, height: 740 };

const coordinator: Account = {
  email: 'marisol@example.org',
  name: 'Marisol Fuentes',
  password: 'bienvenidos-2026',
  role: 'coordinator',
};
const admin: Account = {
  email: 'ana@example.org',
  name: 'Ana Admin',
  password: 'bienvenidos-admin-2026',
  role: 'admin',
};
const viewer: Account = {
  email: 'tomas@example.org',
  name: 'Tomás Viewer',
  password: 'bienvenidos-view-2026',
  role: 'viewer',
};

function stockRow(page: Page, itemId: number, siteId: number) {
  return page.locator(`[data-testid="stock-row"][data-item="${itemId}"][data-site="${siteId}"]`);
}

describe('supply kits in a real browser', { timeout: 90_000 }, () => {
  let e2e: E2E;
  let call: Api;
  let stationId: number;
  let toothbrushId: number;
  let kitId: number;
  let releaseId: number;

  beforeAll(async () => {
    e2e = await startE2E({ env: { SMS_QUIET_HOURS: 'off' }, accounts: [coordinator, viewer, admin] });
    call = await e2e.apiAs(coordinator);
    stationId = (await call<{ id: number }>('POST', '/api/sites', { name: 'Greyhound', kind: 'bus_station' }))
      .id;
    await call('POST', '/api/sites', { name: 'Warehouse', kind: 'warehouse' });
    toothbrushId = (
      await call<{ id: number }>('POST', '/api/supplies/items', {
        sku: 'TB',
        name: 'Toothbrush',
        category: 'hygiene',
      })
    ).id;
    const soapId = (await call<{ id: number }>('POST', '/api/supplies/items', { sku: 'SOAP', name: 'Soap' }))
      .id;
    kitId = (
      await call<{ id: number }>('POST', '/api/supplies/kits', {
        sku: 'HK',
        name: 'Hygiene kit',
        need: 'hygiene_kit',
        lowStockThreshold: 3,
        components: [
          { itemId: toothbrushId, qty: 1 },
          { itemId: soapId, qty: 1 },
        ],
      })
    ).id;
    await call('POST', '/api/supplies/receipts', {
      siteId: stationId,
      lines: [
        { itemId: toothbrushId, qty: 6 },
        { itemId: soapId, qty: 5 },
      ],
    });
    await call('POST', `/api/supplies/kits/${kitId}/assemble`, { siteId: stationId, count: 5 });
    releaseId = (
      await call<{ id: number }>('POST', '/api/releases', {
        siteId: stationId,
        adults: 3,
        children: 0,
        languages: ['es'],
        needs: ['hygiene_kit'],
      })
    ).id;
  }, 60_000);

  afterAll(() => e2e?.close());

  it('hands out kits on a phone in Spanish while another dashboard sees stock fall and turn low', async () => {
    const watch = await e2e.signedIn(viewer, '/supplies', LAPTOP);
    const row = stockRow(watch.page, kitId, stationId);
    await row.waitFor();
    expect(await row.getAttribute('data-qty')).toBe('5');
    expect(await watch.page.getByTestId('low-stock').count()).toBe(0);
    // A viewer reads stock but is offered nothing that would change it.
    expect(await watch.page.locator('[data-view="receive"]').count()).toBe(0);
    await markDocument(watch.page);

    const board = await e2e.signedIn(viewer, '/releases', SMALL_PHONE);
    const kitTotal = board.page.locator(`[data-testid="kit-total"][data-item="${kitId}"]`);
    await kitTotal.waitFor();
    expect(await kitTotal.getAttribute('data-qty')).toBe('5');
    expect(await kitTotal.getAttribute('data-low')).toBe('false');
    await markDocument(board.page);

    const { page } = await e2e.signedIn(coordinator, `/releases/${releaseId}`, SMALL_PHONE, {
      locale: 'es-ES',
    });
    const panel = page.getByTestId('kits-panel');
    await panel.getByText('Aún no se ha entregado nada.').waitFor();
    const form = panel.getByTestId('hand-out-form');
    // The kit that meets the group's open need and the release's own site come chosen (each list shows
    // its choice once it has loaded).
    await expect.poll(() => form.getByLabel('Artículo').inputValue()).toBe(String(kitId));
    await expect.poll(() => form.getByLabel('Desde').inputValue()).toBe(String(stationId));
    await form.getByText('Hay 5 kit allí.').waitFor();
    await form.getByRole('button', { name: 'Uno más de Hygiene kit' }).click();
    await form.getByRole('button', { name: 'Uno más de Hygiene kit' }).click();
    expect(await form.getByLabel('Cuántos').inputValue()).toBe('3');
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await form.getByRole('button', { name: 'Entregar' }).click();
    await panel.getByTestId('hand-out-done').waitFor();
    await panel.locator(`[data-testid="given"][data-item="${kitId}"][data-count="3"]`).waitFor();
    // The need is ticked as met by the hand-out itself.
    await page.getByRole('checkbox', { name: 'Kit de higiene' }).and(page.locator(':checked')).waitFor();

    await watch.page.locator(`[data-testid="stock-row"][data-item="${kitId}"][data-qty="2"]`).waitFor();
    expect(await row.getAttribute('data-low')).toBe('true');
    expect(await watch.page.getByTestId('low-stock').textContent()).toContain(
      'Hygiene kit at Greyhound: 2 left (keep at least 3)',
    );
    await expectNoReload(watch.page);
    await board.page.locator(`[data-testid="kit-total"][data-item="${kitId}"][data-low="true"]`).waitFor();
    expect(await kitTotal.getAttribute('data-qty')).toBe('2');
    expect(await kitTotal.textContent()).toContain('low at Greyhound');
    expect(await hasHorizontalOverflow(board.page)).toBe(false);
    await expectNoReload(board.page);

    // Asking for more than is left changes nothing and says, in Spanish, what there is.
    await form.getByLabel('Cuántos').fill('4');
    await form.getByRole('button', { name: 'Entregar' }).click();
    expect(await panel.getByTestId('supply-error').textContent()).toBe(
      'No hay suficiente en existencia. Hygiene kit (quedan 2)',
    );
    expect(await row.getAttribute('data-qty')).toBe('2');
  });

  it('receives a donation on a phone by typing, stepping and sending once', async () => {
    const { page } = await e2e.signedIn(coordinator, '/supplies', SMALL_PHONE, { alone: true });
    await page.getByRole('button', { name: 'Receive' }).click();
    const form = page.getByTestId('receive-form');
    await form.getByLabel('Site').selectOption(String(stationId));
    await form.getByLabel('Find an item').fill('tooth');
    await form.getByTestId('pick-item').click();
    await form.getByLabel('Find an item').fill('SOA');
    await form.getByTestId('pick-item').click();
    await form.getByRole('button', { name: 'One more Toothbrush' }).click();
    await form.getByRole('button', { name: 'One more Toothbrush' }).click();
    expect(await form.getByTestId('receive-line').count()).toBe(2);
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await form.getByRole('button', { name: 'Receive 4' }).click();
    await form.getByTestId('receive-done').waitFor();
    expect(await form.getByTestId('receive-line').count()).toBe(0);

    await page.getByRole('button', { name: 'Stock' }).click();
    // 6 received, 5 went into kits, 3 more now.
    await page.locator(`[data-testid="stock-row"][data-item="${toothbrushId}"][data-qty="4"]`).waitFor();

    // The monthly count: one toothbrush is missing from the shelf; the difference becomes an adjustment.
    await page.getByRole('button', { name: 'Count' }).click();
    const count = page.getByTestId('count-form');
    await count.getByLabel('Site').selectOption(String(stationId));
    await count.getByText('On record: 4 each').waitFor();
    await count.getByLabel(/^Toothbrush/).fill('3');
    await count.getByRole('button', { name: 'Save count (1 item)' }).click();
    const adjusted = count.locator(`[data-testid="count-adjustment"][data-item="${toothbrushId}"]`);
    await adjusted.waitFor();
    expect(await adjusted.textContent()).toBe('Toothbrush: −1');
    await page.getByRole('button', { name: 'Ledger' }).click();
    await page.locator('[data-testid="movement"][data-reason="adjust"][data-delta="-1"]').waitFor();
  });

  it('lets an admin ask for low-stock texts for a user', async () => {
    const { page } = await e2e.signedIn(admin, '/users', LAPTOP, { alone: true });
    await page.getByRole('button', { name: `Edit ${coordinator.name}` }).click();
    const form = page.getByTestId('user-edit');
    await form.getByLabel('Text me when stock runs low').check();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('user-updated').waitFor();
    const adminApi = await e2e.apiAs(admin);
    const { items } = await adminApi<{ items: { email: string; alerts: string[] }[] }>(
      'GET',
      '/api/users',
      undefined,
      200,
    );
    expect(items.find((u) => u.email === coordinator.email)?.alerts).toEqual(['stock']);
  });
});
