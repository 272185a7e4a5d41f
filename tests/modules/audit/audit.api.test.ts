import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../../server/lib/clock';
import { buildTestApp, type TestApp, type TestSession } from '../../helpers/app';
import { addSite, auditRows } from '../../helpers/fixtures';

interface Line {
  id: number;
  at: string;
  userId: number | null;
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  changes: Record<string, unknown> | null;
}

describe('audit API', () => {
  let t: TestApp;
  let admin: TestSession;
  beforeEach(async () => {
    t = await buildTestApp();
    admin = await t.session('admin');
  });
  afterEach(() => t.close());

  async function read(query = ''): Promise<{ items: Line[]; nextBefore: number | null }> {
    const res = await t.call(admin.cookie, { method: 'GET', url: `/api/audit${query}` });
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  /** The id of a new site of kind other. */
  const siteBy = async (cookie: string, name: string) =>
    (await addSite(t, cookie, { name, kind: 'other' })).id;
  const auditCount = () => auditRows(t).length;

  it('lists every change newest first, with who did it by name and email', async () => {
    const coordinator = await t.session('coordinator');
    t.clock.advance(HOUR);
    const first = await siteBy(coordinator.cookie, 'Bus station');
    t.clock.advance(HOUR);
    const second = await siteBy(admin.cookie, 'Warehouse');

    const { items } = await read();
    const ids = items.map((l) => l.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(items[0]).toMatchObject({
      action: 'site.created',
      entity: 'site',
      entityId: second,
      userId: admin.user.id,
      at: '2026-03-02T10:00:00-07:00',
    });
    expect(items[0]?.actor).toMatch(/^admin \d+ <admin\d+@example\.org>$/);
    expect(items[1]).toMatchObject({ action: 'site.created', entityId: first, userId: coordinator.user.id });
    expect(items[1]?.actor).toBe(
      `coordinator ${coordinator.user.email.match(/\d+/)![0]} <${coordinator.user.email}>`,
    );
    expect(items[1]?.changes).toMatchObject({ name: 'Bus station', kind: 'other' });

    // Work done by the system itself is labelled as such.
    const made = items.find((l) => l.action === 'user.created' && l.entityId === coordinator.user.id);
    expect(made).toMatchObject({ userId: null, actor: 'system' });
  });

  it('filters by action, entity, entityId and userId', async () => {
    const coordinator = await t.session('coordinator');
    const a = await siteBy(coordinator.cookie, 'A');
    const b = await siteBy(admin.cookie, 'B');

    const byAction = await read('?action=site.created');
    expect(byAction.items.map((l) => l.entityId)).toEqual([b, a]);

    const byEntity = await read('?entity=site');
    expect(byEntity.items.every((l) => l.entity === 'site')).toBe(true);
    expect(byEntity.items).toHaveLength(2);

    const byRecord = await read(`?entity=site&entityId=${a}`);
    expect(byRecord.items.map((l) => [l.action, l.entityId])).toEqual([['site.created', a]]);

    const byUser = await read(`?userId=${coordinator.user.id}`);
    expect(byUser.items.length).toBeGreaterThan(0);
    expect(byUser.items.every((l) => l.userId === coordinator.user.id)).toBe(true);
    expect(byUser.items.filter((l) => l.entity === 'site').map((l) => l.entityId)).toEqual([a]);

    expect((await read('?action=nothing.happened')).items).toEqual([]);
  });

  it('filters by time with from and to', async () => {
    const early = await siteBy(admin.cookie, 'Early');
    t.clock.advance(5 * HOUR);
    const late = await siteBy(admin.cookie, 'Late');

    const after = await read(`?action=site.created&from=${encodeURIComponent('2026-03-02T12:00:00-07:00')}`);
    expect(after.items.map((l) => l.entityId)).toEqual([late]);
    const before = await read(`?action=site.created&to=${encodeURIComponent('2026-03-02T12:00:00-07:00')}`);
    expect(before.items.map((l) => l.entityId)).toEqual([early]);
  });

  it('pages with limit and nextBefore until the end, missing and repeating nothing', async () => {
    for (const name of ['A', 'B', 'C', 'D', 'E']) await siteBy(admin.cookie, name);
    const all = (await read('?limit=500')).items.map((l) => l.id);
    expect(all.length).toBeGreaterThan(5);

    const seen: number[] = [];
    let query = '?limit=2';
    for (let page = 0; page < 20; page++) {
      const { items, nextBefore } = await read(query);
      expect(items.length).toBeLessThanOrEqual(2);
      seen.push(...items.map((l) => l.id));
      if (nextBefore === null) break;
      expect(nextBefore).toBe(items.at(-1)?.id);
      query = `?limit=2&before=${nextBefore}`;
    }
    expect(seen).toEqual(all);
  });

  it.each([
    '?limit=0',
    '?limit=501',
    '?limit=ten',
    '?entityId=abc',
    '?userId=-1',
    '?before=0',
    '?from=yesterday',
  ])('refuses the query %s with 400', async (query) => {
    const res = await t.call(admin.cookie, { method: 'GET', url: `/api/audit${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
  });

  it.each(['coordinator', 'medical', 'viewer'] as const)('refuses a %s with 403', async (role) => {
    const { cookie } = await t.session(role);
    const res = await t.call(cookie, { method: 'GET', url: '/api/audit' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('refuses anyone signed out with 401', async () => {
    const res = await t.call(null, { method: 'GET', url: '/api/audit' });
    expect(res.statusCode).toBe(401);
  });

  it('writes exactly one line per site created, and none for a refused request', async () => {
    const coordinator = await t.session('coordinator');
    const viewer = await t.session('viewer');
    let count = auditCount();

    const id = await siteBy(coordinator.cookie, 'Greyhound');
    const lines = (await read(`?entity=site&entityId=${id}`)).items;
    expect(lines).toHaveLength(1);
    expect(auditCount()).toBe(count + 1);
    count = auditCount();

    const refused = [
      await t.call(coordinator.cookie, { method: 'POST', url: '/api/sites', payload: { kind: 'castle' } }),
      await t.call(viewer.cookie, {
        method: 'POST',
        url: '/api/sites',
        payload: { name: 'X', kind: 'other' },
      }),
      await t.call(null, { method: 'POST', url: '/api/sites', payload: { name: 'X', kind: 'other' } }),
      await t.call(coordinator.cookie, {
        method: 'POST',
        url: '/api/sites',
        payload: 'name=X&kind=other',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([400, 403, 401, 403]);
    expect(auditCount()).toBe(count);
  });

  it('does not itself write to the log when read', async () => {
    const before = auditCount();
    await read();
    await read('?limit=1');
    expect(auditCount()).toBe(before);
  });
});
