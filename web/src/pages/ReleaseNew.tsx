import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, type ReleaseInput, type ReleaseNeed, releaseNeeds, type User } from '../api';
import { ChipCheck } from '../components/ChipCheck';
import { ErrorMessage, errorText } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { releaseLanguageName } from '../components/ReleaseBits';
import { Stepper } from '../components/Stepper';
import { useLiveResource } from '../hooks';
import { type Translate, useI18n } from '../i18n';
import {
  discardQueued,
  flushQueue,
  type QueuedRelease,
  sendingStore,
  sentStore,
  submitRelease,
  useMyQueue,
} from '../offline/queue';
import {
  type CachedSite,
  cachedSites,
  lastSiteId,
  rememberLastSite,
  rememberSites,
} from '../offline/session';
import { linkClick } from '../router';
import { useStore } from '../store';

/** The server's limit for adults, and for children, in one release. */
const MAX_COUNT = 500;

/** Languages heard most at the border, codes where one exists and names as their speakers write them. */
const commonLanguages = ['es', 'en', 'pt', 'fr', 'ht', "K'iche'", 'Mam', "Q'anjob'al"];

/** As the server accepts them: letters, apostrophes, spaces and hyphens, with curly apostrophes made straight. */
function cleanLanguage(text: string): string | null {
  const value = text.trim().replace(/[’‘ʼ`]/g, "'");
  return value.length > 0 && value.length <= 40 && /^[\p{L}\p{M}' -]+$/u.test(value) ? value : null;
}

function sameLanguage(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
}

function localToIso(value: string): string | null {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The field a server message belongs to: `body.languages.2` is the languages field. */
function serverFieldErrors(t: Translate, error: ApiError | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of error?.details ?? []) {
    const field = d.path.split('.').filter((p) => p && p !== 'body')[0];
    if (!field || field in out) continue;
    if (field === 'siteId') out.siteId = t('intake.siteInvalid');
    else if (field === 'languages') out.languages = t('intake.languageInvalid');
    else if (field === 'expectedAt') out.expectedAt = t('intake.expectedInvalid');
    else out[field] = d.message;
  }
  return out;
}

interface Draft {
  adults: number;
  children: number;
  when: 'now' | 'expected';
  expectedAt: string;
  languages: string[];
  otherLanguage: string;
  needs: ReleaseNeed[];
  destination: string;
  travelDate: string;
  notes: string;
}

const emptyDraft: Draft = {
  adults: 1,
  children: 0,
  when: 'now',
  expectedAt: '',
  languages: [],
  otherLanguage: '',
  needs: [],
  destination: '',
  travelDate: '',
  notes: '',
};

type Outcome =
  | { kind: 'sent'; id: number; code: string }
  | { kind: 'queued'; localId: string; persisted: boolean };

function OutcomePanel({ outcome, onAnother }: { outcome: Outcome; onAnother: () => void }) {
  const { t } = useI18n();
  const sent = useStore(sentStore);
  const queue = useMyQueue();
  let code: string | null = null;
  let id: number | null = null;
  let failed: QueuedRelease | undefined;
  if (outcome.kind === 'sent') {
    ({ code, id } = outcome);
  } else {
    const done = sent.find((s) => s.localId === outcome.localId);
    if (done) ({ code, id } = done);
    failed = queue.find((q) => q.localId === outcome.localId && q.state === 'failed');
  }
  const state = code ? 'sent' : failed ? 'failed' : 'queued';
  return (
    <section
      class={`card intake-result intake-${state}`}
      data-testid="intake-result"
      data-state={state}
      aria-live="polite"
    >
      {code && id !== null ? (
        <>
          <p class="intake-result-title">{t('intake.sentTitle')}</p>
          <p class="big-code" data-testid="release-code">
            {code}
          </p>
          <p class="hint">{t('intake.sentHint')}</p>
          <div class="form-actions">
            <a class="btn" href={`/releases/${id}`} onClick={linkClick}>
              {t('intake.open')}
            </a>
          </div>
        </>
      ) : failed?.error ? (
        <>
          <p class="intake-result-title">{t('intake.failedTitle')}</p>
          <p class="alert alert-error" role="alert">
            {errorText(t, new ApiError(failed.error.status, failed.error.code, failed.error.message))}
          </p>
        </>
      ) : (
        <>
          <p class="intake-result-title" data-testid="queued-notice">
            {t('intake.queuedTitle')}
          </p>
          <p>{t('intake.queuedBody')}</p>
          {outcome.kind === 'queued' && !outcome.persisted && (
            <p class="alert alert-error">{t('intake.notPersisted')}</p>
          )}
        </>
      )}
      <button type="button" class="btn btn-primary btn-big" onClick={onAnother}>
        {t('intake.another')}
      </button>
    </section>
  );
}

function QueueList() {
  const { t, date } = useI18n();
  const items = useMyQueue();
  const sending = useStore(sendingStore);
  if (items.length === 0) return null;
  const waiting = items.filter((i) => i.state === 'waiting').length;
  const discard = (item: QueuedRelease) => {
    if (window.confirm(t('queue.confirmDiscard'))) discardQueued(item.localId);
  };
  return (
    <section class="card queue" aria-labelledby="queue-title" data-testid="queue-list">
      <h2 id="queue-title">{t('queue.title')}</h2>
      {waiting > 0 && <p class="hint">{t('queue.intro')}</p>}
      <ul class="plain-list">
        {items.map((item) => (
          <li key={item.localId} class="queue-item" data-state={item.state}>
            <span class="queue-what">
              <strong>{item.siteName}</strong> ·{' '}
              {t(item.body.adults + item.body.children === 1 ? 'count.people.one' : 'count.people.other', {
                n: item.body.adults + item.body.children,
              })}
            </span>
            <span class="sub">
              {t('queue.queuedAt', { time: date(item.queuedAt) })}
              {item.state === 'failed' && item.error && (
                <span class="field-error">
                  {errorText(t, new ApiError(item.error.status, item.error.code, item.error.message))}
                </span>
              )}
            </span>
            <button type="button" class="btn btn-small btn-quiet" onClick={() => discard(item)}>
              {t('queue.discard')}
            </button>
          </li>
        ))}
      </ul>
      {waiting > 0 && (
        <button type="button" class="btn" disabled={sending} onClick={() => void flushQueue()}>
          {sending ? t('queue.sending') : t('queue.sendNow')}
        </button>
      )}
    </section>
  );
}

function IntakeForm({ user, onDone }: { user: User; onDone: (outcome: Outcome) => void }) {
  const { t, lang } = useI18n();
  const live = useLiveResource('site.', api.sites);
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...serverFieldErrors(t, error), ...localErrors };

  const languageChoices = [
    ...commonLanguages,
    ...draft.languages.filter((l) => !commonLanguages.some((c) => sameLanguage(c, l))),
  ];
  const hasLanguage = (l: string) => draft.languages.some((x) => sameLanguage(x, l));
  const toggleLanguage = (l: string, on: boolean) =>
    set({ languages: on ? [...draft.languages, l] : draft.languages.filter((x) => !sameLanguage(x, l)) });

  /** Adds the typed language; false when it is not one the server would take. */
  const addOther = (): string[] | null => {
    if (!draft.otherLanguage.trim()) return draft.languages;
    const value = cleanLanguage(draft.otherLanguage);
    if (!value) {
      setLocalErrors((e) => ({ ...e, languages: t('intake.languageInvalid') }));
      return null;
    }
    const languages = hasLanguage(value) ? draft.languages : [...draft.languages, value];
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
    setLocalErrors(problems);
    if (!site || Object.keys(problems).length > 0) return;

    const body: ReleaseInput = {
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
      setDraft(emptyDraft);
      onDone(
        outcome.kind === 'sent'
          ? { kind: 'sent', id: outcome.release.id, code: outcome.release.code }
          : { kind: 'queued', localId: outcome.item.localId, persisted: outcome.persisted },
      );
    } finally {
      setBusy(false);
    }
  };

  const people = draft.adults + draft.children;
  return (
    <form class="form intake" onSubmit={submit} noValidate data-testid="intake-form">
      <ErrorMessage error={error && Object.keys(errors).length === 0 ? error : null} />
      {error && Object.keys(errors).length > 0 && (
        <p class="alert alert-error" role="alert">
          {t('error.validation')}
        </p>
      )}
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

      <fieldset class={`field people${errors.people ? ' field-invalid' : ''}`}>
        <legend>
          {t('intake.people')}{' '}
          <span class="people-total" aria-live="polite">
            {t(people === 1 ? 'count.people.one' : 'count.people.other', { n: people })}
          </span>
        </legend>
        <div class="steppers">
          <Stepper
            id="intake-adults"
            label={t('intake.adults')}
            value={draft.adults}
            max={MAX_COUNT}
            decreaseLabel={t('intake.fewerAdults')}
            increaseLabel={t('intake.moreAdults')}
            onChange={(adults) => set({ adults })}
          />
          <Stepper
            id="intake-children"
            label={t('intake.children')}
            value={draft.children}
            max={MAX_COUNT}
            decreaseLabel={t('intake.fewerChildren')}
            increaseLabel={t('intake.moreChildren')}
            onChange={(children) => set({ children })}
          />
        </div>
        {errors.people && (
          <p class="field-error" role="alert">
            {errors.people}
          </p>
        )}
      </fieldset>

      <fieldset class="field">
        <legend>{t('intake.when')}</legend>
        <div class="segmented">
          {(['now', 'expected'] as const).map((when) => (
            <label key={when} class="segment">
              <input
                type="radio"
                name="intake-when"
                value={when}
                checked={draft.when === when}
                onChange={() => set({ when })}
              />
              <span class="segment-label">
                {t(when === 'now' ? 'intake.releasedNow' : 'intake.expected')}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {draft.when === 'expected' && (
        <Field
          id="intake-expected"
          label={t('intake.expectedAt')}
          hint={t('intake.expectedHint')}
          error={errors.expectedAt}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="datetime-local"
              required
              value={draft.expectedAt}
              onInput={(e) => set({ expectedAt: e.currentTarget.value })}
            />
          )}
        </Field>
      )}

      <fieldset class={`field${errors.languages ? ' field-invalid' : ''}`}>
        <legend>{t('intake.languages')}</legend>
        <div class="chip-checks" data-testid="language-chips">
          {languageChoices.map((l) => (
            <ChipCheck
              key={l}
              label={releaseLanguageName(lang, l)}
              checked={hasLanguage(l)}
              onChange={(on) => toggleLanguage(l, on)}
            />
          ))}
        </div>
        <div class="other-language">
          <label for="intake-other-language">{t('intake.otherLanguage')}</label>
          <div class="picker-row">
            <input
              id="intake-other-language"
              value={draft.otherLanguage}
              maxLength={40}
              autoComplete="off"
              aria-describedby={errors.languages ? 'intake-languages-error' : undefined}
              onInput={(e) => set({ otherLanguage: e.currentTarget.value })}
              onKeyDown={(e) => {
                // Enter here adds the language; it must not send a half-filled release.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addOther();
                }
              }}
            />
            <button type="button" class="btn" onClick={() => addOther()}>
              {t('intake.addLanguage')}
            </button>
          </div>
          {errors.languages && (
            <p class="field-error" id="intake-languages-error">
              {errors.languages}
            </p>
          )}
        </div>
      </fieldset>

      <fieldset class="field">
        <legend>{t('intake.needs')}</legend>
        <div class="chip-checks" data-testid="need-chips">
          {releaseNeeds.map((n) => (
            <ChipCheck
              key={n}
              label={t(`need.${n}`)}
              checked={draft.needs.includes(n)}
              onChange={(on) => set({ needs: on ? [...draft.needs, n] : draft.needs.filter((x) => x !== n) })}
            />
          ))}
        </div>
      </fieldset>

      <div class="form-pair form-pair-wide">
        <Field
          id="intake-destination"
          label={`${t('intake.destination')} ${t('field.optional')}`}
          hint={t('intake.destinationHint')}
          error={errors.destination}
        >
          {(a11y) => (
            <input
              {...a11y}
              maxLength={120}
              value={draft.destination}
              onInput={(e) => set({ destination: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field
          id="intake-travel-date"
          label={`${t('intake.travelDate')} ${t('field.optional')}`}
          error={errors.travelDate}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="date"
              value={draft.travelDate}
              onInput={(e) => set({ travelDate: e.currentTarget.value })}
            />
          )}
        </Field>
      </div>

      <div class={`field${errors.notes ? ' field-invalid' : ''}`}>
        <label for="intake-notes">
          {t('intake.notes')} {t('field.optional')}
        </label>
        <p class="privacy-warning" id="intake-notes-warning" data-testid="notes-warning">
          {t('intake.notesWarning')}
        </p>
        <textarea
          id="intake-notes"
          maxLength={1000}
          rows={3}
          aria-describedby="intake-notes-warning"
          value={draft.notes}
          onInput={(e) => set({ notes: e.currentTarget.value })}
        />
        {errors.notes && <p class="field-error">{errors.notes}</p>}
      </div>

      <div class="intake-submit">
        <button type="submit" class="btn btn-primary btn-big" disabled={busy}>
          {busy ? t('form.saving') : t('intake.submit')}
        </button>
      </div>
    </form>
  );
}

export function ReleaseNew({ user }: { user: User }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A fresh form scrolled to the top: the code is what the volunteer reads out or writes down.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [outcome]);
  return (
    <Page title={t('intake.title')}>
      {outcome ? (
        <OutcomePanel outcome={outcome} onAnother={() => setOutcome(null)} />
      ) : (
        <IntakeForm user={user} onDone={setOutcome} />
      )}
      <QueueList />
    </Page>
  );
}
