import type { DbOrTx } from '../../../db/client';
import { toIso } from '../../lib/time';
import type { FactsByVolunteer } from '../screening/screening.facts';
import type { ScreeningService } from '../screening/screening.service';
import { currentRosterVersion, listVolunteers, type VolunteerRow } from './volunteers.repo';

/**
 * The roster and every volunteer's screening facts, kept in memory until a volunteer or a screening
 * changes: reading and decoding ten thousand rows costs more than everything else a roster request
 * does. The version is read inside the caller's transaction, so the copy is never stale there;
 * screening states are still judged at the time of each request, since they expire.
 */
export class RosterSnapshot {
  private version = '';
  private rows: VolunteerRow[] = [];
  private facts: FactsByVolunteer = new Map();
  /** The roster's instants as the API writes them, kept with the copy they come from. */
  private readonly written = new Map<number, string>();

  constructor(private readonly screening: Pick<ScreeningService, 'factsByVolunteer'>) {}

  read(db: DbOrTx): { rows: VolunteerRow[]; facts: FactsByVolunteer } {
    const version = currentRosterVersion(db);
    if (version !== this.version) {
      this.rows = listVolunteers(db);
      this.facts = this.screening.factsByVolunteer(db);
      this.written.clear();
      this.version = version;
    }
    return { rows: this.rows, facts: this.facts };
  }

  /** An instant of the roster in the network's zone, formatted once per copy. */
  iso(at: Date | null, zone: string): string | null {
    if (at === null) return null;
    const ms = at.getTime();
    let text = this.written.get(ms);
    if (text === undefined) {
      text = toIso(at, zone);
      this.written.set(ms, text);
    }
    return text;
  }
}
