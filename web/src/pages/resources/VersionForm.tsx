import { LANGUAGES } from '@shared/language-codes';
import { MAX_RESOURCE_BODY } from '@shared/resources';
import { useState } from 'preact/hooks';
import { api, type Resource } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { languageName } from '../../components/VolunteerBits';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { SheetText } from './SheetText';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Adds or replaces one language of a sheet: text written here (with a preview) or a PDF or image. */
export function VersionForm({ resource, onSaved }: { resource: Resource; onSaved: (r: Resource) => void }) {
  const { t, lang } = useI18n();
  const [language, setLanguage] = useState('es');
  const [mode, setMode] = useState<'text' | 'file'>('text');
  const [body, setBody] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const submission = useSubmission<Resource>();
  const errors = submission.fieldErrors;
  const submit = async (e: Event) => {
    e.preventDefault();
    const saved = await submission.run(async (key) => {
      const content =
        mode === 'text' ? { body } : { file: file ? await readBase64(file) : '', fileName: file?.name };
      return api.addVersion(resource.id, { language, ...content }, key);
    });
    if (!saved) return;
    setBody('');
    setFile(null);
    onSaved(saved);
  };
  return (
    <form class="form card" onSubmit={submit} aria-labelledby="version-form-title" data-testid="version-form">
      <h2 id="version-form-title">{t('resources.addVersion')}</h2>
      <ErrorMessage error={submission.error} />
      <div class="form-grid">
        <Field id="version-language" label={t('resources.language')} error={errors.language}>
          {(a11y) => (
            <select {...a11y} value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code}>
                  {languageName(lang, l.code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset class="chip-group">
          <legend>{t('resources.versionKind')}</legend>
          <label class="chip-check">
            <input
              type="radio"
              name="version-kind"
              checked={mode === 'text'}
              onChange={() => setMode('text')}
            />
            <span class="chip-check-label">{t('resources.kindText')}</span>
          </label>
          <label class="chip-check">
            <input
              type="radio"
              name="version-kind"
              checked={mode === 'file'}
              onChange={() => setMode('file')}
            />
            <span class="chip-check-label">{t('resources.kindFile')}</span>
          </label>
        </fieldset>
      </div>
      {mode === 'text' ? (
        <>
          <Field
            id="version-body"
            label={t('resources.text')}
            hint={t('resources.textHint')}
            error={errors.body}
          >
            {(a11y) => (
              <textarea
                {...a11y}
                rows={8}
                maxLength={MAX_RESOURCE_BODY}
                value={body}
                onInput={(e) => setBody(e.currentTarget.value)}
              />
            )}
          </Field>
          {body.trim() && (
            <section class="sheet-preview" aria-label={t('resources.preview')}>
              <SheetText text={body} />
            </section>
          )}
        </>
      ) : (
        <Field
          id="version-file"
          label={t('resources.file')}
          hint={t('resources.fileHint')}
          error={errors.file}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="file"
              accept="application/pdf,image/png,image/jpeg,image/webp"
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          )}
        </Field>
      )}
      <button type="submit" class="btn btn-primary" disabled={submission.busy}>
        {submission.busy ? t('form.saving') : t('resources.saveVersion')}
      </button>
    </form>
  );
}
