import { useState } from 'preact/hooks';
import { ApiError, api, type Role, roles, type SmsLanguage, smsLanguages, type User } from '../api';
import { Disclosure } from '../components/Disclosure';
import { errorText } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { useLiveResource, useSubmission } from '../hooks';
import { type Translate, useI18n } from '../i18n';

/** The shared catalog's duplicate_phone speaks of volunteers; here it is another user's number. */
function userErrorText(t: Translate, err: ApiError): string {
  return err.code === 'duplicate_phone' ? t('users.duplicatePhone') : errorText(t, err);
}

function UserError({ error }: { error: ApiError | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p class="alert alert-error" role="alert">
      {userErrorText(t, error)}
    </p>
  );
}

function SmsLanguageSelect({
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

function NewUserForm({ onCreated }: { onCreated: () => void }) {
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

interface Draft {
  role: Role;
  phone: string;
  smsLanguage: SmsLanguage;
  disabled: boolean;
}

function draftOf(u: User): Draft {
  return {
    role: u.role,
    phone: u.phone ?? '',
    smsLanguage: u.smsLanguage ?? 'en',
    disabled: u.disabled ?? false,
  };
}

/** Only what changed is sent, so saving a phone never touches the role (and never signs anyone out). */
function EditUser({ user, onDone }: { user: User; onDone: (saved: User | null) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(user));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const base = draftOf(user);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const idOf = (f: string) => `user-${user.id}-${f}`;

  const save = async (e: Event) => {
    e.preventDefault();
    const patch: Parameters<typeof api.updateUser>[1] = {};
    if (draft.role !== base.role) patch.role = draft.role;
    if (draft.phone.trim() !== base.phone) patch.phone = draft.phone.trim() || null;
    if (draft.smsLanguage !== base.smsLanguage) patch.smsLanguage = draft.smsLanguage;
    if (draft.disabled !== base.disabled) patch.disabled = draft.disabled;
    if (Object.keys(patch).length === 0) {
      onDone(null);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await api.updateUser(user.id, patch));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'generic', String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="form user-edit"
      onSubmit={save}
      data-testid="user-edit"
      aria-label={t('users.editTitle', { name: user.name })}
    >
      <h3 class="subhead">{t('users.editTitle', { name: user.name })}</h3>
      <UserError error={error} />
      <div class="form-grid">
        <Field id={idOf('role')} label={t('field.role')}>
          {(a11y) => (
            <select {...a11y} value={draft.role} onChange={(e) => set('role', e.currentTarget.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={idOf('phone')}
          label={t('users.phone')}
          hint={t('users.phoneClearHint')}
          error={error?.code === 'duplicate_phone' ? '' : undefined}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="tel"
              autoComplete="off"
              value={draft.phone}
              onInput={(e) => set('phone', e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id={idOf('sms-language')} label={t('users.smsLanguage')}>
          {(a11y) => (
            <SmsLanguageSelect
              a11y={a11y}
              value={draft.smsLanguage}
              onChange={(v) => set('smsLanguage', v)}
            />
          )}
        </Field>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={draft.disabled}
          onChange={(e) => set('disabled', e.currentTarget.checked)}
        />
        <span>{t('users.disabledLabel')}</span>
      </label>
      <p class="hint">{t('users.signOutNote')}</p>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('form.saving') : t('users.save')}
        </button>
        <button type="button" class="btn" disabled={busy} onClick={() => onDone(null)}>
          {t('users.discard')}
        </button>
      </div>
    </form>
  );
}

export function Users() {
  const { t, date } = useI18n();
  const users = useLiveResource('user.', api.users);
  const items = users.data?.items ?? [];
  const [editing, setEditing] = useState<number | null>(null);
  const [updated, setUpdated] = useState<string | null>(null);

  return (
    <Page title={t('users.title')}>
      <NewUserForm onCreated={users.reload} />
      <UserError error={users.error} />
      {updated && (
        <p class="alert alert-ok" role="status" data-testid="user-updated">
          {t('users.updated', { name: updated })}
        </p>
      )}
      {users.data && items.length === 0 && <p class="empty">{t('users.empty')}</p>}
      {items.length > 0 && (
        <table class="table users-table">
          <caption class="visually-hidden">{t('users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('field.email')}</th>
              <th scope="col">{t('field.role')}</th>
              <th scope="col">{t('users.phone')}</th>
              <th scope="col">{t('users.smsLanguage')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.created')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('users.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.flatMap((u) => {
              const row = (
                <tr
                  key={u.id}
                  data-testid="user-row"
                  data-email={u.email}
                  class={u.disabled ? 'user-disabled' : undefined}
                >
                  <th scope="row" data-label={t('field.name')}>
                    {u.name}
                  </th>
                  <td data-label={t('field.email')} class="break">
                    {u.email}
                  </td>
                  <td data-label={t('field.role')}>{t(`role.${u.role}`)}</td>
                  <td data-label={t('users.phone')} data-testid="user-phone" class="nowrap">
                    {u.phone ?? <span class="muted">{t('users.noPhone')}</span>}
                  </td>
                  <td data-label={t('users.smsLanguage')}>{t(`lang.${u.smsLanguage ?? 'en'}`)}</td>
                  <td data-label={t('users.status')}>
                    <span class={`chip ${u.disabled ? 'chip-wait' : 'chip-ok'}`}>
                      {t(u.disabled ? 'users.disabledState' : 'users.active')}
                    </span>
                  </td>
                  <td data-label={t('users.created')}>{u.createdAt ? date(u.createdAt) : '—'}</td>
                  <td data-label={t('users.actions')}>
                    <button
                      type="button"
                      class="btn btn-small"
                      aria-expanded={editing === u.id}
                      aria-label={t('users.editLabel', { name: u.name })}
                      onClick={() => {
                        setUpdated(null);
                        setEditing(editing === u.id ? null : u.id);
                      }}
                    >
                      {t('users.edit')}
                    </button>
                  </td>
                </tr>
              );
              if (editing !== u.id) return [row];
              return [
                row,
                <tr key={`${u.id}-edit`} class="user-edit-row">
                  <td colSpan={8} class="user-edit-cell">
                    <EditUser
                      user={u}
                      onDone={(saved) => {
                        setEditing(null);
                        if (saved) {
                          setUpdated(saved.name);
                          users.reload();
                        }
                      }}
                    />
                  </td>
                </tr>,
              ];
            })}
          </tbody>
        </table>
      )}
    </Page>
  );
}
