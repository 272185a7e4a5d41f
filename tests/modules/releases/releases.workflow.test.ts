import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseStatuses } from '../../../db/schema';
import { MINUTE } from '../../../server/lib/clock';
import { buildTestApp, type TestApp } from '../../helpers/app';
import {
  addRelease,
  addSite,
  auditRows,
  eventRows,
  getRelease,
  moveRelease,
  type ReleaseView,
  signedInUser,
  walk,
} from '../../helpers/fixtures';

type Status = (typeof releaseStatuses)[number];

/** The workflow as the issue states it, written out independently of the server's table. */
const ALLOWED: Record<Status, Status[]> = {
  expected: ['reported', 'cancelled'],
  reported: ['team_en_route', 'met', 'cancelled'],
  team_en_route: ['met', 'cancelled'],
  met: ['sheltered', 'traveling', 'closed'],
  sheltered: ['traveling', 'closed'],
  traveling: ['closed'],
  closed: [],
  cancelled: [],
};

/** How a new release reaches each status through moves the workflow allows. */
const PATH_TO: Record<Status, Status[]> = {
  expected: [],
  reported: [],
  team_en_route: ['team_en_route'],
  met: ['met'],
  sheltered: ['met', 'sheltered'],
  traveling: ['met', 'traveling'],
  closed: ['met', 'closed'],
  cancelled: ['cancelled'],
};

const pairs = releaseStatuses.flatMap((from) => releaseStatuses.map((to) => [from, to] as const));
const allowedPairs = pairs.filter(([from, to]) => ALLOWED[from].includes(to));
const forbiddenPairs = pairs.filter(([from, to]) => !ALLOWED[from].includes(to));

describe('release workflow', () => {
  // One app for the table: every case works on a release of its own.
  let t: TestApp;
  let coordinator: string;
  let me: number;
  let myName: string;
  let siteId: number;
  beforeAll(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
    ({ id: me, name: myName } = await signedInUser(t, coordinator));
    siteId = (await addSite(t, coordinator)).id;
  });
  afterAll(() => t.close());

  /** A time this many minutes after the test clock's now: the clock moves on across these tests. */
  const later = (minutes: number) => new Date(t.clock.now().getTime() + minutes * MINUTE).toISOString();

  async function releaseAt(status: Status): Promise<ReleaseView> {
    const created = await addRelease(t, coordinator, {
      siteId,
      ...(status === 'expected' ? { expectedAt: later(5 * 60) } : {}),
    });
    await walk(t, coordinator, created.id, PATH_TO[status]);
    const found = await getRelease(t, coordinator, created.id);
    expect(found.status).toBe(status);
    return found;
  }

  it.each(allowedPairs)('lets %s move to %s, with a timeline entry saying who and when', async (from, to) => {
    const before = await releaseAt(from);
    t.clock.advance(7 * MINUTE);
    const at = t.clock.now().toISOString();
    const res = await moveRelease(t, coordinator, before.id, to, `moving to ${to}`);
    expect(res.statusCode).toBe(200);
    const after: ReleaseView = res.json();
    expect(after.status).toBe(to);
    expect(after.timeline).toHaveLength(before.timeline.length + 1);
    const entry = after.timeline.at(-1)!;
    expect(entry).toMatchObject({
      kind: 'status',
      fromStatus: from,
      toStatus: to,
      actor: myName,
      note: `moving to ${to}`,
    });
    expect(new Date(entry.at).toISOString()).toBe(at);
    expect(await getRelease(t, coordinator, before.id)).toEqual(after);

    const stamp = (v: string | null) => (v === null ? null : new Date(v).toISOString());
    expect(stamp(after.metAt)).toBe(to === 'met' ? at : stamp(before.metAt));
    expect(stamp(after.closedAt)).toBe(to === 'closed' || to === 'cancelled' ? at : null);
    expect(stamp(after.reportedAt)).toBe(to === 'reported' ? at : stamp(before.reportedAt));
    if (to === 'reported') expect(stamp(after.releasedAt)).toBe(at);
    else expect(after.releasedAt).toBe(before.releasedAt);

    const line = auditRows(t, 'release.status')
      .filter((a) => a.entityId === before.id)
      .at(-1);
    expect(line).toMatchObject({ changes: { from, to }, userId: me });
    expect(JSON.stringify(line)).not.toContain(`moving to ${to}`);
    const event = eventRows(t, 'release.status')
      .filter((e) => e.data.id === before.id)
      .at(-1);
    expect(event?.data).toEqual({ id: before.id, code: before.code, from, to });
  });

  it.each(forbiddenPairs)(
    'refuses %s → %s with 409 invalid_transition and changes nothing',
    async (from, to) => {
      const before = await releaseAt(from);
      const audited = auditRows(t, 'release.status').length;
      t.clock.advance(7 * MINUTE);
      const res = await moveRelease(t, coordinator, before.id, to, 'should not be kept');
      expect(res.statusCode).toBe(409);
      const { error } = res.json();
      expect(error.code).toBe('invalid_transition');
      expect(error.message).toContain(from);
      expect(error.message).toContain(to);
      const [detail] = error.details;
      expect(detail.path).toBe('body.status');
      for (const allowed of ALLOWED[from]) expect(detail.message).toContain(allowed);
      if (ALLOWED[from].length === 0) expect(detail.message).toContain('none');
      expect(await getRelease(t, coordinator, before.id)).toEqual(before);
      expect(auditRows(t, 'release.status')).toHaveLength(audited);
    },
  );

  it('keeps the time of release given up front when a heads-up is reported', async () => {
    const created = await addRelease(t, coordinator, {
      siteId,
      expectedAt: later(5 * 60),
      releasedAt: later(4 * 60 + 45),
    });
    const releasedAt = new Date(later(4 * 60 + 45)).toISOString();
    t.clock.advance(30 * MINUTE);
    const reported = await walk(t, coordinator, created.id, ['reported']);
    expect(new Date(reported!.releasedAt!).toISOString()).toBe(releasedAt);
    expect(new Date(reported!.reportedAt!).toISOString()).toBe(t.clock.now().toISOString());
  });

  it('walks the whole way, leaving one timeline entry per move in order', async () => {
    const created = await addRelease(t, coordinator, { siteId, expectedAt: later(5 * 60) });
    const path: Status[] = ['reported', 'team_en_route', 'met', 'sheltered', 'traveling', 'closed'];
    const done = await walk(t, coordinator, created.id, path);
    expect(done!.timeline.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ['created', null, 'expected'],
      ['status', 'expected', 'reported'],
      ['status', 'reported', 'team_en_route'],
      ['status', 'team_en_route', 'met'],
      ['status', 'met', 'sheltered'],
      ['status', 'sheltered', 'traveling'],
      ['status', 'traveling', 'closed'],
    ]);
    expect(done!.timeline.every((e) => e.note === null)).toBe(true);
  });

  it('answers 404 for a release that does not exist', async () => {
    const res = await moveRelease(t, coordinator, 99_999, 'met');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it.each([
    ['an unknown status', { status: 'arrived' }, 'body.status'],
    ['no status', {}, 'body.status'],
    ['a status in capitals', { status: 'MET' }, 'body.status'],
    ['a 501-character note', { status: 'met', note: 'n'.repeat(501) }, 'body.note'],
  ])('refuses %s with 400 and changes nothing', async (_, payload, path) => {
    const before = await releaseAt('reported');
    const res = await t.call(coordinator, {
      method: 'POST',
      url: `/api/releases/${before.id}/status`,
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await getRelease(t, coordinator, before.id)).toEqual(before);
  });
});
