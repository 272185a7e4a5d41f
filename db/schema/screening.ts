import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { screeningResults, screeningSources } from '../../shared/volunteers';
import { instant } from './columns';

import { volunteers } from './volunteers';

/** A daily self-screen: two yes/no answers and nothing else (no diagnoses, no medical history). */
export const screenings = sqliteTable(
  'screenings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    volunteerId: integer('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    at: instant('at').notNull(),
    symptoms: integer('symptoms', { mode: 'boolean' }).notNull(),
    exposure: integer('exposure', { mode: 'boolean' }).notNull(),
    result: text('result', { enum: screeningResults }).notNull(),
    /** Set while isolating: the earliest time a new clear screen can end the isolation. */
    isolateUntil: instant('isolate_until'),
    source: text('source', { enum: screeningSources }).notNull(),
  },
  (t) => [index('screenings_volunteer_idx').on(t.volunteerId, t.at)],
);

export type { VolunteerSkill } from '../../shared/volunteers';
export { screeningResults, screeningSources } from '../../shared/volunteers';
