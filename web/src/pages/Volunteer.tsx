import { useEffect, useState } from 'preact/hooks';
import { api, type ScreeningResult, type User, type Volunteer, type VolunteerPatch } from '../api';
import { Disclosure } from '../components/Disclosure';
import { ErrorMessage, errorText } from '../components/ErrorMessage';
import { dateFromNow, formatDay, formatDayTime } from '../components/networkTime';
import { Page } from '../components/Page';
import { useReloadOn } from '../components/reloadOn';
import { timeRange } from '../components/ShiftBits';
import {
  LanguageList,
  parseLanguages,
  ScreeningChip,
  SkillList,
  VolunteerBadges,
} from '../components/VolunteerBits';
import {
  draftOf,
  formError,
  type VolunteerDraft,
  VolunteerFields,
  volunteerErrors,
} from '../components/VolunteerFields';
import { YesNo } from '../components/YesNo';
import { useLiveResource, useSubmission } from '../hooks';
import { useI18n } from '../i18n';
import { linkClick } from '../router';
import { canOperate } from './Volunteers';

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Only what changed, so a save never overwrites a field someone else changed meanwhile. */
function patchFrom(v: Volunteer, d: VolunteerDraft): VolunteerPatch {
  const patch: VolunteerPatch = {};
  if (d.name.trim() !== v.name) patch.name = d.name.trim();
  if (d.phone.trim() !== v.phone) patch.phone = d.phone.trim();
  const languages = parseLanguages(d.languages);
  if (!sameList(languages, v.languages)) patch.languages = languages;
  if (!sameList(d.skills, v.skills)) patch.skills = d.skills;
  if (d.smsLanguage !== v.smsLanguage) patch.smsLanguage = d.smsLanguage;
  if (d.highRisk !== v.highRisk) patch.highRisk = d.highRisk;
  return patch;
}

function EditForm({ volunteer, onSaved }: { volunteer: Volunteer; onSaved: (v: Volunteer) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => draftOf(volunteer));
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const submission = useSubmission<Volunteer>();
  const errors = volunteerErrors(t, submission.error);

  // Follow changes made elsewhere until the reader starts editing.
  useEffect(() => {
    if (!dirty) setDraft(draftOf(volunteer));
  }, [volunteer.updatedAt]);

  const change = (next: VolunteerDraft) => {
    setDraft(next);
    setDirty(true);
    setSaved(false);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const patch = patchFrom(volunteer, draft);
    if (Object.keys(patch).length === 0) {
      setDirty(false);
      setSaved(true);
      return;
    }
    const updated = await submission.run(() => api.updateVolunteer(volunteer.id, patch));
    if (!updated) return;
    setDraft(draftOf(updated));
    setDirty(false);
    setSaved(true);
    onSaved(updated);
  };

  return (
    <Disclosure id="edit-volunteer-title" title={t('volunteer.edit')}>
      <form
        class="form"
        onSubmit={submit}
        aria-labelledby="edit-volunteer-title"
        data-testid="edit-volunteer"
      >
        <ErrorMessage error={formError(submission.error, errors)} />
        {saved && (
          <p class="alert alert-ok" role="status">
            {t('volunteer.saved')}
          </p>
        )}
        <VolunteerFields idPrefix="edit-volunteer" draft={draft} onChange={change} errors={errors} />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={submission.busy}>
            {submission.busy ? t('form.saving') : t('volunteer.save')}
          </button>
          {dirty && (
            <button
              type="button"
              class="btn btn-quiet"
              onClick={() => {
                setDraft(draftOf(volunteer));
                setDirty(false);
                submission.reset();
              }}
            >
              {t('volunteer.discard')}
            </button>
          )}
        </div>
      </form>
    </Disclosure>
  );
}

function PauseButton({ volunteer, onSaved }: { volunteer: Volunteer; onSaved: (v: Volunteer) => void }) {
  const { t } = useI18n();
  const submission = useSubmission<Volunteer>();
  const toggle = async () => {
    const updated = await submission.run(() =>
      api.updateVolunteer(volunteer.id, { active: !volunteer.active }),
    );
    if (updated) onSaved(updated);
  };
  return (
    <div class="page-action">
      <button
        type="button"
        class="btn"
        onClick={() => void toggle()}
        disabled={submission.busy}
        aria-describedby="pause-hint"
        data-testid="toggle-active"
      >
        {volunteer.active ? t('volunteer.pause') : t('volunteer.resume')}
      </button>
      <p class="hint" id="pause-hint">
        {volunteer.active ? t('volunteer.pauseHint') : t('volunteer.resumeHint')}
      </p>
      {submission.error && (
        <p class="field-error" role="alert">
          {errorText(t, submission.error)}
        </p>
      )}
    </div>
  );
}

function ScreeningForm({ volunteer, onDone }: { volunteer: Volunteer; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [symptoms, setSymptoms] = useState<boolean | null>(null);
  const [exposure, setExposure] = useState<boolean | null>(null);
  const [result, setResult] = useState<ScreeningResult | null>(null);
  const [missing, setMissing] = useState(false);
  const submission = useSubmission<ScreeningResult>();

  const submit = async (e: Event) => {
    e.preventDefault();
    setResult(null);
    if (symptoms === null || exposure === null) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const outcome = await submission.run((key) =>
      api.recordScreening(volunteer.id, { symptoms, exposure }, key),
    );
    if (!outcome) return;
    setResult(outcome);
    setSymptoms(null);
    setExposure(null);
    onDone();
  };

  return (
    <section class="card" aria-labelledby="record-screening-title">
      <h2 id="record-screening-title">{t('volunteer.screenTitle')}</h2>
      <p class="hint">{t('volunteer.screenIntro')}</p>
      <form class="form" onSubmit={submit} noValidate data-testid="record-screening">
        <ErrorMessage error={submission.error} />
        {missing && (
          <p class="alert alert-error" role="alert">
            {t('screen.answerBoth')}
          </p>
        )}
        {result && (
          <p
            class={`alert ${result.result === 'clear' ? 'alert-ok' : 'alert-error'}`}
            role="status"
            data-testid="screening-result"
          >
            {result.result === 'clear'
              ? t('volunteer.screenClear', { name: volunteer.name })
              : result.isolateUntil
                ? t('volunteer.screenIsolate', {
                    name: volunteer.name,
                    date: formatDayTime(lang, result.isolateUntil),
                  })
                : t('volunteer.screenStillIsolating', { name: volunteer.name })}
          </p>
        )}
        <YesNo
          name="staff-symptoms"
          question={t('screen.symptomsShort')}
          value={symptoms}
          onChange={setSymptoms}
        />
        <YesNo
          name="staff-exposure"
          question={t('screen.exposureShort')}
          value={exposure}
          onChange={setExposure}
        />
        <button type="submit" class="btn btn-primary" disabled={submission.busy}>
          {submission.busy ? t('form.saving') : t('volunteer.screenSubmit')}
        </button>
      </form>
    </section>
  );
}

function UpcomingShifts({ volunteerId }: { volunteerId: number }) {
  const { t, lang } = useI18n();
  const shifts = useLiveResource('shift.', () => api.shifts({ to: dateFromNow(30) }));
  useReloadOn(['screening.'], shifts.reload);
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

function Details({ volunteer: v }: { volunteer: Volunteer }) {
  const { t, date } = useI18n();
  return (
    <section class="card" aria-labelledby="volunteer-details-title">
      <h2 id="volunteer-details-title" class="visually-hidden">
        {t('volunteer.details')}
      </h2>
      <p class="chip-group vol-badges">
        <ScreeningChip state={v.screening.state} until={v.screening.until} />
        <VolunteerBadges volunteer={v} />
      </p>
      <dl class="facts facts-wide">
        <div>
          <dt>{t('field.phone')}</dt>
          <dd>
            <a class="mono" href={`tel:${v.phone}`}>
              {v.phone}
            </a>
          </dd>
        </div>
        <div>
          <dt>{t('volunteers.languages')}</dt>
          <dd>
            <LanguageList languages={v.languages} />
          </dd>
        </div>
        <div>
          <dt>{t('volunteers.skills')}</dt>
          <dd>
            <SkillList skills={v.skills} />
          </dd>
        </div>
        <div>
          <dt>{t('volunteers.smsLanguage')}</dt>
          <dd>{t(`lang.${v.smsLanguage}`)}</dd>
        </div>
        <div>
          <dt>{t('volunteer.lastScreened')}</dt>
          <dd>{v.screening.lastScreenedAt ? date(v.screening.lastScreenedAt) : t('volunteer.never')}</dd>
        </div>
        <div>
          <dt>{t('volunteer.added')}</dt>
          <dd>{date(v.createdAt)}</dd>
        </div>
      </dl>
    </section>
  );
}

export function VolunteerPage({ user, id }: { user: User; id: number }) {
  const { t } = useI18n();
  const volunteer = useLiveResource('volunteer.', () => api.volunteer(id));
  useReloadOn(['screening.', 'sms.opt_'], volunteer.reload);
  const v = volunteer.data;
  const operator = canOperate(user);

  const back = (
    <p class="back">
      <a href="/volunteers" onClick={linkClick}>
        ← {t('volunteer.back')}
      </a>
    </p>
  );

  if (volunteer.error?.status === 404 || !Number.isInteger(id) || id <= 0) {
    return (
      <Page title={t('volunteer.title')}>
        <p class="alert">{t('volunteer.notFound')}</p>
        {back}
      </Page>
    );
  }

  return (
    <Page
      title={v?.name ?? t('volunteer.title')}
      actions={v && operator && <PauseButton volunteer={v} onSaved={volunteer.reload} />}
    >
      {back}
      <ErrorMessage error={volunteer.error} />
      {!v && !volunteer.error && <p class="loading">{t('app.loading')}</p>}
      {v && (
        <div class="columns">
          <div>
            <Details volunteer={v} />
            <UpcomingShifts volunteerId={v.id} />
          </div>
          {operator && (
            <div>
              <ScreeningForm volunteer={v} onDone={volunteer.reload} />
              <EditForm volunteer={v} onSaved={volunteer.reload} />
            </div>
          )}
        </div>
      )}
    </Page>
  );
}
