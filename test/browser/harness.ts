/**
 * The browser tests' world: the real server on a random loopback port over a fresh test database,
 * and Debian's Chromium driven by playwright-core (stack.md, trap 20: no downloaded browsers).
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { createContainer, type Container } from '../../src/app/container.ts';
import { buildServer, WEB_DIST } from '../../src/app/server.ts';
import type { App } from '../../src/platform/http.ts';
import { createTestDatabase, type TestDatabase, type TestTarget } from '../db.ts';

export const CHROMIUM = process.env.BEKOGAZ_CHROMIUM ?? '/usr/bin/chromium';

/** The UI is built by `npm run build:web`; the tests never build it themselves. */
export function assertWebBuilt(): void {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`web/dist/index.html is missing: run \`npm run build:web\` before the browser tests (looked in ${WEB_DIST})`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium or set BEKOGAZ_CHROMIUM`);
}

export type BrowserServer = {
  readonly url: string;
  readonly app: App;
  readonly c: Container;
  readonly db: TestDatabase;
  readonly close: () => Promise<void>;
};

/**
 * The whole product on 127.0.0.1:<random>, with the system clock (the browser's "today" must agree).
 * `cashdeskDataDir` keeps the hosted registers' fiscal modules out of the default data directory.
 */
export async function startBrowserServer(target: TestTarget, options: { readonly cashdeskDataDir?: string } = {}): Promise<BrowserServer> {
  const db = await createTestDatabase(target);
  const c = await createContainer({
    database: db,
    migrate: false,
    ...(options.cashdeskDataDir ? { cashdesk: { dataDir: options.cashdeskDataDir } } : {}),
  });
  const app = await buildServer(c);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    c,
    db,
    close: async () => {
      await app.close();
      await c.close();
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A small JSON client over the real socket, for seeding through the API as a given user. */
export async function apiAs(base: string, login: string, secret: string) {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, secret }) });
  if (!r.ok) throw new Error(`login ${login}: ${r.status} ${await r.text()}`);
  const { token } = (await r.json()) as { token: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
}

export type OpenPage = { readonly context: BrowserContext; readonly page: Page; readonly errors: string[] };

/**
 * A fresh context and page as a user in Dushanbe sees it (Tajik, Asia/Dushanbe), collecting the
 * page's uncaught errors into `errors`; with `consoleErrors`, also console errors other than failed
 * resources (a refusal the page expects, 4xx, is logged by Chromium as a failed resource).
 */
export async function openPage(
  browser: Browser,
  options: {
    readonly viewport?: { width: number; height: number };
    readonly timeoutMs?: number;
    readonly consoleErrors?: boolean;
    readonly context?: BrowserContextOptions;
  } = {},
): Promise<OpenPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1366, height: 900 },
    locale: 'tg-TJ',
    timezoneId: 'Asia/Dushanbe',
    ...options.context,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeoutMs ?? 20_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (options.consoleErrors)
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });
  return { context, page, errors };
}

/** Logs in on the login page and waits for the signed-in shell. */
export async function logInAs(page: Page, base: string, login: string, secret: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=secret]').fill(secret);
  await page.locator('form button[type=submit]').click();
  await page.getByTestId('user-block').waitFor();
}
