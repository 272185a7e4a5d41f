import { useState } from 'preact/hooks';
import { type AuthUser, api } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { passwordProblemText, passwordRules } from '../../components/PasswordBits';
import { formError, useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { whileSessionChanges } from '../../live';

const empty = { current: '', next: '', repeat: '' };

/** Your own password: the current one first, so a session left open on a shared computer cannot change it. */
function ChangePasswordForm() {
  const { t } = useI18n();
  const [draft, setDraft] = useState(empty);
  const [mismatch, setMismatch] = useState(false);
  const [changed, setChanged] = useState(false);
  const submission = useSubmission<boolean>();
  const errors = submission.fieldErrors;
  const set = (k: keyof typeof empty, v: string) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setChanged(false);
    if (k !== 'current') setMismatch(false);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setChanged(false);
    if (draft.next !== draft.repeat) {
      submission.reset();
      setMismatch(true);
      return;
    }
    const done = await submission.run(async () => {
      await whileSessionChanges(() => api.changePassword({ current: draft.current, next: draft.next }));
      return true;
    });
    if (done) {
      setDraft(empty);
      setChanged(true);
    }
  };

  return (
    <form
      class="form account-form"
      onSubmit={save}
      aria-labelledby="password-title"
      data-testid="password-form"
    >
      <h2 class="subhead" id="password-title">
        {t('password.changeTitle')}
      </h2>
      <p class="hint" id="password-rules">
        {passwordRules(t)}
      </p>
      {changed && (
        <p class="alert alert-ok" role="status" data-testid="password-changed">
          {t('password.changed')}
        </p>
      )}
      <ErrorMessage error={formError(submission.error, errors)} />
      <Field
        id="password-current"
        label={t('password.current')}
        error={passwordProblemText(t, errors.current)}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="password"
            autoComplete="current-password"
            required
            value={draft.current}
            onInput={(e) => set('current', e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="password-next" label={t('password.new')} error={passwordProblemText(t, errors.next)}>
        {(a11y) => (
          <input
            {...a11y}
            aria-describedby={[a11y['aria-describedby'], 'password-rules'].filter(Boolean).join(' ')}
            type="password"
            autoComplete="new-password"
            required
            value={draft.next}
            onInput={(e) => set('next', e.currentTarget.value)}
          />
        )}
      </Field>
      <Field
        id="password-repeat"
        label={t('password.repeat')}
        error={mismatch ? t('password.mismatch') : undefined}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="password"
            autoComplete="new-password"
            required
            value={draft.repeat}
            onInput={(e) => set('repeat', e.currentTarget.value)}
          />
        )}
      </Field>
      <p class="hint">{t('password.signOutNote')}</p>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={submission.busy}>
          {submission.busy ? t('form.saving') : t('password.save')}
        </button>
      </div>
    </form>
  );
}

export function Account({ user }: { user: AuthUser }) {
  const { t } = useI18n();
  return (
    <Page title={t('account.title')}>
      <p class="muted">{t('user.signedInAs', { name: user.name, role: t(`role.${user.role}`) })}</p>
      <p class="muted break">{user.email}</p>
      <ChangePasswordForm />
    </Page>
  );
}
