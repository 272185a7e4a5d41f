import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screenings } from '../../../db/schema';
import { DAY } from '../../../server/lib/clock';
import { render } from '../../../server/texts';
import { buildRosterApp, type TestApp } from '../../helpers/app';
import { addVolunteer, eventRows, text } from '../../helpers/fixtures';

const ANA = '+13035550142';

describe('screening by SMS', () => {
  let t: TestApp;
  let coordinator: string;
  let volunteerId: number;
  beforeEach(async () => {
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
    // Her profile says English: for someone we know it wins over the keyword's language.
    volunteerId = (await addVolunteer(t, coordinator, { name: 'Ana Lopez', phone: ANA, smsLanguage: 'en' }))
      .id;
  });
  afterEach(() => t.close());

  const stored = () => t.db.select().from(screenings).all();
  const stateOf = async () =>
    (await t.call(coordinator, { method: 'GET', url: `/api/volunteers/${volunteerId}` })).json().screening;
  function expectOneSegment(replies: Array<{ encoding: string; segments: number }>) {
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  }

  it.each([
    ['WELL', 'en'],
    ['BIEN', 'en'],
    ['  bien ', 'en'],
    ['Well', 'en'],
  ] as const)('%j records a clear screen and answers in %s', async (body, lang) => {
    const { replies } = await text(t, coordinator, ANA, body);
    expect(replies.map((r) => [r.body, r.language, r.kind])).toEqual([
      [render('screenClear', lang, { name: 'Ana' }), lang, 'reply'],
    ]);
    expectOneSegment(replies);
    expect(stored()).toMatchObject([
      { volunteerId, symptoms: false, exposure: false, result: 'clear', source: 'sms' },
    ]);
    expect((await stateOf()).state).toBe('clear');
  });

  it.each([
    ['SICK', 'en', 'Mar 12'],
    ['ENFERMO', 'en', 'Mar 12'],
    ['enferma', 'en', 'Mar 12'],
    ['Enfermó', 'en', 'Mar 12'],
  ] as const)('%j starts isolation and answers in %s with the end date %s', async (body, lang, until) => {
    const { replies } = await text(t, coordinator, ANA, body);
    expect(replies.map((r) => r.body)).toEqual([render('screenIsolate', lang, { name: 'Ana', until })]);
    expectOneSegment(replies);
    expect(stored()).toMatchObject([{ symptoms: true, result: 'isolate', source: 'sms' }]);
    expect(await stateOf()).toMatchObject({ state: 'isolating', until: '2026-03-12T09:00:00-06:00' });
    expect(eventRows(t, 'screening.isolate').map((e) => e.data)).toEqual([
      expect.objectContaining({ volunteerId, name: 'Ana Lopez', startedIsolation: true }),
    ]);
  });

  it.each(['WELL', 'BIEN'])('answers %s in Spanish to a volunteer whose profile is Spanish', async (body) => {
    await t.call(coordinator, {
      method: 'PATCH',
      url: `/api/volunteers/${volunteerId}`,
      payload: { smsLanguage: 'es' },
    });
    const { replies } = await text(t, coordinator, ANA, body);
    expect(replies.map((r) => [r.body, r.language])).toEqual([
      [render('screenClear', 'es', { name: 'Ana' }), 'es'],
    ]);
  });

  it('WELL during isolation keeps it and says until when; BIEN after the end clears it', async () => {
    await text(t, coordinator, ANA, 'SICK');
    t.clock.advance(2 * DAY);
    coordinator = await t.signIn('coordinator');
    const during = await text(t, coordinator, ANA, 'WELL');
    expect(during.replies.map((r) => r.body)).toEqual([
      render('stillIsolating', 'en', { name: 'Ana', until: 'Mar 12' }),
    ]);
    expectOneSegment(during.replies);
    const duringEs = await text(t, coordinator, ANA, 'BIEN');
    expect(duringEs.replies.map((r) => r.body)).toEqual([
      render('stillIsolating', 'en', { name: 'Ana', until: 'Mar 12' }),
    ]);
    expect((await stateOf()).state).toBe('isolating');

    t.clock.advance(9 * DAY);
    coordinator = await t.signIn('coordinator');
    expect((await stateOf()).state).toBe('isolating');
    const after = await text(t, coordinator, ANA, 'BIEN');
    expect(after.replies.map((r) => r.body)).toEqual([render('screenClear', 'en', { name: 'Ana' })]);
    expect((await stateOf()).state).toBe('clear');
  });

  it('SICK during isolation pushes the end out', async () => {
    await text(t, coordinator, ANA, 'SICK');
    t.clock.advance(5 * DAY);
    coordinator = await t.signIn('coordinator');
    const again = await text(t, coordinator, ANA, 'SICK');
    expect(again.replies[0]!.body).toBe(render('screenIsolate', 'en', { name: 'Ana', until: 'Mar 17' }));
    expect((await stateOf()).until).toBe('2026-03-17T09:00:00-06:00');
  });

  it.each([
    ['WELL', 'en'],
    ['BIEN', 'es'],
    ['SICK', 'en'],
    ['ENFERMO', 'es'],
  ] as const)(
    '%s from a number that is not a volunteer records nothing and gives no data back',
    async (body, lang) => {
      const { replies } = await text(t, coordinator, '+17205550199', body);
      expect(stored()).toHaveLength(0);
      expect(eventRows(t, 'screening.isolate')).toHaveLength(0);
      // The router answers unknown numbers with the help text before any volunteer keyword runs.
      expect(replies.map((r) => [r.body, r.language])).toEqual([[render('help', lang), lang]]);
    },
  );
});
