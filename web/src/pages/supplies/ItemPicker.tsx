import { useState } from 'preact/hooks';
import type { SupplyItem } from '../../api';
import { matches } from '../../components/SupplyBits';
import { useI18n } from '../../i18n';

const SHOWN = 8;

/** Type a few letters of a name or SKU and tap the item: no scanner, no long dropdown on a phone. */
export function ItemPicker({
  id,
  items,
  onPick,
}: {
  id: string;
  items: readonly SupplyItem[];
  onPick: (item: SupplyItem) => void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const found = query.trim() ? items.filter((i) => i.active && matches(i, query)) : [];
  return (
    <div class="item-picker">
      <label for={id}>{t('supplies.findItem')}</label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        spellcheck={false}
        placeholder={t('supplies.findItemHint')}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {query.trim() && found.length === 0 && <p class="hint">{t('supplies.noMatch')}</p>}
      {found.length > 0 && (
        <ul class="pick-list" data-testid="pick-list">
          {found.slice(0, SHOWN).map((item) => (
            <li key={item.id}>
              <button
                type="button"
                class="pick"
                data-testid="pick-item"
                onClick={() => {
                  onPick(item);
                  setQuery('');
                }}
              >
                <span class="pick-name">{item.name}</span>
                <span class="pick-sku">{item.sku}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
