/**
 * The register's link to the operator: real HTTP to the operator's public intake API
 * (docs/fiscal-documents.md "Sending"), even when the operator is this same server. A network
 * failure, a timeout, a server error or a rate limit is `unreachable` (try again later); a refusal
 * of the document itself is `refused` with the operator's code.
 */
import type { FiscalDocument } from '../../fiscal/index.ts';
import type { BatchOutcome, OperatorLink, SendOutcome, TimeOutcome } from '../application/ports.ts';

export type HttpOperatorLinkOptions = {
  /** How long one exchange may take before the operator counts as unreachable. */
  readonly timeoutMs?: number;
};

const reasonOf = (error: unknown): string => {
  const e = error as { name?: string; message?: string; cause?: { code?: string } };
  return e.cause?.code ?? (e.name === 'TimeoutError' ? 'TIMEOUT' : (e.message ?? String(error)));
};

/** Transient answers: the operator is there but cannot take the document now. */
const isTransient = (status: number) => status >= 500 || status === 429 || status === 408;

/** `baseUrl()` is read at each call: the server learns its own address only once it listens. */
export function createHttpOperatorLink(baseUrl: () => string | undefined, options: HttpOperatorLinkOptions = {}): OperatorLink {
  const timeoutMs = options.timeoutMs ?? 5000;

  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; text: string } | { reason: string }> {
    const base = baseUrl();
    if (!base) return { reason: 'NO_OPERATOR_URL' };
    try {
      const res = await fetch(`${base.replace(/\/$/, '')}${path}`, {
        method,
        headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: res.status, text: await res.text() };
    } catch (error) {
      return { reason: reasonOf(error) };
    }
  }

  const problemOf = (text: string): { code: string; problems?: { field: string; code: string }[] } => {
    try {
      const p = JSON.parse(text) as { code?: string; details?: { problems?: { field: string; code: string }[] } };
      return { code: p.code ?? 'UNKNOWN', ...(p.details?.problems ? { problems: p.details.problems } : {}) };
    } catch {
      return { code: 'UNKNOWN' };
    }
  };

  return {
    async sendDocument(document: FiscalDocument): Promise<SendOutcome> {
      const r = await call('POST', '/api/fiscal/intake/documents', document);
      if ('reason' in r) return { kind: 'unreachable', reason: r.reason };
      if (r.status === 200) return { kind: 'accepted', ack: r.text };
      if (isTransient(r.status)) return { kind: 'unreachable', reason: `HTTP ${r.status}` };
      return { kind: 'refused', status: r.status, ...problemOf(r.text) };
    },
    async sendBatch(documents: readonly FiscalDocument[]): Promise<BatchOutcome> {
      const r = await call('POST', '/api/fiscal/intake/batches', { documents });
      if ('reason' in r) return { kind: 'unreachable', reason: r.reason };
      // A batch refused as a whole (malformed) is not the operator's verdict on each document: retried later.
      if (r.status !== 200) return { kind: 'unreachable', reason: `HTTP ${r.status} ${problemOf(r.text).code}` };
      const parsed = JSON.parse(r.text) as { results: { status: string; ack?: string; code?: string; problems?: { field: string; code: string }[] }[] };
      return {
        kind: 'answered',
        results: parsed.results.map((x) =>
          x.status === 'accepted' && x.ack !== undefined
            ? { status: 'accepted' as const, ack: x.ack }
            : { status: 'refused' as const, code: x.code ?? 'UNKNOWN', ...(x.problems ? { problems: x.problems } : {}) },
        ),
      };
    },
    async sendShiftSignature(signature): Promise<SendOutcome> {
      const r = await call('POST', '/api/fiscal/intake/shift-signatures', signature);
      if ('reason' in r) return { kind: 'unreachable', reason: r.reason };
      if (r.status === 200) return { kind: 'accepted', ack: r.text };
      if (isTransient(r.status)) return { kind: 'unreachable', reason: `HTTP ${r.status}` };
      return { kind: 'refused', status: r.status, ...problemOf(r.text) };
    },
    async operatorTime(): Promise<TimeOutcome> {
      const started = performance.now();
      const r = await call('GET', '/api/public/time');
      const roundTripMs = performance.now() - started;
      if ('reason' in r) return { kind: 'unreachable', reason: r.reason };
      if (r.status !== 200) return { kind: 'unreachable', reason: `HTTP ${r.status}` };
      const { epochMs } = JSON.parse(r.text) as { epochMs: number };
      return { kind: 'answered', operatorMs: epochMs, roundTripMs };
    },
  };
}
