import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/app';

describe('security headers follow PUBLIC_URL', () => {
  it.each([
    ['https://welcome.example.org', true],
    ['http://192.168.1.20:3000', false],
  ])('%s: upgrade-insecure-requests and HSTS only over https', async (url, https) => {
    const t = await buildTestApp({ env: { PUBLIC_URL: url } });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(res.headers['content-security-policy']?.includes('upgrade-insecure-requests')).toBe(https);
      expect(res.headers['strict-transport-security'] !== undefined).toBe(https);
    } finally {
      await t.close();
    }
  });
});
