import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../db/schema';
import { type PersonalField, reads, roles } from '../shared/roles';
import type { TestApp } from './helpers/app';
import { addShift, addSite, addVolunteer, screen, signUp } from './helpers/fixtures';
import { connectLive } from './helpers/ws';
import {
  buildDispatchApp,
  crowd,
  dispatch,
  network,
  offerOf,
  release,
  reply,
} from './modules/dispatch/dispatch.helpers';

type Json = Record<string, unknown>;
type Reader = (cookie: string) => Promise<unknown>;

/** Every field that holds a phone, a health state, an SMS body or an address, and who may read it. */
interface FieldCase {
  what: string;
  /** null: readable by every role on purpose (a public place, not a person). */
  field: PersonalField | null;
  read: Reader;
  /** The value a reader with need-to-know gets. */
  full: unknown;
}

let t: TestApp;
const cases: FieldCase[] = [];
const cookies = {} as Record<Role, string>;
const PHONE = '+13035550177';
const REPLY_WORDS = 'at the clinic until 5';

async function get(cookie: string, url: string): Promise<Json> {
  const res = await t.call(cookie, { method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  t = await buildDispatchApp();
  const n = await network(t);
  for (const role of roles) cookies[role] = await t.signIn(role);
  const c = n.coordinator;
  const site = await addSite(t, c, { name: 'Warehouse', address: '12 Elm St' });
  const sick = await addVolunteer(t, c, { name: 'Sara Sick', phone: PHONE });
  const shift = await addShift(t, c, {
    siteId: site.id,
    startsAt: '2026-03-03T09:00:00-07:00',
    endsAt: '2026-03-03T13:00:00-07:00',
    needed: 2,
  });
  expect((await signUp(t, c, shift.id, sick.id)).statusCode).toBe(201);
  expect((await screen(t, c, sick.id, { symptoms: true })).statusCode).toBe(201);
  const [ana] = await crowd(n, 1);
  const d = await dispatch(n, (await release(n)).id, { needed: 1 });
  await reply(n, ana!, `NO ${offerOf(d, ana!.id).code} ${REPLY_WORDS}`);
  await t.call(c, {
    method: 'POST',
    url: '/api/sms/messages',
    payload: { to: PHONE, body: 'Private words' },
  });

  const roster = (cookie: string) =>
    get(cookie, '/api/volunteers').then((r) => (r.items as Json[]).find((v) => v.id === sick.id)!);
  const one = (cookie: string) => get(cookie, `/api/volunteers/${sick.id}`);
  const signup = (cookie: string) =>
    get(cookie, '/api/shifts?from=2026-03-03&to=2026-03-03').then(
      (r) => ((r.items as Json[])[0]!.signups as Json[])[0]!,
    );
  const covered = (cookie: string) =>
    get(cookie, '/api/shifts/coverage?from=2026-03-03&days=1').then(
      (r) => (((r.days as Json[])[0]!.shifts as Json[])[0]!.signups as Json[])[0]!,
    );
  const direct = (cookie: string) =>
    get(cookie, '/api/sms/messages?direction=outbound').then(
      (r) => (r.items as Json[]).find((m) => m.kind === 'direct')!,
    );
  const inbound = (cookie: string) =>
    get(cookie, '/api/sms/messages?direction=inbound').then((r) => (r.items as Json[])[0]!);
  const offer = (cookie: string) =>
    get(cookie, `/api/dispatches/${d.id}`).then((r) => (r.offers as Json[])[0]!);
  const offers = (cookie: string) =>
    get(cookie, `/api/releases/${d.releaseId}/dispatches`).then(
      (r) => ((r.items as Json[])[0]!.offers as Json[])[0]!,
    );
  const HOST_PHONE = '+13035550166';
  const NURSE_PHONE = '+13035550155';
  const host = await t.call(c, {
    method: 'POST',
    url: '/api/housing/sites',
    payload: {
      name: 'St. Mary',
      kind: 'place_of_worship',
      address: '9 Oak Ave',
      beds: 4,
      contactPhone: HOST_PHONE,
    },
  });
  expect(host.statusCode).toBe(201);
  const nurse = await t.call(c, {
    method: 'POST',
    url: '/api/medical/contacts',
    payload: { name: 'Nurse Ines', phone: NURSE_PHONE, role: 'nurse' },
  });
  expect(nurse.statusCode).toBe(201);
  const housing = (cookie: string) =>
    get(cookie, '/api/housing/sites').then((r) => (r.items as Json[]).find((s) => s.id === host.json().id)!);
  const contact = (cookie: string) =>
    get(cookie, '/api/medical/contacts').then(
      (r) => (r.items as Json[]).find((s) => s.id === nurse.json().id)!,
    );
  const siteRow = (cookie: string) =>
    get(cookie, '/api/sites').then((r) => (r.items as Json[]).find((s) => s.id === site.id)!);

  const fullSms = await direct(c);
  const fullIn = await inbound(c);
  cases.push(
    { what: 'roster phone', field: 'phone', read: async (k) => (await roster(k)).phone, full: PHONE },
    { what: 'one volunteer phone', field: 'phone', read: async (k) => (await one(k)).phone, full: PHONE },
    {
      what: 'roster screening',
      field: 'health',
      read: async (k) => (await roster(k)).screening,
      full: (await roster(c)).screening,
    },
    {
      what: 'one volunteer screening',
      field: 'health',
      read: async (k) => (await one(k)).screening,
      full: (await one(c)).screening,
    },
    {
      what: 'shift signup screening',
      field: 'health',
      read: async (k) => (await signup(k)).screening,
      full: 'isolating',
    },
    {
      what: 'shift signup counts',
      field: 'health',
      read: async (k) => (await signup(k)).counts,
      full: false,
    },
    {
      what: 'coverage signup screening',
      field: 'health',
      read: async (k) => (await covered(k)).screening,
      full: 'isolating',
    },
    {
      what: 'coverage signup counts',
      field: 'health',
      read: async (k) => (await covered(k)).counts,
      full: false,
    },
    { what: 'SMS log phone', field: 'phone', read: async (k) => (await direct(k)).phone, full: PHONE },
    {
      what: 'SMS log outbound body',
      field: 'smsBody',
      read: async (k) => (await direct(k)).body,
      full: fullSms.body,
    },
    {
      what: 'SMS log inbound phone',
      field: 'phone',
      read: async (k) => (await inbound(k)).phone,
      full: fullIn.phone,
    },
    {
      what: 'SMS log inbound body',
      field: 'smsBody',
      read: async (k) => (await inbound(k)).body,
      full: fullIn.body,
    },
    {
      what: 'offer reply words',
      field: 'smsBody',
      read: async (k) => (await offer(k)).replyText,
      full: REPLY_WORDS,
    },
    {
      what: "a release's offers reply words",
      field: 'smsBody',
      read: async (k) => (await offers(k)).replyText,
      full: REPLY_WORDS,
    },
    {
      what: 'housing address',
      field: 'housingAddress',
      read: async (k) => (await housing(k)).address,
      full: '9 Oak Ave',
    },
    {
      what: 'host phone',
      field: 'housingAddress',
      read: async (k) => (await housing(k)).contactPhone,
      full: HOST_PHONE,
    },
    {
      what: 'medical contact phone',
      field: 'medicalContactPhone',
      read: async (k) => (await contact(k)).phone,
      full: NURSE_PHONE,
    },
    {
      what: 'site address (a public place)',
      field: null,
      read: async (k) => (await siteRow(k)).address,
      full: '12 Elm St',
    },
  );
});

afterAll(() => t.close());

describe('need-to-know, field by field, for every role', () => {
  it('builds the table', () => {
    expect(cases.length).toBeGreaterThan(10);
    expect(cases.filter((x) => x.full === null || x.full === undefined)).toEqual([]);
  });

  for (const role of roles) {
    it(`gives a ${role} exactly the fields it needs`, async () => {
      for (const c of cases) {
        const seen = await c.read(cookies[role]);
        if (c.field === null || reads(role, c.field)) {
          expect(seen, `${role}: ${c.what}`).toEqual(c.full);
          continue;
        }
        expect(seen, `${role}: ${c.what}`).not.toEqual(c.full);
        const text = JSON.stringify(seen ?? null);
        if (c.field === 'phone') expect(text, `${role}: ${c.what}`).not.toContain('5550177');
        else expect(seen, `${role}: ${c.what}`).toBeNull();
      }
    });
  }

  it('lets no one search or filter by a field it may not read', async () => {
    for (const role of roles) {
      const byDigits = await get(cookies[role], '/api/volunteers?q=5550177');
      expect((byDigits.items as Json[]).length, role).toBe(reads(role, 'phone') ? 1 : 0);
      const isolating = await t.call(cookies[role], {
        method: 'GET',
        url: '/api/volunteers?screening=isolating',
      });
      expect(isolating.statusCode, role).toBe(reads(role, 'health') ? 200 : 403);
      if (isolating.statusCode === 403) expect(isolating.json().error.code).toBe('field_forbidden');
      else expect(isolating.json().items.map((v: Json) => v.name)).toEqual(['Sara Sick']);
      const byPhone = await t.call(cookies[role], { method: 'GET', url: `/api/sms/messages?phone=${PHONE}` });
      expect(byPhone.statusCode, role).toBe(reads(role, 'phone') ? 200 : 403);
    }
  });

  it('lets medical staff record a health screen, and no viewer', async () => {
    const v = await addVolunteer(t, cookies.coordinator, { name: 'Mo Med', phone: '+13035550178' });
    expect((await screen(t, cookies.medical, v.id, { symptoms: false })).statusCode).toBe(201);
    expect((await screen(t, cookies.viewer, v.id, { symptoms: false })).statusCode).toBe(403);
  });

  it('sends screening events live only to roles that read health states', async () => {
    const live = await Promise.all(roles.map((role) => connectLive(t.app, { cookie: cookies[role] })));
    const v = await addVolunteer(t, cookies.coordinator, { name: 'Lia Live', phone: '+13035550179' });
    await screen(t, cookies.coordinator, v.id, { symptoms: true });
    // Every role sees the next site: once it arrives, a screening event would have arrived before it.
    await addSite(t, cookies.coordinator, { name: 'Marker' });
    for (const [i, role] of roles.entries()) {
      const l = live[i]!;
      while (!l.received.some((e) => e.type === 'site.created')) await l.waitFor(l.received.length + 1);
      expect(
        l.received.some((e) => e.type.startsWith('screening.')),
        role,
      ).toBe(reads(role, 'health'));
      live[i]!.socket.close();
    }
  });
});
