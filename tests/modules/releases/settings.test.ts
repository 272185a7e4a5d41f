import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/app';

describe('GET /api/settings', () => {
  it('leaves "text volunteers now" unticked unless the network chose otherwise', async () => {
    const t = await buildTestApp();
    try {
      const res = await t.call(await t.signIn('coordinator'), { method: 'GET', url: '/api/settings' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ dispatchOnLog: false });
    } finally {
      await t.close();
    }
  });

  it('tells every signed-in role when DISPATCH_ON_LOG is on', async () => {
    const t = await buildTestApp({ env: { DISPATCH_ON_LOG: '1' } });
    try {
      for (const role of ['admin', 'coordinator', 'viewer'] as const) {
        const res = await t.call(await t.signIn(role), { method: 'GET', url: '/api/settings' });
        expect(res.json(), role).toEqual({ dispatchOnLog: true });
      }
    } finally {
      await t.close();
    }
  });

  it('refuses a value that is not on or off, naming it', async () => {
    await expect(buildTestApp({ env: { DISPATCH_ON_LOG: 'sometimes' } })).rejects.toThrow(/DISPATCH_ON_LOG/);
  });
});
