import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHorizontalOverflow, PHONE } from '../helpers/browser';
import { type Account, type Api, type E2E, expectNoReload, markDocument, startE2E } from '../helpers/e2e';

const shots = process.env.E2E_SCREENSHOTS;

const coordinator: Account = {
  email: 'lucia@example.org',
  name: 'Lucía Campos',
  password: 'bienvenidos-2026',
  role: 'coordinator',
};

const ANA = { name: 'Ana Torres', phone: '(303) 555-0111' };

interface Offer {
  id: number;
  volunteerId: number;
  code: string;
  state: string;
  unclear: boolean;
  replyText: string | null;
}

interface SmsList {
  items: { phone: string; body: string | null; direction: string }[];
}

describe('an unclear reply counted by a coordinator on a phone', { timeout: 180_000 }, () => {
  let e2e: E2E;
  let call: Api;

  beforeAll(async () => {
    e2e = await startE2E({ env: { SMS_QUIET_HOURS: 'off' }, accounts: [coordinator] });
    call = await e2e.apiAs(coordinator);
  }, 60_000);

  afterAll(() => e2e?.close());

  it('shows "claro 👍" in the Spanish replies feed, live, and counts it as SÍ', async () => {
    const site = await call<{ id: number }>('POST', '/api/sites', {
      name: 'Greyhound',
      kind: 'bus_station',
      address: '1055 19th St, Denver',
    });
    const ana = await call<{ id: number; phone: string }>('POST', '/api/volunteers', {
      ...ANA,
      languages: ['es'],
      skills: [],
      smsLanguage: 'es',
    });
    await call('POST', `/api/volunteers/${ana.id}/screenings`, { symptoms: false });
    const release = await call<{ id: number; code: string }>('POST', '/api/releases', {
      siteId: site.id,
      adults: 2,
      children: 0,
      languages: ['es'],
      needs: [],
    });
    const d = await call<{ id: number; offers: Offer[] }>('POST', `/api/releases/${release.id}/dispatches`, {
      needed: 1,
    });
    const offer = d.offers.find((o) => o.volunteerId === ana.id)!;

    const { page } = await e2e.signedIn(coordinator, `/releases/${release.id}`, PHONE, { locale: 'es-MX' });
    const panel = page.getByTestId('dispatch-panel');
    await panel.getByText('Aún no hay respuestas.').waitFor();
    await markDocument(page);

    // Ana answers with something that is neither SÍ nor NO: she is asked again, nothing is accepted.
    const sim = await call<{ replies: { body: string }[] }>(
      'POST',
      '/api/sms/simulate',
      { from: ANA.phone, body: 'claro 👍' },
      200,
    );
    expect(sim.replies.map((r) => r.body)).toEqual([
      `¿Puede ir a ${release.code}? Responda SI ${offer.code} o NO ${offer.code}.`,
    ]);

    const feed = panel.getByTestId('reply-feed');
    const item = feed.locator(`[data-testid="reply"][data-volunteer="${ana.id}"][data-unclear="true"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('Ana Torres: No está claro — “claro 👍”');
    expect(await panel.getByTestId('dispatch-count').textContent()).toBe('0 de 1 aceptaron');
    expect(await hasHorizontalOverflow(page)).toBe(false);
    if (shots) await item.screenshot({ path: `${shots}/reply-unclear-phone-es.png` });

    await item.getByRole('button', { name: 'Contar la respuesta de Ana Torres como SÍ' }).click();

    await panel.locator(`[data-testid="offer"][data-volunteer="${ana.id}"][data-state="accepted"]`).waitFor();
    const counted = feed.locator(`[data-testid="reply"][data-volunteer="${ana.id}"][data-unclear="false"]`);
    await counted.waitFor();
    expect(await counted.textContent()).toContain('Ana Torres: SÍ — “claro 👍”');
    expect(await counted.getByRole('button').count()).toBe(0);
    expect(await panel.getByTestId('dispatch-count').textContent()).toBe('1 de 1 aceptaron');
    await expectNoReload(page);

    // Ana is told, in Spanish, that her answer was counted, and gets where to go.
    const sms = await call<SmsList>('GET', '/api/sms/messages', undefined, 200);
    const toAna = sms.items.filter((m) => m.direction === 'outbound' && m.phone === ana.phone);
    expect(toAna.map((m) => m.body)).toEqual(
      expect.arrayContaining([
        `Bienvenida: un coordinador conto su respuesta como SI para ${release.code}. Si no puede ir, responda NO ${offer.code}.`,
        expect.stringMatching(new RegExp(`^Confirmado ${release.code}: vaya a Greyhound`)),
      ]),
    );
  });
});
