import { useState } from 'preact/hooks';
import { type AuthUser, api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { useSubmission } from '../forms';
import { useI18n } from '../i18n';

export function Login({ onDone, expired }: { onDone: (user: AuthUser) => void; expired: boolean }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submission = useSubmission<{ user: AuthUser }>();

  const submit = async (e: Event) => {
    e.preventDefault();
    const result = await submission.run(() => api.login(email.trim(), password));
    if (result) onDone(result.user);
  };

  return (
    <Page title={t('login.title')}>
      <p class="lead">{t('app.tagline')}</p>
      <form class="card form narrow" onSubmit={submit}>
        {expired && !submission.error && <p class="alert">{t('login.expired')}</p>}
        <ErrorMessage error={submission.error} />
        <Field id="login-email" label={t('field.email')} error={submission.fieldErrors.email}>
          {(a11y) => (
            <input
              {...a11y}
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="login-password" label={t('field.password')} error={submission.fieldErrors.password}>
          {(a11y) => (
            <input
              {...a11y}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="btn btn-primary" disabled={submission.busy}>
          {submission.busy ? t('form.saving') : t('login.submit')}
        </button>
      </form>
    </Page>
  );
}
