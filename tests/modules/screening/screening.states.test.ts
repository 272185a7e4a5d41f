import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../server/lib/clock';
import { buildRosterApp, type TestApp } from '../../helpers/app';
import { addVolunteer, screen } from '../../helpers/fixtures';

// Shift coverage asks for the signed-up volunteers' states one by one; a large roster is read in one
// pass. Both must judge every volunteer the same.
describe('screening states of many volunteers', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  it('judges a few looked up one by one as the whole roster read at once judges them', async () => {
    const add = async (name: string, phone: string) =>
      (await addVolunteer(t, coordinator, { name, phone })).id;
    const clear = await add('Ana Lopez', '303-555-0142');
    const stale = await add('Ben Okafor', '303-555-0143');
    const isolating = await add('Carla Mendez', '303-555-0144');
    const never = await add('Dario Ruiz', '303-555-0145');
    expect((await screen(t, coordinator, stale, { symptoms: false, exposure: false })).statusCode).toBe(201);
    t.clock.advance(DAY + HOUR);
    coordinator = await t.signIn('coordinator');
    expect((await screen(t, coordinator, clear, { symptoms: false, exposure: false })).statusCode).toBe(201);
    expect((await screen(t, coordinator, isolating, { symptoms: true, exposure: false })).statusCode).toBe(
      201,
    );
    // A clear screen after symptoms does not end the isolation.
    expect((await screen(t, coordinator, isolating, { symptoms: false, exposure: false })).statusCode).toBe(
      201,
    );

    const { screening } = t.app.services;
    const ids = [clear, stale, isolating, never, clear];
    const oneByOne = screening.statesOf(t.db, ids);
    const whole = screening.statesOf(t.db);
    const stateIn = (m: Map<number, { state: string }>, id: number) => m.get(id)?.state ?? 'missing';
    expect(ids.map((id) => stateIn(oneByOne, id))).toEqual([
      'clear',
      'missing',
      'isolating',
      'missing',
      'clear',
    ]);
    expect(ids.map((id) => stateIn(whole, id))).toEqual(ids.map((id) => stateIn(oneByOne, id)));
    for (const id of [clear, stale, isolating]) expect(oneByOne.get(id)).toEqual(whole.get(id));
  });
});
