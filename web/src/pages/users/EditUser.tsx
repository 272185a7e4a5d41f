import { type Role, roles } from '@shared/roles';
import type { SmsLanguage } from '@shared/sms';
import { useState } from 'preact/hooks';
import { type ApiError, api, toApiError, type UpdateUserBody, type User } from '../../api';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n';
import { SmsLanguageSelect, UserError } from './UserBits';

interface Draft {
  role: Role;
  phone: string;
  smsLanguage: SmsLanguage;
  disabled: boolean;
  stockAlerts: boolean;
}

function draftOf(u: User): Draft {
  return {
    role: u.role,
    phone: u.phone ?? '',
    smsLanguage: u.smsLanguage,
    disabled: u.disabled,
    stockAlerts: u.alerts.includes('stock'),
  };
}

/** Only what changed is sent, so saving a phone never touches the role (and never signs anyone out). */
export function EditUser({ user, onDone }: { user: User; onDone: (saved: User | null) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(user));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const base = draftOf(user);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const idOf = (f: string) => `user-${user.id}-${f}`;

  const save = async (e: Event) => {
    e.preventDefault();
    const patch: UpdateUserBody = {};
    if (draft.role !== base.role) patch.role = draft.role;
    if (draft.phone.trim() !== base.phone) patch.phone = draft.phone.trim() || null;
    if (draft.smsLanguage !== base.smsLanguage) patch.smsLanguage = draft.smsLanguage;
    if (draft.disabled !== base.disabled) patch.disabled = draft.disabled;
    if (draft.stockAlerts !== base.stockAlerts)
      patch.alerts = draft.stockAlerts
        ? [...user.alerts.filter((a) => a !== 'stock'), 'stock']
        : user.alerts.filter((a) => a !== 'stock');
    if (Object.keys(patch).length === 0) {
      onDone(null);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await api.updateUser(user.id, patch));
    } catch (err) {
      setError(toApiError(err));
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
      <label class="check">
        <input
          type="checkbox"
          checked={draft.stockAlerts}
          aria-describedby={idOf('stock-alerts-hint')}
          onChange={(e) => set('stockAlerts', e.currentTarget.checked)}
        />
        <span>{t('users.stockAlerts')}</span>
      </label>
      <p class="hint" id={idOf('stock-alerts-hint')}>
        {t('users.stockAlertsHint')}
      </p>
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
