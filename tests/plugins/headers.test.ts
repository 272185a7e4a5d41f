import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/app';
import { buildConsoleApp, inbound } from '../modules/sms/sms.helpers';

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

describe('security headers where a browser reads the answer', () => {
  it('puts them on pages and the API, not on the answers only Twilio reads', async () => {
    const t = await buildConsoleApp();
    try {
      const api = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(api.headers['content-security-policy']).toContain("default-src 'self'");
      expect(api.headers['x-content-type-options']).toBe('nosniff');
      const res = await inbound(t, '+13035550199', 'HELP');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/xml/);
      expect(res.headers['content-security-policy']).toBeUndefined();
      // A forged webhook is still refused, headers or not.
      const forged = await t.app.inject({
        method: 'POST',
        url: '/sms/inbound',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' },
        payload: 'From=%2B13035550199&Body=STOP&MessageSid=SMforged',
      });
      expect(forged.statusCode).toBe(403);
    } finally {
      await t.close();
    }
  });
});
