import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import type { DueTimeChecker } from '../../../platform/outbox.ts';
import { ok, type Failure, type Result } from '../../../platform/result.ts';
import type { FiscalDocument } from '../../fiscal/index.ts';
import { documents, registers } from '../infrastructure/schema.ts';
import type { CashdeskDeps } from './deps.ts';
import { toLocalIso } from '../domain/dushanbe-time.ts';
import type { FiscalModulePort } from '../infrastructure/fiscal-module/port.ts';
import { copyOf, type DeliveryState, QUEUED, recordDeliveries } from './issue-document.ts';
import type { BatchResult } from './ports.ts';
import { loadRegister, type Vcr } from './register-access.ts';
import { sendShiftSignatures } from './send-shift-signatures.ts';

/** The operator takes at most this many documents in one batch (docs/fiscal-documents.md). */
const BATCH = 1000;

export type SyncResult = {
  readonly isOnline: boolean;
  readonly sent: number;
  readonly accepted: number;
  readonly refused: { readonly number: number; readonly code: string }[];
  /** Documents still waiting in the module's memory for an acknowledgement. */
  readonly queueLength: number;
};

/** "Sync now" of the cashier (the worker does the same by itself). */
export async function syncNow(deps: CashdeskDeps, actor: AccountPrincipal, registerId: string): Promise<Result<SyncResult, Failure<'NOT_FOUND'>>> {
  const vcr = await loadRegister(deps, actor, registerId);
  if (!vcr.ok) return vcr;
  return ok(await syncRegister(deps, vcr.value));
}

/**
 * p.36: the module's undelivered documents (its memory on disk is the queue) go to the operator in
 * batches, oldest first, byte for byte as formed; each acknowledgement is handed to the module,
 * which checks it. A document the operator already holds gets its first acknowledgement again
 * (exactly once), so a batch interrupted halfway is simply sent again.
 */
export async function syncRegister(deps: CashdeskDeps, vcr: Vcr): Promise<SyncResult> {
  return deps.modules.exclusive(vcr.id, async () => {
    const port = await deps.modules.open(vcr.fiscalModuleNumber);
    if (!port) return { isOnline: deps.linkState.get().isOnline, sent: 0, accepted: 0, refused: [], queueLength: 0 };
    const pending = await port.pendingDocuments();
    if (!pending.ok) return { isOnline: deps.linkState.get().isOnline, sent: 0, accepted: 0, refused: [], queueLength: 0 };
    let sent = 0;
    let accepted = 0;
    const refused: { number: number; code: string }[] = [];
    let isOnline = true;
    for (let i = 0; i < pending.value.length; i += BATCH) {
      const chunk = pending.value.slice(i, i + BATCH);
      await keepCopies(deps.database.db, vcr, chunk);
      const answer = await deps.link().sendBatch(chunk);
      const now = deps.clock.now();
      if (answer.kind === 'unreachable') {
        deps.linkState.down(now, answer.reason);
        isOnline = false;
        break;
      }
      deps.linkState.up(now);
      sent += chunk.length;
      const states = await statesOfBatch(port, chunk, answer.results, now);
      for (const { number, state } of states) {
        if (state.status === 'accepted') accepted += 1;
        if (state.status === 'refused') refused.push({ number, code: state.code ?? '' });
      }
      await recordDeliveries(deps.database.db, vcr.fiscalModuleNumber, states);
    }
    // The signatures of closed shifts follow their acknowledged Z-reports (p.77, p.79).
    if (isOnline) await sendShiftSignatures(deps, vcr);
    if (pending.value.length === 0) isOnline = deps.linkState.get().isOnline;
    const after = await port.pendingDocuments();
    return { isOnline, sent, accepted, refused, queueLength: after.ok ? after.value.length : pending.value.length };
  });
}

/**
 * The operator's answers to a batch: the acknowledgements go to the module in one write (it checks
 * each MAC, FIS-FM-20); a refusal is recorded with its code; a missing answer leaves the document queued.
 */
async function statesOfBatch(
  port: FiscalModulePort,
  chunk: readonly FiscalDocument[],
  results: readonly BatchResult[],
  now: Date,
): Promise<{ number: number; state: DeliveryState }[]> {
  const acks = results.flatMap((r) => (r.status === 'accepted' ? [r.ack] : []));
  const checked = acks.length > 0 ? await port.acceptAcks({ acks, at: toLocalIso(now.getTime()) }) : ok([]);
  let next = 0;
  return chunk.map((document, k) => {
    const result = results[k];
    if (!result) return { number: document.number, state: QUEUED };
    if (result.status === 'refused') return { number: document.number, state: { status: 'refused', code: result.code, violations: [], acknowledgedAt: now } };
    const one = checked.ok ? checked.value[next] : checked;
    next += 1;
    // A forged or foreign acknowledgement changes nothing: the document stays queued (the module counts it).
    if (!one?.ok) return { number: document.number, state: { ...QUEUED, code: one?.error.code ?? null } };
    return { number: document.number, state: { status: 'accepted', code: null, violations: one.value.violations, acknowledgedAt: now } };
  });
}

/**
 * A document the module formed but the register did not record (a crash between the two) is
 * recorded now from the module's memory, so that reports and the queue agree with the module.
 */
async function keepCopies(db: Db, vcr: Vcr, pending: readonly FiscalDocument[]): Promise<void> {
  if (pending.length === 0) return;
  const numbers = pending.map((d) => d.number);
  const known = new Set(
    (
      await db
        .select({ number: documents.number })
        .from(documents)
        .where(and(eq(documents.fiscalModuleNumber, vcr.fiscalModuleNumber), inArray(documents.number, numbers)))
    ).map((r) => Number(r.number)),
  );
  const missing = pending.filter((d) => !known.has(d.number));
  for (let i = 0; i < missing.length; i += 500) {
    await db
      .insert(documents)
      .values(missing.slice(i, i + 500).map((d) => copyOf(vcr, d)))
      .onConflictDoNothing();
  }
}

/** How often the checker also looks into every module, not only the registers with queued copies. */
export const FULL_PASS_MS = 10 * 60_000;

/**
 * The worker's checker: every register with queued copies is synchronised; every FULL_PASS_MS every
 * register is, so that a document the module formed and the register never recorded (a crash
 * between the two) is sent too. When the operator cannot be reached, the pass stops at the first
 * register (the others would fail the same way), and the next passes wait until that belief is 15
 * seconds old.
 */
export function syncChecker(deps: CashdeskDeps): DueTimeChecker {
  let lastFullPassMs = Number.NEGATIVE_INFINITY;
  return {
    name: 'cashdesk.sync',
    run: async (db: Db, now: Date) => {
      // Just found unreachable: wait for the belief to age instead of knocking every tick.
      const link = deps.linkState.get();
      if (link.isFresh && !link.isOnline) return 0;
      const isFullPass = now.getTime() - lastFullPassMs >= FULL_PASS_MS || now.getTime() < lastFullPassMs;
      const waiting = await db
        .select()
        .from(registers)
        .where(
          isFullPass
            ? undefined
            : sql`EXISTS (SELECT 1 FROM cashdesk.documents d WHERE d.register_id = ${registers.id} AND d.delivery = 'queued')
               OR EXISTS (SELECT 1 FROM cashdesk.shifts s WHERE s.register_id = ${registers.id} AND s.shift_signature IS NOT NULL
                            AND s.signature_verified_at IS NULL AND s.signature_refusal IS NULL)`,
        );
      let touched = 0;
      let isOnline = true;
      for (const vcr of waiting) {
        const r = await syncRegister(deps, vcr);
        touched += r.accepted + r.refused.length;
        if (!r.isOnline && r.sent === 0 && r.queueLength > 0) {
          isOnline = false;
          break;
        }
      }
      if (isFullPass && isOnline) lastFullPassMs = now.getTime();
      return touched;
    },
  };
}
