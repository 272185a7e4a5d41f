import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { addVolunteer, screen, smsRows, text } from '../../helpers/fixtures';
import { connectLive } from '../../helpers/ws';

describe('changing users', () => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await buildTestApp();
    admin = await t.signIn('admin');
  });
  afterEach(() => t.close());

  const patch = (cookie: string, id: number, payload: Record<string, unknown>) =>
    t.call(cookie, { method: 'PATCH', url: `/api/users/${id}`, payload });

  it('demoting a coordinator ends their sessions and closes their live feed at once', async () => {
    const { user, cookie } = await t.session('coordinator');
    const live = await connectLive(t.app, { cookie });
    const res = await patch(admin, user.id, { role: 'viewer' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'viewer', disabled: false });
    expect((await live.closed).code).toBe(4001);
    expect((await t.call(cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('disabling ends sessions; renaming does not', async () => {
    const { user, cookie } = await t.session('viewer');
    expect((await patch(admin, user.id, { name: 'New Name' })).statusCode).toBe(200);
    expect((await t.call(cookie, { method: 'GET', url: '/api/auth/me' })).json().user.name).toBe('New Name');
    expect((await patch(admin, user.id, { disabled: true })).json().disabled).toBe(true);
    expect((await t.call(cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('keeps at least one active admin', async () => {
    const me = (await t.call(admin, { method: 'GET', url: '/api/auth/me' })).json().user;
    const res = await patch(admin, me.id, { role: 'coordinator' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('last_admin');
    expect((await patch(admin, me.id, { disabled: true })).json().error.code).toBe('last_admin');
    expect((await t.call(admin, { method: 'GET', url: '/api/auth/me' })).json().user.role).toBe('admin');
  });

  it('normalises phones, refuses a duplicate, and 404s an unknown user', async () => {
    const { user } = await t.session('coordinator');
    const other = await t.createUser('viewer');
    expect((await patch(admin, user.id, { phone: '(303) 555-0142' })).json().phone).toBe('+13035550142');
    const dup = await patch(admin, other.id, { phone: '303.555.0142' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('duplicate_phone');
    expect((await patch(admin, other.id, { phone: 'not a phone' })).json().error.details[0].path).toBe(
      'body.phone',
    );
    expect((await patch(admin, 9999, { name: 'X' })).statusCode).toBe(404);
    expect((await patch(admin, user.id, {})).statusCode).toBe(400);
  });

  it('texts coordinators with a phone, in their language, when a volunteer starts isolating', async () => {
    const { user } = await t.session('coordinator');
    await patch(admin, user.id, { phone: '+13035550150', smsLanguage: 'es' });
    const coordinator = await t.signIn('coordinator');
    const v = await addVolunteer(t, coordinator, { name: 'Ana Ruiz', phone: '+13035550151' });
    await screen(t, coordinator, v.id, { symptoms: true });
    await screen(t, coordinator, v.id, { symptoms: true }); // still isolating: no second alert
    const alerts = smsRows(t).filter((m) => m.phone === '+13035550150');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.body).toMatch(/^Bienvenida: Ana Ruiz reporto sintomas/);
  });

  it('recognises a user who texts in by their phone', async () => {
    const { user } = await t.session('coordinator');
    await patch(admin, user.id, { phone: '+13035550160', smsLanguage: 'es' });
    const coordinator = await t.signIn('coordinator');
    const { replies } = await text(t, coordinator, '+13035550160', 'hola');
    // A known user writing nothing we know gets the help text in their own language.
    expect(replies[0]!.body).toMatch(/^Bienvenida: SI\/NO/);
  });
});
