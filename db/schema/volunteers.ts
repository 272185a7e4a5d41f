import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { smsLanguages } from '../../shared/sms';
import type { VolunteerSkill } from '../../shared/volunteers';
import { instant } from './columns';

export const volunteers = sqliteTable('volunteers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  phone: text('phone').notNull().unique(),
  /** BCP-47 codes ("es", "en") or free names of languages without one ("K'iche'", "Mam"). */
  languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
  skills: text('skills', { mode: 'json' }).$type<VolunteerSkill[]>().notNull(),
  /** Self-declared; a high-risk volunteer may work remotely but is never sent in person. */
  highRisk: integer('high_risk', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  smsLanguage: text('sms_language', { enum: smsLanguages }).notNull().default('en'),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
  /** Set when the person asked to be removed: name, phone and screens are gone, counts stay. */
  erasedAt: instant('erased_at'),
});

export type { VolunteerSkill } from '../../shared/volunteers';
export { volunteerSkills } from '../../shared/volunteers';

/**
 * One row whose value changes (triggers, migration 0007_roster_version_triggers) whenever the roster
 * or its screenings do, so the roster list and dispatch ranking can keep it in memory until then.
 */
export const rosterVersion = sqliteTable('roster_version', {
  id: integer('id').primaryKey(),
  n: integer('n').notNull().default(0),
});
