import { type HousingKind, housingKinds, MAX_BEDS } from '@shared/housing';
import { MAX_PHONE_INPUT, type SmsLanguage, smsLanguages } from '@shared/sms';
import { useState } from 'preact/hooks';
import { api, type HousingSite } from '../../api';
import { ChipCheck } from '../../components/ChipCheck';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { weekdayNames } from '../../components/networkTime';
import { formError, useSubmission } from '../../forms';
import { useI18n } from '../../i18n';

interface Draft {
  name: string;
  kind: HousingKind;
  beds: string;
  address: string;
  contactName: string;
  contactPhone: string;
  contactLanguage: SmsLanguage;
  languages: string;
  familyFriendly: boolean;
  accessible: boolean;
  weekdays: number[];
  blackoutDates: string[];
  active: boolean;
}

function draftOf(site: HousingSite | null): Draft {
  return {
    name: site?.name ?? '',
    kind: site?.kind ?? 'place_of_worship',
    beds: site ? String(site.beds) : '',
    address: site?.address ?? '',
    contactName: site?.contactName ?? '',
    contactPhone: site?.contactPhone ?? '',
    contactLanguage: site?.contactLanguage ?? 'en',
    languages: site?.languages.join(', ') ?? '',
    familyFriendly: site?.familyFriendly ?? false,
    accessible: site?.accessible ?? false,
    weekdays: site?.weekdays ?? [],
    blackoutDates: site?.blackoutDates ?? [],
    active: site?.active ?? true,
  };
}

function bodyOf(d: Draft) {
  return {
    name: d.name.trim(),
    kind: d.kind,
    beds: Number(d.beds),
    familyFriendly: d.familyFriendly,
    accessible: d.accessible,
    languages: d.languages
      .split(/[,;]/)
      .map((l) => l.trim())
      .filter(Boolean),
    contactLanguage: d.contactLanguage,
    weekdays: d.weekdays,
    blackoutDates: d.blackoutDates,
    active: d.active,
  };
}

/** Add a housing site, or (given `site`) change one; emptied optional fields are cleared on the server. */
export function HousingSiteForm({
  site,
  onSaved,
  onCancel,
}: {
  site: HousingSite | null;
  onSaved: (site: HousingSite) => void;
  onCancel?: () => void;
}) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState(() => draftOf(site));
  const [blackout, setBlackout] = useState('');
  const submission = useSubmission<HousingSite>();
  const errors = submission.fieldErrors;
  const id = (name: string) => `hs-${site?.id ?? 'new'}-${name}`;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (e: Event) => {
    e.preventDefault();
    const body = bodyOf(draft);
    const saved = await submission.run((key) =>
      site
        ? api.updateHousingSite(site.id, {
            ...body,
            address: draft.address.trim() || null,
            contactName: draft.contactName.trim() || null,
            contactPhone: draft.contactPhone.trim() || null,
          })
        : api.createHousingSite(
            {
              ...body,
              address: draft.address.trim() || undefined,
              contactName: draft.contactName.trim() || undefined,
              contactPhone: draft.contactPhone.trim() || undefined,
            },
            key,
          ),
    );
    if (!saved) return;
    if (!site) setDraft(draftOf(null));
    onSaved(saved);
  };

  const addBlackout = () => {
    if (!blackout || draft.blackoutDates.includes(blackout)) return;
    set('blackoutDates', [...draft.blackoutDates, blackout].sort());
    setBlackout('');
  };

  const text = (name: 'name' | 'address' | 'contactName', label: string, extra = {}) => (
    <Field id={id(name)} label={label} error={errors[name]}>
      {(a11y) => (
        <input {...a11y} {...extra} value={draft[name]} onInput={(e) => set(name, e.currentTarget.value)} />
      )}
    </Field>
  );

  return (
    <form class="form housing-site-form" onSubmit={submit} data-testid="housing-site-form">
      <ErrorMessage error={formError(submission.error, errors)} />
      <div class="form-grid">
        {text('name', t('field.name'), { required: true, maxLength: 120 })}
        <Field id={id('kind')} label={t('sites.kind')} error={errors.kind}>
          {(a11y) => (
            <select
              {...a11y}
              value={draft.kind}
              onChange={(e) => set('kind', e.currentTarget.value as HousingKind)}
            >
              {housingKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`housingKind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('beds')} label={t('housing.beds')} error={errors.beds}>
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              inputMode="numeric"
              required
              min={1}
              max={MAX_BEDS}
              value={draft.beds}
              onInput={(e) => set('beds', e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          id={id('languages')}
          label={t('housing.languages')}
          hint={t('housing.languagesHint')}
          error={errors.languages}
        >
          {(a11y) => (
            <input
              {...a11y}
              autoComplete="off"
              spellcheck={false}
              value={draft.languages}
              onInput={(e) => set('languages', e.currentTarget.value)}
            />
          )}
        </Field>
        {text('address', `${t('sites.address')} ${t('field.optional')}`, {
          autoComplete: 'off',
          maxLength: 300,
        })}
        {text('contactName', `${t('housing.contactName')} ${t('field.optional')}`, { maxLength: 120 })}
        <Field
          id={id('contactPhone')}
          label={`${t('housing.contactPhone')} ${t('field.optional')}`}
          error={errors.contactPhone}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="tel"
              autoComplete="off"
              maxLength={MAX_PHONE_INPUT}
              value={draft.contactPhone}
              onInput={(e) => set('contactPhone', e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id={id('contactLanguage')} label={t('housing.contactLanguage')} error={errors.contactLanguage}>
          {(a11y) => (
            <select
              {...a11y}
              value={draft.contactLanguage}
              onChange={(e) => set('contactLanguage', e.currentTarget.value as SmsLanguage)}
            >
              {smsLanguages.map((l) => (
                <option key={l} value={l} lang={l}>
                  {t(`lang.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div class="chip-checks">
        <ChipCheck
          label={t('housing.familyFriendly')}
          checked={draft.familyFriendly}
          onChange={(v) => set('familyFriendly', v)}
        />
        <ChipCheck
          label={t('housing.accessible')}
          checked={draft.accessible}
          onChange={(v) => set('accessible', v)}
        />
        <ChipCheck label={t('housing.active')} checked={draft.active} onChange={(v) => set('active', v)} />
      </div>
      <fieldset class={`field${errors.weekdays !== undefined ? ' field-invalid' : ''}`}>
        <legend>{t('housing.weekdays')}</legend>
        <p class="hint">{t('housing.weekdaysHint')}</p>
        <div class="chip-checks">
          {weekdayNames(lang).map((name, i) => (
            <ChipCheck
              key={name}
              label={name}
              checked={draft.weekdays.includes(i + 1)}
              onChange={(on) =>
                set(
                  'weekdays',
                  on ? [...draft.weekdays, i + 1].sort() : draft.weekdays.filter((d) => d !== i + 1),
                )
              }
            />
          ))}
        </div>
        {errors.weekdays && <p class="field-error">{errors.weekdays}</p>}
      </fieldset>
      <fieldset class={`field${errors.blackoutDates !== undefined ? ' field-invalid' : ''}`}>
        <legend>{t('housing.blackouts')}</legend>
        <div class="inline-add">
          <input
            type="date"
            aria-label={t('housing.blackoutDate')}
            value={blackout}
            onInput={(e) => setBlackout(e.currentTarget.value)}
          />
          <button type="button" class="btn btn-small" onClick={addBlackout} disabled={!blackout}>
            {t('housing.addBlackout')}
          </button>
        </div>
        {draft.blackoutDates.length > 0 && (
          <ul class="chip-group" data-testid="blackouts">
            {draft.blackoutDates.map((d) => (
              <li key={d} class="chip chip-wait">
                {d}{' '}
                <button
                  type="button"
                  class="chip-remove"
                  aria-label={t('housing.removeBlackout', { date: d })}
                  onClick={() =>
                    set(
                      'blackoutDates',
                      draft.blackoutDates.filter((x) => x !== d),
                    )
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {errors.blackoutDates && <p class="field-error">{errors.blackoutDates}</p>}
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={submission.busy}>
          {submission.busy ? t('form.saving') : t(site ? 'housing.save' : 'housing.add')}
        </button>
        {onCancel && (
          <button type="button" class="btn" onClick={onCancel}>
            {t('users.discard')}
          </button>
        )}
      </div>
    </form>
  );
}
