import { MAX_FUND_NOTE } from '@shared/fund';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Fund } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { formatMoney, parseMoney } from '../../components/money';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { AmountField, FundSelect } from './FundFields';

/** Money into or out of a fund: which fund, how much, a note, and word once it went through. */
export function MoneyForm<T>({
  name,
  funds,
  currency,
  noteLabel,
  noteHint,
  submitLabel,
  send,
  onSent,
  children,
}: {
  /** Prefixes the form's ids and test ids: `income`, `disburse`. */
  name: string;
  funds: Fund[];
  currency: string;
  noteLabel: string;
  noteHint?: string;
  submitLabel: string;
  /** `note` comes trimmed, `''` when there is none. */
  send: (fundId: number, cents: number, note: string, key: string) => Promise<T>;
  /** What to tell the person, given the amount as written in their language. */
  onSent: (result: T, amount: string) => string;
  /** The form's own fields, between the amount and the note. */
  children: (cents: number | null, errors: Record<string, string>) => ComponentChildren;
}) {
  const { t, lang } = useI18n();
  const [fundId, setFundId] = useState<number | null>(funds.length === 1 ? funds[0]!.id : null);
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submission = useSubmission<T>();
  const cents = parseMoney(amount, currency);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (fundId === null || cents === null) return;
    setDone(null);
    const result = await submission.run((key) => send(fundId, cents, note.trim(), key));
    if (result) {
      setDone(onSent(result, formatMoney(lang, cents, currency)));
      setAmount('');
      setNote('');
    }
  };
  return (
    <form class="form" onSubmit={submit} data-testid={`${name}-form`}>
      <ErrorMessage error={submission.error} />
      {done && (
        <p class="alert alert-ok" role="status" data-testid={`${name}-done`}>
          {done}
        </p>
      )}
      <FundSelect id={`${name}-fund`} funds={funds} value={fundId} onChange={setFundId} />
      <AmountField
        id={`${name}-amount`}
        value={amount}
        onInput={setAmount}
        currency={currency}
        error={submission.fieldErrors.amountCents}
      />
      {children(cents, submission.fieldErrors)}
      <Field id={`${name}-note`} label={`${noteLabel} ${t('field.optional')}`} hint={noteHint}>
        {(a11y) => (
          <input
            {...a11y}
            maxLength={MAX_FUND_NOTE}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        )}
      </Field>
      <button
        type="submit"
        class="btn btn-primary btn-block"
        disabled={submission.busy || fundId === null || !cents}
      >
        {submitLabel}
      </button>
    </form>
  );
}
