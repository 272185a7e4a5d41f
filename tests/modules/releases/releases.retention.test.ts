import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/client';
import { openMigratedDb } from '../../../db/client';
import { DAY, FakeClock, MINUTE } from '../../../server/lib/clock';
import { buildTestApp, type TestApp } from '../../helpers/app';
import {
  addRelease,
  addSite,
  auditRows,
  eventRows,
  getRelease,
  postRelease,
  type ReleaseView,
  walk,
} from '../../helpers/fixtures';
import { timelineRows } from './releases.helpers';

/** Every row of every table as text, to look for purged words anywhere. */
function everything(db: Db): string {
  const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{
    name: string;
  }>;
  return tables
    .map(({ name }) => JSON.stringify(db.$client.prepare(`SELECT * FROM "${name}"`).all()))
    .join('\n');
}

describe('release retention', () => {
  let t: TestApp;
  let coordinator: string;
  let siteId: number;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
    siteId = (await addSite(t, coordinator)).id;
  });
  afterEach(() => t.close());

  const tick = (id: number, met: string[]) =>
    t.call(coordinator, { method: 'POST', url: `/api/releases/${id}/needs`, payload: { met } });

  /** A release with free text everywhere it can hold some, met and then closed now. */
  async function closedRelease(tag: string): Promise<ReleaseView> {
    const created = await addRelease(t, coordinator, {
      siteId,
      adults: 3,
      children: 2,
      languages: ['es', "K'iche'"],
      needs: ['food', 'medical'],
      destination: `destination-${tag}`,
      travelDate: '2026-03-05',
      notes: `notes-${tag}`,
    });
    expect((await tick(created.id, ['food'])).statusCode).toBe(200);
    await walk(t, coordinator, created.id, ['met']);
    const res = await t.call(coordinator, {
      method: 'POST',
      url: `/api/releases/${created.id}/status`,
      payload: { status: 'closed', note: `timeline-${tag}` },
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  const runAt = async (at: Date) => {
    t.clock.set(at.toISOString());
    await t.app.core.scheduler.runDue();
  };

  it('erases the free text of a release RETENTION_DAYS after it closed, keeping what reports count', async () => {
    const t0 = t.clock.now().getTime();
    const old = await closedRelease('old-4417');
    const open = await addRelease(t, coordinator, {
      siteId,
      notes: 'notes-open-9921',
      destination: 'dest-open',
    });
    const cancelled = await addRelease(t, coordinator, { siteId, notes: 'notes-cancelled-3310' });
    await walk(t, coordinator, cancelled.id, ['cancelled']);
    t.app.core.scheduler.ensureRecurring();
    await t.app.core.scheduler.runDue();

    t.clock.set(new Date(t0 + 21 * DAY).toISOString());
    coordinator = await t.signIn('coordinator');
    const recent = await closedRelease('recent-5150');

    await runAt(new Date(t0 + 30 * DAY - MINUTE));
    coordinator = await t.signIn('coordinator');
    expect((await getRelease(t, coordinator, old.id)).notes).toBe('notes-old-4417');
    expect(auditRows(t, 'release.purged')).toHaveLength(0);

    await runAt(new Date(t0 + 31 * DAY));
    coordinator = await t.signIn('coordinator');
    const purged = await getRelease(t, coordinator, old.id);
    expect(purged).toMatchObject({
      status: 'closed',
      purged: true,
      notes: null,
      destination: null,
      adults: 3,
      children: 2,
      people: 5,
      languages: ['es', 'quc'],
      needs: ['food', 'medical'],
      needsMet: ['food'],
      needsOutstanding: ['medical'],
      reportedAt: old.reportedAt,
      metAt: old.metAt,
      closedAt: old.closedAt,
    });
    expect(purged.timeline.map((e) => [e.kind, e.toStatus, e.note])).toEqual([
      ['created', 'reported', null],
      ['needs', null, null],
      ['status', 'met', null],
      ['status', 'closed', null],
      ['purged', null, null],
    ]);
    expect(purged.timeline.slice(0, 4).map((e) => [e.actor, e.at])).toEqual(
      old.timeline.map((e) => [e.actor, e.at]),
    );
    expect(purged.timeline.at(-1)).toMatchObject({ actor: 'retention', at: '2026-04-02T09:00:00-06:00' });
    expect((await getRelease(t, coordinator, cancelled.id)).purged).toBe(true);
    expect((await getRelease(t, coordinator, cancelled.id)).notes).toBeNull();

    const untouchedRecent = await getRelease(t, coordinator, recent.id);
    expect(untouchedRecent).toMatchObject({
      purged: false,
      notes: 'notes-recent-5150',
      destination: 'destination-recent-5150',
    });
    expect(untouchedRecent.timeline.at(-1)!.note).toBe('timeline-recent-5150');
    expect(await getRelease(t, coordinator, open.id)).toMatchObject({
      purged: false,
      notes: 'notes-open-9921',
      destination: 'dest-open',
    });

    const lines = auditRows(t, 'release.purged');
    expect(lines.map((l) => l.entityId).sort()).toEqual([old.id, cancelled.id].sort());
    expect(lines[0]).toMatchObject({ actor: 'retention', entity: 'release' });
    expect(JSON.stringify(lines)).not.toMatch(/old-4417|cancelled-3310/);
    expect(
      eventRows(t, 'release.purged')
        .map((e) => e.data.id)
        .sort(),
    ).toEqual([old.id, cancelled.id].sort());
    const stored = everything(t.db);
    for (const gone of [
      'notes-old-4417',
      'destination-old-4417',
      'timeline-old-4417',
      'notes-cancelled-3310',
    ]) {
      expect(stored).not.toContain(gone);
    }
    expect(stored).toContain('notes-recent-5150');

    const report = await t.call(coordinator, {
      method: 'GET',
      url: '/api/reports/releases?from=2026-03-02&to=2026-03-02',
    });
    expect(report.json()).toMatchObject({ releases: 1, people: 5 });

    await runAt(new Date(t0 + 32 * DAY));
    expect(auditRows(t, 'release.purged')).toHaveLength(2);
    expect(timelineRows(t, old.id).filter((e) => e.kind === 'purged')).toHaveLength(1);
    coordinator = await t.signIn('coordinator');
    expect((await getRelease(t, coordinator, recent.id)).notes).toBe('notes-recent-5150');
  });

  it('has secure_delete on, so erased text is overwritten', () => {
    expect(t.db.$client.pragma('secure_delete', { simple: true })).toBe(1);
  });
});

describe('release retention with RETENTION_DAYS set', () => {
  it('purges after the configured number of days', async () => {
    const t = await buildTestApp({ env: { RETENTION_DAYS: '7' } });
    try {
      const coordinator = await t.signIn('coordinator');
      const siteId = (await addSite(t, coordinator)).id;
      const created = await addRelease(t, coordinator, { siteId, notes: 'seven-day-note' });
      await walk(t, coordinator, created.id, ['met', 'closed']);
      t.app.core.scheduler.ensureRecurring();
      t.clock.advance(6 * DAY);
      await t.app.core.scheduler.runDue();
      expect(auditRows(t, 'release.purged')).toHaveLength(0);
      t.clock.advance(2 * DAY);
      await t.app.core.scheduler.runDue();
      expect(auditRows(t, 'release.purged').map((l) => l.entityId)).toEqual([created.id]);
    } finally {
      await t.close();
    }
  });
});

describe('release retention on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-release-purge-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves no trace of the purged text in the database file', async () => {
    const file = path.join(dir, 'bienvenida.db');
    const db = openMigratedDb(file);
    const clock = new FakeClock('2026-03-02T15:00:00Z');
    const t = await buildTestApp({ db, clock });
    const secrets = ['notes-d41d8cd98f00', 'destination-b204e980', 'timeline-9800998ecf8427e'];
    try {
      const coordinator = await t.signIn('coordinator');
      const siteId = (await addSite(t, coordinator)).id;
      // The dashboard sends a key with each create; the stored answer holds the notes too.
      const res = await postRelease(
        t,
        coordinator,
        { siteId, adults: 2, children: 0, notes: secrets[0], destination: secrets[1] },
        { 'idempotency-key': 'create-1' },
      );
      expect(res.statusCode).toBe(201);
      const id = res.json().id;
      await walk(t, coordinator, id, ['met']);
      const closed = await t.call(coordinator, {
        method: 'POST',
        url: `/api/releases/${id}/status`,
        payload: { status: 'closed', note: secrets[2] },
      });
      expect(closed.statusCode).toBe(200);
      db.$client.pragma('wal_checkpoint(TRUNCATE)');
      const before = fs.readFileSync(file);
      for (const secret of secrets) expect(before.includes(secret), secret).toBe(true);

      t.app.core.scheduler.ensureRecurring();
      clock.advance(31 * DAY);
      await t.app.core.scheduler.runDue();
      expect(auditRows(t, 'release.purged').map((l) => l.entityId)).toEqual([id]);
      expect(t.db.$client.pragma('secure_delete', { simple: true })).toBe(1);
    } finally {
      await t.close();
      db.$client.pragma('wal_checkpoint(TRUNCATE)');
      db.$client.close();
    }
    const after = fs.readFileSync(file);
    for (const secret of secrets) expect(after.includes(secret), secret).toBe(false);
    for (const extra of ['-wal', '-journal']) {
      if (fs.existsSync(file + extra)) {
        const bytes = fs.readFileSync(file + extra);
        for (const secret of secrets) expect(bytes.includes(secret), `${extra} ${secret}`).toBe(false);
      }
    }
  });
});
