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

const SMALL_PHONE: Viewport = { width: 375, height: 740 };

const marisol: Account = {
  email: 'marisol@example.org',
  name: 'Marisol Fuentes',
  password: 'bienvenidos-2026',
  role: 'coordinator',
};
const diego: Account = {
  email: 'diego@example.org',
  name: 'Diego Ramos',
  password: 'bienvenidos-diego-2026',
  role: 'coordinator',
};
const viewer: Account = {
  email: 'tomas@example.org',
  name: 'Tomas Viewer',
  password: 'bienvenidos-view-2026',
  role: 'viewer',
};

describe('the community fund in a real browser', { timeout: 120_000 }, () => {
  let e2e: E2E;
  let call: Api;
  let releaseCode: string;

  beforeAll(async () => {
    e2e = await startE2E({ env: { SMS_QUIET_HOURS: 'off' }, accounts: [marisol, diego, viewer] });
    call = await e2e.apiAs(marisol);
    const station = await call<{ id: number }>('POST', '/api/sites', {
      name: 'Greyhound',
      kind: 'bus_station',
    });
    const release = await call<{ id: number; code: string }>('POST', '/api/releases', {
      siteId: station.id,
      adults: 2,
      children: 1,
      languages: ['es'],
      needs: ['travel_bag'],
    });
    releaseCode = release.code;
    await call('POST', '/api/funds', { name: 'GoFundMe spring drive', source: 'GoFundMe' });
  }, 60_000);

  afterAll(() => e2e?.close());

  it('records income, pays for a ticket, has a large payment approved by another coordinator, and shows it in the report', async () => {
    const { page } = await e2e.signedIn(marisol, '/', SMALL_PHONE);
    await navigateTo(page, 'Fund');
    await page.getByTestId('fund-card').waitFor();
    expect(await page.getByTestId('fund-balance').textContent()).toBe('$0.00');
    await markDocument(page);

    await page.getByRole('button', { name: 'Money in' }).click();
    const income = page.getByTestId('income-form');
    await income.getByLabel('Amount (USD)').fill('1,250');
    await income.getByRole('button', { name: 'Record income' }).click();
    await page.getByText('$1,250.00 recorded.').waitFor();

    await page.getByRole('button', { name: 'Pay out' }).first().click();
    const pay = page.getByTestId('disburse-form');
    await pay.getByLabel('Amount (USD)').fill('89.50');
    await pay.getByLabel('For').selectOption('ticket');
    await pay.getByLabel('Release (optional)').selectOption({ label: `${releaseCode} · Greyhound` });
    await pay.getByLabel('Receipt note (optional)').fill('Greyhound to Atlanta, receipt 0042');
    await pay.getByRole('button', { name: 'Pay out' }).click();
    await page.getByText('$89.50 paid out.').waitFor();

    await pay.getByLabel('Amount (USD)').fill('450');
    await pay.getByTestId('needs-approval').waitFor();
    await pay.getByLabel('For').selectOption('lodging');
    await pay.getByRole('button', { name: 'Pay out' }).click();
    await page.getByText('$450.00 waits for another coordinator to approve it.').waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);

    // Diego, on a laptop, approves it; Marisol's phone follows live without a reload.
    const other = await e2e.signedIn(diego, '/fund', LAPTOP);
    const pending = other.page.getByTestId('pending-disbursement');
    await pending.waitFor();
    expect(await pending.textContent()).toContain('$450.00');
    await pending.getByTestId('approve').click();
    await other.page.getByTestId('pending-list').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Funds' }).click();
    await page.locator('[data-testid="fund-balance"]', { hasText: '$710.50' }).waitFor();
    await expectNoReload(page);

    await page.getByRole('button', { name: 'Ledger' }).click();
    await page.locator('[data-testid="disbursement-row"][data-status="approved"]').nth(1).waitFor();
    expect(await page.getByTestId('disbursement-list').textContent()).toContain(
      'Greyhound to Atlanta, receipt 0042',
    );

    // The viewer has no fund in the navigation, but reads the donor report, in Spanish, with its charts.
    const report = await e2e.signedIn(viewer, '/', SMALL_PHONE, { locale: 'es-MX' });
    const nav = report.page.getByRole('navigation');
    if (!(await nav.locator('a', { hasText: /^Donantes$/ }).isVisible())) {
      await report.page.getByTestId('nav-more').click();
    }
    expect(await nav.locator('a', { hasText: /^Fondo$/ }).count()).toBe(0);
    await nav.locator('a', { hasText: /^Donantes$/ }).click();
    await report.page.getByTestId('fund-report-totals').waitFor();
    await report.page.getByTestId('people-chart').first().waitFor();
    expect(await report.page.getByTestId('total-moneyInCents').textContent()).toMatch(/1[.,]?250[.,]00/);
    expect(await report.page.getByTestId('total-moneyOutCents').textContent()).toMatch(/539[.,]50/);
    const purposes = await report.page.getByTestId('fund-report-purposes').textContent();
    expect(purposes).toContain('Pasajes');
    expect(purposes).toContain('Alojamiento');
    expect(await report.page.locator('body').textContent()).not.toContain('receipt 0042');
    expect(await hasHorizontalOverflow(report.page)).toBe(false);
    const csv = await report.page.getByTestId('fund-csv-link').getAttribute('href');
    expect(csv).toMatch(/^\/api\/reports\/fund\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  });

  it('imports a platform export picked as a file and turns a large payment down, in Spanish on a phone', async () => {
    const paypal = await call<{ id: number }>('POST', '/api/funds', {
      name: 'PayPal giving',
      source: 'PayPal',
    });
    const exportCsv = [
      '"Date","Time","Name","Status","Currency","Gross","Fee","Net","From Email Address","Transaction ID"',
      '"03/01/2026","10:12:00","Jane Donor","Completed","USD","50.00","-1.75","48.25","jane@example.org","1AB23456CD7890123"',
      '"03/02/2026","11:00:00","John Giver","Completed","USD","1,200.00","-35.10","1,164.90","john@example.org","2AB23456CD7890124"',
      '"03/03/2026","09:30:00","Pat Pending","Pending","USD","20.00","-0.88","19.12","pat@example.org","3AB23456CD7890125"',
    ].join('\r\n');

    const { page } = await e2e.signedIn(diego, '/fund', SMALL_PHONE, { locale: 'es-MX' });
    await markDocument(page);
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    const form = page.getByTestId('fund-import-form');
    await form.getByLabel('Fondo', { exact: true }).selectOption(String(paypal.id));
    await form.getByLabel('Elegir un archivo CSV').setInputFiles({
      name: 'paypal.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(exportCsv),
    });
    await page.waitForFunction(() =>
      (document.querySelector('#fund-import-csv') as HTMLTextAreaElement | null)?.value.includes(
        'Transaction ID',
      ),
    );
    await form.getByRole('button', { name: 'Importar ingresos' }).click();
    const report = page.getByTestId('fund-import-report');
    await report.waitFor();
    expect(await report.getByTestId('fund-imported').textContent()).toMatch(
      /^2 importados \(.*1[.,]?213[.,]15/,
    );
    expect(await report.getByTestId('fund-refused').textContent()).toBe('1 rechazados');
    expect(await report.locator('[data-testid="fund-import-row"][data-status="refused"]').count()).toBe(1);
    // Donors' names and emails are never read, so never shown back.
    expect(await report.textContent()).not.toContain('Jane');
    expect(await hasHorizontalOverflow(page)).toBe(false);
    // The same export again adds nothing.
    await form.getByRole('button', { name: 'Importar ingresos' }).click();
    await report.getByTestId('fund-duplicates').filter({ hasText: '2 ya importados' }).waitFor();
    expect(await report.getByTestId('fund-imported').textContent()).toMatch(/^0 importados/);

    // Marisol asks for more than one coordinator may pay alone; Diego turns it down, saying why.
    await call('POST', `/api/funds/${paypal.id}/disbursements`, {
      amountCents: 90_000,
      purpose: 'lodging',
      note: 'Motel for the week',
    });
    await page.getByRole('button', { name: 'Fondos', exact: true }).click();
    const pending = page.getByTestId('pending-disbursement');
    await pending.waitFor();
    await pending.getByRole('button', { name: 'Rechazar' }).click();
    await pending.getByLabel('¿Por qué no?').fill('The shelter has beds this week');
    await pending.getByRole('button', { name: 'Rechazar' }).click();
    await page.getByTestId('pending-list').waitFor({ state: 'detached' });
    const card = page.locator(`[data-testid="fund-card"][data-id="${paypal.id}"]`);
    // Nothing was paid and nothing is held: the balance is the import's.
    expect(await card.getByTestId('fund-balance').textContent()).toMatch(/1[.,]?213[.,]15/);
    expect(await card.locator('.hint').textContent()).not.toContain('esperando');
    await page.getByRole('button', { name: 'Movimientos' }).click();
    await page.locator('[data-testid="disbursement-row"][data-status="rejected"]').waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await expectNoReload(page);
  });
});
