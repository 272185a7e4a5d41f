import { broadcastSkipReasons, MAX_SMS_BODY } from '@shared/sms';
import { useState } from 'preact/hooks';
import { api, type BroadcastResult, type BroadcastSkipReason } from '../api';
import { useSubmission } from '../forms';
import { useI18n } from '../i18n';
import { useLiveResource } from '../resource';
import { Disclosure } from './Disclosure';
import { ErrorMessage } from './ErrorMessage';
import { Field } from './Field';
import { dateFromNow, formatDayTime } from './networkTime';
import { SegmentMeter } from './SegmentMeter';
import { shiftLabel } from './ShiftBits';

type Audience = 'all' | 'shift';

/** Every reason the server may give for skipping someone (a new one fails to compile), in the order shown. */
const reasons: readonly BroadcastSkipReason[] = broadcastSkipReasons;

function Outcome({ result, names }: { result: BroadcastResult; names: Map<number, string> }) {
  const { t, lang } = useI18n();
  return (
    <div class="alert alert-ok" role="status" data-testid="broadcast-result">
      <p class="alert-line">
        {t(result.queued === 1 ? 'broadcast.queued.one' : 'broadcast.queued.other', { n: result.queued })}
      </p>
      {result.heldUntil && (
        <p class="alert-line" data-testid="broadcast-held">
          {t('broadcast.heldUntil', { when: formatDayTime(lang, result.heldUntil) })}
        </p>
      )}
      {reasons.map((reason) => {
        const skipped = result.skipped.filter((s) => s.reason === reason);
        if (skipped.length === 0) return null;
        const who = skipped.map((s) => names.get(s.volunteerId) ?? `#${s.volunteerId}`).join(', ');
        return (
          <p key={reason} class="alert-line" data-testid={`broadcast-skipped-${reason}`}>
            {t(`broadcast.skipped.${reason}`, { n: skipped.length })}: {who}
          </p>
        );
      })}
    </div>
  );
}

/** A text to many volunteers at once: everyone active, or those signed up for one shift. */
export function BroadcastForm({ onSent }: { onSent: () => void }) {
  const { t, lang } = useI18n();
  const [body, setBody] = useState('');
  const [bodyEs, setBodyEs] = useState('');
  const [audience, setAudience] = useState<Audience>('all');
  const [shiftId, setShiftId] = useState('');
  const [result, setResult] = useState<BroadcastResult | null>(null);
  const [urgent, setUrgent] = useState(false);
  const submission = useSubmission<BroadcastResult>();
  const errors = submission.fieldErrors;
  const volunteers = useLiveResource(() => api.volunteers(), ['volunteer.', 'sms.opt_']);
  const shifts = useLiveResource(() => api.shifts({ to: dateFromNow(14) }), ['shift.']);

  const roster = volunteers.data?.items ?? [];
  const names = new Map(roster.map((v) => [v.id, v.name]));
  const reachable = roster.filter((v) => v.active && !v.optedOut).length;
  const now = Date.now();
  const upcoming = (shifts.data?.items ?? []).filter((s) => Date.parse(s.endsAt) > now);
  const chosen = upcoming.find((s) => String(s.id) === shiftId);

  const submit = async (e: Event) => {
    e.preventDefault();
    setResult(null);
    const sent = await submission.run((key) =>
      api.broadcast(
        {
          body,
          bodyEs: bodyEs.trim() ? bodyEs : undefined,
          shiftId: audience === 'shift' ? Number(shiftId) : undefined,
          urgent: urgent || undefined,
        },
        key,
      ),
    );
    if (!sent) return;
    setResult(sent);
    setBody('');
    setBodyEs('');
    setUrgent(false);
    onSent();
  };

  return (
    <Disclosure id="broadcast-title" title={t('broadcast.title')}>
      <form class="form" onSubmit={submit} aria-labelledby="broadcast-title" data-testid="broadcast-form">
        <ErrorMessage error={submission.error} />
        {result && <Outcome result={result} names={names} />}
        <fieldset class="field checks">
          <legend>{t('broadcast.audience')}</legend>
          <label class="check">
            <input
              type="radio"
              name="broadcast-audience"
              value="all"
              checked={audience === 'all'}
              onChange={() => setAudience('all')}
            />
            <span>
              {t('broadcast.all')}
              {volunteers.data && (
                <span class="sub-inline"> {t('broadcast.reachable', { n: reachable })}</span>
              )}
            </span>
          </label>
          <label class="check">
            <input
              type="radio"
              name="broadcast-audience"
              value="shift"
              checked={audience === 'shift'}
              onChange={() => setAudience('shift')}
            />
            <span>{t('broadcast.shift')}</span>
          </label>
        </fieldset>
        {audience === 'shift' && (
          <Field
            id="broadcast-shift"
            label={t('broadcast.whichShift')}
            hint={
              chosen
                ? t(chosen.signups.length === 1 ? 'broadcast.signedUp.one' : 'broadcast.signedUp.other', {
                    n: chosen.signups.length,
                  })
                : upcoming.length === 0 && shifts.data
                  ? t('broadcast.noShifts')
                  : undefined
            }
            error={errors.shiftId === undefined ? undefined : t('broadcast.shiftInvalid')}
          >
            {(a11y) => (
              <select {...a11y} required value={shiftId} onChange={(e) => setShiftId(e.currentTarget.value)}>
                <option value="">{t('broadcast.chooseShift')}</option>
                {upcoming.map((s) => (
                  <option key={s.id} value={String(s.id)}>
                    {shiftLabel(t, lang, s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field
          id="broadcast-body"
          label={t('broadcast.body')}
          error={errors.body === undefined ? undefined : t('sms.bodyInvalid')}
        >
          {(a11y) => (
            <>
              <textarea
                {...a11y}
                aria-describedby={[a11y['aria-describedby'], 'broadcast-body-meter']
                  .filter(Boolean)
                  .join(' ')}
                required
                rows={4}
                maxLength={MAX_SMS_BODY}
                value={body}
                onInput={(e) => setBody(e.currentTarget.value)}
              />
              <SegmentMeter id="broadcast-body-meter" text={body} />
            </>
          )}
        </Field>
        <Field
          id="broadcast-body-es"
          label={`${t('broadcast.bodyEs')} ${t('field.optional')}`}
          hint={t('broadcast.bodyEsHint')}
          error={errors.bodyEs === undefined ? undefined : t('sms.bodyInvalid')}
        >
          {(a11y) => (
            <>
              <textarea
                {...a11y}
                aria-describedby={[a11y['aria-describedby'], 'broadcast-body-es-meter']
                  .filter(Boolean)
                  .join(' ')}
                lang="es"
                rows={4}
                maxLength={MAX_SMS_BODY}
                value={bodyEs}
                onInput={(e) => setBodyEs(e.currentTarget.value)}
              />
              <SegmentMeter id="broadcast-body-es-meter" text={bodyEs} />
            </>
          )}
        </Field>
        <label class="check">
          <input
            type="checkbox"
            checked={urgent}
            onChange={(e) => setUrgent(e.currentTarget.checked)}
            aria-describedby="broadcast-urgent-hint"
            data-testid="broadcast-urgent"
          />
          <span>{t('broadcast.urgent')}</span>
        </label>
        <p class="hint" id="broadcast-urgent-hint">
          {t('broadcast.urgentHint')}
        </p>
        <button type="submit" class="btn btn-primary" disabled={submission.busy}>
          {submission.busy ? t('sms.sending') : t('broadcast.send')}
        </button>
      </form>
    </Disclosure>
  );
}
