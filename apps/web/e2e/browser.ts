import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium package (`.ci/run` installs it); driven by playwright-core, no downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether the end-to-end tests run: always in CI (a missing browser there is a failure, never a
 * skip); elsewhere only where the browser is installed.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing and CI is set: install Debian's chromium (apt-get install chromium; .ci/run does) — the end-to-end tests may not be skipped in CI`);
  return false;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORT = { width: 1280, height: 800 };

export interface OpenBrowser {
  context: BrowserContext;
  version: string;
  close(): Promise<void>;
}

/** Chromium with a fresh profile (user-data-dir) of its own, removed on close. */
export async function launchChromium(): Promise<OpenBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'liangxin-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const version = context.browser()?.version() ?? (await versionFrom(context));
  return {
    context,
    version,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function versionFrom(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    const { product } = (await session.send('Browser.getVersion')) as { product: string };
    return product;
  } finally {
    await page.close();
  }
}

export type { Browser, Page };

/** docs/screenshots/, written only when asked (SCREENSHOTS=1, or `npm run screenshots`), so test runs leave the tree clean. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
export const SCREENSHOTS = process.env.SCREENSHOTS === '1';

export async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Let fonts, charts' animations and lazy chunks settle.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}
