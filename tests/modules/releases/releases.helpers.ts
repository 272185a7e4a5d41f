import { asc, eq } from 'drizzle-orm';
import { releases, releaseTimeline } from '../../../db/schema';
import type { TestApp } from '../../helpers/app';

export function releaseRows(t: TestApp) {
  return t.db.select().from(releases).orderBy(asc(releases.id)).all();
}

export function timelineRows(t: TestApp, releaseId?: number) {
  return t.db
    .select()
    .from(releaseTimeline)
    .where(releaseId === undefined ? undefined : eq(releaseTimeline.releaseId, releaseId))
    .orderBy(asc(releaseTimeline.id))
    .all();
}
