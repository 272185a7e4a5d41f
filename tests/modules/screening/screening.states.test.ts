import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../server/lib/clock';
import { systemActor } from '../../../server/lib/commands';
import { buildRosterApp, type TestApp } from '../../helpers/app';
import { addVolunteer, screen } from '../../helpers/fixtures';

// A volunteer's state is read one by one (STATUS, a YES, a signup) or from the kept copy of every
// volunteer's facts (the roster, ranking, shift coverage). Both must judge every volunteer the same.
describe('screening states of many volunteers', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  const add = async (name: string, phone: string) => (await addVolunteer(t, coordinator, { name, phone })).id;
  const clearScreen = { symptoms: false, exposure: false };
  const stateIn = (m: Map<number, { state: string }>, id: number) => m.get(id)?.state ?? 'missing';

  it('judges each volunteer looked up alone as the whole roster read at once judges them', async () => {
    const clear = await add('Ana Lopez', '303-555-0142');
    const stale = await add('Ben Okafor', '303-555-0143');
    const isolating = await add('Carla Mendez', '303-555-0144');
    const never = await add('Dario Ruiz', '303-555-0145');
    const late = await add('Elena Diaz', '303-555-0146');
    const start = t.clock.now();
    expect((await screen(t, coordinator, stale, clearScreen)).statusCode).toBe(201);
    t.clock.advance(DAY + HOUR);
    coordinator = await t.signIn('coordinator');
    expect((await screen(t, coordinator, clear, clearScreen)).statusCode).toBe(201);
    expect((await screen(t, coordinator, late, clearScreen)).statusCode).toBe(201);
    expect((await screen(t, coordinator, isolating, { symptoms: true, exposure: false })).statusCode).toBe(
      201,
    );
    // A clear screen after symptoms does not end the isolation.
    expect((await screen(t, coordinator, isolating, clearScreen)).statusCode).toBe(201);
    // The machine's clock set back a day: this screen is stored after Elena's clear one, for an earlier
    // time. Her newest screen is still the one of a day later, so she is clear.
    const after = t.clock.now();
    t.clock.set(start);
    expect((await screen(t, coordinator, late, clearScreen)).statusCode).toBe(201);
    t.clock.set(after);

    const { screening } = t.app.services;
    const ids = [clear, stale, isolating, never, late];
    const alone = new Map(ids.map((id) => [id, screening.stateOf(t.db, id)]));
    const whole = screening.statesOf(t.db);
    expect(ids.map((id) => stateIn(alone, id))).toEqual([
      'clear',
      'missing',
      'isolating',
      'missing',
      'clear',
    ]);
    expect(ids.map((id) => stateIn(whole, id))).toEqual(ids.map((id) => stateIn(alone, id)));
    for (const id of [clear, stale, isolating, late]) expect(whole.get(id)).toEqual(alone.get(id));
    // Asked for by id, from the kept copy now read: the same, and never-screened volunteers are missing.
    const some = screening.statesOf(t.db, [never, late, isolating]);
    expect([never, late, isolating].map((id) => some.get(id))).toEqual(
      [never, late, isolating].map((id) => alone.get(id)),
    );
  });

  it('follows a new screen at once and forgets one whose command failed', async () => {
    const ana = await add('Ana Lopez', '303-555-0142');
    expect((await screen(t, coordinator, ana, clearScreen)).statusCode).toBe(201);
    const { screening } = t.app.services;
    // The whole roster read keeps every volunteer's facts.
    expect(stateIn(screening.statesOf(t.db), ana)).toBe('clear');

    // A screen recorded inside a command that then fails leaves nothing behind.
    expect(() =>
      t.app.core.commands.run(systemActor, (ctx) => {
        screening.record(ctx, ana, { symptoms: true, exposure: false }, 'web');
        expect(stateIn(screening.statesOf(ctx.tx, [ana]), ana)).toBe('isolating');
        throw new Error('the rest of the command failed');
      }),
    ).toThrow('the rest of the command failed');
    expect(stateIn(screening.statesOf(t.db, [ana]), ana)).toBe('clear');
    expect(stateIn(screening.statesOf(t.db), ana)).toBe('clear');

    expect((await screen(t, coordinator, ana, { symptoms: false, exposure: true })).statusCode).toBe(201);
    expect(stateIn(screening.statesOf(t.db, [ana]), ana)).toBe('isolating');
    expect(stateIn(screening.statesOf(t.db), ana)).toBe('isolating');
  });
});
