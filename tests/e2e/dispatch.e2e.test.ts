import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHorizontalOverflow, LAPTOP, PHONE } from '../helpers/browser';
import { type Account, type Api, type E2E, expectNoReload, markDocument, startE2E } from '../helpers/e2e';

const shots = process.env.E2E_SCREENSHOTS;

const coordinator: Account = {
  email: 'marisol@example.org',
  name: 'Marisol Fuentes',
  password: 'bienvenidos-2026',
  role: 'coordinator',
};
const admin: Account = {
  email: 'admin@example.org',
  name: 'Rosa Admin',
  password: 'bienvenidos-admin-2026',
  role: 'admin',
};

const ANA = { name: 'Ana Torres', phone: '(303) 555-0101' };
const BETO = { name: 'Beto Ruiz', phone: '(303) 555-0102' };

interface Offer {
  volunteerId: number;
  code: string;
  state: string;
}

describe('dispatching volunteers in a real browser', { timeout: 180_000 }, () => {
  let e2e: E2E;
  let call: Api;
  let releaseId: number;
  let releaseCode: string;
  let anaId: number;
  let betoId: number;

  beforeAll(async () => {
    e2e = await startE2E({ env: { SMS_QUIET_HOURS: 'off' }, accounts: [coordinator, admin] });
    call = await e2e.apiAs(coordinator);
    const site = await call<{ id: number }>('POST', '/api/sites', {
      name: 'Greyhound Downtown',
      kind: 'bus_station',
      address: '1055 19th St, Denver',
      smsKeyword: 'GREYDT',
    });
    const ids: number[] = [];
    for (const v of [ANA, BETO]) {
      const created = await call<{ id: number }>('POST', '/api/volunteers', {
        ...v,
        languages: ['es', 'en'],
        skills: ['driver'],
      });
      await call('POST', `/api/volunteers/${created.id}/screenings`, { symptoms: false });
      ids.push(created.id);
    }
    [anaId = 0, betoId = 0] = ids;
    const release = await call<{ id: number; code: string; status: string }>('POST', '/api/releases', {
      siteId: site.id,
      adults: 2,
      children: 1,
      languages: ['es'],
      needs: ['food'],
    });
    expect(release.status).toBe('reported');
    releaseId = release.id;
    releaseCode = release.code;
  }, 60_000);

  afterAll(() => e2e?.close());

  it('sends a volunteer from the release page and follows the YES live, then reads in Spanish on a phone', async () => {
    const { browser, page } = await e2e.signedIn(coordinator, `/releases/${releaseId}`, LAPTOP);
    const panel = page.getByTestId('dispatch-panel');
    await panel.getByText('No volunteers sent yet.').waitFor();
    await markDocument(page);

    const form = panel.getByTestId('dispatch-form');
    expect(await form.getByLabel('How many volunteers').inputValue()).toBe('1');
    expect(await form.getByRole('checkbox', { name: 'Spanish', exact: true }).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Text for 1 volunteer' }).click();

    // Twice as many are asked as are needed: both volunteers get an offer.
    const offers = panel.getByTestId('offer');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="offer"]').length === 2);
    expect(await offers.first().getByTestId('offer-state').textContent()).toBe('Waiting for reply');
    await panel.locator('[data-testid="dispatch"][data-status="open"]').waitFor();
    expect(await panel.getByTestId('dispatch-count').textContent()).toBe('0 of 1 accepted');

    const anaOffer = panel.locator(`[data-testid="offer"][data-volunteer="${anaId}"]`);
    const code = (await anaOffer.getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^\d{4}$/);
    const stored = await call<{ items: { offers: Offer[] }[] }>(
      'GET',
      `/api/releases/${releaseId}/dispatches`,
      undefined,
      200,
    );
    expect(stored.items[0]?.offers.find((o) => o.volunteerId === anaId)?.code).toBe(code);

    // The candidates disclosure says why each was asked, in words.
    await panel.getByText('Why was or wasn’t someone asked?').click();
    const candidates = panel.getByTestId('candidate');
    await candidates.first().waitFor();
    expect(await panel.getByTestId('candidates').textContent()).toContain('Already asked');

    // Ana answers from her phone, on the SMS page's simulator in another tab.
    const sms = await browser.open(`${e2e.srv.url}/messages`, LAPTOP);
    const simulator = sms.getByTestId('sms-simulator');
    await simulator.getByLabel('Text in as').fill(ANA.phone);
    await simulator.getByRole('textbox', { name: 'Message' }).fill(`YES ${code} 15 on my way`);
    await simulator.getByRole('button', { name: 'Send', exact: true }).click();
    await simulator
      .getByTestId('sim-body')
      .filter({ hasText: `YES ${code} 15 on my way` })
      .waitFor();

    // The release page follows without a reload.
    await panel.locator(`[data-testid="offer"][data-volunteer="${anaId}"][data-state="accepted"]`).waitFor();
    expect(await anaOffer.getByTestId('offer-state').textContent()).toBe('Accepted');
    expect(await anaOffer.getByTestId('offer-eta').textContent()).toBe('15 min');
    expect(await anaOffer.getByTestId('offer-note').textContent()).toBe('on my way');
    await panel.locator('[data-testid="dispatch"][data-status="filled"]').waitFor();
    expect(await panel.getByTestId('dispatch-status').textContent()).toBe('Filled');
    expect(await panel.getByTestId('dispatch-count').textContent()).toBe('1 of 1 accepted');
    const betoOffer = panel.locator(
      `[data-testid="offer"][data-volunteer="${betoId}"][data-state="superseded"]`,
    );
    await betoOffer.waitFor();
    expect(await betoOffer.getByTestId('offer-state').textContent()).toBe('Covered');
    await page.locator('[data-testid="release-detail"][data-status="team_en_route"]').waitFor();
    expect(await page.getByTestId('release-status').first().textContent()).toBe('Team en route');
    const feed = panel.getByTestId('reply-feed');
    await feed.getByTestId('reply').first().waitFor();
    expect(await feed.textContent()).toContain('Ana Torres: YES (15 min) — “on my way”');
    await expectNoReload(page);
    if (shots) await page.screenshot({ path: `${shots}/dispatch-laptop.png`, fullPage: true });

    // The board card carries the count.
    await page.getByRole('link', { name: 'All open releases' }).click();
    const card = page.locator(`[data-testid="release-card"][data-code="${releaseCode}"]`);
    await card.getByTestId('dispatch-summary').filter({ hasText: '1/1 on the way' }).waitFor();

    // In Spanish on a phone the same page reads in Spanish and fits the screen.
    const phone = await e2e.signedIn(coordinator, `/releases/${releaseId}`, PHONE, { locale: 'es-MX' });
    const es = phone.page.getByTestId('dispatch-panel');
    await es.locator('[data-testid="dispatch"][data-status="filled"]').waitFor();
    expect(await es.getByTestId('dispatch-status').textContent()).toBe('Completo');
    expect(await es.getByTestId('dispatch-count').textContent()).toBe('1 de 1 aceptaron');
    const esAna = es.locator(`[data-testid="offer"][data-volunteer="${anaId}"]`);
    expect(await esAna.getByTestId('offer-state').textContent()).toBe('Aceptó');
    expect(await esAna.getByTestId('offer-eta').textContent()).toBe('15 min');
    expect(
      await es
        .locator(`[data-testid="offer"][data-volunteer="${betoId}"]`)
        .getByTestId('offer-state')
        .textContent(),
    ).toBe('Ya cubierto');
    expect(await es.getByTestId('reply-feed').textContent()).toContain(
      'Ana Torres: SÍ (15 min) — “on my way”',
    );
    expect(await phone.page.getByTestId('release-status').first().textContent()).toBe('Equipo en camino');
    expect(await es.textContent()).toContain('Enviar voluntarios');
    expect(await es.textContent()).not.toMatch(/\bAccepted\b|\bWaiting\b|\bCovered\b/);
    expect(await hasHorizontalOverflow(phone.page)).toBe(false);
    if (shots) await phone.page.screenshot({ path: `${shots}/dispatch-phone-es.png`, fullPage: true });
  });

  it('lets an admin give a coordinator a phone number and shows it listed', async () => {
    const { page } = await e2e.signedIn(admin, '/users', LAPTOP);
    const row = page.locator(`[data-testid="user-row"][data-email="${coordinator.email}"]`);
    expect(await row.getByTestId('user-phone').textContent()).toBe('No phone');
    await row.getByRole('button', { name: `Edit ${coordinator.name}` }).click();
    const edit = page.getByTestId('user-edit');
    await edit.getByText('Changing the role or disabling the account signs them out at once.').waitFor();
    await edit.getByLabel('Phone').fill('(303) 555-0199');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('user-updated').waitFor();
    await row.getByTestId('user-phone').filter({ hasText: '+13035550199' }).waitFor();

    const asAdmin = await e2e.apiAs(admin);
    const users = await asAdmin<{ items: { email: string; phone: string | null; role: string }[] }>(
      'GET',
      '/api/users',
      undefined,
      200,
    );
    expect(users.items.find((u) => u.email === coordinator.email)).toMatchObject({
      phone: '+13035550199',
      role: 'coordinator',
    });

    // Giving the admin the same number is refused, in words that name the clash.
    const adminRow = page.locator(`[data-testid="user-row"][data-email="${admin.email}"]`);
    await adminRow.getByRole('button', { name: `Edit ${admin.name}` }).click();
    await page.getByTestId('user-edit').getByLabel('Phone').fill('303-555-0199');
    await page.getByTestId('user-edit').getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('user-edit').getByText('Another user already has this phone number.').waitFor();
    if (shots) await page.screenshot({ path: `${shots}/users-laptop.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    expect(await hasHorizontalOverflow(page)).toBe(false);
    if (shots) await page.screenshot({ path: `${shots}/users-phone.png`, fullPage: true });
  });
});
