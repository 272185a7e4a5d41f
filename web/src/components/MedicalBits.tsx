import type { PageStatus } from '@shared/medical';
import { useEffect, useState } from 'preact/hooks';
import { medicalStaff } from '../access';
import {
  type ApiError,
  type AuthUser,
  api,
  type MedicalPage,
  type OnCall,
  type PageEvent,
  toApiError,
} from '../api';
import { type Translate, useI18n } from '../i18n';
import { useLiveResource } from '../resource';
import { linkClick } from '../router';
import { ErrorMessage } from './ErrorMessage';
import { formatDayTime, formatTime } from './networkTime';

/** Anything that can change who is on call: a schedule, an override, a contact made inactive. */
export const ONCALL_EVENTS = ['oncall_schedule.', 'medical_contact.'] as const;
export const PAGE_EVENTS = ['page.'] as const;

/** A timer longer than this overflows and fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A browser clock ahead of the server's would otherwise ask again and again as a turn ends. */
const MIN_RECHECK_MS = 5_000;
const GAP_RECHECK_MS = 10 * 60_000;

/** Who is on call, refetched live and again when the current turn ends. */
export function useOnCall() {
  const oncall = useLiveResource(() => api.onCall(), ONCALL_EVENTS);
  const { data, reload } = oncall;
  useEffect(() => {
    if (!data) return;
    const ends = [data.primary?.until, data.backup?.until].flatMap((u) => (u ? [Date.parse(u)] : []));
    // With nobody on call there is no turn end to wait for; a gap's end is found by asking again.
    const ms = ends.length ? Math.min(...ends) - Date.now() + 1000 : GAP_RECHECK_MS;
    const timer = window.setTimeout(reload, Math.min(Math.max(ms, MIN_RECHECK_MS), MAX_TIMER_MS));
    return () => window.clearTimeout(timer);
  }, [data, reload]);
  return oncall;
}

/** Open pages for the roles the server sends page events to; nobody else gets them live. */
export function useOpenPages(user: AuthUser) {
  return useLiveResource(
    () => (medicalStaff.includes(user.role) ? api.medicalPages(true) : Promise.resolve({ items: [] })),
    PAGE_EVENTS,
  );
}

export function PhoneLink({ name, phone }: { name: string; phone: string | null }) {
  const { t } = useI18n();
  if (!phone) return <span class="oncall-name">{name}</span>;
  return (
    <a class="oncall-name" href={`tel:${phone.replace(/[^\d+]/g, '')}`} title={t('oncall.call', { name })}>
      {name} <span class="oncall-phone">{phone}</span>
    </a>
  );
}

/** The header's line: who to call right now, always in view. */
export function OnCallLine({ user }: { user: AuthUser }) {
  const { t, lang } = useI18n();
  const { data } = useOnCall();
  const pages = useOpenPages(user);
  const open = pages.data?.items.length ?? 0;
  if (!data) return null;
  const p = data.primary;
  return (
    <div class="oncall" data-testid="oncall-now" data-contact={p?.contactId ?? ''}>
      <a class="oncall-label" href="/medical" onClick={linkClick}>
        {t('oncall.label')}
      </a>
      {p ? (
        <>
          <PhoneLink name={p.name} phone={p.phone} />
          <span class="oncall-until">{t('oncall.until', { time: formatTime(lang, p.until) })}</span>
        </>
      ) : (
        <span class="oncall-none">{t('oncall.nobody')}</span>
      )}
      {open > 0 && (
        <a class="chip chip-alarm" href="/medical" onClick={linkClick} data-testid="oncall-open-pages">
          {t(open === 1 ? 'oncall.openPages.one' : 'oncall.openPages.other', { n: open })}
        </a>
      )}
    </div>
  );
}

/** Primary and backup with their turn's end and who follows, for the medical page and the home view. */
export function OnCallNow({ oncall }: { oncall: OnCall | null }) {
  const { t, lang } = useI18n();
  if (!oncall) return <p class="loading">{t('app.loading')}</p>;
  const rows = [
    ['primary', oncall.primary],
    ['backup', oncall.backup],
  ] as const;
  return (
    <dl class="facts oncall-now" data-testid="oncall-layers">
      {rows.map(([layer, who]) => (
        <div key={layer} data-layer={layer} data-contact={who?.contactId ?? ''}>
          <dt>{t(`medical.${layer}`)}</dt>
          <dd>
            {who ? (
              <>
                <PhoneLink name={who.name} phone={who.phone} />
                {who.override && <span class="chip chip-note">{t('medical.covering')}</span>}
                <br />
                <span class="hint">
                  {t('oncall.until', { time: formatDayTime(lang, who.until) })}
                  {who.next && ` · ${t('medical.next', { name: who.next.name })}`}
                </span>
              </>
            ) : (
              <span class="chip chip-bad">{t('medical.gap')}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const statusTone: Record<PageStatus, string> = {
  triggered: 'chip-alarm',
  acknowledged: 'chip-progress',
  resolved: 'chip-ok',
  exhausted: 'chip-bad',
};

export function PageStatusChip({ status }: { status: PageStatus }) {
  const { t } = useI18n();
  return (
    <span class={`chip ${statusTone[status]}`} data-testid="page-status" data-status={status}>
      {t(`pageStatus.${status}`)}
    </span>
  );
}

function describeEvent(t: Translate, e: PageEvent): string {
  const who = e.contactName ?? (e.level ? t(`pageLevel.${e.level}`) : e.actor);
  switch (e.kind) {
    case 'notified':
      return t('pageEvent.notified', { who });
    case 'escalated':
      return t('pageEvent.escalated', { who });
    case 'acknowledged':
      return t('pageEvent.acknowledged', { who: e.contactName ?? e.actor });
    default:
      return t(`pageEvent.${e.kind}`);
  }
}

export function PageTimeline({ events }: { events: PageEvent[] }) {
  const { t, lang } = useI18n();
  return (
    <ol class="timeline" data-testid="page-timeline">
      {[...events].reverse().map((e, i) => (
        <li key={`${e.at}-${e.kind}-${i}`} class={`timeline-entry timeline-${e.kind}`} data-kind={e.kind}>
          <time dateTime={e.at} class="timeline-when">
            {formatDayTime(lang, e.at)}
          </time>
          <span class="timeline-what">{describeEvent(t, e)}</span>
          {e.note && <q class="timeline-note">{e.note}</q>}
        </li>
      ))}
    </ol>
  );
}

/** One page: its state, its code, its live timeline and, for those allowed, the resolve action. */
export function PageCard({ page, user }: { page: MedicalPage; user: AuthUser }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const open = page.status === 'triggered' || page.status === 'acknowledged';
  const resolve = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.resolvePage(page.id);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <article class="card page-card" data-testid="page-card" data-page={page.id} data-status={page.status}>
      <div class="release-head">
        <PageStatusChip status={page.status} />
        <span class="page-code">{t('page.code', { code: page.code })}</span>
        {page.releaseId && page.releaseCode && (
          <a href={`/releases/${page.releaseId}`} onClick={linkClick}>
            {t('page.forRelease', { code: page.releaseCode })}
          </a>
        )}
      </div>
      <p class="page-reason">{page.reason}</p>
      {page.acknowledgedBy && <p class="hint">{t('page.ackBy', { name: page.acknowledgedBy })}</p>}
      <PageTimeline events={page.timeline} />
      <ErrorMessage error={error} />
      {open && medicalStaff.includes(user.role) && (
        <button
          type="button"
          class="btn"
          disabled={busy}
          onClick={() => void resolve()}
          data-testid="page-resolve"
        >
          {t('medical.resolve')}
        </button>
      )}
    </article>
  );
}
