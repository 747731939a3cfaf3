/**
 * The browser tests' world: the real server on a random loopback port over a fresh test database,
 * and Debian's Chromium driven by playwright-core (stack.md, trap 20: no downloaded browsers).
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
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
