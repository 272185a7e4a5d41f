import { MAX_QTY } from '@shared/supplies';
import { useState } from 'preact/hooks';
import { api, type Kit } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SiteSelect, SUPPLY_EVENTS, SupplyError, useSites } from '../../components/SupplyBits';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';

function AssembleForm({ kit }: { kit: Kit }) {
  const { t } = useI18n();
  const sites = useSites();
  const [siteId, setSiteId] = useState<number | null>(null);
  const [count, setCount] = useState('1');
  const [done, setDone] = useState(false);
  const submission = useSubmission<{ batch: string }>();
  const buildable = kit.buildable.find((b) => b.siteId === siteId)?.count ?? 0;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (siteId === null) return;
    setDone(false);
    const ok = await submission.run((key) => api.assembleKits(kit.id, { siteId, count: Number(count) }, key));
    if (ok) setDone(true);
  };
  return (
    <form class="assemble-form" onSubmit={submit} data-testid="assemble-form">
      <SupplyError error={submission.error} />
      <div class="inline-add">
        <SiteSelect
          sites={sites.data?.items ?? []}
          value={siteId}
          onChange={setSiteId}
          a11y={{ 'aria-label': t('supplies.assembleAt', { name: kit.name }) }}
        />
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_QTY}
          required
          aria-label={t('supplies.assembleCount', { name: kit.name })}
          value={count}
          onInput={(e) => setCount(e.currentTarget.value)}
        />
        <button type="submit" class="btn btn-small" disabled={submission.busy || siteId === null}>
          {t('supplies.assemble')}
        </button>
      </div>
      {siteId !== null && <p class="hint">{t('supplies.buildableHere', { n: buildable })}</p>}
      {done && (
        <p class="hint" role="status">
          {t('supplies.assembled')}
        </p>
      )}
    </form>
  );
}

/** Kit definitions: what goes in each, and how many more every site could put together now. */
export function KitList({ operator }: { operator: boolean }) {
  const { t } = useI18n();
  const kits = useLiveResource(api.kits, SUPPLY_EVENTS);
  const items = kits.data?.items ?? [];
  return (
    <section class="card" aria-labelledby="kits-title" data-testid="kits">
      <h2 id="kits-title">{t('supplies.kits')}</h2>
      <ErrorMessage error={kits.error} />
      {kits.data && items.length === 0 && <p class="empty">{t('supplies.noKits')}</p>}
      <ul class="kit-list">
        {items.map((k) => (
          <li key={k.id} class="kit" data-testid="kit" data-kit={k.id}>
            <h3 class="subhead">
              {k.name} <span class="hint">{k.sku}</span>
            </h3>
            <p class="kit-parts">
              {k.components.map((c) => t('supplies.part', { qty: c.qty, name: c.name })).join(' · ')}
            </p>
            <ul class="chip-group" aria-label={t('supplies.buildable')}>
              {k.buildable.map((b) => (
                <li
                  key={b.siteId}
                  class={`chip ${b.count > 0 ? 'chip-in' : 'chip-wait'}`}
                  data-testid="buildable"
                  data-site={b.siteId}
                  data-count={b.count}
                >
                  {t('supplies.buildableAt', { site: b.siteName, n: b.count })}
                </li>
              ))}
            </ul>
            {operator && <AssembleForm kit={k} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
