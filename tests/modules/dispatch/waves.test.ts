import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock, MINUTE } from '../../../server/lib/clock';
import { type TestApp, withAppOn } from '../../helpers/app';
import { auditRows, eventRows, getRelease, jobRows, outbound } from '../../helpers/fixtures';
import {
  addToDispatch,
  buildDispatchApp,
  cancelDispatch,
  crowd,
  type DispatchView,
  dispatch,
  elapse,
  getDispatch,
  LEAD_PHONE,
  type Network,
  network,
  offerOf,
  offerTexts,
  type Person,
  release,
  reply,
  storedDispatch,
  textsTo,
  volunteer,
} from './dispatch.helpers';

const waveOf = (d: DispatchView, wave: number) =>
  d.offers.filter((o) => o.wave === wave).map((o) => o.volunteerId);
const ids = (people: Array<Person | undefined>) => people.map((p) => p!.id);
const pages = (t: TestApp) => outbound(t, 'page');

describe('waves, expiry and escalation', () => {
  let t: TestApp;
  let n: Network;
  beforeEach(async () => {
    t = await buildDispatchApp();
    n = await network(t);
  });
  afterEach(() => t.close());

  it('asks about DISPATCH_WAVE_FACTOR times the places in the first wave, rounded up', async () => {
    await crowd(n, 10);
    const d = await dispatch(n, (await release(n)).id, { needed: 3 });
    expect(d).toMatchObject({ status: 'open', needed: 3, accepted: 0, wave: 1 });
    expect(d.offers).toHaveLength(6);
    expect(offerTexts(t)).toHaveLength(6);
    expect(new Set(d.offers.map((o) => o.code)).size).toBe(6);
    expect(d.offers[0]).toMatchObject({
      offeredAt: '2026-03-02T08:00:00-07:00',
      expiresAt: '2026-03-02T08:10:00-07:00',
    });
    expect(d.deadlineAt).toBe('2026-03-02T08:45:00-07:00');
  });

  it('rounds a fractional factor up', async () => {
    await t.close();
    t = await buildDispatchApp({ env: { DISPATCH_WAVE_FACTOR: '1.5' } });
    n = await network(t);
    await crowd(n, 10);
    expect((await dispatch(n, (await release(n)).id, { needed: 3 })).offers).toHaveLength(5);
  });

  it('expires a wave after DISPATCH_OFFER_MINUTES, asks the next, and escalates once after the last', async () => {
    const people = await crowd(n, 8);
    const r = await release(n);
    const d = await dispatch(n, r.id, { needed: 1 });
    expect(waveOf(d, 1)).toEqual(ids(people.slice(0, 2)));

    await elapse(t, 10 * MINUTE - 1);
    expect(await getDispatch(n, d.id)).toEqual(d);

    await elapse(t, 1);
    const second = await getDispatch(n, d.id);
    expect(second.wave).toBe(2);
    expect(second.offers.filter((o) => o.wave === 1).map((o) => o.state)).toEqual(['expired', 'expired']);
    expect(waveOf(second, 2)).toEqual(ids(people.slice(2, 4)));
    expect(offerTexts(t)).toHaveLength(4);

    await elapse(t, 10 * MINUTE);
    expect(waveOf(await getDispatch(n, d.id), 3)).toEqual(ids(people.slice(4, 6)));
    expect(pages(t)).toEqual([]);

    await elapse(t, 10 * MINUTE);
    const last = await getDispatch(n, d.id);
    expect(last).toMatchObject({ status: 'escalated', wave: 3, accepted: 0 });
    expect(last.offers.every((o) => o.state === 'expired')).toBe(true);
    expect(offerTexts(t)).toHaveLength(6);
    expect(pages(t).map((m) => [m.phone, m.body])).toEqual([
      [
        LEAD_PHONE,
        `Bienvenida: not enough volunteers for ${r.code} at Greyhound (0 of 1). Please call people.`,
      ],
    ]);
    expect(eventRows(t, 'dispatch.escalated').map((e) => e.data)).toEqual([
      { id: d.id, releaseId: r.id, code: r.code, accepted: 0, needed: 1, why: 'no more waves' },
    ]);
    expect(auditRows(t, 'dispatch.escalated')).toHaveLength(1);

    // The deadline job still comes due; the escalation is not repeated.
    await elapse(t, 30 * MINUTE);
    expect(pages(t)).toHaveLength(1);
    expect(eventRows(t, 'dispatch.escalated')).toHaveLength(1);
    expect(offerTexts(t)).toHaveLength(6);
    expect(textsTo(t, people[6]!)).toEqual([]);
  });

  it('escalates at DISPATCH_DEADLINE_MINUTES even with waves left, in the coordinator’s language', async () => {
    await t.close();
    t = await buildDispatchApp({ env: { DISPATCH_OFFER_MINUTES: '20', DISPATCH_MAX_WAVES: '10' } });
    n = await network(t);
    const admin = await t.signIn('admin');
    await t.call(admin, {
      method: 'PATCH',
      url: `/api/users/${n.coordinatorId}`,
      payload: { smsLanguage: 'es' },
    });
    const people = await crowd(n, 10);
    const r = await release(n);
    const d = await dispatch(n, r.id, { needed: 2 });
    await reply(n, people[0]!, `YES ${offerOf(d, people[0]!.id).code}`);

    await elapse(t, 20 * MINUTE);
    await elapse(t, 20 * MINUTE);
    expect((await getDispatch(n, d.id)).wave).toBe(3);
    await elapse(t, 5 * MINUTE - 1);
    expect((await getDispatch(n, d.id)).status).toBe('open');
    await elapse(t, 1);
    const late = await getDispatch(n, d.id);
    expect(late).toMatchObject({ status: 'escalated', accepted: 1 });
    expect(late.offers.filter((o) => o.wave === 3).every((o) => o.state === 'expired')).toBe(true);
    expect(pages(t).map((m) => [m.language, m.body])).toEqual([
      ['es', `Bienvenida: faltan voluntarios para ${r.code} en Greyhound (1 de 2). Llame a gente.`],
    ]);
    expect(eventRows(t, 'dispatch.escalated')[0]!.data).toMatchObject({ why: 'deadline', accepted: 1 });

    await elapse(t, 20 * MINUTE);
    expect(pages(t)).toHaveLength(1);
  });

  it('escalates at once when nobody is left to ask', async () => {
    const empty = await dispatch(n, (await release(n)).id, { needed: 1 });
    expect(empty).toMatchObject({ status: 'escalated', offers: [] });
    expect(pages(t)).toHaveLength(1);

    const [ana] = await crowd(n, 1);
    const d = await dispatch(n, (await release(n)).id, { needed: 2 });
    expect(waveOf(d, 1)).toEqual([ana!.id]);
    await elapse(t, 10 * MINUTE);
    expect(await getDispatch(n, d.id)).toMatchObject({ status: 'escalated', wave: 1 });
    expect(eventRows(t, 'dispatch.escalated').map((e) => e.data.why)).toEqual([
      'nobody left to ask',
      'nobody left to ask',
    ]);
    expect(pages(t)).toHaveLength(2);
  });

  it('cancels: open offers and those already on their way are told, the dispatch stops, a later YES is covered', async () => {
    const [ana, beto, cruz, dora] = await crowd(n, 4);
    const bob = await volunteer(n, { name: 'Bob Spanish', smsLanguage: 'es' });
    const r = await release(n);
    const d = await dispatch(n, r.id, { needed: 3 });
    await reply(n, ana!, `YES ${offerOf(d, ana!.id).code}`);

    const res = await cancelDispatch(n, d.id);
    expect(res.statusCode).toBe(200);
    const cancelled: DispatchView = res.json();
    expect(cancelled.status).toBe('cancelled');
    expect(storedDispatch(t, d.id)).toMatchObject({ status: 'cancelled', closedAt: t.clock.now() });
    expect(offerOf(cancelled, ana!.id).state).toBe('accepted');
    // Ana said YES and may be on her way: she is told too.
    expect(textsTo(t, ana!).at(-1)).toBe(
      `Offer ${offerOf(cancelled, ana!.id).code} is cancelled. Thank you!`,
    );
    for (const p of [beto!, cruz!, dora!]) {
      expect(offerOf(cancelled, p.id).state).toBe('superseded');
      expect(textsTo(t, p).at(-1)).toBe(`Offer ${offerOf(cancelled, p.id).code} is cancelled. Thank you!`);
    }
    expect(textsTo(t, bob).at(-1)).toBe(`La oferta ${offerOf(cancelled, bob.id).code} se cancelo. Gracias!`);
    expect(eventRows(t, 'dispatch.cancelled')).toHaveLength(1);

    expect(await reply(n, beto!, `YES ${offerOf(d, beto!.id).code}`)).toBe(
      `Offer ${offerOf(d, beto!.id).code} is covered now, thank you! No need to go.`,
    );
    const sent = outbound(t).length;
    await elapse(t, 60 * MINUTE);
    expect(await getDispatch(n, d.id)).toEqual(cancelled);
    expect(outbound(t)).toHaveLength(sent);

    const again = await cancelDispatch(n, d.id);
    expect(again.statusCode).toBe(200);
    expect(outbound(t)).toHaveLength(sent);
    expect((await addToDispatch(n, d.id, { count: 1 })).json().error.code).toBe('dispatch_cancelled');
  });

  it('adds people: the count grows, the dispatch reopens and a new wave goes to those not yet asked', async () => {
    const people = await crowd(n, 8);
    const r = await release(n);
    const d = await dispatch(n, r.id, { needed: 1 });
    t.clock.advance(2 * MINUTE);
    await reply(n, people[0]!, `YES ${offerOf(d, people[0]!.id).code}`);
    expect((await getDispatch(n, d.id)).status).toBe('filled');

    t.clock.advance(1 * MINUTE);
    const res = await addToDispatch(n, d.id, { count: 1 });
    expect(res.statusCode).toBe(200);
    const grown: DispatchView = res.json();
    expect(grown).toMatchObject({ status: 'open', needed: 2, accepted: 1 });
    const added = grown.offers.filter((o) => o.offeredAt === '2026-03-02T08:03:00-07:00');
    expect(added.map((o) => o.volunteerId)).toEqual(ids(people.slice(2, 4)));
    expect(added.every((o) => o.state === 'offered' && o.expiresAt === '2026-03-02T08:13:00-07:00')).toBe(
      true,
    );
    expect(
      offerTexts(t)
        .slice(-2)
        .map((m) => m.phone),
    ).toEqual(people.slice(2, 4).map((p) => p.phone));
    expect((await getRelease(t, n.coordinator, r.id)).status).toBe('team_en_route');

    // The first wave's expiry (08:10) must not cut the added wave short.
    await elapse(t, 7 * MINUTE);
    const mid = await getDispatch(n, d.id);
    expect(mid.offers.filter((o) => o.state === 'offered').map((o) => o.volunteerId)).toEqual(
      ids(people.slice(2, 4)),
    );
    expect(mid.offers).toHaveLength(4);

    await elapse(t, 3 * MINUTE);
    const next = await getDispatch(n, d.id);
    expect(next.offers.filter((o) => o.state === 'offered').map((o) => o.volunteerId)).toEqual(
      ids(people.slice(4, 6)),
    );
    expect(added.map((o) => offerOf(next, o.volunteerId).state)).toEqual(['expired', 'expired']);

    await reply(n, people[5]!, `YES ${offerOf(next, people[5]!.id).code}`);
    expect(await getDispatch(n, d.id)).toMatchObject({ status: 'filled', accepted: 2 });
  });

  it('gives an added dispatch a fresh deadline instead of escalating at the old one', async () => {
    await t.close();
    t = await buildDispatchApp({ env: { DISPATCH_OFFER_MINUTES: '30', DISPATCH_MAX_WAVES: '10' } });
    n = await network(t);
    const people = await crowd(n, 10);
    const d = await dispatch(n, (await release(n)).id, { needed: 1 });
    await reply(n, people[0]!, `YES ${offerOf(d, people[0]!.id).code}`);

    t.clock.advance(20 * MINUTE);
    const grown: DispatchView = (await addToDispatch(n, d.id, { count: 1 })).json();
    expect(grown.deadlineAt).toBe('2026-03-02T09:05:00-07:00');

    await elapse(t, 25 * MINUTE); // 08:45, the first deadline
    expect(await getDispatch(n, d.id)).toMatchObject({ status: 'open' });
    expect(pages(t)).toEqual([]);

    await elapse(t, 20 * MINUTE); // 09:05
    expect(await getDispatch(n, d.id)).toMatchObject({ status: 'escalated', accepted: 1, needed: 2 });
    expect(pages(t)).toHaveLength(1);
  });

  it('reopens an escalated dispatch when people are added, with a full set of waves', async () => {
    const people = await crowd(n, 12);
    const d = await dispatch(n, (await release(n)).id, { needed: 1 });
    await elapse(t, 10 * MINUTE);
    await elapse(t, 10 * MINUTE);
    await elapse(t, 10 * MINUTE);
    expect((await getDispatch(n, d.id)).status).toBe('escalated');

    const grown: DispatchView = (await addToDispatch(n, d.id, { count: 1 })).json();
    expect(grown).toMatchObject({ status: 'open', needed: 2 });
    const open = grown.offers.filter((o) => o.state === 'offered').map((o) => o.volunteerId);
    expect(open).toEqual(ids(people.slice(6, 10)));
    await elapse(t, 10 * MINUTE);
    expect((await getDispatch(n, d.id)).status).toBe('open');
    expect(eventRows(t, 'dispatch.escalated')).toHaveLength(1);
  });

  it('dispatches again for the same release, leaving out those already on their way', async () => {
    const [ana, beto, cruz] = await crowd(n, 3);
    const r = await release(n);
    const first = await dispatch(n, r.id, { needed: 1 });
    await reply(n, ana!, `YES ${offerOf(first, ana!.id).code}`);
    const second = await dispatch(n, r.id, { needed: 1 });
    expect(waveOf(second, 1)).toEqual([beto!.id, cruz!.id]);
    await reply(n, cruz!, `YES ${offerOf(second, cruz!.id).code}`);
    expect((await getRelease(t, n.coordinator, r.id)).status).toBe('team_en_route');
    const list = await t.call(n.coordinator, { method: 'GET', url: `/api/releases/${r.id}/dispatches` });
    expect(list.json().items.map((x: DispatchView) => [x.id, x.status, x.accepted])).toEqual([
      [first.id, 'filled', 1],
      [second.id, 'filled', 1],
    ]);
  });
});

describe('waves across a restart', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-dispatch-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const withApp = <T>(file: string, clock: FakeClock, fn: (t: TestApp) => Promise<T>) =>
    withAppOn(file, clock, fn, buildDispatchApp);

  it('sends the next wave once after a restart, and no offer twice', async () => {
    const file = path.join(dir, 'bienvenida.db');
    const clock = new FakeClock('2026-03-02T15:00:00Z');
    const before = await withApp(file, clock, async (t) => {
      const n = await network(t);
      const people = await crowd(n, 6);
      const d = await dispatch(n, (await release(n)).id, { needed: 1 });
      await t.app.core.scheduler.runDue();
      expect(offerTexts(t)).toHaveLength(2);
      return { n, people, id: d.id };
    });

    clock.advance(10 * MINUTE);
    await withApp(file, clock, async (t) => {
      const n = { ...before.n, t };
      await t.app.core.scheduler.runDue();
      await t.app.core.scheduler.runDue();
      const d = await getDispatch(n, before.id);
      expect(d.wave).toBe(2);
      expect(waveOf(d, 2)).toEqual(ids(before.people.slice(2, 4)));
      expect(offerTexts(t).map((m) => m.phone)).toEqual(before.people.slice(0, 4).map((p) => p.phone));
      expect(jobRows(t, 'dispatch.wave_expired').map((j) => [j.payload.wave, j.doneAt !== null])).toEqual([
        [1, true],
        [2, false],
      ]);
    });

    clock.advance(MINUTE);
    await withApp(file, clock, async (t) => {
      const n = { ...before.n, t };
      await t.app.core.scheduler.runDue();
      const d = await getDispatch(n, before.id);
      expect(d.offers).toHaveLength(4);
      expect(offerTexts(t)).toHaveLength(4);
      expect(eventRows(t, 'dispatch.offer_sent')).toHaveLength(4);
      const person = before.people[3]!;
      expect(await reply(n, person, `YES ${offerOf(d, person.id).code}`)).toMatch(/^Confirmed /);
      expect((await getDispatch(n, before.id)).status).toBe('filled');
    });
  });
});
