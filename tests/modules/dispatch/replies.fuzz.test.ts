import { eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatches, dispatchOffers, type OfferState } from '../../../db/schema';
import { MINUTE } from '../../../server/lib/clock';
import type { TestApp } from '../../helpers/app';
import { addVolunteer } from '../../helpers/fixtures';
import { buildDispatchApp, type Network, network, release } from './dispatch.helpers';

const STATES: readonly OfferState[] = ['offered', 'accepted', 'declined', 'expired', 'superseded'];

interface OfferPlan {
  code: number;
  state: OfferState;
  /** An offer still marked offered whose time has run out (its expiry job not yet run). */
  pastExpiry: boolean;
  /** Whose: the volunteer who texts, or someone else. */
  mine: boolean;
}

/** Mostly the volunteer's own open offers, so that many replies could accept one. */
const offerPlan: fc.Arbitrary<OfferPlan> = fc.record({
  code: fc.integer({ min: 1000, max: 9999 }),
  state: fc.oneof(
    { arbitrary: fc.constant<OfferState>('offered'), weight: 4 },
    { arbitrary: fc.constantFrom(...STATES), weight: 2 },
  ),
  pastExpiry: fc.oneof(
    { arbitrary: fc.constant(false), weight: 4 },
    { arbitrary: fc.constant(true), weight: 1 },
  ),
  mine: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.boolean(), weight: 1 }),
});

/** Words a reply may start with: every answer word, near misses, and things people text instead. */
const FIRST = fc.oneof(
  fc.constantFrom(
    'YES',
    'yes',
    'Yes',
    'yesss',
    'Sí',
    'si',
    'SI',
    'sì',
    'Sim',
    'wi',
    'WI',
    'NO',
    'Não',
    'non',
  ),
  fc.constantFrom(
    'ok',
    'OK',
    'claro',
    'y',
    's',
    'sip',
    'yep',
    'maybe',
    'Yse',
    'six',
    'sin',
    'nope',
    'yes4',
    '',
  ),
);
const JUNK = fc.constantFrom(
  '',
  ' ',
  '  ',
  '!',
  '!!',
  '.',
  ',',
  '?',
  '¡',
  '¿',
  '“',
  '”',
  '"',
  '👍',
  '👍🏽',
  '🙏',
  '-',
  '#',
);

/** A reply built from parts people use, naming any code: one of theirs, someone else's, or none. */
function replyText(codes: readonly number[]): fc.Arbitrary<string> {
  const code = fc.oneof(
    fc.constant(''),
    fc.constantFrom(...codes.map(String)),
    fc.integer({ min: 0, max: 99999 }).map(String),
  );
  const tail = fc.oneof(
    fc.constant(''),
    fc.constantFrom('20 min', 'en 15', 'llego en 15', 'on my way', '1 hora', 'parking now', '10'),
    fc.string({ maxLength: 12 }),
  );
  const built = fc
    .tuple(JUNK, FIRST, JUNK, code, JUNK, tail, JUNK)
    .map(([a, first, b, c, d, rest, e]) => `${a}${first}${b} ${c}${d} ${rest}${e}`);
  return fc.oneof(
    { arbitrary: built, weight: 6 },
    { arbitrary: fc.string({ maxLength: 30, unit: 'grapheme' }), weight: 1 },
    { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
  );
}

const CODE_LIKE = /\d{4,}/g;

describe('fuzzing replies against open and closed offers', () => {
  let t: TestApp;
  let n: Network;
  let releaseId: number;
  let phone = 0;
  beforeAll(async () => {
    t = await buildDispatchApp();
    n = await network(t);
    releaseId = (await release(n)).id;
  });
  afterAll(() => t.close());

  it('never accepts an offer the reply does not name, nor one that is not open, nor on a word that is not YES', async () => {
    let acceptances = 0;
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(offerPlan, { minLength: 1, maxLength: 5 })
          .chain((plans) => fc.tuple(fc.constant(plans), replyText(plans.map((p) => p.code)))),
        fc.integer({ min: 1, max: 2 }),
        fc.constantFrom('en', 'es') as fc.Arbitrary<'en' | 'es'>,
        async ([plans, body], needed, lang) => {
          phone += 1;
          const me = await addVolunteer(t, n.coordinator, {
            name: 'Fuzz Me',
            phone: `+1720555${String(phone).padStart(4, '0')}`,
            smsLanguage: lang,
          });
          const other = await addVolunteer(t, n.coordinator, {
            name: 'Fuzz Other',
            phone: `+1720556${String(phone).padStart(4, '0')}`,
          });
          const now = t.clock.now();
          const d = t.db
            .insert(dispatches)
            .values({
              releaseId,
              status: 'open',
              needed,
              languages: [],
              skills: [],
              wave: 1,
              deadlineAt: new Date(now.getTime() + 45 * MINUTE),
              createdAt: now,
              updatedAt: now,
            })
            .returning()
            .get();
          const ids = plans.map(
            (p) =>
              t.db
                .insert(dispatchOffers)
                .values({
                  dispatchId: d.id,
                  volunteerId: p.mine ? me.id : other.id,
                  code: String(p.code),
                  wave: 1,
                  state: p.state,
                  reason: 'fuzz',
                  offeredAt: new Date(now.getTime() - 5 * MINUTE),
                  expiresAt: new Date(now.getTime() + (p.pastExpiry ? -1 : 10) * MINUTE),
                })
                .returning()
                .get().id,
          );
          const before = t.db.select().from(dispatchOffers).where(inArray(dispatchOffers.id, ids)).all();

          t.app.services.sms.receive({ from: me.phone, body, messageSid: `SMfuzz${phone}` });

          const after = t.db.select().from(dispatchOffers).where(eq(dispatchOffers.dispatchId, d.id)).all();
          const myOpen = before.filter(
            (o) => o.volunteerId === me.id && o.state === 'offered' && o.expiresAt.getTime() > now.getTime(),
          );
          const folded = body.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase();
          const named = [...folded.matchAll(CODE_LIKE)].map((m) => m[0]);
          const accepted = after.filter(
            (o) => o.state === 'accepted' && before.find((b) => b.id === o.id)!.state !== 'accepted',
          );
          expect(accepted.length).toBeLessThanOrEqual(1);
          acceptances += accepted.length;
          for (const o of accepted) {
            const was = before.find((b) => b.id === o.id)!;
            expect(o.volunteerId).toBe(me.id);
            expect(was.state).toBe('offered');
            expect(was.expiresAt.getTime()).toBeGreaterThan(now.getTime());
            if (named.length > 0) expect(named[0]).toBe(o.code);
            else expect(myOpen.map((x) => x.id)).toEqual([o.id]);
            expect(folded.match(/\p{L}+/u)?.[0]).toMatch(/^(YESS*|SII*|SIMM*|WII*)$/);
          }
        },
      ),
      { numRuns: 300 },
    );
    // The property held over replies that did accept, not only over ones that could not.
    expect(acceptances).toBeGreaterThan(5);
  });
});
