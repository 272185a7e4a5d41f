import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../server/lib/clock';
import type { TestApp } from '../../helpers/app';
import { addShift, addSite, screen, signUp } from '../../helpers/fixtures';
import {
  buildDispatchApp,
  cancelDispatch,
  candidates,
  dispatch,
  getDispatch,
  type Network,
  network,
  offerOf,
  offerTexts,
  onShiftNow,
  type Person,
  release,
  reply,
  storedDispatch,
  volunteer,
} from './dispatch.helpers';

describe('who may be asked', () => {
  let t: TestApp;
  let n: Network;
  beforeEach(async () => {
    t = await buildDispatchApp();
    n = await network(t);
  });
  afterEach(() => t.close());

  it('lists every exclusion with its reason and never texts an excluded volunteer, wave after wave', async () => {
    // Screened exactly SCREENING_VALID_HOURS ago: no longer clear.
    const stale = await volunteer(n, { name: 'Stale Screen' });
    t.clock.advance(24 * HOUR);
    n.coordinator = await t.signIn('coordinator');

    const busy = await volunteer(n, { name: 'Busy Elsewhere' });
    const other = await release(n);
    const first = await dispatch(n, other.id, { needed: 1 });
    expect(first.offers.map((o) => o.volunteerId)).toEqual([busy.id]);
    expect(await reply(n, busy, `YES ${offerOf(first, busy.id).code}`)).toMatch(/^Confirmed /);

    const paused = await volunteer(n, { name: 'Paused Person', active: false });
    const optedOut = await volunteer(n, { name: 'Opted Out' });
    expect(await reply(n, optedOut, 'STOP')).toMatch(/no more texts/);
    const unscreened = await volunteer(n, { name: 'Never Screened', screened: false });
    const isolating = await volunteer(n, { name: 'Isolating Now', screened: false });
    expect((await screen(t, n.coordinator, isolating.id, { symptoms: true })).json()).toMatchObject({
      result: 'isolate',
    });
    const highRisk = await volunteer(n, { name: 'High Risk', highRisk: true });
    const asked1 = await volunteer(n, { name: 'Asked One' });
    const asked2 = await volunteer(n, { name: 'Asked Two' });
    const spare = await volunteer(n, { name: 'Spare Three' });

    const target = await release(n);
    const d = await dispatch(n, target.id, { needed: 1 });
    expect(d.offers.map((o) => o.volunteerId)).toEqual([asked1.id, asked2.id]);

    const byId = new Map((await candidates(n, d.id)).map((c) => [c.volunteerId, c]));
    const expected: Array<[Person, string[]]> = [
      [stale, ['screening_missing']],
      [busy, ['busy']],
      [paused, ['inactive']],
      [optedOut, ['opted_out']],
      [unscreened, ['screening_missing']],
      [isolating, ['isolating']],
      [highRisk, ['high_risk']],
      [asked1, ['already_asked']],
      [asked2, ['already_asked']],
    ];
    for (const [person, reasons] of expected) {
      expect(byId.get(person.id), person.name).toMatchObject({
        eligible: false,
        excludedBecause: reasons,
        rank: null,
      });
    }
    expect(byId.get(spare.id)).toMatchObject({ eligible: true, excludedBecause: [], rank: 1 });
    expect(byId.size).toBe(10);

    // Both say no: the next wave goes at once, to the only one left; then nobody is left.
    await reply(n, asked1, `NO ${offerOf(d, asked1.id).code}`);
    await reply(n, asked2, `NO ${offerOf(d, asked2.id).code}`);
    const second = await getDispatch(n, d.id);
    expect(second.offers.map((o) => [o.volunteerId, o.wave])).toEqual([
      [asked1.id, 1],
      [asked2.id, 1],
      [spare.id, 2],
    ]);
    await reply(n, spare, `NO ${offerOf(second, spare.id).code}`);
    expect((await getDispatch(n, d.id)).status).toBe('escalated');
    expect(storedDispatch(t, d.id)).toMatchObject({ status: 'escalated', closedAt: t.clock.now() });

    const offered = new Set(offerTexts(t).map((m) => m.phone));
    expect([...offered].sort()).toEqual([busy.phone, asked1.phone, asked2.phone, spare.phone].sort());
  });

  it('sees every change to the roster, screening and opt-outs at once', async () => {
    const d = await dispatch(n, (await release(n, { languages: ['es'] })).id, { needed: 1 });
    expect(d.status).toBe('escalated');
    const ana = await volunteer(n, { name: 'Ana Lopez' });
    const state = async () => {
      const c = (await candidates(n, d.id)).find((x) => x.volunteerId === ana.id)!;
      return [c.excludedBecause, c.why];
    };
    const patch = async (payload: Record<string, unknown>) => {
      const res = await t.call(n.coordinator, { method: 'PATCH', url: `/api/volunteers/${ana.id}`, payload });
      expect(res.statusCode).toBe(200);
    };
    expect(await state()).toEqual([[], 'off shift']);
    await patch({ active: false });
    expect(await state()).toEqual([['inactive'], 'off shift']);
    await patch({ active: true, highRisk: true });
    expect(await state()).toEqual([['high_risk'], 'off shift']);
    await patch({ highRisk: false, languages: ['es'] });
    expect(await state()).toEqual([[], 'off shift · speaks es']);
    await reply(n, ana, 'STOP');
    expect(await state()).toEqual([['opted_out'], 'off shift · speaks es']);
    await reply(n, ana, 'START');
    expect(await state()).toEqual([[], 'off shift · speaks es']);
    await onShiftNow(n, n.siteId, [ana]);
    expect(await state()).toEqual([[], 'on shift here · speaks es']);
    await reply(n, ana, 'SICK');
    expect(await state()).toEqual([['isolating'], 'on shift here · speaks es']);
  });

  it('counts a screen as clear until just before SCREENING_VALID_HOURS have passed', async () => {
    const ana = await volunteer(n, { name: 'Ana Lopez' });
    t.clock.advance(24 * HOUR - 60_000);
    n.coordinator = await t.signIn('coordinator');
    const d = await dispatch(n, (await release(n)).id, { needed: 1 });
    expect(d.offers.map((o) => o.volunteerId)).toEqual([ana.id]);
  });

  it('no longer counts a volunteer busy once their dispatch is cancelled', async () => {
    const ana = await volunteer(n, { name: 'Ana Lopez' });
    const first = await release(n);
    const d1 = await dispatch(n, first.id, { needed: 1 });
    await reply(n, ana, `YES ${offerOf(d1, ana.id).code}`);

    const second = await release(n);
    const d2 = await dispatch(n, second.id, { needed: 1 });
    expect(d2.status).toBe('escalated');
    expect((await candidates(n, d2.id))[0]).toMatchObject({ volunteerId: ana.id, excludedBecause: ['busy'] });

    expect((await cancelDispatch(n, d1.id)).statusCode).toBe(200);
    expect((await candidates(n, d2.id))[0]).toMatchObject({ volunteerId: ana.id, eligible: true, rank: 1 });
  });

  it('frees a volunteer whose release was cancelled after they accepted', async () => {
    const ana = await volunteer(n, { name: 'Ana Lopez' });
    const first = await release(n);
    const d1 = await dispatch(n, first.id, { needed: 1 });
    await reply(n, ana, `YES ${offerOf(d1, ana.id).code}`);
    const closed = await t.call(n.coordinator, {
      method: 'POST',
      url: `/api/releases/${first.id}/status`,
      payload: { status: 'cancelled' },
    });
    expect(closed.statusCode).toBe(200);
    const d2 = await dispatch(n, (await release(n)).id, { needed: 1 });
    expect(d2.offers.map((o) => o.volunteerId)).toEqual([ana.id]);
  });
});

describe('ranking', () => {
  let t: TestApp;
  let n: Network;
  beforeEach(async () => {
    t = await buildDispatchApp();
    n = await network(t);
  });
  afterEach(() => t.close());

  it('puts on shift here before on shift elsewhere before off shift, the full match first in each band', async () => {
    const airport = await addSite(t, n.coordinator, { name: 'Airport' });
    // Created worst first, with names in reverse order, so neither id nor name can explain the order.
    const offPlain = await volunteer(n, { name: 'A Off Plain' });
    const offDriver = await volunteer(n, { name: 'B Off Driver', skills: ['driver'] });
    const offSpanish = await volunteer(n, { name: 'C Off Spanish', languages: ['es'] });
    const offMatch = await volunteer(n, { name: 'D Off Match', languages: ['es', 'en'], skills: ['driver'] });
    const elsePlain = await volunteer(n, { name: 'E Else Plain' });
    const elseMatch = await volunteer(n, {
      name: 'F Else Match',
      languages: ['ES'],
      skills: ['driver', 'medical'],
    });
    const herePlain = await volunteer(n, { name: 'G Here Plain', languages: ['en'] });
    const hereMatch = await volunteer(n, { name: 'H Here Match', languages: ['es'], skills: ['driver'] });
    await onShiftNow(n, n.siteId, [herePlain, hereMatch]);
    await onShiftNow(n, airport.id, [elsePlain, elseMatch]);

    const r = await release(n, { languages: ['es'] });
    const d = await dispatch(n, r.id, { needed: 1, skills: ['driver'] });
    expect(d.languages).toEqual(['es']);
    expect(d.offers.map((o) => [o.volunteerId, o.reason])).toEqual([
      [hereMatch.id, 'on shift here · speaks es · driver'],
      [herePlain.id, 'on shift here'],
    ]);

    const ranked = (await candidates(n, d.id)).filter((c) => c.eligible);
    expect(ranked.map((c) => [c.rank, c.volunteerId, c.band, c.why])).toEqual([
      [1, elseMatch.id, 'on_shift_elsewhere', 'on shift elsewhere · speaks es · driver'],
      [2, elsePlain.id, 'on_shift_elsewhere', 'on shift elsewhere'],
      [3, offMatch.id, 'off_shift', 'off shift · speaks es · driver'],
      [4, offSpanish.id, 'off_shift', 'off shift · speaks es'],
      [5, offDriver.id, 'off_shift', 'off shift · driver'],
      [6, offPlain.id, 'off_shift', 'off shift'],
    ]);
  });

  it('wants every requested language: speaking one of two ranks below speaking both', async () => {
    const one = await volunteer(n, { name: 'A Speaks One', languages: ['es'] });
    const both = await volunteer(n, { name: 'B Speaks Both', languages: ['mam', 'es'] });
    const none = await volunteer(n, { name: 'C Speaks None' });
    const d = await dispatch(n, (await release(n)).id, { needed: 1, languages: ['es', 'mam'] });
    expect(d.offers.map((o) => [o.volunteerId, o.reason])).toEqual([
      [both.id, 'off shift · speaks es · speaks mam'],
      [one.id, 'off shift · speaks es'],
    ]);
    expect((await candidates(n, d.id)).find((c) => c.eligible)).toMatchObject({
      volunteerId: none.id,
      rank: 1,
    });
  });

  it('counts a shift that has not begun, or has ended, as off shift', async () => {
    const ended = await volunteer(n, { name: 'A Ended' });
    const later = await volunteer(n, { name: 'B Later' });
    const now = await volunteer(n, { name: 'C Now' });
    const morning = await addShift(t, n.coordinator, {
      siteId: n.siteId,
      startsAt: '2026-03-02T07:00',
      endsAt: '2026-03-02T08:05',
    });
    const midday = await addShift(t, n.coordinator, {
      siteId: n.siteId,
      startsAt: '2026-03-02T08:20',
      endsAt: '2026-03-02T12:00',
    });
    expect((await signUp(t, n.coordinator, morning.id, ended.id)).statusCode).toBe(201);
    expect((await signUp(t, n.coordinator, midday.id, later.id)).statusCode).toBe(201);
    await onShiftNow(n, n.siteId, [now]);
    t.clock.advance(10 * MINUTE); // 08:10: the morning shift is over, the midday one not begun

    const d = await dispatch(n, (await release(n)).id, { needed: 1 });
    expect(d.offers.map((o) => o.volunteerId)).toEqual([now.id, ended.id]);
    expect(offerOf(d, ended.id).reason).toBe('off shift');
    expect((await candidates(n, d.id)).find((c) => c.volunteerId === later.id)).toMatchObject({
      band: 'off_shift',
      rank: 1,
    });
  });
});
