import type { Fund } from '../../api';
import { Field } from '../../components/Field';
import { formatMoney } from '../../components/money';
import { useI18n } from '../../i18n';

/** A fund to pick, each with what it may still give. */
export function FundSelect({
  id,
  funds,
  value,
  onChange,
}: {
  id: string;
  funds: Fund[];
  value: number | null;
  onChange: (id: number) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <Field id={id} label={t('fund.fund')}>
      {(a11y) => (
        <select
          {...a11y}
          required
          value={value ?? ''}
          onChange={(e) => onChange(Number(e.currentTarget.value))}
        >
          <option value="" disabled>
            {t('fund.pickFund')}
          </option>
          {funds.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name} · {formatMoney(lang, f.balanceCents, f.currency)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function AmountField({
  id,
  value,
  onInput,
  currency,
  error,
}: {
  id: string;
  value: string;
  onInput: (v: string) => void;
  currency: string;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <Field id={id} label={t('fund.amount', { currency })} error={error}>
      {(a11y) => (
        <input
          {...a11y}
          inputMode="decimal"
          autoComplete="off"
          required
          value={value}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}
