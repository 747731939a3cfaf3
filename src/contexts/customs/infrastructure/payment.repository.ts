/** Reads and writes of payment orders and budget-receipt confirmations (customs schema, 0019). */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import type { OrderLine } from '../domain/payments.ts';
import { type PaymentConfirmationRow, paymentConfirmations, paymentOrderLines, paymentOrders } from './payment.schema.ts';

export type StoredOrder = {
  readonly id: string;
  readonly reference: string;
  readonly version: number;
  readonly payerTin: string;
  readonly totalDirams: bigint;
  readonly issuedAt: Date;
  readonly lines: OrderLine[];
};

/** The payment order in force for a reference; `lock` serialises issuers and matchers of one reference. */
export async function currentOrder(db: Db, reference: string, lock = false): Promise<StoredOrder | undefined> {
  const query = db
    .select()
    .from(paymentOrders)
    .where(and(eq(paymentOrders.reference, reference), eq(paymentOrders.status, 'issued')));
  const [order] = lock ? await query.for('update') : await query;
  if (!order) return undefined;
  const lines = await db.select().from(paymentOrderLines).where(eq(paymentOrderLines.orderId, order.id)).orderBy(asc(paymentOrderLines.kind));
  return {
    id: order.id,
    reference: order.reference,
    version: order.version,
    payerTin: order.payerTin,
    totalDirams: order.totalDirams,
    issuedAt: order.issuedAt,
    lines: lines.map((l) => ({ kind: l.kind, budgetCode: l.budgetCode, amountDirams: l.amountDirams })),
  };
}

/** The highest version issued for a reference, 0 when none. */
export async function lastVersion(db: Db, reference: string): Promise<number> {
  const [row] = await db
    .select({ version: paymentOrders.version })
    .from(paymentOrders)
    .where(eq(paymentOrders.reference, reference))
    .orderBy(desc(paymentOrders.version))
    .limit(1);
  return row?.version ?? 0;
}

/**
 * One writer per reference at a time: a transaction-scoped advisory lock on the reference, so an
 * issue and a confirmation of the same reference cannot both miss each other.
 */
export async function lockReference(db: Db, reference: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`customs.payment:${reference}`}, 0))`);
}

export async function insertOrder(db: Db, order: StoredOrder, at: Date): Promise<void> {
  await db
    .update(paymentOrders)
    .set({ status: 'superseded', supersededAt: at })
    .where(and(eq(paymentOrders.reference, order.reference), eq(paymentOrders.status, 'issued')));
  await db.insert(paymentOrders).values({
    id: order.id,
    reference: order.reference,
    version: order.version,
    payerTin: order.payerTin,
    status: 'issued',
    totalDirams: order.totalDirams,
    issuedAt: at,
  });
  await db
    .insert(paymentOrderLines)
    .values(order.lines.map((l) => ({ orderId: order.id, kind: l.kind, budgetCode: l.budgetCode, amountDirams: l.amountDirams })));
}

export const confirmationsOf = (db: Db, reference: string): Promise<PaymentConfirmationRow[]> =>
  db.select().from(paymentConfirmations).where(eq(paymentConfirmations.reference, reference)).orderBy(asc(paymentConfirmations.receivedAt));

export async function findConfirmation(db: Db, key: { paymentOrderNumber: string; paymentOrderDate: string; payerTin: string }) {
  const [row] = await db
    .select()
    .from(paymentConfirmations)
    .where(
      and(
        eq(paymentConfirmations.paymentOrderNumber, key.paymentOrderNumber),
        eq(paymentConfirmations.paymentOrderDate, key.paymentOrderDate),
        eq(paymentConfirmations.payerTin, key.payerTin),
      ),
    );
  return row;
}

/** Inserts unless the bank payment order is there already; true when this call inserted it. */
export async function insertConfirmation(db: Db, row: typeof paymentConfirmations.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(paymentConfirmations).values(row).onConflictDoNothing().returning({ id: paymentConfirmations.id });
  return inserted.length > 0;
}

export async function markMatched(db: Db, id: string, orderId: string, at: Date): Promise<void> {
  await db.update(paymentConfirmations).set({ status: 'matched', unmatchedReason: null, orderId, matchedAt: at }).where(eq(paymentConfirmations.id, id));
}

export async function markUnmatched(db: Db, id: string, reason: NonNullable<PaymentConfirmationRow['unmatchedReason']>): Promise<void> {
  await db
    .update(paymentConfirmations)
    .set({ status: 'unmatched', unmatchedReason: reason, orderId: null, matchedAt: null })
    .where(eq(paymentConfirmations.id, id));
}

/** The sum of matched receipts of a reference (CUS-REL-02). */
export async function matchedTotal(db: Db, reference: string): Promise<bigint> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${paymentConfirmations.amountDirams}), 0)::text` })
    .from(paymentConfirmations)
    .where(and(eq(paymentConfirmations.reference, reference), eq(paymentConfirmations.status, 'matched')));
  return BigInt(row?.total ?? '0');
}

/** Receipts no payment order took, oldest first (an officer's work list). */
export const unmatchedConfirmations = (db: Db, limit: number, offset: number): Promise<PaymentConfirmationRow[]> =>
  db
    .select()
    .from(paymentConfirmations)
    .where(eq(paymentConfirmations.status, 'unmatched'))
    .orderBy(asc(paymentConfirmations.recordedAt))
    .limit(limit)
    .offset(offset);
