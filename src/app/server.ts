import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import { Type } from 'typebox';
import { createHttpApp, registerOpenApi, type App } from '../platform/http.ts';
import { accountRoutes } from './accounts.routes.ts';
import { authRoutes } from './auth.routes.ts';
import type { Container } from './container.ts';

const root = resolve(import.meta.dirname, '../..');
export const WEB_DIST = join(root, 'web/dist');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

/** The HTTP server: API, OpenAPI and /docs, and the web UI when it has been built. */
export async function buildServer(c: Container, options: { readonly logger?: boolean } = {}): Promise<App> {
  const hasWeb = existsSync(join(WEB_DIST, 'index.html'));
  const app = createHttpApp({
    spaShell: hasWeb ? readFileSync(join(WEB_DIST, 'index.html')) : undefined,
    database: c.database,
    clock: c.clock,
    problems: c.problems,
    accessGate: c.fiscal.accessGate,
    fastValidation: (url) => url.startsWith('/api/fiscal/intake/'),
    logger: options.logger ? { level: 'info' } : false,
  });
  await registerOpenApi(app, version);
  // The hosted virtual cash registers send their documents to the operator over HTTP; unless
  // BEKOGAZ_OPERATOR_URL names another, the operator is this server, at the address it listens on.
  app.addHook('onListen', async () => {
    const address = app.server.address();
    if (!address || typeof address === 'string') return;
    const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
    c.cashdesk.serverListening(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
  });

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness and the database in use',
        security: [],
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String(), version: Type.String() }) },
      },
    },
    async () => ({ status: 'ok' as const, database: c.database.kind, version }),
  );
  authRoutes(app, c);
  accountRoutes(app, c);
  for (const context of c.contexts) context.routes(app);

  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: ['index.html'] });
  return app;
}
