import { useEffect, useState } from 'preact/hooks';
import { api, type Shift, type Site } from '../../api';
import { Disclosure } from '../../components/Disclosure';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { formatDay, nextDay } from '../../components/networkTime';
import { timeRange } from '../../components/ShiftBits';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { NoSites, SiteRoleNeeded, shiftFieldErrors, TimeFields } from './ShiftFields';

export function NewShiftForm({
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
