import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/lib/commands';
import { startTestServer, type TestServer } from '../helpers/server';

// Requests logged at the same moment share one flush to disk, and none is answered before its row is
// there for any other reader (another process, or the file after a power cut).
describe('answers wait for the disk', () => {
  let server: TestServer;
  let cookie: string;
  let siteId: number;
  let reader: Database.Database;

  beforeAll(async () => {
    server = await startTestServer();
    await server.createUser({
      email: 'c@example.org',
      name: 'Coord',
      password: 'a long passphrase',
      role: 'coordinator',
    });
    cookie = await server.login('c@example.org', 'a long passphrase');
    siteId = server.app.services.sites.create(systemActor, { name: 'Bus station', kind: 'bus_station' }).id;
    reader = new Database(path.join(server.dataDir, 'bienvenida.db'), { readonly: true });
  });
  afterAll(async () => {
    reader.close();
    await server.close();
  });

  it('answers each of many concurrent releases only once another connection can read it, in fewer flushes', async () => {
    const onDisk = reader.prepare('SELECT code FROM releases WHERE id = ?');
    const n = 40;
    const round = (prefix: string) =>
      Promise.all(
        Array.from({ length: n }, async (_, i) => {
          const res = await fetch(`${server.url}/api/releases`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json', 'idempotency-key': `${prefix}-${i}` },
            body: JSON.stringify({ siteId, adults: 1, children: 0, languages: ['es'], needs: [] }),
          });
          expect(res.status).toBe(201);
          const body = (await res.json()) as { id: number; code: string };
          // Read the moment the answer arrives, before anything else runs.
          return { code: body.code, there: onDisk.get(body.id) as { code: string } | undefined };
        }),
      );
    // The first round opens the connections; the second arrives on open sockets, as a busy day does.
    await round('warm');
    let commits = 0;
    const stop = server.app.core.commands.onCommit(() => {
      commits += 1;
    });
    const seen = await round('group');
    stop();
    for (const s of seen) expect(s.there?.code).toBe(s.code);
    expect(new Set(seen.map((s) => s.code)).size).toBe(n);
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThan(n);
    // Each request's key was kept with its answer: a retry replays it.
    const retry = await fetch(`${server.url}/api/releases`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'idempotency-key': 'group-7' },
      body: JSON.stringify({ siteId, adults: 1, children: 0, languages: ['es'], needs: [] }),
    });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as { code: string }).code).toBe(seen[7]!.code);
  });
});
