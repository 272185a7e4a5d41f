// Compiles the server into one ES module (dist/server/main.js) for production: no TypeScript
// transpiling at start, and only the code the server runs. Packages stay in node_modules.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

fs.rmSync(path.join(root, 'dist/server'), { recursive: true, force: true });
await build({
  entryPoints: [path.join(root, 'server/main.ts')],
  outdir: path.join(root, 'dist/server'),
  // Code loaded only on demand (the Twilio client) goes to its own chunk.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
