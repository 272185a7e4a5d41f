import { randomInt } from 'node:crypto';
import type { DbOrTx } from '../../../db/client';

/**
 * Every domain whose questions carry a reply code (an offer, a request to host, a page) registers where
 * its open codes are; a new code is none of them, so a reply's code names one question only.
 */
export class ReplyCodes {
  private readonly sources: Array<(db: DbOrTx) => Set<string>> = [];

  readonly add = (source: (db: DbOrTx) => Set<string>): void => {
    this.sources.push(source);
  };

  /** Every reply code still open in any domain. */
  readonly inUse = (db: DbOrTx): Set<string> => {
    const all = new Set<string>();
    for (const source of this.sources) for (const code of source(db)) all.add(code);
    return all;
  };

  /**
   * `count` new codes, none of them open anywhere, nor each other: four digits, or more while four would
   * leave fewer than half the codes free (thousands of offers open at once), so the draw always ends.
   */
  readonly fresh = (db: DbOrTx, count: number): string[] => {
    const taken = this.inUse(db);
    let digits = 4;
    while (9 * 10 ** (digits - 1) < 2 * (taken.size + count)) digits += 1;
    const fresh: string[] = [];
    while (fresh.length < count) {
      const code = String(randomInt(10 ** (digits - 1), 10 ** digits));
      if (taken.has(code)) continue;
      taken.add(code);
      fresh.push(code);
    }
    return fresh;
  };
}
