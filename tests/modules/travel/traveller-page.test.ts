import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../server/lib/clock';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { addVolunteer, auditRows, eventRows, outbound } from '../../helpers/fixtures';
import { addItinerary, metFamily, share } from './travel.helpers';

const TRAVELLER = '+19155550123';
const VOLUNTEER = { name: 'Rosa Delgado', phone: '+19155550188' };
const NOTES = 'Maria Gonzalez, A# 123-456-789, born 1990-04-02, sister in Atlanta';
// The last leg reaches Atlanta 2026-03-04 17:45 EST = 22:45Z; the link then lives TRAVEL_LINK_GRACE_HOURS (24).
const ARRIVAL = new Date('2026-03-04T22:45:00Z');

describe("the traveller's page", () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp({
      env: { HELP_PHONE: '+1 915 555 0100', PUBLIC_URL: 'https://bienvenida.example.org' },
    });
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  async function sharedTrip(body: Record<string, unknown> = {}) {
    await addVolunteer(t, coordinator, VOLUNTEER);
    const release = await metFamily(t, coordinator, { notes: NOTES });
    const it1 = await addItinerary(t, coordinator, release.id, {
      seats: '14A 14B',
      confirmation: 'GX7Q2',
      ...body,
    });
    const res = await share(t, coordinator, it1.id);
    expect(res.statusCode).toBe(200);
    const shared = res.json() as { url: string; qrSvg: string; expiresAt: string };
    return { release, it1, shared, path: new URL(shared.url).pathname };
  }

  it('is one unguessable link with its QR code, the same each time it is shared', async () => {
    const { it1, shared } = await sharedTrip();
    expect(shared.url).toMatch(/^https:\/\/bienvenida\.example\.org\/t\/[A-Za-z0-9_-]{22,}$/);
    expect(shared.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(shared.expiresAt).toBe('2026-03-05T15:45:00-07:00');
    const again = (await share(t, coordinator, it1.id)).json();
    expect(again.url).toBe(shared.url);
    expect(eventRows(t, 'itinerary.shared')).toHaveLength(2);
  });

  it('reads in Spanish by default with each stop’s own times, the transfer, the driver’s box and the help number', async () => {
    const { path } = await sharedTrip();
    const res = await t.app.inject({ method: 'GET', url: path });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const html = res.body;
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Viaje a Atlanta');
    expect(html).toContain('mar 3 mar, 13:00 MST');
    expect(html).toContain('mié 4 mar, 00:30 CST');
    expect(html).toContain('mié 4 mar, 17:45 EST');
    expect(html).toContain('Cambio en Dallas: espere 1 h 30 min.');
    expect(html).toContain('Muestre esto al chofer');
    expect(html).toContain('Greyhound 1550: El Paso → Dallas, Tue 3 Mar, 13:00 MST');
    expect(html).toContain('GX7Q2');
    expect(html).toContain('14A 14B');
    expect(html).toContain('href="tel:+19155550100"');
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script');
  });

  it('reads in English when asked, or when the itinerary is in English', async () => {
    const { path } = await sharedTrip({ language: 'en' });
    const html = (await t.app.inject({ method: 'GET', url: path })).body;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Trip to Atlanta');
    expect(html).toContain('Change in Dallas: wait 1 h 30 min.');
    expect(html).toContain('Need help? Call');
    const es = (await t.app.inject({ method: 'GET', url: `${path}?lang=es` })).body;
    expect(es).toContain('Viaje a Atlanta');
    const unknown = (await t.app.inject({ method: 'GET', url: `${path}?lang=xx` })).body;
    expect(unknown).toContain('Trip to Atlanta');
  });

  it('holds nothing about who travels: no notes, names, phones, A-number or release code, in either language', async () => {
    const { release, path } = await sharedTrip();
    const me = await t.call(coordinator, { method: 'GET', url: '/api/auth/me' });
    for (const lang of ['es', 'en']) {
      const html = (await t.app.inject({ method: 'GET', url: `${path}?lang=${lang}` })).body;
      for (const secret of [
        'Maria',
        'Gonzalez',
        '123-456-789',
        '1990',
        VOLUNTEER.name,
        VOLUNTEER.phone,
        '915 555 0188',
        me.json().name,
        me.json().email,
        release.code,
        release.siteName,
      ]) {
        expect(html, `${secret} in ${lang}`).not.toContain(secret);
      }
    }
  });

  it('is gone after the last arrival and its grace, with the very page an unknown link gets', async () => {
    const { path } = await sharedTrip();
    const unknown = await t.app.inject({ method: 'GET', url: '/t/AAAAAAAAAAAAAAAAAAAAAA' });
    expect(unknown.statusCode).toBe(404);
    t.clock.set(new Date(ARRIVAL.getTime() + DAY - HOUR));
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    t.clock.set(new Date(ARRIVAL.getTime() + DAY));
    const expired = await t.app.inject({ method: 'GET', url: path });
    expect(expired.statusCode).toBe(404);
    expect(expired.body).toBe(unknown.body);
    expect(expired.headers['cache-control']).toBe('no-store');
    const fresh = await t.signIn('coordinator');
    const late = await share(t, fresh, 1);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('itinerary_over');
  });

  it('stops working at once when the itinerary is deleted', async () => {
    const { it1, path } = await sharedTrip();
    await t.call(coordinator, { method: 'DELETE', url: `/api/itineraries/${it1.id}` });
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
  });

  it('is texted through the outbox in the traveller’s language, and the audit keeps no whole number', async () => {
    const { it1, shared } = await sharedTrip();
    const res = await share(t, coordinator, it1.id, { to: '(915) 555-0123', language: 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.json().texted).toBe(true);
    const sent = outbound(t).filter((m) => m.phone === TRAVELLER);
    expect(sent.map((m) => m.body)).toEqual([
      `Bienvenida: your trip to Atlanta leaves Tue Mar 3 13:00. Times, stops and help: ${shared.url}?lang=en`,
    ]);
    const es = await share(t, coordinator, it1.id, { to: TRAVELLER });
    expect(es.json().url).toBe(shared.url);
    expect(
      outbound(t)
        .filter((m) => m.phone === TRAVELLER)
        .at(-1)!.body,
    ).toBe(`Bienvenida: su viaje a Atlanta sale mar 3 mar 13:00. Horarios, paradas y ayuda: ${shared.url}`);
    const audited = JSON.stringify(auditRows(t, 'itinerary.shared'));
    expect(audited).not.toContain('5550123');
    const bad = await share(t, coordinator, it1.id, { to: '12' });
    expect(bad.statusCode).toBe(400);
  });
});
