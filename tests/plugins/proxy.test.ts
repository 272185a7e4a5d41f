import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { buildTestApp } from '../helpers/app';
import { auditRows } from '../helpers/fixtures';

/** The address a write is audited under when it arrives from `remote` with this X-Forwarded-For. */
async function auditedIp(env: Record<string, string>, forwarded: string, remote = '127.0.0.1') {
  const t = await buildTestApp({ env });
  try {
    const coordinator = await t.signIn('coordinator');
    await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      remoteAddress: remote,
      headers: { cookie: coordinator, 'x-forwarded-for': forwarded },
      payload: { name: 'Depot', kind: 'warehouse' },
    });
    return auditRows(t, 'site.created')[0]?.ip;
  } finally {
    await t.close();
  }
}

describe('client addresses behind proxies', () => {
  const spoofed = '6.6.6.6, 203.0.113.9';

  it('ignores X-Forwarded-For without TRUST_PROXY', async () => {
    expect(await auditedIp({}, spoofed)).toBe('127.0.0.1');
  });

  it('trusts only the configured number of hops, never the left-most address the client wrote', async () => {
    expect(await auditedIp({ TRUST_PROXY: '1' }, spoofed)).toBe('203.0.113.9');
    expect(await auditedIp({ TRUST_PROXY: '2' }, '6.6.6.6, 203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
  });

  it('trusts listed proxy addresses only', async () => {
    const env = { TRUST_PROXY: '10.0.0.2, 10.0.0.3' };
    expect(await auditedIp(env, spoofed, '10.0.0.2')).toBe('203.0.113.9');
    // A request that did not come through the proxy keeps its own address.
    expect(await auditedIp(env, spoofed, '198.51.100.7')).toBe('198.51.100.7');
  });

  it('refuses a TRUST_PROXY that is neither a hop count nor addresses', () => {
    for (const value of ['yes', '10', 'proxy.example.org']) {
      const result = loadConfig({ TRUST_PROXY: value });
      expect(result.ok, value).toBe(false);
    }
  });
});
