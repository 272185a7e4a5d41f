import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHorizontalOverflow, LAPTOP, PHONE } from '../helpers/browser';
import { type Account, type E2E, expectNoReload, markDocument, navigateTo, startE2E } from '../helpers/e2e';

const coordinator: Account = {
  email: 'lucia@example.org',
  name: 'Lucía Ortega',
  password: 'bienvenidos-2026',
  role: 'coordinator',
};

describe('SMS page in a real browser', { timeout: 90_000 }, () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E({ accounts: [coordinator] });
  }, 60_000);

  afterAll(() => e2e?.close());

  async function openSignedIn(viewport: typeof LAPTOP): Promise<Page> {
    return (await e2e.signedIn(coordinator, '/', viewport, { alone: true })).page;
  }

  async function openSmsPage(page: Page): Promise<void> {
    await navigateTo(page, 'SMS');
    await page.getByRole('heading', { level: 1, name: 'SMS' }).waitFor();
    await markDocument(page);
  }

  it('simulates texts in both languages, counts segments and shows a direct message delivered', async () => {
    const page = await openSignedIn(LAPTOP);
    await openSmsPage(page);

    const simulator = page.getByTestId('sms-simulator');
    await simulator.getByText('nothing leaves this machine').waitFor();
    await simulator.getByLabel('Text in as').fill('(303) 555-0142');
    await simulator.getByRole('textbox', { name: 'Message' }).fill('HELP');
    await simulator.getByRole('button', { name: 'Send', exact: true }).click();

    const bubbles = simulator.getByTestId('sim-message');
    const saying = (text: RegExp) =>
      bubbles.filter({ has: page.getByTestId('sim-body').filter({ hasText: text }) });
    await saying(/^HELP$/).waitFor();
    const english = saying(/^Bienvenida: YES\/NO/);
    await english.locator('[data-status="delivered"]').waitFor();
    expect(await english.getAttribute('data-direction')).toBe('outbound');
    await simulator.getByText('Conversation with (303) 555-0142').waitFor();
    await expectNoReload(page);

    await page.getByTestId('lang-switch').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'SMS' }).waitFor();
    await simulator.getByText('nada sale de esta máquina').waitFor();
    await simulator.getByRole('textbox', { name: 'Mensaje' }).fill('ayuda');
    await simulator.getByRole('button', { name: 'Enviar', exact: true }).click();
    const spanish = saying(/^Bienvenida: SI\/NO/);
    await spanish.waitFor();
    await spanish.getByText('Entregado').waitFor();
    // Both replies sit in the one conversation, oldest first.
    expect(await bubbles.count()).toBe(4);
    expect(await bubbles.last().getByTestId('sim-body').textContent()).toMatch(/^Bienvenida: SI\/NO/);

    await page.getByTestId('lang-switch').selectOption('en');
    const composer = page.getByTestId('sms-composer');
    await composer.getByLabel('To').fill('720.555.0199');
    const body = composer.getByRole('textbox', { name: 'Message' });
    await body.fill('Dinner is ready at 7');
    expect(await composer.getByTestId('sms-encoding').textContent()).toBe('GSM-7');
    const text = `Mañana a las 7: cena en la bodega, está todo listo (${Date.now()})`;
    await body.fill(text);
    expect(await composer.getByTestId('sms-encoding').textContent()).toBe('UCS-2');
    await composer.getByText('á makes this UCS-2: 70 characters a segment').waitFor();
    expect(await composer.getByTestId('sms-segments').textContent()).toBe('1 segment');

    await composer.getByRole('button', { name: 'Send', exact: true }).click();
    await composer.getByText('Message to +17205550199 queued.').waitFor();
    const row = page.getByTestId('sms-row').filter({ hasText: text });
    await page
      .locator('[data-testid="sms-row"][data-status="delivered"]')
      .filter({ hasText: text })
      .waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.getByTestId('sms-status').textContent()).toBe('Delivered');
    // The log shows numbers in national form, as people write them.
    expect(await row.textContent()).toContain('(720) 555-0199');
    expect(await row.textContent()).toContain('UCS-2');
    expect(await row.textContent()).toContain('Direct');
    await expectNoReload(page);
  });

  it('shows the server’s verdict on a bad number next to the field', async () => {
    const page = await openSignedIn(LAPTOP);
    await openSmsPage(page);
    const composer = page.getByTestId('sms-composer');
    await composer.getByLabel('To').fill('12345');
    await composer.getByRole('textbox', { name: 'Message' }).fill('hello');
    await composer.getByRole('button', { name: 'Send', exact: true }).click();
    await composer.getByText('Enter a valid phone number').waitFor();
    expect(await composer.getByLabel('To').getAttribute('aria-invalid')).toBe('true');
  });

  it('filters the log and resends a failed message', async () => {
    const api = await e2e.apiAs(coordinator);
    const text = `Shelter check-in moved to 9pm (${Date.now()})`;
    const sent = await api<{ id: number }>('POST', '/api/sms/messages', { to: '(720) 555-0150', body: text });
    // The console driver delivers everything; leave the row as a carrier's failure report would.
    await expect
      .poll(() =>
        e2e.srv.app.core.db.$client.prepare('select status from sms_messages where id = ?').get(sent.id),
      )
      .toEqual({ status: 'delivered' });
    e2e.srv.app.core.db.$client
      .prepare(
        "update sms_messages set status = 'failed', error_code = '30003', error_message = 'Unreachable destination handset' where id = ?",
      )
      .run(sent.id);

    const page = await openSignedIn(LAPTOP);
    await openSmsPage(page);
    await page.getByLabel('Status').selectOption('failed');
    const row = page.locator(`[data-testid="sms-row"][data-id="${sent.id}"]`);
    await row.getByText('Error 30003').waitFor();
    expect(await page.getByTestId('sms-row').count()).toBe(1);
    expect(await row.getByTestId('sms-status').textContent()).toBe('Failed');

    await row.getByRole('button', { name: 'Resend' }).click();
    await row.getByText('Queued again').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    const copies = page.getByTestId('sms-row').filter({ hasText: text });
    await expect.poll(() => copies.count()).toBe(2);
    await copies.and(page.locator('[data-status="delivered"]')).waitFor();
    await expectNoReload(page);
  });

  it('fits a phone screen, and opted-out numbers are listed live', async () => {
    const page = await openSignedIn(PHONE);
    await openSmsPage(page);
    await page.getByRole('heading', { level: 2, name: 'Message log' }).waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);

    // Both tools start folded on a phone so the log comes first; open them to check they fit too.
    await page.getByText('New message', { exact: true }).click();
    await page.getByText('SMS simulator', { exact: true }).click();
    const simulator = page.getByTestId('sms-simulator');
    await simulator.getByLabel('Text in as').fill('+1 303 555 0177');
    await simulator.getByRole('textbox', { name: 'Message' }).fill('STOP');
    await simulator.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('optout-row').filter({ hasText: '+13035550177' }).waitFor();
    expect(await page.getByTestId('optout-row').filter({ hasText: '+13035550177' }).textContent()).toContain(
      'STOP',
    );
    // A message queued by another client shows up on its own and follows its delivery.
    const api = await e2e.apiAs(coordinator);
    const elsewhere = `Bus leaves at 6:40 from gate 12, bring the blue folder (${Date.now()})`;
    await api('POST', '/api/sms/messages', { to: '+1 (720) 555-0188', body: elsewhere });
    await page
      .locator('[data-testid="sms-row"][data-status="delivered"]')
      .filter({ hasText: elsewhere })
      .waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await expectNoReload(page);

    // The page's address survives a reload: it must not fall into the server's /sms webhook space.
    expect(new URL(page.url()).pathname).toBe('/messages');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'SMS' }).waitFor();
    await page.getByTestId('optout-row').filter({ hasText: '+13035550177' }).waitFor();
  });
});
