import { noteRisks } from '@shared/notes';
import { releaseNeeds } from '@shared/releases';
import { useEffect, useState } from 'preact/hooks';
import {
  type ApiError,
  type AuthUser,
  api,
  type CreateReleaseBody,
  newIdempotencyKey,
  toApiError,
} from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { formError } from '../../forms';
import { useI18n } from '../../i18n';
import { submitRelease } from '../../offline/queue';
import {
  type CachedSite,
  cachedSites,
  lastSiteId,
  rememberLastSite,
  rememberSites,
} from '../../offline/session';
import { useLiveResource } from '../../resource';
import { linkClick } from '../../router';
import {
  DispatchNow,
  LanguagePicker,
  NeedPicker,
  PeopleCount,
  TravelAndNotes,
  WhenReleased,
} from './IntakeFields';
import {
  cleanLanguage,
  type Draft,
  emptyDraft,
  intakeFieldErrors,
  isPast,
  localToIso,
  sameLanguage,
} from './intake';
import type { Outcome } from './OutcomePanel';

export function IntakeForm({ user, onDone }: { user: AuthUser; onDone: (outcome: Outcome) => void }) {
  const { t } = useI18n();
  const live = useLiveResource(api.sites, ['site.']);
  const [offlineSites] = useState(cachedSites);
  const sites: CachedSite[] = live.data?.items ?? offlineSites;
  useEffect(() => {
    if (live.data) rememberSites(live.data.items);
  }, [live.data]);

  const [siteId, setSiteId] = useState('');
  // The last site used, or the only one: a volunteer at one station should never have to pick it again.
  useEffect(() => {
    if (siteId || sites.length === 0) return;
    const last = lastSiteId();
    const pick = sites.find((s) => s.id === last) ?? (sites.length === 1 ? sites[0] : undefined);
    if (pick) setSiteId(String(pick.id));
  }, [sites]);

  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  // A network may choose to text volunteers as soon as a release is logged; offline, the box starts
  // clear as it always has.
  useEffect(() => {
    api
      .settings()
      .then((s) => s.dispatchOnLog && set({ dispatch: true }))
      .catch(() => undefined);
  }, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [warnedNotes, setWarnedNotes] = useState<string | null>(null);
  const errors = { ...intakeFieldErrors(t, error), ...localErrors };

  /** Adds the typed language; false when it is not one the server would take. */
  const addOther = (): string[] | null => {
    if (!draft.otherLanguage.trim()) return draft.languages;
    const value = cleanLanguage(draft.otherLanguage);
    if (!value) {
      setLocalErrors((e) => ({ ...e, languages: t('intake.languageInvalid') }));
      return null;
    }
    const known = draft.languages.some((x) => sameLanguage(x, value));
    const languages = known ? draft.languages : [...draft.languages, value];
    setLocalErrors((e) => {
      const { languages: _dropped, ...rest } = e;
      return rest;
    });
    set({ languages, otherLanguage: '' });
    return languages;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const problems: Record<string, string> = {};
    const languages = addOther();
    if (!languages) return;
    const site = sites.find((s) => String(s.id) === siteId);
    if (!site) problems.siteId = t('intake.siteInvalid');
    if (draft.adults + draft.children < 1) problems.people = t('intake.peopleInvalid');
    const expectedAt = draft.when === 'expected' ? localToIso(draft.expectedAt) : null;
    if (draft.when === 'expected' && !expectedAt) problems.expectedAt = t('intake.expectedInvalid');
    else if (expectedAt && isPast(expectedAt)) problems.expectedAt = t('intake.expectedPast');
    setLocalErrors(problems);
    if (!site || Object.keys(problems).length > 0) return;
    // A note that looks like it names someone is shown back once with the reasons; saving again keeps it.
    const risks = noteRisks(draft.notes);
    if (risks.length > 0 && warnedNotes !== draft.notes) {
      setWarnedNotes(draft.notes);
      return;
    }

    const body: CreateReleaseBody = {
      siteId: site.id,
      // Stamped now, so a release that waits in the queue still says when it happened.
      ...(expectedAt ? { expectedAt } : { releasedAt: new Date().toISOString() }),
      adults: draft.adults,
      children: draft.children,
      languages,
      needs: releaseNeeds.filter((n) => draft.needs.includes(n)),
      ...(draft.destination.trim() ? { destination: draft.destination.trim() } : {}),
      ...(draft.travelDate ? { travelDate: draft.travelDate } : {}),
      ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
    };
    setBusy(true);
    try {
      const outcome = await submitRelease(user.id, body, site.name);
      if (outcome.kind === 'error') {
        setError(outcome.error);
        return;
      }
      rememberLastSite(site.id);
      const dispatchError =
        outcome.kind === 'sent' && draft.dispatch
          ? await api
              .createDispatch(outcome.release.id, { needed: draft.dispatchNeeded }, newIdempotencyKey())
              .then(
                () => null,
                (err: unknown) => toApiError(err),
              )
          : null;
      setDraft({ ...emptyDraft, dispatch: draft.dispatch, dispatchNeeded: draft.dispatchNeeded });
      setWarnedNotes(null);
      onDone(
        outcome.kind === 'sent'
          ? {
              kind: 'sent',
              id: outcome.release.id,
              code: outcome.release.code,
              dispatched: draft.dispatch && !dispatchError,
              dispatchError,
            }
          : { kind: 'queued', localId: outcome.item.localId, persisted: outcome.persisted },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form intake" onSubmit={submit} noValidate data-testid="intake-form">
      <ErrorMessage error={formError(error, errors)} />
      {sites.length === 0 && !live.data && live.error && <ErrorMessage error={live.error} />}
      {sites.length === 0 && live.data && (
        <p class="alert">
          {t('intake.noSites')}{' '}
          <a href="/sites" onClick={linkClick}>
            {t('shifts.toSites')}
          </a>
        </p>
      )}
      <Field id="intake-site" label={t('intake.site')} error={errors.siteId}>
        {(a11y) => (
          <select {...a11y} required value={siteId} onChange={(e) => setSiteId(e.currentTarget.value)}>
            <option value="">{t('shifts.chooseSite')}</option>
            {sites.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>

      <PeopleCount draft={draft} set={set} errors={errors} />
      <WhenReleased draft={draft} set={set} errors={errors} />
      <LanguagePicker draft={draft} set={set} errors={errors} onAddOther={() => void addOther()} />
      <NeedPicker draft={draft} set={set} />
      <TravelAndNotes
        draft={draft}
        set={set}
        errors={errors}
        risks={warnedNotes === draft.notes ? noteRisks(draft.notes) : []}
      />
      <DispatchNow draft={draft} set={set} errors={errors} />

      <div class="intake-submit">
        <button type="submit" class="btn btn-primary btn-big" disabled={busy}>
          {busy ? t('form.saving') : warnedNotes === draft.notes ? t('notes.saveAnyway') : t('intake.submit')}
        </button>
      </div>
    </form>
  );
}
