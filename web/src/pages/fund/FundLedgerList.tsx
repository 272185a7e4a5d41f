import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { type ApiError, api, type FundDisbursement, type FundLedger, toApiError } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatMoney } from '../../components/money';
import { formatDay, formatDayTime } from '../../components/networkTime';
import { useI18n } from '../../i18n';

/** A pending disbursement: approve it, or say why not. The one who asked for it cannot decide it. */
function PendingItem({ d, currency, fundName }: { d: FundDisbursement; currency: string; fundName: string }) {
  const { t, lang } = useI18n();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="card pending-item" data-testid="pending-disbursement" data-id={d.id}>
      <p>
        <strong>{formatMoney(lang, d.amountCents, currency)}</strong> · {t(`fund.purpose.${d.purpose}`)} ·{' '}
        {fundName}
        {d.releaseCode && <> · {d.releaseCode}</>}
      </p>
      <p class="hint">
        {d.createdBy
          ? t('fund.askedBy', { name: d.createdBy, when: formatDayTime(lang, d.createdAt) })
          : t('fund.askedAt', { when: formatDayTime(lang, d.createdAt) })}
      </p>
      {d.note && <p>{d.note}</p>}
      <ErrorMessage error={error} />
      {rejecting ? (
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => api.rejectDisbursement(d.id, reason.trim()));
          }}
        >
          <div class="field">
            <label for={`reject-${d.id}`}>{t('fund.rejectReason')}</label>
            <input
              id={`reject-${d.id}`}
              required
              maxLength={300}
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </div>
          <div class="form-actions">
            <button type="submit" class="btn btn-danger" disabled={busy || !reason.trim()}>
              {t('fund.reject')}
            </button>
            <button type="button" class="btn" onClick={() => setRejecting(false)}>
              {t('fund.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class="form-actions">
          <button
            type="button"
            class="btn btn-primary"
            disabled={busy}
            data-testid="approve"
            onClick={() => void act(() => api.approveDisbursement(d.id))}
          >
            {t('fund.approve')}
          </button>
          <button type="button" class="btn" disabled={busy} onClick={() => setRejecting(true)}>
            {t('fund.reject')}
          </button>
        </div>
      )}
    </li>
  );
}

interface LedgerProps {
  ledger: FundLedger;
  currency: string;
  fundNames: Map<number, string>;
}

export function PendingList({ ledger, currency, fundNames }: LedgerProps) {
  const { t } = useI18n();
  const pending = ledger.disbursements.filter((d) => d.status === 'pending');
  if (pending.length === 0) return null;
  return (
    <section aria-labelledby="pending-title" data-testid="pending-list">
      <h2 id="pending-title">{t('fund.pendingTitle', { n: pending.length })}</h2>
      <ul class="plain-list">
        {pending.map((d) => (
          <PendingItem key={d.id} d={d} currency={currency} fundName={fundNames.get(d.fundId) ?? ''} />
        ))}
      </ul>
    </section>
  );
}

/** One side of the ledger: a heading, then a row a movement, or a word that there is none yet. */
function LedgerSection({
  id,
  testId,
  title,
  columns,
  empty,
  children,
}: {
  id: string;
  testId: string;
  title: string;
  columns: string[];
  empty: boolean;
  children: ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {empty ? (
        <p class="empty">{t('fund.noneYet')}</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      )}
    </section>
  );
}

/** The day and the amount that open every ledger row. */
function DayAndAmount({
  label,
  day,
  cents,
  currency,
}: {
  label: string;
  day: string;
  cents: number;
  currency: string;
}) {
  const { t, lang } = useI18n();
  return (
    <>
      <td data-label={label}>{formatDay(lang, day)}</td>
      <th scope="row" data-label={t('fund.amountShort')} class="num">
        {formatMoney(lang, cents, currency)}
      </th>
    </>
  );
}

/** Money in and out, newest first, as cards on a phone and rows on a laptop. */
export function FundLedgerList({ ledger, currency, fundNames }: LedgerProps) {
  const { t } = useI18n();
  return (
    <>
      <LedgerSection
        id="out-title"
        testId="disbursement-list"
        title={t('fund.moneyOut')}
        columns={[
          t('fund.when'),
          t('fund.amountShort'),
          t('fund.purpose'),
          t('fund.status'),
          t('fund.detail'),
        ]}
        empty={ledger.disbursements.length === 0}
      >
        {ledger.disbursements.map((d) => (
          <tr key={d.id} data-testid="disbursement-row" data-status={d.status}>
            <DayAndAmount
              label={t('fund.when')}
              day={d.createdAt}
              cents={d.amountCents}
              currency={currency}
            />
            <td data-label={t('fund.purpose')}>{t(`fund.purpose.${d.purpose}`)}</td>
            <td data-label={t('fund.status')}>
              <span
                class={`chip ${d.status === 'approved' ? 'chip-ok' : d.status === 'pending' ? 'chip-wait' : 'chip-bad'}`}
              >
                {t(`fund.status.${d.status}`)}
              </span>
            </td>
            <td data-label={t('fund.detail')}>
              {[fundNames.get(d.fundId), d.releaseCode, d.note, d.decisionReason].filter(Boolean).join(' · ')}
            </td>
          </tr>
        ))}
      </LedgerSection>
      <LedgerSection
        id="in-title"
        testId="income-list"
        title={t('fund.moneyIn')}
        columns={[t('fund.receivedOn'), t('fund.amountShort'), t('fund.detail')]}
        empty={ledger.income.length === 0}
      >
        {ledger.income.map((i) => (
          <tr key={i.id} data-testid="income-row">
            <DayAndAmount
              label={t('fund.receivedOn')}
              day={i.receivedOn}
              cents={i.amountCents}
              currency={currency}
            />
            <td data-label={t('fund.detail')}>
              {[fundNames.get(i.fundId), i.imported ? t('fund.imported') : null, i.note]
                .filter(Boolean)
                .join(' · ')}
            </td>
          </tr>
        ))}
      </LedgerSection>
    </>
  );
}
