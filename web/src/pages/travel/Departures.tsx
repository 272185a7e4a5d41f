import { useState } from 'preact/hooks';
import { api, type Itinerary } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDay } from '../../components/networkTime';
import { Page } from '../../components/Page';
import { BagChip, stopTime, TicketChip } from '../../components/TravelBits';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';
import { linkClick } from '../../router';

function Departure({ it }: { it: Itinerary }) {
  const { t, lang } = useI18n();
  const first = it.legs[0];
  return (
    <li class="departure" data-testid="departure" data-id={it.id}>
      <time class="departure-time" dateTime={it.departsAt}>
        {first ? stopTime(lang, first.departsAt, first.fromZone) : '—'}
      </time>
      <span class="departure-what">
        <strong>{first ? `${first.from} → ${it.destination ?? '—'}` : (it.destination ?? '—')}</strong>
        <span class="hint block">
          {first?.carrier} · {t('travel.peopleN', { n: it.people })} ·{' '}
          <a href={`/releases/${it.releaseId}`} onClick={linkClick}>
            {it.releaseCode}
          </a>
        </span>
      </span>
      <span class="departure-chips">
        <TicketChip status={it.ticket} /> <BagChip count={it.travelBags} />
      </span>
    </li>
  );
}

/** Who leaves today and tomorrow, per site, with tickets and travel bags: live. */
export function Departures() {
  const { t, lang } = useI18n();
  const [date, setDate] = useState('');
  const board = useLiveResource(() => api.departures(date || undefined), ['itinerary.', 'release.status']);
  const days = board.data?.days ?? [];
  return (
    <Page
      title={t('travel.title')}
      actions={
        <label class="inline-label">
          {t('travel.from')}{' '}
          <input
            type="date"
            value={date || days[0]?.date || ''}
            onChange={(e) => setDate(e.currentTarget.value)}
            data-testid="departures-date"
          />
        </label>
      }
    >
      <ErrorMessage error={board.error} />
      {days.map((day) => (
        <section key={day.date} class="departure-day" data-testid="departure-day" data-day={day.date}>
          <h2>{formatDay(lang, day.date, 'long')}</h2>
          {day.sites.length === 0 && <p class="empty">{t('travel.nobodyLeaves')}</p>}
          {day.sites.map((s) => (
            <div key={s.siteId} class="card">
              <h3>{s.siteName}</h3>
              <ul class="plain-list departures">
                {s.itineraries.map((it) => (
                  <Departure key={it.id} it={it} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </Page>
  );
}
