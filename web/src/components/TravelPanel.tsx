import { useState } from 'preact/hooks';
import { api, type Itinerary, type ReleaseDetail, toApiError } from '../api';
import { useI18n } from '../i18n';
import { useLiveResource } from '../resource';
import { ErrorMessage } from './ErrorMessage';
import { ItineraryForm } from './ItineraryForm';
import { BagForm, ShareBox, TicketSelect } from './TravelActions';
import { BagChip, LegList, TicketChip } from './TravelBits';

function ItineraryCard({
  itinerary,
  release,
  operator,
}: {
  itinerary: Itinerary;
  release: ReleaseDetail;
  operator: boolean;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<ReturnType<typeof toApiError> | null>(null);
  const remove = async () => {
    if (!window.confirm(t('travel.confirmDelete'))) return;
    try {
      await api.deleteItinerary(itinerary.id);
    } catch (err) {
      setError(toApiError(err));
    }
  };
  const editable = operator && !itinerary.purged;
  return (
    <li class="card itinerary-card" data-testid="itinerary" data-id={itinerary.id}>
      <h3>
        {t('travel.to', { place: itinerary.destination ?? '—' })} ·{' '}
        {t('travel.peopleN', { n: itinerary.people })}
      </h3>
      <p class="chip-group">
        <TicketChip status={itinerary.ticket} /> <BagChip count={itinerary.travelBags} />
        {itinerary.departed && <span class="chip chip-in">{t('travel.departed')}</span>}
      </p>
      {itinerary.seats && <p class="hint">{t('travel.seatsAre', { seats: itinerary.seats })}</p>}
      {itinerary.confirmation && (
        <p class="hint">{t('travel.confirmationIs', { code: itinerary.confirmation })}</p>
      )}
      <LegList itinerary={itinerary} />
      <ErrorMessage error={error} />
      {editable && editing && (
        <ItineraryForm release={release} itinerary={itinerary} onDone={() => setEditing(false)} />
      )}
      {editable && !editing && (
        <>
          <button
            type="button"
            class="btn btn-small"
            onClick={() => setEditing(true)}
            data-testid="edit-itinerary"
          >
            {t('travel.edit')}
          </button>
          <TicketSelect itinerary={itinerary} />
          <ShareBox itinerary={itinerary} />
          <details class="disclosure">
            <summary>{t('travel.bagTitle')}</summary>
            <BagForm itinerary={itinerary} />
          </details>
          <button type="button" class="btn btn-quiet btn-small btn-danger" onClick={() => void remove()}>
            {t('travel.delete')}
          </button>
        </>
      )}
    </li>
  );
}

/** A release's onward travel: its itineraries, and for operators adding one, sharing and bags. */
export function TravelPanel({ release, operator }: { release: ReleaseDetail; operator: boolean }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const list = useLiveResource(() => api.releaseItineraries(release.id), ['itinerary.'], {
    when: (e) => (e.data as { releaseId?: unknown } | null)?.releaseId === release.id,
  });
  const open = release.status !== 'closed' && release.status !== 'cancelled';
  const items = list.data?.items ?? [];
  return (
    <section class="card travel-panel" aria-labelledby="travel-panel-title" data-testid="travel-panel">
      <h2 id="travel-panel-title">{t('travel.panel')}</h2>
      <ErrorMessage error={list.error} />
      {list.data && items.length === 0 && !adding && <p class="empty">{t('travel.none')}</p>}
      {items.length > 0 && (
        <ul class="plain-list">
          {items.map((it) => (
            <ItineraryCard key={it.id} itinerary={it} release={release} operator={operator} />
          ))}
        </ul>
      )}
      {operator &&
        open &&
        (adding ? (
          <ItineraryForm
            release={release}
            onDone={() => {
              setAdding(false);
              list.reload();
            }}
          />
        ) : (
          <button type="button" class="btn" onClick={() => setAdding(true)} data-testid="add-itinerary">
            {t('travel.add')}
          </button>
        ))}
    </section>
  );
}
