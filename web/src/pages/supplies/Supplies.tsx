import { useState } from 'preact/hooks';
import { isOperator } from '../../access';
import type { AuthUser } from '../../api';
import { Disclosure } from '../../components/Disclosure';
import { Page } from '../../components/Page';
import { type MessageKey, useI18n } from '../../i18n';
import { CountForm } from './CountForm';
import { ForecastTable } from './ForecastTable';
import { NewItemForm, NewKitForm } from './ItemForms';
import { ItemTable } from './ItemTable';
import { KitList } from './KitList';
import { LedgerList } from './LedgerList';
import { AdjustForm, TransferForm } from './MoveForms';
import { ReceiveForm } from './ReceiveForm';
import { StockTable } from './StockTable';

type View = 'stock' | 'receive' | 'count' | 'kits' | 'ledger' | 'forecast';

const views: readonly { view: View; label: MessageKey; operatorsOnly?: boolean }[] = [
  { view: 'stock', label: 'supplies.stock' },
  { view: 'receive', label: 'supplies.receiveTab', operatorsOnly: true },
  { view: 'count', label: 'supplies.countTab', operatorsOnly: true },
  { view: 'kits', label: 'supplies.kits' },
  { view: 'ledger', label: 'supplies.ledger' },
  { view: 'forecast', label: 'supplies.forecast' },
];

/** What the network has where; everyone reads it, operators receive, count, assemble and define. */
export function Supplies({ user }: { user: AuthUser }) {
  const { t } = useI18n();
  const operator = isOperator(user.role);
  const [view, setView] = useState<View>('stock');
  return (
    <Page title={t('supplies.title')}>
      <nav class="view-switch" aria-label={t('supplies.views')}>
        {views
          .filter((v) => operator || !v.operatorsOnly)
          .map((v) => (
            <button
              key={v.view}
              type="button"
              class={`btn btn-small${view === v.view ? ' btn-primary' : ''}`}
              aria-pressed={view === v.view}
              data-view={v.view}
              onClick={() => setView(v.view)}
            >
              {t(v.label)}
            </button>
          ))}
      </nav>
      {view === 'stock' && (
        <>
          <StockTable />
          {operator && (
            <Disclosure id="transfer-title" title={t('supplies.transferTitle')}>
              <TransferForm />
            </Disclosure>
          )}
          {operator && (
            <Disclosure id="adjust-title" title={t('supplies.adjustTitle')}>
              <AdjustForm />
            </Disclosure>
          )}
        </>
      )}
      {view === 'receive' && operator && (
        <section class="card intake" aria-labelledby="receive-title">
          <h2 id="receive-title">{t('supplies.receiveTitle')}</h2>
          <ReceiveForm />
        </section>
      )}
      {view === 'count' && operator && (
        <section class="card intake" aria-labelledby="count-title">
          <h2 id="count-title">{t('supplies.countTitle')}</h2>
          <CountForm />
        </section>
      )}
      {view === 'kits' && (
        <>
          <KitList operator={operator} />
          <ItemTable operator={operator} />
          {operator && (
            <Disclosure id="new-kit-title" title={t('supplies.defineKit')}>
              <NewKitForm />
            </Disclosure>
          )}
          {operator && (
            <Disclosure id="new-item-title" title={t('supplies.addItem')}>
              <NewItemForm />
            </Disclosure>
          )}
        </>
      )}
      {view === 'ledger' && <LedgerList />}
      {view === 'forecast' && <ForecastTable />}
    </Page>
  );
}
