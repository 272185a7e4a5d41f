import { MAX_PHONE_INPUT, type SmsLanguage, smsLanguages } from '@shared/sms';
import { MAX_NAME, type VolunteerSkill, volunteerSkills } from '@shared/volunteers';
import type { ApiError, VolunteerDetail } from '../api';
import { fieldErrors } from '../forms';
import { type Lang, type Translate, useI18n } from '../i18n';
import { Field } from './Field';
import { languageName } from './VolunteerBits';

export interface VolunteerDraft {
  name: string;
  phone: string;
  /** As typed: "es, en, K'iche'". */
  languages: string;
  skills: VolunteerSkill[];
  smsLanguage: SmsLanguage;
  highRisk: boolean;
}

export const emptyDraft: VolunteerDraft = {
  name: '',
  phone: '',
  languages: '',
  skills: [],
  smsLanguage: 'en',
  highRisk: false,
};

/** Languages are edited by name in the reader's language; the server stores them back as codes. */
export function draftOf(v: VolunteerDetail, lang: Lang): VolunteerDraft {
  return {
    name: v.name,
    phone: v.phone,
    languages: v.languages.map((l) => languageName(lang, l)).join(', '),
    skills: v.skills,
    smsLanguage: v.smsLanguage,
    highRisk: v.highRisk,
  };
}

/** The server's field errors, worded in the reader's language and keyed by field. */
export function volunteerErrors(t: Translate, error: ApiError | null): Record<string, string> {
  return fieldErrors(error, {
    words: {
      phone: error?.code === 'duplicate_phone' ? t('error.duplicate_phone') : t('volunteers.phoneInvalid'),
      name: t('volunteers.nameInvalid'),
      languages: t('volunteers.languagesInvalid'),
      skills: t('volunteers.skillsInvalid'),
    },
  });
}

interface Props {
  idPrefix: string;
  draft: VolunteerDraft;
  onChange: (draft: VolunteerDraft) => void;
  errors: Record<string, string>;
}

export function VolunteerFields({ idPrefix, draft, onChange, errors }: Props) {
  const { t } = useI18n();
  const set = <K extends keyof VolunteerDraft>(key: K, value: VolunteerDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const toggleSkill = (skill: VolunteerSkill, on: boolean) =>
    set(
      'skills',
      volunteerSkills.filter((s) => (s === skill ? on : draft.skills.includes(s))),
    );
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <>
      <div class="form-grid">
        <Field id={id('name')} label={t('field.name')} error={errors.name}>
          {(a11y) => (
            <input
              {...a11y}
              required
              maxLength={MAX_NAME}
              autoComplete="off"
              value={draft.name}
              onInput={(e) => set('name', e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id={id('phone')} label={t('field.phone')} hint={t('sms.toHint')} error={errors.phone}>
          {(a11y) => (
            <input
              {...a11y}
              type="tel"
              required
              maxLength={MAX_PHONE_INPUT}
              autoComplete="off"
              value={draft.phone}
              onInput={(e) => set('phone', e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          id={id('languages')}
          label={t('volunteers.languages')}
          hint={t('volunteers.languagesHint')}
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
        <Field
          id={id('sms-language')}
          label={t('volunteers.smsLanguage')}
          hint={t('volunteers.smsLanguageHint')}
          error={errors.smsLanguage}
        >
          {(a11y) => (
            <select
              {...a11y}
              value={draft.smsLanguage}
              onChange={(e) => set('smsLanguage', e.currentTarget.value as SmsLanguage)}
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
      <fieldset
        class={`field checks${errors.skills ? ' field-invalid' : ''}`}
        aria-describedby={errors.skills ? id('skills-error') : undefined}
      >
        <legend>{t('volunteers.skills')}</legend>
        <div class="check-grid">
          {volunteerSkills.map((skill) => (
            <label key={skill} class="check">
              <input
                type="checkbox"
                name={id('skills')}
                value={skill}
                checked={draft.skills.includes(skill)}
                onChange={(e) => toggleSkill(skill, e.currentTarget.checked)}
              />
              <span>{t(`skill.${skill}`)}</span>
            </label>
          ))}
        </div>
        {errors.skills && (
          <p class="field-error" id={id('skills-error')}>
            {errors.skills}
          </p>
        )}
      </fieldset>
      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            checked={draft.highRisk}
            onChange={(e) => set('highRisk', e.currentTarget.checked)}
            aria-describedby={id('high-risk-hint')}
          />
          <span>{t('volunteers.highRiskLabel')}</span>
        </label>
        <p class="hint" id={id('high-risk-hint')}>
          {t('volunteers.highRiskHint')}
        </p>
      </div>
    </>
  );
}
