import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers/app';
import { smsRows, walk } from '../../helpers/fixtures';
import {
  buildDispatchApp,
  crowd,
  dispatch,
  network,
  offerOf,
  release,
  reply,
} from '../dispatch/dispatch.helpers';
import { addHousingSite, place } from './housing.helpers';

const BED_ADDRESS = '1600 Grant St';

describe('the address of tonight’s bed', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildDispatchApp();
  });
  afterEach(() => t.close());

  it('reaches the volunteer who accepted, in their confirmation, and no other text', async () => {
    const n = await network(t);
    const people = await crowd(n, 4, 'es');
    const r = await release(n);
    await walk(t, n.coordinator, r.id, ['met']);
    const hall = await addHousingSite(t, n.coordinator, {
      name: 'St. Mark hall',
      address: BED_ADDRESS,
      beds: 10,
    });
    const stay = await place(t, n.coordinator, {
      housingSiteId: hall.id,
      releaseId: r.id,
      people: 5,
      checkIn: '2026-03-02',
      nights: 1,
    });
    expect(stay.statusCode).toBe(201);
    const d = await dispatch(n, r.id, { needed: 1 });
    const first = people.find((p) => d.offers.some((o) => o.volunteerId === p.id))!;
    const answer = await reply(n, first, `SI ${offerOf(d, first.id).code}`);
    expect(answer).toContain(`Cama esta noche: St. Mark hall, ${BED_ADDRESS}.`);
    const elsewhere = smsRows(t).filter((m) => m.body.includes(BED_ADDRESS));
    expect(elsewhere.map((m) => m.phone)).toEqual([first.phone]);
  });

  it('is not in a confirmation when the group has no bed tonight', async () => {
    const n = await network(t);
    const people = await crowd(n, 2);
    const r = await release(n);
    const d = await dispatch(n, r.id, { needed: 1 });
    const first = people.find((p) => d.offers.some((o) => o.volunteerId === p.id))!;
    const answer = await reply(n, first, `YES ${offerOf(d, first.id).code}`);
    expect(answer).toMatch(/^Confirmed /);
    expect(answer).not.toContain('Bed tonight');
  });
});
