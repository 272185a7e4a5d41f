import { asc } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { audit, events, jobs, smsMessages } from '../../../db/schema';
import { buildTestApp, type TestApp } from '../../helpers/app';

type BuildOptions = NonNullable<Parameters<typeof buildTestApp>[0]>;

/** The test app with an outbox fast enough that closing it never waits on pacing. */
export function buildRosterApp(opts: BuildOptions = {}): Promise<TestApp> {
  return buildTestApp({ ...opts, env: { SMS_RATE_PER_SEC: '50', ...opts.env } });
}

export interface VolunteerBody {
  name?: string;
  phone: string;
  languages?: string[];
  skills?: string[];
  highRisk?: boolean;
  active?: boolean;
  smsLanguage?: 'en' | 'es';
}

export async function addVolunteer(t: TestApp, cookie: string, body: VolunteerBody) {
  const res = await t.call(cookie, {
    method: 'POST',
    url: '/api/volunteers',
    payload: { name: 'Ana Lopez', languages: [], skills: [], ...body },
  });
  if (res.statusCode !== 201) throw new Error(`volunteer not created: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; name: string; phone: string; smsLanguage: 'en' | 'es' };
}

export async function addSite(t: TestApp, cookie: string, name = 'Greyhound') {
  const res = await t.call(cookie, {
    method: 'POST',
    url: '/api/sites',
    payload: { name, kind: 'bus_station' },
  });
  if (res.statusCode !== 201) throw new Error(`site not created: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; name: string };
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

export function postShift(
  t: TestApp,
  cookie: string,
  body: { siteId: number; startsAt: string; endsAt: string; needed?: number; role?: string },
): Promise<LightMyRequestResponse> {
  return t.call(cookie, { method: 'POST', url: '/api/shifts', payload: { needed: 1, ...body } });
}

export async function addShift(
  t: TestApp,
  cookie: string,
  body: { siteId: number; startsAt: string; endsAt: string; needed?: number; role?: string },
): Promise<ShiftView> {
  const res = await postShift(t, cookie, body);
  if (res.statusCode !== 201) throw new Error(`shift not created: ${res.statusCode} ${res.body}`);
  return res.json();
}

export function signUp(t: TestApp, cookie: string, shiftId: number, volunteerId: number) {
  return t.call(cookie, { method: 'POST', url: `/api/shifts/${shiftId}/signups`, payload: { volunteerId } });
}

export function screen(
  t: TestApp,
  cookie: string,
  volunteerId: number,
  answers: { symptoms: boolean; exposure?: boolean },
) {
  return t.call(cookie, {
    method: 'POST',
    url: `/api/volunteers/${volunteerId}/screenings`,
    payload: answers,
  });
}

/** A text in from `from`, through the real inbound path; answers the replies queued for it. */
export async function text(t: TestApp, cookie: string, from: string, body: string) {
  const res = await t.call(cookie, { method: 'POST', url: '/api/sms/simulate', payload: { from, body } });
  if (res.statusCode !== 200) throw new Error(`simulate failed: ${res.statusCode} ${res.body}`);
  return res.json() as {
    inbound: { id: number; language: string };
    replies: Array<{ body: string; language: string; kind: string; encoding: string; segments: number }>;
  };
}

export function outbound(t: TestApp, kind?: string) {
  return t.db
    .select()
    .from(smsMessages)
    .orderBy(asc(smsMessages.id))
    .all()
    .filter((m) => m.direction === 'outbound' && (!kind || m.kind === kind));
}

export function jobRows(t: TestApp, kind: string) {
  return t.db
    .select()
    .from(jobs)
    .all()
    .filter((j) => j.kind === kind);
}

export function auditLines(t: TestApp, action: string) {
  return t.db
    .select()
    .from(audit)
    .all()
    .filter((a) => a.action === action);
}

export function eventsOf(t: TestApp, type: string) {
  return t.db
    .select()
    .from(events)
    .all()
    .filter((e) => e.type === type);
}
