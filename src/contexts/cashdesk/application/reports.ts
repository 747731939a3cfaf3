import { and, desc, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { fail, ok, type Failure, type Result } from '../../../platform/result.ts';
import { DUSHANBE_OFFSET_MS, toLocalIso } from '../domain/dushanbe-time.ts';
import {
  type DayReport,
  type PaymentFormReport,
  type ProductReport,
  reportByDay,
  reportByPaymentForm,
  reportByProduct,
  type XReport,
  xReport,
} from '../domain/shift-reports.ts';
import { shifts } from '../infrastructure/schema.ts';
import type { CashdeskDeps } from './deps.ts';
import { receiptsBetween, receiptsOfShift } from './records.ts';
import { loadRegister } from './register-access.ts';
import { signatureState } from './send-shift-signatures.ts';

/**
 * The X-report (p.5): the totals of the open shift with the cash expected in the drawer; nothing is
 * closed or reset. Read from the register's copies of the receipts, as the operator would count them.
 */
export async function currentXReport(
  deps: CashdeskDeps,
  actor: AccountPrincipal,
  registerId: string,
): Promise<Result<XReport, Failure<'NOT_FOUND' | 'SHIFT_NOT_OPEN'>>> {
  const vcr = await loadRegister(deps, actor, registerId);
  if (!vcr.ok) return vcr;
  const db = deps.database.db;
  const [open] = await db.select().from(shifts).where(eq(shifts.registerId, vcr.value.id)).orderBy(desc(shifts.shiftNumber)).limit(1);
  if (!open || open.closedAt) return fail('SHIFT_NOT_OPEN');
  const receipts = await receiptsOfShift(db, vcr.value.id, open.shiftNumber);
  const at = toLocalIso(deps.clock.now().getTime());
  return ok(xReport({ shiftNumber: open.shiftNumber, openedAt: toLocalIso(open.openedAt.getTime()), openingCash: open.openingCash }, receipts, at));
}

/** The register's shifts, newest first. */
export async function listShifts(deps: CashdeskDeps, actor: AccountPrincipal, registerId: string) {
  const vcr = await loadRegister(deps, actor, registerId);
  if (!vcr.ok) return vcr;
  const rows = await deps.database.db
    .select()
    .from(shifts)
    .where(and(eq(shifts.registerId, vcr.value.id)))
    .orderBy(desc(shifts.shiftNumber))
    .limit(500);
  return ok(
    rows.map((s) => ({
      shiftNumber: s.shiftNumber,
      openedAt: toLocalIso(s.openedAt.getTime()),
      openingCash: s.openingCash,
      closedAt: s.closedAt ? toLocalIso(s.closedAt.getTime()) : null,
      zNumber: s.zNumber,
      signature: signatureState(s),
    })),
  );
}

export type GeneralReports = { readonly byDay: DayReport[]; readonly byProduct: ProductReport[]; readonly byPaymentForm: PaymentFormReport };

/** Dushanbe midnight of a calendar date. */
const dayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - DUSHANBE_OFFSET_MS);

/**
 * The general reports of p.5 over Dushanbe calendar days `from` to `to` (both included): by day, by
 * product and by payment form. A refund counts on its own day (p.42).
 */
export async function generalReports(
  deps: CashdeskDeps,
  actor: AccountPrincipal,
  registerId: string,
  period: { readonly from: string; readonly to: string },
): Promise<Result<GeneralReports, Failure<'NOT_FOUND' | 'VALIDATION_FAILED'>>> {
  const vcr = await loadRegister(deps, actor, registerId);
  if (!vcr.ok) return vcr;
  if (period.to < period.from) return fail('VALIDATION_FAILED', 'querystring.to');
  const receipts = await receiptsBetween(deps.database.db, vcr.value.id, dayStart(period.from), new Date(dayStart(period.to).getTime() + 86_400_000));
  return ok({ byDay: reportByDay(receipts), byProduct: reportByProduct(receipts), byPaymentForm: reportByPaymentForm(receipts) });
}
