import { MAX_QTY } from '@shared/supplies';
import { useState } from 'preact/hooks';
import { api, type SupplyItem } from '../../api';
import { Field } from '../../components/Field';
import { SiteSelect, SupplyError, useSites, useStock, useSupplyItems } from '../../components/SupplyBits';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';

function ItemSelect({
  a11y,
  items,
  value,
  onChange,
}: {
  a11y: Record<string, unknown>;
  items: readonly SupplyItem[];
  value: number | null;
  onChange: (id: number | null) => void;
}) {
  const { t } = useI18n();
  return (
    <select
      {...a11y}
      required
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
    >
      <option value="">{t('supplies.pickItem')}</option>
      {items.map((i) => (
        <option key={i.id} value={i.id}>
          {i.name}
        </option>
      ))}
    </select>
  );
}

/** Stock moved from one site to another: both sides in one move, refused whole if the source is short. */
export function TransferForm() {
  const { t } = useI18n();
  const sites = useSites();
  const items = useSupplyItems();
  const stock = useStock();
  const [itemId, setItemId] = useState<number | null>(null);
  const [fromSiteId, setFrom] = useState<number | null>(null);
  const [toSiteId, setTo] = useState<number | null>(null);
  const [qty, setQty] = useState('1');
  const [done, setDone] = useState(false);
  const submission = useSubmission<{ batch: string }>();
  const onHand = stock.data?.items.find((l) => l.itemId === itemId && l.siteId === fromSiteId)?.qty ?? 0;
  const unit = items.data?.items.find((i) => i.id === itemId)?.unit ?? '';
  const submit = async (e: Event) => {
    e.preventDefault();
    if (itemId === null || fromSiteId === null || toSiteId === null) return;
    setDone(false);
    const ok = await submission.run((key) =>
      api.transferStock({ itemId, fromSiteId, toSiteId, qty: Number(qty) }, key),
    );
    if (ok) setDone(true);
  };
  const siteList = sites.data?.items ?? [];
  return (
    <form class="form" onSubmit={submit} data-testid="transfer-form">
      <SupplyError error={submission.error} />
      {done && (
        <p class="alert alert-ok" role="status">
          {t('supplies.moved')}
        </p>
      )}
      <div class="form-grid">
        <Field id="transfer-item" label={t('supplies.item')}>
          {(a11y) => (
            <ItemSelect
              a11y={a11y}
              items={(items.data?.items ?? []).filter((i) => i.active)}
              value={itemId}
              onChange={setItemId}
            />
          )}
        </Field>
        <Field
          id="transfer-from"
          label={t('supplies.fromSite')}
          hint={
            itemId !== null && fromSiteId !== null
              ? t('supplies.onHandHere', { qty: onHand, unit })
              : undefined
          }
        >
          {(a11y) => <SiteSelect a11y={a11y} sites={siteList} value={fromSiteId} onChange={setFrom} />}
        </Field>
        <Field id="transfer-to" label={t('supplies.toSite')}>
          {(a11y) => (
            <SiteSelect
              a11y={a11y}
              sites={siteList.filter((s) => s.id !== fromSiteId)}
              value={toSiteId}
              onChange={setTo}
            />
          )}
        </Field>
        <Field id="transfer-qty" label={t('supplies.count')}>
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              inputMode="numeric"
              required
              min={1}
              max={MAX_QTY}
              value={qty}
              onInput={(e) => setQty(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={submission.busy}>
          {submission.busy ? t('form.saving') : t('supplies.move')}
        </button>
      </div>
    </form>
  );
}

/** A correction by hand, with the reason written down: breakage, spoilage, a miscount. */
export function AdjustForm() {
  const { t } = useI18n();
  const sites = useSites();
  const items = useSupplyItems();
  const [itemId, setItemId] = useState<number | null>(null);
  const [siteId, setSiteId] = useState<number | null>(null);
  const [delta, setDelta] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const submission = useSubmission<{ batch: string }>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (itemId === null || siteId === null) return;
    setDone(false);
    const ok = await submission.run((key) =>
      api.moveStock({ itemId, siteId, delta: Number(delta), reason: 'adjust', note: note.trim() }, key),
    );
    if (!ok) return;
    setDone(true);
    setDelta('');
    setNote('');
  };
  return (
    <form class="form" onSubmit={submit} data-testid="adjust-form">
      <SupplyError error={submission.error} />
      {done && (
        <p class="alert alert-ok" role="status">
          {t('supplies.adjusted')}
        </p>
      )}
      <div class="form-grid">
        <Field id="adjust-item" label={t('supplies.item')}>
          {(a11y) => (
            <ItemSelect
              a11y={a11y}
              items={(items.data?.items ?? []).filter((i) => i.active)}
              value={itemId}
              onChange={setItemId}
            />
          )}
        </Field>
        <Field id="adjust-site" label={t('supplies.site')}>
          {(a11y) => (
            <SiteSelect a11y={a11y} sites={sites.data?.items ?? []} value={siteId} onChange={setSiteId} />
          )}
        </Field>
        <Field id="adjust-delta" label={t('supplies.change')} hint={t('supplies.changeHint')}>
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              inputMode="numeric"
              required
              min={-MAX_QTY}
              max={MAX_QTY}
              value={delta}
              onInput={(e) => setDelta(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="adjust-note" label={t('supplies.why')}>
          {(a11y) => (
            <input
              {...a11y}
              required
              maxLength={300}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={submission.busy || Number(delta) === 0}>
          {submission.busy ? t('form.saving') : t('supplies.adjust')}
        </button>
      </div>
    </form>
  );
}
