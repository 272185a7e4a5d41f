import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock, MINUTE } from '../../../server/lib/clock';
import { buildTestApp, type TestApp, withAppOn } from '../../helpers/app';
import { auditRows, outbound, signedInUser, text } from '../../helpers/fixtures';
import { addHousingSite, metRelease } from './housing.helpers';

const HOST = '+13035550177';
const LEAD = '+13035550100';

async function withLeadPhone(t: TestApp): Promise<string> {
  const coordinator = await t.signIn('coordinator');
  const me = await signedInUser(t, coordinator);
  const admin = await t.signIn('admin');
  await t.call(admin, { method: 'PATCH', url: `/api/users/${me.id}`, payload: { phone: LEAD } });
  return coordinator;
}

function ask(t: TestApp, cookie: string, body: Record<string, unknown>) {
  return t.call(cookie, { method: 'POST', url: '/api/housing/requests', payload: body });
}

describe('asking a volunteer host by text', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await withLeadPhone(t);
  });
  afterEach(() => t.close());

  it('texts the host in their language with a code, and places no one yet', async () => {
    const home = await addHousingSite(t, coordinator, {
      name: 'Casa Lopez',
      kind: 'volunteer_home',
      beds: 3,
      contactPhone: HOST,
      contactLanguage: 'es',
    });
    const release = await metRelease(t, coordinator, 2, 1);
    const res = await ask(t, coordinator, {
      housingSiteId: home.id,
      releaseId: release.id,
      people: 3,
      checkIn: '2026-03-02',
      nights: 2,
    });
    expect(res.statusCode).toBe(201);
    const request = res.json();
    expect(request).toMatchObject({ state: 'asked', people: 3, stayId: null });
    expect(request.code).toMatch(/^\d{4}$/);
    const [text] = outbound(t).filter((m) => m.phone === HOST);
    expect(text!.body).toBe(
      `Bienvenida ${request.code}: puede alojar a 3 personas desde el 2 mar por 2 noches? Responda SI ${request.code} o NO ${request.code}.`,
    );
    const stays = await t.call(coordinator, {
      method: 'GET',
      url: `/api/housing/stays?releaseId=${release.id}`,
    });
    expect(stays.json().items).toEqual([]);
  });

  it('refuses to ask a site without a host phone, or for a night already full', async () => {
    const hall = await addHousingSite(t, coordinator, { beds: 2 });
    const home = await addHousingSite(t, coordinator, {
      name: 'Home',
      kind: 'volunteer_home',
      beds: 1,
      contactPhone: HOST,
    });
    const release = await metRelease(t, coordinator, 2);
    const noPhone = await ask(t, coordinator, {
      housingSiteId: hall.id,
      releaseId: release.id,
      people: 2,
      checkIn: '2026-03-02',
      nights: 1,
    });
    expect(noPhone.statusCode).toBe(409);
    expect(noPhone.json().error.code).toBe('no_contact');
    const tooMany = await ask(t, coordinator, {
      housingSiteId: home.id,
      releaseId: release.id,
      people: 2,
      checkIn: '2026-03-02',
      nights: 1,
    });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().error.code).toBe('no_capacity');
    expect(outbound(t).filter((m) => m.phone === HOST)).toEqual([]);
  });

  it("gives each open request its own code, and counts it among every domain's open reply codes", async () => {
    const home = await addHousingSite(t, coordinator, {
      name: 'Home',
      kind: 'volunteer_home',
      beds: 50,
      contactPhone: HOST,
    });
    const codes = new Set<string>();
    for (let i = 0; i < 12; i += 1) {
      const release = await metRelease(t, coordinator, 1);
      codes.add(
        (
          await ask(t, coordinator, {
            housingSiteId: home.id,
            releaseId: release.id,
            people: 1,
            checkIn: '2026-03-02',
            nights: 1,
          })
        ).json().code,
      );
    }
    expect(codes.size).toBe(12);
    const open = t.app.services.sms.replyCodesInUse(t.db);
    for (const code of codes) expect(open.has(code)).toBe(true);
  });
});

describe('a host answering by text', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await withLeadPhone(t);
  });
  afterEach(() => t.close());

  async function asked(people = 2) {
    const home = await addHousingSite(t, coordinator, {
      name: 'Casa Lopez',
      kind: 'volunteer_home',
      beds: 3,
      contactPhone: HOST,
      contactLanguage: 'es',
    });
    await addHousingSite(t, coordinator, { name: 'St. Mark hall', beds: 10 });
    const release = await metRelease(t, coordinator, people);
    const res = await ask(t, coordinator, {
      housingSiteId: home.id,
      releaseId: release.id,
      people,
      checkIn: '2026-03-02',
      nights: 1,
    });
    return { home, release, request: res.json() as { id: number; code: string } };
  }

  const stateOf = async (releaseId: number) =>
    (await t.call(coordinator, { method: 'GET', url: `/api/housing/requests?releaseId=${releaseId}` })).json()
      .items[0];
  const staysOf = async (releaseId: number) =>
    (await t.call(coordinator, { method: 'GET', url: `/api/housing/stays?releaseId=${releaseId}` })).json()
      .items;

  it("places the stay on the host's YES with the code, and confirms in their language", async () => {
    const { release, request } = await asked();
    await text(t, coordinator, HOST, `Sí, ${request.code} claro`);
    expect(await stateOf(release.id)).toMatchObject({ state: 'accepted' });
    expect(await staysOf(release.id)).toEqual([
      expect.objectContaining({ people: 2, housingSiteName: 'Casa Lopez' }),
    ]);
    const reply = outbound(t)
      .filter((m) => m.phone === HOST)
      .at(-1)!;
    expect(reply.body).toBe(
      `Gracias! ${release.code}: 2 personas llegan el 2 mar por 1 noche. Un coordinador le llamara.`,
    );
    expect(
      (await t.call(coordinator, { method: 'GET', url: `/api/releases/${release.id}` })).json().status,
    ).toBe('sheltered');
  });

  it('reads a bare NO as the answer to the only open request, and tells the coordinators the next site', async () => {
    const first = await asked();
    await text(t, coordinator, HOST, 'no');
    expect(await stateOf(first.release.id)).toMatchObject({ state: 'declined', stayId: null });
    expect(
      outbound(t)
        .filter((m) => m.phone === LEAD)
        .map((m) => m.body),
    ).toEqual([
      `Bienvenida: Casa Lopez cannot host ${first.release.code} (said no). Next: St. Mark hall (10).`,
    ]);
    expect(await staysOf(first.release.id)).toEqual([]);
  });

  it('answers a late YES without placing anyone, and a wrong code names nothing', async () => {
    const { release, request } = await asked();
    await t.call(coordinator, {
      method: 'POST',
      url: `/api/housing/requests/${request.id}/cancel`,
      payload: {},
    });
    await text(t, coordinator, HOST, `SI ${request.code}`);
    expect(
      outbound(t)
        .filter((m) => m.phone === HOST)
        .at(-1)!.body,
    ).toBe(`La solicitud ${request.code} ya esta cerrada, gracias! No hace falta alojar.`);
    const wrong = request.code === '9999' ? '9998' : '9999';
    await text(t, coordinator, HOST, `SI ${wrong}`);
    expect(await staysOf(release.id)).toEqual([]);
    expect(auditRows(t, 'stay.created')).toEqual([]);
  });
});

describe('a host who does not answer in time', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-hosts-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is given up on after HOST_REPLY_MINUTES, across a restart: coordinators hear once, with the next site', async () => {
    const file = path.join(dir, 'bienvenida.db');
    const clock = new FakeClock('2026-03-02T15:00:00Z');
    const asked = await withAppOn(file, clock, async (t) => {
      const coordinator = await withLeadPhone(t);
      const home = await addHousingSite(t, coordinator, {
        name: 'Casa Lopez',
        kind: 'volunteer_home',
        beds: 3,
        contactPhone: HOST,
      });
      await addHousingSite(t, coordinator, { name: 'St. Mark hall', beds: 10 });
      const release = await metRelease(t, coordinator, 2);
      const res = await ask(t, coordinator, {
        housingSiteId: home.id,
        releaseId: release.id,
        people: 2,
        checkIn: '2026-03-02',
        nights: 1,
      });
      await t.app.core.scheduler.runDue();
      return { id: res.json().id as number, releaseId: release.id, code: release.code };
    });

    clock.advance(29 * MINUTE);
    await withAppOn(file, clock, async (t) => {
      await t.app.core.scheduler.runDue();
      expect(outbound(t).filter((m) => m.phone === LEAD)).toEqual([]);
    });

    clock.advance(MINUTE);
    await withAppOn(file, clock, async (t) => {
      await t.app.core.scheduler.runDue();
      await t.app.core.scheduler.runDue();
      const pages = outbound(t).filter((m) => m.phone === LEAD);
      expect(pages.map((m) => m.body)).toEqual([
        `Bienvenida: Casa Lopez cannot host ${asked.code} (no answer). Next: St. Mark hall (10).`,
      ]);
      expect(auditRows(t, 'host_request.expired')).toHaveLength(1);
      const coordinator = await t.signIn('coordinator');
      const requests = await t.call(coordinator, {
        method: 'GET',
        url: `/api/housing/requests?releaseId=${asked.releaseId}`,
      });
      expect(requests.json().items[0]).toMatchObject({ id: asked.id, state: 'expired', stayId: null });
    });
  });
});
