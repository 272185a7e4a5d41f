import { DateTime } from 'luxon';
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

/** The narrowest phone the dashboard is made for. */
const SMALL_PHONE: Viewport = { width: 375, height: 740 };
const NOTES = 'Maria Gonzalez, A# 123-456-789, sister waiting in Atlanta';

const coordinator: Account = {
  email: 'marisol@example.org',
  name: 'Marisol Fuentes',
  password: 'bienvenidos-2026',
  role: 'coordinator',
};

// The server runs on the real clock: the bus leaves tomorrow, El Paso time.
const tomorrow = DateTime.now().setZone('America/Denver').plus({ days: 1 }).startOf('day');
const wall = (d: DateTime) => d.toFormat("yyyy-MM-dd'T'HH:mm");

describe('an itinerary built in a real browser and opened from its link on a phone', {
  timeout: 120_000,
}, () => {
  let e2e: E2E;
  let call: Api;
  let releaseId: number;
  let releaseCode: string;
  let bagId: number;

  beforeAll(async () => {
    e2e = await startE2E({
      env: { SMS_QUIET_HOURS: 'off', HELP_PHONE: '+1 915 555 0100' },
      accounts: [coordinator],
    });
    call = await e2e.apiAs(coordinator);
    const site = await call<{ id: number }>('POST', '/api/sites', {
      name: 'Greyhound El Paso',
      kind: 'bus_station',
    });
    bagId = (
      await call<{ id: number }>('POST', '/api/supplies/items', {
        sku: 'BAG',
        name: 'Travel bag',
        need: 'travel_bag',
      })
    ).id;
    await call('POST', '/api/supplies/receipts', { siteId: site.id, lines: [{ itemId: bagId, qty: 10 }] });
    const release = await call<{ id: number; code: string }>('POST', '/api/releases', {
      siteId: site.id,
      adults: 2,
      children: 1,
      languages: ['es'],
      needs: ['travel_tickets', 'travel_bag'],
      destination: 'Atlanta',
      notes: NOTES,
    });
    releaseId = release.id;
    releaseCode = release.code;
    await call('POST', `/api/releases/${releaseId}/status`, { status: 'met' }, 200);
  }, 60_000);

  afterAll(() => e2e?.close());

  it('adds legs in their own zones, shares the link, hands out bags, and the traveller reads it in Spanish', async () => {
    const { page } = await e2e.signedIn(coordinator, `/releases/${releaseId}`, LAPTOP);
    const panel = page.getByTestId('travel-panel');
    await panel.getByText('No itinerary yet.').waitFor();
    await panel.getByTestId('add-itinerary').click();
    const form = panel.getByTestId('itinerary-form');
    expect(await form.getByLabel('Destination (city)').inputValue()).toBe('Atlanta');
    await form.getByLabel('Ticket').selectOption('network_bought');
    await form.getByLabel('Booking reference').fill('GX7Q2');
    const leg1 = form.getByTestId('leg-fields').nth(0);
    await leg1.getByLabel('Carrier and number').fill('Greyhound 1550');
    await leg1.getByLabel('From').fill('El Paso');
    await leg1.getByLabel('Zone there').first().selectOption('America/Denver');
    await leg1.getByLabel('Leaves (local time)').fill(wall(tomorrow.set({ hour: 13 })));
    await leg1.getByLabel('To', { exact: true }).fill('Dallas');
    await leg1.getByLabel('Zone there').last().selectOption('America/Chicago');
    await leg1
      .getByLabel('Arrives (local time)')
      .fill(wall(tomorrow.plus({ days: 1 }).set({ hour: 0, minute: 30 })));
    await form.getByTestId('add-leg').click();
    const leg2 = form.getByTestId('leg-fields').nth(1);
    // The transfer starts where the first leg ended, in that stop's zone.
    expect(await leg2.getByLabel('From').inputValue()).toBe('Dallas');
    expect(await leg2.getByLabel('Zone there').first().inputValue()).toBe('America/Chicago');
    await leg2.getByLabel('Carrier and number').fill('Greyhound 1676');
    // A transfer leaving before the first bus arrives is refused at that leg's field.
    await leg2.getByLabel('Leaves (local time)').fill(wall(tomorrow.plus({ days: 1 }).set({ hour: 0 })));
    await leg2.getByLabel('To', { exact: true }).fill('Atlanta');
    await leg2.getByLabel('Zone there').last().selectOption('America/New_York');
    await leg2
      .getByLabel('Arrives (local time)')
      .fill(wall(tomorrow.plus({ days: 1 }).set({ hour: 17, minute: 45 })));
    await form.getByRole('button', { name: 'Save itinerary' }).click();
    await leg2.getByText('a transfer must leave after the previous leg arrives').waitFor();
    await leg2.getByLabel('Leaves (local time)').fill(wall(tomorrow.plus({ days: 1 }).set({ hour: 2 })));
    await form.getByRole('button', { name: 'Save itinerary' }).click();

    const card = panel.getByTestId('itinerary');
    await card.waitFor();
    const legs = card.getByTestId('leg');
    expect(await legs.count()).toBe(2);
    expect(await legs.nth(0).textContent()).toMatch(
      /El Paso · .*1:00\sPM M[SD]T.*Dallas · .*12:30\sAM C[SD]T/,
    );
    expect(await legs.nth(1).textContent()).toMatch(/Atlanta · .*5:45\sPM E[SD]T/);
    expect(await legs.nth(0).textContent()).toContain('Change in Dallas: 1 h 30 min to wait');
    // Buying the ticket ticked the need.
    await page
      .locator('.needs-editor')
      .getByRole('checkbox', { name: 'Travel tickets' })
      .and(page.locator(':checked'))
      .waitFor();

    await card.getByText('Hand out travel bags').click();
    await card.getByTestId('bag-submit').click();
    await card.getByTestId('bag-chip').getByText('Travel bags: 3').waitFor();

    // The bus leaves an hour later than booked: the times are changed where they were typed.
    await card.getByTestId('edit-itinerary').click();
    const edit = card.getByTestId('itinerary-form');
    const first = edit.getByTestId('leg-fields').nth(0);
    expect(await first.getByLabel('Leaves (local time)').inputValue()).toBe(wall(tomorrow.set({ hour: 13 })));
    expect(await first.getByLabel('Zone there').first().inputValue()).toBe('America/Denver');
    await first.getByLabel('Leaves (local time)').fill(wall(tomorrow.set({ hour: 14 })));
    await edit.getByRole('button', { name: 'Save itinerary' }).click();
    await legs
      .nth(0)
      .getByText(/2:00\sPM M[SD]T/)
      .waitFor();

    await card.getByTestId('share').click();
    const url = await card.getByTestId('share-url').textContent();
    expect(url).toMatch(/\/t\/[A-Za-z0-9_-]{22,}$/);
    expect(await card.getByTestId('share-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    const qrShown = await card
      .getByTestId('share-qr')
      .evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0);
    expect(qrShown).toBe(true);

    // The traveller opens it on a small phone, in Spanish, signed in to nothing.
    const traveller = await e2e.launch({ locale: 'es-MX' });
    const trip = await traveller.open(`${e2e.srv.url}${new URL(url ?? '').pathname}`, SMALL_PHONE);
    await trip.getByRole('heading', { name: 'Viaje a Atlanta' }).waitFor();
    const text = (await trip.locator('body').textContent()) ?? '';
    expect(text).toContain('Cambio en Dallas: espere 1 h 30 min.');
    expect(text).toContain('Muestre esto al chofer');
    expect(text).toContain('GX7Q2');
    expect(text).toContain('+1 915 555 0100');
    for (const secret of [
      'Maria',
      'Gonzalez',
      '123-456-789',
      releaseCode,
      coordinator.name,
      'Greyhound El Paso',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(await hasHorizontalOverflow(trip)).toBe(false);
    expect(await trip.evaluate(() => document.cookie)).toBe('');

    // On the coordinator's phone, where the installed dashboard's service worker answers navigations,
    // the link still opens the server's page and not the dashboard shell.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 15_000,
    });
    const own = await page.context().newPage();
    await own.goto(`${e2e.srv.url}${new URL(url ?? '').pathname}`);
    await own.getByRole('heading', { name: 'Viaje a Atlanta' }).waitFor();
    expect(await own.evaluate(() => navigator.serviceWorker?.controller !== null)).toBe(true);
  });

  it('shows the departure on the board on a phone, with its travel bags, in Spanish', async () => {
    const { page } = await e2e.signedIn(coordinator, '/', SMALL_PHONE, { locale: 'es-ES', alone: true });
    await navigateTo(page, 'Viajes');
    const day = page.locator(`[data-testid="departure-day"][data-day="${tomorrow.toISODate()}"]`);
    const departure = day.getByTestId('departure').filter({ hasText: 'El Paso' });
    await departure.waitFor();
    expect(await departure.textContent()).toContain('El Paso → Atlanta');
    expect(await departure.textContent()).toContain('Bolsas de viaje: 3');
    expect(await departure.textContent()).toContain('Comprado por la red');
    expect(await hasHorizontalOverflow(page)).toBe(false);
    // Another coordinator books one more seat elsewhere: it shows up live, without a reload.
    await markDocument(page);
    await call('POST', `/api/releases/${releaseId}/itineraries`, {
      people: 1,
      destination: 'Chicago',
      legs: [
        {
          carrier: 'Amtrak 6',
          from: 'Denver',
          departsAt: wall(tomorrow.set({ hour: 8, minute: 5 })),
          to: 'Chicago',
          toZone: 'America/Chicago',
          arrivesAt: wall(tomorrow.plus({ days: 1 }).set({ hour: 14, minute: 50 })),
        },
      ],
    });
    await day.getByTestId('departure').filter({ hasText: 'Denver → Chicago' }).waitFor();
    await expectNoReload(page);

    // From the board to the release, where the itinerary and its editor fit the phone too.
    await departure.getByRole('link', { name: releaseCode }).click();
    const card = page.getByTestId('travel-panel').getByTestId('itinerary').filter({ hasText: 'Atlanta' });
    await card.getByTestId('edit-itinerary').click();
    await card.getByTestId('itinerary-form').waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
  });
});
