// Restores a backup over DATA_DIR's database. Stop the server first.
import path from 'node:path';
import { loadConfig } from '../server/config';
import { restoreDatabase } from '../server/lib/backup';

const loaded = loadConfig(process.env);
if (!loaded.ok) {
  for (const line of loaded.errors) console.error(`config error: ${line}`);
  process.exit(1);
}
const backup = process.argv[2];
if (!backup) {
  console.error('usage: npm run restore -- <backup file>');
  process.exit(2);
}
const { previous } = restoreDatabase(path.resolve(backup), loaded.config.dbFile, new Date());
console.log(`restored ${backup} into ${loaded.config.dbFile}`);
if (previous) console.log(`the database it replaced is kept at ${previous}`);
