import type { RawQuery } from '../../../platform/db.ts';
import { notifyRaw } from '../../../platform/notifications.ts';
import { isLateOffline, type Refunded, refundProblems } from '../domain/document-rules.ts';
import type { FiscalDocument, Receipt } from '../../../platform/fiscal-document.ts';
import type { FiscalScheme, ModuleKeys } from '../domain/fiscal-scheme.ts';
import type { IntakeRefusal } from '../domain/intake-rules.ts';
import { addRefunded, existingKeys, lockRefunded, loadOriginals, type NewAlert, raiseAlerts, resolveAlerts } from '../infrastructure/intake.repository.ts';
import { STORE_BATCH, type StoreRow } from '../infrastructure/intake-store.sql.ts';
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
 * One transaction for a batch: refunds checked against their originals, then one statement that
 * stores the new keys and documents exactly once and moves each module's state on; then the chain,
 * gaps, offline limits, shifts and alerts. Answers go out only after the commit, so an
 * acknowledged document is durable. A batch without refunds, shifts or alerts costs two round
 * trips (BEGIN with the statement, then COMMIT).
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
    for (const p of batch) {
      const key = keyOf(p.doc.fiscalModuleNumber, p.doc.number);
      const lead = leads.get(key);
      if (!lead) leads.set(key, p);
      else if (lead.hash !== p.hash) {
        answers.set(p, { status: 'refused', code: 'NUMBER_REUSED' });
        alert(p, 'NUMBER_REUSED', { hash: p.hash });
      }
    }
    const fresh = [...leads.values()].sort((a, b) =>
      a.doc.fiscalModuleNumber < b.doc.fiscalModuleNumber ? -1 : a.doc.fiscalModuleNumber > b.doc.fiscalModuleNumber ? 1 : a.doc.number - b.doc.number,
    );
    // 2. Refunds against their originals (section 6). A refund already stored is a resubmission: it is not counted again.
    const refundKeys = fresh.filter(isRefund).map((p) => ({ fm: p.doc.fiscalModuleNumber, number: p.doc.number }));
    const alreadyStored = new Set((await existingKeys(q, refundKeys)).map((k) => keyOf(k.fm, k.number)));
    const candidates = await checkRefunds(q, fresh, answers, alreadyStored);
    // 3. One statement: keys, documents, module states; the modules' old state and the stored neighbours back.
    const rows = candidates.map((p) => storeRow(scheme, p, now, at));
    const result = await q<StoreRow>(STORE_BATCH, [`[${rows.map((r) => r.json).join(',')}]`, at, JSON.stringify(neighboursOf(candidates))]);
    const inserted = new Set<string>();
    const old = new Map<string, { maxNumber: number; receivedCount: number }>();
    const neighbours = new Map<string, { fiscalSign: string; prevFiscalSign: string }>();
    for (const r of result) {
      if (r.kind === 'ins') inserted.add(keyOf(r.fm as string, Number(r.number)));
      else if (r.kind === 'old') old.set(r.fm as string, { maxNumber: Number(r.max_number), receivedCount: Number(r.received_count) });
      else if (r.kind === 'nb')
        neighbours.set(keyOf(r.fm as string, Number(r.number)), { fiscalSign: r.fiscal_sign as string, prevFiscalSign: r.prev_fiscal_sign as string });
    }
    // 4. A key stored before: the same document gets its first acknowledgement again; another is a reused number.
    const skipped = candidates.filter((p) => !inserted.has(keyOf(p.doc.fiscalModuleNumber, p.doc.number)));
    const stored = new Map(
      (
        await existingKeys(
          q,
          skipped.map((p) => ({ fm: p.doc.fiscalModuleNumber, number: p.doc.number })),
        )
      ).map((k) => [keyOf(k.fm, k.number), k]),
    );
    const accepted: Pending[] = [];
    rows.forEach((row, i) => {
      const p = candidates[i] as Pending;
      const key = keyOf(p.doc.fiscalModuleNumber, p.doc.number);
      if (inserted.has(key)) {
        accepted.push(p);
        answers.set(p, { status: 'accepted', ack: row.ack });
        if (row.isLate) alert(p, 'OFFLINE_LATE', { offlineSince: p.doc.offlineSince, receivedAt: at });
        return;
      }
      const s = stored.get(key);
      if (!s) throw new ConcurrentKey();
      if (s.content_hash === p.hash) answers.set(p, { status: 'duplicate', ack: s.ack });
      else {
        answers.set(p, { status: 'refused', code: 'NUMBER_REUSED' });
        alert(p, 'NUMBER_REUSED', { storedHash: s.content_hash, hash: p.hash });
      }
    });
    if (skipped.some((p) => isRefund(p) && !alreadyStored.has(keyOf(p.doc.fiscalModuleNumber, p.doc.number)))) throw new ConcurrentKey();
    // 5. The chain and the gaps (anchors §4.4: detected with the document that reveals them).
    checkChain(accepted, neighbours, alert);
    const gapsClosed = gapAlerts(accepted, old, alert);
    // 6. Shifts (p.77), alerts and their notices: only when there are any.
    await reconcileShifts(q, accepted, at, alert);
    const [raised] = await Promise.all([raiseAlerts(q, at, alerts, ONCE_OPEN), resolveAlerts(q, 'GAP', gapsClosed, at)]);
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

const isRefund = (p: Pending) => p.doc.type === 'receipt' && p.doc.operation === 'refund';

/** The row of the store statement (as JSON, the body spliced in as received) and the acknowledgement it will carry. */
function storeRow(scheme: FiscalScheme, p: Pending, now: Date, at: string) {
  const d = p.doc;
  const isLate = isLateOffline(d, now);
  const ack = acknowledgement(scheme, p.ctx.keys, d, at, isLate ? ['OFFLINE_OVER_24_HOURS'] : []);
  const r = d.type === 'receipt' ? d : undefined;
  const fields = {
    fm: d.fiscalModuleNumber,
    number: d.number,
    docType: d.type,
    registerId: p.ctx.registerId,
    businessTin: p.ctx.businessTin,
    contentHash: p.hash,
    fiscalSign: d.fiscalSign,
    prevFiscalSign: d.prevFiscalSign,
    total: r?.total ?? 0,
    cash: r ? r.total - r.payment.nonCash : 0,
    nonCash: r?.payment.nonCash ?? 0,
    taxTotal: r?.taxTotal ?? 0,
    shiftNumber: d.shiftNumber,
    issuedAt: d.issuedAt,
    operation: r?.operation ?? null,
    isOffline: d.isOffline,
    offlineSince: d.offlineSince ?? null,
    refundOfModule: r?.refundOf?.fiscalModuleNumber ?? null,
    refundOfNumber: r?.refundOf?.number ?? null,
    ack,
  };
  return { ack, isLate, json: `${JSON.stringify(fields).slice(0, -1)},"body":${p.body}}` };
}

/** GAP alerts for numbers jumped over; the modules whose gaps are now all filled. */
function gapAlerts(
  accepted: readonly Pending[],
  old: ReadonlyMap<string, { maxNumber: number; receivedCount: number }>,
  alert: (p: Pending, kind: string, detail: Record<string, unknown>) => void,
): string[] {
  const closed: string[] = [];
  for (const [fm, docs] of groupBy(accepted, (p) => p.doc.fiscalModuleNumber)) {
    const before = old.get(fm) ?? { maxNumber: 0, receivedCount: 0 };
    let max = before.maxNumber;
    for (const p of docs) {
      if (p.doc.number > max + 1) alert(p, 'GAP', { missingFrom: max + 1, missingTo: p.doc.number - 1 });
      max = Math.max(max, p.doc.number);
    }
    if (before.receivedCount < before.maxNumber && before.receivedCount + docs.length === max) closed.push(fm);
  }
  return closed;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  return out;
}

/** Refunds may not exceed what was sold, line by line, cumulatively; a refund of a missing original is refused. */
async function checkRefunds(
  q: RawQuery,
  fresh: readonly Pending[],
  answers: Map<Pending, IntakeResult>,
  alreadyStored: ReadonlySet<string>,
): Promise<Pending[]> {
  const refunds = fresh.filter((p) => isRefund(p) && !alreadyStored.has(keyOf(p.doc.fiscalModuleNumber, p.doc.number)));
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
