import type { DispatchStatus, OfferState } from '@shared/dispatch';
import { OVERVIEW_READS } from '@shared/overview';
import { volunteerSkills } from '@shared/volunteers';
import { useMemo } from 'preact/hooks';
import { api, type BoardDispatch, type Candidate, type Offer } from '../api';
import { hasKey, type Lang, type Translate, useI18n } from '../i18n';
import type { LiveEvent } from '../live';
import { useLiveResource } from '../resource';
import { releaseLanguageName } from './ReleaseBits';

/** The most volunteers one dispatch may ask for, as the server's dispatch contract allows. */
export { MAX_DISPATCH_NEEDED as MAX_NEEDED } from '@shared/dispatch';

const statusTones: Record<DispatchStatus, string> = {
  open: 'progress',
  filled: 'ok',
  escalated: 'bad',
  cancelled: 'wait',
};

export function DispatchStatusChip({ status }: { status: DispatchStatus }) {
  const { t } = useI18n();
  return (
    <span
      class={`chip chip-${statusTones[status]}${status === 'escalated' ? ' chip-alarm' : ''}`}
      data-testid="dispatch-status"
      data-status={status}
    >
      {t(`dispatchStatus.${status}`)}
    </span>
  );
}

const offerTones: Record<OfferState, string> = {
  offered: 'progress',
  accepted: 'ok',
  declined: 'warn',
  expired: 'wait',
  superseded: 'wait',
};

export function OfferStateChip({ state }: { state: OfferState }) {
  const { t } = useI18n();
  return (
    <span class={`chip chip-${offerTones[state]}`} data-testid="offer-state" data-state={state}>
      {t(`offerState.${state}`)}
    </span>
  );
}

const bandLabels: Record<string, Candidate['band']> = {
  'on shift here': 'on_shift_here',
  'on shift elsewhere': 'on_shift_elsewhere',
  'off shift': 'off_shift',
};

/**
 * The server words its ranking in English ("on shift here · speaks es · driver"); each part it can write
 * is known, so it reads in the dashboard's language. Anything unrecognised is shown as written.
 */
export function reasonText(t: Translate, lang: Lang, why: string): string {
  return why
    .split(' · ')
    .map((part) => {
      const band = bandLabels[part];
      if (band) return t(`band.${band}`);
      const speaks = /^speaks (.+)$/.exec(part);
      if (speaks?.[1]) return t('dispatch.speaks', { language: releaseLanguageName(lang, speaks[1]) });
      const skill = volunteerSkills.find((s) => s === part);
      if (skill) return t(`skill.${skill}`);
      return part;
    })
    .join(' · ');
}

/**
 * A dispatch's wanted skills and a candidate's exclusions come as words the server may add to; known ones
 * read in the dashboard's language, others as written.
 */
export function skillName(t: Translate, skill: string): string {
  const key = `skill.${skill}`;
  return hasKey(key) ? t(key) : skill;
}

export function exclusionName(t: Translate, reason: string): string {
  const key = `exclusion.${reason}`;
  return hasKey(key) ? t(key) : reason;
}

/** "YES (15 min) — “on my way”", the reply as the coordinator would want to hear it read out. */
export function replySummary(t: Translate, offer: Offer): string | null {
  if (offer.state !== 'accepted' && offer.state !== 'declined') return null;
  const word = t(offer.state === 'accepted' ? 'feed.yes' : 'feed.no');
  const eta = offer.etaMinutes !== null ? ` (${t('dispatch.eta', { n: offer.etaMinutes })})` : '';
  const note = offer.replyText ? ` — “${offer.replyText}”` : '';
  return `${word}${eta}${note}`;
}

function releaseIdOf(event: LiveEvent): number | null {
  const data = event.data as { releaseId?: unknown; id?: unknown } | null;
  if (!data) return null;
  if (typeof data.releaseId === 'number') return data.releaseId;
  // release.status names the release itself by id.
  if (event.type.startsWith('release.') && typeof data.id === 'number') return data.id;
  return null;
}

/** One release's dispatches, refetched whenever a dispatch event names that release. */
export function useReleaseDispatches(releaseId: number) {
  return useLiveResource(() => api.releaseDispatches(releaseId), ['dispatch.', 'release.status'], {
    when: (event) => releaseIdOf(event) === releaseId,
  });
}

export interface DispatchTally {
  accepted: number;
  needed: number;
  escalated: boolean;
  open: boolean;
}

/** What the board card says: everyone still wanted across the release's live dispatches. */
export function tally(dispatches: readonly BoardDispatch[]): DispatchTally | null {
  const live = dispatches.filter((d) => d.status !== 'cancelled');
  if (live.length === 0) return null;
  return {
    accepted: live.reduce((n, d) => n + d.accepted, 0),
    needed: live.reduce((n, d) => n + d.needed, 0),
    escalated: live.some((d) => d.status === 'escalated'),
    open: live.some((d) => d.status === 'open'),
  };
}

/**
 * The dispatches of every release on the board, in one request however many releases are open; a
 * dispatch event or a release moving fetches them again.
 */
export function useBoardDispatches(): ReadonlyMap<number, BoardDispatch[]> {
  const { data } = useLiveResource(api.boardDispatches, ['dispatch.', 'release.status'], {
    preloaded: OVERVIEW_READS.boardDispatches,
  });
  return useMemo(() => {
    const byRelease = new Map<number, BoardDispatch[]>();
    for (const d of data?.items ?? []) byRelease.set(d.releaseId, [...(byRelease.get(d.releaseId) ?? []), d]);
    return byRelease;
  }, [data]);
}

export function DispatchSummary({ dispatches }: { dispatches: readonly BoardDispatch[] | undefined }) {
  const { t } = useI18n();
  const sum = dispatches ? tally(dispatches) : null;
  if (!sum) return null;
  const vars = { accepted: sum.accepted, needed: sum.needed };
  return (
    <p
      class={`dispatch-summary${sum.escalated ? ' dispatch-summary-alarm' : ''}`}
      data-testid="dispatch-summary"
      data-escalated={sum.escalated ? 'true' : 'false'}
      role={sum.escalated ? 'alert' : undefined}
    >
      {sum.escalated ? t('board.dispatchEscalated', vars) : t('board.dispatch', vars)}
    </p>
  );
}
