import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Viewport {
  width: number;
  height: number;
}

export const PHONE: Viewport = { width: 390, height: 844 };
export const LAPTOP: Viewport = { width: 1280, height: 800 };

export interface TestBrowser {
  context: BrowserContext;
  /** Opens a new tab at `url` with the given viewport size. */
  open(url: string, viewport?: Viewport): Promise<Page>;
  close(): Promise<void>;
}

export interface BrowserOptions {
  /** Sets navigator.language (and Accept-Language), which picks the dashboard's first language. */
  locale?: string;
  /** More Chromium switches, e.g. a host resolver rule that gives loopback a LAN name. */
  args?: string[];
  /** 'block': no service worker, so every page comes from the server as a first visit's would. */
  serviceWorkers?: 'allow' | 'block';
}

/**
 * A fresh Chromium profile per call, so cookies and localStorage never leak between tests. Playwright
 * refuses `--user-data-dir` in `launch()` args, hence a persistent context on a temporary directory.
 */
export async function launchBrowser(opts: BrowserOptions = {}): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'bv-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: opts.locale ?? 'en-US',
    serviceWorkers: opts.serviceWorkers ?? 'allow',
    viewport: LAPTOP,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(opts.args ?? []),
    ],
  });
  // Fail a missing element well inside the test's own timeout, with Playwright's clearer message.
  context.setDefaultTimeout(15_000);
  return {
    context,
    async open(url, viewport = LAPTOP) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(url);
      return page;
    },
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** True when the page scrolls sideways: content wider than the viewport. */
export async function hasHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}
