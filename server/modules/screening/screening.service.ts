import type { DbOrTx } from '../../../db/client';
import type { Core } from '../../deps';
import { NotFoundError } from '../../errors';
import { DAY, HOUR } from '../../lib/clock';
import type { Actor, CommandContext } from '../../lib/commands';
import { isoOrNull } from '../../lib/time';
import { findVolunteer } from '../volunteers/volunteers.repo';
import { insertScreening, latestIsolation, latestScreening } from './screening.repo';
import { decide, type ScreeningState, screeningState } from './screening.rules';

export interface ScreeningAnswers {
  symptoms: boolean;
  exposure: boolean;
}

export interface ScreeningOutcome {
  result: 'clear' | 'isolate';
  isolateUntil: Date | null;
  state: ScreeningState;
}

export class ScreeningService {
  /** Called inside the command when a volunteer starts isolating (coordinators are texted). */
  onIsolationStarted: (ctx: CommandContext, volunteer: { id: number; name: string }, until: Date) => void =
    () => {};

  constructor(private readonly core: Core) {}

  private get validMs() {
    return this.core.config.SCREENING_VALID_HOURS * HOUR;
  }

  stateOf(db: DbOrTx, volunteerId: number, now = this.core.clock.now()): ScreeningState {
    return screeningState(
      latestScreening(db, volunteerId),
      latestIsolation(db, volunteerId),
      now,
      this.validMs,
    );
  }

  /** Records a screen inside the caller's command (SMS keywords run inside the inbound command). */
  record(
    ctx: CommandContext,
    volunteerId: number,
    answers: ScreeningAnswers,
    source: 'sms' | 'web' | 'link',
  ): ScreeningOutcome {
    const volunteer = findVolunteer(ctx.tx, volunteerId);
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
    if (before.state !== 'isolating' && state.state === 'isolating' && state.until) {
      this.onIsolationStarted(ctx, volunteer, state.until);
    }
    return { ...decision, state };
  }

  screen(
    actor: Actor,
    volunteerId: number,
    answers: ScreeningAnswers,
    source: 'web' | 'link',
  ): ScreeningOutcome {
    return this.core.commands.run(actor, (ctx) => this.record(ctx, volunteerId, answers, source));
  }
}
