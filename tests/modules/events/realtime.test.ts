import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENTS_PAGE } from '../../../server/infra/events.repo';
import { HOUR } from '../../../server/lib/clock';
import { systemActor } from '../../../server/lib/commands';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { addSite, eventRows } from '../../helpers/fixtures';
import { connectLive, refusedUpgrade } from '../../helpers/ws';

describe('live events on /ws', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  const createSite = (name: string) => addSite(t, coordinator, { name });
  const siteEventIds = () => eventRows(t, 'site.created').map((e) => e.id);

  describe('over a real connection', () => {
    let base: string;
    beforeEach(async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const address = t.app.server.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      base = `http://127.0.0.1:${address.port}`;
    });

    it('refuses an upgrade without a session with 401', async () => {
      const { status, body } = await refusedUpgrade(base, {});
      expect(status).toBe(401);
      expect(body.error.code).toBe('unauthenticated');
    });

    it('refuses an upgrade with a revoked session cookie with 401', async () => {
      const viewer = await t.signIn('viewer');
      await t.call(viewer, {
        method: 'POST',
        url: '/api/auth/logout',
        headers: { 'content-type': 'application/json' },
      });
      const { status } = await refusedUpgrade(base, { cookie: viewer });
      expect(status).toBe(401);
    });

    it('refuses a signed-in upgrade from a foreign Origin with 403 origin_refused', async () => {
      const viewer = await t.signIn('viewer');
      const { status, body } = await refusedUpgrade(base, { cookie: viewer, origin: 'https://evil.example' });
      expect(status).toBe(403);
      expect(body).toEqual({ error: { code: 'origin_refused', message: expect.any(String), details: [] } });
    });
  });

  it('accepts the dashboard origin and pushes a site created by another user as { id, type, at, data }', async () => {
    const viewer = await t.signIn('viewer');
    const client = await connectLive(t.app, { cookie: viewer, origin: 'http://localhost:3000' });

    const first = await createSite('Greyhound');
    const second = await createSite('Airport');
    const [a, b] = await client.waitFor(2);

    expect(a).toEqual({
      id: expect.any(Number),
      type: 'site.created',
      at: '2026-03-02T08:00:00-07:00',
      data: first,
    });
    expect(b).toMatchObject({ type: 'site.created', data: second });
    expect(b!.id).toBeGreaterThan(a!.id);
    expect(client.received).toHaveLength(2);
  });

  it('replays every event after ?since= in order, then live ones, with nothing missed or doubled', async () => {
    await createSite('A');
    await createSite('B');
    await createSite('C');
    const [firstId] = siteEventIds();

    const viewer = await t.signIn('viewer');
    const client = await connectLive(t.app, { cookie: viewer, since: firstId });
    const replayed = await client.waitFor(2);
    expect(replayed.map((e) => e.data.name)).toEqual(['B', 'C']);

    await createSite('D');
    await client.waitFor(3);
    await createSite('E');
    const all = await client.waitFor(4);

    expect(all.map((e) => e.data.name)).toEqual(['B', 'C', 'D', 'E']);
    const ids = all.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(4);
  });

  it('delivers every event of a command that emits more than one read takes, in order', async () => {
    const client = await connectLive(t.app, { cookie: await t.signIn('viewer') });
    const count = EVENTS_PAGE * 2 + 7;
    t.app.core.commands.run(systemActor, (ctx) => {
      for (let i = 0; i < count; i += 1) ctx.emit('bulk.item', { i });
    });
    const all = await client.waitFor(count);
    expect(all.map((e) => e.data.i)).toEqual(Array.from({ length: count }, (_, i) => i));
    // Nothing beyond them: the next event is the next one delivered.
    await createSite('After');
    const [next] = (await client.waitFor(count + 1)).slice(count);
    expect(next!.data.name).toBe('After');
  });

  it('without ?since= sends only what happens after connecting', async () => {
    await createSite('Before');
    const client = await connectLive(t.app, { cookie: await t.signIn('viewer') });
    await createSite('After');
    const [only] = await client.waitFor(1);
    expect(only!.data.name).toBe('After');
    expect(client.received).toHaveLength(1);
  });

  it('sends nothing for a command that rolled back, and stores no event', async () => {
    const client = await connectLive(t.app, { cookie: await t.signIn('viewer') });
    expect(() =>
      t.app.core.commands.run(systemActor, (ctx) => {
        ctx.emit('x.y', {});
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(eventRows(t, 'x.y')).toHaveLength(0);

    // Delivery is ordered per socket, so once the later event has arrived the rolled-back one never will.
    await createSite('Fence');
    const received = await client.waitFor(1);
    expect(received.map((e) => e.type)).toEqual(['site.created']);
  });

  it('sends nothing for a nested command whose caller rolls back, and still delivers what comes next', async () => {
    const client = await connectLive(t.app, { cookie: await t.signIn('viewer') });
    const { commands } = t.app.core;
    expect(() =>
      commands.run(systemActor, ({ emit }) => {
        emit('outer.x', {});
        commands.run(systemActor, (inner) => inner.emit('inner.x', {}));
        throw new Error('boom');
      }),
    ).toThrow('boom');

    // The rolled-back ids are handed out again; a client that had seen them would skip this one.
    await createSite('Next');
    const received = await client.waitFor(1);
    expect(received.map((e) => e.type)).toEqual(['site.created']);
  });

  it('shows admin-only events to admins and not to viewers, live and on replay', async () => {
    const admin = await t.signIn('admin');
    const viewer = await t.signIn('viewer');
    const adminClient = await connectLive(t.app, { cookie: admin });
    const viewerClient = await connectLive(t.app, { cookie: viewer });

    const created = await t.createUser('medical');
    await createSite('Fence');

    const adminEvents = await adminClient.waitFor(2);
    expect(adminEvents.map((e) => e.type)).toEqual(['user.created', 'site.created']);
    expect(adminEvents[0]!.data).toMatchObject({ id: created.id, role: 'medical' });
    const viewerEvents = await viewerClient.waitFor(1);
    expect(viewerEvents.map((e) => e.type)).toEqual(['site.created']);

    const adminReplay = await connectLive(t.app, { cookie: admin, since: 0 });
    const viewerReplay = await connectLive(t.app, { cookie: viewer, since: 0 });
    await createSite('Second fence');
    const viewerReplayed = await viewerReplay.waitFor(2);
    expect(viewerReplayed.map((e) => e.type)).toEqual(['site.created', 'site.created']);
    const userEvents = eventRows(t, 'user.created');
    const adminReplayed = await adminReplay.waitFor(userEvents.length + 2);
    expect(adminReplayed.filter((e) => e.type === 'user.created').map((e) => e.id)).toEqual(
      userEvents.map((e) => e.id),
    );
  });

  it('closes the socket with 4001 when its session signs out, and leaves other sessions open', async () => {
    const leaving = await t.signIn('viewer');
    const staying = await t.signIn('viewer');
    const leavingClient = await connectLive(t.app, { cookie: leaving });
    const stayingClient = await connectLive(t.app, { cookie: staying });

    const res = await t.call(leaving, {
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(204);
    expect((await leavingClient.closed).code).toBe(4001);

    await createSite('Still live');
    const [event] = await stayingClient.waitFor(1);
    expect(event!.data.name).toBe('Still live');
    expect(leavingClient.received).toHaveLength(0);
  });

  it('keeps a socket through heartbeats while its session is live, and closes it with 4001 once idle too long', async () => {
    const client = await connectLive(t.app, { cookie: await t.signIn('viewer') });
    const beat = () => t.app.hub.beat((id) => t.app.auth.isSessionLive(id));

    t.clock.advance(11 * HOUR);
    const pinged = client.nextPing();
    beat();
    await pinged;
    await createSite('Still open');
    await client.waitFor(1);

    t.clock.advance(HOUR + 1);
    beat();
    expect((await client.closed).code).toBe(4001);
  });

  it('closes the socket with 1009 when the client sends more than 1024 bytes', async () => {
    const client = await connectLive(t.app, { cookie: await t.signIn('viewer') });
    client.socket.send('x'.repeat(100));
    await createSite('Small messages are fine');
    await client.waitFor(1);

    client.socket.send('x'.repeat(1025));
    expect((await client.closed).code).toBe(1009);
  });
});
