import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers/app';
import { moveRelease } from '../../helpers/fixtures';
import {
  buildDispatchApp,
  cancelDispatch,
  dispatch,
  type Network,
  network,
  offerOf,
  release,
  reply,
  volunteer,
} from './dispatch.helpers';

describe('GET /api/dispatches?release=open (the board in one request)', () => {
  let t: TestApp;
  let n: Network;
  beforeEach(async () => {
    t = await buildDispatchApp();
    n = await network(t);
  });
  afterEach(() => t.close());

  const board = (cookie = n.coordinator) =>
    t.call(cookie, { method: 'GET', url: '/api/dispatches?release=open' });

  it('sums up every open release’s dispatches, cancelled ones too, and leaves out closed releases', async () => {
    const ana = await volunteer(n, { name: 'Ana Lopez' });
    await volunteer(n, { name: 'Beto Ruiz' });
    const first = await release(n);
    const second = await release(n);
    const gone = await release(n);
    const quiet = await release(n);
    const sent = await dispatch(n, first.id, { needed: 2 });
    await reply(n, ana, `YES ${offerOf(sent, ana.id).code}`);
    const dropped = await dispatch(n, second.id, { needed: 1 });
    expect((await cancelDispatch(n, dropped.id)).statusCode).toBe(200);
    const old = await dispatch(n, gone.id, { needed: 1 });
    expect((await moveRelease(t, n.coordinator, gone.id, 'cancelled')).statusCode).toBe(200);

    const res = await board();
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: number; releaseId: number }[];
    expect(items).toEqual([
      { id: sent.id, releaseId: first.id, status: 'open', needed: 2, accepted: 1 },
      { id: dropped.id, releaseId: second.id, status: 'cancelled', needed: 1, accepted: 0 },
    ]);
    expect(items.map((d) => d.id)).not.toContain(old.id);
    expect(items.map((d) => d.releaseId)).not.toContain(quiet.id);
  });

  it('agrees with each release’s own dispatches, without names or replies', async () => {
    const people = [await volunteer(n, { name: 'Ana Lopez' }), await volunteer(n, { name: 'Beto Ruiz' })];
    const r = await release(n);
    const d = await dispatch(n, r.id, { needed: 2 });
    await reply(n, people[0]!, `YES ${offerOf(d, people[0]!.id).code} on my way`);
    await reply(n, people[1]!, `NO ${offerOf(d, people[1]!.id).code}`);
    const own = (
      await t.call(n.coordinator, { method: 'GET', url: `/api/releases/${r.id}/dispatches` })
    ).json().items[0];
    const [summary] = (await board(await t.signIn('viewer'))).json().items;
    expect(summary).toEqual({
      id: own.id,
      releaseId: r.id,
      status: own.status,
      needed: own.needed,
      accepted: own.accepted,
    });
    expect(JSON.stringify(summary)).not.toContain('Ana');
  });

  it('answers 400 when not asked for the open releases', async () => {
    const res = await t.call(n.coordinator, { method: 'GET', url: '/api/dispatches?release=all' });
    expect(res.statusCode).toBe(400);
    expect((await t.call(n.coordinator, { method: 'GET', url: '/api/dispatches' })).statusCode).toBe(400);
  });
});
