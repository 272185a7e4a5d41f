import { Component } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { isOperator } from '../access';
import type { AuthUser, BoardDispatch, Release } from '../api';
import { useI18n } from '../i18n';
import { onEvent } from '../live';
import { linkClick } from '../router';
import { useStore } from '../store';
import { type BedEnd, BedEndsMarker, bedEnd, useCurrentStays } from './BedEnds';
import { DispatchSummary, tally, useBoardDispatches } from './DispatchBits';
import { ErrorMessage } from './ErrorMessage';
import { BedsFreeTonight, useHousingSites } from './HousingBits';
import {
  AcknowledgeBanner,
  boardOrder,
  Headcount,
  LanguageChips,
  MoveButtons,
  NeedChips,
  ReleaseAge,
  StatusChip,
  useOpenReleases,
} from './ReleaseBits';
import { KitsOnHand } from './SupplyBits';
import { beep, setSound, soundState } from './sound';

export function SoundToggle() {
  const { t } = useI18n();
  const state = useStore(soundState);
  const label = state === 'on' ? t('sound.on') : state === 'blocked' ? t('sound.blocked') : t('sound.off');
  return (
    <button
      type="button"
      class={`btn btn-small sound sound-${state}`}
      aria-pressed={state !== 'off'}
      data-testid="sound-toggle"
      title={t('sound.hint')}
      // Turning it on is the gesture that lets the page play sound at all.
      onClick={() => void setSound(state !== 'on')}
    >
      {label}
    </button>
  );
}

interface CardProps {
  release: Release;
  operator: boolean;
  fresh: boolean;
  dispatches: readonly BoardDispatch[] | undefined;
  bedEnds: BedEnd | null;
  onChanged: () => void;
}

const sameBedEnd = (a: BedEnd | null, b: BedEnd | null) =>
  a === b || (!!a && !!b && a.on === b.on && a.morning === b.morning && a.travelOn === b.travelOn);

/**
 * A card draws again only when what it shows has changed. The board holds hundreds on a busy night, and
 * each of the lists it reads beside the releases (dispatches, beds, stock) arrives or reloads on its own:
 * without this, each arrival drew every card again (150–250 ms for 500 in a headless Chromium here).
 * A change of language still reaches the card: its view subscribes to the language itself.
 */
class ReleaseCard extends Component<CardProps> {
  override shouldComponentUpdate(next: CardProps): boolean {
    const now = this.props;
    return !(
      now.release === next.release &&
      now.operator === next.operator &&
      now.fresh === next.fresh &&
      now.dispatches === next.dispatches &&
      now.onChanged === next.onChanged &&
      sameBedEnd(now.bedEnds, next.bedEnds)
    );
  }

  override render(props: CardProps) {
    return <ReleaseCardView {...props} />;
  }
}

function ReleaseCardView({ release: r, operator, fresh, dispatches, bedEnds, onChanged }: CardProps) {
  const { t } = useI18n();
  const alarm = dispatches ? tally(dispatches)?.escalated : false;
  return (
    <li
      class={`card release-card release-${r.status}${r.acknowledged ? '' : ' release-unacked'}${fresh ? ' release-fresh' : ''}${alarm ? ' release-alarm' : ''}`}
      data-testid="release-card"
      data-code={r.code}
      data-status={r.status}
    >
      {!r.acknowledged && (
        <AcknowledgeBanner release={r} canAcknowledge={operator} onAcknowledged={onChanged} />
      )}
      <div class="release-head">
        <a class="release-code" href={`/releases/${r.id}`} onClick={linkClick}>
          {r.code}
        </a>
        <StatusChip status={r.status} />
      </div>
      <p class="release-site">{r.siteName}</p>
      <ReleaseAge release={r} />
      <Headcount adults={r.adults} children={r.children} />
      <LanguageChips languages={r.languages} />
      <DispatchSummary dispatches={dispatches} />
      {r.needsOutstanding.includes('housing_tonight') && (
        <p class="needs-bed" data-testid="needs-bed">
          {t('housing.needsBed')}
        </p>
      )}
      {bedEnds && <BedEndsMarker end={bedEnds} />}
      {r.needsOutstanding.length > 0 && (
        <div class="release-needs">
          <span class="release-needs-label">{t('release.stillNeeded')}</span>
          <NeedChips needs={r.needsOutstanding} label={t('release.stillNeeded')} />
        </div>
      )}
      {operator && <MoveButtons release={r} onMoved={onChanged} />}
      {operator && !dispatches?.length && (
        <a
          class="btn btn-small"
          href={`/releases/${r.id}#dispatch-title`}
          onClick={linkClick}
          data-testid="send-volunteers"
        >
          {t('board.sendVolunteers')}
        </a>
      )}
    </li>
  );
}

/** Open releases, the ones nobody has acknowledged first; new ones flash, and beep when sound is on. */
export function ReleaseBoard({ user, compact }: { user: AuthUser; compact?: boolean }) {
  const { t } = useI18n();
  const operator = isOperator(user.role);
  const board = useOpenReleases();
  const housing = useHousingSites();
  const stays = useCurrentStays();
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set());
  const timers = useRef(new Map<number, number>());

  useEffect(() => {
    const off = onEvent('release.created', (event) => {
      const data = event.data as Partial<Release> | null;
      if (!data || typeof data.id !== 'number' || data.acknowledged) return;
      const id = data.id;
      beep();
      setFresh((s) => new Set(s).add(id));
      window.clearTimeout(timers.current.get(id));
      timers.current.set(
        id,
        window.setTimeout(() => {
          setFresh((s) => {
            const next = new Set(s);
            next.delete(id);
            return next;
          });
        }, 10_000),
      );
    });
    const pending = timers.current;
    return () => {
      off();
      for (const timer of pending.values()) window.clearTimeout(timer);
    };
  }, []);

  const items = boardOrder(board.data?.items ?? []);
  const dispatches = useBoardDispatches();
  const unacked = items.filter((r) => !r.acknowledged).length;
  const people = items.reduce((n, r) => n + r.people, 0);

  return (
    <section class="board" aria-labelledby={compact ? 'board-title' : undefined} data-testid="release-board">
      {compact && (
        <div class="page-head">
          <h2 id="board-title">{t('board.title')}</h2>
          <div class="page-actions">
            <a class="btn" href="/releases" onClick={linkClick}>
              {t('board.openFull')}
            </a>
            {operator && (
              <a class="btn btn-primary" href="/releases/new" onClick={linkClick}>
                {t('board.new')}
              </a>
            )}
          </div>
        </div>
      )}
      <ErrorMessage error={board.error} />
      {!board.data && !board.error && <p class="loading">{t('app.loading')}</p>}
      {unacked > 0 && (
        <p class="alert alert-new" role="status" data-testid="unacked-summary">
          {t(unacked === 1 ? 'board.unacked.one' : 'board.unacked.other', { n: unacked })}
        </p>
      )}
      {board.data && (
        <p class="count" data-testid="board-count">
          {items.length === 0
            ? t('board.empty')
            : t(items.length === 1 ? 'board.count.one' : 'board.count.other', {
                n: items.length,
                people: t(people === 1 ? 'count.people.one' : 'count.people.other', { n: people }),
              })}
        </p>
      )}
      <BedsFreeTonight sites={housing.data?.items} />
      <KitsOnHand />
      {items.length > 0 && (
        <ul class="card-list release-list" data-testid="release-list">
          {items.map((r) => (
            <ReleaseCard
              key={r.id}
              release={r}
              operator={operator}
              fresh={fresh.has(r.id)}
              dispatches={dispatches.get(r.id)}
              bedEnds={stays.data ? bedEnd(r, stays.data.items, stays.data.tonight) : null}
              onChanged={board.reload}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
