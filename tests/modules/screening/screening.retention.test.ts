import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../server/lib/clock';
import { buildRosterApp, type TestApp } from '../../helpers/app';
import { addVolunteer, auditRows, screen } from '../../helpers/fixtures';

const clear = { symptoms: false, exposure: false };
const sick = { symptoms: true, exposure: false };

describe('screening retention', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  const later = async (ms: number) => {
    t.clock.advance(ms);
    coordinator = await t.signIn('coordinator');
  };
  const screensOf = (id: number) =>
    t.db.$client.prepare('SELECT at, result FROM screenings WHERE volunteer_id = ? ORDER BY at').all(id) as {
      at: number;
      result: string;
    }[];
  const purge = async () => {
    t.app.core.scheduler.ensureRecurring();
    await t.app.core.scheduler.runDue();
  };

  it('deletes screens older than RETENTION_DAYS that no longer decide anyone’s state, and changes no state', async () => {
    const daily = (await addVolunteer(t, coordinator, { name: 'Ana Lopez', phone: '303-555-0142' })).id;
    const isolating = (await addVolunteer(t, coordinator, { name: 'Ben Okafor', phone: '303-555-0143' })).id;
    const once = (await addVolunteer(t, coordinator, { name: 'Carla Mendez', phone: '303-555-0144' })).id;
    const recent = (await addVolunteer(t, coordinator, { name: 'Dario Ruiz', phone: '303-555-0145' })).id;

    // Day 0: everyone but Dario screens; Ana again on days 1 and 2, Ben falls ill on day 1.
    for (const id of [daily, isolating, once])
      expect((await screen(t, coordinator, id, clear)).statusCode).toBe(201);
    await later(DAY);
    expect((await screen(t, coordinator, daily, clear)).statusCode).toBe(201);
    expect((await screen(t, coordinator, isolating, sick)).statusCode).toBe(201);
    await later(DAY);
    expect((await screen(t, coordinator, daily, clear)).statusCode).toBe(201);
    // Day 34: Dario and then Ana screen; the default retention is 30 days.
    await later(32 * DAY);
    expect((await screen(t, coordinator, recent, clear)).statusCode).toBe(201);
    await later(HOUR);
    expect((await screen(t, coordinator, daily, clear)).statusCode).toBe(201);

    const ids = [daily, isolating, once, recent];
    const before = t.app.services.screening.statesOf(t.db, ids);
    expect(ids.map((id) => before.get(id)?.state)).toEqual(['clear', 'isolating', 'missing', 'clear']);

    await purge();

    // Ana keeps only her newest; Ben his isolation, which is also his newest; Carla her only screen.
    expect(screensOf(daily)).toHaveLength(1);
    expect(screensOf(daily)[0]!.at).toBe(t.clock.now().getTime());
    expect(screensOf(isolating).map((s) => s.result)).toEqual(['isolate']);
    expect(screensOf(once)).toHaveLength(1);
    expect(screensOf(recent)).toHaveLength(1);
    expect(t.app.services.screening.statesOf(t.db, ids)).toEqual(before);

    const lines = auditRows(t, 'screening.purged');
    expect(lines).toMatchObject([{ entity: 'screening', actor: 'retention', changes: { screens: 4 } }]);
    const written = JSON.stringify(lines);
    for (const secret of ['Ana', 'Ben', '3035550142', 'symptoms']) expect(written).not.toContain(secret);

    // The next day's run finds nothing more to delete and writes no line.
    await later(DAY);
    await t.app.core.scheduler.runDue();
    expect(auditRows(t, 'screening.purged')).toHaveLength(1);
    expect(t.db.$client.prepare('SELECT count(*) AS n FROM screenings').get()).toEqual({ n: 4 });
  });

  it('follows RETENTION_DAYS', async () => {
    await t.close();
    t = await buildRosterApp({ env: { RETENTION_DAYS: '7' } });
    coordinator = await t.signIn('coordinator');
    const id = (await addVolunteer(t, coordinator, { name: 'Ana Lopez', phone: '303-555-0142' })).id;
    expect((await screen(t, coordinator, id, clear)).statusCode).toBe(201);
    await later(DAY);
    expect((await screen(t, coordinator, id, clear)).statusCode).toBe(201);
    await later(6 * DAY);
    await purge();
    expect(screensOf(id)).toHaveLength(2);
    await later(2 * DAY);
    await t.app.core.scheduler.runDue();
    expect(screensOf(id)).toHaveLength(1);
  });
});
