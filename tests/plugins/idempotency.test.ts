import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idempotencyKeys, sites } from '../../db/schema';
import { findKey } from '../../server/infra/idempotency.repo';
import { buildTestApp, type TestApp } from '../helpers/app';
import { eventRows, signedInUser } from '../helpers/fixtures';

describe('Idempotency-Key on creating POSTs', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  function postSite(cookie: string, key: string | undefined, payload: unknown) {
    return t.call(cookie, {
      method: 'POST',
      url: '/api/sites',
      headers: key === undefined ? {} : { 'idempotency-key': key },
      payload: payload as Record<string, unknown>,
    });
  }

  const siteEvents = () => eventRows(t, 'site.created');

  it('answers a repeat with the first status and body, and creates one site', async () => {
    const first = await postSite(coordinator, 'k-1', { name: 'Greyhound', kind: 'bus_station' });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const again = await postSite(coordinator, 'k-1', { name: 'Greyhound', kind: 'bus_station' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    expect(again.json()).toEqual(first.json());

    expect(t.db.select().from(sites).all()).toHaveLength(1);
    expect(siteEvents()).toHaveLength(1);
  });

  it('creates a new record for each request without a key', async () => {
    // Two identical releases (site names are unique, releases are not): no key, no replay.
    const site = (await postSite(coordinator, undefined, { name: 'A', kind: 'other' })).json();
    const post = () =>
      t.call(coordinator, {
        method: 'POST',
        url: '/api/releases',
        payload: { siteId: site.id, adults: 1, children: 0 },
      });
    const [first, second] = [await post(), await post()];
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.json().id).not.toBe(first.json().id);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
  });

  it('refuses the same key with a different body with 409 idempotency_key_reused', async () => {
    expect((await postSite(coordinator, 'k-2', { name: 'A', kind: 'other' })).statusCode).toBe(201);
    const reused = await postSite(coordinator, 'k-2', { name: 'B', kind: 'other' });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('idempotency_key_reused');
    expect(
      t.db
        .select()
        .from(sites)
        .all()
        .map((s) => s.name),
    ).toEqual(['A']);
  });

  it('does not burn the key on a failed attempt: a corrected retry with it creates the site', async () => {
    const bad = await postSite(coordinator, 'k-3', { name: 'A', kind: 'castle' });
    expect(bad.statusCode).toBe(400);
    const fixed = await postSite(coordinator, 'k-3', { name: 'A', kind: 'other' });
    expect(fixed.statusCode).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
    expect(t.db.select().from(sites).all()).toHaveLength(1);
  });

  it('does not keep a refused answer: a retry after a 409 conflict runs again', async () => {
    const taken = await postSite(coordinator, undefined, { name: 'A', kind: 'other', smsKeyword: 'AIR' });
    expect(taken.statusCode).toBe(201);
    const refused = await postSite(coordinator, 'k-4', { name: 'B', kind: 'other', smsKeyword: 'AIR' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('duplicate_sms_keyword');
    const retried = await postSite(coordinator, 'k-4', { name: 'B', kind: 'other', smsKeyword: 'AIR' });
    expect(retried.statusCode).toBe(409);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
  });

  it('keeps keys per user: another user with the same key creates their own site', async () => {
    const other = await t.signIn('coordinator');
    const mine = await postSite(coordinator, 'shared', { name: 'A', kind: 'other' });
    // The same key would refuse a different body from the same user; from another user it is theirs.
    const theirs = await postSite(other, 'shared', { name: 'B', kind: 'other' });
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().id).not.toBe(mine.json().id);
    expect(t.db.select().from(sites).all()).toHaveLength(2);
  });

  it('creates exactly one site for 10 concurrent requests with one key, all answering 201 with its id', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => postSite(coordinator, 'burst', { name: 'Burst', kind: 'other' })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const ids = new Set(responses.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    expect(t.db.select().from(sites).all()).toHaveLength(1);
    expect(siteEvents()).toHaveLength(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
  });

  it('refuses to carry out twice a request whose answer was lost when the server stopped after its commit', async () => {
    const me = await signedInUser(t, coordinator);
    const first = await postSite(coordinator, 'k-lost', { name: 'A', kind: 'other' });
    expect(first.statusCode).toBe(201);
    // The answer is written without waiting for the disk; power lost before the next flush leaves the
    // command's own mark of the key and no answer.
    t.db
      .update(idempotencyKeys)
      .set({ statusCode: null, response: null, completedAt: null })
      .where(eq(idempotencyKeys.key, 'k-lost'))
      .run();
    expect(findKey(t.db, `user:${me.id}`, 'k-lost')?.completedAt).toBeNull();

    const retry = await postSite(coordinator, 'k-lost', { name: 'A', kind: 'other' });
    expect(retry.statusCode).toBe(409);
    expect(retry.json().error.code).toBe('idempotency_answer_lost');
    expect(t.db.select().from(sites).all()).toHaveLength(1);
  });

  it('keeps the mark in the same transaction as the command: a refused command leaves no trace of the key', async () => {
    const me = await signedInUser(t, coordinator);
    await postSite(coordinator, undefined, { name: 'A', kind: 'other', smsKeyword: 'AIR' });
    const refused = await postSite(coordinator, 'k-roll', { name: 'B', kind: 'other', smsKeyword: 'AIR' });
    expect(refused.statusCode).toBe(409);
    expect(findKey(t.db, `user:${me.id}`, 'k-roll')).toBeNull();
  });

  it.each([
    ['300 characters', 'k'.repeat(300)],
    ['a space', 'has space'],
    ['an empty string', ''],
  ])('refuses a key of %s with 400 naming headers.idempotency-key, and creates nothing', async (_, key) => {
    const res = await postSite(coordinator, key, { name: 'A', kind: 'other' });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation');
    expect(error.details.map((d: { path: string }) => d.path)).toEqual(['headers.idempotency-key']);
    expect(t.db.select().from(sites).all()).toHaveLength(0);
  });
});
