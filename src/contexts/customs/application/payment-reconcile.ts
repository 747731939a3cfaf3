import { appendAudit } from '../../../platform/audit.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { FinanceErrorCode } from '../domain/finance-errors.ts';
import { isPaymentReference } from '../domain/payments.ts';
import type { PaymentDeps } from './payment-finance-authority.ts';
import { recordPaymentConfirmation } from './payment-record-confirmation.ts';

export type Reconciliation = {
  readonly reference: string;
  /** Receipts the finance authority holds for the reference. */
  readonly found: number;
  /** Of those, receipts customs had missed and records now. */
  readonly recorded: number;
  /** Receipts whose data differ from what customs recorded for the same bank payment order. */
  readonly conflicts: number;
};

/**
 * CUS-REL-03, CUS-REL-04: asks the finance authority for the receipts of a reference (art.149 p.2)
 * and records those whose push never arrived, exactly as a push would. The query runs outside any
 * transaction; each receipt is recorded in its own, so one bad receipt does not hide the others.
 */
export async function reconcilePayments(deps: PaymentDeps, actor: string, reference: string): Promise<Result<Reconciliation, Failure<FinanceErrorCode>>> {
  if (!isPaymentReference(reference)) return fail('PAYMENT_REFERENCE_INVALID', 'params.reference');
  const receipts = await deps.finance.authority.receiptsByReference(reference);
  if (!receipts.ok) return receipts;
  let recorded = 0;
  let conflicts = 0;
  for (const receipt of receipts.value.filter((r) => r.reference === reference)) {
    const done = await recordPaymentConfirmation(deps, receipt, 'reconciliation');
    if (!done.ok) conflicts += 1;
    else if (done.value.outcome === 'recorded') recorded += 1;
  }
  const result = { reference, found: receipts.value.length, recorded, conflicts };
  if (recorded > 0 || conflicts > 0) {
    const at = deps.clock.now();
    await deps.database.db.transaction((tx) =>
      appendAudit(tx, at, { actor, action: 'customs.payments_reconciled', entity: 'customs.payment_confirmations', entityId: reference, after: result }),
    );
  }
  return ok(result);
}
