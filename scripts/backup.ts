// Takes an online backup of DATA_DIR's database into DATA_DIR/backups (safe while the server runs).
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../server/config';
import { backupDatabase } from '../server/lib/backup';

const loaded = loadConfig(process.env);
if (!loaded.ok) {
  for (const line of loaded.errors) console.error(`config error: ${line}`);
  process.exit(1);
}
const { dbFile, DATA_DIR } = loaded.config;
const dir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(DATA_DIR, 'backups');
const source = new Database(dbFile, { fileMustExist: true });
source.pragma('busy_timeout = 5000');
const file = await backupDatabase(source, dir, new Date());
source.close();
console.log(`backup written: ${file}`);
