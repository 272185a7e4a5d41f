import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers/app';
import { addSite, getRelease, text } from '../../helpers/fixtures';
import {
  buildDispatchApp,
  dispatch,
  LEAD_PHONE,
  type Network,
  network,
  offerOf,
  reply,
  volunteer,
} from '../dispatch/dispatch.helpers';
import { releaseRows } from './releases.helpers';

describe('a release timeline names who acted by text', () => {
  let t: TestApp;
  let n: Network;
  beforeEach(async () => {
    t = await buildDispatchApp();
    n = await network(t);
    await addSite(t, n.coordinator, { name: 'Airport', smsKeyword: 'AIR' });
  });
  afterEach(() => t.close());

  const timelineOf = async (id: number) => (await getRelease(t, n.coordinator, id)).timeline;

  it('shows the volunteer who texted RELEASE and the one whose YES sent the team, by name', async () => {
    const maria = await volunteer(n, { name: 'María López', languages: ['es'] });
    const beto = await volunteer(n, { name: 'Beto Ruiz', languages: ['es'] });
    await text(t, n.coordinator, maria.phone, 'RELEASE AIR 2 1');
    const [row] = releaseRows(t);
    const d = await dispatch(n, row!.id, { needed: 1 });
    await reply(n, beto, `YES ${offerOf(d, beto.id).code}`);

    const timeline = await timelineOf(row!.id);
    expect(timeline.map((e) => [e.kind, e.toStatus, e.actor])).toEqual([
      ['created', 'reported', 'María López'],
      ['acknowledged', null, n.coordinatorName],
      ['status', 'team_en_route', 'Beto Ruiz'],
    ]);
    expect(JSON.stringify(timeline)).not.toMatch(/sms:|\*\*\*/);
  });

  it('names a coordinator who texts RELEASE from their own phone', async () => {
    await text(t, n.coordinator, LEAD_PHONE, 'RELEASE AIR 1 0');
    const [row] = releaseRows(t);
    expect((await timelineOf(row!.id)).map((e) => e.actor)).toEqual([n.coordinatorName]);
  });

  it('shows an erased volunteer as erased, never by their old name or number', async () => {
    const maria = await volunteer(n, { name: 'María López', languages: ['es'] });
    await text(t, n.coordinator, maria.phone, 'RELEASE AIR 2 0');
    const [row] = releaseRows(t);
    const admin = await t.signIn('admin');
    const erased = await t.call(admin, { method: 'DELETE', url: `/api/volunteers/${maria.id}` });
    expect(erased.statusCode).toBe(200);

    const res = await t.call(n.coordinator, { method: 'GET', url: `/api/releases/${row!.id}` });
    expect(res.json().timeline).toMatchObject([{ kind: 'created', actor: '', actorErased: true }]);
    expect(res.body).not.toContain('María');
    expect(res.body).not.toContain(maria.phone.slice(-4));
  });
});
