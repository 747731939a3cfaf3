import { appendAuditLater as appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { FinanceErrorCode } from '../domain/finance-errors.ts';
import { isSameReceipt } from '../domain/payments.ts';
import { currentOrder, findConfirmation, insertConfirmation, lockReference } from '../infrastructure/payment.repository.ts';
import type { FinanceReceipt } from './payment-finance-authority.ts';
import { applyMatch } from './payment-matching.ts';
import type { CustomsDeps } from './deps.ts';

export type RecordedConfirmation = {
  /** `recorded` the first time; `duplicate` for a repeat of the same bank payment order (nothing changes). */
  readonly outcome: 'recorded' | 'duplicate';
  readonly isMatched: boolean;
  readonly reference: string;
  readonly paymentOrderNumber: string;
};

/**
 * CUS-REL-04, art.149 p.3: records a receipt into the budget that the finance authority confirmed
 * (pushed, or found by reconciliation), idempotent on the bank payment order (number, date, payer),
 * and matches it to the payment order of its reference; a match publishes customs.payment_confirmed
 * in the same transaction. A repeat with other data is refused: one of the two is wrong.
 */
export async function recordPaymentConfirmation(
  deps: CustomsDeps,
  receipt: FinanceReceipt,
  source: 'push' | 'reconciliation',
): Promise<Result<RecordedConfirmation, Failure<FinanceErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    await lockReference(tx, receipt.reference);
    const id = uuidv7(now.getTime());
    const isNew = await insertConfirmation(tx, {
      id,
      paymentOrderNumber: receipt.paymentOrderNumber,
      paymentOrderDate: receipt.paymentOrderDate,
      payerTin: receipt.payerTin,
      reference: receipt.reference,
      budgetCode: receipt.budgetCode,
      amountDirams: receipt.amountDirams,
      financeReceiptId: receipt.receiptId,
      receivedAt: receipt.receivedAt,
      recordedAt: now,
      source,
      status: 'unmatched',
      unmatchedReason: 'NO_PAYMENT_ORDER',
    });
    const row = await findConfirmation(tx, receipt);
    if (!row) throw new Error('confirmation vanished inside its transaction');
    const result = { reference: row.reference, paymentOrderNumber: row.paymentOrderNumber };
    if (!isNew) {
      if (!isSameReceipt(row, receipt)) return fail('PAYMENT_CONFIRMATION_CONFLICT', 'body.paymentOrderNumber', { reference: row.reference });
      return ok({ ...result, outcome: 'duplicate' as const, isMatched: row.status === 'matched' });
    }
    const isMatched = await applyMatch(tx, await currentOrder(tx, receipt.reference), row, now);
    await appendAudit(tx, now, {
      actor: 'system:finance-authority',
      action: 'customs.payment_confirmed',
      entity: 'customs.payment_confirmations',
      entityId: id,
      after: { ...receipt, amountDirams: receipt.amountDirams.toString(), source, isMatched },
    });
    return ok({ ...result, outcome: 'recorded' as const, isMatched });
  });
}
