import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webDist } from '../../server/plugins/web';
import { buildTestApp, type TestApp } from '../helpers/app';
import { addVolunteer } from '../helpers/fixtures';

/** The entry script index.html loads; the build must exist (npm test builds before it runs). */
function entryScript(): string {
  const html = fs.readFileSync(path.join(webDist, 'index.html'), 'utf8');
  const src = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error('index.html loads no module script: run npm run build:web');
  return src;
}

describe('compressed answers', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(() => t.close());

  describe('the dashboard files', () => {
    it('are sent as built with brotli, or gzip, to a browser that accepts it, and as they are otherwise', async () => {
      const url = entryScript();
      const raw = fs.readFileSync(path.join(webDist, url));

      const br = await t.app.inject({
        method: 'GET',
        url,
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      expect(br.statusCode).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/javascript/);
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(br.headers['cache-control']).toContain('immutable');
      expect(zlib.brotliDecompressSync(br.rawPayload).equals(raw)).toBe(true);
      expect(br.rawPayload.length).toBeLessThan(raw.length / 2);

      const gz = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(gz.rawPayload).equals(raw)).toBe(true);

      const plain = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.rawPayload.equals(raw)).toBe(true);
    });

    it('include the page shell at every client-side route, small enough to send as it is', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/volunteers',
        headers: { 'accept-encoding': 'br' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain(entryScript());
      // Written for each reader (tests/plugins/web-html.test.ts), under the size worth compressing.
      expect(res.rawPayload.length).toBeLessThan(4096);
    });
  });

  describe('the overview', () => {
    it('asks a signed-in browser to fetch the board while the code loads, and no one else', async () => {
      const signedIn = await t.call(await t.signIn('viewer'), { method: 'GET', url: '/' });
      expect(signedIn.statusCode).toBe(200);
      expect(signedIn.headers['cache-control']).toBe('no-cache');
      expect(signedIn.body).toContain(entryScript());
      expect(signedIn.body).toContain(
        '<link rel="preload" as="fetch" crossorigin href="/api/releases?status=open">',
      );
      expect(signedIn.body).toContain('href="/api/dispatches?release=open"');
      // Where the page's live feed replays from: the newest event as the page was written.
      const since = Number(/<meta name="bv-live-since" content="(\d+)">/.exec(signedIn.body)?.[1]);
      await t.call(await t.signIn('coordinator'), {
        method: 'POST',
        url: '/api/sites',
        payload: { name: 'Depot', kind: 'warehouse' },
      });
      const later = await t.call(await t.signIn('viewer'), { method: 'GET', url: '/' });
      expect(Number(/<meta name="bv-live-since" content="(\d+)">/.exec(later.body)?.[1])).toBeGreaterThan(
        since,
      );

      const stranger = await t.call(null, { method: 'GET', url: '/' });
      expect(stranger.statusCode).toBe(200);
      expect(stranger.body).toContain(entryScript());
      expect(stranger.body).not.toContain('rel="preload"');
      expect(stranger.body).not.toContain('bv-live-since');
    });
  });

  describe('API answers', () => {
    it('gzips a large list for a client that accepts it, the same JSON once unpacked', async () => {
      const cookie = await t.signIn('coordinator');
      for (let i = 0; i < 40; i += 1) {
        await addVolunteer(t, cookie, { name: `Volunteer ${i}`, phone: `303-555-${String(1000 + i)}` });
      }
      const plain = await t.call(cookie, { method: 'GET', url: '/api/volunteers' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.rawPayload.length).toBeGreaterThan(4096);

      const packed = await t.call(cookie, {
        method: 'GET',
        url: '/api/volunteers',
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      expect(packed.statusCode).toBe(200);
      expect(packed.headers['content-encoding']).toBe('gzip');
      expect(packed.headers.vary).toMatch(/accept-encoding/i);
      expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      expect(JSON.parse(zlib.gunzipSync(packed.rawPayload).toString())).toEqual(plain.json());
    });

    it('leaves small answers, and clients that refuse gzip, alone', async () => {
      const cookie = await t.signIn('coordinator');
      const small = await t.call(cookie, {
        method: 'GET',
        url: '/api/auth/me',
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(small.headers['content-encoding']).toBeUndefined();
      expect(small.json().user.role).toBe('coordinator');

      for (let i = 0; i < 40; i += 1) {
        await addVolunteer(t, cookie, { name: `Volunteer ${i}`, phone: `303-555-${String(1000 + i)}` });
      }
      const refused = await t.call(cookie, {
        method: 'GET',
        url: '/api/volunteers',
        headers: { 'accept-encoding': 'gzip;q=0, identity' },
      });
      expect(refused.headers['content-encoding']).toBeUndefined();
      expect(refused.json().items).toHaveLength(40);
    });
  });
});
