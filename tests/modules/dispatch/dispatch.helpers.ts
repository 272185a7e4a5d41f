import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { dispatches } from '../../../db/schema';
import { buildTestApp, type TestApp, type TestAppOptions } from '../../helpers/app';
import {
  addRelease,
  addShift,
  addSite,
  addVolunteer,
  outbound,
  screen,
  signedInUser,
  signUp,
  text,
  type VolunteerBody,
} from '../../helpers/fixtures';

/** Quiet hours off and a fast outbox, so every text is queued at once and closing never waits. */
export function buildDispatchApp(opts: TestAppOptions = {}): Promise<TestApp> {
  return buildTestApp({ ...opts, env: { SMS_RATE_PER_SEC: '100', SMS_QUIET_HOURS: 'off', ...opts.env } });
}

export const ADDRESS = '1055 Broadway, Denver';
export const LEAD_PHONE = '+13035550100';

export interface OfferView {
  id: number;
  volunteerId: number;
  name: string;
  code: string;
  state: 'offered' | 'accepted' | 'declined' | 'expired' | 'superseded';
  wave: number;
  reason: string;
  etaMinutes: number | null;
  replyText: string | null;
  unclear: boolean;
  offeredAt: string;
  expiresAt: string;
  respondedAt: string | null;
}

export interface DispatchView {
  id: number;
  releaseId: number;
  status: 'open' | 'filled' | 'escalated' | 'cancelled';
  needed: number;
  accepted: number;
  languages: string[];
  skills: string[];
  wave: number;
  deadlineAt: string;
  createdAt: string;
  offers: OfferView[];
}

export interface CandidateView {
  volunteerId: number;
  name: string;
  eligible: boolean;
  excludedBecause: string[];
  band: 'on_shift_here' | 'on_shift_elsewhere' | 'off_shift';
  languages: string[];
  skills: string[];
  rank: number | null;
  why: string;
}

export interface Person {
  id: number;
  name: string;
  phone: string;
}

/** A network with a coordinator (who has a phone, so is the lead and hears escalations) and a site. */
export interface Network {
  t: TestApp;
  coordinator: string;
  coordinatorId: number;
  coordinatorName: string;
  siteId: number;
  siteName: string;
}

export async function network(t: TestApp, opts: { leadPhone?: string | null } = {}): Promise<Network> {
  const coordinator = await t.signIn('coordinator');
  const me = await signedInUser(t, coordinator);
  const leadPhone = opts.leadPhone === undefined ? LEAD_PHONE : opts.leadPhone;
  if (leadPhone) {
    const admin = await t.signIn('admin');
    const res = await t.call(admin, {
      method: 'PATCH',
      url: `/api/users/${me.id}`,
      payload: { phone: leadPhone },
    });
    if (res.statusCode !== 200) throw new Error(`phone not set: ${res.statusCode} ${res.body}`);
  }
  const site = await addSite(t, coordinator, { name: 'Greyhound', address: ADDRESS });
  return {
    t,
    coordinator,
    coordinatorId: me.id,
    coordinatorName: me.name,
    siteId: site.id,
    siteName: site.name,
  };
}

let phoneCounter = 0;

/** A volunteer, screened clear now unless `screened: false`. */
export async function volunteer(
  n: Network,
  body: Partial<VolunteerBody> & { name: string; screened?: boolean },
): Promise<Person> {
  const { screened = true, ...rest } = body;
  phoneCounter = (phoneCounter % 80) + 1;
  const phone = rest.phone ?? `303-555-01${String(phoneCounter + 10).padStart(2, '0')}`;
  const v = await addVolunteer(n.t, n.coordinator, { ...rest, phone });
  if (screened) {
    const res = await screen(n.t, n.coordinator, v.id, { symptoms: false });
    if (res.statusCode !== 201) throw new Error(`screen refused: ${res.statusCode} ${res.body}`);
  }
  return { id: v.id, name: v.name, phone: v.phone };
}

/** `count` screened volunteers named Volunteer 00, 01 … who take texts in `lang`. */
export async function crowd(n: Network, count: number, lang: 'en' | 'es' = 'en'): Promise<Person[]> {
  const out: Person[] = [];
  for (let i = 0; i < count; i += 1)
    out.push(await volunteer(n, { name: `Volunteer ${String(i).padStart(2, '0')}`, smsLanguage: lang }));
  return out;
}

export async function release(n: Network, body: Record<string, unknown> = {}) {
  return addRelease(n.t, n.coordinator, {
    siteId: n.siteId,
    adults: 3,
    children: 2,
    languages: ['es'],
    ...body,
  });
}

export function postDispatch(
  n: Network,
  releaseId: number,
  payload: object,
  cookie = n.coordinator,
): Promise<LightMyRequestResponse> {
  return n.t.call(cookie, { method: 'POST', url: `/api/releases/${releaseId}/dispatches`, payload });
}

export async function dispatch(
  n: Network,
  releaseId: number,
  body: { needed: number; languages?: string[]; skills?: string[] },
): Promise<DispatchView> {
  const res = await postDispatch(n, releaseId, body);
  if (res.statusCode !== 201) throw new Error(`dispatch refused: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The dispatch as stored, with what the API leaves out (when it closed). */
export function storedDispatch(t: TestApp, id: number) {
  return t.db.select().from(dispatches).where(eq(dispatches.id, id)).get()!;
}

export async function getDispatch(n: Network, id: number): Promise<DispatchView> {
  const res = await n.t.call(n.coordinator, { method: 'GET', url: `/api/dispatches/${id}` });
  if (res.statusCode !== 200) throw new Error(`dispatch ${id}: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function candidates(n: Network, id: number): Promise<CandidateView[]> {
  const res = await n.t.call(n.coordinator, { method: 'GET', url: `/api/dispatches/${id}/candidates` });
  if (res.statusCode !== 200) throw new Error(`candidates ${id}: ${res.statusCode} ${res.body}`);
  return res.json().items;
}

export function cancelDispatch(n: Network, id: number, cookie = n.coordinator) {
  return n.t.call(cookie, { method: 'POST', url: `/api/dispatches/${id}/cancel`, payload: {} });
}

export function addToDispatch(n: Network, id: number, payload: object, cookie = n.coordinator) {
  return n.t.call(cookie, { method: 'POST', url: `/api/dispatches/${id}/add`, payload });
}

export function offerOf(d: DispatchView, volunteerId: number): OfferView {
  const found = d.offers.find((o) => o.volunteerId === volunteerId);
  if (!found) throw new Error(`no offer for volunteer ${volunteerId} in ${JSON.stringify(d.offers)}`);
  return found;
}

/** A text in from a volunteer; answers the one reply's body. */
export async function reply(n: Network, from: Person | string, body: string): Promise<string> {
  const res = await text(n.t, n.coordinator, typeof from === 'string' ? from : from.phone, body);
  if (res.replies.length !== 1) throw new Error(`expected one reply, got ${JSON.stringify(res.replies)}`);
  return res.replies[0]!.body;
}

const OFFER = /^Bienvenida (\d{4}): /;

/** The offers texted (not the covered or cancelled notices that share their kind), oldest first. */
export function offerTexts(t: TestApp) {
  return outbound(t, 'offer').filter((m) => OFFER.test(m.body));
}

export function textsTo(t: TestApp, who: Person) {
  return outbound(t)
    .filter((m) => m.phone === who.phone)
    .map((m) => m.body);
}

/** Puts the volunteers on a shift at the site covering now (08:00 on Monday 2 March in Denver). */
export async function onShiftNow(n: Network, siteId: number, people: Person[]) {
  const shift = await addShift(n.t, n.coordinator, {
    siteId,
    startsAt: '2026-03-02T07:00',
    endsAt: '2026-03-02T12:00',
    needed: Math.max(1, people.length),
  });
  for (const p of people) {
    const res = await signUp(n.t, n.coordinator, shift.id, p.id);
    if (res.statusCode !== 201) throw new Error(`signup refused: ${res.statusCode} ${res.body}`);
  }
}

/** Runs the scheduler's due jobs after moving the fake clock on. */
export async function elapse(t: TestApp, ms: number) {
  t.clock.advance(ms);
  await t.app.core.scheduler.runDue();
}
