import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../../server/lib/clock';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { addRelease, addSite, auditRows, eventRows, postRelease, text, walk } from '../../helpers/fixtures';

describe('releases after logging', () => {
  let t: TestApp;
  let coordinator: string;
  let siteId: number;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
    siteId = (await addSite(t, coordinator, { name: 'Greyhound', smsKeyword: 'GREY' })).id;
  });
  afterEach(() => t.close());

  const patch = (id: number, payload: object) =>
    t.call(coordinator, { method: 'PATCH', url: `/api/releases/${id}`, payload });
  const hoursFromNow = (h: number) => new Date(t.clock.now().getTime() + h * HOUR).toISOString();

  it('completes an SMS-logged release: languages as codes, counts, needs and destination', async () => {
    const admin = await t.signIn('admin');
    const me = (await t.call(admin, { method: 'GET', url: '/api/auth/me' })).json().user;
    await t.call(admin, { method: 'PATCH', url: `/api/users/${me.id}`, payload: { phone: '303-555-0150' } });
    await text(t, coordinator, '+13035550150', 'RELEASE GREY 3');
    const res = await patch(1, {
      children: 2,
      languages: ['Spanish', "Q'anjob'al"],
      needs: ['food', 'medical'],
      destination: 'Houston',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      adults: 3,
      children: 2,
      people: 5,
      languages: ['es', 'kjb'],
      needs: ['food', 'medical'],
      destination: 'Houston',
      source: 'sms',
    });
    expect(res.json().timeline.at(-1)).toMatchObject({
      kind: 'edited',
      note: 'children, languages, needs, destination',
    });
    const [line] = auditRows(t, 'release.updated');
    expect(line!.changes).toEqual({
      children: 2,
      languages: ['es', 'kjb'],
      needs: ['food', 'medical'],
      destination: '[changed]',
    });
    expect(JSON.stringify(eventRows(t, 'release.updated'))).not.toContain('Houston');
  });

  it('refuses to change a closed or cancelled release, and a release of nobody', async () => {
    const r = await addRelease(t, coordinator, { siteId, adults: 2, children: 0 });
    const none = await patch(r.id, { adults: 0 });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].path).toBe('body.adults');
    await walk(t, coordinator, r.id, ['cancelled']);
    const late = await patch(r.id, { adults: 3 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('release_closed');
  });

  it('refuses a release expected in the past, on logging and on change, saying why', async () => {
    const past = await postRelease(t, coordinator, {
      siteId,
      adults: 2,
      children: 0,
      expectedAt: hoursFromNow(-2),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details).toEqual([
      { path: 'body.expectedAt', message: 'is in the past: check the day, or log the release as arrived' },
    ]);
    const r = await addRelease(t, coordinator, {
      siteId,
      adults: 2,
      children: 0,
      expectedAt: hoursFromNow(2),
    });
    expect((await patch(r.id, { expectedAt: hoursFromNow(-1) })).statusCode).toBe(400);
    const moved = await patch(r.id, { expectedAt: hoursFromNow(4) });
    expect(moved.statusCode).toBe(200);
    expect(Date.parse(moved.json().expectedAt)).toBe(Date.parse(hoursFromNow(4)));
  });

  it('answers 404 for a release that does not exist and 400 for an unknown field', async () => {
    expect((await patch(999, { adults: 1 })).statusCode).toBe(404);
    const r = await addRelease(t, coordinator, { siteId, adults: 2, children: 0 });
    const res = await patch(r.id, { name: 'Juan Perez' });
    expect(res.statusCode).toBe(400);
  });
});
