import { useState } from 'preact/hooks';
import { api, type VolunteerDetail } from '../../api';
import { Disclosure } from '../../components/Disclosure';
import { ErrorMessage } from '../../components/ErrorMessage';
import { parseLanguages } from '../../components/VolunteerBits';
import { emptyDraft, VolunteerFields, volunteerErrors } from '../../components/VolunteerFields';
import { formError, useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { linkClick } from '../../router';

export function NewVolunteerForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(emptyDraft);
  const [saved, setSaved] = useState<VolunteerDetail | null>(null);
  const submission = useSubmission<VolunteerDetail>();
  const errors = volunteerErrors(t, submission.error);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const created = await submission.run((key) =>
      api.createVolunteer(
        {
          name: draft.name.trim(),
          phone: draft.phone.trim(),
          languages: parseLanguages(draft.languages),
          skills: draft.skills,
          smsLanguage: draft.smsLanguage,
          highRisk: draft.highRisk,
        },
        key,
      ),
    );
    if (!created) return;
    setSaved(created);
    setDraft(emptyDraft);
    onCreated();
  };

  return (
    <Disclosure id="new-volunteer-title" title={t('volunteers.new')}>
      <form
        class="form"
        onSubmit={submit}
        aria-labelledby="new-volunteer-title"
        data-testid="new-volunteer-form"
      >
        <ErrorMessage error={formError(submission.error, errors)} />
        {saved && (
          <p class="alert alert-ok" role="status">
            {t('volunteers.saved', { name: saved.name })}{' '}
            <a href={`/volunteers/${saved.id}`} onClick={linkClick}>
              {t('volunteers.open')}
            </a>
          </p>
        )}
        <VolunteerFields idPrefix="new-volunteer" draft={draft} onChange={setDraft} errors={errors} />
        <button type="submit" class="btn btn-primary" disabled={submission.busy}>
          {submission.busy ? t('form.saving') : t('volunteers.submit')}
        </button>
      </form>
    </Disclosure>
  );
}
