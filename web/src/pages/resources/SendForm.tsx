import { MAX_PHONE_INPUT } from '@shared/sms';
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { languageName } from '../../components/VolunteerBits';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';

/** Texts the sheet's link to a phone (someone just released, a volunteer) in the language they read. */
export function SendForm({ id, languages }: { id: number; languages: string[] }) {
  const { t, lang } = useI18n();
  const [to, setTo] = useState('');
  const [language, setLanguage] = useState(languages.includes('es') ? 'es' : (languages[0] ?? 'es'));
  const [sent, setSent] = useState<string | null>(null);
  const submission = useSubmission<{ language: string }>();
  const errors = submission.fieldErrors;
  const submit = async (e: Event) => {
    e.preventDefault();
    setSent(null);
    const done = await submission.run((key) => api.sendResource(id, { to: to.trim(), language }, key));
    if (!done) return;
    setTo('');
    setSent(languageName(lang, done.language));
  };
  return (
    <form class="form card" onSubmit={submit} aria-labelledby="send-title" data-testid="send-form">
      <h2 id="send-title">{t('resources.send')}</h2>
      <ErrorMessage error={submission.error} />
      {sent && (
        <p class="alert alert-ok" role="status">
          {t('resources.sent', { language: sent })}
        </p>
      )}
      <div class="form-grid">
        <Field id="send-to" label={t('resources.sendTo')} error={errors.to}>
          {(a11y) => (
            <input
              {...a11y}
              type="tel"
              required
              autoComplete="off"
              maxLength={MAX_PHONE_INPUT}
              value={to}
              onInput={(e) => setTo(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="send-language" label={t('resources.language')} error={errors.language}>
          {(a11y) => (
            <select {...a11y} value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
              {languages.map((l) => (
                <option key={l} value={l}>
                  {languageName(lang, l)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <button type="submit" class="btn btn-primary" disabled={submission.busy || languages.length === 0}>
        {t('resources.sendSubmit')}
      </button>
    </form>
  );
}
