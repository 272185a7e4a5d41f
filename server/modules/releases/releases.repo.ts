import { and, asc, desc, eq, inArray, isNull, lt, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { type ReleaseStatus, releases, releaseTimeline, sites } from '../../../db/schema';

export type ReleaseRow = typeof releases.$inferSelect;
export type TimelineRow = typeof releaseTimeline.$inferSelect;

export function insertRelease(db: DbOrTx, row: typeof releases.$inferInsert): ReleaseRow {
  return db.insert(releases).values(row).returning().get();
}

export function updateRelease(
  db: DbOrTx,
  id: number,
  patch: Partial<typeof releases.$inferInsert>,
): ReleaseRow {
  return db.update(releases).set(patch).where(eq(releases.id, id)).returning().get()!;
}

export function findRelease(db: DbOrTx, id: number) {
  return (
    db
      .select({ release: releases, siteName: sites.name })
      .from(releases)
      .innerJoin(sites, eq(sites.id, releases.siteId))
      .where(eq(releases.id, id))
      .get() ?? null
  );
}

export function listReleases(db: DbOrTx, statuses: readonly ReleaseStatus[] | null) {
  return db
    .select({ release: releases, siteName: sites.name })
    .from(releases)
    .innerJoin(sites, eq(sites.id, releases.siteId))
    .where(statuses ? inArray(releases.status, [...statuses]) : undefined)
    .orderBy(desc(releases.id))
    .all();
}

export function insertTimeline(db: DbOrTx, row: typeof releaseTimeline.$inferInsert): void {
  db.insert(releaseTimeline).values(row).run();
}

export function timelineOf(db: DbOrTx, releaseId: number): TimelineRow[] {
  return db
    .select()
    .from(releaseTimeline)
    .where(eq(releaseTimeline.releaseId, releaseId))
    .orderBy(asc(releaseTimeline.id))
    .all();
}

/** Closed or cancelled before `before`, and not yet purged. */
export function releasesToPurge(db: DbOrTx, before: Date): ReleaseRow[] {
  return db
    .select()
    .from(releases)
    .where(
      and(
        inArray(releases.status, ['closed', 'cancelled']),
        lt(releases.closedAt, before),
        isNull(releases.purgedAt),
      ),
    )
    .all();
}

export function clearTimelineNotes(db: DbOrTx, releaseId: number): void {
  db.update(releaseTimeline).set({ note: null }).where(eq(releaseTimeline.releaseId, releaseId)).run();
}

/** Releases with a met time (for reports). */
export function releasesForReports(db: DbOrTx) {
  return db
    .select({ release: releases, siteName: sites.name })
    .from(releases)
    .innerJoin(sites, eq(sites.id, releases.siteId))
    .where(notInArray(releases.status, ['cancelled']))
    .all();
}
