// The real server as an operator runs it, configured for the bench through the environment only.
import { type Child, freePort, scriptCommand, serverCommand, startChild } from './procs';

/** A Twilio auth token for the console driver, so the bench can sign inbound webhooks as Twilio would. */
export const BENCH_TWILIO_TOKEN = 'bench-twilio-auth-token';

/**
 * Production defaults except: console SMS (nothing leaves the machine), a token to sign webhooks with,
 * no scheduled backup (it would copy the database in the middle of a measurement) and loopback only.
 */
export async function startApp(
  dataDir: string,
  env: Record<string, string> = {},
  opts: { source?: boolean; nodeArgs?: string[] } = {},
): Promise<Child> {
  const port = await freePort();
  // The tests measure the code as it stands, never a compiled build that may be older.
  const cmd = opts.source ? scriptCommand('server/main.ts', [], opts.nodeArgs) : serverCommand(opts.nodeArgs);
  return startChild(cmd, {
    port,
    healthPath: '/healthz',
    env: {
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      NETWORK_TZ: 'America/Denver',
      SMS_DRIVER: 'console',
      TWILIO_AUTH_TOKEN: BENCH_TWILIO_TOKEN,
      BACKUP_INTERVAL_HOURS: '0',
      LOG_LEVEL: 'warn',
      DEMO: '',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      ...env,
    },
  });
}

export async function startBare(dataDir: string): Promise<Child> {
  const port = await freePort();
  return startChild(scriptCommand('scripts/bench/bare.ts'), {
    port,
    healthPath: '/healthz',
    env: { DATA_DIR: dataDir, PORT: String(port) },
  });
}
