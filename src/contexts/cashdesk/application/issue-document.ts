import { randomBytes } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { ok, type Result } from '../../../platform/result.ts';
import type { FiscalDocument } from '../../fiscal/index.ts';
import { toLocalIso } from '../domain/dushanbe-time.ts';
import { offlineTimeLeft } from '../domain/register-guard.ts';
import type { DocumentRequest, FiscalModulePort, ModuleFailure, ModuleStatus } from '../infrastructure/fiscal-module/port.ts';
import { type Delivery, documents } from '../infrastructure/schema.ts';
import type { CashdeskDeps } from './deps.ts';
import type { Vcr } from './register-access.ts';

/** What became of a document sent (or not) to the operator. */
export type DeliveryState = {
  readonly status: Delivery;
  /** The operator's refusal code, or the module's when it did not accept the acknowledgement. */
  readonly code: string | null;
  /** What the operator holds against an accepted document (e.g. OFFLINE_LATE, p.36). */
  readonly violations: readonly string[];
  readonly acknowledgedAt: Date | null;
};

/** p.36: the offline period of the undelivered documents and how much of its 24 hours is left. */
export type OfflineView = { readonly since: string; readonly limitAt: string; readonly stopAt: string; readonly msLeft: number; readonly isStopped: boolean };

export const QUEUED: DeliveryState = { status: 'queued', code: null, violations: [], acknowledgedAt: null };

/** A fresh token for the buyer's electronic receipt link (128 random bits). */
export const newReceiptToken = (): string => randomBytes(16).toString('base64url');

export function offlineView(deps: CashdeskDeps, status: ModuleStatus | undefined): OfflineView | null {
  if (!status?.offline) return null;
  const left = offlineTimeLeft(status.offline.since, deps.clock.now().getTime(), deps.policy);
  return {
    since: status.offline.since,
    limitAt: toLocalIso(left.limitAtMs),
    stopAt: toLocalIso(left.stopAtMs),
    msLeft: left.msLeft,
    isStopped: left.isStopped,
  };
}

/** Whether the operator can be reached now: the link state when it is fresh, else one question to the operator. */
export async function isOperatorReachable(deps: CashdeskDeps): Promise<boolean> {
  const state = deps.linkState.get();
  if (state.isFresh) return state.isOnline;
  const answer = await deps.link().operatorTime();
  if (answer.kind === 'answered') deps.linkState.up(deps.clock.now());
  else deps.linkState.down(deps.clock.now(), answer.reason);
  return answer.kind === 'answered';
}

/** Records what the operator answered for some documents of one module, in one statement. */
export async function recordDeliveries(
  db: Db,
  fiscalModuleNumber: string,
  entries: readonly { readonly number: number; readonly state: DeliveryState }[],
): Promise<void> {
  if (entries.length === 0) return;
  const list = (values: readonly (string | null)[]) =>
    sql.join(
      values.map((v) => sql`${v}::text`),
      sql`, `,
    );
  await db.execute(sql`
    UPDATE cashdesk.documents d
       SET delivery = u.delivery, refusal_code = u.code, violations = u.violations::jsonb, acknowledged_at = u.at::timestamptz
      FROM unnest(ARRAY[${list(entries.map((e) => String(e.number)))}]::bigint[],
                  ARRAY[${list(entries.map((e) => e.state.status))}]::text[],
                  ARRAY[${list(entries.map((e) => e.state.code))}]::text[],
                  ARRAY[${list(entries.map((e) => JSON.stringify(e.state.violations)))}]::text[],
                  ARRAY[${list(entries.map((e) => e.state.acknowledgedAt?.toISOString() ?? null))}]::text[]) AS u(number, delivery, code, violations, at)
     WHERE d.fiscal_module_number = ${fiscalModuleNumber} AND d.number = u.number`);
}

/**
 * Sends one document now and hands the operator's acknowledgement to the module, which checks it
 * before it counts the document delivered (FIS-FM-20). Unreachable: the document stays in the
 * module's queue on disk and the worker sends it later (p.36).
 */
export async function deliverNow(deps: CashdeskDeps, port: FiscalModulePort, document: FiscalDocument): Promise<DeliveryState> {
  const answer = await deps.link().sendDocument(document);
  const now = deps.clock.now();
  if (answer.kind === 'unreachable') {
    deps.linkState.down(now, answer.reason);
    return QUEUED;
  }
  deps.linkState.up(now);
  const state = await stateOfAnswer(port, answer.kind === 'accepted' ? { status: 'accepted', ack: answer.ack } : answer, now);
  await recordDeliveries(deps.database.db, document.fiscalModuleNumber, [{ number: document.number, state }]);
  return state;
}

/** The delivery state of one answer of the operator; an acknowledgement counts only once the module has checked it. */
export async function stateOfAnswer(
  port: FiscalModulePort,
  answer: { readonly status: 'accepted'; readonly ack: string } | { readonly code: string },
  now: Date,
): Promise<DeliveryState> {
  if (!('ack' in answer)) return { status: 'refused', code: answer.code, violations: [], acknowledgedAt: now };
  const accepted = await port.acceptAck({ ack: answer.ack, at: toLocalIso(now.getTime()) });
  // A forged or foreign acknowledgement changes nothing: the document stays queued (the module counts it).
  if (!accepted.ok) return { ...QUEUED, code: accepted.error.code };
  return { status: 'accepted', code: null, violations: accepted.value.violations, acknowledgedAt: now };
}

export type IssueInput<D extends FiscalDocument> = {
  readonly form: (request: DocumentRequest) => Promise<Result<D, ModuleFailure>>;
  /** Register-side facts kept with the copy (change given, buyer's name of a refund, e-receipt token). */
  readonly extra?: { readonly change?: number; readonly buyerName?: string; readonly eReceiptToken?: string };
  /** More writes in the same transaction as the copy (a shift opened or closed). */
  readonly alsoInTransaction?: (tx: Db, document: D) => Promise<void>;
  readonly audit: { readonly actor: string; readonly action: string; readonly after: (document: D) => unknown };
};

export type Issued<D extends FiscalDocument> = { readonly document: D; readonly delivery: DeliveryState; readonly offline: OfflineView | null };

/**
 * One fiscal document, start to end (the caller holds the register's exclusive turn and has run the
 * guard): the module forms and seals it with the link state (p.36, p.76-79), the register keeps a
 * copy with the audit entry, and, online with nothing older waiting, sends it at once. With a queue
 * waiting, the new document joins it, so the operator receives the module's documents in order.
 */
export async function issueDocument<D extends FiscalDocument>(
  deps: CashdeskDeps,
  vcr: Vcr,
  port: FiscalModulePort,
  input: IssueInput<D>,
): Promise<Result<Issued<D>, ModuleFailure>> {
  const isOnline = await isOperatorReachable(deps);
  const at = toLocalIso(deps.clock.now().getTime());
  const formed = await input.form({ registerNumber: vcr.serialNumber, at, isOffline: !isOnline });
  if (!formed.ok) return formed;
  const document = formed.value;
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    await tx.insert(documents).values(copyOf(vcr, document, input.extra));
    await input.alsoInTransaction?.(tx, document);
    await appendAudit(tx, now, {
      actor: input.audit.actor,
      action: input.audit.action,
      entity: 'cashdesk.document',
      entityId: `${document.fiscalModuleNumber}/${document.number}`,
      after: input.audit.after(document),
    });
  });
  let delivery = QUEUED;
  if (isOnline && (await queuedBefore(deps.database.db, document)) === 0) delivery = await deliverNow(deps, port, document);
  const status = await port.status({ at: toLocalIso(deps.clock.now().getTime()) });
  return ok({ document, delivery, offline: offlineView(deps, status.ok ? status.value : undefined) });
}

/** The register's copy of a sealed document. */
export function copyOf(vcr: Vcr, d: FiscalDocument, extra: IssueInput<FiscalDocument>['extra'] = {}): typeof documents.$inferInsert {
  return {
    fiscalModuleNumber: d.fiscalModuleNumber,
    number: d.number,
    registerId: vcr.id,
    docType: d.type,
    shiftNumber: d.shiftNumber,
    operation: d.type === 'receipt' ? d.operation : null,
    issuedAt: new Date(d.issuedAt),
    total: d.type === 'receipt' ? d.total : 0,
    isOffline: d.isOffline,
    refundOfNumber: d.type === 'receipt' && d.refundOf ? d.refundOf.number : null,
    body: d,
    change: extra.change ?? 0,
    buyerName: extra.buyerName ?? null,
    eReceiptToken: extra.eReceiptToken ?? null,
    delivery: 'queued',
  };
}

async function queuedBefore(db: Db, d: FiscalDocument): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(documents)
    .where(and(eq(documents.fiscalModuleNumber, d.fiscalModuleNumber), eq(documents.delivery, 'queued'), ne(documents.number, d.number)));
  return Number(row?.n ?? 0);
}
