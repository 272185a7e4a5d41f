import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHorizontalOverflow, LAPTOP, type Viewport } from '../helpers/browser';
import { type Account, type Api, type E2E, expectNoReload, markDocument, startE2E } from '../helpers/e2e';

/** The narrowest phone the dashboard is made for. */
const SMALL_PHONE: Viewport = { width: 375, height: 740 };
const shots = process.env.E2E_SCREENSHOTS;

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

const NURSE = { name: 'Ana Ruiz', phone: '+13035550141' };
const DOCTOR = { name: 'Ben Okafor', phone: '+13035550142' };

interface MedicalPage {
  id: number;
  code: string;
  status: string;
}

async function headerContact(page: Page, contactId: number): Promise<void> {
  await page.locator(`header [data-testid="oncall-now"][data-contact="${contactId}"]`).waitFor();
}

describe('paging the medical on-call from a release in a real browser', { timeout: 120_000 }, () => {
  let e2e: E2E;
  let call: Api;
  let nurseId: number;
  let doctorId: number;
  let primaryId: number;
  let releaseId: number;
  let tomorrow: string;
  let hallId: number;
  let kitId: number;

  beforeAll(async () => {
    e2e = await startE2E({ env: { SMS_QUIET_HOURS: 'off' }, accounts: [coordinator, viewer] });
    call = await e2e.apiAs(coordinator);
    const site = await call<{ id: number }>('POST', '/api/sites', { name: 'Greyhound', kind: 'bus_station' });
    nurseId = (
      await call<{ id: number }>('POST', '/api/medical/contacts', {
        ...NURSE,
        role: 'nurse',
        languages: ['Spanish'],
        smsLanguage: 'es',
      })
    ).id;
    doctorId = (await call<{ id: number }>('POST', '/api/medical/contacts', { ...DOCTOR, role: 'doctor' }))
      .id;
    const now = await call<{ at: string }>('GET', '/api/medical/oncall', undefined, 200);
    // Began yesterday, so the nurse's turn covers now whatever the hour.
    const day = (offset: number) =>
      new Date(Date.parse(`${now.at.slice(0, 10)}T12:00:00Z`) + offset * 86_400_000)
        .toISOString()
        .slice(0, 10);
    const yesterday = day(-1);
    tomorrow = day(1);
    const primary = await call<{ id: number }>('POST', '/api/medical/schedules', {
      name: 'Nurses',
      layer: 'primary',
      participants: [nurseId],
      handoff: 'weekly',
      handoffTime: '08:00',
      startsOn: yesterday,
    });
    primaryId = primary.id;
    await call('POST', '/api/medical/schedules', {
      name: 'Doctors',
      layer: 'backup',
      participants: [doctorId],
      handoff: 'weekly',
      handoffTime: '08:00',
      startsOn: yesterday,
    });
    hallId = (
      await call<{ id: number }>('POST', '/api/housing/sites', {
        name: 'St. Mark Hall',
        kind: 'place_of_worship',
        beds: 4,
      })
    ).id;
    const item = async (sku: string, name: string) =>
      (await call<{ id: number }>('POST', '/api/supplies/items', { sku, name })).id;
    const [brush, soap] = [await item('TB', 'Toothbrush'), await item('SOAP', 'Soap')];
    kitId = (
      await call<{ id: number }>('POST', '/api/supplies/kits', {
        sku: 'HK',
        name: 'Hygiene kit',
        need: 'hygiene_kit',
        lowStockThreshold: 3,
        components: [
          { itemId: brush, qty: 1 },
          { itemId: soap, qty: 1 },
        ],
      })
    ).id;
    await call('POST', '/api/supplies/receipts', {
      siteId: site.id,
      lines: [
        { itemId: brush, qty: 4 },
        { itemId: soap, qty: 4 },
      ],
    });
    await call('POST', `/api/supplies/kits/${kitId}/assemble`, { siteId: site.id, count: 2 });
    releaseId = (
      await call<{ id: number }>('POST', '/api/releases', {
        siteId: site.id,
        adults: 2,
        children: 1,
        needs: ['medical', 'food'],
      })
    ).id;
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('pages from a release on a phone in Spanish, and the SMS acknowledgement and a swap show live', async () => {
    const { page } = await e2e.signedIn(coordinator, `/releases/${releaseId}`, SMALL_PHONE, {
      locale: 'es-MX',
    });
    await headerContact(page, nurseId);
    expect(await page.getByTestId('oncall-now').textContent()).toContain(NURSE.name);
    expect(await page.locator('header a[href^="tel:"]').getAttribute('href')).toBe(`tel:${NURSE.phone}`);

    const panel = page.getByTestId('page-panel');
    await panel.getByText('Este grupo necesita atención médica o medicamentos.').waitFor();
    await markDocument(page);
    await panel.getByLabel('Motivo breve').fill('adulto con fiebre');
    await panel.getByRole('button', { name: 'Enviar aviso' }).click();

    const card = panel.getByTestId('page-card');
    await card.locator('[data-kind="notified"]').waitFor();
    expect(await card.locator('[data-kind="notified"]').textContent()).toContain(`Mensaje a ${NURSE.name}`);
    expect(await card.getByTestId('page-status').textContent()).toBe('Esperando respuesta');
    await page.locator('header [data-testid="oncall-open-pages"]').waitFor();

    const [sent] = (
      await call<{ items: MedicalPage[] }>('GET', '/api/medical/pages?open=true', undefined, 200)
    ).items;
    expect(sent?.status).toBe('triggered');
    const sim = await call<{ replies: { body: string }[] }>(
      'POST',
      '/api/sms/simulate',
      { from: NURSE.phone, body: `OK ${sent?.code}` },
      200,
    );
    expect(sim.replies.map((r) => r.body).join(' ')).toContain(`el aviso ${sent?.code} es suyo`);

    await card.locator('[data-status="acknowledged"]').first().waitFor();
    expect(await card.locator('[data-kind="acknowledged"]').textContent()).toContain(
      `${NURSE.name} confirmó`,
    );
    // The page is taken, so nothing offers a second one while it is open.
    expect(await panel.getByRole('button', { name: 'Enviar aviso' }).count()).toBe(0);

    // The doctor covers the next two hours: the header follows without a reload.
    const from = new Date(Date.now() - 60_000).toISOString();
    const to = new Date(Date.now() + 2 * 3_600_000).toISOString();
    await call('POST', `/api/medical/schedules/${primaryId}/overrides`, {
      contactId: doctorId,
      startsAt: from,
      endsAt: to,
    });
    await headerContact(page, doctorId);
    expect(await page.getByTestId('oncall-now').textContent()).toContain(DOCTOR.name);
    await expectNoReload(page);
    if (shots) await page.screenshot({ path: `${shots}/medical-page-phone-es.png`, fullPage: true });
    expect(await hasHorizontalOverflow(page)).toBe(false);
  });

  it('resolves the page from the medical page, shows tonight at home, and hides phones from viewers', async () => {
    const { page } = await e2e.signedIn(coordinator, '/medical', LAPTOP, { alone: true });
    const open = page.getByTestId('open-pages');
    const card = open.getByTestId('page-card');
    await card.locator('[data-kind="acknowledged"]').waitFor();
    expect(await card.textContent()).toContain('adulto con fiebre');
    await page.getByTestId('schedules').getByTestId('override').first().waitFor();
    await markDocument(page);
    await card.getByRole('button', { name: 'Resolve' }).click();
    if (shots) await page.screenshot({ path: `${shots}/medical-laptop.png`, fullPage: true });
    await open.getByText('No open pages.').waitFor();
    await expectNoReload(page);

    // A new nurse covers tomorrow evening, entered on the network's wall clock whatever the browser's zone.
    const contacts = page.getByTestId('medical-contacts');
    await contacts.getByRole('button', { name: 'Add contact' }).click();
    const contactForm = contacts.getByTestId('contact-form');
    await contactForm.getByLabel('Name').fill('Carla Mendez');
    await contactForm.getByLabel('Phone').fill('(303) 555-0143');
    await contactForm.getByRole('button', { name: 'Save' }).click();
    await contacts.getByText('Carla Mendez').waitFor();
    const schedules = page.getByTestId('schedules');
    await schedules.getByRole('button', { name: 'Add override' }).click();
    const overrideForm = schedules.getByTestId('override-form');
    await overrideForm.getByLabel('Who covers').selectOption({ label: 'Carla Mendez' });
    await overrideForm.getByLabel('From').fill(`${tomorrow}T20:00`);
    await overrideForm.getByLabel('To').fill(`${tomorrow}T23:00`);
    await overrideForm.getByRole('button', { name: 'Save' }).click();
    // The doctor's cover from the test before runs past midnight when this runs late in the evening.
    const cover = schedules
      .locator(`[data-day="${tomorrow}"] [data-testid="override"]`)
      .filter({ hasText: 'Carla Mendez' });
    await cover.waitFor();
    expect(await cover.textContent()).toBe('Carla Mendez covering 8:00 PM–11:00 PM');
    await expectNoReload(page);

    await page.getByRole('link', { name: 'Home' }).first().click();
    const tonight = page.getByTestId('tonight');
    await tonight.locator(`[data-testid="tonight-releases"] [data-release="${releaseId}"]`).waitFor();
    expect(await tonight.getByTestId('tonight-releases').textContent()).toContain('Medical');
    await tonight
      .locator(`[data-testid="oncall-layers"] [data-layer="primary"][data-contact="${doctorId}"]`)
      .waitFor();
    if (shots) await page.screenshot({ path: `${shots}/tonight-laptop.png`, fullPage: true });
    expect(await tonight.locator(`[data-testid="tonight-beds"] [data-site="${hallId}"]`).textContent()).toBe(
      'St. Mark Hall: 4 / 4',
    );
    // Two assembled, under the threshold of three: marked low, with two more buildable from what is left.
    const kit = tonight.locator(`[data-testid="tonight-kits"] [data-kit="${kitId}"]`);
    expect(await kit.getAttribute('data-low')).toBe('true');
    expect(await kit.textContent()).toBe('Hygiene kit: 2 on hand, 2 more can be built low');

    const seen = await e2e.signedIn(viewer, '/medical', SMALL_PHONE, { alone: true });
    await seen.page.getByTestId('medical-contacts').getByText(NURSE.name).waitFor();
    expect(await seen.page.locator('a[href^="tel:"]').count()).toBe(0);
    expect(await seen.page.content()).not.toContain(NURSE.phone.slice(-4));
    expect(await hasHorizontalOverflow(seen.page)).toBe(false);

    await seen.page.goto(`${e2e.srv.url}/`);
    await seen.page.locator(`[data-testid="tonight-medical"] [data-contact="${doctorId}"]`).first().waitFor();
    expect(await seen.page.locator('a[href^="tel:"]').count()).toBe(0);
    expect(await hasHorizontalOverflow(seen.page)).toBe(false);
    if (shots) await seen.page.screenshot({ path: `${shots}/tonight-phone-viewer.png`, fullPage: true });
  });
});
