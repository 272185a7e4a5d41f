import { useEffect, useState } from 'preact/hooks';
import { type ApiError, api, type Candidate, type Dispatch, toApiError } from '../api';
import { useI18n } from '../i18n';
import { exclusionName, reasonText } from './DispatchBits';
import { ErrorMessage } from './ErrorMessage';

/** Loaded only when opened, and again whenever the dispatch itself moves on. */
export function Candidates({ dispatch }: { dispatch: Dispatch }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Candidate[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const version = `${dispatch.status}:${dispatch.wave}:${dispatch.needed}:${dispatch.offers.map((o) => o.state).join()}`;

  useEffect(() => {
    if (!open) return;
    let alive = true;
    api.dispatchCandidates(dispatch.id).then(
      (res) => {
        if (!alive) return;
        setItems(res.items);
        setError(null);
      },
      (err: unknown) => {
        if (alive) setError(toApiError(err));
      },
    );
    return () => {
      alive = false;
    };
  }, [open, dispatch.id, version]);

  const eligible = items?.filter((c) => c.eligible) ?? [];
  const excluded = items?.filter((c) => !c.eligible) ?? [];

  return (
    <details
      class="candidates"
      data-testid="candidates"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary class="candidates-summary">{t('dispatch.why')}</summary>
      <ErrorMessage error={error} />
      {open && !items && !error && <p class="loading">{t('app.loading')}</p>}
      {items && items.length === 0 && <p class="empty">{t('dispatch.noCandidates')}</p>}
      {eligible.length > 0 && (
        <>
          <h4 class="candidates-head">{t('dispatch.eligible')}</h4>
          <ol class="candidate-list">
            {eligible.map((c) => (
              <li key={c.volunteerId} class="candidate" data-testid="candidate" data-eligible="true">
                <span class="candidate-rank">{t('dispatch.rank', { n: c.rank ?? '—' })}</span>{' '}
                <span class="candidate-name">{c.name}</span>
                <span class="candidate-why">{reasonText(t, lang, c.why)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {excluded.length > 0 && (
        <>
          <h4 class="candidates-head">{t('dispatch.excluded')}</h4>
          <ul class="candidate-list">
            {excluded.map((c) => (
              <li key={c.volunteerId} class="candidate" data-testid="candidate" data-eligible="false">
                <span class="candidate-name">{c.name}</span>
                <span class="candidate-why">
                  {c.excludedBecause.map((x) => exclusionName(t, x)).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
