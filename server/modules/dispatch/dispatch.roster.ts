import type { DbOrTx } from '../../../db/client';
import type { ScreenFacts } from '../screening/screening.rules';
import type { ScreeningService } from '../screening/screening.service';
import type { RankingRosterRow, VolunteersService } from '../volunteers/volunteers.service';

export interface RosterEntry extends RankingRosterRow {
  latest: ScreenFacts | null;
  isolation: ScreenFacts | null;
  languagesLower: string[];
}

export interface RosterSources {
  volunteers: Pick<VolunteersService, 'rosterForRanking' | 'rosterVersion'>;
  screening: Pick<ScreeningService, 'factsByVolunteer'>;
}

/**
 * The roster as ranking reads it, kept in memory and rebuilt only when volunteers or screenings changed:
 * reading and decoding thousands of rows costs more than ranking them. The roster's version takes a new
 * random value on each such change; it is read inside the caller's transaction, so the cache is
 * never stale there, and a rolled-back value is never seen again.
 */
export class RosterCache {
  private version = '';
  private entries: RosterEntry[] = [];

  constructor(private readonly sources: RosterSources) {}

  read(db: DbOrTx): RosterEntry[] {
    const v = this.sources.volunteers.rosterVersion(db);
    if (v === this.version) return this.entries;
    const screens = this.sources.screening.factsByVolunteer(db);
    this.entries = this.sources.volunteers.rosterForRanking(db).map((row) => {
      const s = screens.get(row.id);
      return {
        ...row,
        latest: s?.latest ?? null,
        isolation: s?.isolation ?? null,
        languagesLower: row.languages.map((l) => l.toLowerCase()),
      };
    });
    this.version = v;
    return this.entries;
  }
}
