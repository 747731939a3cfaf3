import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { fail, ok, type Failure, type Result } from '../../../platform/result.ts';
import type { Receipt } from '../../fiscal/index.ts';
import { toLocalIso } from '../domain/dushanbe-time.ts';
import type { GuardReason } from '../domain/register-guard.ts';
import type { ModuleStatus } from '../infrastructure/fiscal-module/port.ts';
import { documents, registers } from '../infrastructure/schema.ts';
import type { CashdeskDeps } from './deps.ts';
import { type OfflineView, offlineView } from './issue-document.ts';
import { receiptRow, refundsOf } from './records.ts';
import { isUnlocked, loadRegister } from './register-access.ts';
import { checkReadiness } from './register-readiness.ts';
import { deliveryOf, type ReceiptView, type RegisterView, receiptView, registerView } from './views.ts';

/** The business's registers (a business sees only its own). */
export async function listRegisters(deps: CashdeskDeps, actor: AccountPrincipal): Promise<RegisterView[]> {
  if (actor.role !== 'business' || !actor.tin) return [];
  const rows = await deps.database.db.select().from(registers).where(eq(registers.businessTin, actor.tin)).orderBy(registers.createdAt);
  return Promise.all(
    rows.map(async (vcr) => registerView(vcr, await deps.registerFacts(vcr.fiscalRegisterId), await moduleStatus(deps, vcr.fiscalModuleNumber))),
  );
}

export async function getRegister(deps: CashdeskDeps, actor: AccountPrincipal, id: string): Promise<Result<RegisterView, Failure<'NOT_FOUND'>>> {
  const vcr = await loadRegister(deps, actor, id);
  if (!vcr.ok) return vcr;
  return ok(registerView(vcr.value, await deps.registerFacts(vcr.value.fiscalRegisterId), await moduleStatus(deps, vcr.value.fiscalModuleNumber)));
}

async function moduleStatus(deps: CashdeskDeps, moduleNumber: string): Promise<ModuleStatus | undefined> {
  const port = await deps.modules.open(moduleNumber);
  const s = port ? await port.status({ at: toLocalIso(deps.clock.now().getTime()) }) : undefined;
  return s?.ok ? s.value : undefined;
}

export type RegisterStatus = {
  readonly canIssueReceipts: boolean;
  readonly canCloseShift: boolean;
  readonly reasons: readonly GuardReason[];
  readonly warnings: readonly GuardReason[];
  readonly isUnlocked: boolean;
  readonly link: { readonly isOnline: boolean; readonly checkedAt: Date | null; readonly lastError: string | null };
  readonly clock: { readonly checkedAt: Date | null; readonly offsetMs: number | null };
  readonly module: {
    readonly state: ModuleStatus['state'] | 'missing';
    readonly lock: ModuleStatus['lock'];
    readonly memory: ModuleStatus['memory'] | null;
    readonly nextNumber: number | null;
  };
  readonly queue: { readonly length: number; readonly refused: number };
  readonly offline: OfflineView | null;
  readonly shift: ModuleStatus['shift'] | null;
};

/**
 * What the cashier's screen shows (FIS-IMP-39): every reason the register may not work, the module's
 * memory and lock, the queue and the time left of p.36's 24 hours, the clock's offset from the
 * operator's. Reading it commissions a module the TSC has just initialised, and nothing else.
 */
export async function registerStatus(
  deps: CashdeskDeps,
  actor: AccountPrincipal,
  session: string | undefined,
  id: string,
): Promise<Result<RegisterStatus, Failure<'NOT_FOUND'>>> {
  const found = await loadRegister(deps, actor, id);
  if (!found.ok) return found;
  const ready = await deps.modules.exclusive(found.value.id, () => checkReadiness(deps, found.value, 'never'));
  const s = ready.status;
  const [refused] = await deps.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(documents)
    .where(and(eq(documents.registerId, found.value.id), eq(documents.delivery, 'refused')));
  const link = deps.linkState.get();
  return ok({
    canIssueReceipts: ready.verdict.canIssueReceipts,
    canCloseShift: ready.verdict.canCloseShift,
    reasons: ready.verdict.reasons,
    warnings: ready.verdict.warnings,
    isUnlocked: await isUnlocked(deps, found.value, session),
    link: { isOnline: link.isOnline, checkedAt: link.checkedAt, lastError: link.lastError },
    clock: { checkedAt: ready.vcr.clockCheckedAt, offsetMs: ready.vcr.clockOffsetMs },
    module: { state: s?.state ?? 'missing', lock: s?.lock ?? null, memory: s?.memory ?? null, nextNumber: s?.nextNumber ?? null },
    queue: { length: s?.pendingCount ?? 0, refused: Number(refused?.n ?? 0) },
    offline: offlineView(deps, s),
    shift: s?.shift ?? null,
  });
}

/** Receipts of the register, newest first; by shift, and before a document number to page. */
export async function listReceipts(
  deps: CashdeskDeps,
  actor: AccountPrincipal,
  id: string,
  query: { readonly shift?: number; readonly before?: number; readonly limit?: number },
): Promise<Result<ReceiptView[], Failure<'NOT_FOUND'>>> {
  const vcr = await loadRegister(deps, actor, id);
  if (!vcr.ok) return vcr;
  const rows = await deps.database.db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.registerId, vcr.value.id),
        eq(documents.docType, 'receipt'),
        query.shift !== undefined ? eq(documents.shiftNumber, query.shift) : undefined,
        query.before !== undefined ? lt(documents.number, query.before) : undefined,
      ),
    )
    .orderBy(desc(documents.number))
    .limit(query.limit ?? 50);
  return ok(
    rows.map((row) =>
      receiptView(deps, {
        document: row.body as Receipt,
        change: row.change,
        buyerName: row.buyerName,
        eReceiptToken: row.eReceiptToken,
        delivery: deliveryOf(row),
      }),
    ),
  );
}

/** One receipt with what has been refunded of it so far. */
export async function getReceipt(
  deps: CashdeskDeps,
  actor: AccountPrincipal,
  id: string,
  number: number,
): Promise<Result<ReceiptView, Failure<'NOT_FOUND' | 'RECEIPT_NOT_FOUND'>>> {
  const vcr = await loadRegister(deps, actor, id);
  if (!vcr.ok) return vcr;
  const row = await receiptRow(deps.database.db, vcr.value.fiscalModuleNumber, number);
  if (!row || row.registerId !== vcr.value.id) return fail('RECEIPT_NOT_FOUND');
  const refunds = (row.body as Receipt).operation === 'sale' ? await refundsOf(deps.database.db, vcr.value.fiscalModuleNumber, number) : [];
  return ok(
    receiptView(deps, {
      document: row.body as Receipt,
      change: row.change,
      buyerName: row.buyerName,
      eReceiptToken: row.eReceiptToken,
      delivery: deliveryOf(row),
      refunds,
    }),
  );
}

/** The buyer's electronic receipt by its link token (public: the token is the secret). */
export async function receiptByToken(deps: CashdeskDeps, token: string): Promise<Receipt | undefined> {
  const [row] = await deps.database.db.select({ body: documents.body }).from(documents).where(eq(documents.eReceiptToken, token));
  return row?.body as Receipt | undefined;
}
