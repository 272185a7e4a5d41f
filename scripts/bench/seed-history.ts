// Thirty days of a busy network's past, written through the app's own services on a moving clock, so
// every release carries its timeline, audit, events, dispatch offers and SMS log as the app makes them.
import type { Services } from '../../server/modules';
import type { BenchSeedContext } from './seed-people';

const DAY = 86_400_000;
const LANGS = [['es'], ['es', 'en'], ['en'], ['es', "K'iche'"], ['mam'], ['fr']] as const;
const NEEDS = [
  ['food', 'water', 'phone_call'],
  ['food', 'clothing', 'housing_tonight', 'travel_tickets'],
  ['shoes', 'hygiene_kit'],
  ['medical', 'food'],
] as const;

/** Releases per day over `days`, each met and closed; one in three goes through a dispatch answered by SMS. */
export function seedHistory(
  s: Services,
  seed: BenchSeedContext,
  opts: { days: number; perDay: number },
): { releases: number; dispatches: number; refused: number } {
  const end = seed.clock.now().getTime();
  let releases = 0;
  let dispatches = 0;
  let refused = 0;
  for (let d = opts.days; d >= 1; d -= 1) {
    seed.batch(() => {
      const dayStart = end - d * DAY;
      // A few dozen volunteers screen each day, so the day's dispatches find people cleared to go.
      seed.at(dayStart);
      for (let i = 0; i < 60; i += 1) {
        const v = seed.volunteerIds[(d * 61 + i * 7) % seed.volunteerIds.length]!;
        s.screening.screen(seed.actor, v, { symptoms: false, exposure: false }, 'web');
      }
      for (let r = 0; r < opts.perDay; r += 1) {
        const t = dayStart + ((r + 1) * DAY) / (opts.perDay + 2);
        seed.at(t);
        const n = d * opts.perDay + r;
        const release = s.releases.create(seed.actor, {
          siteId: seed.siteIds[n % seed.siteIds.length]!,
          releasedAt: new Date(t).toISOString(),
          adults: 1 + (n % 4),
          children: n % 3,
          languages: [...LANGS[n % LANGS.length]!],
          needs: [...NEEDS[n % NEEDS.length]!],
        });
        releases += 1;
        if (n % 3 === 0) {
          const dispatch = s.dispatch.create(seed.actor, release.id, { needed: 2 });
          dispatches += 1;
          seed.at(t + 4 * 60_000);
          for (const offer of dispatch.offers.slice(0, 2)) {
            const phone = s.volunteers.findIn(seed.db, offer.volunteerId)?.phone;
            if (phone)
              s.sms.receive({ from: phone, body: `SI ${offer.code} 15`, messageSid: `H-${offer.id}` });
          }
        } else {
          s.releases.move(seed.actor, release.id, 'team_en_route');
        }
        seed.at(t + 40 * 60_000);
        try {
          s.releases.move(seed.actor, release.id, 'met');
          seed.at(t + 3 * 3_600_000);
          s.releases.move(seed.actor, release.id, 'closed');
        } catch {
          refused += 1;
        }
      }
    });
  }
  seed.at(end);
  return { releases, dispatches, refused };
}
