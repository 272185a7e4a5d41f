import { useState } from 'preact/hooks';
import { api, type ScreenOutcome, type VolunteerDetail } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDayTime } from '../../components/networkTime';
import { YesNo } from '../../components/YesNo';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';

export function ScreeningForm({ volunteer, onDone }: { volunteer: VolunteerDetail; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [symptoms, setSymptoms] = useState<boolean | null>(null);
  const [exposure, setExposure] = useState<boolean | null>(null);
  const [result, setResult] = useState<ScreenOutcome | null>(null);
  const [missing, setMissing] = useState(false);
  const submission = useSubmission<ScreenOutcome>();

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
