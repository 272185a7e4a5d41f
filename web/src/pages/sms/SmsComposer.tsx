import { MAX_PHONE_INPUT, MAX_SMS_BODY } from '@shared/sms';
import { useState } from 'preact/hooks';
import { api, type SmsMessage } from '../../api';
import { Disclosure } from '../../components/Disclosure';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { SegmentMeter } from '../../components/SegmentMeter';
import { useSubmission } from '../../forms';
import { type Translate, useI18n } from '../../i18n';

/** The server words its field errors in English; the fields they belong to say it in the reader's language. */
export function phoneError(t: Translate, error: string | undefined): string | undefined {
  return error === undefined ? undefined : t('sms.phoneInvalid');
}

export function SmsComposer({ onSent }: { onSent: () => void }) {
  const { t } = useI18n();
  const [to, setTo] = useState('');
  const [body, setBody] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const submission = useSubmission<SmsMessage>();
  const errors = submission.fieldErrors;

  const submit = async (e: Event) => {
    e.preventDefault();
    setSent(null);
    const message = await submission.run((key) => api.sendSms({ to: to.trim(), body }, key));
    if (!message) return;
    setSent(message.phone);
    setBody('');
    onSent();
  };

  return (
    <Disclosure id="sms-compose-title" title={t('sms.compose')}>
      <form class="form" onSubmit={submit} aria-labelledby="sms-compose-title" data-testid="sms-composer">
        <ErrorMessage error={submission.error} />
        {sent && (
          <p class="alert alert-ok" role="status">
            {t('sms.queuedTo', { phone: sent })}
          </p>
        )}
        <Field id="sms-to" label={t('sms.to')} hint={t('sms.toHint')} error={phoneError(t, errors.to)}>
          {(a11y) => (
            <input
              {...a11y}
              type="tel"
              autoComplete="off"
              required
              maxLength={MAX_PHONE_INPUT}
              value={to}
              onInput={(e) => setTo(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          id="sms-body"
          label={t('sms.message')}
          error={errors.body === undefined ? undefined : t('sms.bodyInvalid')}
        >
          {(a11y) => (
            <>
              <textarea
                {...a11y}
                aria-describedby={[a11y['aria-describedby'], 'sms-body-meter'].filter(Boolean).join(' ')}
                required
                rows={4}
                maxLength={MAX_SMS_BODY}
                value={body}
                onInput={(e) => setBody(e.currentTarget.value)}
              />
              <SegmentMeter id="sms-body-meter" text={body} />
            </>
          )}
        </Field>
        <button type="submit" class="btn btn-primary" disabled={submission.busy}>
          {submission.busy ? t('sms.sending') : t('sms.send')}
        </button>
      </form>
    </Disclosure>
  );
}
