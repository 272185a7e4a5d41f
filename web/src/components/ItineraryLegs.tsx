import { MAX_CARRIER, MAX_PLACE } from '@shared/travel';
import { useI18n } from '../i18n';
import { Field } from './Field';
import { STOP_ZONES } from './TravelBits';

export interface LegDraft {
  carrier: string;
  from: string;
  fromZone: string;
  departsAt: string;
  to: string;
  toZone: string;
  arrivesAt: string;
}

export const emptyLeg: LegDraft = {
  carrier: '',
  from: '',
  fromZone: '',
  departsAt: '',
  to: '',
  toZone: '',
  arrivesAt: '',
};

/** The server names a leg's problem as `body.legs.1.departsAt`: shown at that leg's field. */
export function legErrors(details: readonly { path: string; message: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of details) {
    const m = /^body\.legs\.(\d+)\.(\w+)$/.exec(d.path);
    if (m && !out.has(`${m[1]}.${m[2]}`)) out.set(`${m[1]}.${m[2]}`, d.message);
  }
  return out;
}

function ZoneSelect({
  a11y,
  value,
  onChange,
}: {
  a11y: Record<string, unknown>;
  value: string;
  onChange: (zone: string) => void;
}) {
  const { t } = useI18n();
  return (
    <select {...a11y} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">{t('travel.networkZone')}</option>
      {STOP_ZONES.map((z) => (
        <option key={z} value={z}>
          {z.replace('_', ' ')}
        </option>
      ))}
    </select>
  );
}

/** One leg: where and when it leaves and arrives, each stop with its own zone. */
export function LegFields({
  i,
  leg,
  errors,
  onChange,
  onRemove,
}: {
  i: number;
  leg: LegDraft;
  errors: Map<string, string>;
  onChange: (leg: LegDraft) => void;
  onRemove?: () => void;
}) {
  const { t } = useI18n();
  const set = (field: keyof LegDraft) => (e: { currentTarget: { value: string } }) =>
    onChange({ ...leg, [field]: e.currentTarget.value });
  const err = (field: string) => errors.get(`${i}.${field}`);
  const text = (field: 'carrier' | 'from' | 'to', max: number) => (
    <Field id={`leg-${i}-${field}`} label={t(`travel.leg.${field}`)} error={err(field)}>
      {(a11y) => <input {...a11y} required maxLength={max} value={leg[field]} onInput={set(field)} />}
    </Field>
  );
  const when = (field: 'departsAt' | 'arrivesAt') => (
    <Field id={`leg-${i}-${field}`} label={t(`travel.leg.${field}`)} error={err(field)}>
      {(a11y) => <input {...a11y} type="datetime-local" required value={leg[field]} onInput={set(field)} />}
    </Field>
  );
  const zone = (field: 'fromZone' | 'toZone') => (
    <Field id={`leg-${i}-${field}`} label={t(`travel.leg.${field}`)} error={err(field)}>
      {(a11y) => (
        <ZoneSelect a11y={a11y} value={leg[field]} onChange={(z) => onChange({ ...leg, [field]: z })} />
      )}
    </Field>
  );
  return (
    <fieldset class="field leg-fields" data-testid="leg-fields">
      <legend>{t('travel.legN', { n: i + 1 })}</legend>
      {text('carrier', MAX_CARRIER)}
      <div class="form-grid">
        {text('from', MAX_PLACE)}
        {zone('fromZone')}
      </div>
      {when('departsAt')}
      <div class="form-grid">
        {text('to', MAX_PLACE)}
        {zone('toZone')}
      </div>
      {when('arrivesAt')}
      {onRemove && (
        <button type="button" class="btn btn-quiet btn-small" onClick={onRemove}>
          {t('travel.removeLeg')}
        </button>
      )}
    </fieldset>
  );
}
