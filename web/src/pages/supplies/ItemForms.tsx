import {
  type ItemCategory,
  itemCategories,
  MAX_KIT_COMPONENTS,
  MAX_QTY,
  type SuppliedNeed,
  suppliedNeeds,
} from '@shared/supplies';
import { useState } from 'preact/hooks';
import { api, type SupplyItem } from '../../api';
import { Field } from '../../components/Field';
import { categoryName, SupplyError, useSupplyItems } from '../../components/SupplyBits';
import { formError, useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { ItemPicker } from './ItemPicker';

interface Common {
  sku: string;
  name: string;
  category: ItemCategory;
  need: SuppliedNeed | '';
  threshold: string;
}

const blank: Common = { sku: '', name: '', category: 'other', need: '', threshold: '' };

function commonBody(d: Common) {
  return {
    sku: d.sku.trim(),
    name: d.name.trim(),
    category: d.category,
    ...(d.need ? { need: d.need } : {}),
    ...(d.threshold.trim() ? { lowStockThreshold: Number(d.threshold) } : {}),
  };
}

/** SKU, name, category, the release need it meets and the low-stock line: shared by items and kits. */
function CommonFields({
  prefix,
  draft,
  errors,
  set,
}: {
  prefix: string;
  draft: Common;
  errors: Record<string, string>;
  set: <K extends keyof Common>(k: K, v: Common[K]) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field id={`${prefix}-sku`} label={t('supplies.sku')} hint={t('supplies.skuHint')} error={errors.sku}>
        {(a11y) => (
          <input
            {...a11y}
            required
            maxLength={40}
            autoComplete="off"
            spellcheck={false}
            value={draft.sku}
            onInput={(e) => set('sku', e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={`${prefix}-name`} label={t('field.name')} error={errors.name}>
        {(a11y) => (
          <input
            {...a11y}
            required
            maxLength={120}
            value={draft.name}
            onInput={(e) => set('name', e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={`${prefix}-category`} label={t('supplies.category')} error={errors.category}>
        {(a11y) => (
          <select
            {...a11y}
            value={draft.category}
            onChange={(e) => set('category', e.currentTarget.value as ItemCategory)}
          >
            {itemCategories.map((c) => (
              <option key={c} value={c}>
                {categoryName(t, c)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${prefix}-need`}
        label={`${t('supplies.meetsNeed')} ${t('field.optional')}`}
        error={errors.need}
      >
        {(a11y) => (
          <select
            {...a11y}
            value={draft.need}
            onChange={(e) => set('need', e.currentTarget.value as SuppliedNeed | '')}
          >
            <option value="">—</option>
            {suppliedNeeds.map((n) => (
              <option key={n} value={n}>
                {t(`need.${n}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${prefix}-threshold`}
        label={`${t('supplies.threshold')} ${t('field.optional')}`}
        hint={t('supplies.thresholdHint')}
        error={errors.lowStockThreshold}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_QTY}
            value={draft.threshold}
            onInput={(e) => set('threshold', e.currentTarget.value)}
          />
        )}
      </Field>
    </>
  );
}

export function NewItemForm() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Common>(blank);
  const [unit, setUnit] = useState('each');
  const [saved, setSaved] = useState<string | null>(null);
  const submission = useSubmission<SupplyItem>();
  const errors = submission.fieldErrors;
  const set = <K extends keyof Common>(k: K, v: Common[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const item = await submission.run((key) =>
      api.createSupplyItem({ ...commonBody(draft), unit: unit.trim() || 'each' }, key),
    );
    if (!item) return;
    setSaved(t('supplies.itemAdded', { name: item.name }));
    setDraft(blank);
  };
  return (
    <form class="form" onSubmit={submit} data-testid="new-item-form">
      <SupplyError error={formError(submission.error, errors)} />
      {saved && (
        <p class="alert alert-ok" role="status">
          {saved}
        </p>
      )}
      <div class="form-grid">
        <CommonFields prefix="item" draft={draft} errors={errors} set={set} />
        <Field id="item-unit" label={t('supplies.unit')} hint={t('supplies.unitHint')} error={errors.unit}>
          {(a11y) => (
            <input {...a11y} maxLength={20} value={unit} onInput={(e) => setUnit(e.currentTarget.value)} />
          )}
        </Field>
      </div>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={submission.busy}>
          {submission.busy ? t('form.saving') : t('supplies.addItem')}
        </button>
      </div>
    </form>
  );
}

interface Part {
  item: SupplyItem;
  qty: number;
}

export function NewKitForm() {
  const { t } = useI18n();
  const items = useSupplyItems();
  const [draft, setDraft] = useState<Common>({ ...blank, category: 'hygiene' });
  const [parts, setParts] = useState<Part[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const submission = useSubmission<unknown>();
  const errors = submission.fieldErrors;
  const set = <K extends keyof Common>(k: K, v: Common[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const loose = (items.data?.items ?? []).filter((i) => i.kind === 'item');
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const kit = await submission.run((key) =>
      api.createKit(
        { ...commonBody(draft), components: parts.map((p) => ({ itemId: p.item.id, qty: p.qty })) },
        key,
      ),
    );
    if (!kit) return;
    setSaved(t('supplies.kitAdded', { name: draft.name.trim() }));
    setDraft({ ...blank, category: 'hygiene' });
    setParts([]);
  };
  return (
    <form class="form" onSubmit={submit} data-testid="new-kit-form">
      <SupplyError error={formError(submission.error, errors)} />
      {saved && (
        <p class="alert alert-ok" role="status">
          {saved}
        </p>
      )}
      <div class="form-grid">
        <CommonFields prefix="kit" draft={draft} errors={errors} set={set} />
      </div>
      <fieldset class={`field${errors.components !== undefined ? ' field-invalid' : ''}`}>
        <legend>{t('supplies.components')}</legend>
        {parts.length < MAX_KIT_COMPONENTS && (
          <ItemPicker
            id="kit-find"
            items={loose.filter((i) => !parts.some((p) => p.item.id === i.id))}
            onPick={(item) => setParts((ps) => [...ps, { item, qty: 1 }])}
          />
        )}
        <ul class="kit-parts-edit">
          {parts.map((p, i) => (
            <li key={p.item.id} class="inline-add">
              <label for={`kit-part-${p.item.id}`}>{p.item.name}</label>
              <input
                id={`kit-part-${p.item.id}`}
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_QTY}
                value={p.qty}
                onInput={(e) => {
                  const qty = Number(e.currentTarget.value) || 1;
                  setParts((ps) => ps.map((q, j) => (j === i ? { ...q, qty } : q)));
                }}
              />
              <button
                type="button"
                class="btn btn-small"
                aria-label={t('supplies.removeLine', { name: p.item.name })}
                onClick={() => setParts((ps) => ps.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        {errors.components && <p class="field-error">{errors.components}</p>}
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={submission.busy || parts.length === 0}>
          {submission.busy ? t('form.saving') : t('supplies.defineKit')}
        </button>
      </div>
    </form>
  );
}
