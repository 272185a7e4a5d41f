import { useState } from 'preact/hooks';
import { api, type User } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { passwordProblemText, passwordRules } from '../../components/PasswordBits';
import { formError, useSubmission } from '../../forms';
import { useI18n } from '../../i18n';

/**
 * An admin sets a new password for someone who lost theirs. Shown as typed, since the admin has to
 * read it out to the person; every session of theirs ends, so a stolen device is shut out too.
 */
export function ResetPassword({ user, onDone }: { user: User; onDone: (reset: boolean) => void }) {
  const { t } = useI18n();
  const [next, setNext] = useState('');
  const submission = useSubmission<boolean>();
  const errors = submission.fieldErrors;
  const idOf = (f: string) => `user-${user.id}-${f}`;

  const save = async (e: Event) => {
    e.preventDefault();
    const done = await submission.run(async () => {
      await api.resetPassword(user.id, { next });
      return true;
    });
    if (done) onDone(true);
  };

  return (
    <form
      class="form user-edit account-form"
      onSubmit={save}
      data-testid="user-reset-password"
      aria-label={t('users.resetTitle', { name: user.name })}
    >
      <h3 class="subhead">{t('users.resetTitle', { name: user.name })}</h3>
      <p class="alert alert-warn" id={idOf('reset-warning')}>
        {t('users.resetWarning', { name: user.name })}
      </p>
      <ErrorMessage error={formError(submission.error, errors)} />
      <Field
        id={idOf('new-password')}
        label={t('password.new')}
        hint={passwordRules(t, 'theirs')}
        error={passwordProblemText(t, errors.next, 'theirs')}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="text"
            autoComplete="off"
            autoCapitalize="off"
            spellcheck={false}
            required
            value={next}
            onInput={(e) => setNext(e.currentTarget.value)}
          />
        )}
      </Field>
      <div class="form-actions">
        <button type="submit" class="btn btn-danger" disabled={submission.busy}>
          {submission.busy ? t('form.saving') : t('users.resetSubmit')}
        </button>
        <button type="button" class="btn" disabled={submission.busy} onClick={() => onDone(false)}>
          {t('users.discard')}
        </button>
      </div>
    </form>
  );
}
