import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHorizontalOverflow, LAPTOP, PHONE } from '../helpers/browser';
import { type Account, type Api, type E2E, expectNoReload, markDocument, startE2E } from '../helpers/e2e';

const ZONE = 'America/Denver';

const coordinator: Account = {
  email: 'rosa@example.org',
  name: 'Rosa Medina',
  password: 'bienvenidos-2026',
  role: 'coordinator',
};

interface Volunteer {
  id: number;
  name: string;
}
interface Shift {
  id: number;
  filled: number;
  needed: number;
}

/** A local date in the network's zone, `days` from today. */
function networkDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

describe('volunteers, shifts and screening in a real browser', { timeout: 120_000 }, () => {
  let e2e: E2E;
  let call: Api;

  beforeAll(async () => {
    // Quiet hours would hold a reminder sent at night past the start of a shift two hours away.
    e2e = await startE2E({ env: { NETWORK_TZ: ZONE, SMS_QUIET_HOURS: 'off' }, accounts: [coordinator] });
    call = await e2e.apiAs(coordinator);
  }, 60_000);

  afterAll(() => e2e?.close());

  async function signIn(path: string): Promise<Page> {
    return (await e2e.signedIn(coordinator, path, PHONE, { alone: true })).page;
  }

  const db = () => e2e.srv.app.core.db.$client;

  it('fills a shift from a phone, follows other clients live, and reopens the place of a sick volunteer', async () => {
    const site = await call<{ id: number }>('POST', '/api/sites', {
      name: 'Greyhound Downtown',
      kind: 'bus_station',
    });
    const day = networkDate(1);
    const shift = await call<Shift>('POST', '/api/shifts', {
      siteId: site.id,
      startsAt: `${day}T09:00`,
      endsAt: `${day}T13:00`,
      role: 'Welcome desk',
      needed: 2,
    });
    const ana = await call<Volunteer>('POST', '/api/volunteers', {
      name: 'Ana Morales',
      phone: '(303) 555-0101',
      languages: ['es', 'en'],
      skills: ['driver', 'interpreter'],
      smsLanguage: 'es',
    });
    const bruno = await call<Volunteer>('POST', '/api/volunteers', {
      name: 'Bruno Silva',
      phone: '(303) 555-0102',
      languages: ['pt', 'en'],
      skills: ['supply_runner'],
      highRisk: true,
    });

    const page = await signIn('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Shifts', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Shifts' }).waitFor();
    await markDocument(page);

    const card = page.locator(`[data-testid="shift"][data-id="${shift.id}"]`);
    const filled = card.getByTestId('shift-filled');
    await card.waitFor();
    expect(await filled.textContent()).toBe('0/2 filled');
    expect(await card.getAttribute('data-gap')).toBe('yes');
    expect(await card.getByTestId('shift-gap').textContent()).toBe('2 places to fill');
    expect(await card.textContent()).toContain('9:00 AM – 1:00 PM');
    expect(await card.textContent()).toContain('Greyhound Downtown');
    const dayBlock = page.locator(`[data-testid="coverage-day"][data-date="${day}"]`);
    expect(await dayBlock.getByTestId('day-summary').textContent()).toContain('0 of 2 places filled');
    expect(await hasHorizontalOverflow(page)).toBe(false);

    // The coordinator signs Ana up with the picker on the shift itself.
    await card.getByLabel('Sign up a volunteer').selectOption(String(ana.id));
    await card.getByRole('button', { name: 'Sign up', exact: true }).click();
    await card.locator('[data-testid="shift-filled"][data-filled="1"]').waitFor();
    expect(await filled.textContent()).toBe('1/2 filled');
    await card.locator(`[data-testid="signup"][data-volunteer-id="${ana.id}"]`).waitFor();
    expect(await card.getByTestId('shift-gap').textContent()).toBe('1 place to fill');
    expect(await dayBlock.getByTestId('day-summary').textContent()).toContain('1 of 2 places filled');

    // Someone else signs Bruno up: the page follows without a reload.
    await call('POST', `/api/shifts/${shift.id}/signups`, { volunteerId: bruno.id });
    await card.locator('[data-testid="shift-filled"][data-filled="2"]').waitFor();
    expect(await filled.textContent()).toBe('2/2 filled');
    await page.locator(`[data-testid="shift"][data-id="${shift.id}"][data-gap="no"]`).waitFor();
    expect(await card.getByTestId('signup-picker').count()).toBe(0);
    await expectNoReload(page);

    // Both forms open on a phone without sideways scrolling.
    await page.getByText('Add a shift', { exact: true }).click();
    await page.getByText('Add a weekly shift', { exact: true }).click();
    await page.getByTestId('template-form').waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);

    // In Spanish, the roster.
    await page.getByTestId('lang-switch').selectOption('es');
    await page.getByRole('navigation').getByRole('link', { name: 'Voluntarios', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Voluntarios' }).waitFor();
    const anaRow = page.locator(`[data-testid="volunteer-row"][data-id="${ana.id}"]`);
    await anaRow.waitFor();
    expect(await anaRow.textContent()).toContain('Ana Morales');
    expect(await anaRow.textContent()).toContain('Conducción');
    expect(await anaRow.getByTestId('screening-chip').getAttribute('data-state')).toBe('missing');
    expect(await anaRow.getByTestId('screening-chip').textContent()).toBe('Sin chequeo');
    const brunoRow = page.locator(`[data-testid="volunteer-row"][data-id="${bruno.id}"]`);
    expect(await brunoRow.getByTestId('badge-high-risk').textContent()).toBe('Alto riesgo');

    // A duplicate phone is refused next to the field, in Spanish.
    await page.getByText('Agregar voluntario', { exact: true }).first().click();
    const form = page.getByTestId('new-volunteer-form');
    await form.getByLabel('Nombre').fill('Ana M.');
    await form.getByLabel('Teléfono').fill('303-555-0101');
    await form.getByRole('button', { name: 'Agregar voluntario' }).click();
    await form.getByText('Otro voluntario ya tiene este número de teléfono.').waitFor();
    expect(await form.getByLabel('Teléfono').getAttribute('aria-invalid')).toBe('true');
    expect(await hasHorizontalOverflow(page)).toBe(false);

    // A second tab on the shifts page, to see the isolation there too.
    const shiftsTab = await page.context().newPage();
    await shiftsTab.setViewportSize(PHONE);
    await shiftsTab.goto(`${e2e.srv.url}/shifts`);
    await shiftsTab.locator('[data-testid="live-indicator"][data-state="live"]').waitFor();
    const tabCard = shiftsTab.locator(`[data-testid="shift"][data-id="${shift.id}"]`);
    await tabCard.locator('[data-testid="shift-filled"][data-filled="2"]').waitFor();
    expect(await tabCard.getByTestId('shift-filled').textContent()).toBe('2/2 cubiertos');
    await markDocument(shiftsTab);

    await call('POST', `/api/volunteers/${ana.id}/screenings`, { symptoms: true, exposure: false });

    const chip = anaRow.locator('[data-testid="screening-chip"][data-state="isolating"]');
    await chip.waitFor();
    expect(await chip.textContent()).toMatch(/^En aislamiento hasta /);
    await expectNoReload(page);

    await tabCard.locator('[data-testid="shift-filled"][data-filled="1"]').waitFor();
    expect(await tabCard.getByTestId('shift-filled').textContent()).toBe('1/2 cubiertos');
    expect(await tabCard.getAttribute('data-gap')).toBe('yes');
    expect(await tabCard.getByTestId('shift-gap').textContent()).toBe('Falta 1 persona');
    const anaSignup = tabCard.locator(`[data-testid="signup"][data-volunteer-id="${ana.id}"]`);
    expect(await anaSignup.getAttribute('data-counts')).toBe('no');
    expect(await anaSignup.locator('s').textContent()).toBe('Ana Morales');
    expect(await anaSignup.textContent()).toContain('No cuenta');
    // The place is open again; everyone active is already on it, and the card says so.
    await tabCard.getByText('Todos los voluntarios activos ya están en este turno.').waitFor();
    await expectNoReload(shiftsTab);
    expect(await hasHorizontalOverflow(shiftsTab)).toBe(false);

    // Her own page fits a phone too, and lists the shift.
    await anaRow.getByRole('link', { name: 'Ana Morales' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ana Morales' }).waitFor();
    await page.getByTestId('volunteer-shift').first().waitFor();
    expect(await page.getByTestId('volunteer-shift').first().textContent()).toContain('Greyhound Downtown');
    expect(await hasHorizontalOverflow(page)).toBe(false);

    await page.goto(`${e2e.srv.url}/volunteers/import`);
    await page.getByRole('heading', { level: 1, name: 'Importar voluntarios' }).waitFor();
    // A file is read in the browser and shown before it is sent.
    await page.getByLabel('Elegir un archivo CSV').setInputFiles({
      name: 'roster.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'name,phone,languages,skills\nCarmen Ruiz,(720) 555-0133,es,driver\nSin Telefono,,es,driver\n',
      ),
    });
    await page.getByText('roster.csv cargado').waitFor();
    expect(await page.getByLabel('O pégalo aquí').inputValue()).toContain('Carmen Ruiz');
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('import-added').textContent()).toBe('1 agregados');
    expect(await page.locator('[data-testid="import-row"][data-status="refused"]').count()).toBe(1);
    expect(await hasHorizontalOverflow(page)).toBe(false);

    // A text to everyone on the shift: both signups, counted or not, are told.
    await page.goto(`${e2e.srv.url}/messages`);
    await page.getByText('Enviar SMS a voluntarios', { exact: true }).click();
    const broadcast = page.getByTestId('broadcast-form');
    await broadcast.getByLabel('Los voluntarios de un turno').check();
    await broadcast.getByLabel('Turno', { exact: true }).selectOption(String(shift.id));
    await broadcast.getByRole('textbox', { name: 'Mensaje', exact: true }).fill('Parking moved to lot C');
    await broadcast
      .getByRole('textbox', { name: 'Mensaje en español (opcional)' })
      .fill('El estacionamiento cambió');
    expect(await broadcast.getByTestId('sms-segments').first().textContent()).toBe('1 segmento');
    await broadcast.getByRole('button', { name: 'Enviar a voluntarios' }).click();
    await broadcast.getByTestId('broadcast-result').waitFor();
    expect(await broadcast.getByTestId('broadcast-result').textContent()).toContain('2 mensajes en cola.');
    expect(await hasHorizontalOverflow(page)).toBe(false);
    const sent = db().prepare("select body from sms_messages where kind='broadcast' order by id").all();
    expect(sent).toEqual(
      expect.arrayContaining([{ body: 'El estacionamiento cambió' }, { body: 'Parking moved to lot C' }]),
    );
  });

  it('lets a volunteer screen through the link in their reminder, without signing in', async () => {
    const site = await call<{ id: number }>('POST', '/api/sites', {
      name: 'Airport arrivals',
      kind: 'airport',
    });
    const start = new Date(Date.now() + 2 * 3_600_000);
    const shift = await call<Shift>('POST', '/api/shifts', {
      siteId: site.id,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 4 * 3_600_000).toISOString(),
      needed: 1,
    });
    const carla = await call<Volunteer>('POST', '/api/volunteers', {
      name: 'Carla Reyes Paz',
      phone: '(303) 555-0109',
      languages: ['es'],
      skills: ['hotline'],
      smsLanguage: 'es',
    });
    await call('POST', `/api/shifts/${shift.id}/signups`, { volunteerId: carla.id });

    // The reminder is due at once: the shift starts within SHIFT_REMINDER_HOURS.
    await expect
      .poll(async () => {
        await e2e.srv.app.core.scheduler.runDue();
        return db()
          .prepare("select body from sms_messages where kind='reminder' and phone='+13035550109'")
          .get() as { body: string } | undefined;
      })
      .toBeTruthy();
    const { body } = db()
      .prepare("select body from sms_messages where kind='reminder' and phone='+13035550109'")
      .get() as {
      body: string;
    };
    const token = /\/screen\?t=([^\s]+)/.exec(body)?.[1];
    expect(token).toBeTruthy();

    const browser = await e2e.launch({ alone: true });
    const page = await browser.open(`${e2e.srv.url}/screen?t=${token}`, PHONE);

    // Greeted by first name in her own language; the token is gone from the address bar.
    await page.getByTestId('screen-greeting').waitFor();
    expect(await page.getByTestId('screen-greeting').textContent()).toBe('¡Hola, Carla!');
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await hasHorizontalOverflow(page)).toBe(false);

    await page.getByTestId('lang-switch').selectOption('en');
    await page.getByText('Hi Carla!').waitFor();
    await page.getByTestId('question-symptoms').getByRole('radio', { name: 'No' }).check();
    await page.getByTestId('question-exposure').getByRole('radio', { name: 'No' }).check();
    await page.getByRole('button', { name: 'Send my answers' }).click();
    const result = page.getByTestId('screen-result');
    await result.waitFor();
    expect(await result.getAttribute('data-result')).toBe('clear');
    expect(await result.textContent()).toContain('Thank you, Carla!');
    expect(await hasHorizontalOverflow(page)).toBe(false);

    const after = await call<{ screening: { state: string } }>(
      'GET',
      `/api/volunteers/${carla.id}`,
      undefined,
      200,
    );
    expect(after.screening.state).toBe('clear');

    // A link that does not exist gets a kind word, not an error.
    const stranger = await browser.open(`${e2e.srv.url}/screen?t=not-a-real-token-at-all`, LAPTOP);
    await stranger.getByTestId('screen-invalid').waitFor();
    expect(await stranger.getByTestId('screen-invalid').textContent()).toContain(
      'This link no longer works.',
    );
  });
});
