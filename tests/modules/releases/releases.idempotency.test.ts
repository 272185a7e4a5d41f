import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { addSite, auditRows, eventRows, postRelease } from '../../helpers/fixtures';
import { releaseRows, timelineRows } from './releases.helpers';

describe('Idempotency-Key on POST /api/releases', () => {
  let t: TestApp;
  let coordinator: string;
  let siteId: number;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
    siteId = (await addSite(t, coordinator)).id;
  });
  afterEach(() => t.close());

  const body = () => ({ siteId, adults: 4, children: 2, languages: ['es'], needs: ['water'] });

  it('makes one release from 10 concurrent retries with one key, every answer 201 with its id and code', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => postRelease(t, coordinator, body(), { 'idempotency-key': 'tap-tap' })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
    expect(new Set(responses.map((r) => r.json().code))).toEqual(new Set(['R-0001']));
    expect(releaseRows(t)).toHaveLength(1);
    expect(timelineRows(t)).toHaveLength(1);
    expect(auditRows(t, 'release.created')).toHaveLength(1);
    expect(eventRows(t, 'release.created')).toHaveLength(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
  });

  it('answers a later retry with the first answer', async () => {
    const first = await postRelease(t, coordinator, body(), { 'idempotency-key': 'k-1' });
    const again = await postRelease(t, coordinator, body(), { 'idempotency-key': 'k-1' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(releaseRows(t)).toHaveLength(1);
  });

  it('refuses the same key with another body with 409 idempotency_key_reused', async () => {
    expect((await postRelease(t, coordinator, body(), { 'idempotency-key': 'k-2' })).statusCode).toBe(201);
    const reused = await postRelease(t, coordinator, { ...body(), adults: 5 }, { 'idempotency-key': 'k-2' });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('idempotency_key_reused');
    expect(releaseRows(t).map((r) => r.adults)).toEqual([4]);
  });

  it('lets a retry with the key through after a refused attempt, and makes one release', async () => {
    const refused = await postRelease(
      t,
      coordinator,
      { ...body(), siteId: 999 },
      { 'idempotency-key': 'k-3' },
    );
    expect(refused.statusCode).toBe(400);
    const fixed = await postRelease(t, coordinator, body(), { 'idempotency-key': 'k-3' });
    expect(fixed.statusCode).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
    expect(releaseRows(t)).toHaveLength(1);
  });

  it('makes a release for each request without a key', async () => {
    await postRelease(t, coordinator, body());
    await postRelease(t, coordinator, body());
    expect(releaseRows(t).map((r) => r.code)).toEqual(['R-0001', 'R-0002']);
  });
});
