import { MAX_NIGHTS } from '@shared/housing';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type HostRequest, type ReleaseDetail, type Stay, type Suggestion } from '../api';
import { useSubmission } from '../forms';
import { useI18n } from '../i18n';
import { useLiveResource } from '../resource';
import { ErrorMessage, errorText } from './ErrorMessage';
import { Field } from './Field';
import { HostRequests, useHostRequests } from './HostRequests';
import {
  HOUSING_EVENTS,
  housingKindName,
  housingReasonText,
  misfitName,
  stayFieldErrors,
  useHousingSites,
} from './HousingBits';
import { HousingStays } from './HousingStays';

function SuggestionItem({
  s,
  asks,
  busy,
  onPlace,
}: {
  s: Suggestion;
  /** A volunteer home with a host phone: the host is texted and the stay placed on their YES. */
  asks: boolean;
  busy: boolean;
  onPlace: () => void;
}) {
  const { t, lang } = useI18n();
  return (
    <li
      class={`suggestion${s.fits ? '' : ' suggestion-misfit'}`}
      data-testid="suggestion"
      data-site={s.housingSiteId}
      data-fits={s.fits ? 'true' : 'false'}
    >
      <div class="suggestion-head">
        {s.rank !== null && <span class="suggestion-rank">{s.rank}</span>}
        <strong>{s.name}</strong>
        <span class="hint">{housingKindName(t, s.kind)}</span>
      </div>
      <p class="suggestion-why" data-testid="suggestion-why">
        {housingReasonText(t, lang, s.why)}
      </p>
      {s.misfits.length > 0 && (
        <ul class="chip-group housing-chips" aria-label={t('housing.misfits')}>
          {s.misfits.map((m) => (
            <li key={m} class="chip chip-warn">
              {misfitName(t, m)}
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        class="btn btn-small btn-primary"
        disabled={busy || !s.fits}
        onClick={onPlace}
        aria-label={t(asks ? 'housing.askHostAt' : 'housing.placeAt', { name: s.name })}
      >
        {t(asks ? 'housing.askHost' : 'housing.place')}
      </button>
    </li>
  );
}

function PlaceForm({
  release,
  askable,
  onPlaced,
}: {
  release: ReleaseDetail;
  askable: ReadonlySet<number>;
  onPlaced: () => void;
}) {
  const { t, lang } = useI18n();
  const group = release.adults + release.children;
  const [people, setPeople] = useState(String(group));
  const [checkIn, setCheckIn] = useState('');
  const [nights, setNights] = useState('1');
  const [accessible, setAccessible] = useState(false);
  const submission = useSubmission<Stay | HostRequest>();
  const params = {
    checkIn: checkIn || undefined,
    nights: Number(nights) || 1,
    people: Number(people) || group,
    accessible,
  };
  const suggestions = useLiveResource(() => api.housingSuggestions(release.id, params), HOUSING_EVENTS);
  const key = JSON.stringify(params);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else suggestions.reload();
  }, [key]);
  // Tonight is the network's date, which only the server knows for sure.
  useEffect(() => {
    if (!checkIn && suggestions.data) setCheckIn(suggestions.data.checkIn);
  }, [suggestions.data, checkIn]);

  const errors = stayFieldErrors(t, lang, submission.error);
  const place = async (s: Suggestion) => {
    const body = {
      housingSiteId: s.housingSiteId,
      releaseId: release.id,
      people: Number(people),
      checkIn: checkIn || suggestions.data?.checkIn || '',
      nights: Number(nights),
    };
    const done = await submission.run((k) =>
      askable.has(s.housingSiteId) ? api.askHost(body, k) : api.placeStay(body, k),
    );
    if (done) onPlaced();
  };
  const error = submission.error;
  const items = suggestions.data?.items ?? [];

  return (
    <div class="place-form" data-testid="place-form">
      <div class="form-grid form-grid-3">
        <Field id="stay-people" label={t('housing.people')} error={errors.people}>
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              inputMode="numeric"
              min={1}
              max={group}
              value={people}
              onInput={(e) => setPeople(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="stay-check-in" label={t('housing.checkIn')} error={errors.checkIn}>
          {(a11y) => (
            <input {...a11y} type="date" value={checkIn} onInput={(e) => setCheckIn(e.currentTarget.value)} />
          )}
        </Field>
        <Field id="stay-nights" label={t('housing.nights')} error={errors.nights}>
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_NIGHTS}
              value={nights}
              onInput={(e) => setNights(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={accessible}
          onChange={(e) => setAccessible(e.currentTarget.checked)}
        />
        <span>{t('housing.needsAccessible')}</span>
      </label>
      {error && (
        <p class="alert alert-error" role="alert" data-testid="place-error">
          {error.code === 'release_closed' ? t('housing.releaseClosed') : errorText(t, error)}
        </p>
      )}
      <h3 class="subhead">{t('housing.suggestions')}</h3>
      <ErrorMessage error={suggestions.error} />
      {suggestions.data && items.length === 0 && <p class="empty">{t('housing.empty')}</p>}
      <ol class="suggestions" data-testid="suggestions">
        {items.map((s) => (
          <SuggestionItem
            key={s.housingSiteId}
            s={s}
            asks={askable.has(s.housingSiteId)}
            busy={submission.busy}
            onPlace={() => void place(s)}
          />
        ))}
      </ol>
    </div>
  );
}

/** Where the release's people sleep: its stays and, for operators, the ranked places to put them. */
export function HousingPanel({ release, operator }: { release: ReleaseDetail; operator: boolean }) {
  const { t } = useI18n();
  const stays = useLiveResource(() => api.releaseStays(release.id), ['stay.'], {
    when: (e) => (e.data as { releaseId?: unknown } | null)?.releaseId === release.id,
  });
  const sites = useHousingSites();
  const requests = useHostRequests(release.id);
  const siteList = sites.data?.items ?? [];
  const siteNames = new Map(siteList.map((s) => [s.id, s.name]));
  const askable = new Set(
    siteList.filter((s) => s.kind === 'volunteer_home' && s.contactPhone).map((s) => s.id),
  );
  const open = release.status !== 'closed' && release.status !== 'cancelled';
  const needsBed = release.needs.includes('housing_tonight') && !release.needsMet.includes('housing_tonight');
  const items = stays.data?.items ?? [];

  return (
    <section class="card housing-panel" aria-labelledby="housing-title" data-testid="housing-panel">
      <h2 id="housing-title">{t('housing.panel')}</h2>
      {needsBed && items.every((s) => s.status !== 'active') && (
        <p class="needs-bed" data-testid="needs-bed">
          {t('housing.needsBed')}
        </p>
      )}
      <ErrorMessage error={stays.error} />
      {stays.data && (
        <HousingStays stays={items} sites={siteList} operator={operator} onChanged={stays.reload} />
      )}
      <ErrorMessage error={requests.error} />
      <HostRequests
        requests={requests.data?.items ?? []}
        siteNames={siteNames}
        operator={operator}
        onChanged={requests.reload}
      />
      {operator && open && !release.purged && (
        <details class="place-details" open={needsBed}>
          <summary class="place-summary">{t('housing.findBed')}</summary>
          <PlaceForm
            release={release}
            askable={askable}
            onPlaced={() => {
              stays.reload();
              requests.reload();
            }}
          />
        </details>
      )}
    </section>
  );
}
