import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { addRelease, addSite, auditRows, postRelease, text } from '../../helpers/fixtures';

describe('sites after create: rename, archive, delete', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  const patch = (id: number, payload: object) =>
    t.call(coordinator, { method: 'PATCH', url: `/api/sites/${id}`, payload });
  const remove = (id: number) => t.call(coordinator, { method: 'DELETE', url: `/api/sites/${id}` });
  const names = async (query = '') =>
    (await t.call(coordinator, { method: 'GET', url: `/api/sites${query}` }))
      .json()
      .items.map((s: { name: string }) => s.name);

  it('renames a site and refuses a name another site has, whatever its case', async () => {
    const grey = await addSite(t, coordinator, { name: 'Greyhound' });
    const air = await addSite(t, coordinator, { name: 'Airport', kind: 'airport' });
    const renamed = await patch(grey.id, { name: 'Greyhound Downtown', address: '1055 Broadway' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Greyhound Downtown', address: '1055 Broadway' });

    const clash = await patch(air.id, { name: 'greyhound downtown' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('duplicate_site_name');
    const again = await t.call(coordinator, {
      method: 'POST',
      url: '/api/sites',
      payload: { name: 'AIRPORT', kind: 'other' },
    });
    expect(again.statusCode).toBe(409);
    expect(await names()).toEqual(['Airport', 'Greyhound Downtown']);
    expect(auditRows(t, 'site.updated')).toHaveLength(1);
  });

  it('deletes a site nothing names, and archives one a release names, keeping its history', async () => {
    const unused = await addSite(t, coordinator, { name: 'Warehouse', kind: 'warehouse' });
    const grey = await addSite(t, coordinator, { name: 'Greyhound', smsKeyword: 'GREY' });
    const r = await addRelease(t, coordinator, { siteId: grey.id, adults: 2, children: 0 });

    expect((await remove(unused.id)).json()).toEqual({ deleted: true, archived: false });
    expect((await remove(grey.id)).json()).toEqual({ deleted: false, archived: true });
    expect(await names()).toEqual([]);
    expect(await names('?archived=true')).toEqual(['Greyhound']);

    const old = await t.call(coordinator, { method: 'GET', url: `/api/releases/${r.id}` });
    expect(old.json().siteName).toBe('Greyhound');
    const refused = await postRelease(t, coordinator, { siteId: grey.id, adults: 1, children: 0 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([{ path: 'body.siteId', message: 'this site is archived' }]);

    // A site can come back, and a new site may take an archived one's name.
    expect((await addSite(t, coordinator, { name: 'Greyhound' })).name).toBe('Greyhound');
    const back = await patch(grey.id, { archived: false });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.code).toBe('duplicate_site_name');
  });

  it('takes no RELEASE text for an archived site', async () => {
    const admin = await t.signIn('admin');
    const grey = await addSite(t, coordinator, { name: 'Greyhound', smsKeyword: 'GREY' });
    await addRelease(t, coordinator, { siteId: grey.id, adults: 1, children: 0 });
    await remove(grey.id);
    const me = await t.call(admin, { method: 'GET', url: '/api/auth/me' });
    await t.call(admin, {
      method: 'PATCH',
      url: `/api/users/${me.json().user.id}`,
      payload: { phone: '303-555-0150' },
    });
    const { replies } = await text(t, coordinator, '+13035550150', 'RELEASE GREY 2');
    expect(replies[0]!.body).toMatch(/^To report a release/);
  });

  it('answers 404 for a site that does not exist', async () => {
    expect((await patch(999, { name: 'X' })).statusCode).toBe(404);
    expect((await remove(999)).statusCode).toBe(404);
  });
});
