import type { ItemCategory, MovementReason } from '@shared/supplies';
import { type ApiError, api, type Site, type StockLine, type SupplyItem } from '../api';
import { type Translate, useI18n } from '../i18n';
import { useLiveResource } from '../resource';
import { errorText } from './ErrorMessage';

/** Every event that can change what is on hand, what is low, or which items exist. */
export const SUPPLY_EVENTS = ['stock.', 'supply_item.', 'release.kits'] as const;

export function useStock() {
  return useLiveResource(() => api.stock(), SUPPLY_EVENTS);
}

export function useSupplyItems() {
  return useLiveResource(api.supplyItems, ['supply_item.']);
}

export function useSites() {
  return useLiveResource(api.sites, ['site.']);
}

export function reasonName(t: Translate, reason: MovementReason): string {
  return t(`stockReason.${reason}`);
}

export function categoryName(t: Translate, category: ItemCategory): string {
  return t(`itemCategory.${category}`);
}

/** A quantity as the ledger shows it: always signed, so a hand-out never reads as stock coming in. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

/**
 * The server names what ran short in English ("Hygiene kit (3 kit on hand)"); the reader gets the item
 * and the count in their own language.
 */
export function supplyErrorText(t: Translate, err: ApiError): string {
  if (err.code !== 'insufficient_stock') return errorText(t, err);
  const list = /^Not enough in stock: (.+)$/.exec(err.message)?.[1];
  if (!list) return t('error.insufficient_stock');
  const parts = [...list.matchAll(/(.+?) \((\d+) \S+ on hand\)(?:, |$)/g)].map((m) =>
    t('supplies.shortOf', { item: m[1] ?? '', qty: m[2] ?? '' }),
  );
  return parts.length
    ? `${t('error.insufficient_stock')} ${parts.join(', ')}`
    : t('error.insufficient_stock');
}

export function SupplyError({ error }: { error: ApiError | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p class="alert alert-error" role="alert" data-testid="supply-error">
      {supplyErrorText(t, error)}
    </p>
  );
}

/** Accents and case do not matter when a volunteer types "jabon" for "Jabón". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function matches(item: Pick<SupplyItem, 'name' | 'sku'>, query: string): boolean {
  const q = fold(query.trim());
  return !q || fold(item.name).includes(q) || fold(item.sku).includes(q);
}

export function SiteSelect({
  id,
  sites,
  value,
  onChange,
  allLabel,
  a11y,
}: {
  id?: string;
  sites: readonly Site[];
  value: number | null;
  onChange: (siteId: number | null) => void;
  /** Offers "every site" as the empty choice; without it a site must be picked. */
  allLabel?: string;
  a11y?: Record<string, unknown>;
}) {
  const { t } = useI18n();
  return (
    <select
      id={id}
      {...a11y}
      value={value ?? ''}
      required={!allLabel}
      onChange={(e) => onChange(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
    >
      <option value="">{allLabel ?? t('supplies.pickSite')}</option>
      {sites.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );
}

interface KitTotal {
  itemId: number;
  name: string;
  qty: number;
  lowAt: string[];
}

function kitTotals(lines: readonly StockLine[]): KitTotal[] {
  const byItem = new Map<number, KitTotal>();
  for (const l of lines) {
    if (l.kind !== 'kit') continue;
    const total = byItem.get(l.itemId) ?? { itemId: l.itemId, name: l.name, qty: 0, lowAt: [] };
    total.qty += l.qty;
    if (l.low) total.lowAt.push(l.siteName);
    byItem.set(l.itemId, total);
  }
  return [...byItem.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Kits on hand across sites, for the release board: the sites running low are named. */
export function KitsOnHand() {
  const { t } = useI18n();
  const stock = useStock();
  const totals = kitTotals(stock.data?.items ?? []);
  if (totals.length === 0) return null;
  return (
    <div class="kits-on-hand" data-testid="kits-on-hand">
      <span class="kits-on-hand-label">{t('supplies.kitsOnHand')}</span>
      <ul class="chip-group">
        {totals.map((k) => (
          <li
            key={k.itemId}
            class={`chip ${k.lowAt.length ? 'chip-warn' : 'chip-in'}`}
            data-testid="kit-total"
            data-item={k.itemId}
            data-qty={k.qty}
            data-low={k.lowAt.length > 0}
          >
            {t('supplies.kitTotal', { name: k.name, qty: k.qty })}
            {k.lowAt.length > 0 && ` · ${t('supplies.lowAt', { sites: k.lowAt.join(', ') })}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
