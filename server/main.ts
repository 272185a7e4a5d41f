import { openMigratedDb } from '../db/client';
import { buildApp } from './app';
import { loadConfig } from './config';
import { seedDemo } from './demo/seed';
import { systemClock } from './lib/clock';
import { consoleGateway } from './modules/sms/sms.gateway';

/**
 * The whole start, in a function rather than at the module's top level: the compiled server is one
 * CommonJS file (scripts/build-server.mjs), which has no top-level await.
 */
async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    for (const line of loaded.errors) process.stderr.write(`config error: ${line}\n`);
    process.exit(1);
  }
  const config = loaded.config;
  const db = openMigratedDb(config.dbFile);
  // The Twilio client is loaded only when it is used: a console-SMS network never pays for it.
  const sms =
    config.SMS_DRIVER === 'twilio'
      ? (await import('./modules/sms/sms.twilio')).twilioGateway(config)
      : consoleGateway();
  const app = await buildApp({ db, clock: systemClock, config, sms });

  if (config.DEMO && seedDemo(app.services, app.core.clock.now())) app.log.info('demo network seeded');

  const firstRun = await app.services.setup.prepare();
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  app.core.scheduler.ensureRecurring();
  app.core.scheduler.start();

  if (firstRun.kind === 'admin_from_env') app.log.info('first admin created from ADMIN_EMAIL');
  // Request logs are at `warn` by default, so these lines stay on screen rather than scroll away.
  process.stdout.write(`\n  Bienvenida is running at ${address}\n`);
  if (firstRun.kind === 'setup_link') {
    process.stdout.write(
      `\n  No one can sign in yet. Open this one-time link to create the first admin:\n\n    ${firstRun.url}\n\n`,
    );
  }

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await app.close();
      db.$client.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
