import { useState } from 'preact/hooks';
import { api, type Role, roles, type User } from '../api';
import { Disclosure } from '../components/Disclosure';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { useLiveResource, useSubmission } from '../hooks';
import { useI18n } from '../i18n';

function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('coordinator');
  const [saved, setSaved] = useState<string | null>(null);
  const submission = useSubmission<User>();
  const errors = submission.fieldErrors;

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const user = await submission.run((key) =>
      api.createUser({ email: email.trim(), name: name.trim(), password, role }, key),
    );
    if (!user) return;
    setSaved(user.name);
    setEmail('');
    setName('');
    setPassword('');
    onCreated();
  };

  return (
    <Disclosure id="new-user-title" title={t('users.new')}>
      <form class="form" onSubmit={submit} aria-labelledby="new-user-title">
        <ErrorMessage error={submission.error} />
        {saved && (
          <p class="alert alert-ok" role="status">
            {t('users.saved', { name: saved })}
          </p>
        )}
        <div class="form-grid">
          <Field id="user-name" label={t('field.name')} error={errors.name}>
            {(a11y) => (
              <input {...a11y} required value={name} onInput={(e) => setName(e.currentTarget.value)} />
            )}
          </Field>
          <Field id="user-email" label={t('field.email')} error={errors.email}>
            {(a11y) => (
              <input
                {...a11y}
                type="email"
                autoComplete="off"
                required
                value={email}
                onInput={(e) => setEmail(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field
            id="user-password"
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
          <Field id="user-role" label={t('field.role')} error={errors.role}>
            {(a11y) => (
              <select {...a11y} value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <button type="submit" class="btn btn-primary" disabled={submission.busy}>
          {submission.busy ? t('form.saving') : t('users.submit')}
        </button>
      </form>
    </Disclosure>
  );
}

export function Users() {
  const { t, date } = useI18n();
  const users = useLiveResource('user.', api.users);
  const items = users.data?.items ?? [];

  return (
    <Page title={t('users.title')}>
      <NewUserForm onCreated={users.reload} />
      <ErrorMessage error={users.error} />
      {users.data && items.length === 0 && <p class="empty">{t('users.empty')}</p>}
      {items.length > 0 && (
        <table class="table">
          <caption class="visually-hidden">{t('users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('field.email')}</th>
              <th scope="col">{t('field.role')}</th>
              <th scope="col">{t('users.created')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((u) => (
              <tr key={u.id}>
                <th scope="row" data-label={t('field.name')}>
                  {u.name}
                </th>
                <td data-label={t('field.email')} class="break">
                  {u.email}
                </td>
                <td data-label={t('field.role')}>{t(`role.${u.role}`)}</td>
                <td data-label={t('users.created')}>{u.createdAt ? date(u.createdAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
