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
const viewer: Account = {
  email: 'tomas@example.org',
  name: 'Tomás Viewer',
  password: 'bienvenidos-view-2026',
  role: 'viewer',
};

const HALL_ADDRESS = '400 Hidden Lane, Denver';
const HOST_PHONE = '(303) 555-0177';
const shots = process.env.E2E_SCREENSHOTS;

/** People sleeping at a site tonight, as the grid's first night shows it. */
async function tonightAt(page: Page, siteId: number): Promise<string | null> {
  return page
    .locator(`[data-testid="occupancy-row"][data-site="${siteId}"] td`)
    .first()
    .getAttribute('data-people');
}

async function waitTonightAt(page: Page, siteId: number, people: number): Promise<void> {
  await page
    .locator(
      `[data-testid="occupancy-row"][data-site="${siteId}"] td:nth-of-type(1)[data-people="${people}"]`,
    )
    .waitFor();
  expect(await tonightAt(page, siteId)).toBe(String(people));
}

describe('placing a group in emergency housing in a real browser', { timeout: 120_000 }, () => {
  let e2e: E2E;
  let call: Api;
  let hallId: number;
  let homeId: number;
  let shelterId: number;
  let familyId: number;
  let familyCode: string;
  let pairId: number;
  let pairCode: string;
  let guestsId: number;
  let guestsCode: string;

  beforeAll(async () => {
    e2e = await startE2E({ env: { SMS_QUIET_HOURS: 'off' }, accounts: [coordinator, viewer] });
    call = await e2e.apiAs(coordinator);
    const station = await call<{ id: number }>('POST', '/api/sites', {
      name: 'Greyhound',
      kind: 'bus_station',
    });
    const hall = await call<{ id: number }>('POST', '/api/housing/sites', {
      name: 'St. Mark Hall',
      kind: 'place_of_worship',
      beds: 10,
      familyFriendly: true,
      languages: ['es'],
      address: HALL_ADDRESS,
      contactName: 'Pastor Ruth',
      contactPhone: '(303) 555-0199',
    });
    const home = await call<{ id: number }>('POST', '/api/housing/sites', {
      name: 'Casa Rivera',
      kind: 'volunteer_home',
      beds: 2,
      contactPhone: HOST_PHONE,
      contactLanguage: 'es',
    });
    const shelter = await call<{ id: number }>('POST', '/api/housing/sites', {
      name: 'Refugio Uno',
      kind: 'shelter',
      beds: 2,
    });
    hallId = hall.id;
    homeId = home.id;
    shelterId = shelter.id;
    const release = (adults: number, children: number) =>
      call<{ id: number; code: string }>('POST', '/api/releases', {
        siteId: station.id,
        adults,
        children,
        languages: ['es'],
        needs: ['housing_tonight'],
      });
    const family = await release(2, 1);
    familyId = family.id;
    familyCode = family.code;
    const pair = await release(2, 0);
    pairId = pair.id;
    pairCode = pair.code;
    const guests = await release(2, 0);
    guestsId = guests.id;
    guestsCode = guests.code;
  }, 60_000);

  afterAll(() => e2e?.close());

  it('places a family from the suggestions on a phone while a viewer watches the grid fill', async () => {
    const watch = await e2e.signedIn(viewer, '/housing', LAPTOP);
    const grid = watch.page.getByTestId('occupancy-grid');
    await grid.waitFor();
    expect(await tonightAt(watch.page, hallId)).toBe('0');
    // The viewer is never sent the address or the host's phone, so the page cannot show them.
    expect(await watch.page.locator('body').textContent()).not.toContain(HALL_ADDRESS);
    expect(await watch.page.getByTestId('site-address').count()).toBe(0);
    await markDocument(watch.page);
    // The release board, in another tab, counts the beds free tonight and marks who still needs one.
    const board = await watch.browser.open(`${e2e.srv.url}/releases`, LAPTOP);
    const familyCard = board.locator(`[data-testid="release-card"][data-code="${familyCode}"]`);
    await familyCard.getByTestId('needs-bed').waitFor();
    expect(await board.getByTestId('beds-free').textContent()).toBe('14 beds free tonight');
    await markDocument(board);

    const { page } = await e2e.signedIn(coordinator, `/releases/${familyId}`, SMALL_PHONE);
    const panel = page.getByTestId('housing-panel');
    await panel.getByTestId('needs-bed').waitFor();
    const form = panel.getByTestId('place-form');
    expect(await form.getByLabel('People').inputValue()).toBe('3');
    await form.locator('[data-testid="suggestion"]').first().waitFor();
    expect(await form.getByLabel('Nights').inputValue()).toBe('1');
    // Check-in defaults to tonight, the network's date as the server says it.
    expect(await form.getByLabel('Check-in night').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const first = form.getByTestId('suggestion').first();
    expect(await first.getAttribute('data-site')).toBe(String(hallId));
    expect(await first.getByTestId('suggestion-why').textContent()).toBe(
      '10 of 10 beds free · Family-friendly · speaks Spanish',
    );
    const home = form.locator(`[data-testid="suggestion"][data-site="${homeId}"]`);
    expect(await home.getAttribute('data-fits')).toBe('false');
    expect(await home.textContent()).toContain('Not enough beds');
    expect(await home.getByRole('button', { name: 'Text the host of Casa Rivera' }).isDisabled()).toBe(true);
    expect(await hasHorizontalOverflow(page)).toBe(false);

    await first.getByRole('button', { name: 'Place at St. Mark Hall' }).click();
    const stay = panel.locator('[data-testid="stay"][data-status="active"]');
    await stay.waitFor();
    expect(await stay.textContent()).toContain('St. Mark Hall');
    expect(await stay.textContent()).toContain('3 people');
    await panel.getByTestId('needs-bed').waitFor({ state: 'detached' });

    // The second dashboard follows without a reload: 3 of the hall's 10 beds, and in the total.
    await waitTonightAt(watch.page, hallId, 3);
    expect(await watch.page.getByTestId('occupancy-total').locator('td').first().textContent()).toBe('3/14');
    await expectNoReload(watch.page);
    await board.locator('[data-testid="beds-free"][data-free="11"]').waitFor();
    await familyCard.getByTestId('needs-bed').waitFor({ state: 'detached' });
    await expectNoReload(board);

    // Three people cannot move into two beds: the refusal sits by the move and names the night.
    await stay.getByLabel('Move to').selectOption(String(shelterId));
    await stay.getByRole('button', { name: 'Move', exact: true }).click();
    const refused = stay.getByTestId('stay-error');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(
      /^Not enough beds free on every night\. .+: 2 of 2 beds free$/,
    );
    // One more night at the hall is fine, and the grid's second night fills too.
    await stay.getByLabel('More nights').fill('1');
    await stay.getByRole('button', { name: 'Extend' }).click();
    await refused.waitFor({ state: 'detached' });
    await watch.page
      .locator(`[data-testid="occupancy-row"][data-site="${hallId}"] td:nth-of-type(2)[data-people="3"]`)
      .waitFor();

    // Phones get the grid too, scrolling inside its card rather than the page.
    await page.goto(`${e2e.srv.url}/housing`);
    await waitTonightAt(page, hallId, 3);
    const hallRow = page.locator(`[data-testid="housing-site-row"][data-site="${hallId}"]`);
    expect(await hallRow.getByTestId('site-address').textContent()).toContain(HALL_ADDRESS);
    expect(await hasHorizontalOverflow(page)).toBe(false);
  });

  it('reads in Spanish: a refused count at its field, a host asked then withdrawn live, the pair placed, a site added', async () => {
    const watch = await e2e.signedIn(viewer, '/housing', LAPTOP, { alone: true });
    await waitTonightAt(watch.page, hallId, 3);
    await markDocument(watch.page);

    const { page } = await e2e.signedIn(coordinator, `/releases/${pairId}`, SMALL_PHONE, { locale: 'es-ES' });
    const panel = page.getByTestId('housing-panel');
    await panel.getByText('Necesita cama esta noche').waitFor();
    const form = panel.getByTestId('place-form');
    const first = form.getByTestId('suggestion').first();
    await first.waitFor();
    expect(await first.getByTestId('suggestion-why').textContent()).toContain('7 de 10 camas libres');

    // More people than the group has: the server refuses, and says so at the people field.
    await form.getByLabel('Personas').fill('3');
    await form.locator('[data-testid="suggestion"][data-fits="true"]').first().waitFor();
    await form.getByRole('button', { name: 'Alojar en St. Mark Hall' }).click();
    await form.locator('#stay-people-error').waitFor();
    expect(await form.locator('#stay-people-error').textContent()).toMatch(/^Como máximo 2 más el /);
    expect(await form.getByLabel('Personas').getAttribute('aria-invalid')).toBe('true');

    // A volunteer home is asked first: its host gets a text in Spanish, and no one is placed yet.
    await form.getByLabel('Personas').fill('2');
    const home = form.locator(`[data-testid="suggestion"][data-site="${homeId}"][data-fits="true"]`);
    await home.waitFor();
    await home.getByRole('button', { name: 'Escribir al anfitrión de Casa Rivera' }).click();
    const request = panel.getByTestId('host-request');
    await request.waitFor();
    expect(await request.getByTestId('host-request-state').textContent()).toBe('Esperando respuesta');
    expect(await panel.getByTestId('stay').count()).toBe(0);
    const code = (await request.getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^\d{4}$/);
    const log = await call<{ items: { phone: string; body: string }[] }>(
      'GET',
      '/api/sms/messages',
      undefined,
      200,
    );
    expect(log.items.find((m) => m.phone === '+13035550177')?.body).toContain(`SI ${code}`);

    // Withdrawn elsewhere, the request's state changes on this phone without a reload.
    await markDocument(page);
    const id = (
      await call<{ items: { id: number }[] }>(
        'GET',
        `/api/housing/requests?releaseId=${pairId}`,
        undefined,
        200,
      )
    ).items[0]?.id;
    await call('POST', `/api/housing/requests/${id}/cancel`, undefined, 200);
    await panel.locator('[data-testid="host-request"][data-state="cancelled"]').waitFor();
    expect(await request.getByTestId('host-request-state').textContent()).toBe('Retirada');
    await expectNoReload(page);

    // The pair goes to the shelter, filling it tonight: the grid marks that night full.
    await form.getByRole('button', { name: 'Alojar en Refugio Uno' }).click();
    const stay = panel.locator('[data-testid="stay"][data-status="active"]');
    await stay.waitFor();
    expect(await stay.textContent()).toContain('Refugio Uno');
    expect(await stay.textContent()).toContain('2 personas');
    expect(await stay.textContent()).toContain('Alojados');

    await waitTonightAt(watch.page, shelterId, 2);
    const shelterTonight = watch.page
      .locator(`[data-testid="occupancy-row"][data-site="${shelterId}"] td`)
      .first();
    expect(await shelterTonight.getAttribute('data-full')).toBe('true');
    expect(await shelterTonight.textContent()).toBe('2/2 full');
    expect(await watch.page.getByTestId('occupancy-total').locator('td').first().textContent()).toBe('5/14');
    await expectNoReload(watch.page);
    expect(await hasHorizontalOverflow(page)).toBe(false);

    // A new place that hosts only at weekends and not on Christmas Eve, added from the phone.
    await page.goto(`${e2e.srv.url}/housing`);
    await page.getByText('Agregar un lugar de alojamiento').click();
    const add = page.getByTestId('housing-site-form');
    await add.getByLabel('Nombre', { exact: true }).fill('Casa Lopez');
    await add.getByLabel('Tipo', { exact: true }).selectOption('volunteer_home');
    await add.getByLabel('Camas', { exact: true }).fill('3');
    await add.getByRole('checkbox', { name: 'sábado' }).check();
    await add.getByRole('checkbox', { name: 'domingo' }).check();
    await add.getByLabel('Fecha en que no puede recibir').fill('2026-12-24');
    await add.getByRole('button', { name: 'Agregar fecha' }).click();
    await add.getByRole('button', { name: 'Agregar lugar' }).click();
    await watch.page.getByTestId('occupancy-row').filter({ hasText: 'Casa Lopez' }).waitFor();
    await expectNoReload(watch.page);
    const sites = await call<{
      items: { name: string; beds: number; weekdays: number[]; blackoutDates: string[] }[];
    }>('GET', '/api/housing/sites', undefined, 200);
    expect(sites.items.find((x) => x.name === 'Casa Lopez')).toMatchObject({
      beds: 3,
      weekdays: [6, 7],
      blackoutDates: ['2026-12-24'],
    });
    expect(await hasHorizontalOverflow(page)).toBe(false);
  });

  it('places a pair with a host who texts SI, warns the board their bed ends tomorrow, and checks them out from the grid', async () => {
    const watch = await e2e.signedIn(viewer, '/housing', LAPTOP, { alone: true });
    await waitTonightAt(watch.page, homeId, 0);
    await markDocument(watch.page);
    const board = await watch.browser.open(`${e2e.srv.url}/releases`, LAPTOP);
    const guestsCard = board.locator(`[data-testid="release-card"][data-code="${guestsCode}"]`);
    const pairCard = board.locator(`[data-testid="release-card"][data-code="${pairCode}"]`);
    const familyCard = board.locator(`[data-testid="release-card"][data-code="${familyCode}"]`);
    await guestsCard.getByTestId('needs-bed').waitFor();
    // The pair's one night at the shelter ends tomorrow morning and nobody has booked them a ride.
    await pairCard.getByTestId('bed-ends').waitFor();
    expect(await pairCard.getByTestId('bed-ends').textContent()).toBe('Bed ends tomorrow, no travel yet');
    expect(await familyCard.getByTestId('bed-ends').count()).toBe(0);
    expect(await guestsCard.getByTestId('bed-ends').count()).toBe(0);
    await markDocument(board);

    // The host of the volunteer home is asked from the release page on a phone.
    const { page } = await e2e.signedIn(coordinator, `/releases/${guestsId}`, SMALL_PHONE);
    const panel = page.getByTestId('housing-panel');
    const form = panel.getByTestId('place-form');
    const home = form.locator(`[data-testid="suggestion"][data-site="${homeId}"][data-fits="true"]`);
    await home.waitFor();
    await home.getByRole('button', { name: 'Text the host of Casa Rivera' }).click();
    const request = panel.locator('[data-testid="host-request"][data-state="asked"]');
    await request.waitFor();
    const code = (await request.getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^\d{4}$/);
    expect(await panel.getByTestId('stay').count()).toBe(0);
    await markDocument(page);

    // The host answers by text; everything else follows live on both dashboards.
    const sim = await call<{ replies: { body: string }[] }>(
      'POST',
      '/api/sms/simulate',
      { from: HOST_PHONE, body: `SI ${code}` },
      200,
    );
    expect(sim.replies.map((r) => r.body).join(' ')).toContain(guestsCode);
    const accepted = panel.locator(
      `[data-testid="host-request"][data-code="${code}"][data-state="accepted"]`,
    );
    await accepted.waitFor();
    expect(await accepted.getByTestId('host-request-state').textContent()).toBe('Accepted');
    const stay = panel.locator(`[data-testid="stay"][data-status="active"][data-site="${homeId}"]`);
    await stay.waitFor();
    expect(await stay.textContent()).toContain('2 people');
    await panel.getByTestId('needs-bed').waitFor({ state: 'detached' });
    await expectNoReload(page);
    await waitTonightAt(watch.page, homeId, 2);
    await expectNoReload(watch.page);
    await guestsCard.getByTestId('bed-ends').waitFor();
    expect(await guestsCard.getByTestId('bed-ends').textContent()).toBe('Bed ends tomorrow, no travel yet');

    // A bus booked for the morning the pair leaves the shelter takes their warning away.
    const { tonight } = await call<{ tonight: string }>('GET', '/api/housing/stays', undefined, 200);
    const tomorrow = new Date(`${tonight}T12:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    await call('PATCH', `/api/releases/${pairId}`, { travelDate: tomorrow.toISOString().slice(0, 10) }, 200);
    await pairCard.getByTestId('bed-ends').waitFor({ state: 'detached' });
    expect(await guestsCard.getByTestId('bed-ends').count()).toBe(1);
    await expectNoReload(board);

    // On the grid, the coordinator opens the hall's night: the family cannot move into the full shelter,
    // and the refusal sits by the move.
    await page.goto(`${e2e.srv.url}/housing`);
    await waitTonightAt(page, homeId, 2);
    // A viewer gets the numbers only: there is nothing to open.
    expect(await watch.page.locator('.occ-pick').count()).toBe(0);
    await page.getByRole('button', { name: 'St. Mark Hall, Tonight: 3 of 10 beds taken' }).click();
    const night = page.getByTestId('night-stays');
    await night.waitFor();
    const family = night.locator(`[data-testid="night-stay"][data-release="${familyId}"]`);
    await family.waitFor();
    expect(await family.textContent()).toContain(familyCode);
    expect(await family.textContent()).toContain('3 people · 2 nights');
    await family.getByLabel('Move to').selectOption(String(shelterId));
    await family.getByRole('button', { name: 'Move', exact: true }).click();
    await family.getByTestId('stay-error').waitFor();
    expect(await family.getByTestId('stay-error').textContent()).toMatch(
      /^Not enough beds free on every night\./,
    );
    expect(await hasHorizontalOverflow(page)).toBe(false);

    // The pair at the volunteer home is checked out from the grid: tonight's beds come free everywhere.
    await page.getByRole('button', { name: 'Casa Rivera, Tonight: 2 of 2 beds taken' }).click();
    expect(await night.getAttribute('data-site')).toBe(String(homeId));
    const guests = night.locator(`[data-testid="night-stay"][data-release="${guestsId}"]`);
    await guests.waitFor();
    expect(await guests.textContent()).toContain('2 people · 1 night');
    expect(await hasHorizontalOverflow(page)).toBe(false);
    if (shots) await page.screenshot({ path: `${shots}/housing-grid-night-phone.png`, fullPage: true });
    if (shots) await board.screenshot({ path: `${shots}/board-bed-ends.png` });
    await guests.getByRole('button', { name: 'Check out today' }).click();
    await night.getByText('Nobody has a bed here that night any more.').waitFor();
    await waitTonightAt(page, homeId, 0);
    await waitTonightAt(watch.page, homeId, 0);
    await expectNoReload(watch.page);
    await guestsCard.getByTestId('bed-ends').waitFor({ state: 'detached' });
    await expectNoReload(board);
  });
});
