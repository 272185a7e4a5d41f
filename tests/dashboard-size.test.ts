import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { webDist } from '../server/plugins/web';
import { readCatalogFiles } from '../server/plugins/web-html';

/** Issue 15's limit for what a phone downloads before the dashboard can draw anything. */
const FIRST_LOAD_LIMIT_KB = 150;

function gzipKb(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;
}

/** index.html, every file it names (scripts, modulepreloads, styles, manifest) and the reader's words, with what scripts import. */
function firstLoad(): string[] {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) throw new Error('web/dist is missing: run npm run build:web');
  const html = fs.readFileSync(index, 'utf8');
  const files = new Set([index]);
  const queue = [...html.matchAll(/(?:src|href)="\/([^"?#]+)"/g)].map((m) => path.join(webDist, m[1]!));
  // The reader's words, which the server preloads with the page (server/plugins/web-html.ts): the
  // larger language counts.
  const catalogs = Object.values(readCatalogFiles(webDist)).map((f) => path.join(webDist, f));
  expect(catalogs).toHaveLength(2);
  queue.push(catalogs.reduce((a, b) => (fs.statSync(a).size >= fs.statSync(b).size ? a : b)));
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (files.has(file) || !fs.existsSync(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    // Static imports between chunks load with the entry; dynamic import() ones load when a page opens.
    const code = fs.readFileSync(file, 'utf8');
    for (const m of code.matchAll(
      /(?:^|[;\n}])\s*import\s*(?:[\w${},*\s]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
    )) {
      queue.push(path.resolve(path.dirname(file), m[1]!));
    }
  }
  return [...files];
}

describe('the built dashboard', () => {
  it(`loads in at most ${FIRST_LOAD_LIMIT_KB} kB gzip on first visit, pages coming when opened`, () => {
    const files = firstLoad();
    const kb = files.reduce((n, f) => n + gzipKb(f), 0);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(files.some((f) => f.endsWith('.css'))).toBe(true);
    expect(kb).toBeLessThanOrEqual(FIRST_LOAD_LIMIT_KB);

    // Code-split: the pages a visit may never open are not part of that first load.
    const scripts = fs.readdirSync(path.join(webDist, 'assets')).filter((f) => f.endsWith('.js'));
    const later = scripts.filter((f) => !files.includes(path.join(webDist, 'assets', f)));
    expect(later.length).toBeGreaterThan(10);
  });

  it('precaches every script and style for offline use, and no compressed copy twice', () => {
    const sw = fs.readFileSync(path.join(webDist, 'sw.js'), 'utf8');
    const assets = fs.readdirSync(path.join(webDist, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    for (const asset of assets) expect(sw, asset).toContain(`assets/${asset}`);
    expect(sw).not.toMatch(/\.(br|gz)"/);
  });

  it('has a brotli and a gzip copy beside each text file, the same bytes once unpacked', () => {
    const assets = fs.readdirSync(path.join(webDist, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    for (const name of [...assets.map((a) => `assets/${a}`), 'index.html', 'sw.js']) {
      const raw = fs.readFileSync(path.join(webDist, name));
      expect(
        zlib.brotliDecompressSync(fs.readFileSync(path.join(webDist, `${name}.br`))).equals(raw),
        name,
      ).toBe(true);
      expect(zlib.gunzipSync(fs.readFileSync(path.join(webDist, `${name}.gz`))).equals(raw), name).toBe(true);
    }
  });
});
