import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../db/client';

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

const fromSources = ['--import', 'tsx', 'server/main.ts'];
// What `npm start` and the container run: the compiled bundle.
const compiled = ['dist/server/main.cjs'];

function start(env: Record<string, string>, entry = fromSources): Promise<Started> {
  // One process (no npx or tsx wrapper), so the signal reaches the server itself.
  const child = spawn(process.execPath, entry, {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listen line in:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/(?:Server listening|Bienvenida is running) at (http:\/\/127\.0\.0\.1:\d+)/);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('the server entry point', { timeout: 90_000 }, () => {
  let dir: string;
  beforeAll(() => {
    // Compile the current sources, as `npm start` does when they are newer than dist/.
    execFileSync(process.execPath, ['scripts/build-server.mjs']);
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-main-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps the setup link the last thing on screen at the default log level, however many requests come', async () => {
    const s = await start({ DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: '' });
    for (let i = 0; i < 5; i += 1) await fetch(`${s.url}/healthz`);
    await fetch(`${s.url}/api/setup`);
    const out = s.output().trimEnd();
    expect(out).toMatch(/\/setup#token=[\w-]{20,}$/);
    expect(out).not.toMatch(/incoming request|request completed/);
    expect(await stop(s.child)).toBe(0);
  });

  it('starts on defaults, migrates DATA_DIR, prints a setup link, seeds the demo, and stops cleanly on SIGTERM', async () => {
    const dataDir = path.join(dir, 'nested', 'data');
    const s = await start({ DATA_DIR: dataDir, DEMO: '1' }, compiled);
    const health = await fetch(`${s.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true, db: 'ok', sms: 'ok', smsDriver: 'console' });
    const page = await fetch(`${s.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await (await fetch(`${s.url}/api/setup`)).json()).toEqual({ needed: true });
    expect(s.output()).toMatch(/\/setup#token=[\w-]{20,}/);
    expect(await stop(s.child)).toBe(0);

    const db = openDb(path.join(dataDir, 'bienvenida.db'));
    const names = db.$client.prepare('select name from sites order by name').all() as { name: string }[];
    expect(names.length).toBeGreaterThanOrEqual(3);
    const housing = db.$client.prepare('select kind from housing_sites order by id').all() as {
      kind: string;
    }[];
    expect(housing.map((h) => h.kind)).toEqual([
      'place_of_worship',
      'volunteer_home',
      'volunteer_home',
      'shelter',
    ]);
    const stays = db.$client.prepare("select people from stays where status = 'active'").all();
    expect(stays).toEqual([{ people: 6 }]);
    // Weeks of hand-outs behind the stock, so the forecast has a pace; a gap in the medical rota.
    const past = db.$client
      .prepare("select count(*) as n from stock_movements where reason = 'hand_out' and at < ?")
      .get(Date.now() - 7 * 86_400_000) as { n: number };
    expect(past.n).toBeGreaterThanOrEqual(5);
    const away = db.$client.prepare('select count(*) as n from medical_contacts where active = 0').get() as {
      n: number;
    };
    expect(away.n).toBe(1);
    db.$client.close();
  });

  it('seeds the demo only into an empty database, so a restart does not double it', async () => {
    const first = await start({ DATA_DIR: dir, DEMO: '1' });
    await stop(first.child);
    const second = await start({ DATA_DIR: dir, DEMO: '1' });
    await stop(second.child);
    const db = openDb(path.join(dir, 'bienvenida.db'));
    const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
    const sites = count('select count(*) as n from sites');
    const seededSites = count(
      "select count(*) as n from audit where actor = 'demo' and action = 'site.created'",
    );
    const volunteers = count('select count(*) as n from volunteers');
    const seededVolunteers = count(
      "select count(*) as n from audit where actor = 'demo' and action = 'volunteer.created'",
    );
    const shifts = count('select count(*) as n from shifts');
    db.$client.close();
    expect(sites).toBe(seededSites);
    expect(volunteers).toBe(seededVolunteers);
    expect(volunteers).toBeGreaterThan(0);
    expect(shifts).toBeGreaterThan(0);
  });

  it('starts with the Twilio driver from the compiled bundle, where the client is a chunk loaded on demand', async () => {
    const s = await start(
      {
        DATA_DIR: dir,
        SMS_DRIVER: 'twilio',
        TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
        TWILIO_AUTH_TOKEN: 'test-token',
        TWILIO_FROM: '+15005550006',
        PUBLIC_URL: 'https://bienvenida.example.org',
      },
      compiled,
    );
    const health = (await (await fetch(`${s.url}/healthz`)).json()) as { smsDriver: string };
    expect(health.smsDriver).toBe('twilio');
    expect(await stop(s.child)).toBe(0);
  });

  it('creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD and prints no setup link', async () => {
    const s = await start({
      DATA_DIR: dir,
      ADMIN_EMAIL: 'lead@example.org',
      ADMIN_PASSWORD: 'long enough pass',
    });
    const res = await fetch(`${s.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'lead@example.org', password: 'long enough pass' }),
    });
    expect(res.status).toBe(200);
    expect(s.output()).not.toMatch(/setup#token=/);
    await stop(s.child);
  });
});
