import { asc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { releases, releaseTimeline } from '../../../db/schema';
import type { TestApp } from '../../helpers/app';

export interface TimelineView {
  id: number;
  at: string;
  actor: string;
  kind: 'created' | 'status' | 'needs' | 'acknowledged' | 'purged';
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
}

export interface ReleaseView {
  id: number;
  code: string;
  siteId: number;
  siteName: string;
  status: string;
  expectedAt: string | null;
  releasedAt: string | null;
  reportedAt: string | null;
  metAt: string | null;
  closedAt: string | null;
  adults: number;
  children: number;
  people: number;
  languages: string[];
  needs: string[];
  needsMet: string[];
  needsOutstanding: string[];
  destination: string | null;
  travelDate: string | null;
  notes: string | null;
  source: 'web' | 'sms';
  acknowledged: boolean;
  purged: boolean;
  timeline: TimelineView[];
}

export async function addSite(
  t: TestApp,
  cookie: string,
  body: { name?: string; smsKeyword?: string } = {},
): Promise<{ id: number; name: string }> {
  const res = await t.call(cookie, {
    method: 'POST',
    url: '/api/sites',
    payload: { name: 'Greyhound', kind: 'bus_station', ...body },
  });
  if (res.statusCode !== 201) throw new Error(`site not created: ${res.statusCode} ${res.body}`);
  return res.json();
}

export function postRelease(
  t: TestApp,
  cookie: string,
  payload: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return t.call(cookie, { method: 'POST', url: '/api/releases', payload, headers });
}

export async function addRelease(
  t: TestApp,
  cookie: string,
  body: Record<string, unknown> & { siteId: number },
): Promise<ReleaseView> {
  const res = await postRelease(t, cookie, { adults: 2, children: 1, ...body });
  if (res.statusCode !== 201) throw new Error(`release not created: ${res.statusCode} ${res.body}`);
  return res.json();
}

export function moveRelease(t: TestApp, cookie: string, id: number, status: string, note?: string) {
  return t.call(cookie, {
    method: 'POST',
    url: `/api/releases/${id}/status`,
    payload: note === undefined ? { status } : { status, note },
  });
}

/** Moves a release along a path of statuses the workflow allows, failing loudly if one is refused. */
export async function walk(t: TestApp, cookie: string, id: number, path: readonly string[]) {
  let last: ReleaseView | undefined;
  for (const status of path) {
    const res = await moveRelease(t, cookie, id, status);
    if (res.statusCode !== 200) throw new Error(`move to ${status} refused: ${res.statusCode} ${res.body}`);
    last = res.json();
  }
  return last;
}

export async function getRelease(t: TestApp, cookie: string, id: number): Promise<ReleaseView> {
  const res = await t.call(cookie, { method: 'GET', url: `/api/releases/${id}` });
  if (res.statusCode !== 200) throw new Error(`release ${id}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The name the timeline shows for a signed-in user. */
export async function userNameOf(t: TestApp, cookie: string): Promise<string> {
  return (await t.call(cookie, { method: 'GET', url: '/api/auth/me' })).json().user.name;
}

export async function userIdOf(t: TestApp, cookie: string): Promise<number> {
  return (await t.call(cookie, { method: 'GET', url: '/api/auth/me' })).json().user.id;
}

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
