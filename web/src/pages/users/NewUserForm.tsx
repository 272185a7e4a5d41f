import { type Role, roles } from '@shared/roles';
import type { SmsLanguage } from '@shared/sms';
import { useState } from 'preact/hooks';
import { api, type User } from '../../api';
import { Disclosure } from '../../components/Disclosure';
import { Field } from '../../components/Field';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { SmsLanguageSelect, UserError } from './UserBits';

export function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('coordinator');
  const [phone, setPhone] = useState('');
  const [smsLanguage, setSmsLanguage] = useState<SmsLanguage>('en');
  const [saved, setSaved] = useState<string | null>(null);
  const submission = useSubmission<User>();
  const errors = submission.fieldErrors;

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const user = await submission.run((key) =>
      api.createUser(
        {
          email: email.trim(),
          name: name.trim(),
          password,
          role,
          phone: phone.trim() || undefined,
          smsLanguage,
        },
        key,
      ),
    );
    if (!user) return;
    setSaved(user.name);
    setEmail('');
    setName('');
    setPassword('');
    setPhone('');
    onCreated();
  };

  return (
    <Disclosure id="new-user-title" title={t('users.new')}>
      <form class="form" onSubmit={submit} aria-labelledby="new-user-title">
        <UserError error={submission.error} />
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
          <Field
            id="user-phone"
            label={`${t('users.phone')} ${t('field.optional')}`}
            hint={t('users.phoneHint')}
            error={submission.error?.code === 'duplicate_phone' ? '' : errors.phone}
          >
            {(a11y) => (
              <input
                {...a11y}
                type="tel"
                autoComplete="off"
                value={phone}
                onInput={(e) => setPhone(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="user-sms-language" label={t('users.smsLanguage')} error={errors.smsLanguage}>
            {(a11y) => <SmsLanguageSelect a11y={a11y} value={smsLanguage} onChange={setSmsLanguage} />}
          </Field>
        </div>
        <button type="submit" class="btn btn-primary" disabled={submission.busy}>
          {submission.busy ? t('form.saving') : t('users.submit')}
        </button>
      </form>
    </Disclosure>
  );
}
