import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { FinanceErrorCode } from '../domain/finance-errors.ts';
import { type OrderLine, type Settlement, settle } from '../domain/payments.ts';
import { confirmationsOf, currentOrder, matchedTotal } from '../infrastructure/payment.repository.ts';
import type { PaymentConfirmationRow } from '../infrastructure/payment.schema.ts';
import type { CustomsDeps } from './deps.ts';

export type PaymentStatement = {
  readonly reference: string;
  readonly version: number;
  readonly payerTin: string;
  readonly issuedAt: Date;
  readonly lines: readonly OrderLine[];
  readonly settlement: Settlement;
  /** IMP-10: the budget receipts as the finance authority confirmed them, matched or not. */
  readonly receipts: readonly PaymentConfirmationRow[];
};

/** CUS-REL-02: the sum of the confirmed receipts matched to a reference, in dirams. */
export const paidTotal = (tx: Db, reference: string): Promise<bigint> => matchedTotal(tx, reference);

/**
 * The payment order of a reference with what is due, paid and outstanding per kind, and the
 * receipts behind it (IMP-10: the payer sees the budget receipt data). A declarant sees only the
 * orders it is the payer of; another's reference reads as not found.
 */
export async function getPaymentStatement(
  deps: CustomsDeps,
  viewer: AccountPrincipal,
  reference: string,
): Promise<Result<PaymentStatement, Failure<FinanceErrorCode>>> {
  const db = deps.database.db;
  const order = await currentOrder(db, reference);
  const isOwn = order && (viewer.role === 'customs_officer' || viewer.tin === order.payerTin);
  if (!order || !isOwn) return fail('PAYMENT_ORDER_NOT_FOUND', 'params.reference');
  const receipts = await confirmationsOf(db, reference);
  const matched = receipts.filter((r) => r.status === 'matched');
  return ok({
    reference,
    version: order.version,
    payerTin: order.payerTin,
    issuedAt: order.issuedAt,
    lines: order.lines,
    settlement: settle(order.lines, matched),
    receipts: viewer.role === 'customs_officer' ? receipts : receipts.filter((r) => r.payerTin === viewer.tin),
  });
}
