import type { Shift } from '../api';
import { type Lang, type Translate, useI18n } from '../i18n';
import { formatDay, formatTime, wallDate } from './networkTime';

/** "7:00 AM – 3:00 PM" in the network's time, saying so when the shift runs past midnight. */
export function timeRange(t: Translate, lang: Lang, startsAt: string, endsAt: string): string {
  const range = `${formatTime(lang, startsAt)} – ${formatTime(lang, endsAt)}`;
  return wallDate(endsAt) === wallDate(startsAt) ? range : t('shifts.untilNextDay', { range });
}

/** One line naming a shift, for pickers and lists: day, time, site and role. */
export function shiftLabel(t: Translate, lang: Lang, s: Shift): string {
  const parts = [formatDay(lang, s.date), timeRange(t, lang, s.startsAt, s.endsAt), s.siteName];
  if (s.role) parts.push(s.role);
  return parts.join(' · ');
}

export type CoverageTone = 'ok' | 'warn' | 'bad' | 'none';

/** Full is green; some places open is amber; nobody yet is red. */
export function coverageTone(filled: number, needed: number): CoverageTone {
  if (needed === 0) return 'none';
  if (filled >= needed) return 'ok';
  return filled === 0 ? 'bad' : 'warn';
}

export function FilledChip({ filled, needed }: { filled: number; needed: number }) {
  const { t } = useI18n();
  const tone = coverageTone(filled, needed);
  return (
    <span
      class={`chip chip-${tone === 'none' ? 'wait' : tone} filled`}
      data-testid="shift-filled"
      data-filled={filled}
      data-needed={needed}
    >
      {t('shifts.filledOf', { filled, needed })}
    </span>
  );
}
