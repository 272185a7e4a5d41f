import { and, asc, desc, eq, isNull, lt, lte, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, literalLimit, msOrNull, preparedOn, statementOn } from '../../../db/client';
import { type SmsStatus, smsMessages, smsOptOuts } from '../../../db/schema';

export type SmsRow = typeof smsMessages.$inferSelect;
export type NewSms = typeof smsMessages.$inferInsert;

const insertStatement = statementOn(
  `INSERT INTO sms_messages (id, direction, phone, body, kind, priority, language, status, related_type,
     related_id, provider_sid, error_code, error_message, attempts, due_at, created_by, created_at,
     updated_at, purged_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);

/** Every inbound text and every reply is written here: compiled once, run without drizzle. */
export function insertSms(db: DbOrTx, row: NewSms): SmsRow {
  // Every column is given, so the row as written is the row as stored: nothing to read back.
  const written: Omit<SmsRow, 'id'> & { id: number | null } = {
    id: row.id ?? null,
    direction: row.direction,
    phone: row.phone,
    body: row.body,
    kind: row.kind,
    priority: row.priority,
    language: row.language ?? null,
    status: row.status,
    relatedType: row.relatedType ?? null,
    relatedId: row.relatedId ?? null,
    providerSid: row.providerSid ?? null,
    errorCode: row.errorCode ?? null,
    errorMessage: row.errorMessage ?? null,
    attempts: row.attempts ?? 0,
    dueAt: row.dueAt ?? null,
    createdBy: row.createdBy ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    purgedAt: row.purgedAt ?? null,
  };
  const w = written;
  const { lastInsertRowid } = insertStatement(db).run(
    w.id,
    w.direction,
    w.phone,
    w.body,
    w.kind,
    w.priority,
    w.language,
    w.status,
    w.relatedType,
    w.relatedId,
    w.providerSid,
    w.errorCode,
    w.errorMessage,
    w.attempts,
    msOrNull(w.dueAt),
    w.createdBy,
    w.createdAt.getTime(),
    w.updatedAt.getTime(),
    msOrNull(w.purgedAt),
  );
  return { ...written, id: Number(lastInsertRowid) };
}

export function updateSms(db: DbOrTx, id: number, patch: Partial<NewSms>): SmsRow {
  return db.update(smsMessages).set(patch).where(eq(smsMessages.id, id)).returning().get()!;
}

const byId = preparedOn((db) =>
  db
    .select()
    .from(smsMessages)
    .where(eq(smsMessages.id, sql.placeholder('id')))
    .prepare(),
);

export function findSms(db: DbOrTx, id: number): SmsRow | null {
  return byId(db).get({ id }) ?? null;
}

const bySid = preparedOn((db) =>
  db
    .select()
    .from(smsMessages)
    .where(eq(smsMessages.providerSid, sql.placeholder('sid')))
    .prepare(),
);

/** Every inbound text and status callback looks its message up: a prepared statement. */
export function findSmsByProviderSid(db: DbOrTx, sid: string): SmsRow | null {
  return bySid(db).get({ sid }) ?? null;
}

const nextDue = preparedOn((db) =>
  db
    .select()
    .from(smsMessages)
    .where(
      and(
        eq(smsMessages.status, 'queued'),
        or(isNull(smsMessages.dueAt), lte(smsMessages.dueAt, sql.placeholder('nowMs'))),
      ),
    )
    .orderBy(asc(smsMessages.priority), asc(smsMessages.id))
    .limit(literalLimit(1))
    .prepare(),
);

/** The next message the outbox should hand over: most urgent first, then oldest. Prepared: the outbox
 * asks after every commit that queued a text. */
export function nextDueSms(db: DbOrTx, now: Date): SmsRow | null {
  return nextDue(db).get({ nowMs: now.getTime() }) ?? null;
}

/** Texts in one status. Every start asks for those left `sending`, read through their own small index. */
export function smsInStatusQuery(db: DbOrTx, status: SmsStatus) {
  return db.select().from(smsMessages).where(eq(smsMessages.status, status));
}

export function smsInStatus(db: DbOrTx, status: SmsStatus): SmsRow[] {
  return smsInStatusQuery(db, status).all();
}

export interface SmsFilter {
  direction?: 'outbound' | 'inbound';
  status?: SmsStatus;
  phone?: string;
  before?: number;
  limit: number;
}

export function listSms(db: DbOrTx, f: SmsFilter): SmsRow[] {
  const where: SQL[] = [];
  if (f.direction) where.push(eq(smsMessages.direction, f.direction));
  if (f.status) where.push(eq(smsMessages.status, f.status));
  if (f.phone) where.push(eq(smsMessages.phone, f.phone));
  if (f.before !== undefined) where.push(lt(smsMessages.id, f.before));
  return db
    .select()
    .from(smsMessages)
    .where(and(...where))
    .orderBy(desc(smsMessages.id))
    .limit(f.limit)
    .all();
}

/** Blanks the number and text of messages older than `before`; the counts and statuses stay. */
export function purgeSmsBefore(db: DbOrTx, before: Date, now: Date): number {
  return db
    .update(smsMessages)
    .set({ phone: '', body: '', purgedAt: now })
    .where(
      and(
        lt(smsMessages.createdAt, before),
        isNull(smsMessages.purgedAt),
        // A message still waiting to go out keeps its text until it has gone.
        notInArray(smsMessages.status, ['queued', 'sending']),
      ),
    )
    .run().changes;
}

const lastInbound = preparedOn((db) =>
  db
    .select({ language: smsMessages.language })
    .from(smsMessages)
    .where(and(eq(smsMessages.direction, 'inbound'), eq(smsMessages.phone, sql.placeholder('phone'))))
    .orderBy(desc(smsMessages.id))
    .limit(literalLimit(1))
    .prepare(),
);

/** The language this number last wrote in (by its keyword), for numbers no profile speaks for. */
export function lastInboundLanguage(db: DbOrTx, phone: string): 'en' | 'es' | null {
  return lastInbound(db).get({ phone })?.language ?? null;
}

const optOutByPhone = preparedOn((db) =>
  db
    .select({ phone: smsOptOuts.phone })
    .from(smsOptOuts)
    .where(eq(smsOptOuts.phone, sql.placeholder('phone')))
    .prepare(),
);

/** The outbox asks before handing each message over: a prepared statement. */
export function isOptedOut(db: DbOrTx, phone: string): boolean {
  return optOutByPhone(db).get({ phone }) !== undefined;
}

export function addOptOut(db: DbOrTx, phone: string, keyword: string, at: Date): boolean {
  return (
    db.insert(smsOptOuts).values({ phone, keyword, optedOutAt: at }).onConflictDoNothing().run().changes > 0
  );
}

export function removeOptOut(db: DbOrTx, phone: string): boolean {
  return db.delete(smsOptOuts).where(eq(smsOptOuts.phone, phone)).run().changes > 0;
}

export function listOptOuts(db: DbOrTx) {
  return db.select().from(smsOptOuts).orderBy(desc(smsOptOuts.optedOutAt)).all();
}

export function optedOutPhones(db: DbOrTx): Set<string> {
  return new Set(
    db
      .select({ phone: smsOptOuts.phone })
      .from(smsOptOuts)
      .all()
      .map((r) => r.phone),
  );
}
