import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers/app';
import { auditRows, eventRows, moveRelease, walk } from '../../helpers/fixtures';
import {
  addToDispatch,
  buildDispatchApp,
  cancelDispatch,
  type DispatchView,
  dispatch,
  type Network,
  network,
  offerOf,
  offerTexts,
  postDispatch,
  release,
  reply,
  volunteer,
} from './dispatch.helpers';

describe('dispatch API', () => {
  let t: TestApp;
  let n: Network;
  beforeEach(async () => {
    t = await buildDispatchApp();
    n = await network(t);
  });
  afterEach(() => t.close());

  it('answers 201 with the dispatch, its offers and the release languages by default', async () => {
    const ana = await volunteer(n, { name: 'Ana Lopez', languages: ['es'] });
    const r = await release(n, { languages: ['es', 'mam'] });
    const res = await postDispatch(n, r.id, { needed: 1, skills: ['driver'] });
    expect(res.statusCode).toBe(201);
    const body: DispatchView = res.json();
    expect(body).toEqual({
      id: expect.any(Number),
      releaseId: r.id,
      status: 'open',
      needed: 1,
      accepted: 0,
      languages: ['es', 'mam'],
      skills: ['driver'],
      wave: 1,
      deadlineAt: '2026-03-02T08:45:00-07:00',
      createdAt: '2026-03-02T08:00:00-07:00',
      offers: [
        {
          id: expect.any(Number),
          volunteerId: ana.id,
          name: 'Ana Lopez',
          code: expect.stringMatching(/^\d{4}$/),
          state: 'offered',
          wave: 1,
          reason: 'off shift · speaks es',
          etaMinutes: null,
          replyText: null,
          unclear: false,
          offeredAt: '2026-03-02T08:00:00-07:00',
          expiresAt: '2026-03-02T08:10:00-07:00',
          respondedAt: null,
        },
      ],
    });
    const again = await t.call(n.coordinator, { method: 'GET', url: `/api/dispatches/${body.id}` });
    expect(again.json()).toEqual(body);
  });

  it('writes the dispatch events and audit lines', async () => {
    const ana = await volunteer(n, { name: 'Ana Lopez' });
    const beto = await volunteer(n, { name: 'Beto Ruiz' });
    const r = await release(n);
    const d = await dispatch(n, r.id, { needed: 1 });
    expect(eventRows(t, 'dispatch.created').map((e) => e.data)).toEqual([
      { id: d.id, releaseId: r.id, needed: 1 },
    ]);
    expect(eventRows(t, 'dispatch.offer_sent').map((e) => e.data)).toEqual([
      { dispatchId: d.id, releaseId: r.id, volunteerId: ana.id, wave: 1 },
      { dispatchId: d.id, releaseId: r.id, volunteerId: beto.id, wave: 1 },
    ]);
    await reply(n, ana, `YES ${offerOf(d, ana.id).code} 12`);
    expect(eventRows(t, 'dispatch.offer_accepted').map((e) => e.data)).toEqual([
      { dispatchId: d.id, releaseId: r.id, volunteerId: ana.id, etaMinutes: 12 },
    ]);
    expect(eventRows(t, 'dispatch.filled').map((e) => e.data)).toEqual([{ id: d.id, releaseId: r.id }]);
    expect(eventRows(t, 'release.status').map((e) => e.data)).toMatchObject([
      { id: r.id, from: 'reported', to: 'team_en_route' },
    ]);
    expect(auditRows(t, 'dispatch.created')).toMatchObject([
      {
        entity: 'dispatch',
        entityId: d.id,
        userId: n.coordinatorId,
        changes: { releaseId: r.id, needed: 1 },
      },
    ]);
    expect(auditRows(t, 'dispatch.wave')).toMatchObject([
      { entityId: d.id, changes: { wave: 1, offered: 2 } },
    ]);
    expect(auditRows(t, 'dispatch.offer_accepted')).toMatchObject([
      { entityId: d.id, changes: { volunteerId: ana.id, etaMinutes: 12 } },
    ]);
  });

  it('lets a viewer read a dispatch but not create, cancel, add to it or see the candidates', async () => {
    await volunteer(n, { name: 'Ana Lopez' });
    const r = await release(n);
    const d = await dispatch(n, r.id, { needed: 1 });
    const viewer = await t.signIn('viewer');
    const medical = await t.signIn('medical');
    for (const cookie of [viewer, medical]) {
      expect((await t.call(cookie, { method: 'GET', url: `/api/dispatches/${d.id}` })).statusCode).toBe(200);
      expect(
        (await t.call(cookie, { method: 'GET', url: `/api/releases/${r.id}/dispatches` })).statusCode,
      ).toBe(200);
      const refused = [
        await postDispatch(n, r.id, { needed: 1 }, cookie),
        await cancelDispatch(n, d.id, cookie),
        await addToDispatch(n, d.id, { count: 1 }, cookie),
        await t.call(cookie, { method: 'GET', url: `/api/dispatches/${d.id}/candidates` }),
      ];
      for (const res of refused) {
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    }
    for (const res of [
      await t.call(null, { method: 'GET', url: `/api/dispatches/${d.id}` }),
      await t.call(null, { method: 'POST', url: `/api/releases/${r.id}/dispatches`, payload: { needed: 1 } }),
    ]) {
      expect(res.statusCode).toBe(401);
    }
    expect(eventRows(t, 'dispatch.created')).toHaveLength(1);
    expect(offerTexts(t)).toHaveLength(1);
  });

  it('refuses bad bodies with 400 and the path of each problem', async () => {
    const r = await release(n);
    const bad: Array<[object, string]> = [
      [{}, 'body.needed'],
      [{ needed: 0 }, 'body.needed'],
      [{ needed: 1.5 }, 'body.needed'],
      [{ needed: 51 }, 'body.needed'],
      [{ needed: '2' }, 'body.needed'],
      [{ needed: 1, languages: 'es' }, 'body.languages'],
      [{ needed: 1, languages: [''] }, 'body.languages.0'],
      [{ needed: 1, skills: ['juggler'] }, 'body.skills.0'],
    ];
    for (const [payload, path] of bad) {
      const res = await postDispatch(n, r.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('validation');
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const d = await dispatch(n, r.id, { needed: 1 });
    for (const payload of [{}, { count: 0 }, { count: -1 }, { count: 51 }]) {
      const res = await addToDispatch(n, d.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await t.call(n.coordinator, { method: 'GET', url: '/api/dispatches/abc' })).statusCode).toBe(400);
    expect(eventRows(t, 'dispatch.created')).toHaveLength(1);
  });

  it('answers 404 for an unknown release or dispatch', async () => {
    const missing = [
      await postDispatch(n, 999, { needed: 1 }),
      await t.call(n.coordinator, { method: 'GET', url: '/api/dispatches/999' }),
      await t.call(n.coordinator, { method: 'GET', url: '/api/dispatches/999/candidates' }),
      await cancelDispatch(n, 999),
      await addToDispatch(n, 999, { count: 1 }),
    ];
    for (const res of missing) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
  });

  it('refuses a closed or cancelled release with 409 release_closed', async () => {
    await volunteer(n, { name: 'Ana Lopez' });
    const closed = await release(n);
    await walk(t, n.coordinator, closed.id, ['met', 'closed']);
    const cancelled = await release(n);
    expect((await moveRelease(t, n.coordinator, cancelled.id, 'cancelled')).statusCode).toBe(200);
    for (const r of [closed, cancelled]) {
      const res = await postDispatch(n, r.id, { needed: 1 });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('release_closed');
    }
    expect(eventRows(t, 'dispatch.created')).toHaveLength(0);
    expect(offerTexts(t)).toHaveLength(0);
  });

  it('creates one dispatch for a repeated Idempotency-Key', async () => {
    await volunteer(n, { name: 'Ana Lopez' });
    const r = await release(n);
    const send = () =>
      t.call(n.coordinator, {
        method: 'POST',
        url: `/api/releases/${r.id}/dispatches`,
        payload: { needed: 1 },
        headers: { 'idempotency-key': 'dispatch-once' },
      });
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect(eventRows(t, 'dispatch.created')).toHaveLength(1);
    expect(offerTexts(t)).toHaveLength(1);
  });
});
