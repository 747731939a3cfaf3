/**
 * The fiscal module's local protocol: the port of port.ts as JSON over HTTP on 127.0.0.1, so that a
 * register in another process (a browser shell, a POS program) uses the module as it would a USB
 * key (p.71). Loopback only, an optional bearer token, JSON bodies only (a web page cannot post
 * JSON across origins without a preflight this server never grants) and a Host check against DNS
 * rebinding. Endpoints and bodies: docs/fiscal-module.md "Local protocol".
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pickLanguage } from '../../../../platform/i18n.ts';
import type { Result } from '../../../../platform/result.ts';
import { type FiscalModuleErrorCode, fiscalModuleProblems } from '../../domain/fiscal-module-errors.ts';
import type { FiscalModulePort, ModuleFailure } from './port.ts';

export type LocalServerOptions = {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  readonly token?: string;
};

export type LocalServer = { readonly url: string; close(): Promise<void> };

const MAX_BODY = 1 << 20;
const PREFIX = '/v1';

type Route = (body: unknown, query: URLSearchParams) => Promise<{ status: number; result: Result<unknown, ModuleFailure> }>;

function routes(module: FiscalModulePort): Record<string, Route> {
  const answer = (status: number) => async (result: Promise<Result<unknown, ModuleFailure>>) => ({ status, result: await result });
  return {
    'GET /status': (_b, q) => answer(200)(module.status({ at: q.get('at') ?? new Date().toISOString() })),
    'POST /personalise': () => answer(200)(module.personalise()),
    'GET /public-key': () => answer(200)(module.getPublicKey()),
    'POST /initialise': (b) => answer(200)(module.initialise(b as never)),
    'POST /shifts': (b) => answer(201)(module.openShift(b as never)),
    'POST /receipts': (b) => answer(201)(module.formReceipt(b as never)),
    'POST /z-reports': (b) => answer(201)(module.formZReport(b as never)),
    'GET /pending': async () => {
      const r = await module.pendingDocuments();
      return { status: 200, result: r.ok ? { ok: true, value: { documents: r.value } } : r };
    },
    'POST /acks': (b) => answer(200)(module.acceptAck(b as never)),
    'POST /acks/batch': (b) => answer(200)(module.acceptAcks(b as never)),
  };
}

/** Starts the local protocol for `module` on 127.0.0.1. */
export async function startLocalModuleServer(module: FiscalModulePort, options: LocalServerOptions = {}): Promise<LocalServer> {
  const table = routes(module);
  const token = options.token ? Buffer.from(`Bearer ${options.token}`) : null;
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, { type: 'about:blank', status: 500, code: 'INTERNAL', title: String((e as Error).message) });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const lang = pickLanguage(req.headers['accept-language']);
    const problem = (code: FiscalModuleErrorCode, details?: unknown) => {
      const spec = fiscalModuleProblems[code];
      send(res, spec.status, { type: 'about:blank', status: spec.status, code, title: spec.title[lang], ...(details ? { details } : {}) });
    };
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
      return problem('REQUEST_INVALID', { problems: [{ field: 'host', code: 'NOT_LOOPBACK' }] });
    if (token) {
      const given = Buffer.from(req.headers.authorization ?? '');
      if (given.length !== token.length || !timingSafeEqual(given, token)) return problem('UNAUTHORISED');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const route = url.pathname.startsWith(PREFIX) ? table[`${req.method} ${url.pathname.slice(PREFIX.length)}`] : undefined;
    if (!route) return problem('REQUEST_INVALID', { problems: [{ field: 'path', code: 'NO_SUCH_ENDPOINT' }] });
    let body: unknown = {};
    if (req.method === 'POST') {
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        return problem('REQUEST_INVALID', { problems: [{ field: 'content-type', code: 'NOT_JSON' }] });
      const text = await readBody(req);
      if (text === null) return problem('REQUEST_INVALID', { problems: [{ field: 'body', code: 'TOO_LARGE' }] });
      try {
        body = text === '' ? {} : JSON.parse(text);
      } catch {
        return problem('REQUEST_INVALID', { problems: [{ field: 'body', code: 'NOT_JSON' }] });
      }
    }
    const { status, result } = await route(body, url.searchParams);
    if (result.ok) return send(res, status, result.value);
    return problem(result.error.code, result.error.details);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${PREFIX}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': status >= 400 ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
