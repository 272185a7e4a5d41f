import { OVERVIEW_READS } from '@shared/overview';
import { type ReleaseNeed, type ReleaseStatus, TRANSITIONS } from '@shared/releases';
import { useEffect, useState } from 'preact/hooks';
import { type ApiError, api, type Release, type ReleaseList, toApiError } from '../api';
import { formatDateTime, type Lang, langStore, type Translate, useI18n } from '../i18n';
import { type Loaded, useLiveResource } from '../resource';
import { createStore, useStore } from '../store';
import { errorText } from './ErrorMessage';
import { formatDayTime } from './networkTime';
import { languageName } from './VolunteerBits';

/** The open releases, as the board and the overview's summary read them: preloaded with the overview, live. */
export function useOpenReleases(): Loaded<ReleaseList> {
  return useLiveResource(api.openReleases, ['release.'], { preloaded: OVERVIEW_READS.openReleases });
}

/** The board's order: the releases nobody has acknowledged first, each group as the server lists it. */
export function boardOrder(items: readonly Release[]): Release[] {
  return [...items].sort((a, b) => Number(a.acknowledged) - Number(b.acknowledged));
}

/*
 * One clock for every "reported 12 min ago" on screen. It ticks more often than once a minute so the shown
 * minute is never far behind, whatever second the report came in at.
 */
const TICK_MS = 15_000;
const nowStore = createStore(Date.now());
let tickers = 0;
let tickTimer: number | undefined;

export function useNow(): number {
  useEffect(() => {
    tickers += 1;
    if (tickers === 1) {
      nowStore.set(Date.now());
      tickTimer = window.setInterval(() => nowStore.set(Date.now()), TICK_MS);
    }
    return () => {
      tickers -= 1;
      if (tickers === 0) window.clearInterval(tickTimer);
    };
  }, []);
  return useStore(nowStore);
}

/** "4 min", "2 h 5 min", "3 d 1 h". */
export function formatAge(t: Translate, ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return t('age.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('age.hours', { h: hours, m: minutes % 60 });
  return t('age.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

/** Minutes as "45 min" or "1 h 20 min", for medians that may be fractional. */
export function formatMinutes(t: Translate, minutes: number): string {
  return formatAge(t, Math.round(minutes) * 60_000);
}

/**
 * The exact instant behind "12 min ago", written as the pointer reaches it: formatting one for each of
 * a busy board's hundreds of cards up front was a tenth of its first draw.
 */
function writeExactTime(event: { currentTarget: HTMLTimeElement }): void {
  const el = event.currentTarget;
  el.title = formatDateTime(langStore.get(), el.dateTime);
}

export function ReleaseAge({
  release,
}: {
  release: Pick<Release, 'reportedAt' | 'releasedAt' | 'expectedAt'>;
}) {
  const { t, lang } = useI18n();
  const now = useNow();
  // A family released well before anyone logged it has been waiting since its release; say so.
  const { releasedAt, reportedAt } = release;
  if (releasedAt && reportedAt && Date.parse(reportedAt) - Date.parse(releasedAt) >= 60_000) {
    return (
      <time class="age" dateTime={releasedAt} onPointerEnter={writeExactTime} data-testid="release-age">
        {t('release.releasedAgo', { age: formatAge(t, now - Date.parse(releasedAt)) })}
      </time>
    );
  }
  if (reportedAt) {
    const ms = now - Date.parse(reportedAt);
    return (
      <time class="age" dateTime={reportedAt} onPointerEnter={writeExactTime} data-testid="release-age">
        {ms < 60_000 ? t('release.reportedJustNow') : t('release.reportedAgo', { age: formatAge(t, ms) })}
      </time>
    );
  }
  if (release.expectedAt) {
    return (
      <time class="age" dateTime={release.expectedAt}>
        {t('release.expectedAt', { time: formatDayTime(lang, release.expectedAt) })}
      </time>
    );
  }
  return null;
}

const statusTones: Record<ReleaseStatus, string> = {
  expected: 'wait',
  reported: 'bad',
  team_en_route: 'progress',
  met: 'in',
  sheltered: 'ok',
  traveling: 'ok',
  closed: 'wait',
  cancelled: 'wait',
};

export function StatusChip({ status }: { status: ReleaseStatus }) {
  const { t } = useI18n();
  return (
    <span class={`chip chip-${statusTones[status]}`} data-testid="release-status" data-status={status}>
      {t(`releaseStatus.${status}`)}
    </span>
  );
}

export function Headcount({ adults, children }: { adults: number; children: number }) {
  const { t } = useI18n();
  const people = adults + children;
  return (
    <p class="headcount" data-testid="headcount">
      <strong class="headcount-total">
        {t(people === 1 ? 'count.people.one' : 'count.people.other', { n: people })}
      </strong>
      <span class="headcount-split">
        {t(adults === 1 ? 'count.adults.one' : 'count.adults.other', { n: adults })} ·{' '}
        {t(children === 1 ? 'count.children.one' : 'count.children.other', { n: children })}
      </span>
    </p>
  );
}

/**
 * Codes (es, quc) read in the reader's language; names without a code stay as written. A short unknown
 * code the browser cannot name either gets a capital, so it reads as a name.
 */
export function releaseLanguageName(lang: Lang, value: string): string {
  const name = languageName(lang, value);
  return name === value && /^[a-z]{2,3}$/.test(value) ? value.charAt(0).toUpperCase() + value.slice(1) : name;
}

export function LanguageChips({ languages }: { languages: string[] }) {
  const { t, lang } = useI18n();
  if (languages.length === 0) return <span class="muted">{t('release.noLanguages')}</span>;
  return (
    <ul class="tags" aria-label={t('release.languages')}>
      {languages.map((l) => (
        <li key={l} class="tag" lang={/^[a-z]{2,3}$/.test(l) ? l : undefined}>
          {releaseLanguageName(lang, l)}
        </li>
      ))}
    </ul>
  );
}

export function NeedChips({ needs, label }: { needs: ReleaseNeed[]; label: string }) {
  const { t } = useI18n();
  if (needs.length === 0) return null;
  return (
    <ul class="need-chips" aria-label={label}>
      {needs.map((n) => (
        <li key={n} class="chip chip-warn" data-need={n}>
          {t(`need.${n}`)}
        </li>
      ))}
    </ul>
  );
}

/** The first move forward is the usual one; cancelling is never the obvious button. */
function moveClass(to: ReleaseStatus, index: number): string {
  if (to === 'cancelled') return 'btn btn-small btn-danger';
  return index === 0 ? 'btn btn-small btn-primary' : 'btn btn-small';
}

export function MoveButtons({
  release,
  note,
  onMoved,
  holdMove,
}: {
  release: Pick<Release, 'id' | 'code' | 'status'>;
  note?: string;
  onMoved: (updated: Release) => void;
  /** Answers true to stop this move before it is sent (a note that needs a second look). */
  holdMove?: () => boolean;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const moves = TRANSITIONS[release.status];
  if (moves.length === 0) return null;

  const move = async (to: ReleaseStatus) => {
    if (holdMove?.()) return;
    if (to === 'cancelled' && !window.confirm(t('release.confirmCancel', { code: release.code }))) return;
    setBusy(true);
    setError(null);
    try {
      onMoved(await api.moveRelease(release.id, to, note?.trim() || undefined));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="moves">
      {/* Named by a label rather than a legend: the same to a screen reader, two fewer nodes on each of
          the board's cards. */}
      <fieldset class="moves-row" aria-label={t('release.moveTo')}>
        {moves.map((to, i) => (
          <button
            key={to}
            type="button"
            class={moveClass(to, i)}
            disabled={busy}
            data-move={to}
            onClick={() => void move(to)}
          >
            {t(`move.${to}`)}
          </button>
        ))}
      </fieldset>
      {error && (
        <p class="field-error" role="alert">
          {errorText(t, error)}
        </p>
      )}
    </div>
  );
}

export function AcknowledgeBanner({
  release,
  canAcknowledge,
  onAcknowledged,
}: {
  release: Pick<Release, 'id' | 'code'>;
  canAcknowledge: boolean;
  onAcknowledged: (updated: Release) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const acknowledge = async () => {
    setBusy(true);
    setError(null);
    try {
      onAcknowledged(await api.acknowledgeRelease(release.id));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="ack-banner" data-testid="ack-banner">
      <span class="ack-text">{t('release.new')}</span>
      {canAcknowledge && (
        <button
          type="button"
          class="btn btn-small ack-btn"
          disabled={busy}
          onClick={() => void acknowledge()}
          aria-label={t('release.acknowledgeLabel', { code: release.code })}
        >
          {t('release.acknowledge')}
        </button>
      )}
      {error && (
        <span class="ack-error" role="alert">
          {errorText(t, error)}
        </span>
      )}
    </div>
  );
}
