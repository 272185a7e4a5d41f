import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from '../../../server/texts';
import { buildRosterApp, type TestApp } from '../../helpers/app';
import { addSite, addVolunteer, auditRows, eventRows, text } from '../../helpers/fixtures';
import { releaseRows, timelineRows } from './releases.helpers';

const VOLUNTEER = '+13035550142';
/** A volunteer whose profile says Spanish: she is answered in Spanish. */
const VOLUNTEER_ES = '+13035550144';
const STRANGER = '+13035550177';

describe('RELEASE / LIBERACION by text', () => {
  let t: TestApp;
  let coordinator: string;
  let grey: number;
  beforeEach(async () => {
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
    grey = (await addSite(t, coordinator, { name: 'Greyhound', smsKeyword: 'grey' })).id;
    await addSite(t, coordinator, { name: 'Airport', smsKeyword: 'AIR' });
    await addSite(t, coordinator, { name: 'Warehouse' });
    await addVolunteer(t, coordinator, { name: 'Ana Lopez', phone: '303-555-0142' });
    await addVolunteer(t, coordinator, { name: 'Rosa Diaz', phone: '303-555-0144', smsLanguage: 'es' });
  });
  afterEach(() => t.close());

  const send = (from: string, body: string) => text(t, coordinator, from, body);

  it('logs a release from a registered volunteer and answers its code in English', async () => {
    const { replies } = await send(VOLUNTEER, 'RELEASE GREY 3 1');
    const rows = releaseRows(t);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      code: 'R-0001',
      siteId: grey,
      status: 'reported',
      adults: 3,
      children: 1,
      languages: [],
      needs: [],
      notes: null,
      source: 'sms',
    });
    expect(rows[0]!.reportedAt?.toISOString()).toBe('2026-03-02T15:00:00.000Z');
    expect(replies.map((r) => [r.body, r.language])).toEqual([
      ['Logged R-0001: 3 adults, 1 child at Greyhound. The team is being told. Thank you!', 'en'],
    ]);
    expect(replies[0]!.segments).toBe(1);

    const [line] = auditRows(t, 'release.created');
    expect(line).toMatchObject({ entityId: rows[0]!.id, changes: { source: 'sms', adults: 3, children: 1 } });
    expect(line!.actor).toMatch(/^sms:/);
    expect(line!.actor).not.toContain('5550142');
    expect(timelineRows(t, rows[0]!.id)).toMatchObject([{ kind: 'created', actor: line!.actor }]);
    expect(eventRows(t, 'release.created').map((e) => e.data.code)).toEqual(['R-0001']);
  });

  it('takes LIBERACION with accents, lower case and extra spaces, answering in Spanish with no children', async () => {
    const { replies } = await send(VOLUNTEER_ES, '  liberación   grey  2 ');
    expect(releaseRows(t)).toMatchObject([{ siteId: grey, adults: 2, children: 0, source: 'sms' }]);
    expect(replies.map((r) => [r.body, r.language])).toEqual([
      ['Registrada R-0001: 2 adultos en Greyhound. Avisamos al equipo. Gracias!', 'es'],
    ]);
    expect(replies[0]!.encoding).toBe('GSM-7');
  });

  it('answers a known volunteer in their profile language, whatever the keyword', async () => {
    await addVolunteer(t, coordinator, { name: 'Beto', phone: '303-555-0143', smsLanguage: 'es' });
    const { replies } = await send('+13035550143', 'release air 1');
    expect(replies[0]!.language).toBe('es');
    expect(replies[0]!.body).toMatch(/^Registrada R-0001: 1 adulto en Airport\./);
  });

  it('logs a release from a user who gave a phone', async () => {
    const admin = await t.signIn('admin');
    const user = await t.createUser('coordinator');
    const patched = await t.call(admin, {
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { phone: '(303) 555-0199' },
    });
    expect(patched.statusCode).toBe(200);
    const { replies } = await send('+13035550199', 'RELEASE AIR 4 2');
    expect(releaseRows(t)).toMatchObject([{ adults: 4, children: 2, source: 'sms' }]);
    expect(replies[0]!.body).toBe(
      'Logged R-0001: 4 adults, 2 children at Airport. The team is being told. Thank you!',
    );
  });

  it.each([
    ['RELEASE GREY 3 1', 'en'],
    ['LIBERACION GREY 3 1', 'es'],
  ] as const)(
    'creates nothing for %s from an unknown number and answers the help text',
    async (body, lang) => {
      const { replies } = await send(STRANGER, body);
      expect(releaseRows(t)).toHaveLength(0);
      expect(auditRows(t, 'release.created')).toHaveLength(0);
      expect(replies.map((r) => r.body)).toEqual([render('help', lang)]);
      expect(replies[0]!.body).not.toContain('Greyhound');
      expect(replies[0]!.body).not.toContain('GREY');
    },
  );

  it.each([
    ['RELEASE', 'en'],
    ['RELEASE NOPE 3', 'en'],
    ['RELEASE GREY x', 'en'],
    ['RELEASE GREY 0 0', 'en'],
    ['RELEASE GREY 0', 'en'],
    ['RELEASE GREY 3 -1', 'en'],
    ['RELEASE GREY 2.5', 'en'],
    ['RELEASE GREY 1000', 'en'],
    ['RELEASE GREY 600', 'en'],
    ['RELEASE GREY 3 501', 'en'],
    ['LIBERACION', 'es'],
    ['liberacion nope 3', 'es'],
    ['LIBERACION GREY x', 'es'],
    ['LIBERACION GREY 0 0', 'es'],
  ] as const)(
    'creates nothing for "%s" and answers how to report, listing site keywords',
    async (body, lang) => {
      const { replies } = await send(lang === 'es' ? VOLUNTEER_ES : VOLUNTEER, body);
      expect(releaseRows(t)).toHaveLength(0);
      expect(replies.map((r) => [r.body, r.language])).toEqual([
        [render('releaseUsage', lang, { sites: 'AIR, GREY' }), lang],
      ]);
    },
  );

  it('handles a webhook retried with the same message id once', async () => {
    const inbound = { from: VOLUNTEER, body: 'RELEASE GREY 3 1', messageSid: 'SM0123456789abcdef' };
    expect(t.app.services.sms.receive(inbound)).not.toBeNull();
    expect(t.app.services.sms.receive(inbound)).toBeNull();
    expect(releaseRows(t)).toHaveLength(1);
  });
});
