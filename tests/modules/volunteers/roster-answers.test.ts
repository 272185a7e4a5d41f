import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../server/lib/clock';
import { takesGzip } from '../../../server/modules/volunteers/volunteers.answers';
import { buildRosterApp, type TestApp } from '../../helpers/app';
import { addVolunteer, screen, text } from '../../helpers/fixtures';

type Roster = {
  items: { name: string; phone: string; optedOut: boolean; screening: { state: string } | null }[];
};

// The whole roster is gzipped once and sent again while it cannot differ; these check it never
// answers anything but what a fresh build would.
describe('the whole roster, kept gzipped', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
    await addVolunteer(t, coordinator, { name: 'Ana Lopez', phone: '303-555-0142' });
  });
  afterEach(() => t.close());

  async function roster(cookie: string, encoding = 'gzip, deflate, br'): Promise<Roster> {
    const res = await t.call(cookie, {
      method: 'GET',
      url: '/api/volunteers',
      headers: { 'accept-encoding': encoding },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    if (res.headers['content-encoding'] === 'gzip') {
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      return JSON.parse(gunzipSync(res.rawPayload).toString('utf8')) as Roster;
    }
    return res.json() as Roster;
  }

  it('answers gzipped exactly what it answers plain, to each role as that role may read it', async () => {
    const viewer = await t.signIn('viewer');
    for (const cookie of [coordinator, viewer]) {
      const plain = await roster(cookie, 'identity');
      expect(await roster(cookie)).toEqual(plain);
      expect(await roster(cookie)).toEqual(plain);
    }
    expect((await roster(coordinator)).items[0]!.phone).toBe('+13035550142');
    expect((await roster(viewer)).items[0]!.phone).not.toContain('0142');
  });

  it('shows a new volunteer, a screen and an opt-out on the very next request', async () => {
    const first = await roster(coordinator);
    expect(first.items.map((v) => v.name)).toEqual(['Ana Lopez']);
    const ben = await addVolunteer(t, coordinator, { name: 'Ben Okafor', phone: '303-555-0143' });
    expect((await roster(coordinator)).items.map((v) => v.name)).toEqual(['Ana Lopez', 'Ben Okafor']);
    expect((await screen(t, coordinator, ben.id, { symptoms: false, exposure: false })).statusCode).toBe(201);
    expect((await roster(coordinator)).items[1]!.screening!.state).toBe('clear');
    await text(t, coordinator, '+13035550142', 'STOP');
    expect((await roster(coordinator)).items[0]!.optedOut).toBe(true);
    await text(t, coordinator, '+13035550142', 'START');
    expect((await roster(coordinator)).items[0]!.optedOut).toBe(false);
  });

  it('lets a clear screen run out on time, though nothing was written', async () => {
    const ana = (await roster(coordinator, 'identity')).items[0]!;
    expect(ana.screening!.state).toBe('missing');
    const id = (await t.call(coordinator, { method: 'GET', url: '/api/volunteers' })).json().items[0]
      .id as number;
    await screen(t, coordinator, id, { symptoms: false, exposure: false });
    expect((await roster(coordinator)).items[0]!.screening!.state).toBe('clear');
    t.clock.advance(24 * HOUR - MINUTE);
    coordinator = await t.signIn('coordinator');
    expect((await roster(coordinator)).items[0]!.screening!.state).toBe('clear');
    t.clock.advance(MINUTE);
    expect((await roster(coordinator)).items[0]!.screening!.state).toBe('missing');
  });

  it('sends a filtered list as it is built, compressed or not by the usual rule', async () => {
    await addVolunteer(t, coordinator, { name: 'Ben Okafor', phone: '303-555-0143' });
    const res = await t.call(coordinator, {
      method: 'GET',
      url: '/api/volunteers?q=ben',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.json().items.map((v: { name: string }) => v.name)).toEqual(['Ben Okafor']);
  });

  it('reads Accept-Encoding as a browser or a careful client writes it', () => {
    expect(takesGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(takesGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(takesGzip('*')).toBe(true);
    expect(takesGzip(['deflate', 'gzip'])).toBe(true);
    expect(takesGzip('gzip;q=0')).toBe(false);
    expect(takesGzip('identity')).toBe(false);
    expect(takesGzip(undefined)).toBe(false);
  });
});
