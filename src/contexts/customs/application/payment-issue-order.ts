import { appendAuditLater as appendAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { FinanceErrorCode } from '../domain/finance-errors.ts';
import { type OrderLine, orderLines, type PaymentLine, sameLines } from '../domain/payments.ts';
import { confirmationsOf, currentOrder, insertOrder, lastVersion, lockReference } from '../infrastructure/payment.repository.ts';
import { applyMatch } from './payment-matching.ts';

export type IssuePaymentOrderInput = {
  /** The goods declaration's registration number: the payer writes it on the bank payment order. */
  readonly reference: string;
  readonly payerTin: string;
  readonly lines: readonly PaymentLine[];
  readonly at: Date;
  /** Who issues it, for the audit log; the declaration slice issues as `system:customs`. */
  readonly actor?: string;
};

export type IssuedPaymentOrder = {
  readonly reference: string;
  readonly version: number;
  readonly payerTin: string;
  readonly lines: readonly OrderLine[];
  readonly totalDirams: bigint;
  readonly issuedAt: Date;
  /** False when the same order was in force already (a repeated call changes nothing). */
  readonly isNew: boolean;
};

/**
 * CUS-DEC-85: issues the payment details (payment order) for a reference with the amounts per kind
 * and their budget codes, in the caller's transaction. The same payer and lines again are a no-op;
 * other amounts supersede the order in force (an amended declaration). Receipts already in for the
 * reference (paid before acceptance, CUS-DEC-70) are matched now and published.
 */
export async function issuePaymentOrder(tx: Db, input: IssuePaymentOrderInput): Promise<Result<IssuedPaymentOrder, Failure<FinanceErrorCode>>> {
  const checked = orderLines(input.reference, input.lines);
  if (!checked.ok) return fail(checked.problem.code, `body.${checked.problem.field}`);
  if (!/^\d{9}$/.test(input.payerTin)) return fail('PAYMENT_PAYER_INVALID', 'body.payerTin');
  await lockReference(tx, input.reference);
  const current = await currentOrder(tx, input.reference);
  if (current && current.payerTin === input.payerTin && sameLines(current.lines, checked.lines)) return ok({ ...current, isNew: false });

  const order = {
    id: uuidv7(input.at.getTime()),
    reference: input.reference,
    version: (await lastVersion(tx, input.reference)) + 1,
    payerTin: input.payerTin,
    totalDirams: checked.lines.reduce((s, l) => s + l.amountDirams, 0n),
    issuedAt: input.at,
    lines: checked.lines,
  };
  await insertOrder(tx, order, input.at);
  for (const row of await confirmationsOf(tx, input.reference)) await applyMatch(tx, order, row, input.at);
  await appendAudit(tx, input.at, {
    actor: input.actor ?? 'system:customs',
    action: 'customs.payment_order_issued',
    entity: 'customs.payment_orders',
    entityId: `${order.reference}/${order.version}`,
    before: current ? { version: current.version, totalDirams: current.totalDirams.toString() } : undefined,
    after: { payerTin: order.payerTin, lines: order.lines.map((l) => ({ ...l, amountDirams: l.amountDirams.toString() })) },
  });
  return ok({ ...order, isNew: true });
}
