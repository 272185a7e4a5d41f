import { MAX_QTY } from '@shared/supplies';
import { useState } from 'preact/hooks';
import { api, type ReleaseDetail, type SupplyItem } from '../api';
import { useSubmission } from '../forms';
import { useI18n } from '../i18n';
import { useLiveResource } from '../resource';
import { ErrorMessage } from './ErrorMessage';
import { Field } from './Field';
import { formatDayTime } from './networkTime';
import { Stepper } from './Stepper';
import { SiteSelect, SupplyError, useSites, useStock, useSupplyItems } from './SupplyBits';

/** Kits first, then the item meeting a need still open: what a volunteer most likely hands over. */
function preferred(items: readonly SupplyItem[], release: ReleaseDetail): SupplyItem | undefined {
  const open = release.needs.filter((n) => !release.needsMet.includes(n));
  return (
    items.find((i) => i.kind === 'kit' && i.need && open.includes(i.need)) ??
    items.find((i) => i.need && open.includes(i.need)) ??
    items.find((i) => i.kind === 'kit')
  );
}

function HandOutForm({ release, items }: { release: ReleaseDetail; items: readonly SupplyItem[] }) {
  const { t } = useI18n();
  const sites = useSites();
  const stock = useStock();
  const [itemId, setItemId] = useState<number | null>(() => preferred(items, release)?.id ?? null);
  const [siteId, setSiteId] = useState<number | null>(release.siteId);
  const [count, setCount] = useState(1);
  const [done, setDone] = useState<string | null>(null);
  const submission = useSubmission<{ batch: string }>();
  const item = items.find((i) => i.id === itemId);
  const onHand = stock.data?.items.find((l) => l.itemId === itemId && l.siteId === siteId)?.qty ?? 0;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (itemId === null || siteId === null || !item) return;
    setDone(null);
    const ok = await submission.run((key) =>
      api.handOutKits(release.id, { kitId: itemId, siteId, count }, key),
    );
    if (!ok) return;
    setDone(t('supplies.handedOut', { count, name: item.name }));
    setCount(1);
  };

  const group = (kind: SupplyItem['kind'], label: string) => (
    <optgroup label={label}>
      {items
        .filter((i) => i.kind === kind)
        .map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
    </optgroup>
  );

  return (
    <form class="form hand-out-form" onSubmit={submit} data-testid="hand-out-form">
      <SupplyError error={submission.error} />
      {done && (
        <p class="alert alert-ok" role="status" data-testid="hand-out-done">
          {done}
        </p>
      )}
      <Field id="hand-out-item" label={t('supplies.item')}>
        {(a11y) => (
          <select
            {...a11y}
            required
            value={itemId ?? ''}
            onChange={(e) => setItemId(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
          >
            <option value="">{t('supplies.pickItem')}</option>
            {group('kit', t('supplies.kits'))}
            {group('item', t('supplies.looseItems'))}
          </select>
        )}
      </Field>
      <Field
        id="hand-out-site"
        label={t('supplies.fromSite')}
        hint={
          item && siteId !== null ? t('supplies.onHandHere', { qty: onHand, unit: item.unit }) : undefined
        }
      >
        {(a11y) => (
          <SiteSelect a11y={a11y} sites={sites.data?.items ?? []} value={siteId} onChange={setSiteId} />
        )}
      </Field>
      <Stepper
        id="hand-out-count"
        label={t('supplies.count')}
        value={count}
        min={1}
        max={MAX_QTY}
        decreaseLabel={t('supplies.fewer', { name: item?.name ?? '' })}
        increaseLabel={t('supplies.more', { name: item?.name ?? '' })}
        onChange={setCount}
      />
      <div class="form-actions">
        <button
          type="submit"
          class="btn btn-primary"
          disabled={submission.busy || itemId === null || siteId === null}
        >
          {submission.busy ? t('form.saving') : t('supplies.handOut')}
        </button>
      </div>
    </form>
  );
}

/** What this release's group was given from stock, and, for operators, handing out more. */
export function KitsPanel({ release, operator }: { release: ReleaseDetail; operator: boolean }) {
  const { t, lang } = useI18n();
  const items = useSupplyItems();
  const sites = useSites();
  const given = useLiveResource(
    () => api.stockLedger({ releaseId: release.id, reason: 'hand_out' }),
    ['release.kits'],
    { when: (e) => (e.data as { id?: unknown } | null)?.id === release.id },
  );
  const active = (items.data?.items ?? []).filter((i) => i.active);
  const nameOf = (id: number) => items.data?.items.find((i) => i.id === id)?.name ?? `#${id}`;
  const siteOf = (id: number) => sites.data?.items.find((s) => s.id === id)?.name ?? `#${id}`;
  const rows = given.data?.items ?? [];
  const open = release.status !== 'closed' && release.status !== 'cancelled';

  return (
    <section class="card kits-panel" aria-labelledby="kits-panel-title" data-testid="kits-panel">
      <h2 id="kits-panel-title">{t('supplies.panel')}</h2>
      <ErrorMessage error={given.error} />
      {given.data && rows.length === 0 && <p class="empty">{t('supplies.nothingGiven')}</p>}
      {rows.length > 0 && (
        <ul class="given-list" data-testid="given-list">
          {rows.map((m) => (
            <li key={m.id} class="given-item" data-testid="given" data-item={m.itemId} data-count={-m.delta}>
              <strong>{t('supplies.part', { qty: -m.delta, name: nameOf(m.itemId) })}</strong>
              <span class="hint block">
                {siteOf(m.siteId)} · <time dateTime={m.at}>{formatDayTime(lang, m.at)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
      {operator &&
        open &&
        items.data &&
        (active.length === 0 ? (
          <p class="hint">{t('supplies.noItems')}</p>
        ) : (
          <HandOutForm key={active.length} release={release} items={active} />
        ))}
    </section>
  );
}
