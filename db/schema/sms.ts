import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { smsDirections, smsKinds, smsLanguages, smsStatuses } from '../../shared/sms';
import { instant } from './columns';

export const smsMessages = sqliteTable(
  'sms_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    direction: text('direction', { enum: smsDirections }).notNull(),
    /** The other party's number (E.164); blanked by the retention purge. */
    phone: text('phone').notNull(),
    body: text('body').notNull(),
    kind: text('kind', { enum: smsKinds }).notNull(),
    /** 0 urgent (offers, pages) · 1 normal · 2 bulk (reminders, broadcasts). */
    priority: integer('priority').notNull(),
    language: text('language', { enum: smsLanguages }),
    status: text('status', { enum: smsStatuses }).notNull(),
    relatedType: text('related_type'),
    relatedId: integer('related_id'),
    /** Twilio's id: set on an inbound text, and on an outbound one once it is handed over. */
    providerSid: text('provider_sid'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    attempts: integer('attempts').notNull().default(0),
    /** When the outbox may (next) hand it over: retries' backoff and quiet hours. */
    dueAt: instant('due_at'),
    createdBy: integer('created_by'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    purgedAt: instant('purged_at'),
  },
  (t) => [
    // Without the rows still waiting for their id: a queued text does not touch this index.
    uniqueIndex('sms_provider_sid_idx').on(t.providerSid).where(sql`provider_sid IS NOT NULL`),
    index('sms_outbox_idx').on(t.priority, t.id).where(sql`status = 'queued'`),
    // The texts a stopped server left mid-hand-over, looked up at every start: without it, that read went
    // through every text ever kept (13,000 in the bench's month, some 20 ms of each start).
    index('sms_sending_idx').on(t.id).where(sql`status = 'sending'`),
    index('sms_phone_idx').on(t.phone),
    index('sms_created_idx').on(t.createdAt),
  ],
);

export const smsOptOuts = sqliteTable('sms_opt_outs', {
  phone: text('phone').primaryKey(),
  keyword: text('keyword').notNull(),
  optedOutAt: instant('opted_out_at').notNull(),
});

export type { SmsDirection, SmsKind, SmsLanguage, SmsStatus } from '../../shared/sms';
export { smsDirections, smsKinds, smsLanguages, smsStatuses } from '../../shared/sms';
