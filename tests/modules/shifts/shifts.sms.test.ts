import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shiftSignups } from '../../../db/schema';
import { MINUTE } from '../../../server/lib/clock';
import { buildRosterApp, type TestApp } from '../../helpers/app';
import { addShift, addSite, addVolunteer, type ShiftView, signUp, text } from '../../helpers/fixtures';

const ANA = '+13035550142';

describe('shift keywords by SMS', () => {
  let t: TestApp;
  let coordinator: string;
  let siteId: number;
  let ana: number;
  // Monday 2026-03-02 08:00 in Denver.
  beforeEach(async () => {
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
    siteId = (await addSite(t, coordinator, { name: 'Greyhound' })).id;
    ana = (await addVolunteer(t, coordinator, { name: 'Ana Lopez', phone: ANA, smsLanguage: 'en' })).id;
  });
  afterEach(() => t.close());

  const shiftOn = (startsAt: string, endsAt: string, needed = 1) =>
    addShift(t, coordinator, { siteId, startsAt, endsAt, needed });
  /**
   * Texts in and answers the one reply, checking it fits one GSM-7 segment without accented vowels.
   * Ana's profile language is set first: for people we know, it is the language of the answer.
   */
  async function ask(body: string, from = ANA, lang: 'en' | 'es' = 'en'): Promise<string> {
    if (from === ANA) {
      await t.call(coordinator, {
        method: 'PATCH',
        url: `/api/volunteers/${ana}`,
        payload: { smsLanguage: lang },
      });
    }
    const { replies } = await text(t, coordinator, from, body);
    expect(replies).toHaveLength(1);
    expect(replies[0], replies[0]!.body).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(replies[0]!.body).not.toMatch(/[áíóú]/i);
    return replies[0]!.body;
  }
  const signupsOf = async (shiftId: number) => {
    const res = await t.call(coordinator, {
      method: 'GET',
      url: '/api/shifts?from=2026-03-01&to=2026-03-31',
    });
    return (res.json().items as ShiftView[]).find((s) => s.id === shiftId)!.signups;
  };

  describe('SHIFT / TURNO without a number', () => {
    let monday: ShiftView;
    let tuesday: ShiftView;
    let wednesday: ShiftView;
    beforeEach(async () => {
      wednesday = await shiftOn('2026-03-04T18:00', '2026-03-04T23:00', 2);
      tuesday = await shiftOn('2026-03-03T09:00', '2026-03-03T12:00');
      monday = await shiftOn('2026-03-02T18:00', '2026-03-02T22:00');
      const full = await shiftOn('2026-03-03T13:00', '2026-03-03T15:00');
      const beto = await addVolunteer(t, coordinator, { name: 'Beto', phone: '303-555-0143' });
      expect((await signUp(t, coordinator, full.id, beto.id)).statusCode).toBe(201);
      await shiftOn('2026-03-05T09:00', '2026-03-05T12:00'); // beyond the next 3 days
    });

    it('lists the first three open shifts of the next 3 days, in English for SHIFT', async () => {
      expect(await ask('SHIFT')).toBe(
        `Open shifts: SHIFT ${monday.id}: Mon Mar 2 18:00 Greyhound; SHIFT ${tuesday.id}: Tue Mar 3 09:00 Greyhound; ` +
          `SHIFT ${wednesday.id}: Wed Mar 4 18:00 Greyhound. Reply with one to sign up.`,
      );
    });

    it('lists them in Spanish to a volunteer whose profile is Spanish', async () => {
      expect(await ask('turno', ANA, 'es')).toBe(
        `Turnos abiertos: TURNO ${monday.id}: lun 2 mar 18:00 Greyhound; TURNO ${tuesday.id}: mar 3 mar 09:00 Greyhound; ` +
          `TURNO ${wednesday.id}: mie 4 mar 18:00 Greyhound. Responda con uno para apuntarse.`,
      );
    });
  });

  it('says so when nothing is open', async () => {
    await shiftOn('2026-03-09T09:00', '2026-03-09T12:00');
    expect(await ask('SHIFT')).toBe('No open shifts in the next 3 days. Thank you!');
    expect(await ask('TURNO', ANA, 'es')).toBe('No hay turnos abiertos en los proximos 3 dias. Gracias!');
  });

  it('SHIFT <n> signs up by text, shown on the web with source sms', async () => {
    const saturday = await shiftOn('2026-03-07T22:00', '2026-03-08T06:00', 2);
    expect(await ask(`SHIFT ${saturday.id}`)).toBe(
      `You're on shift ${saturday.id}: Sat Mar 7 22:00 at Greyhound. Thank you!`,
    );
    expect(await signupsOf(saturday.id)).toEqual([
      { volunteerId: ana, name: 'Ana Lopez', source: 'sms', counts: true, screening: 'missing' },
    ]);
  });

  it('TURNO <n> signs up and answers in Spanish', async () => {
    const saturday = await shiftOn('2026-03-07T22:00', '2026-03-08T06:00', 2);
    expect(await ask(`Turno  ${saturday.id}`, ANA, 'es')).toBe(
      `Apuntado al turno ${saturday.id}: sab 7 mar 22:00 en Greyhound. Gracias!`,
    );
    expect((await signupsOf(saturday.id)).map((s) => s.source)).toEqual(['sms']);
  });

  it("explains a refusal in the volunteer's language and signs nobody up", async () => {
    const open = await shiftOn('2026-03-03T09:00', '2026-03-03T12:00', 2);
    const full = await shiftOn('2026-03-03T13:00', '2026-03-03T15:00', 1);
    const over = await shiftOn('2026-03-02T07:30', '2026-03-02T08:30', 1);
    const beto = await addVolunteer(t, coordinator, { name: 'Beto', phone: '303-555-0143' });
    await signUp(t, coordinator, full.id, beto.id);
    await ask(`SHIFT ${open.id}`);

    expect(await ask(`SHIFT ${open.id}`)).toBe(`Shift ${open.id}: you are already on it.`);
    expect(await ask(`TURNO ${open.id}`, ANA, 'es')).toBe(`Turno ${open.id}: ya esta apuntado.`);
    expect(await ask(`SHIFT ${full.id}`)).toBe(`Shift ${full.id}: it is already full.`);
    expect(await ask(`TURNO ${full.id}`, ANA, 'es')).toBe(`Turno ${full.id}: ya esta completo.`);
    t.clock.advance(31 * MINUTE);
    expect(await ask(`SHIFT ${over.id}`)).toBe(`Shift ${over.id}: it is over.`);
    expect(await ask('SHIFT 999')).toBe('Shift 999: no such shift for you.');
    expect(await ask('TURNO 999', ANA, 'es')).toBe('Turno 999: no existe para usted.');

    await t.call(coordinator, { method: 'PATCH', url: `/api/volunteers/${ana}`, payload: { active: false } });
    const later = await shiftOn('2026-03-04T09:00', '2026-03-04T12:00', 1);
    expect(await ask(`SHIFT ${later.id}`)).toBe(`Shift ${later.id}: your profile is paused.`);
    expect(await ask(`TURNO ${later.id}`, ANA, 'es')).toBe(`Turno ${later.id}: su perfil esta en pausa.`);

    const mine = t.db
      .select()
      .from(shiftSignups)
      .all()
      .filter((s) => s.volunteerId === ana);
    expect(mine.map((s) => s.shiftId)).toEqual([open.id]);
  });

  it('DROP <n> and DEJAR <n> take the volunteer off the shift', async () => {
    const a = await shiftOn('2026-03-03T09:00', '2026-03-03T12:00', 2);
    const b = await shiftOn('2026-03-04T09:00', '2026-03-04T12:00', 2);
    await ask(`SHIFT ${a.id}`);
    await ask(`SHIFT ${b.id}`);
    expect(await ask(`DROP ${a.id}`)).toBe(`You're off shift ${a.id}. Thanks for telling us.`);
    expect(await ask(`dejar ${b.id}`, ANA, 'es')).toBe(`Ya no esta en el turno ${b.id}. Gracias por avisar.`);
    expect(await signupsOf(a.id)).toEqual([]);
    expect(await signupsOf(b.id)).toEqual([]);
    expect(await ask(`DROP ${a.id}`)).toBe(`Shift ${a.id}: no such shift for you.`);
    expect(await ask('DROP')).toBe('Shift ?: no such shift for you.');
  });

  it('STATUS and ESTADO give the next shift with the screening state, or say there is none', async () => {
    expect(await ask('STATUS')).toBe('No upcoming shift. Text SHIFT to see open ones.');
    expect(await ask('ESTADO', ANA, 'es')).toBe(
      'No tiene turnos proximos. Envie TURNO para ver los abiertos.',
    );

    const later = await shiftOn('2026-03-07T22:00', '2026-03-08T06:00', 2);
    const sooner = await shiftOn('2026-03-04T18:00', '2026-03-04T23:00', 2);
    await ask(`SHIFT ${later.id}`);
    await ask(`SHIFT ${sooner.id}`);
    expect(await ask('STATUS')).toBe(
      'Next shift: Wed Mar 4 18:00 at Greyhound. Screening: due today (text WELL or SICK).',
    );
    expect(await ask('estado', ANA, 'es')).toBe(
      'Su proximo turno: mie 4 mar 18:00 en Greyhound. Chequeo: pendiente (envie BIEN o ENFERMO).',
    );
    await ask('WELL');
    expect(await ask('STATUS')).toBe('Next shift: Wed Mar 4 18:00 at Greyhound. Screening: done.');
    expect(await ask('ESTADO', ANA, 'es')).toBe(
      'Su proximo turno: mie 4 mar 18:00 en Greyhound. Chequeo: hecho.',
    );
    await ask('SICK');
    expect(await ask('STATUS')).toBe('Next shift: Wed Mar 4 18:00 at Greyhound. Screening: isolating.');
    await ask(`DROP ${sooner.id}`);
    expect(await ask('ESTADO', ANA, 'es')).toBe(
      'Su proximo turno: sab 7 mar 22:00 en Greyhound. Chequeo: en aislamiento.',
    );
  });

  it.each(['SHIFT', 'TURNO 1', 'DROP 1', 'STATUS', 'ESTADO'])(
    '%s from a number that is not a volunteer gets the help text and changes nothing',
    async (body) => {
      await shiftOn('2026-03-03T09:00', '2026-03-03T12:00', 2);
      const reply = await ask(body, '+17205550199');
      expect(reply).toMatch(/^Bienvenida: (YES|SI)\/NO/);
      expect(t.db.select().from(shiftSignups).all()).toHaveLength(0);
    },
  );
});
