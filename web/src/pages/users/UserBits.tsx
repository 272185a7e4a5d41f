import { type SmsLanguage, smsLanguages } from '@shared/sms';
import type { ApiError } from '../../api';
import { errorText } from '../../components/ErrorMessage';
import { type Translate, useI18n } from '../../i18n';

/** The shared catalog's duplicate_phone speaks of volunteers; here it is another user's number. */
function userErrorText(t: Translate, err: ApiError): string {
  return err.code === 'duplicate_phone' ? t('users.duplicatePhone') : errorText(t, err);
}

export function UserError({ error }: { error: ApiError | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p class="alert alert-error" role="alert">
      {userErrorText(t, error)}
    </p>
  );
}

export function SmsLanguageSelect({
  a11y,
  value,
  onChange,
}: {
  a11y: { id: string };
  value: SmsLanguage;
  onChange: (v: SmsLanguage) => void;
}) {
  const { t } = useI18n();
  return (
    <select {...a11y} value={value} onChange={(e) => onChange(e.currentTarget.value as SmsLanguage)}>
      {smsLanguages.map((l) => (
        <option key={l} value={l} lang={l}>
          {t(`lang.${l}`)}
        </option>
      ))}
    </select>
  );
}
