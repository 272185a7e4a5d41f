import { useEffect, useState } from 'preact/hooks';
import {
  type ApiError,
  api,
  type CoverageDay,
  type Shift,
  type ShiftTemplate,
  type Site,
  type User,
  type Volunteer,
} from '../api';
import { Disclosure } from '../components/Disclosure';
import { ErrorMessage, errorText } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { formatDay, formatTime, nextDay, weekdayNames } from '../components/networkTime';
import { Page } from '../components/Page';
import { useReloadOn } from '../components/reloadOn';
import { coverageTone, FilledChip, timeRange } from '../components/ShiftBits';
import { ScreeningChip } from '../components/VolunteerBits';
import { useLiveResource, useSubmission } from '../hooks';
import { type Translate, useI18n } from '../i18n';
import { linkClick } from '../router';
import { canOperate } from './Volunteers';

const DAYS = 14;

function shiftFieldErrors(t: Translate, error: ApiError | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of error?.details ?? []) {
    const field = d.path.split('.').filter((p) => p && p !== 'body')[0];
    if (!field || field in out) continue;
    if (field === 'siteId') out.siteId = t('shifts.siteInvalid');
    else if (field === 'startsAt' || field === 'startTime') out.start = t('shifts.startInvalid');
    else if (field === 'endsAt' || field === 'endTime') out.end = t('shifts.endInvalid');
    else if (field === 'needed') out.needed = t('shifts.neededInvalid');
    else if (field === 'role') out.role = t('shifts.roleInvalid');
    else out[field] = d.message;
  }
  return out;
}

function NoSites() {
  const { t } = useI18n();
  return (
    <p class="alert">
      {t('shifts.noSites')}{' '}
      <a href="/sites" onClick={linkClick}>
        {t('shifts.toSites')}
      </a>
    </p>
  );
}

interface TimesProps {
  idPrefix: string;
  start: string;
  end: string;
  onStart: (v: string) => void;
  onEnd: (v: string) => void;
  errors: Record<string, string>;
}

function TimeFields({ idPrefix, start, end, onStart, onEnd, errors }: TimesProps) {
  const { t } = useI18n();
  return (
    <div class="form-pair">
      <Field id={`${idPrefix}-start`} label={t('shifts.start')} error={errors.start}>
        {(a11y) => (
          <input
            {...a11y}
            type="time"
            required
            value={start}
            onInput={(e) => onStart(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field
        id={`${idPrefix}-end`}
        label={t('shifts.end')}
        hint={end && start && end <= start ? t('shifts.endsNextDay') : undefined}
        error={errors.end}
      >
        {(a11y) => (
          <input {...a11y} type="time" required value={end} onInput={(e) => onEnd(e.currentTarget.value)} />
        )}
      </Field>
    </div>
  );
}

function SiteRoleNeeded({
  idPrefix,
  sites,
  siteId,
  role,
  needed,
  onSite,
  onRole,
  onNeeded,
  errors,
}: {
  idPrefix: string;
  sites: Site[];
  siteId: string;
  role: string;
  needed: string;
  onSite: (v: string) => void;
  onRole: (v: string) => void;
  onNeeded: (v: string) => void;
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field id={`${idPrefix}-site`} label={t('shifts.site')} error={errors.siteId}>
        {(a11y) => (
          <select {...a11y} required value={siteId} onChange={(e) => onSite(e.currentTarget.value)}>
            <option value="">{t('shifts.chooseSite')}</option>
            {sites.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div class="form-pair">
        <Field
          id={`${idPrefix}-role`}
          label={`${t('shifts.role')} ${t('field.optional')}`}
          hint={t('shifts.roleHint')}
          error={errors.role}
        >
          {(a11y) => (
            <input {...a11y} maxLength={60} value={role} onInput={(e) => onRole(e.currentTarget.value)} />
          )}
        </Field>
        <Field id={`${idPrefix}-needed`} label={t('shifts.needed')} error={errors.needed}>
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              required
              value={needed}
              onInput={(e) => onNeeded(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
    </>
  );
}

function NewShiftForm({
  sites,
  today,
  onCreated,
}: {
  sites: Site[];
  today: string | undefined;
  onCreated: () => void;
}) {
  const { t, lang } = useI18n();
  const [siteId, setSiteId] = useState('');
  const [date, setDate] = useState(today ?? '');
  // The network's today, which the browser's own clock may disagree with near midnight.
  useEffect(() => {
    if (!date && today) setDate(today);
  }, [today]);
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('13:00');
  const [role, setRole] = useState('');
  const [needed, setNeeded] = useState('2');
  const [saved, setSaved] = useState<Shift | null>(null);
  const submission = useSubmission<Shift>();
  const errors = shiftFieldErrors(t, submission.error);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    // An end at or before the start is the next morning: a night shift.
    const endDate = end <= start ? nextDay(date) : date;
    const shift = await submission.run((key) =>
      api.createShift(
        {
          siteId: Number(siteId),
          startsAt: `${date}T${start}`,
          endsAt: `${endDate}T${end}`,
          role: role.trim() || undefined,
          needed: Number(needed),
        },
        key,
      ),
    );
    if (!shift) return;
    setSaved(shift);
    setRole('');
    onCreated();
  };

  return (
    <Disclosure id="new-shift-title" title={t('shifts.new')}>
      {sites.length === 0 ? (
        <NoSites />
      ) : (
        <form class="form" onSubmit={submit} aria-labelledby="new-shift-title" data-testid="new-shift-form">
          <ErrorMessage error={submission.error} />
          {saved && (
            <p class="alert alert-ok" role="status">
              {t('shifts.saved', {
                day: formatDay(lang, saved.date),
                time: timeRange(t, lang, saved.startsAt, saved.endsAt),
                site: saved.siteName,
              })}
            </p>
          )}
          <Field id="shift-date" label={t('shifts.date')} error={errors.date}>
            {(a11y) => (
              <input
                {...a11y}
                type="date"
                required
                value={date}
                onInput={(e) => setDate(e.currentTarget.value)}
              />
            )}
          </Field>
          <TimeFields
            idPrefix="shift"
            start={start}
            end={end}
            onStart={setStart}
            onEnd={setEnd}
            errors={errors}
          />
          <SiteRoleNeeded
            idPrefix="shift"
            sites={sites}
            siteId={siteId}
            role={role}
            needed={needed}
            onSite={setSiteId}
            onRole={setRole}
            onNeeded={setNeeded}
            errors={errors}
          />
          <p class="hint">{t('shifts.localTime')}</p>
          <button type="submit" class="btn btn-primary" disabled={submission.busy}>
            {submission.busy ? t('form.saving') : t('shifts.submit')}
          </button>
        </form>
      )}
    </Disclosure>
  );
}

function TemplateForm({ sites }: { sites: Site[] }) {
  const { t, lang } = useI18n();
  const templates = useLiveResource('shift_template.', api.shiftTemplates);
  const [siteId, setSiteId] = useState('');
  const [weekday, setWeekday] = useState('1');
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('13:00');
  const [role, setRole] = useState('');
  const [needed, setNeeded] = useState('2');
  const [saved, setSaved] = useState(false);
  const submission = useSubmission<ShiftTemplate>();
  const errors = shiftFieldErrors(t, submission.error);
  const days = weekdayNames(lang);
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  const items = templates.data?.items ?? [];

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    const created = await submission.run((key) =>
      api.createShiftTemplate(
        {
          siteId: Number(siteId),
          weekday: Number(weekday),
          startTime: start,
          endTime: end,
          role: role.trim() || undefined,
          needed: Number(needed),
        },
        key,
      ),
    );
    if (!created) return;
    setSaved(true);
    setRole('');
    templates.reload();
  };

  // The times are wall-clock strings already; any date will do to format them.
  const clock = (hhmm: string) => formatTime(lang, `2024-01-01T${hhmm}`);

  return (
    <Disclosure id="new-template-title" title={t('templates.new')}>
      <p class="hint">{t('templates.intro')}</p>
      {sites.length === 0 ? (
        <NoSites />
      ) : (
        <form class="form" onSubmit={submit} aria-labelledby="new-template-title" data-testid="template-form">
          <ErrorMessage error={submission.error} />
          {saved && (
            <p class="alert alert-ok" role="status">
              {t('templates.saved')}
            </p>
          )}
          <Field id="template-weekday" label={t('templates.weekday')} error={errors.weekday}>
            {(a11y) => (
              <select {...a11y} value={weekday} onChange={(e) => setWeekday(e.currentTarget.value)}>
                {days.map((name, i) => (
                  <option key={name} value={String(i + 1)}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TimeFields
            idPrefix="template"
            start={start}
            end={end}
            onStart={setStart}
            onEnd={setEnd}
            errors={errors}
          />
          <SiteRoleNeeded
            idPrefix="template"
            sites={sites}
            siteId={siteId}
            role={role}
            needed={needed}
            onSite={setSiteId}
            onRole={setRole}
            onNeeded={setNeeded}
            errors={errors}
          />
          <button type="submit" class="btn btn-primary" disabled={submission.busy}>
            {submission.busy ? t('form.saving') : t('templates.submit')}
          </button>
        </form>
      )}
      {items.length > 0 && (
        <>
          <h3 class="subhead">{t('templates.list')}</h3>
          <ul class="plain-list" data-testid="template-list">
            {items.map((tpl) => (
              <li key={tpl.id} class={tpl.active ? undefined : 'muted'}>
                <strong>{days[tpl.weekday - 1]}</strong>{' '}
                <span class="nowrap">
                  {clock(tpl.startTime)} – {clock(tpl.endTime)}
                </span>
                <span class="sub">
                  {siteName.get(tpl.siteId) ?? `#${tpl.siteId}`}
                  {tpl.role ? ` · ${tpl.role}` : ''} · {t('templates.needs', { n: tpl.needed })}
                  {tpl.active ? '' : ` · ${t('templates.paused')}`}
                </span>{' '}
                <button
                  type="button"
                  class="btn btn-small"
                  data-testid={`template-toggle-${tpl.id}`}
                  onClick={async () => {
                    await api.updateShiftTemplate(tpl.id, { active: !tpl.active });
                    templates.reload();
                  }}
                >
                  {tpl.active ? t('templates.pause') : t('templates.resume')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Disclosure>
  );
}

function SignupPicker({
  shift,
  volunteers,
  onChanged,
}: {
  shift: Shift;
  volunteers: Volunteer[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [choice, setChoice] = useState('');
  const submission = useSubmission<Shift>();
  const taken = new Set(shift.signups.map((s) => s.volunteerId));
  const options = volunteers.filter((v) => v.active && !taken.has(v.id));
  const id = `signup-${shift.id}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!choice) return;
    const updated = await submission.run((key) => api.signUp(shift.id, Number(choice), key));
    if (!updated) return;
    setChoice('');
    onChanged();
  };

  if (options.length === 0) return <p class="hint">{t('shifts.nobodyFree')}</p>;
  return (
    <form class="picker" onSubmit={submit} data-testid="signup-picker">
      <label for={id}>{t('shifts.signUpLabel')}</label>
      <div class="picker-row">
        <select id={id} required value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
          <option value="">{t('shifts.chooseVolunteer')}</option>
          {options.map((v) => (
            <option key={v.id} value={String(v.id)}>
              {v.screening.state === 'clear' ? v.name : `${v.name} (${t(`screening.${v.screening.state}`)})`}
            </option>
          ))}
        </select>
        <button type="submit" class="btn btn-primary" disabled={submission.busy || !choice}>
          {t('shifts.signUp')}
        </button>
      </div>
      {submission.error && (
        <p class="field-error" role="alert">
          {errorText(t, submission.error)}
        </p>
      )}
    </form>
  );
}

function RemoveButton({
  shift,
  volunteerId,
  name,
  onChanged,
}: {
  shift: Shift;
  volunteerId: number;
  name: string;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const submission = useSubmission<Shift>();
  const remove = async () => {
    if (await submission.run(() => api.cancelSignup(shift.id, volunteerId))) onChanged();
  };
  return (
    <>
      <button
        type="button"
        class="btn btn-small btn-quiet"
        onClick={() => void remove()}
        disabled={submission.busy}
        aria-label={t('shifts.removeLabel', { name })}
      >
        {t('shifts.remove')}
      </button>
      {submission.error && (
        <span class="field-error" role="alert">
          {errorText(t, submission.error)}
        </span>
      )}
    </>
  );
}

function ShiftCard({
  shift,
  operator,
  volunteers,
  onChanged,
}: {
  shift: Shift;
  operator: boolean;
  volunteers: Volunteer[] | null;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const over = Date.parse(shift.endsAt) <= Date.now();
  const open = Math.max(0, shift.needed - shift.filled);
  const tone = over ? 'none' : coverageTone(shift.filled, shift.needed);
  return (
    <li
      class={`card shift shift-${tone}`}
      data-testid="shift"
      data-id={shift.id}
      data-gap={shift.gap ? 'yes' : 'no'}
    >
      <div class="shift-head">
        <div class="shift-what">
          <p class="shift-time">{timeRange(t, lang, shift.startsAt, shift.endsAt)}</p>
          <p class="shift-site">
            {shift.siteName}
            {shift.role && <span class="shift-role"> · {shift.role}</span>}
          </p>
        </div>
        <FilledChip filled={shift.filled} needed={shift.needed} />
      </div>
      {over ? (
        <p class="hint">{t('shifts.over')}</p>
      ) : (
        open > 0 && (
          <p class={`shift-gap gap-${tone}`} data-testid="shift-gap">
            {t(open === 1 ? 'shifts.open.one' : 'shifts.open.other', { n: open })}
          </p>
        )
      )}
      {shift.signups.length > 0 && (
        <ul class="signups" aria-label={t('shifts.signups')}>
          {shift.signups.map((s) => (
            <li
              key={s.volunteerId}
              class={s.counts ? 'signup' : 'signup signup-out'}
              data-testid="signup"
              data-volunteer-id={s.volunteerId}
              data-counts={s.counts ? 'yes' : 'no'}
            >
              <a class="signup-name" href={`/volunteers/${s.volunteerId}`} onClick={linkClick}>
                {s.counts ? s.name : <s>{s.name}</s>}
              </a>
              <ScreeningChip state={s.screening} />
              {!s.counts && <span class="signup-flag">{t('shifts.notCounted')}</span>}
              {s.source === 'sms' && <span class="sub-inline">{t('shifts.bySms')}</span>}
              {operator && !over && (
                <RemoveButton shift={shift} volunteerId={s.volunteerId} name={s.name} onChanged={onChanged} />
              )}
            </li>
          ))}
        </ul>
      )}
      {operator && !over && shift.gap && volunteers && (
        <SignupPicker shift={shift} volunteers={volunteers} onChanged={onChanged} />
      )}
    </li>
  );
}

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

export function Shifts({ user }: { user: User }) {
  const { t } = useI18n();
  const operator = canOperate(user);
  const coverage = useLiveResource('shift', () => api.coverage({ days: DAYS }));
  // A volunteer who starts isolating stops counting; one who is renamed or paused shows so.
  useReloadOn(['screening.', 'volunteer.'], coverage.reload);
  const volunteers = useLiveResource(operator ? 'volunteer.' : null, () =>
    operator ? api.volunteers({ active: 'true' }) : Promise.resolve({ items: [] as Volunteer[] }),
  );
  useReloadOn(['screening.'], volunteers.reload);
  const sites = useLiveResource(operator ? 'site.' : null, () =>
    operator ? api.sites() : Promise.resolve({ items: [] as Site[] }),
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
