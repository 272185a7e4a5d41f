import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../db/client';
import { openMigratedDb } from '../../db/client';
import type { Role } from '../../db/schema';
import { buildApp } from '../../server/app';
import { type Config, configFrom } from '../../server/config';
import { FakeClock } from '../../server/lib/clock';
import { systemActor } from '../../server/lib/commands';
import { hashPassword } from '../../server/lib/passwords';
import { consoleGateway, type SmsGateway } from '../../server/modules/sms/sms.gateway';
import { SESSION_COOKIE } from '../../server/plugins/auth';

export const TEST_PASSWORD = 'correct horse battery';

// Real OWASP-strength hash, computed once per test file: every test user shares it.
let sharedHash: Promise<string> | undefined;
export function testPasswordHash(): Promise<string> {
  sharedHash ??= hashPassword(TEST_PASSWORD);
  return sharedHash;
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  clock: FakeClock;
  config: Readonly<Config>;
  /** Creates a user with TEST_PASSWORD and answers it. */
  createUser(role: Role, email?: string): Promise<{ id: number; email: string; role: Role }>;
  /** A fresh session of a new user with that role, opened without a password round-trip. */
  session(role: Role): Promise<TestSession>;
  /** The cookie header of `session(role)`. */
  signIn(role: Role): Promise<string>;
  /** app.inject with the cookie and a JSON body. */
  call(cookie: string | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface TestSession {
  user: { id: number; email: string; role: Role };
  token: string;
  /** The cookie header that carries the session. */
  cookie: string;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  db?: Db;
  clock?: FakeClock;
  logStream?: NodeJS.WritableStream;
  /** The SMS port; the console driver unless a test needs another (e.g. the twilio driver on a fake). */
  sms?: SmsGateway;
}

/** The configuration every test app starts from, with `env` on top. */
export function testConfig(env: Record<string, string> = {}): Readonly<Config> {
  return configFrom({
    LOG_LEVEL: 'silent',
    NETWORK_TZ: 'America/Denver',
    DATA_DIR: '/tmp/bv-unused',
    ...env,
  });
}

let counter = 0;

export async function buildTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const config = testConfig(opts.env);
  const db = opts.db ?? openMigratedDb(':memory:');
  const clock = opts.clock ?? new FakeClock('2026-03-02T15:00:00Z');
  const app = await buildApp({
    db,
    clock,
    config,
    sms: opts.sms ?? consoleGateway(),
    logStream: opts.logStream,
  });
  await app.ready();

  const createUser: TestApp['createUser'] = async (role, email) => {
    counter += 1;
    const user = app.services.users.createWithHash(systemActor, {
      email: email ?? `${role}${counter}@example.org`,
      name: `${role} ${counter}`,
      role,
      passwordHash: await testPasswordHash(),
    });
    return { id: user.id, email: user.email, role: user.role };
  };

  const session: TestApp['session'] = async (role) => {
    const user = await createUser(role);
    const token = app.auth.openSession({ ...user, name: role }, '127.0.0.1');
    return { user, token, cookie: `${SESSION_COOKIE}=${token}` };
  };

  return {
    app,
    db,
    clock,
    config,
    createUser,
    session,
    async signIn(role) {
      return (await session(role)).cookie;
    },
    call(cookie, options) {
      const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
      if (cookie) headers.cookie = cookie;
      if (options.payload !== undefined && typeof options.payload !== 'string' && !headers['content-type']) {
        headers['content-type'] = 'application/json';
      }
      return app.inject({ ...options, headers });
    },
    async close() {
      await app.close();
      if (!opts.db) db.$client.close();
    },
  };
}

/** The session cookie a login response set, as a request header. */
export function cookieFrom(res: LightMyRequestResponse): string {
  const found = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!found) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `${SESSION_COOKIE}=${found.value}`;
}

/** The test app with an outbox fast enough that closing it never waits on pacing. */
export function buildRosterApp(opts: TestAppOptions = {}): Promise<TestApp> {
  return buildTestApp({ ...opts, env: { SMS_RATE_PER_SEC: '50', ...opts.env } });
}

/** One lifetime of an app on the SQLite file `file`: builds it, runs `fn`, then closes the app and the file. */
export async function withAppOn<T>(
  file: string,
  clock: FakeClock,
  fn: (t: TestApp) => Promise<T>,
  build: (opts: TestAppOptions) => Promise<TestApp> = buildTestApp,
): Promise<T> {
  const db = openMigratedDb(file);
  const t = await build({ db, clock });
  try {
    return await fn(t);
  } finally {
    await t.close();
    db.$client.close();
  }
}
