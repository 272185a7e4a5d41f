import { cleanLanguages } from '@shared/languages';
import { useEffect, useState } from 'preact/hooks';
import { api, type VolunteerDetail, type VolunteerPatchBody } from '../../api';
import { Disclosure } from '../../components/Disclosure';
import { ErrorMessage, errorText } from '../../components/ErrorMessage';
import { parseLanguages } from '../../components/VolunteerBits';
import {
  draftOf,
  type VolunteerDraft,
  VolunteerFields,
  volunteerErrors,
} from '../../components/VolunteerFields';
import { formError, useSubmission } from '../../forms';
import { useI18n } from '../../i18n';

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Only what changed, so a save never overwrites a field someone else changed meanwhile. */
function patchFrom(v: VolunteerDetail, d: VolunteerDraft): VolunteerPatchBody {
  const patch: VolunteerPatchBody = {};
  if (d.name.trim() !== v.name) patch.name = d.name.trim();
  if (d.phone.trim() !== v.phone) patch.phone = d.phone.trim();
  const languages = cleanLanguages(parseLanguages(d.languages));
  if (!sameList(languages, v.languages)) patch.languages = languages;
  if (!sameList(d.skills, v.skills)) patch.skills = d.skills;
  if (d.smsLanguage !== v.smsLanguage) patch.smsLanguage = d.smsLanguage;
  if (d.highRisk !== v.highRisk) patch.highRisk = d.highRisk;
  return patch;
}

export function EditForm({
  volunteer,
  onSaved,
}: {
  volunteer: VolunteerDetail;
  onSaved: (v: VolunteerDetail) => void;
}) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState(() => draftOf(volunteer, lang));
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const submission = useSubmission<VolunteerDetail>();
  const errors = volunteerErrors(t, submission.error);

  // Follow changes made elsewhere until the reader starts editing.
  useEffect(() => {
    if (!dirty) setDraft(draftOf(volunteer, lang));
  }, [volunteer.updatedAt]);

  const change = (next: VolunteerDraft) => {
    setDraft(next);
    setDirty(true);
    setSaved(false);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const patch = patchFrom(volunteer, draft);
    if (Object.keys(patch).length === 0) {
      setDirty(false);
      setSaved(true);
      return;
    }
    const updated = await submission.run(() => api.updateVolunteer(volunteer.id, patch));
    if (!updated) return;
    setDraft(draftOf(updated, lang));
    setDirty(false);
    setSaved(true);
    onSaved(updated);
  };

  return (
    <Disclosure id="edit-volunteer-title" title={t('volunteer.edit')}>
      <form
        class="form"
        onSubmit={submit}
        aria-labelledby="edit-volunteer-title"
        data-testid="edit-volunteer"
      >
        <ErrorMessage error={formError(submission.error, errors)} />
        {saved && (
          <p class="alert alert-ok" role="status">
            {t('volunteer.saved')}
          </p>
        )}
        <VolunteerFields idPrefix="edit-volunteer" draft={draft} onChange={change} errors={errors} />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={submission.busy}>
            {submission.busy ? t('form.saving') : t('volunteer.save')}
          </button>
          {dirty && (
            <button
              type="button"
              class="btn btn-quiet"
              onClick={() => {
                setDraft(draftOf(volunteer, lang));
                setDirty(false);
                submission.reset();
              }}
            >
              {t('volunteer.discard')}
            </button>
          )}
        </div>
      </form>
    </Disclosure>
  );
}

export function PauseButton({
  volunteer,
  onSaved,
}: {
  volunteer: VolunteerDetail;
  onSaved: (v: VolunteerDetail) => void;
}) {
  const { t } = useI18n();
  const submission = useSubmission<VolunteerDetail>();
  const toggle = async () => {
    const updated = await submission.run(() =>
      api.updateVolunteer(volunteer.id, { active: !volunteer.active }),
    );
    if (updated) onSaved(updated);
  };
  return (
    <div class="page-action">
      <button
        type="button"
        class="btn"
        onClick={() => void toggle()}
        disabled={submission.busy}
        aria-describedby="pause-hint"
        data-testid="toggle-active"
      >
        {volunteer.active ? t('volunteer.pause') : t('volunteer.resume')}
      </button>
      <p class="hint" id="pause-hint">
        {volunteer.active ? t('volunteer.pauseHint') : t('volunteer.resumeHint')}
      </p>
      {submission.error && (
        <p class="field-error" role="alert">
          {errorText(t, submission.error)}
        </p>
      )}
    </div>
  );
}

/** Erasing is for someone who asked to leave: it cannot be undone, so it asks first and says what goes. */
export function EraseButton({ volunteer, onErased }: { volunteer: VolunteerDetail; onErased: () => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const submission = useSubmission<{ erased: true }>();
  const erase = async () => {
    const done = await submission.run(() => api.eraseVolunteer(volunteer.id));
    if (done) onErased();
  };
  return (
    <div class="page-action">
      {asking ? (
        <div>
          <p id="erase-question" class="alert alert-error">
            {t('volunteer.eraseQuestion', { name: volunteer.name })}
          </p>
          <button
            type="button"
            class="btn btn-danger"
            onClick={() => void erase()}
            disabled={submission.busy}
            data-testid="erase-confirm"
          >
            {t('volunteer.eraseConfirm')}
          </button>{' '}
          <button type="button" class="btn btn-quiet" onClick={() => setAsking(false)}>
            {t('volunteer.eraseKeep')}
          </button>
        </div>
      ) : (
        <button type="button" class="btn btn-quiet" onClick={() => setAsking(true)} data-testid="erase">
          {t('volunteer.erase')}
        </button>
      )}
      {submission.error && (
        <p class="field-error" role="alert">
          {errorText(t, submission.error)}
        </p>
      )}
    </div>
  );
}
