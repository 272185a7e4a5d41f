import { MAX_QTY } from '@shared/supplies';
import { useState } from 'preact/hooks';
import { api, type SupplyItem } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { categoryName, SupplyError, useSupplyItems } from '../../components/SupplyBits';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';

/** The warning line and whether the item is still in use: the two things that change after it is added. */
function ItemRow({ item, operator }: { item: SupplyItem; operator: boolean }) {
  const { t } = useI18n();
  const [threshold, setThreshold] = useState(item.lowStockThreshold?.toString() ?? '');
  const submission = useSubmission<SupplyItem>();
  const save = (patch: { lowStockThreshold?: number | null; active?: boolean }) =>
    void submission.run(() => api.updateSupplyItem(item.id, patch));
  const changed = threshold.trim() !== (item.lowStockThreshold?.toString() ?? '');
  return (
    <tr data-testid="item-row" data-item={item.id} class={item.active ? undefined : 'row-paused'}>
      <th scope="row" data-label={t('supplies.item')}>
        {item.name} <span class="hint">{item.sku}</span>
        <SupplyError error={submission.error} />
      </th>
      <td data-label={t('supplies.category')}>
        {categoryName(t, item.category)}
        {item.need && ` · ${t(`need.${item.need}`)}`}
      </td>
      <td data-label={t('supplies.threshold')}>
        {operator ? (
          <form
            class="inline-add"
            onSubmit={(e) => {
              e.preventDefault();
              save({ lowStockThreshold: threshold.trim() ? Number(threshold) : null });
            }}
          >
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_QTY}
              aria-label={t('supplies.thresholdOf', { name: item.name })}
              value={threshold}
              onInput={(e) => setThreshold(e.currentTarget.value)}
            />
            {changed && (
              <button type="submit" class="btn btn-small" disabled={submission.busy}>
                {t('supplies.save')}
              </button>
            )}
          </form>
        ) : (
          (item.lowStockThreshold ?? '—')
        )}
      </td>
      <td data-label={t('supplies.inUse')}>
        {operator ? (
          <label class="check">
            <input
              type="checkbox"
              checked={item.active}
              disabled={submission.busy}
              onChange={(e) => save({ active: e.currentTarget.checked })}
            />
            <span>{t(item.active ? 'supplies.active' : 'supplies.paused')}</span>
          </label>
        ) : (
          t(item.active ? 'supplies.active' : 'supplies.paused')
        )}
      </td>
    </tr>
  );
}

export function ItemTable({ operator }: { operator: boolean }) {
  const { t } = useI18n();
  const items = useSupplyItems();
  const list = items.data?.items ?? [];
  return (
    <section class="card" aria-labelledby="items-title" data-testid="items">
      <h2 id="items-title">{t('supplies.items')}</h2>
      <ErrorMessage error={items.error} />
      {items.data && list.length === 0 && <p class="empty">{t('supplies.noItems')}</p>}
      {list.length > 0 && (
        <table class="table">
          <caption class="visually-hidden">{t('supplies.items')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('supplies.item')}</th>
              <th scope="col">{t('supplies.category')}</th>
              <th scope="col">{t('supplies.threshold')}</th>
              <th scope="col">{t('supplies.inUse')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((i) => (
              <ItemRow key={`${i.id}:${i.lowStockThreshold}`} item={i} operator={operator} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
