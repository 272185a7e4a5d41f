import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FakeClock } from '../../server/lib/clock';
import { type TestApp, withAppOn } from './app';

/** Every file below the folder whose bytes hold the marker, in UTF-8 or UTF-16LE, relative to the folder. */
export function filesHolding(dir: string, marker: string): string[] {
  const needles = [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')];
  const out: string[] = [];
  const visit = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) visit(p);
      else if (needles.some((n) => fs.readFileSync(p).includes(n))) out.push(path.relative(dir, p));
    }
  };
  visit(dir);
  return out;
}

/** The app on a database file in a folder of its own, handed to `fn` to search; the folder goes afterwards. */
export async function withAppInTempDir<T>(
  prefix: string,
  clock: FakeClock,
  fn: (t: TestApp, dir: string) => Promise<T>,
): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    return await withAppOn(path.join(dir, 'bienvenida.db'), clock, (t) => fn(t, dir));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
