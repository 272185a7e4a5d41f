import type { DbOrTx } from '../../../db/client';
import type { ScreenFacts } from '../screening/screening.rules';
import type { ScreeningService } from '../screening/screening.service';
import { currentRosterVersion, listVolunteers, type VolunteerRow } from './volunteers.repo';

type Facts = Map<number, { latest: ScreenFacts | null; isolation: ScreenFacts | null }>;

/**
 * The roster and every volunteer's screening facts, kept in memory until a volunteer or a screening
 * changes: reading and decoding ten thousand rows costs more than everything else a roster request
 * does. The version is read inside the caller's transaction, so the copy is never stale there;
 * screening states are still judged at the time of each request, since they expire.
 */
export class RosterSnapshot {
  private version = '';
  private rows: VolunteerRow[] = [];
  private facts: Facts = new Map();

  constructor(private readonly screening: Pick<ScreeningService, 'factsByVolunteer'>) {}

  read(db: DbOrTx): { rows: VolunteerRow[]; facts: Facts } {
    const version = currentRosterVersion(db);
    if (version !== this.version) {
      this.rows = listVolunteers(db);
      this.facts = this.screening.factsByVolunteer(db);
      this.version = version;
    }
    return { rows: this.rows, facts: this.facts };
  }
}
