import { MAX_QTY } from '@shared/supplies';
import { useEffect, useState } from 'preact/hooks';
import { api, type CountResult, type StockLine } from '../../api';
import { Field } from '../../components/Field';
import {
  matches,
  SiteSelect,
  SupplyError,
  signed,
  useSites,
  useSupplyItems,
} from '../../components/SupplyBits';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';

/**
 * The monthly inventory: what was counted on the shelves of one site. Only the items given a number are
 * sent; each difference from the ledger becomes an adjustment.
 */
export function CountForm() {
  const { t } = useI18n();
  const sites = useSites();
  const items = useSupplyItems();
  const [siteId, setSiteId] = useState<number | null>(null);
  const [onRecord, setOnRecord] = useState<StockLine[]>([]);
  const [counted, setCounted] = useState<Record<number, string>>({});
  const [filter, setFilter] = useState('');
  const [result, setResult] = useState<CountResult | null>(null);
  const submission = useSubmission<CountResult>();

  useEffect(() => {
    setCounted({});
    setOnRecord([]);
    if (siteId === null) return;
    let live = true;
    api.stock(siteId).then(
      (s) => live && setOnRecord(s.items),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [siteId]);

  const all = (items.data?.items ?? []).filter((i) => i.active);
  const recorded = (itemId: number) => onRecord.find((l) => l.itemId === itemId)?.qty ?? 0;
  const nameOf = (itemId: number) => all.find((i) => i.id === itemId)?.name ?? `#${itemId}`;
  const entered = Object.entries(counted).filter(([, v]) => v.trim() !== '');

  const submit = async (e: Event) => {
    e.preventDefault();
    if (siteId === null || entered.length === 0) return;
    const res = await submission.run((key) =>
      api.countStock(
        { siteId, lines: entered.map(([itemId, v]) => ({ itemId: Number(itemId), counted: Number(v) })) },
        key,
      ),
    );
    if (!res) return;
    setResult(res);
    setCounted({});
    api.stock(siteId).then(
      (s) => setOnRecord(s.items),
      () => undefined,
    );
  };

  return (
    <form class="form count-form" onSubmit={submit} data-testid="count-form">
      <SupplyError error={submission.error} />
      {result && (
        <div class="alert alert-ok" role="status" data-testid="count-result">
          {result.adjusted.length === 0 ? (
            t('supplies.countNoChange')
          ) : (
            <>
              <p>
                {t(
                  result.adjusted.length === 1
                    ? 'supplies.countAdjusted.one'
                    : 'supplies.countAdjusted.other',
                  {
                    n: result.adjusted.length,
                  },
                )}
              </p>
              <ul>
                {result.adjusted.map((a) => (
                  <li key={a.itemId} data-testid="count-adjustment" data-item={a.itemId}>
                    {nameOf(a.itemId)}: {signed(a.delta)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <Field id="count-site" label={t('supplies.site')}>
        {(a11y) => (
          <SiteSelect
            a11y={a11y}
            sites={sites.data?.items ?? []}
            value={siteId}
            onChange={(id) => {
              setResult(null);
              setSiteId(id);
            }}
          />
        )}
      </Field>
      {siteId !== null && (
        <>
          <Field id="count-filter" label={t('supplies.findItem')}>
            {(a11y) => (
              <input
                {...a11y}
                type="search"
                autoComplete="off"
                value={filter}
                onInput={(e) => setFilter(e.currentTarget.value)}
              />
            )}
          </Field>
          <p class="hint">{t('supplies.countHint')}</p>
          <ul class="count-lines">
            {all
              .filter((i) => matches(i, filter))
              .map((i) => (
                <li key={i.id} class="count-line" data-testid="count-line" data-item={i.id}>
                  <label for={`count-${i.id}`}>
                    <span class="count-name">{i.name}</span>
                    <span class="hint block">
                      {t('supplies.onRecord', { qty: recorded(i.id), unit: i.unit })}
                    </span>
                  </label>
                  <input
                    id={`count-${i.id}`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={MAX_QTY}
                    placeholder={String(recorded(i.id))}
                    value={counted[i.id] ?? ''}
                    onInput={(e) => {
                      const v = e.currentTarget.value;
                      setCounted((c) => ({ ...c, [i.id]: v }));
                    }}
                  />
                </li>
              ))}
          </ul>
          <div class="form-actions">
            <button
              type="submit"
              class="btn btn-primary btn-block"
              disabled={submission.busy || entered.length === 0}
            >
              {submission.busy
                ? t('form.saving')
                : t(entered.length === 1 ? 'supplies.saveCount.one' : 'supplies.saveCount.other', {
                    n: entered.length,
                  })}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
