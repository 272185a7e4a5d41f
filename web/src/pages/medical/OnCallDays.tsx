import { GAP_DAYS } from '@shared/medical';
import type { OnCallSchedule, ScheduleList } from '../../api';
import { formatDay, formatTime, nextDay, wallDate } from '../../components/networkTime';
import { useI18n } from '../../i18n';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Who takes over at a schedule's handoff on a local date, by calendar arithmetic as the server counts
 * turns: the handoff keeps its wall-clock time across daylight-saving changes.
 */
function handoffOn(s: OnCallSchedule, date: string): string | null {
  const days = daysBetween(s.startsOn, date);
  const step = s.handoff === 'weekly' ? 7 : 1;
  if (days < 0 || days % step !== 0 || s.participants.length === 0) return null;
  return s.participants[(days / step) % s.participants.length]?.name ?? null;
}

/** A stretch seen from one local date: its wall-clock times, clipped to the day. */
function within(date: string, from: string, to: string): { from: string; to: string } | null {
  const start = wallDate(from);
  const end = wallDate(to);
  if (end < date || start > date || (end === date && to.slice(11, 16) === '00:00')) return null;
  return { from: start < date ? `${date}T00:00` : from, to: end > date ? `${date}T24:00` : to };
}

/** The next 14 days, one line each: handoffs, overrides and the hours with nobody on primary call. */
export function OnCallDays({ data, today }: { data: ScheduleList; today: string }) {
  const { t, lang } = useI18n();
  const time = (iso: string) => (iso.endsWith('T24:00') ? '24:00' : formatTime(lang, iso));
  const days: string[] = [];
  for (let d = today; days.length < GAP_DAYS; d = nextDay(d)) days.push(d);
  const active = data.items.filter((s) => s.active);
  return (
    <ol class="oncall-days" data-testid="oncall-days">
      {days.map((day) => {
        const gaps = data.gaps.map((g) => within(day, g.from, g.to)).filter((g) => g !== null);
        return (
          <li key={day} data-day={day} data-gap={gaps.length > 0}>
            <span class="oncall-day">{formatDay(lang, day)}</span>
            {active.map((s) => {
              const who = handoffOn(s, day);
              return (
                who && (
                  <span key={`h${s.id}`}>
                    {formatTime(lang, `${day}T${s.handoffTime}`)} → {who}{' '}
                    <span class="hint">({t(`layer.${s.layer}`)})</span>
                  </span>
                )
              );
            })}
            {active.flatMap((s) =>
              s.overrides.map((o) => {
                const part = within(day, o.startsAt, o.endsAt);
                return (
                  part && (
                    <span key={`o${o.id}`} class="chip chip-note" data-testid="override">
                      {o.contactName} {t('medical.covering')} {time(part.from)}–{time(part.to)}
                    </span>
                  )
                );
              }),
            )}
            {gaps.map((g) => (
              <span key={g.from} class="chip chip-bad" data-testid="gap">
                {t('medical.gap')} {time(g.from)}–{time(g.to)}
              </span>
            ))}
          </li>
        );
      })}
    </ol>
  );
}
