import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

const PREFIX = 'bienvenida-';

function stamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/**
 * An online backup (SQLite's backup API): consistent even while the server writes. Keeps the newest
 * `keep` files in the folder.
 */
export async function backupDatabase(
  source: Database.Database,
  dir: string,
  at: Date,
  keep = 14,
): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${PREFIX}${stamp(at)}.db`);
  await source.backup(file);
  const old = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(PREFIX) && f.endsWith('.db'))
    .sort()
    .reverse()
    .slice(keep);
  for (const f of old) fs.rmSync(path.join(dir, f));
  return file;
}

/** Answers SQLite's integrity check of a backup file: 'ok' when it can be restored. */
export function checkBackup(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the live database (the server must be stopped). The current file is kept
 * beside it as `<name>.before-restore-<time>`, and stale WAL files are removed so they are not replayed.
 */
export function restoreDatabase(backupFile: string, dbFile: string, at: Date): { previous: string | null } {
  const verdict = checkBackup(backupFile);
  if (verdict !== 'ok') throw new Error(`backup failed its integrity check: ${verdict}`);
  let previous: string | null = null;
  if (fs.existsSync(dbFile)) {
    // Fold any WAL content into the old file before it is set aside.
    const live = new Database(dbFile);
    live.pragma('wal_checkpoint(TRUNCATE)');
    live.close();
    previous = `${dbFile}.before-restore-${stamp(at)}`;
    fs.renameSync(dbFile, previous);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  fs.copyFileSync(backupFile, dbFile);
  return { previous };
}
