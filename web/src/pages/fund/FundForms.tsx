import { type DisbursementPurpose, disbursementPurposes } from '@shared/fund';
import { useState } from 'preact/hooks';
import { api, type Fund, type Release } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { formatMoney } from '../../components/money';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { MoneyForm } from './MoneyForm';

export function NewFundForm() {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const submission = useSubmission<Fund>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const ok = await submission.run((key) =>
      api.createFund({ name: name.trim(), ...(source.trim() ? { source: source.trim() } : {}) }, key),
    );
    if (ok) {
      setName('');
      setSource('');
    }
  };
  return (
    <form class="form" onSubmit={submit} data-testid="new-fund-form">
      <ErrorMessage error={submission.error} />
      <Field id="fund-name" label={t('fund.name')} error={submission.fieldErrors.name}>
        {(a11y) => (
          <input
            {...a11y}
            required
            maxLength={120}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field
        id="fund-source"
        label={`${t('fund.source')} ${t('field.optional')}`}
        hint={t('fund.sourceHint')}
      >
        {(a11y) => (
          <input {...a11y} maxLength={120} value={source} onInput={(e) => setSource(e.currentTarget.value)} />
        )}
      </Field>
      <button type="submit" class="btn btn-primary" disabled={submission.busy || !name.trim()}>
        {t('fund.create')}
      </button>
    </form>
  );
}

export function IncomeForm({ funds, currency, today }: { funds: Fund[]; currency: string; today: string }) {
  const { t } = useI18n();
  const [receivedOn, setReceivedOn] = useState(today);
  return (
    <MoneyForm
      name="income"
      funds={funds}
      currency={currency}
      noteLabel={t('fund.note')}
      submitLabel={t('fund.recordIncome')}
      send={(fundId, cents, note, key) =>
        api.recordIncome(fundId, { amountCents: cents, receivedOn, ...(note ? { note } : {}) }, key)
      }
      onSent={(_, amount) => t('fund.incomeDone', { amount })}
    >
      {(_, errors) => (
        <Field id="income-date" label={t('fund.receivedOn')} error={errors.receivedOn}>
          {(a11y) => (
            <input
              {...a11y}
              type="date"
              required
              max={today}
              value={receivedOn}
              onInput={(e) => setReceivedOn(e.currentTarget.value)}
            />
          )}
        </Field>
      )}
    </MoneyForm>
  );
}

export function DisburseForm({
  funds,
  currency,
  approvalCents,
  releases,
}: {
  funds: Fund[];
  currency: string;
  approvalCents: number;
  releases: Release[];
}) {
  const { t, lang } = useI18n();
  const [purpose, setPurpose] = useState<DisbursementPurpose>('ticket');
  const [releaseId, setReleaseId] = useState<number | null>(null);
  return (
    <MoneyForm
      name="disburse"
      funds={funds}
      currency={currency}
      noteLabel={t('fund.receiptNote')}
      noteHint={t('fund.noteHint')}
      submitLabel={t('fund.disburse')}
      send={(fundId, cents, note, key) =>
        api.disburse(
          fundId,
          {
            amountCents: cents,
            purpose,
            ...(releaseId !== null ? { releaseId } : {}),
            ...(note ? { note } : {}),
          },
          key,
        )
      }
      onSent={(result, amount) => {
        setReleaseId(null);
        return t(result.status === 'pending' ? 'fund.disbursedPending' : 'fund.disbursedDone', { amount });
      }}
    >
      {(cents) => (
        <>
          {cents !== null && cents > approvalCents && (
            <p class="hint" data-testid="needs-approval">
              {t('fund.needsApproval', { amount: formatMoney(lang, approvalCents, currency) })}
            </p>
          )}
          <Field id="disburse-purpose" label={t('fund.purpose')}>
            {(a11y) => (
              <select
                {...a11y}
                value={purpose}
                onChange={(e) => setPurpose(e.currentTarget.value as DisbursementPurpose)}
              >
                {disbursementPurposes.map((p) => (
                  <option key={p} value={p}>
                    {t(`fund.purpose.${p}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="disburse-release" label={`${t('fund.release')} ${t('field.optional')}`}>
            {(a11y) => (
              <select
                {...a11y}
                value={releaseId ?? ''}
                onChange={(e) => setReleaseId(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
              >
                <option value="">{t('fund.noRelease')}</option>
                {releases.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.code} · {r.siteName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
    </MoneyForm>
  );
}
