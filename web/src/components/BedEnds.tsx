import { api, type Release, type Stay } from '../api';
import { useI18n } from '../i18n';
import { useLiveResource } from '../resource';
import { formatDay, nextDay } from './networkTime';

/** A group's bed running out with no ride onward by then. */
export interface BedEnd {
  /** The morning they leave the bed. */
  on: string;
  morning: 'today' | 'tomorrow';
  /** A travel date later than that morning: the nights between are uncovered. */
  travelOn: string | null;
}

/** Stays holding beds tonight or later or ended this morning, with the network's date tonight. */
export function useCurrentStays() {
  return useLiveResource(api.currentStays, ['stay.']);
}

/**
 * The earliest of the release's stays ending this morning or tomorrow morning, unless another of its
 * stays begins that same day (a move or a re-placement) or the group travels by then.
 */
export function bedEnd(
  release: Pick<Release, 'id' | 'travelDate'>,
  stays: readonly Stay[],
  tonight: string,
): BedEnd | null {
  const mine = stays.filter((s) => s.releaseId === release.id && s.status === 'active');
  const tomorrow = nextDay(tonight);
  const on = mine
    .map((s) => s.checkOut)
    .filter((day) => (day === tonight || day === tomorrow) && !mine.some((o) => o.checkIn === day))
    .sort()[0];
  if (!on) return null;
  if (release.travelDate && release.travelDate <= on) return null;
  return { on, morning: on === tonight ? 'today' : 'tomorrow', travelOn: release.travelDate };
}

export function BedEndsMarker({ end }: { end: BedEnd }) {
  const { t, lang } = useI18n();
  return (
    <p class="bed-ends" data-testid="bed-ends" data-on={end.on}>
      {end.travelOn
        ? t(`housing.travelLater.${end.morning}`, { day: formatDay(lang, end.travelOn) })
        : t(`housing.bedEnds.${end.morning}`)}
    </p>
  );
}
