import type { DbOrTx } from '../../../db/client';
import { screeningsByVolunteer } from './screening.repo';
import type { ScreenFacts } from './screening.rules';

export type FactsByVolunteer = ReadonlyMap<
  number,
  { latest: ScreenFacts | null; isolation: ScreenFacts | null }
>;

/**
 * Every volunteer's newest screen and newest isolation, read once and kept until the roster's version
 * changes (a trigger gives it a new random value whenever a volunteer or a screening changes). The
 * roster, dispatch ranking and shift coverage all judge from this one copy. The version is read inside
 * the caller's transaction, so the copy is never stale there, and a rolled-back value is never reused.
 */
export class FactsCache {
  private version = '';
  private facts: FactsByVolunteer = new Map();

  constructor(private readonly versionOf: (db: DbOrTx) => string) {}

  /** The kept copy if it is still current; null when reading it would mean reading every screen. */
  current(db: DbOrTx): FactsByVolunteer | null {
    return this.versionOf(db) === this.version ? this.facts : null;
  }

  read(db: DbOrTx): FactsByVolunteer {
    const version = this.versionOf(db);
    if (version !== this.version) {
      this.facts = screeningsByVolunteer(db);
      this.version = version;
    }
    return this.facts;
  }
}
