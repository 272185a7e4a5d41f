import { asc } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { audit, events, jobs, smsMessages } from '../../db/schema';
import { HOUR } from '../../server/lib/clock';
import type { TestApp } from './app';

/** The JSON body of a response with the expected status; throws naming `what` with any other. */
function jsonOf<T>(what: string, res: LightMyRequestResponse, status = 201): T {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

// Users

export interface SignedInUser {
  id: number;
  email: string;
  name: string;
  role: string;
}

/** The user a session cookie belongs to, as /api/auth/me answers it. */
export async function signedInUser(t: TestApp, cookie: string): Promise<SignedInUser> {
  return (await t.call(cookie, { method: 'GET', url: '/api/auth/me' })).json().user;
}

// Sites

export interface SiteBody {
  name?: string;
  kind?: string;
  address?: string;
  smsKeyword?: string;
}

/** A site; a bus station called Greyhound unless the body says otherwise. */
export async function addSite(
  t: TestApp,
  cookie: string,
  body: SiteBody = {},
): Promise<{ id: number; name: string }> {
  const res = await t.call(cookie, {
    method: 'POST',
    url: '/api/sites',
    payload: { name: 'Greyhound', kind: 'bus_station', ...body },
  });
  return jsonOf('site not created', res);
}

// Volunteers and screening

export interface VolunteerBody {
  name?: string;
  phone: string;
  languages?: string[];
  skills?: string[];
  highRisk?: boolean;
  active?: boolean;
  smsLanguage?: 'en' | 'es';
}

export interface VolunteerCreated {
  id: number;
  name: string;
  phone: string;
  smsLanguage: 'en' | 'es';
}

/** A volunteer called Ana Lopez, with no languages or skills, unless the body says otherwise. */
export async function addVolunteer(
  t: TestApp,
  cookie: string,
  body: VolunteerBody,
): Promise<VolunteerCreated> {
  const res = await t.call(cookie, {
    method: 'POST',
    url: '/api/volunteers',
    payload: { name: 'Ana Lopez', languages: [], skills: [], ...body },
  });
  return jsonOf('volunteer not created', res);
}

/** Records a screening of the volunteer; answers the response as it is. */
export function screen(
  t: TestApp,
  cookie: string,
  volunteerId: number,
  answers: { symptoms: boolean; exposure?: boolean },
): Promise<LightMyRequestResponse> {
  return t.call(cookie, {
    method: 'POST',
    url: `/api/volunteers/${volunteerId}/screenings`,
    payload: answers,
  });
}

// Shifts and signups

export interface ShiftBody {
  siteId: number;
  startsAt: string;
  endsAt: string;
  needed?: number;
  role?: string;
}

export interface ShiftView {
  id: number;
  siteId: number;
  siteName: string;
  startsAt: string;
  endsAt: string;
  date: string;
  role: string | null;
  needed: number;
  filled: number;
  gap: boolean;
  templateId: number | null;
  signups: Array<{
    volunteerId: number;
    name: string;
    source: 'web' | 'sms';
    counts: boolean;
    screening: string;
  }>;
}

/** Posts a shift needing one volunteer unless the body says otherwise; answers the response as it is. */
export function postShift(t: TestApp, cookie: string, body: ShiftBody): Promise<LightMyRequestResponse> {
  return t.call(cookie, { method: 'POST', url: '/api/shifts', payload: { needed: 1, ...body } });
}

export async function addShift(t: TestApp, cookie: string, body: ShiftBody): Promise<ShiftView> {
  return jsonOf('shift not created', await postShift(t, cookie, body));
}

/** How many hours a shift lasts, from the instants it answers. */
export function shiftHours(s: { startsAt: string; endsAt: string }): number {
  return (Date.parse(s.endsAt) - Date.parse(s.startsAt)) / HOUR;
}

/** Signs the volunteer up for the shift; answers the response as it is. */
export function signUp(
  t: TestApp,
  cookie: string,
  shiftId: number,
  volunteerId: number,
): Promise<LightMyRequestResponse> {
  return t.call(cookie, { method: 'POST', url: `/api/shifts/${shiftId}/signups`, payload: { volunteerId } });
}

// Releases

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

export function postRelease(
  t: TestApp,
  cookie: string,
  payload: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return t.call(cookie, { method: 'POST', url: '/api/releases', payload, headers });
}

/** A release of two adults and a child unless the body says otherwise. */
export async function addRelease(
  t: TestApp,
  cookie: string,
  body: Record<string, unknown> & { siteId: number },
): Promise<ReleaseView> {
  return jsonOf('release not created', await postRelease(t, cookie, { adults: 2, children: 1, ...body }));
}

export async function getRelease(t: TestApp, cookie: string, id: number): Promise<ReleaseView> {
  return jsonOf(`release ${id}`, await t.call(cookie, { method: 'GET', url: `/api/releases/${id}` }), 200);
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
    last = jsonOf(`move to ${status} refused`, await moveRelease(t, cookie, id, status), 200);
  }
  return last;
}

// Texts

export interface SimulatedText {
  inbound: { id: number; language: string };
  replies: Array<{ body: string; language: string; kind: string; encoding: string; segments: number }>;
}

/** A text in from `from`, through the real inbound path; answers the replies queued for it. */
export async function text(t: TestApp, cookie: string, from: string, body: string): Promise<SimulatedText> {
  const res = await t.call(cookie, { method: 'POST', url: '/api/sms/simulate', payload: { from, body } });
  return jsonOf('simulate failed', res, 200);
}

/** Every stored text, in and out, oldest first. */
export function smsRows(t: TestApp) {
  return t.db.select().from(smsMessages).orderBy(asc(smsMessages.id)).all();
}

/** The outbound texts, of one kind if given, oldest first. */
export function outbound(t: TestApp, kind?: string) {
  return smsRows(t).filter((m) => m.direction === 'outbound' && (!kind || m.kind === kind));
}

// Audit lines, live events and jobs

/** An exact name, or every name that starts with `prefix`. */
export type NameMatch = string | { prefix: string };

function matches(name: string, match: NameMatch | undefined): boolean {
  if (match === undefined) return true;
  return typeof match === 'string' ? name === match : name.startsWith(match.prefix);
}

/** The audit lines as stored, all of them or those whose action matches. */
export function auditRows(t: TestApp, action?: NameMatch) {
  return t.db
    .select()
    .from(audit)
    .all()
    .filter((a) => matches(a.action, action));
}

/** The live events as stored, all of them or those whose type matches. */
export function eventRows(t: TestApp, type?: NameMatch) {
  return t.db
    .select()
    .from(events)
    .all()
    .filter((e) => matches(e.type, type));
}

/** The scheduler's jobs of one kind, as stored. */
export function jobRows(t: TestApp, kind: string) {
  return t.db
    .select()
    .from(jobs)
    .all()
    .filter((j) => j.kind === kind);
}
