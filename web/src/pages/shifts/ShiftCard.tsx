import { useState } from 'preact/hooks';
import { api, type Shift, type VolunteerDetail } from '../../api';
import { errorText } from '../../components/ErrorMessage';
import { coverageTone, FilledChip, timeRange } from '../../components/ShiftBits';
import { ScreeningChip } from '../../components/VolunteerBits';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { linkClick } from '../../router';
import { ShiftEdit } from './ShiftEdit';

function SignupPicker({
  shift,
  volunteers,
  onChanged,
}: {
  shift: Shift;
  volunteers: VolunteerDetail[];
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
              {!v.screening || v.screening.state === 'clear'
                ? v.name
                : `${v.name} (${t(`screening.${v.screening.state}`)})`}
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

export function ShiftCard({
  shift,
  operator,
  volunteers,
  onChanged,
}: {
  shift: Shift;
  operator: boolean;
  volunteers: VolunteerDetail[] | null;
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
              class={s.counts !== false ? 'signup' : 'signup signup-out'}
              data-testid="signup"
              data-volunteer-id={s.volunteerId}
              data-counts={s.counts !== false ? 'yes' : 'no'}
            >
              <a class="signup-name" href={`/volunteers/${s.volunteerId}`} onClick={linkClick}>
                {s.counts !== false ? s.name : <s>{s.name}</s>}
              </a>
              {s.screening && <ScreeningChip state={s.screening} />}
              {s.counts === false && <span class="signup-flag">{t('shifts.notCounted')}</span>}
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
      {operator && !over && shift.templateId === null && <ShiftEdit shift={shift} onChanged={onChanged} />}
    </li>
  );
}
