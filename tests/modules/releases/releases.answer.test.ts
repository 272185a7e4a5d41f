import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { releaseDetail } from '../../../server/modules/releases/releases.schemas';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { addSite, postRelease } from '../../helpers/fixtures';

// Logging a release answers without the response schema's check on the way out (it is the busiest
// write), so this checks the answer holds exactly what the schema allows, no field more.
describe('the answer to logging a release', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(() => t.close());

  it('is exactly the schema, nested timeline included, for a release with every field given', async () => {
    const coordinator = await t.signIn('coordinator');
    const site = await addSite(t, coordinator);
    const res = await postRelease(t, coordinator, {
      siteId: site.id,
      adults: 2,
      children: 1,
      languages: ['es', 'Mam'],
      needs: ['food', 'housing_tonight'],
      destination: 'Atlanta, GA',
      travelDate: '2026-03-05',
      notes: 'a mother and a toddler',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    // zod drops keys the schema does not name: equal only if there were none.
    expect(releaseDetail.parse(body)).toEqual(body);
    expect(body.timeline).toHaveLength(1);
    expect(body.timeline[0]).toMatchObject({ kind: 'created', actorErased: false });
  });

  it('gives each new release the next id and its code at once, never an id a deleted release had', async () => {
    const coordinator = await t.signIn('coordinator');
    const site = await addSite(t, coordinator);
    const log = async () => {
      const res = await postRelease(t, coordinator, {
        siteId: site.id,
        adults: 1,
        children: 0,
        languages: ['es'],
        needs: [],
      });
      expect(res.statusCode).toBe(201);
      return res.json() as { id: number; code: string };
    };
    const first = await log();
    const second = await log();
    expect(second.id).toBe(first.id + 1);
    expect(second.code).not.toBe(first.code);
    // The newest row gone (as a purge may leave it): its id is still not given again.
    t.db.$client.prepare('DELETE FROM release_timeline WHERE release_id = ?').run(second.id);
    t.db.$client.prepare('DELETE FROM releases WHERE id = ?').run(second.id);
    const third = await log();
    expect(third.id).toBe(second.id + 1);
    const stored = t.db.$client.prepare('SELECT id, code FROM releases ORDER BY id').all();
    expect(stored).toEqual([
      { id: first.id, code: first.code },
      { id: third.id, code: third.code },
    ]);
  });
});
