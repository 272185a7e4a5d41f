import { and, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { screeningLinks } from '../../../db/schema';
import { hashToken, newToken } from '../../lib/tokens';

/** A link for the screening form without a login; only its hash is stored, and it expires. */
export function createScreeningLink(tx: DbOrTx, volunteerId: number, expiresAt: Date): string {
  const token = newToken();
  tx.insert(screeningLinks)
    .values({ tokenHash: hashToken(token), volunteerId, expiresAt })
    .run();
  return token;
}

export function resolveScreeningLink(db: DbOrTx, token: string, now: Date) {
  return (
    db
      .select({
        volunteerId: screeningLinks.volunteerId,
        expiresAt: screeningLinks.expiresAt,
        usedAt: screeningLinks.usedAt,
      })
      .from(screeningLinks)
      .where(and(eq(screeningLinks.tokenHash, hashToken(token)), gt(screeningLinks.expiresAt, now)))
      .get() ?? null
  );
}

export function markScreeningLinkUsed(db: DbOrTx, token: string, at: Date): void {
  db.update(screeningLinks)
    .set({ usedAt: at })
    .where(eq(screeningLinks.tokenHash, hashToken(token)))
    .run();
}

export function deleteScreeningLinksOf(db: DbOrTx, volunteerId: number): void {
  db.delete(screeningLinks).where(eq(screeningLinks.volunteerId, volunteerId)).run();
}
