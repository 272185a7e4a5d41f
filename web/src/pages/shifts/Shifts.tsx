import { isOperator } from '../../access';
import { type AuthUser, api, type CoverageDay, type Site, type VolunteerDetail } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDay } from '../../components/networkTime';
import { Page } from '../../components/Page';
import { coverageTone } from '../../components/ShiftBits';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';
import { NewShiftForm } from './NewShiftForm';
import { ShiftCard } from './ShiftCard';
import { TemplateForm } from './TemplateForm';

const DAYS = 14;

function DayHeading({ day, index }: { day: CoverageDay; index: number }) {
  const { t, lang } = useI18n();
  const name = formatDay(lang, day.date, 'long');
  const relative = index === 0 ? t('shifts.today') : index === 1 ? t('shifts.tomorrow') : null;
  const tone = coverageTone(day.filled, day.needed);
  return (
    <div class="day-head">
      <h2 class="day-title" id={`day-${day.date}`}>
        {relative ? `${relative} · ` : ''}
        {name}
      </h2>
      {day.needed > 0 && (
        <p class="day-summary" data-testid="day-summary">
          <span>{t('shifts.dayFilled', { filled: day.filled, needed: day.needed })}</span>
          <span class={`chip chip-${tone === 'none' ? 'wait' : tone}`}>
            {day.gaps > 0
              ? t(day.gaps === 1 ? 'shifts.gaps.one' : 'shifts.gaps.other', { n: day.gaps })
              : t('shifts.covered')}
          </span>
        </p>
      )}
    </div>
  );
}

export function Shifts({ user }: { user: AuthUser }) {
  const { t } = useI18n();
  const operator = isOperator(user.role);
  // A volunteer who starts isolating stops counting; one who is renamed or paused shows so.
  const coverage = useLiveResource(() => api.coverage({ days: DAYS }), ['shift', 'screening.', 'volunteer.']);
  const volunteers = useLiveResource(
    () =>
      operator ? api.volunteers({ active: 'true' }) : Promise.resolve({ items: [] as VolunteerDetail[] }),
    operator ? ['volunteer.', 'screening.'] : [],
  );
  const sites = useLiveResource(
    () => (operator ? api.sites() : Promise.resolve({ items: [] as Site[] })),
    operator ? ['site.'] : [],
  );

  const days = coverage.data?.days ?? [];
  const needed = days.reduce((n, d) => n + d.needed, 0);
  const filled = days.reduce((n, d) => n + d.filled, 0);
  const roster = volunteers.data
    ? [...volunteers.data.items].sort((a, b) => a.name.localeCompare(b.name))
    : null;
  const changed = () => {
    coverage.reload();
    volunteers.reload();
  };

  return (
    <Page title={t('shifts.title')}>
      <div class="shifts-layout">
        {operator && sites.data && (
          <div class="shifts-side">
            <NewShiftForm sites={sites.data.items} today={days[0]?.date} onCreated={coverage.reload} />
            <TemplateForm sites={sites.data.items} />
          </div>
        )}
        <div class="shifts-main">
          <ErrorMessage error={coverage.error} />
          {!coverage.data && !coverage.error && <p class="loading">{t('app.loading')}</p>}
          {coverage.data && (
            <p class="lead" data-testid="coverage-summary">
              {needed === 0
                ? t('shifts.noneAhead', { n: DAYS })
                : t('shifts.summary', { n: DAYS, filled, needed, gaps: needed - filled })}
            </p>
          )}
          {days.map((day, i) => (
            <section
              key={day.date}
              class={`day${day.shifts.length === 0 ? ' day-empty' : ''}`}
              data-testid="coverage-day"
              data-date={day.date}
              aria-labelledby={`day-${day.date}`}
            >
              <DayHeading day={day} index={i} />
              {day.shifts.length === 0 ? (
                <p class="empty">{t('shifts.noShifts')}</p>
              ) : (
                <ul class="shift-list">
                  {day.shifts.map((s) => (
                    <ShiftCard
                      key={s.id}
                      shift={s}
                      operator={operator}
                      volunteers={roster}
                      onChanged={changed}
                    />
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      </div>
    </Page>
  );
}
