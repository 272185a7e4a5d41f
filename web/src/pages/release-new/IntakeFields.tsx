import { MAX_DISPATCH_NEEDED } from '@shared/dispatch';
import { MAX_LANGUAGE_NAME } from '@shared/languages';
import type { NoteRisk } from '@shared/notes';
import { MAX_COUNT, MAX_DESTINATION, MAX_NOTES, releaseNeeds } from '@shared/releases';
import { ChipCheck } from '../../components/ChipCheck';
import { Field } from '../../components/Field';
import { NoteRisks } from '../../components/NoteRisks';
import { releaseLanguageName } from '../../components/ReleaseBits';
import { Stepper } from '../../components/Stepper';
import { useI18n } from '../../i18n';
import { commonLanguages, type Draft, sameLanguage } from './intake';

/** What each part of the intake form is given: the draft, a way to change it, and the field errors. */
export interface PartProps {
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  errors: Record<string, string>;
}

export function PeopleCount({ draft, set, errors }: PartProps) {
  const { t } = useI18n();
  const people = draft.adults + draft.children;
  return (
    <fieldset class={`field people${errors.people ? ' field-invalid' : ''}`}>
      <legend>
        {t('intake.people')}{' '}
        <span class="people-total" aria-live="polite">
          {t(people === 1 ? 'count.people.one' : 'count.people.other', { n: people })}
        </span>
      </legend>
      <div class="steppers">
        <Stepper
          id="intake-adults"
          label={t('intake.adults')}
          value={draft.adults}
          max={MAX_COUNT}
          decreaseLabel={t('intake.fewerAdults')}
          increaseLabel={t('intake.moreAdults')}
          onChange={(adults) => set({ adults })}
        />
        <Stepper
          id="intake-children"
          label={t('intake.children')}
          value={draft.children}
          max={MAX_COUNT}
          decreaseLabel={t('intake.fewerChildren')}
          increaseLabel={t('intake.moreChildren')}
          onChange={(children) => set({ children })}
        />
      </div>
      {errors.people && (
        <p class="field-error" role="alert">
          {errors.people}
        </p>
      )}
    </fieldset>
  );
}

export function WhenReleased({ draft, set, errors }: PartProps) {
  const { t } = useI18n();
  return (
    <>
      <fieldset class="field">
        <legend>{t('intake.when')}</legend>
        <div class="segmented">
          {(['now', 'expected'] as const).map((when) => (
            <label key={when} class="segment">
              <input
                type="radio"
                name="intake-when"
                value={when}
                checked={draft.when === when}
                onChange={() => set({ when })}
              />
              <span class="segment-label">
                {t(when === 'now' ? 'intake.releasedNow' : 'intake.expected')}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {draft.when === 'expected' && (
        <Field
          id="intake-expected"
          label={t('intake.expectedAt')}
          hint={t('intake.expectedHint')}
          error={errors.expectedAt}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="datetime-local"
              required
              value={draft.expectedAt}
              onInput={(e) => set({ expectedAt: e.currentTarget.value })}
            />
          )}
        </Field>
      )}
    </>
  );
}

export function LanguagePicker({ draft, set, errors, onAddOther }: PartProps & { onAddOther: () => void }) {
  const { t, lang } = useI18n();
  const languageChoices = [
    ...commonLanguages,
    ...draft.languages.filter((l) => !commonLanguages.some((c) => sameLanguage(c, l))),
  ];
  const hasLanguage = (l: string) => draft.languages.some((x) => sameLanguage(x, l));
  const toggleLanguage = (l: string, on: boolean) =>
    set({ languages: on ? [...draft.languages, l] : draft.languages.filter((x) => !sameLanguage(x, l)) });
  return (
    <fieldset class={`field${errors.languages ? ' field-invalid' : ''}`}>
      <legend>{t('intake.languages')}</legend>
      <div class="chip-checks" data-testid="language-chips">
        {languageChoices.map((l) => (
          <ChipCheck
            key={l}
            label={releaseLanguageName(lang, l)}
            checked={hasLanguage(l)}
            onChange={(on) => toggleLanguage(l, on)}
          />
        ))}
      </div>
      <div class="other-language">
        <label for="intake-other-language">{t('intake.otherLanguage')}</label>
        <div class="picker-row">
          <input
            id="intake-other-language"
            value={draft.otherLanguage}
            maxLength={MAX_LANGUAGE_NAME}
            autoComplete="off"
            aria-describedby={errors.languages ? 'intake-languages-error' : undefined}
            onInput={(e) => set({ otherLanguage: e.currentTarget.value })}
            onKeyDown={(e) => {
              // Enter here adds the language; it must not send a half-filled release.
              if (e.key === 'Enter') {
                e.preventDefault();
                onAddOther();
              }
            }}
          />
          <button type="button" class="btn" onClick={onAddOther}>
            {t('intake.addLanguage')}
          </button>
        </div>
        {errors.languages && (
          <p class="field-error" id="intake-languages-error">
            {errors.languages}
          </p>
        )}
      </div>
    </fieldset>
  );
}

export function NeedPicker({ draft, set }: Omit<PartProps, 'errors'>) {
  const { t } = useI18n();
  return (
    <fieldset class="field">
      <legend>{t('intake.needs')}</legend>
      <div class="chip-checks" data-testid="need-chips">
        {releaseNeeds.map((n) => (
          <ChipCheck
            key={n}
            label={t(`need.${n}`)}
            checked={draft.needs.includes(n)}
            onChange={(on) => set({ needs: on ? [...draft.needs, n] : draft.needs.filter((x) => x !== n) })}
          />
        ))}
      </div>
    </fieldset>
  );
}

export function TravelAndNotes({ draft, set, errors, risks }: PartProps & { risks: readonly NoteRisk[] }) {
  const { t } = useI18n();
  return (
    <>
      <div class="form-pair form-pair-wide">
        <Field
          id="intake-destination"
          label={`${t('intake.destination')} ${t('field.optional')}`}
          hint={t('intake.destinationHint')}
          error={errors.destination}
        >
          {(a11y) => (
            <input
              {...a11y}
              maxLength={MAX_DESTINATION}
              value={draft.destination}
              onInput={(e) => set({ destination: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field
          id="intake-travel-date"
          label={`${t('intake.travelDate')} ${t('field.optional')}`}
          error={errors.travelDate}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="date"
              value={draft.travelDate}
              onInput={(e) => set({ travelDate: e.currentTarget.value })}
            />
          )}
        </Field>
      </div>

      <div class={`field${errors.notes ? ' field-invalid' : ''}`}>
        <label for="intake-notes">
          {t('intake.notes')} {t('field.optional')}
        </label>
        <p class="privacy-warning" id="intake-notes-warning" data-testid="notes-warning">
          {t('intake.notesWarning')}
        </p>
        <textarea
          id="intake-notes"
          maxLength={MAX_NOTES}
          rows={3}
          aria-describedby={risks.length ? 'intake-notes-warning intake-note-risks' : 'intake-notes-warning'}
          value={draft.notes}
          onInput={(e) => set({ notes: e.currentTarget.value })}
        />
        {errors.notes && <p class="field-error">{errors.notes}</p>}
        <NoteRisks risks={risks} id="intake-note-risks" />
      </div>
    </>
  );
}

/** Texting volunteers as the release is logged: one step fewer at 2 a.m. */
export function DispatchNow({ draft, set }: PartProps) {
  const { t } = useI18n();
  return (
    <fieldset class="field dispatch-now">
      <legend>{t('intake.dispatchTitle')}</legend>
      <label class="check">
        <input
          type="checkbox"
          checked={draft.dispatch}
          onChange={(e) => set({ dispatch: e.currentTarget.checked })}
          data-testid="intake-dispatch"
        />
        <span>{t('intake.dispatchNow')}</span>
      </label>
      {draft.dispatch && (
        <>
          <Stepper
            id="intake-dispatch-needed"
            label={t('dispatch.needed')}
            value={draft.dispatchNeeded}
            min={1}
            max={MAX_DISPATCH_NEEDED}
            decreaseLabel={t('dispatch.fewer')}
            increaseLabel={t('dispatch.more')}
            onChange={(dispatchNeeded) => set({ dispatchNeeded })}
          />
          <p class="hint">{t('dispatch.whyMore')}</p>
        </>
      )}
    </fieldset>
  );
}
