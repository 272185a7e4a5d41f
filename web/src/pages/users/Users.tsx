import { useState } from 'preact/hooks';
import { api } from '../../api';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';
import { EditUser } from './EditUser';
import { NewUserForm } from './NewUserForm';
import { ResetPassword } from './ResetPassword';
import { UserError } from './UserBits';

export function Users() {
  const { t, date } = useI18n();
  const users = useLiveResource(api.users, ['user.']);
  const items = users.data?.items ?? [];
  const [editing, setEditing] = useState<number | null>(null);
  const [updated, setUpdated] = useState<string | null>(null);
  const [resetting, setResetting] = useState<number | null>(null);
  const [reset, setReset] = useState<string | null>(null);
  const open = (id: number, form: 'edit' | 'reset') => {
    setUpdated(null);
    setReset(null);
    setEditing(form === 'edit' && editing !== id ? id : null);
    setResetting(form === 'reset' && resetting !== id ? id : null);
  };

  return (
    <Page title={t('users.title')}>
      <NewUserForm onCreated={users.reload} />
      <UserError error={users.error} />
      {updated && (
        <p class="alert alert-ok" role="status" data-testid="user-updated">
          {t('users.updated', { name: updated })}
        </p>
      )}
      {reset && (
        <p class="alert alert-ok" role="status" data-testid="user-password-reset">
          {t('users.resetDone', { name: reset })}
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
                  <td data-label={t('users.smsLanguage')}>{t(`lang.${u.smsLanguage}`)}</td>
                  <td data-label={t('users.status')}>
                    <span class={`chip ${u.disabled ? 'chip-wait' : 'chip-ok'}`}>
                      {t(u.disabled ? 'users.disabledState' : 'users.active')}
                    </span>
                  </td>
                  <td data-label={t('users.created')}>{date(u.createdAt)}</td>
                  <td data-label={t('users.actions')}>
                    <div class="row-actions">
                      <button
                        type="button"
                        class="btn btn-small"
                        aria-expanded={editing === u.id}
                        aria-label={t('users.editLabel', { name: u.name })}
                        onClick={() => open(u.id, 'edit')}
                      >
                        {t('users.edit')}
                      </button>
                      <button
                        type="button"
                        class="btn btn-small"
                        aria-expanded={resetting === u.id}
                        aria-label={t('users.resetLabel', { name: u.name })}
                        onClick={() => open(u.id, 'reset')}
                      >
                        {t('users.resetOpen')}
                      </button>
                    </div>
                  </td>
                </tr>
              );
              if (resetting === u.id)
                return [
                  row,
                  <tr key={`${u.id}-reset`} class="user-edit-row">
                    <td colSpan={8} class="user-edit-cell">
                      <ResetPassword
                        user={u}
                        onDone={(done) => {
                          setResetting(null);
                          if (done) setReset(u.name);
                        }}
                      />
                    </td>
                  </tr>,
                ];
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
