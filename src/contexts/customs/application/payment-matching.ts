import type { Db } from '../../../platform/db.ts';
import { publish } from '../../../platform/outbox.ts';
import { matchReceipt } from '../domain/payments.ts';
import type { StoredOrder } from '../infrastructure/payment.repository.ts';
import { markMatched, markUnmatched } from '../infrastructure/payment.repository.ts';
import type { PaymentConfirmationRow } from '../infrastructure/payment.schema.ts';

/**
 * The outbox topic of a receipt matched to a reference, written in the transaction that matched
 * it, so the declaration slice can release the goods (art.149 p.2-3, IMP-10). Payload:
 * `{ reference, paymentOrderNumber, amountDirams }` with the amount as a decimal string.
 */
export const PAYMENT_CONFIRMED_TOPIC = 'customs.payment_confirmed';
export type PaymentConfirmedEvent = { readonly reference: string; readonly paymentOrderNumber: string; readonly amountDirams: string };

/**
 * Matches one stored confirmation against the order in force and records the outcome; publishes
 * the event only when the receipt becomes matched (a replay or a re-issue publishes nothing new).
 * Returns whether it is matched now.
 */
export async function applyMatch(tx: Db, order: StoredOrder | undefined, row: PaymentConfirmationRow, at: Date): Promise<boolean> {
  const match = matchReceipt(row, order);
  if (match.isMatched && order) {
    if (row.status !== 'matched' || row.orderId !== order.id) await markMatched(tx, row.id, order.id, at);
    if (row.status !== 'matched') {
      const payload: PaymentConfirmedEvent = {
        reference: row.reference,
        paymentOrderNumber: row.paymentOrderNumber,
        amountDirams: row.amountDirams.toString(),
      };
      await publish(tx, PAYMENT_CONFIRMED_TOPIC, payload, at);
    }
    return true;
  }
  if (!match.isMatched && (row.status !== 'unmatched' || row.unmatchedReason !== match.reason)) await markUnmatched(tx, row.id, match.reason);
  return false;
}
