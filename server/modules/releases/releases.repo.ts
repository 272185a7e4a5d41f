import { and, asc, desc, eq, inArray, isNull, lt, notInArray, sql } from 'drizzle-orm';
import { type DbOrTx, dateOrNull, msOrNull, preparedOn, rowsOn, statementOn } from '../../../db/client';
import { type ReleaseStatus, releases, releaseTimeline } from '../../../db/schema';

export type ReleaseRow = typeof releases.$inferSelect;
export type TimelineRow = typeof releaseTimeline.$inferSelect;

const insertNewStatement = statementOn(
  `insert into releases (id, code, site_id, status, expected_at, released_at, reported_at, adults, children,
     languages, needs, needs_met, destination, travel_date, notes, source, created_at, updated_at)
   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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

/**
 * A release as the web form or the RELEASE keyword logs it, with the id `nextReleaseId` gave: a statement
 * compiled once. Answers the row as written (the columns it leaves out start empty), without reading
 * it back.
 */
export function insertNewRelease(
  db: DbOrTx,
  row: Omit<
    typeof releases.$inferInsert,
    'metAt' | 'closedAt' | 'acknowledgedAt' | 'acknowledgedBy' | 'purgedAt'
  > & { id: number; createdAt: Date; updatedAt: Date },
): ReleaseRow {
  const written: ReleaseRow = {
    id: row.id,
    code: row.code,
    siteId: row.siteId,
    status: row.status,
    expectedAt: row.expectedAt ?? null,
    releasedAt: row.releasedAt ?? null,
    reportedAt: row.reportedAt ?? null,
    adults: row.adults,
    children: row.children,
    languages: row.languages,
    needs: row.needs,
    needsMet: row.needsMet,
    destination: row.destination ?? null,
    travelDate: row.travelDate ?? null,
    notes: row.notes ?? null,
    source: row.source,
    metAt: null,
    closedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    purgedAt: null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  insertNewStatement(db).run(
    written.id,
    written.code,
    written.siteId,
    written.status,
    msOrNull(written.expectedAt),
    msOrNull(written.releasedAt),
    msOrNull(written.reportedAt),
    written.adults,
    written.children,
    JSON.stringify(written.languages),
    JSON.stringify(written.needs),
    JSON.stringify(written.needsMet),
    written.destination,
    written.travelDate,
    written.notes,
    written.source,
    written.createdAt.getTime(),
    written.updatedAt.getTime(),
  );
  return written;
}

export function updateRelease(
  db: DbOrTx,
  id: number,
  patch: Partial<typeof releases.$inferInsert>,
): ReleaseRow {
  return db.update(releases).set(patch).where(eq(releases.id, id)).returning().get()!;
}

/** A release as SQLite stores it, in the order `releaseByIdStatement` names the columns. */
type StoredRelease = [
  id: number,
  code: string,
  siteId: number,
  status: ReleaseStatus,
  expectedAt: number | null,
  releasedAt: number | null,
  adults: number,
  children: number,
  languages: string,
  needs: string,
  needsMet: string,
  destination: string | null,
  travelDate: string | null,
  notes: string | null,
  source: ReleaseRow['source'],
  reportedAt: number | null,
  metAt: number | null,
  closedAt: number | null,
  acknowledgedAt: number | null,
  acknowledgedBy: number | null,
  purgedAt: number | null,
  createdAt: number,
  updatedAt: number,
];

function releaseOf(r: StoredRelease): ReleaseRow {
  return {
    id: r[0],
    code: r[1],
    siteId: r[2],
    status: r[3],
    expectedAt: dateOrNull(r[4]),
    releasedAt: dateOrNull(r[5]),
    adults: r[6],
    children: r[7],
    languages: JSON.parse(r[8]) as string[],
    needs: JSON.parse(r[9]) as ReleaseRow['needs'],
    needsMet: JSON.parse(r[10]) as ReleaseRow['needsMet'],
    destination: r[11],
    travelDate: r[12],
    notes: r[13],
    source: r[14],
    reportedAt: dateOrNull(r[15]),
    metAt: dateOrNull(r[16]),
    closedAt: dateOrNull(r[17]),
    acknowledgedAt: dateOrNull(r[18]),
    acknowledgedBy: r[19],
    purgedAt: dateOrNull(r[20]),
    createdAt: new Date(r[21]),
    updatedAt: new Date(r[22]),
  };
}

const releaseByIdStatement = rowsOn(
  `SELECT id, code, site_id, status, expected_at, released_at, adults, children, languages, needs, needs_met,
     destination, travel_date, notes, source, reported_at, met_at, closed_at, acknowledged_at, acknowledged_by,
     purged_at, created_at, updated_at
   FROM releases WHERE id = ?`,
);

/** Read by nearly every command on a release: compiled once, its row read as an array and converted here. */
export function findRelease(db: DbOrTx, id: number): ReleaseRow | null {
  const r = releaseByIdStatement(db).get(id) as StoredRelease | undefined;
  return r ? releaseOf(r) : null;
}

export function listReleases(db: DbOrTx, statuses: readonly ReleaseStatus[] | null): ReleaseRow[] {
  return db
    .select()
    .from(releases)
    .where(statuses ? inArray(releases.status, [...statuses]) : undefined)
    .orderBy(desc(releases.id))
    .all();
}

const insertTimelineStatement = statementOn(
  `insert into release_timeline (release_id, at, actor, user_id, volunteer_id, kind, from_status, to_status, note)
   values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);

/** Every change to a release writes a line: a statement compiled once. Answers the line's id. */
export function insertTimeline(db: DbOrTx, row: typeof releaseTimeline.$inferInsert): number {
  const result = insertTimelineStatement(db).run(
    row.releaseId,
    row.at.getTime(),
    row.actor,
    row.userId ?? null,
    row.volunteerId ?? null,
    row.kind,
    row.fromStatus ?? null,
    row.toStatus ?? null,
    row.note ?? null,
  );
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
