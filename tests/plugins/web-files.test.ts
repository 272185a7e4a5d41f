import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDist } from '../../server/plugins/web';
import { buildTestApp, type TestApp } from '../helpers/app';

/** The dashboard's files, sent from the catch-all route: what it sends, and what it never does. */
describe('the dashboard files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const get = (url: string) =>
    t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });

  it('sends a built file as it is on disk, and its hashed assets for a year', async () => {
    const asset = fs.readdirSync(path.join(webDist, 'assets')).find((f) => f.endsWith('.js'))!;
    const res = await get(`/assets/${asset}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(fs.readFileSync(path.join(webDist, 'assets', asset)))).toBe(true);
    expect(res.headers['cache-control']).toContain('immutable');

    const manifest = await get('/manifest.webmanifest');
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing file with a 404 in the API shape, not the page shell', async () => {
    const res = await get('/assets/missing-0000.js');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/assets/..%2f..%2fpackage.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/.%2e/server/config.ts',
  ])('never sends a file outside the build: %s', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect([400, 403, 404]).toContain(res.statusCode);
    expect(res.body).not.toContain('"name": "bienvenida"');
    expect(res.body).not.toContain('NETWORK_TZ');
  });
});
