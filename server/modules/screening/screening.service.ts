import type { DbOrTx } from '../../../db/client';
import type { SmsLanguage } from '../../../shared/sms';
import type { ScreeningSource } from '../../../shared/volunteers';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError } from '../../errors';
import { DAY, HOUR } from '../../lib/clock';
import type { Actor, CommandContext } from '../../lib/commands';
import { shortDate } from '../../lib/dates';
import { isoOrNull } from '../../lib/time';
import type { UsersService } from '../users/users.service';
import { type FactsByVolunteer, FactsCache } from './screening.facts';
import {
  createScreeningLink,
  deleteScreeningLinksOf,
  markScreeningLinkUsed,
  resolveScreeningLink,
} from './screening.links';
import { deleteScreeningsOf, insertScreening, latestIsolation, latestScreening } from './screening.repo';
import { decide, type ScreenFacts, type ScreeningState, screeningState } from './screening.rules';
import { renderScreeningText } from './screening.texts';

/**
 * Up to this many volunteers, states are read one by one when the kept copy of every volunteer's facts
 * is out of date; for more, the copy is read again (one seek per volunteer on the roster), and then
 * serves every request until the next change.
 */
const ONE_BY_ONE = 100;

export interface ScreeningAnswers {
  symptoms: boolean;
  exposure: boolean;
}

export interface ScreeningOutcome {
  result: 'clear' | 'isolate';
  isolateUntil: Date | null;
  state: ScreeningState;
}

/** Who a screen is about; the volunteers module answers it. */
export interface VolunteerDirectory {
  findIn(db: DbOrTx, id: number): { id: number; name: string; smsLanguage: SmsLanguage } | null;
  /** Changes whenever a volunteer or a screening does. */
  rosterVersion(db: DbOrTx): string;
}

export interface ScreeningPorts {
  users: Pick<UsersService, 'textCoordinators'>;
  /** Read after every module exists: volunteers show each one's screening state. */
  volunteers: () => VolunteerDirectory;
}

export interface LinkHolder {
  volunteerId: number;
  name: string;
  smsLanguage: SmsLanguage;
  expiresAt: Date;
  /** When the link was answered: it works once, then says so. */
  usedAt: Date | null;
}

export function linkAlreadyAnswered(): ConflictError {
  return new ConflictError('link_used', 'This screening link was already answered');
}

export class ScreeningService {
  private readonly facts: FactsCache;

  constructor(
    private readonly core: Core,
    private readonly ports: ScreeningPorts,
  ) {
    this.facts = new FactsCache((db) => this.ports.volunteers().rosterVersion(db));
  }

  private get validMs() {
    return this.core.config.SCREENING_VALID_HOURS * HOUR;
  }

  /** Inside the command that erases a volunteer: their health screens and open links go with them. */
  eraseVolunteerIn(ctx: CommandContext, volunteerId: number): number {
    deleteScreeningLinksOf(ctx.tx, volunteerId);
    return deleteScreeningsOf(ctx.tx, volunteerId);
  }

  stateOf(db: DbOrTx, volunteerId: number, now = this.core.clock.now()): ScreeningState {
    return screeningState(
      latestScreening(db, volunteerId),
      latestIsolation(db, volunteerId),
      now,
      this.validMs,
    );
  }

  /**
   * These volunteers' states (every volunteer's without `ids`), judged now from the kept copy of every
   * volunteer's facts. When that copy is out of date, up to ONE_BY_ONE are looked up one by one (two
   * indexed reads each) rather than reading the copy again. Without `ids`, volunteers who never screened
   * are left out of the map (they are missing).
   */
  statesOf(db: DbOrTx, ids?: readonly number[], now = this.core.clock.now()): Map<number, ScreeningState> {
    const out = new Map<number, ScreeningState>();
    const wanted = ids ? new Set(ids) : null;
    const facts = wanted && wanted.size <= ONE_BY_ONE ? this.facts.current(db) : this.facts.read(db);
    if (!facts) {
      for (const id of wanted!) out.set(id, this.stateOf(db, id, now));
      return out;
    }
    for (const id of wanted ?? facts.keys()) out.set(id, this.stateFrom(facts.get(id), now));
    return out;
  }

  /** A volunteer's state from facts read earlier (by factsByVolunteer). */
  stateFrom(facts: { latest: ScreenFacts | null; isolation: ScreenFacts | null } | undefined, now: Date) {
    return screeningState(facts?.latest ?? null, facts?.isolation ?? null, now, this.validMs);
  }

  /** The facts the rules judge, for every volunteer who has screened: one copy, kept until a change. */
  factsByVolunteer(db: DbOrTx): FactsByVolunteer {
    return this.facts.read(db);
  }

  /** Records a screen inside the caller's command (SMS keywords run inside the inbound command). */
  record(
    ctx: CommandContext,
    volunteerId: number,
    answers: ScreeningAnswers,
    source: ScreeningSource,
  ): ScreeningOutcome {
    const volunteer = this.ports.volunteers().findIn(ctx.tx, volunteerId);
    if (!volunteer) throw new NotFoundError('Volunteer');
    const before = this.stateOf(ctx.tx, volunteerId, ctx.now);
    const decision = decide(answers, before, ctx.now, this.core.config.ISOLATION_DAYS * DAY);
    const row = insertScreening(ctx.tx, { volunteerId, at: ctx.now, ...answers, ...decision, source });
    const state = this.stateOf(ctx.tx, volunteerId, ctx.now);
    // Only the outcome is audited and broadcast: the answers themselves are health data.
    ctx.audit({
      action: `screening.${decision.result}`,
      entity: 'volunteer',
      entityId: volunteerId,
      changes: { screeningId: row.id, source },
    });
    ctx.emit(
      `screening.${decision.result}`,
      {
        volunteerId,
        name: volunteer.name,
        state: state.state,
        until: isoOrNull(state.until, this.core.config.NETWORK_TZ),
        startedIsolation: before.state !== 'isolating' && state.state === 'isolating',
      },
      ['admin', 'coordinator', 'medical'],
    );
    const until = state.until;
    if (before.state !== 'isolating' && state.state === 'isolating' && until) {
      this.ports.users.textCoordinators(
        ctx,
        (lang) =>
          renderScreeningText('isolationNotice', lang, {
            name: volunteer.name,
            until: shortDate(until, this.core.config.NETWORK_TZ, lang),
          }),
        { kind: 'direct', related: { type: 'volunteer', id: volunteerId } },
      );
    }
    return { ...decision, state };
  }

  screen(actor: Actor, volunteerId: number, answers: ScreeningAnswers, source: 'web' | 'link') {
    return this.core.commands.run(actor, (ctx) => this.record(ctx, volunteerId, answers, source));
  }

  /** A link to the screening form without a login, valid until `expiresAt` (shift reminders carry one). */
  createLinkIn(ctx: CommandContext, volunteerId: number, expiresAt: Date): string {
    return createScreeningLink(ctx.tx, volunteerId, expiresAt);
  }

  resolveLink(db: DbOrTx, token: string, now: Date): LinkHolder | null {
    const link = resolveScreeningLink(db, token, now);
    const volunteer = link ? this.ports.volunteers().findIn(db, link.volunteerId) : null;
    if (!link || !volunteer) return null;
    return {
      volunteerId: volunteer.id,
      name: volunteer.name,
      smsLanguage: volunteer.smsLanguage,
      expiresAt: link.expiresAt,
      usedAt: link.usedAt ?? null,
    };
  }

  screenByLink(actor: Actor, token: string, answers: ScreeningAnswers): ScreeningOutcome {
    return this.core.commands.run(actor, (ctx) => {
      const holder = this.resolveLink(ctx.tx, token, ctx.now);
      if (!holder) throw new NotFoundError('This screening link (it may have expired)');
      // Whoever else saw the link (a forwarded text, a shared phone) cannot answer for the volunteer.
      if (holder.usedAt) throw linkAlreadyAnswered();
      markScreeningLinkUsed(ctx.tx, token, ctx.now);
      return this.record(ctx, holder.volunteerId, answers, 'link');
    });
  }
}
