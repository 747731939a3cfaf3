import { canonicalWithout } from '../../../platform/canonical-json.ts';
import type { DocumentProblem } from '../domain/document-rules.ts';
import type { FiscalDocument } from '../../../platform/fiscal-document.ts';
import type { FiscalScheme } from '../domain/fiscal-scheme.ts';
import { type IntakeRefusal, judgeDocument } from '../domain/intake-rules.ts';
import type { NewAlert } from '../infrastructure/intake.repository.ts';
import type { FiscalDeps } from './deps.ts';
import { ConcurrentKey, flushBatch, type Pending } from './intake-flush.ts';
import type { ModuleContext, createModuleContexts } from './intake-context.ts';

/** The operator's answer to one document. */
export type IntakeResult =
  /** Stored; `ack` is the operator's acknowledgement, exactly as it will be sent again on a resubmission. */
  | { readonly status: 'accepted'; readonly ack: string }
  /** The same document again: the original acknowledgement, byte for byte. */
  | { readonly status: 'duplicate'; readonly ack: string }
  | { readonly status: 'refused'; readonly code: IntakeRefusal; readonly problems?: readonly DocumentProblem[] };

export type IntakeOptions = {
  /** Flush when this many documents wait (one transaction). */
  readonly maxBatch?: number;
  /** Or when the oldest has waited this long. */
  readonly maxWaitMs?: number;
  /** Parallel flushers, each owning a share of the modules. */
  readonly shards?: number;
};

export type Intake = {
  /** `raw` is the document's JSON as received, stored as sent when given. */
  readonly submit: (doc: FiscalDocument, raw?: string) => Promise<IntakeResult>;
  /** `raws`, when given, are the documents' JSON texts as received, in the same order. */
  readonly submitBatch: (docs: readonly FiscalDocument[], raws?: readonly string[]) => Promise<IntakeResult[]>;
  /** Writes everything waiting (tests, shutdown). */
  readonly drain: () => Promise<void>;
};

const DEBUG = process.env.BEKOGAZ_DEBUG_FLUSH === '1';
const SIGNED_AND_CORE = [['mac'], ['mac', 'fiscalSign']] as const;
const HEX_EQ = (a: string, b: string) => a.length === b.length && a.toLowerCase() === b.toLowerCase();

/**
 * Intake of fiscal documents (p.52, p.79): each document is authenticated with the module's keys,
 * judged against the registries (p.3, p.67, p.70) and its own sums (p.9), then queued. A flusher
 * writes the queue in one transaction per batch — exactly once per (module, number), chained and
 * gap-checked — and only then answers with the operator's acknowledgement (docs/fiscal-intake.md).
 */
export function createIntake(deps: FiscalDeps, scheme: FiscalScheme, contexts: ReturnType<typeof createModuleContexts>, options: IntakeOptions = {}): Intake {
  const maxBatch = options.maxBatch ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 3;
  // One queue per shard of modules, each with at most one flush in flight: a module's documents
  // are always written in order by one flusher, while different modules are written in parallel.
  const shards = Array.from({ length: Math.max(1, options.shards ?? 4) }, () => ({
    queue: [] as Pending[],
    alerts: [] as NewAlert[],
    timer: undefined as NodeJS.Timeout | undefined,
    inFlight: undefined as Promise<void> | undefined,
  }));
  type Shard = (typeof shards)[number];
  const shardOf = (fm: string): Shard => {
    let h = 2166136261;
    for (let i = 0; i < fm.length; i++) h = Math.imul(h ^ fm.charCodeAt(i), 16777619);
    return shards[(h >>> 0) % shards.length] as Shard;
  };

  const schedule = (shard: Shard) => {
    if (shard.inFlight) return;
    if (shard.queue.length >= maxBatch) {
      void run(shard);
      return;
    }
    shard.timer ??= setTimeout(() => {
      shard.timer = undefined;
      void run(shard);
    }, maxWaitMs);
  };

  async function run(shard: Shard): Promise<void> {
    if (shard.inFlight) return shard.inFlight;
    if (shard.timer) {
      clearTimeout(shard.timer);
      shard.timer = undefined;
    }
    if (shard.queue.length === 0 && shard.alerts.length === 0) return;
    const batch = shard.queue.splice(0, maxBatch);
    const alerts = shard.alerts.splice(0);
    const started = performance.now();
    shard.inFlight = flushBatch(deps, scheme, batch, alerts)
      .then(() => {
        if (DEBUG) process.stderr.write(`flush ${batch.length} ${(performance.now() - started).toFixed(1)}ms\n`);
      })
      .catch((error: unknown) => {
        if (error instanceof ConcurrentKey && batch.every((p) => (p.attempts ?? 0) < 3)) {
          for (const p of batch) p.attempts = (p.attempts ?? 0) + 1;
          shard.queue.unshift(...batch);
          shard.alerts.unshift(...alerts);
          return;
        }
        for (const p of batch) p.reject(error);
      })
      .finally(() => {
        shard.inFlight = undefined;
        if (shard.queue.length > 0 || shard.alerts.length > 0) schedule(shard);
      });
    return shard.inFlight;
  }

  function refuse(
    ctx: ModuleContext | undefined,
    doc: FiscalDocument,
    code: IntakeRefusal,
    kind?: string,
    problems?: readonly DocumentProblem[],
  ): IntakeResult {
    if (kind && ctx) {
      const shard = shardOf(doc.fiscalModuleNumber);
      shard.alerts.push({
        kind,
        fm: doc.fiscalModuleNumber,
        registerId: ctx.registerId,
        businessTin: ctx.businessTin,
        inspectorateCode: ctx.inspectorateCode,
        number: doc.number,
        detail: { code, ...(problems ? { problems } : {}) },
      });
      schedule(shard);
    }
    return problems ? { status: 'refused', code, problems } : { status: 'refused', code };
  }

  async function submit(doc: FiscalDocument, raw?: string): Promise<IntakeResult> {
    const ctx = await contexts.get(doc.fiscalModuleNumber);
    if (typeof ctx === 'string') return { status: 'refused', code: ctx };
    const [signed, core] = canonicalWithout(doc, SIGNED_AND_CORE) as [string, string];
    // p.79: the module authenticates everything it sends; then the fiscal sign (p.72) is checked.
    if (!HEX_EQ(scheme.documentMac(ctx.keys, Buffer.from(signed)), doc.mac)) return refuse(ctx, doc, 'DOCUMENT_MAC_INVALID', 'FORGED_DOCUMENT');
    if (scheme.fiscalSign(ctx.keys, Buffer.from(core)) !== doc.fiscalSign) return refuse(ctx, doc, 'FISCAL_SIGN_INVALID', 'FORGED_FISCAL_SIGN');
    const verdict = judgeDocument(doc, ctx, deps.clock.now());
    if (!verdict.ok) return refuse(ctx, doc, verdict.code, verdict.isProhibitedUse ? 'PROHIBITED_USE' : undefined, verdict.problems);
    // The MAC covers every byte under a key only the module and the operator hold: it identifies the content.
    const hash = doc.mac.toLowerCase();
    return new Promise<IntakeResult>((resolve, reject) => {
      const shard = shardOf(doc.fiscalModuleNumber);
      shard.queue.push({ doc, ctx, hash, body: raw ?? JSON.stringify(doc), resolve, reject });
      schedule(shard);
    });
  }

  return {
    submit,
    submitBatch: (docs, raws) => Promise.all(docs.map((d, i) => submit(d, raws?.[i]))),
    async drain() {
      for (;;) {
        const busy = shards.filter((sh) => sh.queue.length > 0 || sh.alerts.length > 0 || sh.inFlight);
        if (busy.length === 0) return;
        await Promise.all(busy.map((sh) => sh.inFlight ?? run(sh)));
      }
    },
  };
}
