import { MAX_SHIFT_NEEDED, MAX_SHIFT_ROLE } from '@shared/shifts';
import type { ApiError, Site } from '../../api';
import { Field } from '../../components/Field';
import { fieldErrors } from '../../forms';
import { type Translate, useI18n } from '../../i18n';
import { linkClick } from '../../router';

/** The server's field errors, worded in the reader's language, at the form field each belongs to. */
export function shiftFieldErrors(t: Translate, error: ApiError | null): Record<string, string> {
  return fieldErrors(error, {
    fields: { startsAt: 'start', startTime: 'start', endsAt: 'end', endTime: 'end' },
    words: {
      siteId: t('shifts.siteInvalid'),
      start: t('shifts.startInvalid'),
      end: t('shifts.endInvalid'),
      needed: t('shifts.neededInvalid'),
      role: t('shifts.roleInvalid'),
    },
  });
}

export function NoSites() {
  const { t } = useI18n();
  return (
    <p class="alert">
      {t('shifts.noSites')}{' '}
      <a href="/sites" onClick={linkClick}>
        {t('shifts.toSites')}
      </a>
    </p>
  );
}

interface TimesProps {
  idPrefix: string;
  start: string;
  end: string;
  onStart: (v: string) => void;
  onEnd: (v: string) => void;
  errors: Record<string, string>;
}

export function TimeFields({ idPrefix, start, end, onStart, onEnd, errors }: TimesProps) {
  const { t } = useI18n();
  return (
    <div class="form-pair">
      <Field id={`${idPrefix}-start`} label={t('shifts.start')} error={errors.start}>
        {(a11y) => (
          <input
            {...a11y}
            type="time"
            required
            value={start}
            onInput={(e) => onStart(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field
        id={`${idPrefix}-end`}
        label={t('shifts.end')}
        hint={end && start && end <= start ? t('shifts.endsNextDay') : undefined}
        error={errors.end}
      >
        {(a11y) => (
          <input {...a11y} type="time" required value={end} onInput={(e) => onEnd(e.currentTarget.value)} />
        )}
      </Field>
    </div>
  );
}

export function SiteRoleNeeded({
  idPrefix,
  sites,
  siteId,
  role,
  needed,
  onSite,
  onRole,
  onNeeded,
  errors,
}: {
  idPrefix: string;
  sites: Site[];
  siteId: string;
  role: string;
  needed: string;
  onSite: (v: string) => void;
  onRole: (v: string) => void;
  onNeeded: (v: string) => void;
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field id={`${idPrefix}-site`} label={t('shifts.site')} error={errors.siteId}>
        {(a11y) => (
          <select {...a11y} required value={siteId} onChange={(e) => onSite(e.currentTarget.value)}>
            <option value="">{t('shifts.chooseSite')}</option>
            {sites.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div class="form-pair">
        <Field
          id={`${idPrefix}-role`}
          label={`${t('shifts.role')} ${t('field.optional')}`}
          hint={t('shifts.roleHint')}
          error={errors.role}
        >
          {(a11y) => (
            <input
              {...a11y}
              maxLength={MAX_SHIFT_ROLE}
              value={role}
              onInput={(e) => onRole(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id={`${idPrefix}-needed`} label={t('shifts.needed')} error={errors.needed}>
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_SHIFT_NEEDED}
              required
              value={needed}
              onInput={(e) => onNeeded(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
    </>
  );
}
