import { useMemo, useState } from 'preact/hooks';
import { api } from '../../api';
import { Disclosure } from '../../components/Disclosure';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatMoney } from '../../components/money';
import { Page } from '../../components/Page';
import { type MessageKey, useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';
import { linkClick } from '../../router';
import { DisburseForm, IncomeForm, NewFundForm } from './FundForms';
import { FundImport } from './FundImport';
import { FundLedgerList, PendingList } from './FundLedgerList';

type View = 'funds' | 'income' | 'disburse' | 'import' | 'ledger';

const views: readonly { view: View; label: MessageKey }[] = [
  { view: 'funds', label: 'fund.viewFunds' },
  { view: 'disburse', label: 'fund.viewDisburse' },
  { view: 'income', label: 'fund.viewIncome' },
  { view: 'import', label: 'fund.viewImport' },
  { view: 'ledger', label: 'fund.viewLedger' },
];

const LIVE = ['fund.', 'disbursement.'];

/** The community fund's ledger: coordinators and admins only (the server refuses everyone else). */
export function Fund() {
  const { t, lang } = useI18n();
  const [view, setView] = useState<View>('funds');
  const funds = useLiveResource(() => api.funds(), LIVE);
  const ledger = useLiveResource(() => api.fundLedger(), LIVE);
  const releases = useLiveResource(() => api.releases('open'), ['release.']);
  const list = funds.data?.items ?? [];
  const currency = funds.data?.currency ?? 'USD';
  const names = useMemo(() => new Map(list.map((f) => [f.id, f.name])), [list]);
  const pending = ledger.data?.disbursements.filter((d) => d.status === 'pending').length ?? 0;
  return (
    <Page
      title={t('fund.title')}
      actions={
        <a class="btn" href="/fund/report" onClick={linkClick}>
          {t('fund.reportLink')}
        </a>
      }
    >
      <nav class="view-switch" aria-label={t('fund.views')}>
        {views.map((v) => (
          <button
            key={v.view}
            type="button"
            class={`btn btn-small${view === v.view ? ' btn-primary' : ''}`}
            aria-pressed={view === v.view}
            data-view={v.view}
            onClick={() => setView(v.view)}
          >
            {t(v.label)}
            {v.view === 'funds' && pending > 0 ? ` (${pending})` : ''}
          </button>
        ))}
      </nav>
      <ErrorMessage error={funds.error ?? ledger.error} />
      {!funds.data && !funds.error && <p class="loading">{t('app.loading')}</p>}
      {funds.data && view === 'funds' && (
        <>
          {ledger.data && <PendingList ledger={ledger.data} currency={currency} fundNames={names} />}
          {list.length === 0 && <p class="empty">{t('fund.noFunds')}</p>}
          <div class="grid stats" data-testid="fund-list">
            {list.map((f) => (
              <article key={f.id} class="card stat" data-testid="fund-card" data-id={f.id}>
                <h2>{f.name}</h2>
                <p class="stat-value stat-money" data-testid="fund-balance">
                  {formatMoney(lang, f.balanceCents, currency)}
                </p>
                <p class="hint">
                  {[
                    f.source,
                    f.pendingCents
                      ? t('fund.held', { amount: formatMoney(lang, f.pendingCents, currency) })
                      : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </article>
            ))}
          </div>
          <p class="hint">
            {t('fund.balanceHelp', { amount: formatMoney(lang, funds.data.approvalCents, currency) })}
          </p>
          <Disclosure id="new-fund-title" title={t('fund.newFund')}>
            <NewFundForm />
          </Disclosure>
        </>
      )}
      {funds.data && view === 'income' && (
        <section class="card intake" aria-labelledby="income-title">
          <h2 id="income-title">{t('fund.incomeTitle')}</h2>
          <IncomeForm funds={list} currency={currency} today={funds.data.today} />
        </section>
      )}
      {funds.data && view === 'disburse' && (
        <section class="card intake" aria-labelledby="disburse-title">
          <h2 id="disburse-title">{t('fund.disburseTitle')}</h2>
          <DisburseForm
            funds={list}
            currency={currency}
            approvalCents={funds.data.approvalCents}
            releases={releases.data?.items ?? []}
          />
        </section>
      )}
      {funds.data && view === 'import' && <FundImport funds={list} currency={currency} />}
      {funds.data && view === 'ledger' && ledger.data && (
        <FundLedgerList ledger={ledger.data} currency={currency} fundNames={names} />
      )}
    </Page>
  );
}
