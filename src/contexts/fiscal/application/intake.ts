import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../platform/canonical-json.ts';
import type { DocumentProblem } from '../domain/document-rules.ts';
import type { FiscalDocument } from '../domain/fiscal-document.ts';
import type { FiscalScheme } from '../domain/fiscal-scheme.ts';
import { type IntakeRefusal, judgeDocument } from '../domain/intake-rules.ts';
import type { NewAlert } from '../infrastructure/intake.repository.ts';
import type { FiscalDeps } from './deps.ts';
import { flushBatch, type Pending } from './intake-flush.ts';
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
};

export type Intake = {
  readonly submit: (doc: FiscalDocument) => Promise<IntakeResult>;
  readonly submitBatch: (docs: readonly FiscalDocument[]) => Promise<IntakeResult[]>;
  /** Writes everything waiting (tests, shutdown). */
  readonly drain: () => Promise<void>;
};

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
  let queue: Pending[] = [];
  let sideAlerts: NewAlert[] = [];
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;

  const schedule = () => {
    if (inFlight) return;
    if (queue.length >= maxBatch) {
      void run();
      return;
    }
    timer ??= setTimeout(() => {
      timer = undefined;
      void run();
    }, maxWaitMs);
  };

  async function run(): Promise<void> {
    if (inFlight) return inFlight;
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (queue.length === 0 && sideAlerts.length === 0) return;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    const alerts = sideAlerts;
    sideAlerts = [];
    inFlight = flushBatch(deps, scheme, batch, alerts)
      .catch((error: unknown) => {
        for (const p of batch) p.reject(error);
      })
      .finally(() => {
        inFlight = undefined;
        if (queue.length > 0 || sideAlerts.length > 0) schedule();
      });
    return inFlight;
  }

  function refuse(
    ctx: ModuleContext | undefined,
    doc: FiscalDocument,
    code: IntakeRefusal,
    kind?: string,
    problems?: readonly DocumentProblem[],
  ): IntakeResult {
    if (kind && ctx) {
      sideAlerts.push({
        kind,
        fm: doc.fiscalModuleNumber,
        registerId: ctx.registerId,
        businessTin: ctx.businessTin,
        inspectorateCode: ctx.inspectorateCode,
        number: doc.number,
        detail: { code, ...(problems ? { problems } : {}) },
      });
      schedule();
    }
    return problems ? { status: 'refused', code, problems } : { status: 'refused', code };
  }

  async function submit(doc: FiscalDocument): Promise<IntakeResult> {
    const ctx = await contexts.get(doc.fiscalModuleNumber);
    if (typeof ctx === 'string') return { status: 'refused', code: ctx };
    const signed = canonicalJson({ ...doc, mac: undefined });
    // p.79: the module authenticates everything it sends; then the fiscal sign (p.72) is checked.
    if (!HEX_EQ(scheme.documentMac(ctx.keys, Buffer.from(signed)), doc.mac)) return refuse(ctx, doc, 'DOCUMENT_MAC_INVALID', 'FORGED_DOCUMENT');
    const core = canonicalJson({ ...doc, mac: undefined, fiscalSign: undefined });
    if (scheme.fiscalSign(ctx.keys, Buffer.from(core)) !== doc.fiscalSign) return refuse(ctx, doc, 'FISCAL_SIGN_INVALID', 'FORGED_FISCAL_SIGN');
    const verdict = judgeDocument(doc, ctx, deps.clock.now());
    if (!verdict.ok) return refuse(ctx, doc, verdict.code, verdict.isProhibitedUse ? 'PROHIBITED_USE' : undefined, verdict.problems);
    const hash = createHash('sha256').update(signed).update('\n').update(doc.mac).digest('hex');
    return new Promise<IntakeResult>((resolve, reject) => {
      queue.push({ doc, ctx, hash, body: signed, resolve, reject });
      schedule();
    });
  }

  return {
    submit,
    submitBatch: (docs) => Promise.all(docs.map(submit)),
    async drain() {
      while (queue.length > 0 || sideAlerts.length > 0 || inFlight) {
        await (inFlight ?? run());
      }
    },
  };
}
