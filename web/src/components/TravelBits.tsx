import type { TicketStatus } from '@shared/travel';
import type { Itinerary, Leg } from '../api';
import { type Lang, useI18n } from '../i18n';
import { formatDay, formatTime } from './networkTime';

/** Zones a leg's stop is most often in; the empty value is the network's own zone. */
export const STOP_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
] as const;

const abbrs = new Map<string, Intl.DateTimeFormat>();

/** "MST", "EDT": the stop's zone as the timetable prints it, at that instant (right across DST). */
export function zoneAbbr(iso: string, zone: string): string {
  let fmt = abbrs.get(zone);
  if (!fmt) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    } catch {
      return '';
    }
    abbrs.set(zone, fmt);
  }
  return fmt.formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** The digits the server wrote are already the stop's local time: show them with the stop's zone. */
export function stopTime(lang: Lang, iso: string, zone: string): string {
  return `${formatDay(lang, iso)} ${formatTime(lang, iso)} ${zoneAbbr(iso, zone)}`;
}

export function TicketChip({ status }: { status: TicketStatus }) {
  const { t } = useI18n();
  return (
    <span class={`chip ${status === 'needed' ? 'chip-warn' : 'chip-ok'}`} data-testid="ticket-chip">
      {t(`ticket.${status}`)}
    </span>
  );
}

export function BagChip({ count }: { count: number }) {
  const { t } = useI18n();
  return count > 0 ? (
    <span class="chip chip-ok" data-testid="bag-chip">
      {t('travel.bags', { n: count })}
    </span>
  ) : (
    <span class="chip chip-warn" data-testid="bag-chip">
      {t('travel.noBag')}
    </span>
  );
}

function transferText(t: ReturnType<typeof useI18n>['t'], leg: Leg): string | null {
  if (leg.transferMinutes === null) return null;
  const h = Math.floor(leg.transferMinutes / 60);
  const m = leg.transferMinutes % 60;
  return t('travel.transfer', { place: leg.to, wait: h ? `${h} h ${m} min` : `${m} min` });
}

/** Each leg with its times at its own stops, and the wait at each change. */
export function LegList({ itinerary }: { itinerary: Itinerary }) {
  const { t, lang } = useI18n();
  return (
    <ol class="plain-list legs" data-testid="legs">
      {itinerary.legs.map((leg, i) => (
        <li key={`${leg.departsAt}-${i}`} data-testid="leg">
          <strong>{leg.carrier}</strong>
          <span class="block">
            {leg.from} · <time dateTime={leg.departsAt}>{stopTime(lang, leg.departsAt, leg.fromZone)}</time>
          </span>
          <span class="block">
            → {leg.to} · <time dateTime={leg.arrivesAt}>{stopTime(lang, leg.arrivesAt, leg.toZone)}</time>
          </span>
          {transferText(t, leg) && <span class="hint block">{transferText(t, leg)}</span>}
        </li>
      ))}
    </ol>
  );
}
