import { MAX_QTY } from '@shared/supplies';
import { useState } from 'preact/hooks';
import { api, type SupplyItem } from '../../api';
import { Field } from '../../components/Field';
import { Stepper } from '../../components/Stepper';
import { SiteSelect, SupplyError, useSites, useSupplyItems } from '../../components/SupplyBits';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { ItemPicker } from './ItemPicker';

interface Line {
  item: SupplyItem;
  qty: number;
  expiresOn: string;
}

/** A donation drop-off, received on a phone: pick items by typing, step the counts, send once. */
export function ReceiveForm() {
  const { t } = useI18n();
  const sites = useSites();
  const items = useSupplyItems();
  const [siteId, setSiteId] = useState<number | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submission = useSubmission<{ batch: string }>();

  const pick = (item: SupplyItem) => {
    setDone(null);
    setLines((ls) =>
      ls.some((l) => l.item.id === item.id)
        ? ls.map((l) => (l.item.id === item.id ? { ...l, qty: Math.min(MAX_QTY, l.qty + 1) } : l))
        : [...ls, { item, qty: 1, expiresOn: '' }],
    );
  };
  const change = (i: number, patch: Partial<Line>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (siteId === null || lines.length === 0) return;
    const ok = await submission.run((key) =>
      api.receiveStock(
        {
          siteId,
          lines: lines.map((l) => ({
            itemId: l.item.id,
            qty: l.qty,
            ...(l.expiresOn ? { expiresOn: l.expiresOn } : {}),
          })),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
        key,
      ),
    );
    if (!ok) return;
    const units = lines.reduce((n, l) => n + l.qty, 0);
    setDone(t('supplies.received', { lines: lines.length, units }));
    setLines([]);
    setNote('');
  };

  return (
    <form class="form receive-form" onSubmit={submit} data-testid="receive-form">
      <SupplyError error={submission.error} />
      {done && (
        <p class="alert alert-ok" role="status" data-testid="receive-done">
          {done}
        </p>
      )}
      <Field id="receive-site" label={t('supplies.site')}>
        {(a11y) => (
          <SiteSelect a11y={a11y} sites={sites.data?.items ?? []} value={siteId} onChange={setSiteId} />
        )}
      </Field>
      <ItemPicker id="receive-find" items={items.data?.items ?? []} onPick={pick} />
      {lines.length === 0 ? (
        <p class="empty">{t('supplies.noLines')}</p>
      ) : (
        <ul class="receive-lines">
          {lines.map((l, i) => (
            <li key={l.item.id} class="receive-line" data-testid="receive-line" data-item={l.item.id}>
              <div class="receive-line-head">
                <strong>{l.item.name}</strong>
                <button
                  type="button"
                  class="btn btn-small"
                  aria-label={t('supplies.removeLine', { name: l.item.name })}
                  onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </div>
              <Stepper
                id={`receive-qty-${l.item.id}`}
                label={t('supplies.qtyOf', { unit: l.item.unit })}
                value={l.qty}
                min={1}
                max={MAX_QTY}
                decreaseLabel={t('supplies.fewer', { name: l.item.name })}
                increaseLabel={t('supplies.more', { name: l.item.name })}
                onChange={(qty) => change(i, { qty })}
              />
              <Field
                id={`receive-expires-${l.item.id}`}
                label={`${t('supplies.expiresOn')} ${t('field.optional')}`}
              >
                {(a11y) => (
                  <input
                    {...a11y}
                    type="date"
                    value={l.expiresOn}
                    onInput={(e) => change(i, { expiresOn: e.currentTarget.value })}
                  />
                )}
              </Field>
            </li>
          ))}
        </ul>
      )}
      <Field id="receive-note" label={`${t('supplies.note')} ${t('field.optional')}`}>
        {(a11y) => (
          <input {...a11y} maxLength={300} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        )}
      </Field>
      <div class="form-actions">
        <button
          type="submit"
          class="btn btn-primary btn-block"
          disabled={submission.busy || siteId === null || lines.length === 0}
        >
          {submission.busy
            ? t('form.saving')
            : t('supplies.receive', { units: lines.reduce((n, l) => n + l.qty, 0) })}
        </button>
      </div>
    </form>
  );
}
