import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config';

function errorsOf(env: Record<string, string>): string[] {
  const result = loadConfig(env);
  if (result.ok) throw new Error('expected the configuration to be refused');
  return result.errors;
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const result = loadConfig({});
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const { config } = result;
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      PUBLIC_URL: 'http://localhost:3000',
      SMS_DRIVER: 'console',
      SMS_RATE_PER_SEC: 1,
      RETENTION_DAYS: 30,
      DEMO: false,
      secureCookies: false,
    });
    expect(config.DATA_DIR).toBe(path.resolve('./data'));
    expect(config.dbFile).toBe(path.join(path.resolve('./data'), 'bienvenida.db'));
    expect(config.NETWORK_TZ).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('derives PUBLIC_URL from PORT when it is not set', () => {
    const result = loadConfig({ PORT: '8080' });
    expect(result.ok && result.config.PUBLIC_URL).toBe('http://localhost:8080');
  });

  it('reads set values, turns DEMO=1 on and drops a trailing slash from PUBLIC_URL', () => {
    const result = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      PUBLIC_URL: 'https://welcome.example.org/',
      NETWORK_TZ: 'America/Chicago',
      RETENTION_DAYS: '7',
      SMS_RATE_PER_SEC: '3',
      DEMO: '1',
    });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.config).toMatchObject({
      PORT: 8080,
      HOST: '0.0.0.0',
      PUBLIC_URL: 'https://welcome.example.org',
      NETWORK_TZ: 'America/Chicago',
      RETENTION_DAYS: 7,
      SMS_RATE_PER_SEC: 3,
      DEMO: true,
    });
  });

  it('treats an empty variable as unset rather than as zero or a bad value', () => {
    const result = loadConfig({
      PORT: '',
      RETENTION_DAYS: '',
      SMS_RATE_PER_SEC: '',
      PUBLIC_URL: '',
      ADMIN_EMAIL: '',
    });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.config).toMatchObject({
      PORT: 3000,
      RETENTION_DAYS: 30,
      SMS_RATE_PER_SEC: 1,
      PUBLIC_URL: 'http://localhost:3000',
    });
    expect(result.config.ADMIN_EMAIL).toBeUndefined();
  });

  it('sets secure cookies exactly when PUBLIC_URL is https', () => {
    const https = loadConfig({ PUBLIC_URL: 'https://welcome.example.org' });
    const http = loadConfig({ PUBLIC_URL: 'http://10.0.0.5:3000' });
    expect(https.ok && https.config.secureCookies).toBe(true);
    expect(http.ok && http.config.secureCookies).toBe(false);
  });

  it('refuses bad values with exactly one line per bad variable, each starting with its name', () => {
    const errors = errorsOf({
      PORT: 'abc',
      NETWORK_TZ: 'Mars/Base',
      SMS_DRIVER: 'pigeon',
      RETENTION_DAYS: '-1',
    });
    expect(errors).toHaveLength(4);
    const names = ['PORT', 'NETWORK_TZ', 'SMS_DRIVER', 'RETENTION_DAYS'];
    for (const name of names) {
      expect(errors.filter((line) => line.startsWith(`${name}:`))).toHaveLength(1);
    }
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', '3000.5'],
    ['PUBLIC_URL', 'ftp://example.org'],
    ['PUBLIC_URL', 'not a url'],
    ['SMS_RATE_PER_SEC', '0'],
    ['DEMO', 'yes'],
    ['RETENTION_DAYS', 'thirty'],
    ['ADMIN_EMAIL', 'not-an-email'],
  ])('refuses %s=%s naming it', (name, value) => {
    const env: Record<string, string> = { [name]: value };
    if (name === 'ADMIN_EMAIL') env.ADMIN_PASSWORD = 'long enough password';
    const errors = errorsOf(env);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${name}:`));
  });

  it('names each missing Twilio credential when SMS_DRIVER=twilio', () => {
    const errors = errorsOf({ SMS_DRIVER: 'twilio' });
    expect(errors).toHaveLength(3);
    for (const name of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM']) {
      expect(errors.filter((line) => line.startsWith(`${name}:`))).toHaveLength(1);
    }
  });

  it('accepts twilio with a messaging service instead of a sender number', () => {
    const result = loadConfig({
      SMS_DRIVER: 'twilio',
      TWILIO_ACCOUNT_SID: 'AC123',
      TWILIO_AUTH_TOKEN: 'token',
      TWILIO_MESSAGING_SERVICE_SID: 'MG123',
    });
    expect(result.ok).toBe(true);
  });

  it('refuses an admin email without its password, naming the missing one', () => {
    const errors = errorsOf({ ADMIN_EMAIL: 'admin@example.org' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^ADMIN_PASSWORD:/);
  });
});

describe('the entry point', () => {
  it('stops with a non-zero exit and one line per bad variable', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-config-'));
    try {
      const { PATH, HOME } = process.env;
      const run = spawnSync('npx', ['tsx', 'server/main.ts'], {
        cwd: path.resolve(__dirname, '..'),
        env: { PATH, HOME, PORT: 'abc', NETWORK_TZ: 'Nowhere', DATA_DIR: dataDir },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).not.toBe(0);
      expect(run.status).not.toBeNull();
      const lines = `${run.stdout}\n${run.stderr}`.split('\n');
      expect(lines.filter((l) => /\bPORT\b/.test(l))).toHaveLength(1);
      expect(lines.filter((l) => /\bNETWORK_TZ\b/.test(l))).toHaveLength(1);
      // It stopped before opening the database.
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
