import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP } from '../helpers/browser';
import { type Account, type Api, type E2E, startE2E } from '../helpers/e2e';

const coordinator: Account = {
  email: 'rosa@example.org',
  name: 'Rosa Medina',
  password: 'bienvenidos-2026',
  role: 'coordinator',
};

describe('a network that texts volunteers as soon as a release is logged', { timeout: 120_000 }, () => {
  let e2e: E2E;
  let call: Api;

  beforeAll(async () => {
    e2e = await startE2E({
      env: { SMS_QUIET_HOURS: 'off', DISPATCH_ON_LOG: '1' },
      accounts: [coordinator],
    });
    call = await e2e.apiAs(coordinator);
    const site = await call<{ id: number }>('POST', '/api/sites', { name: 'Greyhound', kind: 'bus_station' });
    await call('POST', '/api/releases', {
      siteId: site.id,
      releasedAt: new Date(Date.now() - 130 * 60_000).toISOString(),
      adults: 2,
      children: 0,
    });
  }, 60_000);

  afterAll(() => e2e?.close());

  it('starts the release form with "text volunteers now" ticked', async () => {
    const { page } = await e2e.signedIn(coordinator, '/releases/new', LAPTOP, { alone: true });
    const box = page.getByTestId('intake-dispatch');
    await expect.poll(() => box.isChecked()).toBe(true);
  });

  it('ages a release logged late from when the family was let out', async () => {
    const { page } = await e2e.signedIn(coordinator, '/releases', LAPTOP, { alone: true });
    const age = page.getByTestId('release-card').first().getByTestId('release-age');
    await expect.poll(() => age.textContent()).toMatch(/^Released 2 h 1\d min ago$/);
  });
});
