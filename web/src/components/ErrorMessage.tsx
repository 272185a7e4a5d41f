import type { ApiError } from '../api';
import { hasKey, type Translate, useI18n } from '../i18n';

export function errorText(t: Translate, err: ApiError): string {
  const key = `error.${err.code}`;
  if (hasKey(key)) return t(key);
  if (err.status >= 500 || !err.message) return t('error.generic');
  return err.message;
}

export function ErrorMessage({ error }: { error: ApiError | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p class="alert alert-error" role="alert">
      {errorText(t, error)}
    </p>
  );
}
