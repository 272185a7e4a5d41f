// Builds what `npm start` runs when it is missing or older than its sources, so `npm start` works on a
// fresh checkout and after a pull: the dashboard (web/dist) and the compiled server (dist/server).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function newest(...paths) {
  let latest = 0;
  for (const full of paths) {
    const stat = fs.statSync(full);
    const time = stat.isDirectory()
      ? newest(...fs.readdirSync(full).map((name) => path.join(full, name)))
      : stat.mtimeMs;
    if (time > latest) latest = time;
  }
  return latest;
}

function stale(output, ...sources) {
  const built = path.join(root, output);
  return (
    !fs.existsSync(built) || fs.statSync(built).mtimeMs < newest(...sources.map((s) => path.join(root, s)))
  );
}

if (stale('web/dist/index.html', 'web/src', 'web/index.html', 'shared')) {
  execSync('npm run build:web', { cwd: root, stdio: 'inherit' });
}
if (stale('dist/server/main.cjs', 'server', 'shared', 'db', 'package-lock.json')) {
  execSync('npm run build:server', { cwd: root, stdio: 'inherit' });
}
