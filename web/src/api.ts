export type Role = 'admin' | 'coordinator' | 'medical' | 'viewer';
export const roles: Role[] = ['admin', 'coordinator', 'medical', 'viewer'];

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** Listed for admins; the session's own user may come without them. */
  phone?: string | null;
  smsLanguage?: SmsLanguage;
  disabled?: boolean;
  createdAt?: string;
}

export interface UserInput {
  email: string;
  name: string;
  password: string;
  role: Role;
  phone?: string;
  smsLanguage?: SmsLanguage;
}

export interface UserPatch {
  name?: string;
  role?: Role;
  /** null clears it. */
  phone?: string | null;
  smsLanguage?: SmsLanguage;
  disabled?: boolean;
}

export type SiteKind = 'bus_station' | 'airport' | 'detention_center' | 'warehouse' | 'office' | 'other';
export const siteKinds: SiteKind[] = [
  'bus_station',
  'airport',
  'detention_center',
  'warehouse',
  'office',
  'other',
];

export interface Site {
  id: number;
  name: string;
  kind: SiteKind;
  address: string | null;
  smsKeyword: string | null;
  createdAt: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  actor: string | null;
  action: string;
  entity: string;
  entityId: number | string | null;
  changes: Record<string, unknown> | null;
}

export type SmsDirection = 'outbound' | 'inbound';
export const smsDirections: SmsDirection[] = ['outbound', 'inbound'];

export type SmsStatus =
  | 'queued'
  | 'sending'
  | 'submitted'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed'
  | 'opted_out'
  | 'received';
export const smsStatuses: SmsStatus[] = [
  'queued',
  'sending',
  'submitted',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'opted_out',
  'received',
];

export type SmsKind =
  | 'offer'
  | 'page'
  | 'reply'
  | 'direct'
  | 'opt_confirmation'
  | 'reminder'
  | 'broadcast'
  | 'inbound';

export interface SmsMessage {
  id: number;
  direction: SmsDirection;
  phone: string;
  body: string;
  kind: SmsKind;
  language: 'en' | 'es' | null;
  status: SmsStatus;
  errorCode: string | null;
  errorMessage: string | null;
  attempts: number;
  relatedType: string | null;
  relatedId: number | null;
  dueAt: string | null;
  createdAt: string;
  updatedAt: string;
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
}

export interface SmsQuery {
  direction?: SmsDirection;
  status?: SmsStatus;
  phone?: string;
  before?: number;
  limit?: number;
}

export interface OptOut {
  phone: string;
  keyword: string;
  optedOutAt: string;
}

export interface Health {
  ok: boolean;
  db: unknown;
  sms: unknown;
  smsDriver?: unknown;
}

export type VolunteerSkill =
  | 'driver'
  | 'interpreter'
  | 'medical'
  | 'housing_host'
  | 'supply_runner'
  | 'hotline';
export const volunteerSkills: VolunteerSkill[] = [
  'driver',
  'interpreter',
  'medical',
  'housing_host',
  'supply_runner',
  'hotline',
];

export type SmsLanguage = 'en' | 'es';
export const smsLanguages: SmsLanguage[] = ['en', 'es'];

export type ScreeningStateName = 'clear' | 'isolating' | 'missing';
export const screeningStates: ScreeningStateName[] = ['clear', 'isolating', 'missing'];

export interface ScreeningState {
  state: ScreeningStateName;
  /** Isolating: when it may end. Clear: when the screen stops counting. */
  until: string | null;
  lastScreenedAt: string | null;
}

export interface Volunteer {
  id: number;
  name: string;
  phone: string;
  languages: string[];
  skills: VolunteerSkill[];
  highRisk: boolean;
  active: boolean;
  smsLanguage: SmsLanguage;
  optedOut: boolean;
  createdAt: string;
  updatedAt: string;
  screening: ScreeningState;
}

export interface VolunteerInput {
  name: string;
  phone: string;
  languages: string[];
  skills: VolunteerSkill[];
  highRisk?: boolean;
  active?: boolean;
  smsLanguage?: SmsLanguage;
}

export type VolunteerPatch = Partial<VolunteerInput>;

export interface VolunteerQuery {
  q?: string;
  language?: string;
  skill?: VolunteerSkill;
  active?: 'true' | 'false';
  screening?: ScreeningStateName;
}

export interface ScreeningAnswers {
  symptoms: boolean;
  exposure: boolean;
}

export interface ScreeningResult {
  result: 'clear' | 'isolate';
  isolateUntil: string | null;
  state: ScreeningStateName;
}

export type ImportRow =
  | { row: number; status: 'added'; id: number; name: string }
  | { row: number; status: 'refused'; name: string | null; errors: FieldError[] };

export interface ImportReport {
  added: number;
  refused: number;
  rows: ImportRow[];
}

export interface ShiftSignup {
  volunteerId: number;
  name: string;
  source: 'web' | 'sms';
  /** False while the volunteer isolates: their place is a gap again. */
  counts: boolean;
  screening: ScreeningStateName;
}

export interface Shift {
  id: number;
  siteId: number;
  siteName: string;
  /** ISO with the network's offset: the wall-clock digits are the network's local time. */
  startsAt: string;
  endsAt: string;
  date: string;
  role: string | null;
  needed: number;
  filled: number;
  gap: boolean;
  templateId: number | null;
  signups: ShiftSignup[];
}

export interface CoverageDay {
  date: string;
  needed: number;
  filled: number;
  gaps: number;
  shifts: Shift[];
}

export interface ShiftInput {
  siteId: number;
  /** `YYYY-MM-DDTHH:mm`, local to the network. */
  startsAt: string;
  endsAt: string;
  role?: string;
  needed: number;
}

export interface ShiftTemplateInput {
  siteId: number;
  /** ISO weekday: Monday 1 … Sunday 7. */
  weekday: number;
  startTime: string;
  endTime: string;
  role?: string;
  needed: number;
}

export interface ShiftTemplate extends Omit<ShiftTemplateInput, 'role'> {
  id: number;
  role: string | null;
  active: boolean;
}

export interface ScreeningLinkInfo {
  firstName: string;
  language: SmsLanguage;
  expiresAt: string;
}

export interface ScreeningLinkResult {
  result: 'clear' | 'isolate';
  state: ScreeningStateName;
  until: string | null;
}

export type BroadcastSkipReason = 'opted_out' | 'inactive' | 'not_found';

export interface BroadcastInput {
  body: string;
  bodyEs?: string;
  volunteerIds?: number[];
  shiftId?: number;
}

export interface BroadcastResult {
  queued: number;
  messageIds: number[];
  skipped: { volunteerId: number; reason: BroadcastSkipReason }[];
}

export type ReleaseStatus =
  | 'expected'
  | 'reported'
  | 'team_en_route'
  | 'met'
  | 'sheltered'
  | 'traveling'
  | 'closed'
  | 'cancelled';

/** The server's workflow (releases.workflow.ts): which moves each status allows, in the order offered. */
export const releaseTransitions: Record<ReleaseStatus, readonly ReleaseStatus[]> = {
  expected: ['reported', 'cancelled'],
  reported: ['team_en_route', 'met', 'cancelled'],
  team_en_route: ['met', 'cancelled'],
  met: ['sheltered', 'traveling', 'closed'],
  sheltered: ['traveling', 'closed'],
  traveling: ['closed'],
  closed: [],
  cancelled: [],
};

export type ReleaseNeed =
  | 'food'
  | 'water'
  | 'clothing'
  | 'shoes'
  | 'housing_tonight'
  | 'medical'
  | 'medication'
  | 'travel_tickets'
  | 'phone_call'
  | 'funds'
  | 'hygiene_kit'
  | 'travel_bag'
  | 'covid_guidance'
  | 'legal_orientation';
export const releaseNeeds: ReleaseNeed[] = [
  'food',
  'water',
  'clothing',
  'shoes',
  'housing_tonight',
  'medical',
  'medication',
  'travel_tickets',
  'phone_call',
  'funds',
  'hygiene_kit',
  'travel_bag',
  'covid_guidance',
  'legal_orientation',
];

export interface Release {
  id: number;
  code: string;
  siteId: number;
  siteName: string;
  status: ReleaseStatus;
  expectedAt: string | null;
  releasedAt: string | null;
  reportedAt: string | null;
  metAt: string | null;
  closedAt: string | null;
  adults: number;
  children: number;
  people: number;
  languages: string[];
  needs: ReleaseNeed[];
  needsMet: ReleaseNeed[];
  needsOutstanding: ReleaseNeed[];
  destination: string | null;
  travelDate: string | null;
  notes: string | null;
  source: 'web' | 'sms';
  acknowledged: boolean;
  purged: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface TimelineEntry {
  id: number;
  at: string;
  actor: string;
  kind: 'created' | 'status' | 'needs' | 'acknowledged' | 'purged';
  fromStatus: ReleaseStatus | null;
  toStatus: ReleaseStatus | null;
  note: string | null;
}

export interface ReleaseDetail extends Release {
  timeline: TimelineEntry[];
}

export interface ReleaseInput {
  siteId: number;
  releasedAt?: string;
  expectedAt?: string;
  adults: number;
  children: number;
  languages: string[];
  needs: ReleaseNeed[];
  destination?: string;
  /** `YYYY-MM-DD`. */
  travelDate?: string;
  notes?: string;
}

export type ReportPeriod = 'day' | 'week';

export interface ReportQuery {
  from?: string;
  to?: string;
  period?: ReportPeriod;
}

export interface ReleaseReport {
  from: string;
  to: string;
  period: ReportPeriod;
  releases: number;
  people: number;
  medianMinutesToMet: number | null;
  series: { start: string; people: number }[];
  bySite: { site: string; people: number }[];
  byLanguage: { language: string; people: number }[];
  byNeed: { need: string; people: number }[];
}

export type DispatchStatus = 'open' | 'filled' | 'escalated' | 'cancelled';
export type OfferState = 'offered' | 'accepted' | 'declined' | 'expired' | 'superseded';
export type CandidateExclusion =
  | 'inactive'
  | 'opted_out'
  | 'screening_missing'
  | 'isolating'
  | 'high_risk'
  | 'busy'
  | 'already_asked';
export type CandidateBand = 'on_shift_here' | 'on_shift_elsewhere' | 'off_shift';

export interface DispatchOffer {
  volunteerId: number;
  name: string;
  code: string;
  state: OfferState;
  wave: number;
  /** The ranking in words, as the server wrote it when the offer went out. */
  reason: string;
  etaMinutes: number | null;
  replyText: string | null;
  offeredAt: string;
  expiresAt: string;
  respondedAt: string | null;
}

export interface Dispatch {
  id: number;
  releaseId: number;
  status: DispatchStatus;
  needed: number;
  accepted: number;
  languages: string[];
  skills: VolunteerSkill[];
  wave: number;
  deadlineAt: string;
  createdAt: string;
  offers: DispatchOffer[];
}

export interface DispatchInput {
  needed: number;
  languages?: string[];
  skills?: VolunteerSkill[];
}

export interface DispatchCandidate {
  volunteerId: number;
  name: string;
  eligible: boolean;
  excludedBecause: CandidateExclusion[];
  band: CandidateBand;
  languages: string[];
  skills: VolunteerSkill[];
  rank: number | null;
  why: string;
}

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let unauthorizedHandler: (() => void) | null = null;

/** Called when an authenticated request answers 401: the session has ended. */
export function onUnauthorized(fn: (() => void) | null): void {
  unauthorizedHandler = fn;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sent as-is with this content type instead of JSON. */
  raw?: { type: string; text: string };
  idempotencyKey?: string;
  /** Auth probes answer 401 by design; they must not trigger a sign-out. */
  expectUnauthorized?: boolean;
  /** Gives up after this long, as a network error: a connection that hangs is no better than none. */
  timeoutMs?: number;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  if (opts.raw) {
    headers['content-type'] = opts.raw.type;
    body = opts.raw.text;
  } else if (method !== 'GET') {
    // A JSON content type on every state change is the server's CSRF guard, even without a payload.
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body ?? {});
  }
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;

  const abort = opts.timeoutMs ? new AbortController() : null;
  const timer = abort ? window.setTimeout(() => abort.abort(), opts.timeoutMs) : undefined;
  let res: Response;
  let payload: unknown = null;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: abort?.signal });
    if (res.status !== 204) {
      payload = await res.json().catch((err: unknown) => {
        // A body cut off by the timeout is a lost answer, not an empty one.
        if (abort?.signal.aborted) throw err;
        return null;
      });
    }
  } catch {
    throw new ApiError(0, 'network', 'Network error');
  } finally {
    window.clearTimeout(timer);
  }
  if (res.status === 204) return undefined as T;
  if (res.ok) return payload as T;

  const err = (payload as { error?: Partial<ApiError> } | null)?.error;
  if (res.status === 401 && !opts.expectUnauthorized) unauthorizedHandler?.();
  throw new ApiError(
    res.status,
    typeof err?.code === 'string' ? err.code : `http_${res.status}`,
    typeof err?.message === 'string' ? err.message : res.statusText,
    Array.isArray(err?.details) ? err.details : [],
  );
}

/** /healthz may answer 503 with the same body; both answers are worth showing. */
async function fetchHealth(): Promise<Health> {
  let res: Response;
  try {
    res = await fetch('/healthz', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'Network error');
  }
  const body = (await res.json().catch(() => null)) as Partial<Health> | null;
  if (!body || typeof body !== 'object') throw new ApiError(res.status, `http_${res.status}`, res.statusText);
  return { ok: body.ok === true, db: body.db, sms: body.sms, smsDriver: body.smsDriver };
}

function withQuery(path: string, query: object): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; a LAN address over plain http is not one.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const api = {
  setupStatus: () => request<{ needed: boolean }>('/api/setup'),
  setup: (body: { token: string; email: string; name: string; password: string }) =>
    request<{ user: User }>('/api/setup', { method: 'POST', body }),
  me: () => request<{ user: User }>('/api/auth/me', { expectUnauthorized: true }),
  login: (email: string, password: string) =>
    request<{ user: User }>('/api/auth/login', {
      method: 'POST',
      body: { email, password },
      expectUnauthorized: true,
    }),
  logout: () => request<void>('/api/auth/logout', { method: 'POST', expectUnauthorized: true }),
  health: fetchHealth,
  users: () => request<{ items: User[] }>('/api/users'),
  createUser: (body: UserInput, key: string) =>
    request<User>('/api/users', { method: 'POST', body, idempotencyKey: key }),
  updateUser: (id: number, body: UserPatch) => request<User>(`/api/users/${id}`, { method: 'PATCH', body }),
  sites: () => request<{ items: Site[] }>('/api/sites'),
  createSite: (body: { name: string; kind: SiteKind; address?: string; smsKeyword?: string }, key: string) =>
    request<Site>('/api/sites', { method: 'POST', body, idempotencyKey: key }),
  audit: (query: { action?: string; entity?: string; before?: number; limit?: number }) =>
    request<{ items: AuditEntry[]; nextBefore: number | null }>(withQuery('/api/audit', query)),
  smsMessages: (query: SmsQuery) =>
    request<{ items: SmsMessage[]; nextBefore: number | null }>(withQuery('/api/sms/messages', query)),
  sendSms: (body: { to: string; body: string }, key: string) =>
    request<SmsMessage>('/api/sms/messages', { method: 'POST', body, idempotencyKey: key }),
  resendSms: (id: number, key: string) =>
    request<SmsMessage>(`/api/sms/messages/${id}/resend`, { method: 'POST', idempotencyKey: key }),
  simulateSms: (body: { from: string; body: string }, key: string) =>
    request<{ inbound: SmsMessage; replies: SmsMessage[] }>('/api/sms/simulate', {
      method: 'POST',
      body,
      idempotencyKey: key,
    }),
  optOuts: () => request<{ items: OptOut[] }>('/api/sms/opt-outs'),
  broadcast: (body: BroadcastInput, key: string) =>
    request<BroadcastResult>('/api/sms/broadcast', { method: 'POST', body, idempotencyKey: key }),
  volunteers: (query: VolunteerQuery = {}) =>
    request<{ items: Volunteer[] }>(withQuery('/api/volunteers', query)),
  volunteer: (id: number) => request<Volunteer>(`/api/volunteers/${id}`),
  createVolunteer: (body: VolunteerInput, key: string) =>
    request<Volunteer>('/api/volunteers', { method: 'POST', body, idempotencyKey: key }),
  updateVolunteer: (id: number, body: VolunteerPatch) =>
    request<Volunteer>(`/api/volunteers/${id}`, { method: 'PATCH', body }),
  recordScreening: (id: number, body: ScreeningAnswers, key: string) =>
    request<ScreeningResult>(`/api/volunteers/${id}/screenings`, {
      method: 'POST',
      body,
      idempotencyKey: key,
    }),
  importVolunteers: (csv: string, key: string) =>
    request<ImportReport>('/api/volunteers/import', {
      method: 'POST',
      raw: { type: 'text/csv', text: csv },
      idempotencyKey: key,
    }),
  shifts: (query: { from?: string; to?: string } = {}) =>
    request<{ items: Shift[] }>(withQuery('/api/shifts', query)),
  coverage: (query: { from?: string; days?: number } = {}) =>
    request<{ days: CoverageDay[] }>(withQuery('/api/shifts/coverage', query)),
  createShift: (body: ShiftInput, key: string) =>
    request<Shift>('/api/shifts', { method: 'POST', body, idempotencyKey: key }),
  signUp: (shiftId: number, volunteerId: number, key: string) =>
    request<Shift>(`/api/shifts/${shiftId}/signups`, {
      method: 'POST',
      body: { volunteerId },
      idempotencyKey: key,
    }),
  cancelSignup: (shiftId: number, volunteerId: number) =>
    request<Shift>(`/api/shifts/${shiftId}/signups/${volunteerId}`, { method: 'DELETE' }),
  shiftTemplates: () => request<{ items: ShiftTemplate[] }>('/api/shifts/templates'),
  createShiftTemplate: (body: ShiftTemplateInput, key: string) =>
    request<ShiftTemplate>('/api/shifts/templates', { method: 'POST', body, idempotencyKey: key }),
  updateShiftTemplate: (id: number, body: { active?: boolean; needed?: number; role?: string | null }) =>
    request<ShiftTemplate>(`/api/shifts/templates/${id}`, { method: 'PATCH', body }),
  checkScreeningLink: (token: string) =>
    request<ScreeningLinkInfo>('/api/screening/link/check', {
      method: 'POST',
      body: { token },
      expectUnauthorized: true,
    }),
  screenByLink: (body: { token: string } & ScreeningAnswers, key: string) =>
    request<ScreeningLinkResult>('/api/screening/link', {
      method: 'POST',
      body,
      idempotencyKey: key,
      expectUnauthorized: true,
    }),
  releases: (status: 'open' | 'closed' | 'all' = 'open') =>
    request<{ items: Release[] }>(withQuery('/api/releases', { status })),
  release: (id: number) => request<ReleaseDetail>(`/api/releases/${id}`),
  createRelease: (body: ReleaseInput, key: string, timeoutMs?: number) =>
    request<ReleaseDetail>('/api/releases', { method: 'POST', body, idempotencyKey: key, timeoutMs }),
  moveRelease: (id: number, status: ReleaseStatus, note?: string) =>
    request<ReleaseDetail>(`/api/releases/${id}/status`, { method: 'POST', body: { status, note } }),
  setNeedsMet: (id: number, met: ReleaseNeed[]) =>
    request<ReleaseDetail>(`/api/releases/${id}/needs`, { method: 'POST', body: { met } }),
  acknowledgeRelease: (id: number) =>
    request<ReleaseDetail>(`/api/releases/${id}/acknowledge`, { method: 'POST' }),
  releaseDispatches: (releaseId: number) =>
    request<{ items: Dispatch[] }>(`/api/releases/${releaseId}/dispatches`),
  dispatch: (id: number) => request<Dispatch>(`/api/dispatches/${id}`),
  createDispatch: (releaseId: number, body: DispatchInput, key: string) =>
    request<Dispatch>(`/api/releases/${releaseId}/dispatches`, { method: 'POST', body, idempotencyKey: key }),
  dispatchCandidates: (id: number) =>
    request<{ items: DispatchCandidate[] }>(`/api/dispatches/${id}/candidates`),
  cancelDispatch: (id: number) =>
    request<Dispatch>(`/api/dispatches/${id}/cancel`, { method: 'POST', body: {} }),
  addToDispatch: (id: number, count: number, key: string) =>
    request<Dispatch>(`/api/dispatches/${id}/add`, { method: 'POST', body: { count }, idempotencyKey: key }),
  releaseReport: (query: ReportQuery) => request<ReleaseReport>(withQuery('/api/reports/releases', query)),
};

/** A plain link: the browser downloads it with the session cookie, under the server's file name. */
export function releaseCsvUrl(query: { from?: string; to?: string }): string {
  return withQuery('/api/reports/releases.csv', query);
}
