import { useState } from 'preact/hooks';
import { type AuthUser, api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { useSubmission } from '../forms';
import { useI18n } from '../i18n';

/** Reads the one-time token from the fragment, which browsers never send to a server or in a Referer. */
function takeTokenFromHash(): string {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = params.get('token') ?? '';
  if (token) history.replaceState(history.state, '', location.pathname + location.search);
  return token;
}

// Taken at startup, before anything else renders, so the token leaves the address bar and history at once.
const linkToken = takeTokenFromHash();

interface SetupProps {
  onDone: (user: AuthUser) => void;
  onAlreadySetUp: () => void;
}

export function Setup({ onDone, onAlreadySetUp }: SetupProps) {
  const { t } = useI18n();
  const fromLink = linkToken;
  const [token, setToken] = useState(linkToken);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [phone, setPhone] = useState('');
  const [confirm, setConfirm] = useState('');
  const submission = useSubmission<{ user: AuthUser }>();
  const mismatch = confirm !== '' && confirm !== password;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (mismatch) return;
    const result = await submission.run(() =>
      api.setup({
        token: token.trim(),
        email: email.trim(),
        name: name.trim(),
        password,
        ...(phone.trim() ? { phone: phone.trim() } : {}),
      }),
    );
    if (result) onDone(result.user);
  };

  if (submission.error?.code === 'already_set_up') {
    return (
      <Page title={t('setup.title')}>
        <ErrorMessage error={submission.error} />
        <button type="button" class="btn btn-primary" onClick={onAlreadySetUp}>
          {t('login.title')}
        </button>
      </Page>
    );
  }

  const errors = submission.fieldErrors;
  return (
    <Page title={t('setup.title')}>
      <form class="card form narrow" onSubmit={submit}>
        <p>{t('setup.intro')}</p>
        <ErrorMessage error={submission.error} />
        {(!fromLink || errors.token !== undefined) && (
          <Field id="setup-token" label={t('setup.token')} hint={t('setup.tokenHint')} error={errors.token}>
            {(a11y) => (
              <input
                {...a11y}
                type="password"
                autoComplete="off"
                required
                value={token}
                onInput={(e) => setToken(e.currentTarget.value)}
              />
            )}
          </Field>
        )}
        <Field id="setup-name" label={t('field.name')} error={errors.name}>
          {(a11y) => (
            <input
              {...a11y}
              autoComplete="name"
              required
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="setup-email" label={t('field.email')} error={errors.email}>
          {(a11y) => (
            <input
              {...a11y}
              type="email"
              autoComplete="username"
              required
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          id="setup-phone"
          label={`${t('field.phone')} ${t('field.optional')}`}
          hint={t('setup.phoneHint')}
          error={errors.phone}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="tel"
              autoComplete="tel"
              maxLength={40}
              value={phone}
              onInput={(e) => setPhone(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          id="setup-password"
          label={t('field.password')}
          hint={t('field.passwordHint')}
          error={errors.password}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="password"
              autoComplete="new-password"
              minLength={10}
              required
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          id="setup-confirm"
          label={t('setup.confirm')}
          error={mismatch ? t('setup.mismatch') : undefined}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="password"
              autoComplete="new-password"
              required
              value={confirm}
              onInput={(e) => setConfirm(e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="btn btn-primary" disabled={submission.busy || mismatch}>
          {submission.busy ? t('form.saving') : t('setup.submit')}
        </button>
      </form>
    </Page>
  );
}
