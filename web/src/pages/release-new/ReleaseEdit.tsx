import { noteRisks } from '@shared/notes';
import { releaseNeeds } from '@shared/releases';
import { useState } from 'preact/hooks';
import { api, type ReleaseDetail, type ReleasePatchBody } from '../../api';
import { Disclosure } from '../../components/Disclosure';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formError, useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { LanguagePicker, NeedPicker, PeopleCount, TravelAndNotes } from './IntakeFields';
import { cleanLanguage, type Draft, emptyDraft, intakeFieldErrors, sameLanguage } from './intake';

function draftOf(r: ReleaseDetail): Draft {
  return {
    ...emptyDraft,
    adults: r.adults,
    children: r.children,
    languages: r.languages,
    needs: r.needs,
    destination: r.destination ?? '',
    travelDate: r.travelDate ?? '',
    notes: r.notes ?? '',
  };
}

/** Only what changed, so a correction never overwrites what someone else corrected meanwhile. */
function patchOf(r: ReleaseDetail, d: Draft, languages: string[]): ReleasePatchBody {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  const needs = releaseNeeds.filter((n) => d.needs.includes(n));
  return {
    ...(d.adults !== r.adults ? { adults: d.adults } : {}),
    ...(d.children !== r.children ? { children: d.children } : {}),
    ...(!same(languages, r.languages) ? { languages } : {}),
    ...(!same(needs, r.needs) ? { needs } : {}),
    ...(d.destination.trim() !== (r.destination ?? '') ? { destination: d.destination.trim() } : {}),
    ...(d.travelDate !== (r.travelDate ?? '') ? { travelDate: d.travelDate || null } : {}),
    ...(d.notes.trim() !== (r.notes ?? '') ? { notes: d.notes.trim() } : {}),
  };
}

/** Corrects a release logged in a hurry: a text from the station arrives with its languages unknown. */
export function ReleaseEdit({ release, onSaved }: { release: ReleaseDetail; onSaved: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => draftOf(release));
  const [warnedNotes, setWarnedNotes] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const submission = useSubmission<ReleaseDetail>();
  const errors = intakeFieldErrors(t, submission.error);
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };

  const addOther = (): string[] => {
    const value = draft.otherLanguage.trim() ? cleanLanguage(draft.otherLanguage) : null;
    if (!value || draft.languages.some((x) => sameLanguage(x, value))) return draft.languages;
    const languages = [...draft.languages, value];
    set({ languages, otherLanguage: '' });
    return languages;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const languages = addOther();
    if (
      noteRisks(draft.notes).length > 0 &&
      warnedNotes !== draft.notes &&
      draft.notes !== (release.notes ?? '')
    ) {
      setWarnedNotes(draft.notes);
      return;
    }
    const patch = patchOf(release, draft, languages);
    if (Object.keys(patch).length === 0) {
      setSaved(true);
      return;
    }
    const updated = await submission.run(() => api.updateRelease(release.id, patch));
    if (!updated) return;
    setDraft(draftOf(updated));
    setWarnedNotes(null);
    setSaved(true);
    onSaved();
  };

  return (
    <Disclosure id="edit-release-title" title={t('release.edit')}>
      <form class="form intake" onSubmit={submit} noValidate data-testid="edit-release">
        <ErrorMessage error={formError(submission.error, errors)} />
        {saved && (
          <p class="alert alert-ok" role="status">
            {t('release.saved')}
          </p>
        )}
        <PeopleCount draft={draft} set={set} errors={errors} />
        <LanguagePicker draft={draft} set={set} errors={errors} onAddOther={() => void addOther()} />
        <NeedPicker draft={draft} set={set} />
        <TravelAndNotes
          draft={draft}
          set={set}
          errors={errors}
          risks={warnedNotes === draft.notes ? noteRisks(draft.notes) : []}
        />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={submission.busy}>
            {submission.busy
              ? t('form.saving')
              : warnedNotes === draft.notes
                ? t('notes.saveAnyway')
                : t('release.save')}
          </button>
        </div>
      </form>
    </Disclosure>
  );
}
