import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser';
import { signIn } from '../helpers/e2e';
import { startTestServer, type TestServer } from '../helpers/server';

const ACCOUNT = {
  email: 'lan@example.org',
  name: 'Lan Coordinator',
  password: 'a long lan password',
  role: 'coordinator' as const,
};

describe('the dashboard over plain http on a LAN name', () => {
  let srv: TestServer;
  let browser: TestBrowser;
  beforeAll(async () => {
    srv = await startTestServer();
    await srv.createUser(ACCOUNT);
    // A name that is not localhost, so Chromium treats the origin as an ordinary insecure one.
    browser = await launchBrowser({ args: ['--host-resolver-rules=MAP bienvenida.lan 127.0.0.1'] });
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  it('loads, signs in and goes live without https', async () => {
    const port = new URL(srv.url).port;
    const failed: string[] = [];
    const page = await browser.context.newPage();
    page.on('requestfailed', (r) => failed.push(r.url()));
    const res = await page.goto(`http://bienvenida.lan:${port}/`);
    expect(res?.headers()['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res?.headers()['strict-transport-security']).toBeUndefined();
    await signIn(page, ACCOUNT);
    expect(page.url()).toMatch(/^http:\/\/bienvenida\.lan:/);
    expect(failed.filter((u) => u.startsWith('https:'))).toEqual([]);
  });
});
