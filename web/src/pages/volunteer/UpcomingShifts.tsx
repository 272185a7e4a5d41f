import { api } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { dateFromNow, formatDay } from '../../components/networkTime';
import { timeRange } from '../../components/ShiftBits';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';
import { linkClick } from '../../router';

export function UpcomingShifts({ volunteerId }: { volunteerId: number }) {
  const { t, lang } = useI18n();
  const shifts = useLiveResource(() => api.shifts({ to: dateFromNow(30) }), ['shift.', 'screening.']);
  const now = Date.now();
  const mine = (shifts.data?.items ?? []).filter(
    (s) => Date.parse(s.endsAt) > now && s.signups.some((x) => x.volunteerId === volunteerId),
  );
  return (
    <section class="card" aria-labelledby="volunteer-shifts-title">
      <h2 id="volunteer-shifts-title">{t('volunteer.shifts')}</h2>
      <ErrorMessage error={shifts.error} />
      {shifts.data && mine.length === 0 && <p class="empty">{t('volunteer.noShifts')}</p>}
      {mine.length > 0 && (
        <ul class="plain-list" data-testid="volunteer-shifts">
          {mine.map((s) => {
            const counted = s.signups.find((x) => x.volunteerId === volunteerId)?.counts !== false;
            return (
              <li key={s.id} data-testid="volunteer-shift">
                <strong>{formatDay(lang, s.date, 'long')}</strong>
                <span class="nowrap"> · {timeRange(t, lang, s.startsAt, s.endsAt)}</span>
                <span class="sub">
                  {s.siteName}
                  {s.role ? ` · ${s.role}` : ''}
                  {!counted && <span class="chip chip-bad">{t('shifts.notCounted')}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <a href="/shifts" onClick={linkClick}>
          {t('volunteer.allShifts')}
        </a>
      </p>
    </section>
  );
}
