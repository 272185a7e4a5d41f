import { useState } from 'preact/hooks';
import { api, type HousingSite } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { HOUSING_EVENTS } from '../../components/HousingBits';
import { formatDay } from '../../components/networkTime';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';
import { NightStays, type PickedNight } from './NightStays';

/** Tonight and the next 14 nights. */
const NIGHTS = 15;

function Cell({
  people,
  beds,
  label,
  pick,
}: {
  people: number;
  beds: number;
  label: string;
  /** Operators open a night with people in it to act on its stays. */
  pick?: { site: string; day: string; picked: boolean; onPick: () => void };
}) {
  const { t } = useI18n();
  const full = beds > 0 && people >= beds;
  const text = (
    <>
      {people}/{beds}
      {full && <span class="occ-full-mark"> {t('housing.full')}</span>}
    </>
  );
  return (
    <td
      class={`occ-cell${full ? ' occ-full' : people > 0 ? ' occ-some' : ''}${pick?.picked ? ' occ-picked' : ''}`}
      data-label={label}
      data-people={people}
      data-full={full ? 'true' : undefined}
    >
      {pick && people > 0 ? (
        <button
          type="button"
          class="occ-pick"
          aria-pressed={pick.picked}
          aria-label={t('housing.cellStays', { site: pick.site, night: pick.day, people, beds })}
          onClick={pick.onPick}
        >
          {text}
        </button>
      ) : (
        text
      )}
    </td>
  );
}

/**
 * Sites × nights, people over beds in each cell; a night with every bed taken is marked full. Operators
 * tap a night with people to extend, move or check out the stays there.
 */
export function OccupancyGrid({ operator, sites }: { operator: boolean; sites: HousingSite[] }) {
  const { t, lang } = useI18n();
  const grid = useLiveResource(() => api.occupancy(NIGHTS), HOUSING_EVENTS);
  const [picked, setPicked] = useState<PickedNight | null>(null);
  const o = grid.data;
  const dayName = (night: string, i: number) => (i === 0 ? t('housing.tonight') : formatDay(lang, night));
  return (
    <section class="card" aria-labelledby="occupancy-title" data-testid="occupancy">
      <h2 id="occupancy-title">{t('housing.occupancy')}</h2>
      <ErrorMessage error={grid.error} />
      {o && o.sites.length === 0 && <p class="empty">{t('housing.empty')}</p>}
      {operator && o && o.sites.length > 0 && <p class="hint">{t('housing.pickNight')}</p>}
      {o && o.sites.length > 0 && (
        // The grid scrolls sideways inside its card, so the page itself never does on a phone.
        <div class="occ-scroll">
          <table class="occ-grid" data-testid="occupancy-grid">
            <thead>
              <tr>
                <th scope="col" class="occ-name">
                  {t('housing.site')}
                </th>
                {o.nights.map((n, i) => (
                  <th key={n} scope="col" class="occ-night" data-night={n}>
                    {dayName(n, i)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {o.sites.map((s) => (
                <tr
                  key={s.housingSiteId}
                  data-testid="occupancy-row"
                  data-site={s.housingSiteId}
                  class={s.active ? undefined : 'occ-inactive'}
                >
                  <th scope="row" class="occ-name">
                    {s.name}
                  </th>
                  {s.people.map((p, i) => {
                    const night = o.nights[i] ?? '';
                    const here = picked?.siteId === s.housingSiteId && picked.night === night;
                    return (
                      <Cell
                        key={night}
                        people={p}
                        beds={s.beds}
                        label={night}
                        pick={
                          operator
                            ? {
                                site: s.name,
                                day: dayName(night, i),
                                picked: here,
                                onPick: () =>
                                  setPicked(
                                    here ? null : { siteId: s.housingSiteId, siteName: s.name, night },
                                  ),
                              }
                            : undefined
                        }
                      />
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-testid="occupancy-total" class="occ-total">
                <th scope="row" class="occ-name">
                  {t('housing.total')}
                </th>
                {o.total.people.map((p, i) => (
                  <Cell key={o.nights[i]} people={p} beds={o.total.beds} label={o.nights[i] ?? ''} />
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {picked && <NightStays picked={picked} sites={sites} onClose={() => setPicked(null)} />}
    </section>
  );
}
