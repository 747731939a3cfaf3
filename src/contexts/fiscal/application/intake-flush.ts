import type { RawQuery } from '../../../platform/db.ts';
import { notifyRaw } from '../../../platform/notifications.ts';
import { isLateOffline, type Refunded, refundProblems } from '../domain/document-rules.ts';
import type { FiscalDocument, Receipt } from '../domain/fiscal-document.ts';
import type { FiscalScheme, ModuleKeys } from '../domain/fiscal-scheme.ts';
import type { IntakeRefusal } from '../domain/intake-rules.ts';
import {
  addRefunded,
  type DocumentRow,
  existingKeys,
  insertDocuments,
  insertKeys,
  type KeyRow,
  lockModuleStates,
  lockRefunded,
  loadOriginals,
  type NewAlert,
  neighbourSigns,
  raiseAlerts,
  resolveAlerts,
  saveModuleStates,
} from '../infrastructure/intake.repository.ts';
import { alertNotices, ONCE_OPEN } from './intake-alerts.ts';
import type { ModuleContext } from './intake-context.ts';
import type { FiscalDeps } from './deps.ts';
import type { IntakeResult } from './intake.ts';
import { reconcileShifts } from './intake-shifts.ts';

/** A document that passed every check and waits for the flush. */
export type Pending = {
  readonly doc: FiscalDocument;
  readonly ctx: ModuleContext;
  readonly hash: string;
  readonly body: string;
  readonly resolve: (r: IntakeResult) => void;
  readonly reject: (e: unknown) => void;
  /** How many times a concurrent writer made this document's batch start over. */
  attempts?: number;
};

const keyOf = (fm: string, n: number) => `${fm}#${n}`;

/** Another process stored one of the keys meanwhile: the whole batch is tried again and will see it. */
export class ConcurrentKey extends Error {
  constructor() {
    super('intake: a key was stored by another writer meanwhile; the batch is retried');
  }
}

/**
 * One transaction for a batch: exactly-once by (module, number), refunds against their
 * originals, acknowledgements, the documents, then the chain, gaps, offline limits and shifts.
 * The answers are given only after the commit, so an acknowledged document is durable.
 */
export async function flushBatch(deps: FiscalDeps, scheme: FiscalScheme, batch: readonly Pending[], sideAlerts: readonly NewAlert[]): Promise<void> {
  const answers = new Map<Pending, IntakeResult>();
  await deps.database.rawTransaction(async (q) => {
    answers.clear();
    const now = deps.clock.now();
    const at = now.toISOString();
    const alerts: NewAlert[] = [...sideAlerts];
    const alert = (p: Pending, kind: string, detail: Record<string, unknown>) =>
      alerts.push({
        kind,
        fm: p.doc.fiscalModuleNumber,
        registerId: p.ctx.registerId,
        businessTin: p.ctx.businessTin,
        inspectorateCode: p.ctx.inspectorateCode,
        number: p.doc.number,
        detail,
      });

    // 1. Within the batch, the first of a key leads; a copy follows it, a different document is a reused number.
    const leads = new Map<string, Pending>();
    const followers: Pending[] = [];
    for (const p of batch) {
      const key = keyOf(p.doc.fiscalModuleNumber, p.doc.number);
      const lead = leads.get(key);
      if (!lead) leads.set(key, p);
      else if (lead.hash === p.hash) followers.push(p);
      else {
        answers.set(p, { status: 'refused', code: 'NUMBER_REUSED' });
        alert(p, 'NUMBER_REUSED', { hash: p.hash });
      }
    }
    // 2. Keys stored before (the same document gets its first acknowledgement again), and the
    //    modules' state rows locked: one round trip, the two queries pipelined.
    const [stored, states] = await Promise.all([
      existingKeys(
        q,
        [...leads.values()].map((p) => ({ fm: p.doc.fiscalModuleNumber, number: p.doc.number })),
      ),
      lockModuleStates(q, [...new Set([...leads.values()].map((p) => p.doc.fiscalModuleNumber))]),
    ]);
    for (const s of stored) {
      const p = leads.get(keyOf(s.fm, s.number)) as Pending;
      leads.delete(keyOf(s.fm, s.number));
      if (s.content_hash === p.hash) answers.set(p, { status: 'duplicate', ack: s.ack });
      else {
        answers.set(p, { status: 'refused', code: 'NUMBER_REUSED' });
        alert(p, 'NUMBER_REUSED', { storedHash: s.content_hash, hash: p.hash });
      }
    }
    // 3. Refunds against their originals (section 6), in number order.
    const fresh = [...leads.values()].sort((a, b) => a.doc.fiscalModuleNumber.localeCompare(b.doc.fiscalModuleNumber) || a.doc.number - b.doc.number);
    const accepted = await checkRefunds(q, fresh, answers);
    // 4. Acknowledgements, keys and documents.
    const keyRows: KeyRow[] = [];
    const docRows: DocumentRow[] = [];
    for (const p of accepted) {
      const d = p.doc;
      const violations = isLateOffline(d, now) ? ['OFFLINE_OVER_24_HOURS'] : [];
      const ack = acknowledgement(scheme, p.ctx.keys, d, at, violations);
      answers.set(p, { status: 'accepted', ack });
      const r = d.type === 'receipt' ? d : undefined;
      keyRows.push({
        fm: d.fiscalModuleNumber,
        number: d.number,
        docType: d.type,
        registerId: p.ctx.registerId,
        contentHash: p.hash,
        fiscalSign: d.fiscalSign,
        prevFiscalSign: d.prevFiscalSign,
        total: r?.total ?? 0,
        issuedAt: d.issuedAt,
        receivedAt: at,
        ack,
      });
      docRows.push({
        receivedAt: at,
        fm: d.fiscalModuleNumber,
        number: d.number,
        docType: d.type,
        registerId: p.ctx.registerId,
        businessTin: p.ctx.businessTin,
        shiftNumber: d.shiftNumber,
        issuedAt: d.issuedAt,
        operation: r?.operation ?? null,
        total: r?.total ?? 0,
        cash: r ? r.total - r.payment.nonCash : 0,
        nonCash: r?.payment.nonCash ?? 0,
        taxTotal: r?.taxTotal ?? 0,
        isOffline: d.isOffline,
        offlineSince: d.offlineSince ?? null,
        fiscalSign: d.fiscalSign,
        refundOfModule: r?.refundOf?.fiscalModuleNumber ?? null,
        refundOfNumber: r?.refundOf?.number ?? null,
        body: p.body,
      });
      if (violations.length > 0) alert(p, 'OFFLINE_LATE', { offlineSince: d.offlineSince, receivedAt: at });
    }
    // 5. The gaps (anchors §4.4: detected with the document that reveals them) and the new state.
    const stateRows = [];
    const gapsClosed: string[] = [];
    for (const [fm, docs] of groupBy(accepted, (p) => p.doc.fiscalModuleNumber)) {
      const before = states.get(fm) ?? { fm, registerId: docs[0]!.ctx.registerId, maxNumber: 0, receivedCount: 0, offlineSince: null };
      let max = before.maxNumber;
      for (const p of docs) {
        if (p.doc.number > max + 1) alert(p, 'GAP', { missingFrom: max + 1, missingTo: p.doc.number - 1 });
        max = Math.max(max, p.doc.number);
      }
      const last = docs.reduce((a, b) => (b.doc.number > a.doc.number ? b : a));
      const count = before.receivedCount + docs.length;
      // A module that had a gap and has none now closes its GAP alert.
      if (count === max && before.receivedCount < before.maxNumber) gapsClosed.push(fm);
      stateRows.push({
        fm,
        registerId: last.ctx.registerId,
        maxNumber: max,
        receivedCount: count,
        offlineSince: last.doc.number === max ? (last.doc.isOffline ? (last.doc.offlineSince ?? null) : null) : before.offlineSince,
        lastReceivedAt: at,
        lastIssuedAt: last.doc.issuedAt,
      });
    }
    // 6. Keys, documents, states and the chain's neighbours: one round trip, pipelined.
    const [inserted, , neighbours] = await Promise.all([
      insertKeys(q, keyRows),
      insertDocuments(q, docRows),
      neighbourSigns(q, neighboursOf(accepted)),
      saveModuleStates(q, stateRows),
      resolveAlerts(q, 'GAP', gapsClosed, at),
    ]);
    if (inserted.size !== keyRows.length) throw new ConcurrentKey();
    checkChain(accepted, neighbours, alert);
    // 7. Shifts: openings, Z-reports reconciled against the receipts (p.77).
    await reconcileShifts(q, accepted, at, alert);
    const raised = await raiseAlerts(q, at, alerts, ONCE_OPEN);
    await notifyRaw(q, now, alertNotices(raised));
  });
  for (const p of batch) {
    const answer = answers.get(p);
    if (answer) p.resolve(answer);
  }
  // Copies of a document in the same batch get its answer.
  for (const p of batch) {
    if (answers.has(p)) continue;
    const lead = batch.find(
      (o) => o !== p && answers.has(o) && o.doc.fiscalModuleNumber === p.doc.fiscalModuleNumber && o.doc.number === p.doc.number && o.hash === p.hash,
    );
    const a = lead ? answers.get(lead) : undefined;
    if (a && a.status !== 'refused') p.resolve({ status: 'duplicate', ack: a.ack });
    else if (a) p.resolve(a);
    else p.reject(new Error('intake: no answer'));
  }
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) out.set(key(i), [...(out.get(key(i)) ?? []), i]);
  return out;
}

/** Refunds may not exceed what was sold, line by line, cumulatively; a refund of a missing original is refused. */
async function checkRefunds(q: RawQuery, fresh: readonly Pending[], answers: Map<Pending, IntakeResult>): Promise<Pending[]> {
  const refunds = fresh.filter((p) => p.doc.type === 'receipt' && p.doc.operation === 'refund');
  if (refunds.length === 0) return [...fresh];
  const origKeys = refunds.map((p) => {
    const ref = (p.doc as Receipt).refundOf as NonNullable<Receipt['refundOf']>;
    return { fm: ref.fiscalModuleNumber, number: ref.number };
  });
  const [originals, refundedRows] = [await loadOriginals(q, origKeys), await lockRefunded(q, origKeys)];
  const byKey = new Map<string, { operation: 'sale' | 'refund'; lines: Receipt['lines']; fiscalSign: string; total: number }>(
    originals.map((o) => [keyOf(o.fm, o.number), o]),
  );
  for (const p of fresh) if (p.doc.type === 'receipt') byKey.set(keyOf(p.doc.fiscalModuleNumber, p.doc.number), p.doc);
  const refunded = new Map<string, Map<number, { quantity: number; amount: number }>>();
  for (const r of refundedRows) {
    const m = refunded.get(keyOf(r.fm, r.number)) ?? new Map();
    m.set(r.lineNo, { quantity: r.quantity, amount: r.amount });
    refunded.set(keyOf(r.fm, r.number), m);
  }
  const additions: { fm: string; number: number; lineNo: number; quantity: number; amount: number }[] = [];
  const refused = new Set<Pending>();
  for (const p of refunds) {
    const doc = p.doc as Receipt;
    const ref = doc.refundOf as NonNullable<Receipt['refundOf']>;
    const k = keyOf(ref.fiscalModuleNumber, ref.number);
    const original = byKey.get(k);
    let code: IntakeRefusal | undefined;
    if (!original) code = 'REFUND_ORIGINAL_NOT_FOUND';
    else {
      const so = refunded.get(k) ?? new Map();
      const problems = refundProblems(original, so as Refunded, doc);
      if (problems.length > 0) code = problems.some((x) => x.code === 'REFUND_EXCEEDS_SALE') ? 'REFUND_EXCEEDS_SALE' : 'REFUND_DOES_NOT_MATCH';
      else {
        for (const l of doc.lines) {
          const at = l.originalLine as number;
          const was = so.get(at) ?? { quantity: 0, amount: 0 };
          so.set(at, { quantity: was.quantity + l.quantity, amount: was.amount + l.amount });
          additions.push({ fm: ref.fiscalModuleNumber, number: ref.number, lineNo: at, quantity: l.quantity, amount: l.amount });
        }
        refunded.set(k, so);
      }
    }
    if (code) {
      refused.add(p);
      answers.set(p, { status: 'refused', code });
    }
  }
  await addRefunded(q, additions);
  return fresh.filter((p) => !refused.has(p));
}

/** The documents next to the new ones that are not in the batch itself. */
function neighboursOf(accepted: readonly Pending[]): { fm: string; number: number }[] {
  const inBatch = new Set(accepted.map((p) => keyOf(p.doc.fiscalModuleNumber, p.doc.number)));
  const wanted = new Map<string, { fm: string; number: number }>();
  for (const p of accepted) {
    for (const n of [p.doc.number - 1, p.doc.number + 1]) {
      const k = keyOf(p.doc.fiscalModuleNumber, n);
      if (n >= 1 && !inBatch.has(k)) wanted.set(k, { fm: p.doc.fiscalModuleNumber, number: n });
    }
  }
  return [...wanted.values()];
}

/**
 * Each document names the fiscal sign of the one before; a mismatch on either side is a broken
 * chain (a document changed, lost or made twice), raised at once.
 */
function checkChain(
  accepted: readonly Pending[],
  stored: ReadonlyMap<string, { fiscalSign: string; prevFiscalSign: string }>,
  alert: (p: Pending, kind: string, detail: Record<string, unknown>) => void,
) {
  const inBatch = new Map(accepted.map((p) => [keyOf(p.doc.fiscalModuleNumber, p.doc.number), p.doc]));
  const signOf = (fm: string, n: number) => {
    const d = inBatch.get(keyOf(fm, n));
    return d ? { fiscalSign: d.fiscalSign, prevFiscalSign: d.prevFiscalSign } : stored.get(keyOf(fm, n));
  };
  for (const p of accepted) {
    const { fiscalModuleNumber: fm, number: n } = p.doc;
    if (n === 1 && p.doc.prevFiscalSign !== '') alert(p, 'CHAIN_BREAK', { at: n, expectedPrev: '', got: p.doc.prevFiscalSign });
    const prev = n > 1 ? signOf(fm, n - 1) : undefined;
    if (prev && prev.fiscalSign !== p.doc.prevFiscalSign) alert(p, 'CHAIN_BREAK', { at: n, expectedPrev: prev.fiscalSign, got: p.doc.prevFiscalSign });
    const next = stored.get(keyOf(fm, n + 1));
    if (next && next.prevFiscalSign !== p.doc.fiscalSign) alert(p, 'CHAIN_BREAK', { at: n + 1, expectedPrev: p.doc.fiscalSign, got: next.prevFiscalSign });
  }
}

/**
 * The operator's acknowledgement, written directly in canonical form (keys in code-point order:
 * fiscalModuleNumber, fiscalSign, mac, number, receivedAt, status, violations), so the module can
 * recompute the MAC over the same fields with canonicalJson (test: ack-format.test.ts).
 */
export function acknowledgement(
  scheme: FiscalScheme,
  keys: ModuleKeys,
  d: { fiscalModuleNumber: string; fiscalSign: string; number: number },
  at: string,
  violations: readonly string[],
): string {
  const head = `{"fiscalModuleNumber":${JSON.stringify(d.fiscalModuleNumber)},"fiscalSign":${JSON.stringify(d.fiscalSign)},`;
  const tail = `"number":${d.number},"receivedAt":${JSON.stringify(at)},"status":"accepted","violations":${JSON.stringify(violations)}}`;
  const mac = scheme.ackMac(keys, Buffer.from(head + tail));
  return `${head}"mac":"${mac}",${tail}`;
}
