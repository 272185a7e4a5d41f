import { useEffect, useRef } from 'preact/hooks';
import { api, type HousingSite, type Stay } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { StayActions } from '../../components/HousingStays';
import { formatDay } from '../../components/networkTime';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';
import { linkClick } from '../../router';

/** A cell of the occupancy grid: one site, one night. */
export interface PickedNight {
  siteId: number;
  siteName: string;
  night: string;
}

/** The stays holding a bed at the site that night: checked in by then and not yet gone that morning. */
export function staysOn(stays: readonly Stay[], siteId: number, night: string): Stay[] {
  return stays.filter(
    (s) => s.status === 'active' && s.housingSiteId === siteId && s.checkIn <= night && night < s.checkOut,
  );
}

/** Who sleeps at a site on a night of the grid, with the same actions as the release page. */
export function NightStays({
  picked,
  sites,
  onClose,
}: {
  picked: PickedNight;
  sites: HousingSite[];
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const stays = useLiveResource(api.currentStays, ['stay.']);
  const ref = useRef<HTMLElement>(null);
  // On a phone the list opens under a grid that may fill the screen.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [picked.siteId, picked.night]);
  const items = staysOn(stays.data?.items ?? [], picked.siteId, picked.night);

  return (
    <section
      ref={ref}
      class="night-stays"
      aria-labelledby="night-stays-title"
      data-testid="night-stays"
      data-site={picked.siteId}
      data-night={picked.night}
    >
      <div class="night-stays-head">
        <h3 id="night-stays-title" class="subhead">
          {t('housing.nightStays', { site: picked.siteName, night: formatDay(lang, picked.night) })}
        </h3>
        <button type="button" class="btn btn-small" onClick={onClose}>
          {t('housing.closeNight')}
        </button>
      </div>
      <ErrorMessage error={stays.error} />
      {stays.data && items.length === 0 && <p class="empty">{t('housing.nightStaysEmpty')}</p>}
      {items.length > 0 && (
        <ul class="stay-list">
          {items.map((s) => (
            <li key={s.id} class="stay" data-testid="night-stay" data-release={s.releaseId}>
              <p class="stay-head">
                <a class="release-code" href={`/releases/${s.releaseId}`} onClick={linkClick}>
                  {s.releaseCode}
                </a>
              </p>
              <p class="stay-when">
                {t(s.people === 1 ? 'housing.stayPeople.one' : 'housing.stayPeople.other', { n: s.people })} ·{' '}
                {t(s.nights === 1 ? 'housing.nightsCount.one' : 'housing.nightsCount.other', { n: s.nights })}{' '}
                · {t('housing.fromTo', { from: formatDay(lang, s.checkIn), to: formatDay(lang, s.checkOut) })}
              </p>
              <StayActions stay={s} sites={sites} onDone={stays.reload} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
