import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screenings } from '../../../db/schema';
import { DAY, HOUR, MINUTE } from '../../../server/lib/clock';
import { buildRosterApp, type TestApp } from '../../helpers/app';
import { addVolunteer, auditRows, eventRows, screen } from '../../helpers/fixtures';

describe('screening on the web', () => {
  let t: TestApp;
  let coordinator: string;
  let volunteerId: number;
  beforeEach(async () => {
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
    volunteerId = (await addVolunteer(t, coordinator, { name: 'Ana Lopez', phone: '303-555-0142' })).id;
  });
  afterEach(() => t.close());

  /** Moves the fake clock; sessions idle out after 12 h, so a fresh one follows long jumps. */
  async function advance(ms: number) {
    t.clock.advance(ms);
    coordinator = await t.signIn('coordinator');
  }
  const stateOf = async () => {
    const res = await t.call(coordinator, { method: 'GET', url: `/api/volunteers/${volunteerId}` });
    expect(res.statusCode).toBe(200);
    return res.json().screening as { state: string; until: string | null; lastScreenedAt: string | null };
  };
  const answer = async (answers: { symptoms: boolean; exposure?: boolean }) => {
    const res = await screen(t, coordinator, volunteerId, answers);
    expect(res.statusCode).toBe(201);
    return res.json() as { result: string; isolateUntil: string | null; state: string };
  };

  it('a clear screen counts for 24 hours, then the screen is missing again', async () => {
    expect(await answer({ symptoms: false, exposure: false })).toEqual({
      result: 'clear',
      isolateUntil: null,
      state: 'clear',
    });
    expect(await stateOf()).toEqual({
      state: 'clear',
      until: '2026-03-03T08:00:00-07:00',
      lastScreenedAt: '2026-03-02T08:00:00-07:00',
    });
    await advance(24 * HOUR - MINUTE);
    expect((await stateOf()).state).toBe('clear');
    await advance(MINUTE);
    expect(await stateOf()).toEqual({
      state: 'missing',
      until: null,
      lastScreenedAt: '2026-03-02T08:00:00-07:00',
    });
  });

  it('symptoms start 10 days of isolation (the end shown in the zone offset of that day, after DST)', async () => {
    expect(await answer({ symptoms: true })).toEqual({
      result: 'isolate',
      isolateUntil: '2026-03-12T09:00:00-06:00',
      state: 'isolating',
    });
    expect(await stateOf()).toMatchObject({ state: 'isolating', until: '2026-03-12T09:00:00-06:00' });
    const stored = t.db.select().from(screenings).all();
    expect(stored).toMatchObject([
      { volunteerId, symptoms: true, exposure: false, result: 'isolate', source: 'web' },
    ]);
  });

  it('exposure alone starts isolation too', async () => {
    expect(await answer({ symptoms: false, exposure: true })).toMatchObject({
      result: 'isolate',
      isolateUntil: '2026-03-12T09:00:00-06:00',
    });
  });

  it('during isolation a clear screen keeps the volunteer isolating, with the same end', async () => {
    await answer({ symptoms: true });
    await advance(3 * DAY);
    expect(await answer({ symptoms: false })).toEqual({
      result: 'isolate',
      isolateUntil: '2026-03-12T09:00:00-06:00',
      state: 'isolating',
    });
    expect((await stateOf()).state).toBe('isolating');
  });

  it('after the end date the volunteer stays isolating until a new clear screen clears them', async () => {
    await answer({ symptoms: true });
    await advance(10 * DAY + HOUR);
    expect(await stateOf()).toMatchObject({ state: 'isolating', until: '2026-03-12T09:00:00-06:00' });
    await advance(2 * DAY);
    expect((await stateOf()).state).toBe('isolating');

    expect(await answer({ symptoms: false })).toEqual({
      result: 'clear',
      isolateUntil: null,
      state: 'clear',
    });
    expect(await stateOf()).toEqual({
      state: 'clear',
      until: '2026-03-15T10:00:00-06:00',
      lastScreenedAt: '2026-03-14T10:00:00-06:00',
    });
  });

  it('a clear screen taken exactly at the end of isolation ends it', async () => {
    await answer({ symptoms: true });
    await advance(10 * DAY);
    expect((await answer({ symptoms: false })).state).toBe('clear');
  });

  it('new symptoms during isolation extend it from today', async () => {
    await answer({ symptoms: true });
    await advance(4 * DAY);
    expect(await answer({ symptoms: true })).toMatchObject({
      result: 'isolate',
      isolateUntil: '2026-03-16T09:00:00-06:00',
    });
    await advance(7 * DAY);
    expect(await answer({ symptoms: false })).toMatchObject({ result: 'isolate', state: 'isolating' });
  });

  it('tells coordinators live and audits the outcome without the answers', async () => {
    await answer({ symptoms: false, exposure: false });
    await answer({ symptoms: true, exposure: true });
    await answer({ symptoms: false, exposure: true });

    const isolate = eventRows(t, 'screening.isolate');
    expect(isolate.map((e) => e.data)).toEqual([
      expect.objectContaining({ volunteerId, state: 'isolating', startedIsolation: true }),
      expect.objectContaining({ volunteerId, state: 'isolating', startedIsolation: false }),
    ]);
    expect(eventRows(t, 'screening.clear').map((e) => e.data)).toEqual([
      expect.objectContaining({ volunteerId, state: 'clear' }),
    ]);
    for (const e of [...isolate, ...eventRows(t, 'screening.clear')]) {
      expect(Object.keys(e.data)).not.toContain('symptoms');
      expect(Object.keys(e.data)).not.toContain('exposure');
    }

    const lines = [...auditRows(t, 'screening.clear'), ...auditRows(t, 'screening.isolate')];
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).toMatchObject({ entity: 'volunteer', entityId: volunteerId });
      expect(Object.keys(line.changes ?? {}).sort()).toEqual(['screeningId', 'source']);
    }
  });

  it.each([
    [{}, 'body.symptoms'],
    [{ symptoms: 'yes' }, 'body.symptoms'],
    [{ symptoms: false, exposure: 'no' }, 'body.exposure'],
  ])('refuses %j with 400 naming %s, recording nothing', async (payload, path) => {
    const res = await t.call(coordinator, {
      method: 'POST',
      url: `/api/volunteers/${volunteerId}/screenings`,
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(t.db.select().from(screenings).all()).toHaveLength(0);
  });

  it('answers 404 for a volunteer that does not exist', async () => {
    const res = await screen(t, coordinator, 999, { symptoms: false });
    expect(res.statusCode).toBe(404);
    expect(t.db.select().from(screenings).all()).toHaveLength(0);
  });
});

describe('screening with other settings', () => {
  it('uses ISOLATION_DAYS and SCREENING_VALID_HOURS', async () => {
    const t = await buildRosterApp({ env: { ISOLATION_DAYS: '3', SCREENING_VALID_HOURS: '12' } });
    try {
      const coordinator = await t.signIn('coordinator');
      const a = await addVolunteer(t, coordinator, { name: 'Ana', phone: '303-555-0142' });
      const b = await addVolunteer(t, coordinator, { name: 'Beto', phone: '303-555-0143' });
      expect((await screen(t, coordinator, a.id, { symptoms: true })).json().isolateUntil).toBe(
        '2026-03-05T08:00:00-07:00',
      );
      await screen(t, coordinator, b.id, { symptoms: false });
      t.clock.advance(12 * HOUR - MINUTE);
      const fresh = await t.signIn('coordinator');
      const get = (id: number) => t.call(fresh, { method: 'GET', url: `/api/volunteers/${id}` });
      expect((await get(b.id)).json().screening).toMatchObject({
        state: 'clear',
        until: '2026-03-02T20:00:00-07:00',
      });
      t.clock.advance(MINUTE);
      expect((await get(b.id)).json().screening.state).toBe('missing');
    } finally {
      await t.close();
    }
  });
});
