import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { createContainer, type Container } from '../src/app/container.ts';
import { buildServer } from '../src/app/server.ts';
import { createAccount, type Role } from '../src/platform/auth.ts';
import { fixedClock } from '../src/platform/clock.ts';
import type { App } from '../src/platform/http.ts';
import { createTestDatabase, type TestDatabase, type TestTarget } from './db.ts';

export type Clock = ReturnType<typeof fixedClock>;

/** A response as tests read it. */
export type Reply = { readonly status: number; readonly body: any; readonly headers: Record<string, unknown>; readonly text: string };

/** An HTTP client over `inject` (no socket) that carries one session. */
export type Client = {
  readonly get: (path: string, headers?: Record<string, string>) => Promise<Reply>;
  readonly post: (path: string, body?: unknown, headers?: Record<string, string>) => Promise<Reply>;
  readonly put: (path: string, body?: unknown, headers?: Record<string, string>) => Promise<Reply>;
  readonly token: string | undefined;
};

export type TestApp = {
  readonly c: Container;
  readonly app: App;
  readonly clock: Clock;
  readonly db: TestDatabase;
  /** The server's data directory (the cash desk's fiscal modules live here); removed on close. */
  readonly dataDir: string;
  /** A client without a session (the public). */
  readonly anon: Client;
  /** Logs in and returns a client with that session. */
  readonly login: (login: string, secret: string) => Promise<Client>;
  /** Creates an account of a role and logs it in. */
  readonly as: (role: Role, extra?: { tin?: string; orgId?: string; unitId?: string; login?: string }) => Promise<Client>;
  readonly close: () => Promise<void>;
};

const toReply = (r: LightMyRequestResponse): Reply => {
  let body: unknown;
  try {
    body = r.json();
  } catch {
    body = undefined;
  }
  return { status: r.statusCode, body, headers: r.headers, text: r.body };
};

function client(app: App, token?: string): Client {
  const headers = (extra?: Record<string, string>) => ({ ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra });
  return {
    token,
    get: async (url, extra) => toReply(await app.inject({ method: 'GET', url, headers: headers(extra) })),
    post: async (url, body, extra) =>
      toReply(await app.inject({ method: 'POST', url, headers: headers(extra), ...(body === undefined ? {} : { payload: body as object }) })),
    put: async (url, body, extra) =>
      toReply(await app.inject({ method: 'PUT', url, headers: headers(extra), ...(body === undefined ? {} : { payload: body as object }) })),
  };
}

let counter = 0;

/** A migrated database, the whole container and the HTTP app, with a clock the test moves. */
export async function startTestApp(target: TestTarget, now = '2026-03-02T05:00:00Z'): Promise<TestApp> {
  const db = await createTestDatabase(target);
  const clock = fixedClock(now);
  const dataDir = mkdtempSync(join(tmpdir(), 'bekogaz-test-'));
  const c = await createContainer({ database: db, clock, migrate: false, cashdesk: { dataDir } });
  const app = await buildServer(c);
  await app.ready();
  const login = async (loginName: string, secret: string) => {
    const r = toReply(await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: loginName, secret } }));
    if (r.status !== 200) throw new Error(`login ${loginName} failed: ${r.status} ${r.text}`);
    return client(app, r.body.token);
  };
  return {
    c,
    app,
    clock,
    db,
    dataDir,
    anon: client(app),
    login,
    as: async (role, extra = {}) => {
      counter += 1;
      const name = extra.login ?? extra.tin ?? `${role}-${process.pid}-${counter}`;
      await createAccount(
        db.db,
        { role, login: name, secret: 'secret-123456', displayName: `${role} ${counter}`, tin: extra.tin, orgId: extra.orgId, unitId: extra.unitId },
        clock.now(),
      );
      return login(name, 'secret-123456');
    },
    close: async () => {
      await app.close();
      await c.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
