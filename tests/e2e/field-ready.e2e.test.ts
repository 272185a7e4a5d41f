import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, PHONE } from '../helpers/browser';
import { type Account, type Api, type E2E, startE2E } from '../helpers/e2e';

const coordinator: Account = {
  email: 'rosa@example.org',
  name: 'Rosa Medina',
  password: 'bienvenidos-2026',
  role: 'coordinator',
};
const admin: Account = {
  email: 'ana@example.org',
  name: 'Ana Admin',
  password: 'bienvenidos-2026',
  role: 'admin',
};

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: string[] }>;
}

/** Serious and critical accessibility violations on the page as it stands, by rule and element. */
async function seriousViolations(page: Page): Promise<string[]> {
  // The dashboard's CSP refuses inline scripts, so axe is evaluated through the debugging protocol.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('what a new coordinator hit in the first hour', { timeout: 180_000 }, () => {
  let e2e: E2E;
  let call: Api;
  let releaseId: number;
  let siteId: number;

  beforeAll(async () => {
    e2e = await startE2E({ env: { SMS_QUIET_HOURS: 'off' }, accounts: [coordinator, admin] });
    call = await e2e.apiAs(coordinator);
    const site = await call<{ id: number }>('POST', '/api/sites', { name: 'Greyhound', kind: 'bus_station' });
    siteId = site.id;
    await call('POST', '/api/volunteers', {
      name: 'Carmen Ruiz',
      phone: '303-555-0142',
      languages: ['español', 'Kiche'],
    });
    const r = await call<{ id: number }>('POST', '/api/releases', {
      siteId: site.id,
      adults: 1,
      children: 1,
      languages: ['Spanish', "K'iche'"],
    });
    releaseId = r.id;
    await call('POST', `/api/releases/${r.id}/dispatches`, { needed: 1 });
    for (const status of ['team_en_route', 'met', 'closed'])
      await call('POST', `/api/releases/${r.id}/status`, { status }, 200);
  }, 60_000);

  afterAll(() => e2e?.close());

  it('shows stored language codes as names in the reader’s language', async () => {
    const { page } = await e2e.signedIn(coordinator, `/releases/${releaseId}`, LAPTOP, { alone: true });
    const chips = page.getByRole('list', { name: 'Languages' });
    await expect.poll(() => chips.textContent()).toContain('Spanish');
    expect(await chips.textContent()).toContain("K'iche'");
    const es = await e2e.signedIn(coordinator, '/volunteers', LAPTOP, { locale: 'es-MX', alone: true });
    await expect
      .poll(() => es.page.getByText('español, k’iche’').or(es.page.getByText("español, k'iche'")).count())
      .toBe(1);
  });

  it('offers no way to send more people to a closed release', async () => {
    const { page } = await e2e.signedIn(coordinator, `/releases/${releaseId}`, LAPTOP, { alone: true });
    await page.locator('[data-testid="dispatch"]').first().waitFor();
    expect(await page.locator('[data-testid="dispatch-form"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Need more/ }).count()).toBe(0);
  });

  it('warns once about a status note that names someone, then moves with it as written', async () => {
    const r = await call<{ id: number }>('POST', '/api/releases', {
      siteId,
      adults: 1,
      children: 0,
    });
    const { page } = await e2e.signedIn(coordinator, `/releases/${r.id}`, LAPTOP, { alone: true });
    const note = 'Met Juan Carlos Perez, A-123-456-789';
    await page.getByLabel(/Note for the timeline/).fill(note);
    const move = page.locator('[data-move="team_en_route"]');
    await move.click();
    const risks = page.getByTestId('note-risks');
    await risks.waitFor();
    expect(await risks.textContent()).toMatch(/A-number/i);
    const held = await call<{ status: string }>('GET', `/api/releases/${r.id}`, undefined, 200);
    expect(held.status).toBe('reported');

    await move.click();
    await expect
      .poll(
        async () => (await call<{ status: string }>('GET', `/api/releases/${r.id}`, undefined, 200)).status,
      )
      .toBe('team_en_route');
    const moved = await call<{ timeline: { note: string | null }[] }>(
      'GET',
      `/api/releases/${r.id}`,
      undefined,
      200,
    );
    expect(moved.timeline.at(-1)!.note).toBe(note);
    expect(await risks.count()).toBe(0);
  });

  it('clears the volunteer form after saving without marking its first field wrong', async () => {
    const { page } = await e2e.signedIn(coordinator, '/volunteers', LAPTOP, { alone: true });
    // On a laptop the form starts open.
    const form = page.locator('[data-testid="new-volunteer-form"]');
    await form.getByLabel('Name').fill('Beto Diaz');
    await form.getByLabel('Phone').fill('303-555-0143');
    await form.getByRole('button', { name: 'Add volunteer' }).click();
    await form.getByRole('status').waitFor();
    const name = form.getByLabel('Name');
    expect(await name.inputValue()).toBe('');
    const border = await name.evaluate((el) => getComputedStyle(el).borderTopWidth);
    expect(border).toBe('1px');
  });

  it('lets a phone reach every page through “More”', async () => {
    const { page } = await e2e.signedIn(admin, '/', PHONE, { alone: true });
    const nav = page.getByRole('navigation', { name: 'Main' });
    // Role queries skip hidden links: count every link, and those a person can see.
    const links = nav.locator('a');
    const visible = async () =>
      (await Promise.all((await links.all()).map((l) => l.isVisible()))).filter(Boolean).length;
    const all = await links.count();
    expect(all).toBeGreaterThan(8);
    expect(await visible()).toBeLessThan(all);
    await page.getByTestId('nav-more').click();
    expect(await visible()).toBe(all);
    await nav.getByRole('link', { name: 'Audit' }).click();
    await page.waitForURL(/\/audit$/);
  });

  it('texts in as a volunteer picked by name, and the log says who', async () => {
    const { page } = await e2e.signedIn(coordinator, '/messages', LAPTOP, { alone: true });
    const simulator = page.getByTestId('sms-simulator');
    await simulator
      .getByLabel('Text as', { exact: true })
      .selectOption({ label: 'Carmen Ruiz · (303) 555-0142' });
    await simulator.getByRole('button', { name: 'STATUS', exact: true }).click();
    await simulator.getByRole('button', { name: 'Send', exact: true }).click();
    await simulator.getByText('Conversation with Carmen Ruiz').waitFor();
    await page.getByTestId('sms-who').filter({ hasText: 'Carmen Ruiz' }).first().waitFor();
  });

  it('has no serious or critical accessibility violations on any page', async () => {
    const { page } = await e2e.signedIn(admin, '/', LAPTOP, { alone: true });
    const found: string[] = [];
    for (const path of [
      '/',
      '/releases',
      '/releases/history',
      `/releases/${releaseId}`,
      '/releases/new',
      '/volunteers',
      '/shifts',
      '/sites',
      '/messages',
      '/reports',
      '/users',
      '/audit',
      '/volunteers/import',
      '/nowhere',
    ]) {
      await page.goto(`${e2e.srv.url}${path}`);
      await page
        .locator('main h1')
        .first()
        .waitFor({ timeout: 5_000 })
        .catch(() => found.push(`${path} has no heading`));
      await page.waitForLoadState('networkidle');
      for (const v of await seriousViolations(page)) found.push(`${path} ${v}`);
    }
    expect(found).toEqual([]);
  });
});
