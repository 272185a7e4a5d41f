// Creates an admin from the command line: npm run create-admin -- <email> "<name>"
// The password is read from ADMIN_PASSWORD, or asked for on the terminal.
import { createInterface } from 'node:readline/promises';
import { openMigratedDb } from '../db/client';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { systemClock } from '../server/lib/clock';
import { consoleGateway } from '../server/modules/sms/sms.gateway';
import { createUserBody } from '../server/modules/users/users.schemas';

// ADMIN_PASSWORD here is this script's input, not the start-up admin pair the config checks.
const loaded = loadConfig({
  ...process.env,
  ADMIN_EMAIL: undefined,
  ADMIN_PASSWORD: undefined,
  LOG_LEVEL: 'silent',
});
if (!loaded.ok) {
  for (const line of loaded.errors) console.error(`config error: ${line}`);
  process.exit(1);
}
const [email, name] = process.argv.slice(2);
let password = process.env.ADMIN_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question('Password (at least 12 characters, not a common one): ');
  rl.close();
}
const input = createUserBody.safeParse({ email, name, password, role: 'admin' });
if (!input.success) {
  for (const issue of input.error.issues)
    console.error(`${issue.path.join('.') || 'input'}: ${issue.message}`);
  console.error(
    'usage: npm run create-admin -- <email> "<name>"   (password from ADMIN_PASSWORD or the prompt)',
  );
  process.exit(2);
}
const db = openMigratedDb(loaded.config.dbFile);
const app = await buildApp({ db, clock: systemClock, config: loaded.config, sms: consoleGateway() });
try {
  const user = await app.services.users.create({ userId: null, label: 'create-admin' }, input.data);
  console.log(`admin created: ${user.email}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
} finally {
  await app.close();
  db.$client.close();
}
