import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDist } from '../../server/plugins/web';
import { buildTestApp, type TestApp } from '../helpers/app';

/** The page as each reader gets it: their language, and that language's words fetched beside the code. */
describe('the page shell, written for its reader', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const page = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity', ...headers } });
  const catalogOf = (html: string) => /<link rel="modulepreload" crossorigin href="([^"]+)">/.exec(html)?.[1];
  const words = (file: string) => fs.readFileSync(path.join(webDist, file), 'utf8');

  it('preloads the Spanish words for a Spanish browser, the English ones otherwise, at every page', async () => {
    const spanish = await page('/volunteers', { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' });
    expect(spanish.statusCode).toBe(200);
    expect(spanish.body).toContain('<html lang="es">');
    const es = catalogOf(spanish.body)!;
    expect(words(es)).toContain('Respuesta rápida para redes de bienvenida');

    const english = await page('/', { 'accept-language': 'en-US,en;q=0.9' });
    expect(english.body).toContain('<html lang="en">');
    const en = catalogOf(english.body)!;
    expect(words(en)).toContain('Rapid response for welcome networks');
    expect(en).not.toBe(es);

    // The first language counts even with a weight on it, as the public sheets read it.
    expect(catalogOf((await page('/', { 'accept-language': 'es;q=0.9, en;q=0.8' })).body)).toBe(es);
    // No language asked for at all: English, as the dashboard itself would choose.
    expect(catalogOf((await page('/login')).body)).toBe(en);
    // The file preloaded is the file the browser gets, for a year.
    const served = await page(es);
    expect(served.statusCode).toBe(200);
    expect(served.headers['cache-control']).toContain('immutable');
  });

  it('follows the reader’s own choice over the browser’s, and ignores a cookie it does not know', async () => {
    const chosen = await page('/', { 'accept-language': 'en-US', cookie: 'bv_lang=es' });
    expect(chosen.body).toContain('<html lang="es">');
    expect(chosen.headers.vary).toMatch(/cookie/i);
    const english = catalogOf((await page('/', { 'accept-language': 'en-US' })).body);
    for (const cookie of ['bv_lang=fr', 'bv_lang=', `bv_lang=${'e'.repeat(5000)}`, 'bv_lang=%3Cscript%3E']) {
      const res = await page('/', { 'accept-language': 'en-US', cookie });
      expect(res.statusCode, cookie).toBe(200);
      expect(catalogOf(res.body), cookie).toBe(english);
      expect(res.body).not.toContain('<script>');
    }
  });

  it('keeps both languages out of the code every page loads first', () => {
    const html = fs.readFileSync(path.join(webDist, 'index.html'), 'utf8');
    const entry = /<script type="module" crossorigin src="\/([^"]+)">/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const code = fs.readFileSync(path.join(webDist, entry!), 'utf8');
    expect(code).not.toContain('Rapid response for welcome networks');
    expect(code).not.toContain('Respuesta rápida para redes de bienvenida');
  });

  it('holds no script that stops the page being read until it arrives', async () => {
    const html = (await page('/')).body;
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    // The service worker's registration among them, which once held the code behind it on a slow link.
    expect(scripts.some((s) => s.includes('registerSW'))).toBe(true);
    for (const tag of scripts) expect(tag, tag).toMatch(/\btype="module"|\bdefer\b|\basync\b/);
  });
});
