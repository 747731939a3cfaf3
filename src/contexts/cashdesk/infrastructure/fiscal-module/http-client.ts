/**
 * The register's side of the local protocol (local-server.ts): a `FiscalModulePort` that talks to a
 * module over loopback HTTP, so the register code is the same whether the module runs in its own
 * process or in the register's. A refusal comes back as the same `Result` the in-process module
 * returns; a dead link or an unexpected answer is thrown (the register treats it as "module absent",
 * p.65 item 3 / p.68 item 2: no work without a fiscal module).
 */
import { err, ok, type Result } from '../../../../platform/result.ts';
import type { FiscalModuleErrorCode } from '../../domain/fiscal-module-errors.ts';
import type { FiscalModulePort, ModuleFailure } from './port.ts';

export type HttpModuleClientOptions = {
  /** Sent as `Authorization: Bearer <token>` when the server asks for one. */
  readonly token?: string;
  /** Per request, ms (default 10 000). */
  readonly timeoutMs?: number;
  readonly language?: 'tg' | 'ru' | 'en';
};

/** A port over `baseUrl`, e.g. `http://127.0.0.1:4711/v1` as `startLocalModuleServer` reports it. */
export function createHttpModuleClient(baseUrl: string, options: HttpModuleClientOptions = {}): FiscalModulePort {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Result<T, ModuleFailure>> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        'accept-language': options.language ?? 'tg',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const text = await res.text();
    const parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
    if (res.ok) return ok(parsed as T);
    const problem = parsed as { code?: string; details?: Record<string, unknown> } | undefined;
    if (!problem?.code || res.status >= 500) throw new Error(`fiscal module answered ${res.status}: ${text.slice(0, 200)}`);
    return err({ code: problem.code as FiscalModuleErrorCode, ...(problem.details ? { details: problem.details } : {}) });
  }

  return {
    personalise: () => call('POST', '/personalise', {}),
    getPublicKey: () => call('GET', '/public-key'),
    initialise: (request) => call('POST', '/initialise', request),
    openShift: (request) => call('POST', '/shifts', request),
    formReceipt: (request) => call('POST', '/receipts', request),
    formZReport: (request) => call('POST', '/z-reports', request),
    pendingDocuments: async () => {
      const r = await call<{ documents: never[] }>('GET', '/pending');
      return r.ok ? ok(r.value.documents) : r;
    },
    acceptAck: (request) => call('POST', '/acks', request),
    acceptAcks: (request) => call('POST', '/acks/batch', request),
    status: (request) => call('GET', `/status?at=${encodeURIComponent(request.at)}`),
  };
}
