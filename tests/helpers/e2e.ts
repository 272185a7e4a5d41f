import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Role } from '../../db/schema';
import { LAPTOP, launchBrowser, type TestBrowser, type Viewport } from './browser';
import { startTestServer, type TestServer } from './server';

const WEB_INDEX = new URL('../../web/dist/index.html', import.meta.url);

export interface Account {
  email: string;
  name: string;
  password: string;
  role: Role;
}

export type Credentials = Pick<Account, 'email' | 'password'>;

/** Another client than the browser: the test process, straight through the API. */
export type Api = <T>(method: string, path: string, body?: unknown, status?: number) => Promise<T>;

export interface E2E {
  srv: TestServer;
  /** Signs in over HTTP and answers a client of the API as that account, expecting `status` (201 by default). */
  apiAs(who: Credentials): Promise<Api>;
  /**
   * A fresh Chromium profile, so no cookies, storage or service worker are shared; with `alone`, the
   * browsers opened before it are closed first.
   */
  launch(opts?: { locale?: string; alone?: boolean }): Promise<TestBrowser>;
  /** A fresh profile opened at `path` and signed in as `who`, in the language of the locale (en-US by default). */
  signedIn(
    who: Credentials,
    path: string,
    viewport?: Viewport,
    opts?: { locale?: string; alone?: boolean },
  ): Promise<{ browser: TestBrowser; page: Page }>;
  close(): Promise<void>;
}

const SIGN_IN = {
  en: { email: 'Email', password: 'Password', submit: 'Sign in' },
  es: { email: 'Correo electrónico', password: 'Contraseña', submit: 'Entrar' },
} as const;

/** Fills the sign-in form in `lang` and waits until the dashboard's live feed is connected. */
export async function signIn(page: Page, who: Credentials, lang: 'en' | 'es' = 'en'): Promise<void> {
  const labels = SIGN_IN[lang];
  await page.getByLabel(labels.email).fill(who.email);
  await page.getByLabel(labels.password).fill(who.password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor();
}

/** Marks the document, so a full reload (which would wipe the mark) cannot pass for a live update. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.body.dataset.sameDocument = 'yes';
  });
}

export async function expectNoReload(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.body.dataset.sameDocument)).toBe('yes');
}

/** The real app serving the built dashboard, with `accounts` created and no one signed in. */
export async function startE2E(opts: { env?: Record<string, string>; accounts: Account[] }): Promise<E2E> {
  if (!existsSync(WEB_INDEX))
    throw new Error('web/dist is missing: run `npm run build:web` before this test');
  const srv = await startTestServer(opts.env);
  for (const account of opts.accounts) await srv.createUser(account);
  const browsers: TestBrowser[] = [];

  const launch: E2E['launch'] = async ({ locale = 'en-US', alone = false } = {}) => {
    if (alone) for (const open of browsers.splice(0)) await open.close();
    const browser = await launchBrowser({ locale });
    browsers.push(browser);
    return browser;
  };

  return {
    srv,
    async apiAs(who) {
      const cookie = await srv.login(who.email, who.password);
      return async <T>(method: string, path: string, body?: unknown, status = 201): Promise<T> => {
        const res = await fetch(`${srv.url}${path}`, {
          method,
          headers: { cookie, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        expect(res.status, text).toBe(status);
        return JSON.parse(text) as T;
      };
    },
    launch,
    async signedIn(who, path, viewport = LAPTOP, { locale = 'en-US', alone = false } = {}) {
      const browser = await launch({ locale, alone });
      const page = await browser.open(`${srv.url}${path}`, viewport);
      await signIn(page, who, locale.startsWith('es') ? 'es' : 'en');
      return { browser, page };
    },
    async close() {
      for (const browser of browsers.splice(0)) await browser.close();
      await srv.close();
    },
  };
}

/** A page of the main navigation; on a phone the later ones are behind "More" (Más). */
export function navLink(page: Page, name: string) {
  return page.getByRole('navigation').locator('a', { hasText: new RegExp(`^${name}$`) });
}

/** Follows a main-navigation link, opening "More" first when a phone keeps it out of the bar. */
export async function navigateTo(page: Page, name: string): Promise<void> {
  const link = navLink(page, name);
  if (!(await link.isVisible())) await page.getByTestId('nav-more').click();
  await link.click();
}
