import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openMigratedDb } from '../../db/client';
import type { Role } from '../../db/schema';
import { buildApp } from '../../server/app';
import { configFrom } from '../../server/config';
import { systemClock } from '../../server/lib/clock';
import { systemActor } from '../../server/lib/commands';
import { hashPassword } from '../../server/lib/passwords';
import { consoleGateway } from '../../server/modules/sms/sms.gateway';
import { SESSION_COOKIE } from '../../server/plugins/auth';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  dataDir: string;
  createUser(u: {
    email: string;
    name: string;
    password: string;
    role: Role;
  }): Promise<{ id: number; email: string }>;
  /** Signs in over HTTP and answers the Cookie header to send with fetch(). */
  login(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/** The real app on a temp-dir SQLite file, listening on a free loopback port and serving web/dist. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-server-'));
  const config = configFrom({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, NETWORK_TZ: 'America/Denver', ...env });
  const db = openMigratedDb(config.dbFile);
  const app = await buildApp({ db, clock: systemClock, config, sms: consoleGateway() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const url = `http://127.0.0.1:${address.port}`;

  return {
    url,
    app,
    dataDir,
    async createUser(u) {
      const created = app.services.users.createWithHash(systemActor, {
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash: await hashPassword(u.password),
      });
      return { id: created.id, email: created.email };
    },
    async login(email, password) {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      const match = (res.headers.get('set-cookie') ?? '').match(new RegExp(`${SESSION_COOKIE}=([^;]+)`));
      if (!match) throw new Error('login set no session cookie');
      return `${SESSION_COOKIE}=${match[1]}`;
    },
    async close() {
      await app.close();
      db.$client.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
