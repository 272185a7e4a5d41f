import { and, asc, desc, eq, inArray, isNull, lt, notInArray, sql } from 'drizzle-orm';
import { type DbOrTx, msOrNull, preparedOn, rawPlaceholder } from '../../../db/client';
import { type ReleaseStatus, releases, releaseTimeline } from '../../../db/schema';

export type ReleaseRow = typeof releases.$inferSelect;
export type TimelineRow = typeof releaseTimeline.$inferSelect;

const insertNewQuery = preparedOn((db) =>
  db
    .insert(releases)
    .values({
      id: sql.placeholder('id'),
      code: sql.placeholder('code'),
      siteId: sql.placeholder('siteId'),
      status: sql.placeholder('status'),
      // Nullable instants go raw, as epoch ms or NULL (see rawPlaceholder).
      expectedAt: rawPlaceholder('expectedAt'),
      releasedAt: rawPlaceholder('releasedAt'),
      reportedAt: rawPlaceholder('reportedAt'),
      adults: sql.placeholder('adults'),
      children: sql.placeholder('children'),
      languages: sql.placeholder('languages'),
      needs: sql.placeholder('needs'),
      needsMet: sql.placeholder('needsMet'),
      destination: sql.placeholder('destination'),
      travelDate: sql.placeholder('travelDate'),
      notes: sql.placeholder('notes'),
      source: sql.placeholder('source'),
      createdAt: sql.placeholder('createdAt'),
      updatedAt: sql.placeholder('updatedAt'),
    })
    .returning()
    .prepare(),
);

const nextIdQuery = preparedOn((db) =>
  db
    .select({
      id: sql<number>`max(coalesce((select seq from sqlite_sequence where name = 'releases'), 0), coalesce((select max(id) from releases), 0)) + 1`,
    })
    .from(sql`(select 1)`)
    .prepare(),
);

/**
 * The id the next release gets (ids are never reused: the table is AUTOINCREMENT), so its code can be
 * written with it rather than changed afterwards. Read inside the transaction that inserts it.
 */
export function nextReleaseId(db: DbOrTx): number {
  return nextIdQuery(db).get()!.id;
}

/** A release as the web form or the RELEASE keyword logs it, with the id `nextReleaseId` gave: a prepared statement. */
export function insertNewRelease(
  db: DbOrTx,
  row: Omit<
    typeof releases.$inferInsert,
    'metAt' | 'closedAt' | 'acknowledgedAt' | 'acknowledgedBy' | 'purgedAt'
  > & { id: number },
): ReleaseRow {
  return insertNewQuery(db).get({
    ...row,
    expectedAt: msOrNull(row.expectedAt),
    releasedAt: msOrNull(row.releasedAt),
    reportedAt: msOrNull(row.reportedAt),
    destination: row.destination ?? null,
    travelDate: row.travelDate ?? null,
    notes: row.notes ?? null,
  })!;
}

export function updateRelease(
  db: DbOrTx,
  id: number,
  patch: Partial<typeof releases.$inferInsert>,
): ReleaseRow {
  return db.update(releases).set(patch).where(eq(releases.id, id)).returning().get()!;
}

const releaseById = preparedOn((db) =>
  db
    .select()
    .from(releases)
    .where(eq(releases.id, sql.placeholder('id')))
    .prepare(),
);

/** Read by nearly every command on a release: a prepared statement. */
export function findRelease(db: DbOrTx, id: number): ReleaseRow | null {
  return releaseById(db).get({ id }) ?? null;
}

export function listReleases(db: DbOrTx, statuses: readonly ReleaseStatus[] | null): ReleaseRow[] {
  return db
    .select()
    .from(releases)
    .where(statuses ? inArray(releases.status, [...statuses]) : undefined)
    .orderBy(desc(releases.id))
    .all();
}

const insertTimelineQuery = preparedOn((db) =>
  db
    .insert(releaseTimeline)
    .values({
      releaseId: sql.placeholder('releaseId'),
      at: sql.placeholder('at'),
      actor: sql.placeholder('actor'),
      userId: sql.placeholder('userId'),
      volunteerId: sql.placeholder('volunteerId'),
      kind: sql.placeholder('kind'),
      fromStatus: sql.placeholder('fromStatus'),
      toStatus: sql.placeholder('toStatus'),
      note: sql.placeholder('note'),
    })
    .prepare(),
);

/** Every change to a release writes a line: a prepared statement. Answers the line's id. */
export function insertTimeline(db: DbOrTx, row: typeof releaseTimeline.$inferInsert): number {
  const result = insertTimelineQuery(db).run({
    releaseId: row.releaseId,
    at: row.at,
    actor: row.actor,
    userId: row.userId ?? null,
    volunteerId: row.volunteerId ?? null,
    kind: row.kind,
    fromStatus: row.fromStatus ?? null,
    toStatus: row.toStatus ?? null,
    note: row.note ?? null,
  });
  return Number(result.lastInsertRowid);
}

export function timelineOf(db: DbOrTx, releaseId: number): TimelineRow[] {
  return db
    .select()
    .from(releaseTimeline)
    .where(eq(releaseTimeline.releaseId, releaseId))
    .orderBy(asc(releaseTimeline.id))
    .all();
}

/** The ids among these whose release is still open (neither closed nor cancelled). */
export function stillOpen(db: DbOrTx, ids: number[]): Set<number> {
  if (ids.length === 0) return new Set();
  return new Set(
    db
      .select({ id: releases.id })
      .from(releases)
      .where(and(inArray(releases.id, ids), notInArray(releases.status, ['closed', 'cancelled'])))
      .all()
      .map((r) => r.id),
  );
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
export function releasesForReports(db: DbOrTx): ReleaseRow[] {
  return db
    .select()
    .from(releases)
    .where(notInArray(releases.status, ['cancelled']))
    .all();
}
