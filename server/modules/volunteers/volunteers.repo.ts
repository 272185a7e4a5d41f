import { asc, eq, inArray, sql } from 'drizzle-orm';
import { type DbOrTx, preparedOn, statementOn } from '../../../db/client';
import { rosterVersion, volunteers } from '../../../db/schema';

export type VolunteerRow = typeof volunteers.$inferSelect;

export function insertVolunteer(db: DbOrTx, row: typeof volunteers.$inferInsert): VolunteerRow {
  return db.insert(volunteers).values(row).returning().get();
}

export function updateVolunteer(
  db: DbOrTx,
  id: number,
  patch: Partial<typeof volunteers.$inferInsert>,
): VolunteerRow {
  return db.update(volunteers).set(patch).where(eq(volunteers.id, id)).returning().get()!;
}

const byId = preparedOn((db) =>
  db
    .select()
    .from(volunteers)
    .where(eq(volunteers.id, sql.placeholder('id')))
    .prepare(),
);

/** Read by commands on a volunteer (screens, offers, signups): a prepared statement. */
export function findVolunteer(db: DbOrTx, id: number): VolunteerRow | null {
  return byId(db).get({ id }) ?? null;
}

const byPhone = preparedOn((db) =>
  db
    .select()
    .from(volunteers)
    .where(eq(volunteers.phone, sql.placeholder('phone')))
    .prepare(),
);

/** A volunteer by their number: a prepared statement. */
export function findVolunteerByPhone(db: DbOrTx, phone: string): VolunteerRow | null {
  return byPhone(db).get({ phone }) ?? null;
}

const senderByPhoneStatement = statementOn('SELECT id, name, sms_language FROM volunteers WHERE phone = ?');

/** Who sent a text, in the three columns the SMS router needs: every inbound text asks. */
export function volunteerSenderByPhone(
  db: DbOrTx,
  phone: string,
): Pick<VolunteerRow, 'id' | 'name' | 'smsLanguage'> | null {
  const r = senderByPhoneStatement(db).get(phone) as
    | { id: number; name: string; sms_language: VolunteerRow['smsLanguage'] }
    | undefined;
  return r ? { id: r.id, name: r.name, smsLanguage: r.sms_language } : null;
}

/** Changes (by trigger) whenever a volunteer or a screening is added, changed or removed. */
const rosterVersionQuery = preparedOn((db) =>
  db.select({ n: rosterVersion.n }).from(rosterVersion).prepare(),
);

export function currentRosterVersion(db: DbOrTx): string {
  return String(rosterVersionQuery(db).get()?.n ?? -1);
}

export function listVolunteers(db: DbOrTx): VolunteerRow[] {
  return db.select().from(volunteers).orderBy(asc(volunteers.name), asc(volunteers.id)).all();
}

export function volunteerNames(db: DbOrTx, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .select({ id: volunteers.id, name: volunteers.name })
      .from(volunteers)
      .where(inArray(volunteers.id, ids))
      .all()
      .map((r) => [r.id, r.name]),
  );
}

const contactsStatement = statementOn(
  'SELECT id, phone, sms_language FROM volunteers WHERE id IN (SELECT value FROM json_each(?))',
);

/**
 * Numbers and languages of these volunteers, in one statement compiled once however many they are (the
 * ids go in as one JSON array): a dispatch that fills texts every volunteer still asked.
 */
export function volunteerContacts(
  db: DbOrTx,
  ids: number[],
): Map<number, Pick<VolunteerRow, 'phone' | 'smsLanguage'>> {
  if (ids.length === 0) return new Map();
  const rows = contactsStatement(db).all(JSON.stringify(ids)) as {
    id: number;
    phone: string;
    sms_language: VolunteerRow['smsLanguage'];
  }[];
  return new Map(rows.map((r) => [r.id, { phone: r.phone, smsLanguage: r.sms_language }]));
}

export interface RankingRosterRow {
  id: number;
  name: string;
  phone: string;
  languages: string[];
  skills: string[];
  highRisk: boolean;
  active: boolean;
}

/**
 * The columns dispatch ranking reads, for the whole roster. Read without drizzle's row mapping, which
 * would cost more than the query on a roster of thousands.
 */
export function rosterForRanking(db: DbOrTx): RankingRosterRow[] {
  const rows = db.all<{
    id: number;
    name: string;
    phone: string;
    languages: string;
    skills: string;
    high_risk: number;
    active: number;
  }>(sql`select id, name, phone, languages, skills, high_risk, active from volunteers`);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    phone: r.phone,
    languages: JSON.parse(r.languages) as string[],
    skills: JSON.parse(r.skills) as string[],
    highRisk: r.high_risk === 1,
    active: r.active === 1,
  }));
}

/** Keeps the row (offers and shifts still count it) without anything that says who it was. */
export function eraseVolunteer(db: DbOrTx, id: number, now: Date): void {
  db.update(volunteers)
    .set({
      name: '',
      phone: `erased:${id}`,
      languages: [],
      skills: [],
      highRisk: false,
      active: false,
      erasedAt: now,
      updatedAt: now,
    })
    .where(eq(volunteers.id, id))
    .run();
}
